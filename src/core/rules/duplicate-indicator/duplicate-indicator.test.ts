import { tableAddress, testRule } from '../test-kit';
import { annualRow, longTermRow } from '../util/basic-fixtures';
import { rule } from '.';

const annual3 = { annual: [{}, {}, {}] };
const longTerm3 = { longTerm: [{}, {}, {}] };

testRule(rule, {
  valid: [
    {
      name: 'different indicators',
      snapshot: {
        annual: [annualRow({ level3: '会议费控制率' }), annualRow({ level3: '公用经费控制率' })],
      },
    },
    {
      name: 'the same indicator in the long-term and the annual table',
      snapshot: { annual: [annualRow()], longTerm: [longTermRow()] },
    },
    {
      name: 'two placeholder rows are placeholder-row’s',
      snapshot: { annual: [annualRow(), { level3: '……' }, { level3: '……' }] },
    },
  ],
  invalid: [
    {
      name: 'the same 三级指标 twice',
      snapshot: {
        annual: [
          annualRow({ level3: '预算执行率' }),
          annualRow({ level3: '结转结余率' }),
          annualRow({ level3: '预算执行率' }),
        ],
      },
      findings: [
        {
          cells: [
            tableAddress('annual', 2, 'level3', annual3),
            tableAddress('annual', 0, 'level3', annual3),
          ],
          severity: 'warning',
          zh: /三级指标“预算执行率”重复出现（与 D\d+ 相同）/,
          fix: null,
        },
      ],
    },
    {
      name: 'differences of blanks, width and residue do not count',
      snapshot: {
        longTerm: [
          longTermRow({ level3: '“三公”经费变动率' }),
          longTermRow({ level3: '[bookmark: _GoBack]“三公” 经费变动率' }),
          longTermRow({ level3: '“三公”经费\n变动率' }),
        ],
      },
      findings: [
        {
          cells: [
            tableAddress('longTerm', 1, 'level3', longTerm3),
            tableAddress('longTerm', 0, 'level3', longTerm3),
          ],
        },
        {
          cells: [
            tableAddress('longTerm', 2, 'level3', longTerm3),
            tableAddress('longTerm', 0, 'level3', longTerm3),
          ],
        },
      ],
    },
  ],
});

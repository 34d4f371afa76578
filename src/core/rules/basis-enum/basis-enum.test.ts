import { tableAddress, testRule } from '../test-kit';
import { annualRow, longTermRow } from '../util/basic-fixtures';
import { rule } from '.';

const fix = (table: 'annual' | 'longTerm', value: string, i = 0, n = 1) => ({
  address: tableAddress(table, i, 'basis', {
    annual: Array(n).fill({}),
    longTerm: Array(n).fill({}),
  }),
  value,
  label: { zh: `改为“${value}”`, en: `Change to ${value}` },
});

testRule(rule, {
  valid: [
    {
      name: 'the four choices',
      snapshot: {
        annual: ['计划标准', '行业标准', '历史标准', '其他标准'].map((basis) =>
          annualRow({ basis }),
        ),
      },
    },
    {
      name: 'with blanks around',
      snapshot: { longTerm: [longTermRow({ basis: '\u3000计划标准 ' })] },
    },
    {
      name: 'empty is indicator-required’s',
      snapshot: { longTerm: [longTermRow({ basis: null })] },
    },
  ],
  invalid: [
    {
      name: '其它标准 (它 for 他)',
      snapshot: { annual: [annualRow({ basis: '其它标准' })] },
      findings: [
        {
          cells: [tableAddress('annual', 0, 'basis')],
          severity: 'error',
          zh: '指标值确定依据“其它标准”写法有误：应为“其他标准”',
          fix: fix('annual', '其他标准'),
        },
      ],
    },
    {
      name: 'a short form, and a decorated one',
      snapshot: {
        longTerm: [longTermRow({ basis: '计划' }), longTermRow({ basis: '历史标准依据' })],
      },
      findings: [
        { fix: fix('longTerm', '计划标准', 0, 2) },
        { fix: fix('longTerm', '历史标准', 1, 2) },
      ],
    },
    {
      name: 'an unknown basis',
      snapshot: { annual: [annualRow({ basis: '领导要求' })] },
      findings: [{ zh: '应为 计划标准、行业标准、历史标准、其他标准 之一', fix: null }],
    },
  ],
});

import { tableAddress, testRule } from '../test-kit';
import { annualRow, longTermRow } from '../util/basic-fixtures';
import { rule } from '.';

const fix = (i: number, value: string, n = 1) => ({
  address: tableAddress('annual', i, 'category', { annual: Array(n).fill({}) }),
  value,
  label: { zh: `改为“${value}”`, en: `Change to ${value}` },
});

testRule(rule, {
  valid: [
    {
      name: 'both choices',
      snapshot: {
        annual: [annualRow({ category: '绩效基本型' }), annualRow({ category: '绩效创新型' })],
      },
    },
    {
      name: 'a line break inside',
      snapshot: { longTerm: [longTermRow({ category: '绩效\n创新型' })] },
    },
  ],
  invalid: [
    {
      name: 'the seed’s 绩效创新性',
      snapshot: { annual: [annualRow({ category: '绩效创新性' })] },
      findings: [
        {
          cells: [tableAddress('annual', 0, 'category')],
          severity: 'error',
          zh: '年度绩效指标的指标分类“绩效创新性”写法有误：应为“绩效创新型”',
          en: 'should be 绩效创新型',
          fix: fix(0, '绩效创新型'),
        },
      ],
    },
    {
      name: 'each cell is its own finding with its own fix',
      snapshot: {
        annual: [
          annualRow({ category: '绩效创新性' }),
          annualRow({ category: '绩效基本性' }),
          annualRow({ category: '基本型' }),
          annualRow({ category: '绩效创新性' }),
        ],
      },
      findings: [
        { fix: fix(0, '绩效创新型', 4) },
        { fix: fix(1, '绩效基本型', 4) },
        { fix: fix(2, '绩效基本型', 4) },
        { fix: fix(3, '绩效创新型', 4) },
      ],
    },
    {
      name: 'neither: no fix',
      snapshot: { annual: [annualRow({ category: '重点' })] },
      findings: [{ zh: '应为 绩效基本型、绩效创新型 之一', fix: null }],
    },
    {
      name: '绩效型 is as close to both: no fix',
      snapshot: { annual: [annualRow({ category: '绩效型' })] },
      findings: [{ fix: null }],
    },
  ],
});

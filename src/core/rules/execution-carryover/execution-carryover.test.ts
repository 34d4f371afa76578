import { tableAddress, testRule, type SnapshotInput } from '../test-kit';
import { rule } from '.';

const rows = (exec: [string, string, string], carry: [string, string, string]): SnapshotInput => ({
  annual: [
    { level3: '预算执行率', prev2: exec[0], prev1: exec[1], target: exec[2] },
    { level3: '政府采购执行率', prev2: '100%', prev1: '100%', target: '100%' },
    { level3: '结转结余率', prev2: carry[0], prev1: carry[1], target: carry[2] },
  ],
});
const A = (input: SnapshotInput, i: number, key: 'prev2' | 'prev1' | 'target') =>
  tableAddress('annual', i, key, input);

const seedLike = rows(['95.21%', '91.76%', '99%'], ['0%', '9.8%', '0%']);
const everyYear = rows(['95%', '96%', '99%'], ['6%', '5%', '2%']);
const asText = rows(['\u300095%', '', ''], ['\u30006%', '', '']);
const longTerm: SnapshotInput = {
  longTerm: [
    { level3: '预算执行率', target: '91.76%' },
    { level3: '结转结余率', target: '9.8%' },
  ],
};

testRule(rule, {
  valid: [
    {
      name: 'shares that add up to 100%',
      snapshot: rows(['95%', '91.76%', '99%'], ['5%', '8.24%', '1%']),
    },
    { name: 'rounding (100.04%)', snapshot: rows(['95.02%', '', ''], ['5.02%', '', '']) },
    {
      name: 'grades and empty cells are not added',
      snapshot: rows(['健全', '', '99%'], ['0%', '9.8%', '']),
    },
    {
      name: 'no 结转结余率 row',
      snapshot: {
        annual: [
          { level3: '预算执行率', prev1: '100%' },
          { level3: '政府采购执行率', prev1: '100%' },
        ],
      },
    },
    {
      name: 'the long-term values within 100%',
      snapshot: {
        longTerm: [
          { level3: '预算执行率', target: '95%' },
          { level3: '结转结余率', target: '5%' },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'the seed’s Y-1 column: 91.76% + 9.8%',
      snapshot: seedLike,
      findings: [
        {
          severity: 'warning',
          cells: [A(seedLike, 0, 'prev1'), A(seedLike, 2, 'prev1')],
          zh: '年度绩效指标（2023年）：预算执行率 91.76% 与结转结余率 9.8% 之和为 101.56%，超过 100%：按预算执行率 91.76%，结转结余率至多为 8.24%',
          en: /add up to 101\.56%, over 100%/,
          fix: null,
        },
      ],
    },
    {
      name: 'every column checked',
      snapshot: everyYear,
      findings: [
        { cells: [A(everyYear, 0, 'prev2'), A(everyYear, 2, 'prev2')], zh: /2022年.*101%/ },
        { cells: [A(everyYear, 0, 'prev1'), A(everyYear, 2, 'prev1')], zh: /2023年.*101%/ },
        {
          cells: [A(everyYear, 0, 'target'), A(everyYear, 2, 'target')],
          zh: /预期当年实现值.*101%/,
        },
      ],
    },
    {
      name: 'percentages stored as text',
      snapshot: asText,
      findings: [{ zh: /95% 与结转结余率 6%/ }],
    },
    {
      name: 'the long-term values (the seed)',
      snapshot: longTerm,
      findings: [
        {
          cells: [
            tableAddress('longTerm', 0, 'target', longTerm),
            tableAddress('longTerm', 1, 'target', longTerm),
          ],
          zh: /^长期绩效指标：预算执行率 91\.76% 与结转结余率 9\.8% 之和为 101\.56%/,
        },
      ],
    },
  ],
});

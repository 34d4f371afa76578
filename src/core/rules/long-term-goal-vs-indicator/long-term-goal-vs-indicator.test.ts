import {
  fieldAddress,
  tableAddress,
  testRule,
  type RowInput,
  type SnapshotInput,
} from '../test-kit';
import { rule } from '.';

const SEED_LONG_TERM: RowInput[] = [
  { level3: '实现社会消费品零售总额增长率', target: '7.5%' },
  { level3: '完成外贸进出口亿元人民币', target: '58.7亿元人民币' },
  { level3: '完成实际利用外资万美元', target: '1050.72亿美元' },
  { level3: '实现社会消费品零售总额稳步增长', target: '增长7.5%' },
];
const SEED_TEXT =
  '1.2024年全市实现社会消费品零售总额预计比上年同比增长10%。 \n' +
  '2.2024年全市预计完成外贸进出口65.7亿元，同比增长12%，其中：出口35.6亿元，同比增长12%；进口30.1亿元，同比增长12%。\n' +
  '3.2024年全市预计完成实际利用外资1155.8万美元，同比增长10%。';
const goals = (text: string, rows: RowInput[] = SEED_LONG_TERM): SnapshotInput => ({
  fields: { Text_LongTermGoals: text },
  longTerm: rows,
});
const seed = goals(SEED_TEXT);
const T = fieldAddress('Text_LongTermGoals', seed);
const V = (i: number) => tableAddress('longTerm', i, 'target', seed);

testRule(rule, {
  valid: [
    {
      name: 'long-term goals that agree with the long-term indicators',
      snapshot: goals(
        '1.社会消费品零售总额年均增长7.5%。\n2.外贸进出口58.7亿元，同比增长12%。\n3.实际利用外资1050.72万美元。',
      ),
    },
    {
      name: 'a growth with no growth indicator is not compared (no history in this table)',
      snapshot: goals('外贸进出口同比增长12%'),
    },
    {
      name: 'annual goals are not this rule’s business',
      snapshot: { fields: { Text_AnnualGoals: SEED_TEXT }, longTerm: SEED_LONG_TERM },
    },
  ],
  invalid: [
    {
      name: 'the seed: +10% against 7.5% twice, 65.7 vs 58.7, 1155.8 vs 1050.72',
      snapshot: seed,
      findings: [
        {
          severity: 'warning',
          cells: [T, V(0)],
          zh: '长期目标写“社会消费品零售总额比上年同比增长10%”，长期绩效指标“实现社会消费品零售总额增长率”指标值为 7.5%：增长目标应一致',
          en: /Long-term goals say .* says 7\.5%/,
        },
        {
          severity: 'warning',
          cells: [T, V(3)],
          zh: /“实现社会消费品零售总额稳步增长”指标值为 增长7\.5%/,
        },
        {
          severity: 'error',
          cells: [T, V(1)],
          zh: '长期目标写“外贸进出口65.7亿元”，长期绩效指标“完成外贸进出口亿元人民币”指标值为 58.7亿元：两者应一致',
        },
        {
          severity: 'error',
          cells: [T, V(2)],
          zh: /“实际利用外资1155\.8万美元”.*指标值为 1050\.72万美元/,
        },
      ],
    },
  ],
});

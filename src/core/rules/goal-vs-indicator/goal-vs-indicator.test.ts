import {
  fieldAddress,
  tableAddress,
  testRule,
  type RowInput,
  type SnapshotInput,
} from '../test-kit';
import { rule } from '.';

/** The seed's three core outputs and its growth indicator. */
const SEED_ROWS: RowInput[] = [
  { level3: '实现社会消费品零售总额增长率', prev2: '6.5%', prev1: '7.5%', target: '10%' },
  {
    level3: '完成外贸进出口亿元人民币',
    prev2: '53.36亿元人民币',
    prev1: '58.7亿元人民币',
    target: '64.57亿元人民币',
  },
  {
    level3: '完成实际利用外资万美元',
    prev2: '901.13亿美元',
    prev1: '955.2亿美元',
    target: '1050.72亿美元',
  },
  {
    level3: '实现社会消费品零售总额稳步增长',
    prev2: '增长6.5%',
    prev1: '增长7.5%',
    target: '增长10%',
  },
];
const goals = (text: string, rows: RowInput[] = SEED_ROWS, tasks?: string): SnapshotInput => ({
  fields: { Text_AnnualGoals: text, ...(tasks !== undefined ? { Text_AnnualTasks: tasks } : {}) },
  annual: rows,
});
const text = (input: SnapshotInput) => fieldAddress('Text_AnnualGoals', input);
const target = (input: SnapshotInput, i: number) => tableAddress('annual', i, 'target', input);
const prev1 = (input: SnapshotInput, i: number) => tableAddress('annual', i, 'prev1', input);

const SEED_GOALS =
  '\u30001.2024年全市实现社会消费品零售总额预计比上年同比增长10%。 \n' +
  '2.2024年全市预计完成外贸进出口65.7亿元，同比增长12%，其中：出口35.6亿元，同比增长12%；进口30.1亿元，同比增长12%。\n' +
  '3.2024年全市预计完成实际利用外资1155.8万美元，同比增长10%。';
const SEED_TASKS =
  '1、2024年全市商务发展的主要预期目标是：社会消费品零售总额同比增长10%；外贸出口总额同比增长12%左右；实际利用外资同比增长10%。';

const seed = goals(SEED_GOALS, SEED_ROWS, SEED_TASKS);
const growthIndicator = goals('社会消费品零售总额同比增长12%');
const tasksOnly: SnapshotInput = {
  fields: { Text_AnnualTasks: '外贸进出口70亿元' },
  annual: SEED_ROWS,
};
const atLeast = goals('外贸进出口突破70亿元');
const longest: RowInput[] = [
  { level3: '完成外贸进出口亿元人民币', prev1: '58.7亿元', target: '64.57亿元' },
  { level3: '外贸出口额（亿元）', prev1: '32亿元', target: '35.6亿元' },
];
const longestCase = goals('外贸出口总额40亿元', longest);
const fall = goals('“三公”经费支出同比增长5%', [
  { level3: '“三公”经费支出（万元）', prev1: '100万元', target: '95万元' },
]);

testRule(rule, {
  valid: [
    {
      name: 'texts that agree with the indicators',
      snapshot: goals(
        '1.社会消费品零售总额同比增长10%。\n2.外贸进出口64.57亿元，同比增长10%。\n3.实际利用外资1050.72万美元，同比增长10%。',
        SEED_ROWS,
        '社会消费品零售总额同比增长10%左右；实际利用外资同比增长10%。',
      ),
    },
    {
      name: '外贸出口总额 is not 外贸进出口 (出口 ≠ 进出口)',
      snapshot: goals('外贸出口总额同比增长12%左右，外贸出口总额70亿元'),
    },
    {
      name: 'within the tolerance: ±0.5% and ±0.5 points',
      snapshot: goals('外贸进出口64.8亿元，同比增长10.4%'),
    },
    {
      name: 'a stated minimum the indicator meets, and an indicator minimum the text meets',
      snapshot: goals('外贸进出口60亿元以上，同比增长8%以上', [
        { level3: '完成外贸进出口亿元人民币', prev1: '58.7亿元', target: '≥64.57亿元' },
      ]),
    },
    {
      name: 'money for a subject is not the subject (外贸进出口扶持资金)',
      snapshot: goals('安排外贸进出口扶持资金500万元'),
    },
    {
      name: 'amounts in another currency are not compared',
      snapshot: goals('实际利用外资8000万元'),
    },
    {
      name: 'the label’s unit decides (万美元), whatever the values say',
      snapshot: goals('实际利用外资1050.72万美元'),
    },
    { name: 'texts without figures', snapshot: goals('推进对外贸易创新发展，优化营商环境。') },
    {
      name: 'growth over another base year than Y-1 is not this year’s growth',
      snapshot: goals('外贸进出口比2022年增长21%，比2023年增长10%'),
    },
    { name: 'no indicators', snapshot: goals('外贸进出口65.7亿元', []) },
    { name: 'an empty form', snapshot: {} },
  ],
  invalid: [
    {
      name: 'the seed: 外贸进出口 65.7 vs 64.57, +12% vs +10%, 实际利用外资 1155.8 vs 1050.72',
      snapshot: seed,
      findings: [
        {
          severity: 'error',
          cells: [text(seed), target(seed, 1)],
          zh: '年度目标写“外贸进出口65.7亿元”，年度绩效指标“完成外贸进出口亿元人民币”预期值为 64.57亿元：两者应一致',
          en: 'Annual goals say “外贸进出口65.7亿元”, but the annual indicator “完成外贸进出口亿元人民币” expects 64.57亿元; the two should agree',
          fix: null,
        },
        {
          severity: 'warning',
          cells: [text(seed), target(seed, 1), prev1(seed, 1)],
          zh: '年度目标写“外贸进出口同比增长12%”，年度绩效指标“完成外贸进出口亿元人民币”预期值 64.57亿元 比2023年 58.7亿元 增长 10%：增长目标应一致',
          en: /against 58\.7亿元 in 2023, a growth of 10%/,
        },
        {
          severity: 'error',
          cells: [text(seed), target(seed, 2)],
          zh: '年度目标写“实际利用外资1155.8万美元”，年度绩效指标“完成实际利用外资万美元”预期值为 1050.72万美元：两者应一致',
        },
      ],
    },
    {
      name: 'a growth against a growth indicator, each indicator of the subject once',
      snapshot: growthIndicator,
      findings: [
        {
          severity: 'warning',
          cells: [text(growthIndicator), target(growthIndicator, 0)],
          zh: '年度目标写“社会消费品零售总额同比增长12%”，年度绩效指标“实现社会消费品零售总额增长率”预期值为 10%：增长目标应一致',
        },
        {
          severity: 'warning',
          cells: [text(growthIndicator), target(growthIndicator, 3)],
          zh: /“实现社会消费品零售总额稳步增长”预期值为 增长10%/,
        },
      ],
    },
    {
      name: '年度工作任务 too, reported in its own section',
      snapshot: tasksOnly,
      findings: [
        {
          cells: [fieldAddress('Text_AnnualTasks', tasksOnly), target(tasksOnly, 1)],
          zh: /^年度工作任务写“外贸进出口70亿元”/,
          en: /^Annual work tasks say/,
        },
      ],
    },
    {
      name: 'a stated minimum the indicator does not reach',
      snapshot: atLeast,
      findings: [{ severity: 'error', zh: /“外贸进出口突破70亿元”.*预期值为 64\.57亿元/ }],
    },
    {
      name: 'the longest subject wins (外贸出口, not 外贸进出口)',
      snapshot: longestCase,
      findings: [
        {
          cells: [text(longestCase), target(longestCase, 1)],
          zh: /外贸出口额\(亿元\)”预期值为 35\.6亿元/,
        },
      ],
    },
    {
      name: 'growth over Y-1 named by its year',
      snapshot: goals('外贸进出口较2023年增长12%'),
      findings: [{ severity: 'warning', zh: /“外贸进出口较2023年增长12%”/ }],
    },
    {
      name: 'an implied fall',
      snapshot: fall,
      findings: [{ severity: 'warning', zh: /比2023年 100万元 下降 5%/, en: /a fall of 5%/ }],
    },
  ],
});

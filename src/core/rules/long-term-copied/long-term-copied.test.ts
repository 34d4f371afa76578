import { tableAddress, testRule, type SnapshotInput, type RowInput } from '../test-kit';
import { rule } from '.';

const pair = (lt: RowInput, an: RowInput): SnapshotInput => ({ longTerm: [lt], annual: [an] });
const cells = (input: SnapshotInput) => [
  tableAddress('longTerm', 0, 'target', input),
  tableAddress('annual', 0, 'prev1', input),
];

const control = pair(
  { level3: '公用经费控制率', target: '88.86%' },
  { level3: '公用经费控制率', prev2: '85.63%', prev1: '88.86%', target: '80%' },
);
const amount = pair(
  { level3: '完成外贸进出口亿元人民币', target: '58.7亿元人民币' },
  { level3: '完成外贸进出口亿元人民币', prev1: '587000万元', target: '64.57亿元人民币' },
);
const growth = pair(
  { level3: '实现社会消费品零售总额稳步增长', target: '增长7.5%' },
  { level3: '实现社会消费品零售总额稳步增长', prev1: '增长7.5%', target: '增长10%' },
);
const residue = pair(
  { level3: '“三公”经费变动率', target: '46.81%' },
  { level3: '[bookmark: _GoBack]“三公”经费变动率', prev1: '46.81%', target: '80%' },
);
const noTarget = pair(
  { level3: '消费券使用客户满意度', target: '80%' },
  { level3: '消费券使用客户满意度', prev1: '80%' },
);

testRule(rule, {
  valid: [
    {
      name: 'a long-term value that differs from Y-1',
      snapshot: pair(
        { level3: '完成实际利用外资万美元', target: '1050.72亿美元' },
        { level3: '完成实际利用外资万美元', prev1: '955.2亿美元', target: '1050.72亿美元' },
      ),
    },
    {
      name: 'natural bounds: 100% and 0%',
      snapshot: {
        longTerm: [
          { level3: '政府采购执行率', target: '100%' },
          { level3: '结转结余率', target: '0%' },
        ],
        annual: [
          { level3: '政府采购执行率', prev1: '100%', target: '99%' },
          { level3: '结转结余率', prev1: '0%', target: '1%' },
        ],
      },
    },
    {
      name: 'grades are the same every year by nature',
      snapshot: pair(
        { level3: '工作计划健全性', target: '健全' },
        { level3: '工作计划健全性', prev1: '健全', target: '健全' },
      ),
    },
    {
      name: 'a flat indicator: Y-1 equal to this year’s target, kept as the long-term standard',
      snapshot: pair(
        { level3: '绩效监控开展率', target: '95%' },
        { level3: '绩效监控开展率', prev1: '95%', target: '95%' },
      ),
    },
    {
      name: 'no annual indicator of that name; a comparison; unlike kinds',
      snapshot: {
        longTerm: [
          { level3: '高学历、高层次人才储备率', target: '85%' },
          { level3: '预算执行率', target: '≥95%' },
          { level3: '实现社会消费品零售总额增长率', target: '增长7.5%' },
        ],
        annual: [
          { level3: '人才储备率', prev1: '85%', target: '90%' },
          { level3: '预算执行率', prev1: '95%', target: '99%' },
          { level3: '实现社会消费品零售总额增长率', prev1: '7.5亿元', target: '10%' },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'a rate equal to the Y-1 actual (the seed’s 公用经费控制率)',
      snapshot: control,
      findings: [
        {
          severity: 'warning',
          cells: cells(control),
          zh: '长期指标“公用经费控制率”的指标值 88.86% 与年度指标2023年实际值相同（当年预期值为 80%），像是照抄上年数据：应填写截止2026年的目标值',
          en: /looks copied: enter the target for 2026/,
          fix: null,
        },
      ],
    },
    {
      name: 'an amount equal after unit conversion',
      snapshot: amount,
      findings: [{ cells: cells(amount), zh: /58\.7亿元人民币 与年度指标2023年实际值相同/ }],
    },
    { name: 'a growth', snapshot: growth, findings: [{ zh: /增长7\.5%/ }] },
    {
      name: 'labels matched after normalisation',
      snapshot: residue,
      findings: [{ zh: /46\.81%/ }],
    },
    {
      name: 'no target this year: still a copy, said without the target',
      snapshot: noTarget,
      findings: [
        { zh: /^长期指标“消费券使用客户满意度”的指标值 80% 与年度指标2023年实际值相同，像是/ },
      ],
    },
  ],
});

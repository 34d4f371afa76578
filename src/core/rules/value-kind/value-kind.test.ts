import { makeSnapshot, tableAddress, testRule, type SnapshotInput } from '../test-kit';
import { runRule } from '../engine';
import { rule } from '.';

const annual = (rows: SnapshotInput['annual']): SnapshotInput => ({ annual: rows });
const at = (input: SnapshotInput, i: number, key: 'prev2' | 'prev1' | 'target') =>
  tableAddress('annual', i, key, input);

const over = annual([{ level3: '预算执行率', prev2: '95%', prev1: '105%', target: '99%' }]);
const overComparison = annual([{ level3: '消费券使用客户满意度', target: '≥105%' }]);
const negativeBounded = annual([{ level3: '政府采购执行率', target: '-5%' }]);
const negative = annual([{ level3: '公用经费控制率', prev1: '-3%', target: '80%' }]);
const bare = annual([{ level3: '预算执行率', prev1: 95, target: 0.99 }]);
const gradeInRate = annual([{ level3: '绩效监控开展率', target: '健全' }]);
const growthInRate = annual([{ level3: '预算执行率', target: '增长5%' }]);
const quality = annual([
  { level3: '绩效目标合理性', prev2: '100%', prev1: '100%', target: '100%' },
]);
const situation = annual([{ level3: '信息化建设情况', target: '80%' }]);
const moneyPercent = annual([{ level3: '完成外贸进出口亿元人民币', target: '10%' }]);
const twoProblems = annual([{ level3: '预算执行率', prev2: '105%', prev1: '96%', target: 95 }]);
const longTerm: SnapshotInput = { longTerm: [{ level3: '绩效目标合理性', target: '100%' }] };

testRule(rule, {
  valid: [
    {
      name: 'rates as percentages within bounds',
      snapshot: annual([
        { level3: '预算执行率', prev2: '95.21%', prev1: '91.76%', target: '99%' },
        { level3: '政府采购执行率', prev2: '100%', prev1: '100%', target: '100%' },
        { level3: '财政、商贸系统等满意度', target: '≥85%' },
        { level3: '消费券使用客户满意度', target: '满意' },
      ]),
    },
    {
      name: 'changes and growth rates may be negative or written as growth',
      snapshot: annual([
        { level3: '“三公”经费变动率', prev2: '-5%', prev1: '-3.2%', target: '下降2%' },
        { level3: '实现社会消费品零售总额增长率', prev1: '增长7.5%', target: '10%' },
        { level3: '预算调整率', target: '-0.5%' },
      ]),
    },
    {
      name: 'control rates may pass 100% (spending over budget is a fact, not a typo)',
      snapshot: annual([{ level3: '公用经费控制率', prev1: '103%', target: '100%' }]),
    },
    {
      name: 'revenue completion may pass 100%',
      snapshot: annual([{ level3: '非税收入预算完成率', prev1: '105%', target: '100%' }]),
    },
    {
      name: 'qualitative indicators with grades and sentences',
      snapshot: annual([
        { level3: '中长期规划相符性', target: '完全相符' },
        { level3: '服务体制改革成效', target: '有效提升' },
        { level3: '信息化建设情况', target: '初步完成成品油云监管平台建设' },
      ]),
    },
    {
      name: 'money indicators with amounts or bare numbers',
      snapshot: annual([
        { level3: '完成外贸进出口亿元人民币', prev1: '58.7亿元人民币', target: 64.57 },
      ]),
    },
    {
      name: '效率 is not a rate; empty, error and unreadable values are other rules’ business',
      snapshot: annual([
        { level3: '行政效率', target: '高' },
        { level3: '预算执行率', prev2: '', prev1: '#REF!', target: '12..5%' },
      ]),
    },
  ],
  invalid: [
    {
      name: 'an execution rate above 100%',
      snapshot: over,
      findings: [
        {
          severity: 'error',
          cells: [at(over, 0, 'prev1')],
          zh: '“预算执行率”应在 0% 到 100% 之间，当前为 2023年 105%',
          en: /between 0% and 100%; found 2023: 105%/,
          fix: null,
        },
      ],
    },
    {
      name: 'a satisfaction target ≥105%',
      snapshot: overComparison,
      findings: [{ severity: 'error', cells: [at(overComparison, 0, 'target')], zh: /≥105%/ }],
    },
    {
      name: 'a negative execution rate is out of bounds',
      snapshot: negativeBounded,
      findings: [{ severity: 'error', zh: /-5%/ }],
    },
    {
      name: 'a negative control rate',
      snapshot: negative,
      findings: [
        {
          severity: 'warning',
          cells: [at(negative, 0, 'prev1')],
          zh: /不应为负数.*2023年 -3%/,
        },
      ],
    },
    {
      name: 'bare numbers in a rate, with what they probably meant',
      snapshot: bare,
      findings: [
        {
          severity: 'warning',
          cells: [at(bare, 0, 'prev1'), at(bare, 0, 'target')],
          zh: /应为百分比.*2023年 95、预期当年实现值 0\.99；是否应为 95%？/,
          en: /did you mean 95%\?/,
        },
      ],
    },
    {
      name: 'a grade in a rate',
      snapshot: gradeInRate,
      findings: [{ severity: 'warning', zh: /应为百分比.*健全/ }],
    },
    {
      name: 'a growth in a rate that is not a growth rate',
      snapshot: growthInRate,
      findings: [{ severity: 'warning', zh: /增长5%/ }],
    },
    {
      name: '绩效目标合理性 = 100% (the seed): a grade such as 合理 is expected',
      snapshot: quality,
      findings: [
        {
          severity: 'info',
          cells: [at(quality, 0, 'prev2'), at(quality, 0, 'prev1'), at(quality, 0, 'target')],
          zh: '“绩效目标合理性”是定性指标，指标值应为等级（如“合理”）或一句描述，当前为 2022年 100%、2023年 100%、预期当年实现值 100%',
          en: /grade such as 合理/,
        },
      ],
    },
    {
      name: 'a percentage in a …情况 indicator',
      snapshot: situation,
      findings: [{ severity: 'info', zh: /如“良好”“成效显著”/ }],
    },
    {
      name: 'a percentage in a money indicator',
      snapshot: moneyPercent,
      findings: [{ severity: 'warning', zh: /以亿元计，指标值应为金额/ }],
    },
    {
      name: 'two problems in one row: two findings, the error first',
      snapshot: twoProblems,
      findings: [
        { severity: 'error', cells: [at(twoProblems, 0, 'prev2')] },
        { severity: 'warning', cells: [at(twoProblems, 0, 'target')], zh: /是否应为 95%/ },
      ],
    },
    {
      name: 'the long-term table too',
      snapshot: longTerm,
      findings: [
        {
          severity: 'info',
          cells: [tableAddress('longTerm', 0, 'target', longTerm)],
          zh: /当前为 指标值 100%/,
        },
      ],
    },
  ],
});

describe('value-kind on a %-formatted number', () => {
  it('reads 1.05 formatted as % as 105%', () => {
    const s = makeSnapshot(
      annual([{ level3: '预算执行率', target: { value: 1.05, numberFormat: '0%' } }]),
    );
    const [f] = runRule(rule, s);
    expect(f.severity).toBe('error');
    expect(f.message.zh).toContain('105%');
  });
});

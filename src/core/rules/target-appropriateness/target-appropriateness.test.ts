import { tableAddress, testRule, type SnapshotInput } from '../test-kit';
import { DIRECTION_TABLE } from '../util/content-indicators';
import { rule } from '.';

const annual = (rows: SnapshotInput['annual']): SnapshotInput => ({ annual: rows });
const at = (input: SnapshotInput, i: number, key: 'prev2' | 'prev1' | 'target') =>
  tableAddress('annual', i, key, input);

const execBelow = annual([{ level3: '预算执行率', prev2: '92%', prev1: '95%', target: '90%' }]);
const controlAbove = annual([
  { level3: '公用经费控制率', prev2: '85.63%', prev1: '80%', target: '85%' },
]);
const sanGong = annual([
  {
    level3: '[bookmark: _GoBack]“三公”经费变动率',
    prev2: '86.52%',
    prev1: '46.81%',
    target: '80%',
  },
]);
const adjust = annual([{ level3: '预算调整率', prev2: '0.8%', prev1: '0.4%', target: '0.5%' }]);
const outputBelow = annual([
  { level3: '完成外贸进出口亿元人民币', prev2: '53.36亿元', prev1: '587000万元', target: '50亿元' },
]);
const underOutputs = annual([
  { level1: '履职效能', level3: '招商引资到位资金', prev1: '30亿元', target: '28亿元' },
]);
const growthBelow = annual([
  {
    level3: '实现社会消费品零售总额稳步增长',
    prev2: '增长6.5%',
    prev1: '增长7.5%',
    target: '增长5%',
  },
]);
const comparisonBelow = annual([{ level3: '绩效评价覆盖率', prev1: '100%', target: '≥90%' }]);
const jumpPercent = annual([
  { level3: '高学历、高层次人才储备率', prev2: '80%', prev1: '82%', target: '40%' },
]);
const jumpAmount = annual([
  { level3: '招商引资到位资金', prev2: '10亿元', prev1: '11亿元', target: '30亿元' },
]);
const jumpHigher = annual([{ level3: '预算执行率', prev2: '50%', prev1: '52%', target: '99%' }]);

testRule(rule, {
  valid: [
    {
      name: 'the seed’s rows that improve on Y-1',
      snapshot: annual([
        { level3: '公用经费控制率', prev2: '85.63%', prev1: '88.86%', target: '80%' },
        { level3: '会议费控制率', prev2: '95.81%', prev1: '96.58%', target: '90%' },
        { level3: '预算执行率', prev2: '95.21%', prev1: '91.76%', target: '99%' },
        { level3: '结转结余率', prev2: '0%', prev1: '9.8%', target: '0%' },
        { level3: '政府采购执行率', prev2: '100%', prev1: '100%', target: '100%' },
        {
          level3: '完成外贸进出口亿元人民币',
          prev2: '53.36亿元人民币',
          prev1: '58.7亿元人民币',
          target: '64.57亿元人民币',
        },
        { level3: '消费券使用客户满意度', prev2: '80%', prev1: '80%', target: '85%' },
      ]),
    },
    {
      name: 'no direction for a rate the table does not know, within the trend',
      snapshot: annual([
        { level3: '高学历、高层次人才储备率', prev2: '80%', prev1: '85%', target: '84%' },
      ]),
    },
    {
      name: 'unlike values are not compared',
      snapshot: annual([
        { level3: '预算执行率', prev1: '95%', target: '健全' },
        { level3: '实现社会消费品零售总额增长率', prev1: '58.7亿元', target: '5%' },
        { level3: '完成实际利用外资万美元', prev1: '955.2亿美元', target: '10亿元' },
      ]),
    },
    {
      name: 'amounts compared after unit conversion',
      snapshot: annual([
        { level3: '完成外贸进出口亿元人民币', prev1: '587000万元', target: '64.57亿元' },
      ]),
    },
    {
      name: 'a big change that follows a big trend',
      snapshot: annual([
        { level3: '业务学习与培训完成率', prev2: '20%', prev1: '50%', target: '80%' },
      ]),
    },
    {
      name: 'a lower-is-better target equal to Y-1, and a missing history',
      snapshot: annual([
        { level3: '在职人员控制率', prev2: '96%', prev1: '95.65%', target: '95.65%' },
        { level3: '预算执行率', target: '99%' },
      ]),
    },
  ],
  invalid: [
    {
      name: 'an execution rate target below the Y-1 actual',
      snapshot: execBelow,
      findings: [
        {
          cells: [at(execBelow, 0, 'target'), at(execBelow, 0, 'prev1')],
          zh: '“预算执行率”越高越好（完成程度越高越好），预期当年实现值 90% 低于2023年实际的 95%：目标应不低于 95%',
          en: /higher is better.*below the 2023 actual 95%/,
          fix: null,
        },
      ],
    },
    {
      name: 'a control rate target above Y-1 (actual ÷ budget: lower is better)',
      snapshot: controlAbove,
      findings: [
        {
          cells: [at(controlAbove, 0, 'target'), at(controlAbove, 0, 'prev1')],
          zh: /越低越好.*高于2023年实际的 80%/,
        },
      ],
    },
    {
      name: '“三公”经费变动率 target above Y-1 (the seed)',
      snapshot: sanGong,
      findings: [{ zh: /‘三公’经费变动率”越低越好.*80% 高于2023年实际的 46\.81%/ }],
    },
    {
      name: '预算调整率 target above Y-1 (the seed)',
      snapshot: adjust,
      findings: [{ zh: /0\.5% 高于2023年实际的 0\.4%/ }],
    },
    {
      name: 'an output amount below Y-1, after unit conversion',
      snapshot: outputBelow,
      findings: [{ zh: /产出数量越高越好.*50亿元 低于2023年实际的 587000万元/ }],
    },
    {
      name: 'any amount under 履职效能 is an output',
      snapshot: underOutputs,
      findings: [{ zh: /28亿元 低于2023年实际的 30亿元/ }],
    },
    {
      name: 'a growth target below Y-1 growth',
      snapshot: growthBelow,
      findings: [{ zh: /增长5% 低于2023年实际的 增长7\.5%/ }],
    },
    {
      name: 'a comparison target read by its operand',
      snapshot: comparisonBelow,
      findings: [{ zh: /≥90% 低于2023年实际的 100%/ }],
    },
    {
      name: 'a percentage far off the trend',
      snapshot: jumpPercent,
      findings: [
        {
          cells: [
            at(jumpPercent, 0, 'target'),
            at(jumpPercent, 0, 'prev1'),
            at(jumpPercent, 0, 'prev2'),
          ],
          zh: '“高学历、高层次人才储备率”预期当年实现值 40% 偏离近两年趋势：2022年 80% → 2023年 82%（+2 个百分点），而预期较上年变化 -42 个百分点：请核对目标值',
          en: /breaks with the trend/,
        },
      ],
    },
    {
      name: 'an amount far off the trend',
      snapshot: jumpAmount,
      findings: [{ zh: /（\+10%），而预期较上年变化 \+172\.7%/ }],
    },
    {
      name: 'a jump in the good direction is still a jump',
      snapshot: jumpHigher,
      findings: [{ zh: /偏离近两年趋势/ }],
    },
  ],
});

describe('the direction table', () => {
  it('lists lower-is-better lines before the higher-is-better ones that could shadow them', () => {
    const firstHigher = DIRECTION_TABLE.findIndex((l) => l.direction === 'higher');
    expect(DIRECTION_TABLE.slice(firstHigher).every((l) => l.direction === 'higher')).toBe(true);
    expect(DIRECTION_TABLE.every((l) => l.why.zh && l.why.en)).toBe(true);
  });
});

/**
 * Checker time per full check at 40, 400 and 4,000 indicator rows (median of repeated runs),
 * and the growth ratio 4,000 : 40 per row, which stays near 1 when cost is linear.
 */
import { checkForm, createFormChecker } from '../src/core/rules/catalogue';
import { makeSnapshot, type RowInput } from '../src/core/rules/test-kit';
import type { FormSnapshot } from '../src/core/snapshot/types';

/** A realistic filled form: seed-like funding, texts and `n` indicator rows per table. */
export function benchSnapshot(n: number): FormSnapshot {
  const rows: RowInput[] = [];
  const annual: RowInput[] = [];
  const kinds = [
    ['运行成本', '公用经费控制', '公用经费控制率', '85.63%', '88.86%', '80%'],
    ['管理效率', '预算执行', '预算执行率', '95.21%', '91.76%', '99%'],
    ['管理效率', '资产管理', '资产管理规范性', '规范', '规范', '规范'],
    [
      '履职效能',
      '核心业务产出2',
      '完成外贸进出口亿元人民币',
      '53.36亿元人民币',
      '58.7亿元人民币',
      '64.57亿元人民币',
    ],
    ['满意度', '服务对象满意度', '服务对象满意度', '80%', '80%', '85%'],
  ];
  for (let i = 0; i < n; i++) {
    const [l1, l2, l3, p2, p1, t] = kinds[i % kinds.length];
    const level3 = `${l3}${i}`;
    rows.push({
      level1: l1,
      level2: l2,
      level3,
      target: t,
      basis: '计划标准',
      category: '绩效基本型',
    });
    annual.push({
      level1: l1,
      level2: l2,
      level3,
      prev2: p2,
      prev1: p1,
      target: t,
      basis: '计划标准',
      category: '绩效基本型',
    });
  }
  return makeSnapshot({
    fields: {
      Dept_Name: '鄂州市商务局',
      Dept_Preparer: '张赛球',
      Dept_Phone: '027-60265422',
      Fund_Income_Fiscal_Current: 8167.74,
      Fund_Income_Total_Current: 8167.74,
      Fund_Income_Fiscal_Share: '100%',
      Fund_Income_Total_Share: '100%',
      Fund_Expense_Personnel_Current: 1546.73,
      Fund_Expense_Operating_Current: 248.35,
      Fund_Expense_Targeted_Current: 6372.66,
      Fund_Expense_Total_Current: 8167.74,
      Fund_Expense_Personnel_Share: '18.94%',
      Fund_Expense_Operating_Share: '3.04%',
      Fund_Expense_Targeted_Share: '78.02%',
      Fund_Expense_Total_Share: '100%',
      Text_Functions: '1.贯彻落实国家、省、市有关投资促进的发展战略。',
      Text_AnnualTasks: '1、2024年全市商务发展的主要预期目标是：社会消费品零售总额同比增长10%。',
      Text_LongTermGoals: '1.到2026年全市外贸进出口总额稳步增长。',
      Text_AnnualGoals: '1.2024年全市预计完成外贸进出口64.57亿元，同比增长10%。',
    },
    longTerm: rows,
    annual,
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeIt(fn: () => void, minMs = 300, minRuns = 15): number {
  for (let i = 0; i < 3; i++) fn(); // warm-up
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const n of [40, 400, 4000]) {
    const s = benchSnapshot(n);
    out[`checkMs_${n}`] = timeIt(() => checkForm(s));
  }
  out.growthPerRow_4000_vs_40 = out.checkMs_4000 / 100 / out.checkMs_40;
  const s40 = benchSnapshot(40);
  const checker = createFormChecker();
  checker.checkAll(s40);
  out.recheckOneSectionMs_40 = timeIt(() => checker.checkChanged(s40, ['header']));
  return out;
}

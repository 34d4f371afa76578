/**
 * Test data shared by the basic rules' test tables: a funding block that is right in every way
 * (the seed's numbers, typed as numbers), and the header and texts of a complete form.
 */
import type { CellInput, RowInput } from '../test-kit';

/** The seed's funding block, typed as Excel numbers: totals and shares agree. */
export const GOOD_FUNDING: Record<string, CellInput> = {
  Fund_Income_Fiscal_Current: 8167.74,
  Fund_Income_Fiscal_Share: '100%',
  Fund_Income_Fiscal_Prev2: 6289.58,
  Fund_Income_Fiscal_Prev1: 5347.75,
  Fund_Income_Total_Current: 8167.74,
  Fund_Income_Total_Share: '100%',
  Fund_Income_Total_Prev2: 6289.58,
  Fund_Income_Total_Prev1: 5347.75,
  Fund_Expense_Personnel_Current: 1546.73,
  Fund_Expense_Personnel_Share: '18.94%',
  Fund_Expense_Personnel_Prev2: 1648.54,
  Fund_Expense_Personnel_Prev1: 1774.61,
  Fund_Expense_Operating_Current: 248.35,
  Fund_Expense_Operating_Share: '3.04%',
  Fund_Expense_Operating_Prev2: 257.32,
  Fund_Expense_Operating_Prev1: 233.85,
  Fund_Expense_Targeted_Current: 6372.66,
  Fund_Expense_Targeted_Share: '78.02%',
  Fund_Expense_Targeted_Prev2: 4383.72,
  Fund_Expense_Targeted_Prev1: 3339.29,
  Fund_Expense_Total_Current: 8167.74,
  Fund_Expense_Total_Share: '100%',
  Fund_Expense_Total_Prev2: 6289.58,
  Fund_Expense_Total_Prev1: 5347.75,
};

/** GOOD_FUNDING with some cells replaced. */
export function funding(over: Record<string, CellInput> = {}): Record<string, CellInput> {
  return { ...GOOD_FUNDING, ...over };
}

/** A complete annual indicator row (the seed's 会议费控制率). */
export const ANNUAL_ROW: RowInput = {
  level1: '运行\n成本',
  level2: '项目支出成本控制',
  level3: '会议费控制率',
  prev2: '95.81%',
  prev1: '96.58%',
  target: '90%',
  basis: '计划标准',
  category: '绩效基本型',
};

/** A complete long-term indicator row. */
export const LONG_TERM_ROW: RowInput = {
  level1: '运行\n成本',
  level2: '项目支出成本控制',
  level3: '会议费控制率',
  target: '96.58%',
  basis: '计划标准',
  category: '绩效基本型',
};

/** ANNUAL_ROW with some cells replaced. */
export function annualRow(over: RowInput = {}): RowInput {
  return { ...ANNUAL_ROW, ...over };
}

/** LONG_TERM_ROW with some cells replaced. */
export function longTermRow(over: RowInput = {}): RowInput {
  return { ...LONG_TERM_ROW, ...over };
}

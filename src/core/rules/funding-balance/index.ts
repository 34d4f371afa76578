/**
 * funding-balance: 收入合计 and 支出合计 describe the same money, so they are equal for the budget
 * year and for each history year (when both are known).
 */
import { FUNDING_BLOCKS } from '../../form/spec';
import type { Rule } from '../types';
import {
  AMOUNT_COLUMNS,
  TOLERANCE,
  blockColumn,
  columnLabel,
  fmtAmount,
} from '../util/basic-funding';

export const rule: Rule = {
  meta: {
    id: 'funding-balance',
    severity: 'error',
    sections: ['funding'],
    description: {
      zh: '收入合计应等于支出合计（当年及近两年）。',
      en: 'Total income equals total expenditure (budget year and both history years).',
    },
    fixable: false,
  },
  check(ctx) {
    const income = FUNDING_BLOCKS.find((b) => b.key === 'Income');
    const expense = FUNDING_BLOCKS.find((b) => b.key === 'Expense');
    if (!income || !expense) return;
    for (const column of AMOUNT_COLUMNS) {
      const i = blockColumn(ctx, income, column);
      const e = blockColumn(ctx, expense, column);
      if (i.meant === null || e.meant === null || !i.total.cell || !e.total.cell) continue;
      const diff = i.meant - e.meant;
      if (Math.abs(diff) <= TOLERANCE) continue;
      const col = columnLabel(column, ctx.snapshot.year);
      const [a, b, d] = [fmtAmount(i.meant), fmtAmount(e.meant), fmtAmount(Math.abs(diff))];
      ctx.report({
        cells: [i.total.cell.address, e.total.cell.address],
        message: {
          zh: `收入合计 ${a} 与支出合计 ${b}（${col.zh}）不相等，相差 ${d}：两者应相等`,
          en: `Total income ${a} and total expenditure ${b} (${col.en}) differ by ${d}: they should be equal`,
        },
      });
    }
  },
};

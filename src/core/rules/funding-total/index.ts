/**
 * funding-total: each 合计 of the funding block equals the sum of its three rows, for the budget
 * year and both history years. Empty rows count as 0; numbers stored as text count by what they
 * say (Excel's SUM would skip them, which is exactly when a formula 合计 goes wrong).
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
    id: 'funding-total',
    severity: 'error',
    sections: ['funding'],
    description: {
      zh: '收入合计、支出合计应等于各自三项之和（当年及近两年）。',
      en: 'Each income and expenditure total equals the sum of its three rows (budget year and both history years).',
    },
    fixable: true,
  },
  check(ctx) {
    for (const block of FUNDING_BLOCKS) {
      for (const column of AMOUNT_COLUMNS) {
        const b = blockColumn(ctx, block, column);
        const cell = b.total.cell;
        const t = b.total.value;
        if (!cell || b.sum === null || t.kind === 'invalid') continue;
        const sum = b.sum;
        const name = { zh: `${block.label.zh}合计`, en: `${block.label.en} total` };
        const col = columnLabel(column, ctx.snapshot.year);
        const partCells = b.parts.flatMap((p) => (p.cell ? [p.cell.address] : []));
        if (t.kind === 'empty') {
          if (b.partsEmpty || t.formula) continue;
          ctx.report({
            cells: [cell.address, ...partCells],
            message: {
              zh: `${name.zh}（${col.zh}）未填写，应为 ${fmtAmount(sum)}（各项之和）`,
              en: `The ${name.en} (${col.en}) is empty; it should be ${fmtAmount(sum)} (sum of rows)`,
            },
            fix: {
              address: cell.address,
              value: sum,
              label: { zh: `填入 ${fmtAmount(sum)}`, en: `Fill in ${fmtAmount(sum)}` },
            },
          });
          continue;
        }
        if (Math.abs(t.value - sum) <= TOLERANCE) continue;
        const found = fmtAmount(t.value);
        if (b.partsEmpty) {
          ctx.report({
            cells: [cell.address, ...partCells],
            message: {
              zh: `${name.zh}（${col.zh}）为 ${found}，但各项均未填写：应填写各项金额，使其之和等于合计`,
              en: `The ${name.en} (${col.en}) is ${found} but its rows are empty: fill in the rows so that they add up to the total`,
            },
          });
        } else if (t.formula) {
          ctx.report({
            cells: [cell.address, ...partCells],
            message: b.partsAsText
              ? {
                  zh: `${name.zh}（${col.zh}）公式结果为 ${found}，应为 ${fmtAmount(sum)}：有金额以文本存储，Excel 求和时忽略了它们；把这些金额转换为数字后合计即正确`,
                  en: `The ${name.en} (${col.en}) formula gives ${found} instead of ${fmtAmount(sum)}: some amounts are stored as text and Excel leaves them out; convert them to numbers and the total will be right`,
                }
              : {
                  zh: `${name.zh}（${col.zh}）公式结果为 ${found}，与各项之和 ${fmtAmount(sum)} 不符：请检查合计公式`,
                  en: `The ${name.en} (${col.en}) formula gives ${found}, not the sum of rows ${fmtAmount(sum)}: check the formula`,
                },
          });
        } else {
          ctx.report({
            cells: [cell.address, ...partCells],
            message: {
              zh: `${name.zh}（${col.zh}）应为 ${fmtAmount(sum)}（各项之和），当前为 ${found}`,
              en: `The ${name.en} (${col.en}) should be ${fmtAmount(sum)} (sum of rows), found ${found}`,
            },
            fix: {
              address: cell.address,
              value: sum,
              label: { zh: `改为 ${fmtAmount(sum)}`, en: `Change to ${fmtAmount(sum)}` },
            },
          });
        }
      }
    }
  },
};

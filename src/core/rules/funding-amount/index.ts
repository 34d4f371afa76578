/**
 * funding-amount: amounts are not negative, have at most two decimals (万元 to the hundredth is
 * 100 yuan), and the required ones are present: 财政拨款 and both 合计 for the budget year. An
 * empty 财政专户管理资金 or 单位资金 means 0 and is fine.
 */
import { roundTo } from '../../values';
import type { Rule } from '../types';
import {
  FUNDING_FIELDS,
  blockColumn,
  columnLabel,
  fmtAmount,
  readFunding,
  rowLabel,
} from '../util/basic-funding';

export const rule: Rule = {
  meta: {
    id: 'funding-amount',
    severity: 'error',
    sections: ['funding'],
    description: {
      zh: '金额不能为负数，最多两位小数；当年财政拨款、收入合计、支出合计必须填写。',
      en: 'Amounts are not negative and have at most two decimals; the budget-year fiscal appropriation and both totals are required.',
    },
    fixable: true,
  },
  check(ctx) {
    const fields = ctx.snapshot.fields ?? {};
    const year = ctx.snapshot.year;
    for (const f of FUNDING_FIELDS) {
      if (f.type !== 'amount') continue;
      const cell = fields[f.name];
      if (!cell) continue;
      const v = readFunding(ctx, cell, 'amount');
      const where = () => rowLabel(f.block, f.item);
      const col = () => columnLabel(f.column, year);
      if (v.kind === 'empty') {
        if (f.column !== 'Current' || !f.item.required || v.formula) continue;
        // An empty 合计 next to filled rows is funding-total's (it knows the value).
        if (f.item.total && !blockColumn(ctx, f.block, 'Current').partsEmpty) continue;
        ctx.report({
          incomplete: true,
          cells: [cell.address],
          message: {
            zh: `${where().zh}（${col().zh}）未填写：此项必须填写金额（万元），没有时填 0`,
            en: `${where().en} (${col().en}) is empty: it is required (in 10,000 yuan; enter 0 if there is none)`,
          },
        });
        continue;
      }
      if (v.kind !== 'number') continue;
      if (v.value < 0) {
        ctx.report({
          cells: [cell.address],
          message: {
            zh: `${where().zh}（${col().zh}）为负数 ${fmtAmount(v.value)}：金额应大于或等于 0`,
            en: `${where().en} (${col().en}) is negative (${fmtAmount(v.value)}): amounts are 0 or more`,
          },
        });
        continue;
      }
      if (v.formula) continue;
      // Cheap test first: hundredths that are whole (within float noise) need no rounding.
      const cents = v.value * 100;
      if (Math.abs(cents - Math.round(cents)) <= 1e-7 * Math.max(1, Math.abs(cents))) continue;
      const rounded = roundTo(v.value, 2);
      if (rounded === Number(v.value.toPrecision(15))) continue;
      ctx.report({
        severity: 'warning',
        cells: [cell.address],
        message: {
          zh: `${where().zh}（${col().zh}）${fmtAmount(v.value)} 超过两位小数：金额以万元为单位，应保留两位小数，即 ${fmtAmount(rounded)}`,
          en: `${where().en} (${col().en}) ${fmtAmount(v.value)} has more than two decimals: amounts in 10,000 yuan keep two, i.e. ${fmtAmount(rounded)}`,
        },
        fix: {
          address: cell.address,
          value: rounded,
          label: { zh: `改为 ${fmtAmount(rounded)}`, en: `Change to ${fmtAmount(rounded)}` },
        },
      });
    }
  },
};

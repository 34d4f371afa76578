/**
 * funding-share: each 占比 is its row's amount divided by the block's 合计, to two decimals of a
 * percent; the 合计 row shows 100%; a block's shares add up to 100%. Typed shares that disagree
 * get the right value as a fix; a share formula that disagrees is reported without one.
 */
import { FUNDING_BLOCKS } from '../../form/spec';
import { roundTo } from '../../values';
import type { Finding, Rule } from '../types';
import {
  TOLERANCE,
  blockColumn,
  fmtAmount,
  fmtPoints,
  fundingCell,
  readFunding,
  rowLabel,
} from '../util/basic-funding';

type Report = Omit<Finding, 'ruleId' | 'severity' | 'section'>;

/** A share agrees when it rounds to the same two decimals or lies within rounding of the exact. */
function agrees(share: number, exact: number): boolean {
  return Math.abs(share - exact) <= TOLERANCE || roundTo(share, 2) === roundTo(exact, 2);
}

export const rule: Rule = {
  meta: {
    id: 'funding-share',
    severity: 'error',
    sections: ['funding'],
    description: {
      zh: '占比 = 本行当年金额 ÷ 合计（保留两位小数的百分比），合计行为 100%，各项占比之和为 100%。',
      en: 'Share = row amount ÷ total (a percentage to two decimals); the total row is 100%; the shares add up to 100%.',
    },
    fixable: true,
  },
  check(ctx) {
    for (const block of FUNDING_BLOCKS) {
      const current = blockColumn(ctx, block, 'Current');
      const total = current.meant;
      if (total === null || Math.abs(total) < 1e-9) continue;
      const reports: Report[] = [];
      let skipped = false;
      const itemShares: { address: string; points: number }[] = [];
      for (const item of block.items) {
        const cell = fundingCell(ctx, block.key, item.key, 'Share');
        if (!cell) {
          skipped = true;
          continue;
        }
        const share = readFunding(ctx, cell, 'share');
        if (share.kind === 'invalid') {
          skipped = true;
          continue;
        }
        let amount = total;
        if (!item.total) {
          const part = current.parts.find((p) => p.item === item);
          if (!part || part.value.kind === 'invalid') {
            skipped = true;
            continue;
          }
          amount = part.value.kind === 'number' ? part.value.value : 0;
        }
        const exact = item.total ? 100 : (amount / total) * 100;
        const expected = roundTo(exact, 2);
        if (share.kind === 'empty') {
          if (expected === 0) {
            if (!item.total) itemShares.push({ address: cell.address, points: 0 });
            continue;
          }
          if (share.formula) {
            skipped = true;
            continue;
          }
        } else {
          if (!item.total) itemShares.push({ address: cell.address, points: share.value });
          if (agrees(share.value, exact)) continue;
          // Amounts stored as text make SUM and N() see 0: converting them (reported by
          // number-stored-as-text and funding-total) puts a share formula right.
          const totalAsText =
            current.total.value.kind === 'number' && current.total.value.storedAsText;
          if (share.formula && (current.partsAsText || totalAsText)) {
            skipped = true;
            continue;
          }
        }
        // Only now, with a finding to report, are the words put together.
        const where = rowLabel(block, item);
        const how = item.total
          ? { zh: '合计行', en: 'the total row' }
          : {
              zh: `${fmtAmount(amount)} ÷ ${fmtAmount(total)}`,
              en: `${fmtAmount(amount)} ÷ ${fmtAmount(total)}`,
            };
        const want = fmtPoints(expected);
        const value = Number((expected / 100).toPrecision(12));
        if (share.kind === 'empty') {
          reports.push({
            cells: [cell.address],
            message: {
              zh: `${where.zh}的占比未填写，应为 ${want}（${how.zh}）`,
              en: `The share of ${where.en} is empty; it should be ${want} (${how.en})`,
            },
            fix: {
              address: cell.address,
              value,
              label: { zh: `填入 ${want}`, en: `Fill in ${want}` },
            },
          });
          continue;
        }
        const found = fmtPoints(share.value);
        if (share.formula) {
          reports.push({
            cells: [cell.address],
            message: {
              zh: `${where.zh}的占比公式结果为 ${found}，应为 ${want}（${how.zh}）：请检查公式`,
              en: `The share formula of ${where.en} gives ${found}; it should be ${want} (${how.en}): check the formula`,
            },
          });
          continue;
        }
        reports.push({
          cells: [cell.address],
          message: {
            zh: `${where.zh}的占比应为 ${want}（${how.zh}），当前为 ${found}`,
            en: `The share of ${where.en} should be ${want} (${how.en}), found ${found}`,
          },
          fix: {
            address: cell.address,
            value,
            label: { zh: `改为 ${want}`, en: `Change to ${want}` },
          },
        });
      }
      for (const r of reports) ctx.report(r);
      // The sum is checked only when every share agrees on its own and the 合计 is the sum of
      // its rows (otherwise the findings above, or funding-total's, say what is wrong).
      if (reports.length || skipped || itemShares.length === 0) continue;
      if (current.sum === null || Math.abs(current.sum - total) > TOLERANCE) continue;
      const sum = itemShares.reduce((s, x) => s + x.points, 0);
      if (Math.abs(sum - 100) <= 0.01 + 1e-9) continue;
      ctx.report({
        cells: itemShares.map((x) => x.address),
        message: {
          zh: `${block.label.zh}各项占比之和为 ${fmtPoints(roundTo(sum, 4))}，应为 100%`,
          en: `The shares of ${block.label.en} add up to ${fmtPoints(roundTo(sum, 4))}; they should add up to 100%`,
        },
      });
    }
  },
};

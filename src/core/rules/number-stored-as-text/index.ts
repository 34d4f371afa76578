/**
 * number-stored-as-text: a funding amount or share, or the budget year, typed as text that reads
 * as a number ('\u30008167.74', '８１６７．７４', '8,167.74\u00a0', '\u300018.94%'). Excel keeps
 * such a cell as text: SUM and the share formulas ignore it, so totals come out wrong silently.
 */
import { BUDGET_YEAR } from '../../form/spec';
import type { Rule } from '../types';
import {
  FUNDING_FIELDS,
  columnLabel,
  fmtAmount,
  fmtPoints,
  readFunding,
  rowLabel,
} from '../util/basic-funding';
import { cellString, compact, preview } from '../util/basic-text';

const YEAR_TEXT = /^(\d{4})年?$/;
const IDEOGRAPHIC_SPACE = /\u3000/;
const OTHER_BLANK = /[\u00a0\u2000-\u200b\u202f\u205f\ufeff]/;
const FULL_WIDTH = /[\uff0e\uff10-\uff19\uff05\uff0c]/;
const UNIT = /[万亿元]/;

/** Why Excel keeps this text as text, in words a user can act on. */
export function whyText(s: string): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  if (IDEOGRAPHIC_SPACE.test(s)) {
    zh.push('带有全角空格');
    en.push('has ideographic spaces (U+3000)');
  }
  if (OTHER_BLANK.test(s)) {
    zh.push('带有不间断空格等不可见字符');
    en.push('has non-breaking or invisible spaces');
  }
  if (FULL_WIDTH.test(s)) {
    zh.push('使用了全角数字或符号');
    en.push('uses full-width digits or signs');
  }
  if (UNIT.test(s)) {
    zh.push('带有单位');
    en.push('has a unit');
  }
  if (zh.length === 0) {
    zh.push('以文本格式存储');
    en.push('is formatted as text');
  }
  return { zh: zh.join('、'), en: en.join(', ') };
}

export const rule: Rule = {
  meta: {
    id: 'number-stored-as-text',
    severity: 'warning',
    sections: ['funding', 'header'],
    description: {
      zh: '资金金额、占比或预算年度以文本形式存储（如带全角空格“　8167.74”），Excel 求和时会忽略它。',
      en: 'A funding amount, share or the budget year is stored as text (e.g. with an ideographic space), so Excel ignores it in sums.',
    },
    fixable: true,
  },
  check(ctx) {
    const fields = ctx.snapshot.fields ?? {};
    for (const f of FUNDING_FIELDS) {
      const cell = fields[f.name];
      if (!cell || cell.formula) continue;
      const v = readFunding(ctx, cell, f.type);
      if (v.kind !== 'number' || !v.storedAsText) continue;
      const where = rowLabel(f.block, f.item);
      const col = columnLabel(f.column, ctx.snapshot.year);
      const shown = preview(cellString(cell));
      const why = whyText(cellString(cell));
      const expected = f.type === 'share' ? fmtPoints(v.value, 4) : fmtAmount(v.value);
      ctx.report({
        cells: [cell.address],
        message: {
          zh: `${where.zh}（${col.zh}）“${shown}”${why.zh}，是以文本存储的数字，Excel 求和时会忽略它；应为数字 ${expected}`,
          en: `${where.en} (${col.en}) "${shown}" ${why.en}: a number stored as text, which Excel ignores in sums; it should be the number ${expected}`,
        },
        fix: {
          address: cell.address,
          value: v.cellNumber,
          label: { zh: `转换为数字 ${expected}`, en: `Convert to the number ${expected}` },
        },
      });
    }
    const year = fields[BUDGET_YEAR.name];
    if (year && !year.formula && typeof year.value === 'string') {
      const m = YEAR_TEXT.exec(compact(year.value));
      if (m) {
        const y = Number(m[1]);
        ctx.report({
          section: 'header',
          cells: [year.address],
          message: {
            zh: `预算年度“${preview(year.value)}”${whyText(year.value).zh}，以文本存储，表头年份的公式无法用它计算；应为数字 ${y}`,
            en: `The budget year "${preview(year.value)}" ${whyText(year.value).en}: stored as text, the year headers cannot be computed from it; it should be the number ${y}`,
          },
          fix: {
            address: year.address,
            value: y,
            label: { zh: `转换为数字 ${y}`, en: `Convert to the number ${y}` },
          },
        });
      }
    }
  },
};

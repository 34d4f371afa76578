/**
 * number-required: a funding amount or share holding something that cannot be a number —
 * '约8000', '待定', '≥8000', an Excel error value such as '#REF!'.
 */
import type { Rule } from '../types';
import { FUNDING_FIELDS, columnLabel, readFunding, rowLabel } from '../util/basic-funding';
import { preview } from '../util/basic-text';

export const rule: Rule = {
  meta: {
    id: 'number-required',
    severity: 'error',
    sections: ['funding'],
    description: {
      zh: '资金金额和占比必须是数字：文字（如“约8000”）或错误值（如 #REF!）无法参与计算。',
      en: 'Funding amounts and shares must be numbers: text (e.g. 约8000) or error values (e.g. #REF!) cannot be added up.',
    },
    fixable: false,
  },
  check(ctx) {
    const fields = ctx.snapshot.fields ?? {};
    for (const f of FUNDING_FIELDS) {
      const cell = fields[f.name];
      if (!cell) continue;
      const v = readFunding(ctx, cell, f.type);
      if (v.kind !== 'invalid') continue;
      const where = rowLabel(f.block, f.item);
      const col = columnLabel(f.column, ctx.snapshot.year);
      const want =
        f.type === 'share'
          ? { zh: '百分比数字（如 18.94%）', en: 'a percentage (e.g. 18.94%)' }
          : {
              zh: '以万元为单位的数字（如 8167.74）',
              en: 'a number in 10,000 yuan (e.g. 8167.74)',
            };
      const message = v.error
        ? {
            zh: `${where.zh}（${col.zh}）显示错误值 ${v.error}${v.formula ? '（公式引用可能已损坏）' : ''}；此处应为${want.zh}`,
            en: `${where.en} (${col.en}) shows the error ${v.error}${v.formula ? ' (its formula may refer to a deleted cell)' : ''}; it should be ${want.en}`,
          }
        : {
            zh: `${where.zh}（${col.zh}）“${preview(v.text)}”不是数字，Excel 求和时会忽略它；此处应为${want.zh}`,
            en: `${where.en} (${col.en}) "${preview(v.text)}" is not a number, which Excel ignores in sums; it should be ${want.en}`,
          };
      ctx.report({ cells: [cell.address], message });
    }
  },
};

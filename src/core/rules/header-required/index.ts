/** header-required: 部门（单位）名称, 填报人 and 联系电话 are filled in (blanks alone do not count). */
import { HEADER_FIELDS } from '../../form/spec';
import type { Rule } from '../types';
import { isBlankCell } from '../util/basic-text';

export const rule: Rule = {
  meta: {
    id: 'header-required',
    severity: 'error',
    sections: ['header'],
    description: {
      zh: '部门（单位）名称、填报人、联系电话必须填写。',
      en: 'Department name, preparer and contact phone are required.',
    },
    fixable: false,
  },
  check(ctx) {
    const fields = ctx.snapshot.fields ?? {};
    for (const f of HEADER_FIELDS) {
      const cell = fields[f.name];
      if (!cell || !isBlankCell(cell)) continue;
      ctx.report({
        incomplete: true,
        cells: [cell.address],
        message: {
          zh: `${f.label.zh}未填写：请填写${f.label.zh}`,
          en: `${f.label.en} is empty: please fill it in`,
        },
      });
    }
  },
};

/**
 * text-required: 部门职能概述, 年度工作任务, 长期目标 and 年度目标 are written (blanks or a mere
 * placeholder such as '……' or '略' do not count).
 */
import { TEXT_SECTIONS, type TextSectionId } from '../../form/spec';
import type { Rule } from '../types';
import { trimBlank } from '../../values';
import { cellString, compact, isPlaceholderText } from '../util/basic-text';

const REQUIRED: TextSectionId[] = ['functions', 'annualTasks', 'longTermGoals', 'annualGoals'];
/** Words that stand for "nothing written". */
const NOTHING = new Set(['无', '暂无', '待定', '待补充', '/', '\\', 'N/A', 'n/a', '-']);

export const rule: Rule = {
  meta: {
    id: 'text-required',
    severity: 'error',
    sections: REQUIRED,
    description: {
      zh: '部门职能概述、年度工作任务、长期目标、年度目标必须填写。',
      en: 'Functions, annual work tasks, long-term goals and annual goals are required.',
    },
    fixable: false,
  },
  check(ctx) {
    const fields = ctx.snapshot.fields ?? {};
    for (const id of REQUIRED) {
      const spec = TEXT_SECTIONS[id];
      const cell = fields[spec.name];
      if (!cell) continue;
      // Long texts are only trimmed: only a short text can be a mere placeholder.
      const text = trimBlank(cellString(cell));
      const c = text.length <= 16 ? compact(text) : text;
      const label = spec.label(ctx.snapshot.year ?? 0);
      const name = {
        zh: label.zh.replace(/[：:（(].*$/, ''),
        en: label.en.replace(/\s*\(.*$/, ''),
      };
      if (c !== '' && !isPlaceholderText(c) && !NOTHING.has(c)) continue;
      ctx.report({
        section: id,
        incomplete: c === '',
        cells: [cell.address],
        message:
          c === ''
            ? {
                zh: `${name.zh}未填写：请填写${name.zh}`,
                en: `${name.en} is empty: please write it`,
              }
            : {
                zh: `${name.zh}只有“${c}”，没有实际内容：请填写${name.zh}`,
                en: `${name.en} holds only "${c}", no actual content: please write it`,
              },
      });
    }
  },
};

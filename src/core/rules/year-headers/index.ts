/**
 * year-headers: the budget year is a year, and every year printed in the form follows from it —
 * the history columns read Y-2年 and Y-1年 (funding block and annual table), the long-term goals
 * label reads 长期目标：（截止Y+2年）. Blanks inside a label do not matter ('2022 年').
 */
import { BUDGET_YEAR, TEXT_SECTIONS, YEAR_LABEL_NAMES } from '../../form/spec';
import type { Bilingual, SectionId } from '../../form/types';
import type { Rule } from '../types';
import { fieldSection } from '../util/basic-fields';
import { cellString, compact, preview } from '../util/basic-text';

const HISTORY: { key: keyof typeof YEAR_LABEL_NAMES; offset: -2 | -1; what: Bilingual }[] = [
  { key: 'fundPrev2', offset: -2, what: { zh: '资金情况表头', en: 'funding header' } },
  { key: 'fundPrev1', offset: -1, what: { zh: '资金情况表头', en: 'funding header' } },
  { key: 'annualPrev2', offset: -2, what: { zh: '年度绩效指标表头', en: 'annual table header' } },
  { key: 'annualPrev1', offset: -1, what: { zh: '年度绩效指标表头', en: 'annual table header' } },
];
const YEARS_IN = /\d{4}/g;

export const rule: Rule = {
  meta: {
    id: 'year-headers',
    severity: 'error',
    sections: ['header', 'funding', 'longTermGoals', 'annual'],
    description: {
      zh: '预算年度应为年份；近两年表头应为 Y-2年、Y-1年，长期目标应截止 Y+2 年。',
      en: 'The budget year is a year; history headers read Y-2 and Y-1; the long-term horizon is Y+2.',
    },
    fixable: true,
  },
  check(ctx) {
    const fields = ctx.snapshot.fields ?? {};
    const yearCell = fields[BUDGET_YEAR.name];
    const Y = ctx.snapshot.year;
    if (Y === null) {
      if (!yearCell) return;
      const shown = preview(cellString(yearCell));
      ctx.report({
        section: 'header',
        cells: [yearCell.address],
        message:
          shown === ''
            ? {
                zh: '预算年度未填写：应填写四位年份（如 2024），表头年份和长期目标年限都由它计算',
                en: 'The budget year is empty: enter a four-digit year (e.g. 2024); the year headers and the long-term horizon follow from it',
              }
            : {
                zh: `预算年度“${shown}”不是年份：应为四位年份（如 2024）`,
                en: `The budget year "${shown}" is not a year: it should be a four-digit year (e.g. 2024)`,
              },
      });
      return;
    }
    const check = (name: string, ok: (c: string) => boolean, right: string, what: Bilingual) => {
      const cell = fields[name];
      if (!cell) return;
      const text = cellString(cell);
      if (ok(compact(text))) return;
      const section: SectionId = fieldSection(name);
      ctx.report({
        section,
        cells: [cell.address, ...(yearCell ? [yearCell.address] : [])],
        message:
          text.trim() === ''
            ? {
                zh: `${what.zh}为空：预算年度为 ${Y} 年，应为“${right}”`,
                en: `The ${what.en} is empty: with budget year ${Y} it should read "${right}"`,
              }
            : {
                zh: `${what.zh}“${preview(text, 30)}”与预算年度 ${Y} 年不符：应为“${right}”`,
                en: `The ${what.en} "${preview(text, 30)}" does not match budget year ${Y}: it should read "${right}"`,
              },
        fix: {
          address: cell.address,
          value: right,
          label: { zh: `改为“${right}”`, en: `Change to "${right}"` },
        },
      });
    };
    for (const h of HISTORY) {
      const want = Y + h.offset;
      check(
        YEAR_LABEL_NAMES[h.key],
        (c) => c === `${want}年` || c === String(want),
        `${want}年`,
        h.what,
      );
    }
    const horizon = TEXT_SECTIONS.longTermGoals.label(Y).zh;
    check(
      YEAR_LABEL_NAMES.longTermHorizon,
      (c) => {
        // '长期目标：（截止2026年）', also '长期目标（2024—2026年）': the last year named is Y+2.
        const years = c.match(YEARS_IN) ?? [];
        return years.length > 0 && Number(years[years.length - 1]) === Y + 2;
      },
      horizon,
      { zh: '长期目标年限', en: 'long-term horizon' },
    );
  },
};

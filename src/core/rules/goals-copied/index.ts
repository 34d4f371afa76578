/**
 * goals-copied: the 年度目标 repeat the 长期目标 word for word (blanks, punctuation and character
 * width aside), or one contains the other whole. The annual goals are this year's steps towards
 * the long-term ones; a copy says nothing about either.
 */
import { TEXT_SECTIONS } from '../../form/spec';
import type { Rule } from '../types';
import { normalizeText } from '../../values';
import { cellString, memoString } from '../util/basic-text';

/** Containment counts only when the shorter text is at least this long (after normalising). */
const MIN_CONTAINED = 30;

const NOT_WORDS = /[^\p{L}\p{N}%.]/gu;
const LONE_POINT = /\.(?!\d)|(?<!\d)\./g;

/** The words and numbers of a text: blanks, punctuation and widths removed ('。' too). */
export const wordsOf = memoString(
  (s: string) =>
    normalizeText(s).replace(/。/g, '.').replace(NOT_WORDS, '').replace(LONE_POINT, ''),
  16,
);

export const rule: Rule = {
  meta: {
    id: 'goals-copied',
    severity: 'warning',
    sections: ['annualGoals', 'longTermGoals'],
    description: {
      zh: '年度目标不应逐字照抄长期目标。',
      en: 'The annual goals should not copy the long-term goals word for word.',
    },
    fixable: false,
  },
  check(ctx) {
    const fields = ctx.snapshot.fields ?? {};
    const longCell = fields[TEXT_SECTIONS.longTermGoals.name];
    const annualCell = fields[TEXT_SECTIONS.annualGoals.name];
    if (!longCell || !annualCell) return;
    const a = wordsOf(cellString(annualCell));
    const l = wordsOf(cellString(longCell));
    if (a === '' || l === '') return;
    const y = ctx.snapshot.year;
    const horizon =
      y === null ? { zh: '', en: '' } : { zh: `（截止${y + 2}年）`, en: ` (to ${y + 2})` };
    const cells = [annualCell.address, longCell.address];
    if (a === l) {
      ctx.report({
        cells,
        message: {
          zh: `年度目标与长期目标逐字相同：年度目标应写本年度要达到的目标，长期目标应写更长期${horizon.zh}的目标`,
          en: `The annual goals are word for word the long-term goals: the annual goals state this year's targets, the long-term goals the longer horizon${horizon.en}`,
        },
      });
      return;
    }
    const [shorter, longer] = a.length < l.length ? [a, l] : [l, a];
    if (shorter.length < MIN_CONTAINED || !longer.includes(shorter)) return;
    const which =
      shorter === l
        ? {
            zh: '年度目标完整包含了长期目标的全部文字',
            en: 'The annual goals contain the whole long-term goals',
          }
        : {
            zh: '长期目标完整包含了年度目标的全部文字',
            en: 'The long-term goals contain the whole annual goals',
          };
    ctx.report({
      cells,
      message: {
        zh: `${which.zh}：两者应各写各的目标，年度目标写本年度，长期目标写更长期${horizon.zh}`,
        en: `${which.en}: each should state its own targets, this year's and the longer horizon's${horizon.en}`,
      },
    });
  },
};

/**
 * Qualitative grades: the short words a form uses as an indicator value where no number fits
 * (健全, 规范, 完全相符, 成效显著 …).
 */

/** The grade words the parser recognises as they are (after normalisation). */
export const GRADE_WORDS: readonly string[] = [
  // seen in the seed form
  '健全',
  '规范',
  '科学',
  '合理',
  '完全相符',
  '完全合规',
  '促进',
  '有效提升',
  '成效显著',
  '稳步推进',
  // common in 绩效目标表 of other departments
  '完善',
  '相符',
  '合规',
  '符合',
  '提升',
  '提高',
  '改善',
  '增强',
  '加强',
  '推进',
  '显著',
  '明显',
  '有效',
  '良好',
  '优秀',
  '优',
  '良',
  '中',
  '差',
  '好',
  '较好',
  '一般',
  '合格',
  '达标',
  '达到预期',
  '符合要求',
  '符合规定',
  '满意',
  '完成',
  '按时完成',
  '按期完成',
  '及时',
  '准确',
  '到位',
  '落实',
  '稳定',
  '高',
  '低',
  '是',
  '否',
  '有',
  '无',
];

/** Words that may stand before a grade word and keep it a grade: 基本健全, 较规范, 不合理. */
const MODIFIERS: readonly string[] = [
  '进一步',
  '基本',
  '比较',
  '非常',
  '十分',
  '完全',
  '明显',
  '显著',
  '有效',
  '逐步',
  '不断',
  '持续',
  '大幅',
  '全面',
  '稳步',
  '切实',
  '总体',
  '整体',
  '较',
  '很',
  '更',
  '已',
  '不',
  '未',
];

const GRADE_SET: ReadonlySet<string> = new Set(GRADE_WORDS);

/** The longest text that can still be a grade (longer is a sentence). */
const MAX_GRADE_LENGTH = 8;

/**
 * True when `word` (normalised, no spaces) is a grade: one of {@link GRADE_WORDS}, possibly
 * after up to two modifiers (基本健全, 进一步有效提升, 不规范).
 */
export function isGradeWord(word: string): boolean {
  if (word.length === 0 || word.length > MAX_GRADE_LENGTH) return false;
  let rest = word;
  for (let i = 0; i <= 2; i++) {
    if (GRADE_SET.has(rest)) return true;
    const modifier = MODIFIERS.find((m) => rest.startsWith(m) && rest.length > m.length);
    if (!modifier) return false;
    rest = rest.slice(modifier.length);
  }
  return false;
}

/**
 * Text helpers of the basic rules: comparing labels and enumerations the way a reviewer reads
 * them (blanks and character widths do not count), placeholders, near misses, previews.
 */
import type { SnapCell } from '../../snapshot/types';
import { normalizeText, stripResidue, trimBlank } from '../../values';

/** The cell's content as text ('' for empty; numbers and booleans as Excel shows them plainly). */
export function cellString(cell: SnapCell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}

const BLANKS = / /g;

/**
 * `fn` remembered for the last few thousand strings it saw: rules re-read the same labels
 * ('计划标准', '绩效基本型' …) in every row and on every check, so this saves most of the work.
 */
export function memoString(fn: (s: string) => string, cap = 4096): (s: string) => string {
  const memo = new Map<string, string>();
  return (s: string) => {
    let r = memo.get(s);
    if (r === undefined) {
      r = fn(s);
      if (memo.size >= cap) memo.clear();
      memo.set(s, r);
    }
    return r;
  };
}

/**
 * Text {@link normalizeText} leaves as it is: CJK ideographs, printable ASCII other than the
 * space, and the CJK punctuation it does not map (“”‘’、。《》【】…—).
 */
const ALREADY_COMPACT =
  /^[\u4e00-\u9fff\x21-\x7e\u2014\u2018-\u201d\u2026\u3001\u3002\u300a-\u3011]*$/;

const compactMemo = memoString((s) =>
  ALREADY_COMPACT.test(s) ? s : normalizeText(s).replace(BLANKS, ''),
);

/**
 * Text without any blank (U+3000, NBSP, line breaks, spaces) and with full-width characters
 * made half-width: '履职\n效能' → '履职效能', '核心业务产出３' → '核心业务产出3'.
 */
export function compact(s: string): string {
  if (s === '') return '';
  return compactMemo(s);
}

/** {@link compact} of a cell's text. */
export function compactCell(cell: SnapCell | undefined): string {
  return compact(cellString(cell));
}

/** True when a cell holds nothing but blanks. */
export function isBlankCell(cell: SnapCell | undefined): boolean {
  const v = cell?.value;
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  if (v === '') return true;
  // Most texts start with a visible character: no need to normalise them.
  const c = v.charCodeAt(0);
  if (c > 0x20 && c !== 0x3000 && c !== 0xa0 && (c < 0x2000 || c > 0x206f) && c !== 0xfeff)
    return false;
  return compact(v) === '';
}

/**
 * A leftover "more rows may be added here" mark: ……, …, ..., 。。。, ——, -, 略, 等 (after
 * {@link compact}: full-width '．' and '－' have become '.' and '-' by then).
 */
const PLACEHOLDER = /^(?:[.…⋯。·—―-]+|略|等|等等|省略)$/;

export function isPlaceholderText(compacted: string): boolean {
  return compacted !== '' && PLACEHOLDER.test(compacted);
}

/**
 * Levenshtein distance between a and b, or `max + 1` as soon as it exceeds `max`.
 * Strings here are short labels (≤ 10 characters), so this is cheap.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Words people add around an enumeration value that do not change which one they meant. */
const DECORATION = /(?:类|类别|指标|依据)$/;

/**
 * The one choice a near miss stands for, or null when the value is not close to exactly one:
 * - a known variant (`variants`, e.g. 绩效创新性 → 绩效创新型);
 * - the value without decoration (运行成本类 → 运行成本, 计划标准依据 → 计划标准);
 * - an edit distance of 1 (2 for values of five characters or more) to a single closest choice
 *   (其它标准 → 其他标准, 可持续发展能 → 可持续发展能力);
 * - a part of exactly one choice, two characters or more (基本型 → 绩效基本型, 计划 → 计划标准).
 *
 * `value` must already be {@link compact}ed.
 */
export function nearMiss(
  value: string,
  choices: readonly string[],
  variants: Readonly<Record<string, string>> = {},
): string | null {
  if (value === '' || choices.includes(value)) return null;
  const known = variants[value];
  if (known !== undefined) return known;
  const bare = value.replace(DECORATION, '');
  if (bare !== value && choices.includes(bare)) return bare;
  const max = value.length >= 5 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = max + 1;
  let tie = false;
  for (const c of choices) {
    const d = editDistance(value, c, max);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  if (best !== null && bestDistance <= max && !tie) return best;
  if (value.length >= 2) {
    const containing = choices.filter((c) => c.includes(value));
    if (containing.length === 1) return containing[0];
  }
  return null;
}

const RUNS_OF_BLANKS = /[\s\u3000\u00a0]+/g;

/** At most `n` characters of a text for a message: outer blanks trimmed, inner runs as one space. */
export function preview(s: string, n = 20): string {
  const t = trimBlank(s).replace(RUNS_OF_BLANKS, ' ');
  return t.length > n ? `${t.slice(0, n)}…` : t;
}

// Word's end-of-cell mark is a control character: that is the point of removing it.
// eslint-disable-next-line no-control-regex
const CONTROL_MARKS = /[\u0007\uFFFD]/g;

/** Cheap first test: every kind of residue contains one of these characters. */
// eslint-disable-next-line no-control-regex
export const MAY_HOLD_RESIDUE = /[[<&\\\u0007\uFFFD]/;

/**
 * `s` without conversion residue: '[bookmark: …]' markers and markup tags removed, entities
 * decoded, Word's end-of-cell mark U+0007 and the replacement character U+FFFD removed; every
 * other character kept as it was.
 */
export function withoutResidue(s: string): string {
  if (!MAY_HOLD_RESIDUE.test(s)) return s;
  return stripResidue(s).replace(CONTROL_MARKS, '');
}

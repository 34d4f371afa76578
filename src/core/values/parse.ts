/**
 * `parseCell`: what a cell's raw content means, for every way people type values into the form
 * (see /work/shared/RULES.md, "Values as people type them").
 *
 * Order of reading a text value, after {@link normalizeText}:
 * empty → Excel error → (hint 'text': grade or text) → number / percent / amount → growth →
 * comparison → broken number (unparseable) → grade → text.
 */
import { isGradeWord } from './grades';
import { normalizeText, trimBlank } from './normalize';
import { cleanPoints, plainNumber, readNumberToken } from './numeric';
import type { NumericValue, Operator, ParsedValue, RawCell, ValueHint } from './types';
import { splitAmount, unitInText } from './units';

/** Excel's error values, as `range.values` returns them. */
export const EXCEL_ERRORS: readonly string[] = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#EXTERNAL!',
  '#PYTHON!',
];
const ERROR_SET: ReadonlySet<string> = new Set(EXCEL_ERRORS);

/** Longer text is never a number, amount, growth or comparison; it is read as text directly. */
const MAX_VALUE_LENGTH = 64;

/** What a reader returns: a value, `broken` (shaped like one but unreadable), or null (not one). */
type Reading = ParsedValue | 'broken' | null;

/**
 * Read a cell. Never throws, whatever `raw` holds.
 *
 * @param hint what the field expects:
 *   - `'indicator'` (default) reads every kind;
 *   - `'number'` reads every kind, and a bare number stays a number;
 *   - `'percent'` reads a bare number as a percentage: |v| ≤ 1 is a fraction (0.1894 → 18.94),
 *     otherwise percentage points (18.94 → 18.94);
 *   - `'text'` never reinterprets the content: the result is empty, a grade, text, or an Excel
 *     error value (an error is what the cell holds, not a reading of its text).
 */
export function parseCell(raw: RawCell, hint: ValueHint = 'indicator'): ParsedValue {
  try {
    return parseRaw(raw, hint);
  } catch {
    // Defensive: nothing above is expected to throw, but a checker must never crash on a cell.
    return { kind: 'unparseable', text: safeString(raw?.value) };
  }
}

function safeString(v: unknown): string {
  try {
    return String(v);
  } catch {
    return '';
  }
}

function parseRaw(raw: RawCell, hint: ValueHint): ParsedValue {
  const value: unknown = raw?.value;
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'number') return parseNumber(value, raw.numberFormat, hint);
  return parseText(typeof value === 'string' ? value : safeString(value), hint);
}

/** The parts of a number format that are shown literally: quoted text and escaped characters. */
function formatLiterals(format: string): { literal: string; code: string } {
  const literal: string[] = [];
  const code = format.replace(
    /"([^"]*)"|\\(.)|\[[^[\]]*\]/g,
    (_m, quoted?: string, escaped?: string) => {
      if (quoted !== undefined) literal.push(quoted);
      else if (escaped !== undefined) literal.push(escaped);
      return '';
    },
  );
  return { literal: literal.join(''), code };
}

/** A number Excel holds, read with its number format and the hint. */
function parseNumber(v: number, numberFormat: string | undefined, hint: ValueHint): ParsedValue {
  const format = typeof numberFormat === 'string' ? formatLiterals(numberFormat) : null;
  const percentFormat = format !== null && format.code.includes('%');
  // What Excel shows: a %-formatted 0.1894 is 18.94%; 1e308 as a percentage overflows.
  const shown = percentFormat ? cleanPoints(v * 100) : v;
  if (!Number.isFinite(shown))
    return { kind: hint === 'text' ? 'text' : 'unparseable', text: String(v) };
  if (hint === 'text') {
    return { kind: 'text', text: percentFormat ? `${plainNumber(shown)}%` : plainNumber(v) };
  }
  if (percentFormat) return { kind: 'percent', value: shown, storedAsText: false };
  const unit = format && format.literal ? unitInText(format.literal) : null;
  if (unit) return { kind: 'amount', value: v, unit, storedAsText: false };
  if (hint === 'percent') {
    return { kind: 'percent', value: fractionOrPoints(v), storedAsText: false };
  }
  return { kind: 'number', value: v, storedAsText: false };
}

/** Under the 'percent' hint a bare number with |v| ≤ 1 is a fraction, otherwise points. */
function fractionOrPoints(v: number): number {
  return Math.abs(v) <= 1 ? cleanPoints(v * 100) : v;
}

/** Text a person typed or pasted. */
function parseText(s: string, hint: ValueHint): ParsedValue {
  const norm = normalizeText(s);
  if (norm === '') return { kind: 'empty' };
  const upper = norm.toUpperCase();
  if (ERROR_SET.has(upper)) return { kind: 'error', code: upper };
  if (hint !== 'text' && norm.length <= MAX_VALUE_LENGTH) {
    // Blanks are dropped except between two digits ('1 2' is not 12).
    const compact = norm.replace(/(?<!\d) | (?!\d)/g, '');
    for (const read of [readQuantity, readGrowth, readComparison]) {
      const r = read(compact, hint);
      if (r === 'broken') return { kind: 'unparseable', text: trimBlank(s) };
      if (r !== null) return r;
    }
    if (looksNumeric(compact)) return { kind: 'unparseable', text: trimBlank(s) };
  }
  return gradeOrText(norm, s);
}

/** Only digits, separators, signs, blanks and percent signs, with at least one digit. */
function looksNumeric(compact: string): boolean {
  return /^[\d.,+\- %‰]+$/.test(compact) && /\d/.test(compact);
}

/** A plain number, a percentage or an amount with a money unit, from text. */
function readQuantity(compact: string, hint: ValueHint): NumericValue | 'broken' | null {
  const last = compact[compact.length - 1];
  if (last === '%' || last === '‰') {
    const body = compact.slice(0, -1);
    const n = readNumberToken(body);
    if (n === null) return looksNumeric(body) ? 'broken' : null;
    const points = last === '‰' ? cleanPoints(n / 10) : n;
    return { kind: 'percent', value: points, storedAsText: true };
  }
  const n = readNumberToken(compact);
  if (n !== null) {
    return hint === 'percent'
      ? { kind: 'percent', value: fractionOrPoints(n), storedAsText: true }
      : { kind: 'number', value: n, storedAsText: true };
  }
  const amount = splitAmount(compact);
  if (amount) {
    const value = readNumberToken(amount.token);
    if (value === null) return 'broken';
    return { kind: 'amount', value, unit: amount.unit, storedAsText: true };
  }
  return looksNumeric(compact) ? 'broken' : null;
}

/** Growth phrases: 增长7.5%, 同比增长10%, 增长12%左右, 下降3%, 减少2.5%, 增幅10%. */
const GROWTH = new RegExp(
  '^(?:同比|环比|年均|(?:比|较)(?:上年度?|去年|上一年|\\d{4}年)?)?' +
    '(增长率|增长|增加|提高|提升|上升|增幅|增速|下降|减少|降低|下滑|降幅|负增长)' +
    '(?:为|约|达到|达)?([^%]*)%(?:左右|以上|及以上)?$',
);
const NEGATIVE_GROWTH = new Set(['下降', '减少', '降低', '下滑', '降幅', '负增长']);

function readGrowth(compact: string): Reading {
  const m = GROWTH.exec(compact);
  if (!m) return null;
  const [, verb, token] = m;
  const n = readNumberToken(token);
  if (n === null) return looksNumeric(token) ? 'broken' : null;
  // 下降3% and 下降-3% both mean a fall of 3%.
  const value = NEGATIVE_GROWTH.has(verb) ? -Math.abs(n) : n;
  return { kind: 'growth', value: value === 0 ? 0 : value };
}

/** Operator words and symbols, longest first so that 大于等于 wins over 大于. */
const OPERATORS: ReadonlyArray<readonly [string, Operator]> = (
  [
    ['大于或等于', '≥'],
    ['大于等于', '≥'],
    ['不低于', '≥'],
    ['不少于', '≥'],
    ['不小于', '≥'],
    ['至少', '≥'],
    ['>=', '≥'],
    ['=>', '≥'],
    ['≥', '≥'],
    ['小于或等于', '≤'],
    ['小于等于', '≤'],
    ['不高于', '≤'],
    ['不超过', '≤'],
    ['不大于', '≤'],
    ['不多于', '≤'],
    ['至多', '≤'],
    ['最多', '≤'],
    ['<=', '≤'],
    ['=<', '≤'],
    ['≤', '≤'],
    ['大于', '>'],
    ['高于', '>'],
    ['超过', '>'],
    ['多于', '>'],
    ['>', '>'],
    ['小于', '<'],
    ['低于', '<'],
    ['少于', '<'],
    ['<', '<'],
    ['等于', '='],
    ['==', '='],
    ['=', '='],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/** Operators written after the value: 95%以上 (≥), 5%以下 (≤), 3%以内 (≤). */
const SUFFIX_OPERATORS: ReadonlyArray<readonly [string, Operator]> = [
  ['及以上', '≥'],
  ['以上', '≥'],
  ['及以下', '≤'],
  ['以下', '≤'],
  ['以内', '≤'],
];

/** Comparisons: ≥95%, >=95%, ＞0, 不低于90%, 不少于100万元, 95%以上. */
function readComparison(compact: string, hint: ValueHint): Reading {
  let op: Operator | null = null;
  let rest = compact;
  const prefix = OPERATORS.find(([word]) => compact.startsWith(word));
  if (prefix) {
    op = prefix[1];
    rest = compact.slice(prefix[0].length);
  } else {
    const suffix = SUFFIX_OPERATORS.find(([word]) => compact.endsWith(word));
    if (suffix) {
      op = suffix[1];
      rest = compact.slice(0, -suffix[0].length);
    }
  }
  if (op === null || rest === '') return null;
  const operand = readQuantity(rest, hint);
  if (operand === 'broken') return 'broken';
  if (operand === null) return null;
  return { kind: 'comparison', op, operand };
}

/** A grade word, or the text as the user wrote it (outer blanks removed). */
function gradeOrText(norm: string, original: string): ParsedValue {
  if (norm.length <= MAX_VALUE_LENGTH) {
    const word = norm.replace(/ /g, '').replace(/[。.!！;；,，]+$/, '');
    if (isGradeWord(word)) return { kind: 'grade', text: word };
  }
  return { kind: 'text', text: trimBlank(original) };
}

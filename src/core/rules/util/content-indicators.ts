/**
 * Shared helpers of the content rules: reading indicator rows (labels, value cells, what a value
 * means as a number), classifying a 三级指标 by its wording, and comparing values with
 * tolerances. Pure; every regular expression is compiled once, at module level.
 */
import type { Bilingual, IndicatorColumnKey, IndicatorTableId } from '../../form/types';
import type { FormSnapshot, IndicatorRow, SnapCell } from '../../snapshot/types';
import {
  formatNumber,
  formatParsed,
  normalizeText,
  stripResidue,
  toBase,
  unitInText,
} from '../../values';
import type { Currency, Operator, ParsedValue, Unit } from '../../values/types';
import { BoundedCache } from './content-cache';

// ---------------------------------------------------------------------------------------------
// Labels

/** Blanks, quotes and brackets that carry no meaning when comparing labels. */
const LABEL_NOISE = /[\s“”"'‘’「」『』]/g;

/**
 * A label as compared: conversion residue removed (`[bookmark: _GoBack]`), full-width folded,
 * every blank and quote removed. `'[bookmark: _GoBack]“三公”经费变动率'` → `三公经费变动率`.
 */
export function normalizeLabel(value: unknown): string {
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  return normalizeText(stripResidue(String(value))).replace(LABEL_NOISE, '');
}

/**
 * A label as shown in a message (inside “…”): residue and blanks removed, its own double quotes
 * turned into single ones as Chinese nests them (`“三公”经费变动率` → `‘三公’经费变动率`).
 */
export function displayLabel(value: unknown): string {
  if (value === null || value === undefined) return '';
  return normalizeText(stripResidue(String(value)))
    .replace(/ /g, '')
    .replace(/“/g, '‘')
    .replace(/”/g, '’');
}

/** `……`, `...`, `—`: a placeholder row, not an indicator. */
const PLACEHOLDER = /^[.…。·•\-—_~～]+$/;

/** An indicator row with its label read. */
export interface LabeledRow {
  row: IndicatorRow;
  table: IndicatorTableId;
  /** The 三级指标 as compared ({@link normalizeLabel}). */
  label: string;
  /** The 三级指标 as shown in messages. */
  display: string;
  /** The money unit the 三级指标 names (`完成实际利用外资万美元` → 万美元), or null. */
  labelUnit: Unit | null;
}

/**
 * The rows of a table that name a 三级指标 (spare rows, rows without a 三级指标 and `……`
 * placeholders are left out: other rules report those). Never throws on a damaged snapshot.
 */
export function labeledRows(snapshot: FormSnapshot, table: IndicatorTableId): LabeledRow[] {
  const rows = snapshot?.tables?.[table];
  if (!Array.isArray(rows)) return [];
  const memo = rowMemo.get(rows);
  if (memo && memo.table === table && memoValid(memo, rows)) return memo.result;
  const result: LabeledRow[] = [];
  const level3: (SnapCell | undefined)[] = [];
  const values: unknown[] = [];
  for (const row of rows) {
    const cell = row?.cells?.level3;
    level3.push(cell);
    values.push(cell?.value);
    if (!cell) continue;
    const info = labelInfo(cell.value);
    if (!info) continue;
    result.push({
      row,
      table,
      label: info.label,
      display: info.display,
      labelUnit: info.labelUnit,
    });
  }
  rowMemo.set(rows, { table, rows: rows.slice(), level3, values, result });
  return result;
}

/** The rows read last time for a table array, checked against its current content on reuse. */
interface RowMemo {
  table: IndicatorTableId;
  rows: IndicatorRow[];
  level3: (SnapCell | undefined)[];
  values: unknown[];
  result: LabeledRow[];
}
const rowMemo = new WeakMap<IndicatorRow[], RowMemo>();

function memoValid(m: RowMemo, rows: IndicatorRow[]): boolean {
  if (m.rows.length !== rows.length) return false;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row !== m.rows[i]) return false;
    const cell = row?.cells?.level3;
    if (cell !== m.level3[i] || cell?.value !== m.values[i]) return false;
  }
  return true;
}

interface LabelInfo {
  label: string;
  display: string;
  labelUnit: Unit | null;
}
const labels = new BoundedCache<LabelInfo | null>(20000);

/** What a 三级指标 cell's content says, remembered by content; null for no indicator. */
function labelInfo(value: unknown): LabelInfo | null {
  if (value === null || value === undefined || value === '') return null;
  const key = `${typeof value}\u0001${String(value)}`;
  const hit = labels.get(key);
  if (hit !== undefined) return hit;
  const label = normalizeLabel(value);
  const info =
    label === '' || PLACEHOLDER.test(label)
      ? null
      : { label, display: displayLabel(value), labelUnit: unitInText(label) };
  return labels.set(key, info);
}

/**
 * The first row of each label (a label given twice is another rule's finding), for joining the
 * long-term table with the annual one.
 */
export function rowsByLabel(rows: LabeledRow[]): Map<string, LabeledRow> {
  const map = new Map<string, LabeledRow>();
  for (const r of rows) if (!map.has(r.label)) map.set(r.label, r);
  return map;
}

/** The value columns of a table, in order. */
export const VALUE_KEYS: Record<IndicatorTableId, readonly IndicatorColumnKey[]> = {
  longTerm: ['target'],
  annual: ['prev2', 'prev1', 'target'],
};

/** The value cells of a row that hold something (empty cells are another rule's business). */
export function valueCells(r: LabeledRow): { key: IndicatorColumnKey; cell: SnapCell }[] {
  const out: { key: IndicatorColumnKey; cell: SnapCell }[] = [];
  for (const key of VALUE_KEYS[r.table]) {
    const cell = r.row.cells[key];
    if (cell && !isBlankValue(cell.value)) out.push({ key, cell });
  }
  return out;
}

const BLANK = /^[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]*$/;

function isBlankValue(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && BLANK.test(v));
}

/** What a value column is called in messages: `2023年`, `预期当年实现值`, `指标值`. */
export function columnName(
  key: IndicatorColumnKey,
  table: IndicatorTableId,
  year: number | null,
): Bilingual {
  if (key === 'prev2' || key === 'prev1') {
    const back = key === 'prev2' ? 2 : 1;
    if (year === null) return { zh: `前第${back}年`, en: `year Y-${back}` };
    return { zh: `${year - back}年`, en: `${year - back}` };
  }
  return table === 'annual'
    ? { zh: '预期当年实现值', en: 'expected value' }
    : { zh: '指标值', en: 'value' };
}

/** The table's name in messages. */
export function tableName(table: IndicatorTableId): Bilingual {
  return table === 'annual'
    ? { zh: '年度绩效指标', en: 'annual indicator' }
    : { zh: '长期绩效指标', en: 'long-term indicator' };
}

/**
 * A value as the user sees it: typed text as written (blanks and residue removed), a number by
 * its reading (`0.8886` formatted as % → `88.86%`).
 */
export function displayValue(cell: SnapCell | undefined, parsed: ParsedValue): string {
  if (!cell) return '';
  if (typeof cell.value === 'string') return displayLabel(cell.value);
  if (parsed.kind === 'percent' || parsed.kind === 'number') {
    return parsed.kind === 'percent'
      ? `${formatNumber(parsed.value, 4)}%`
      : formatNumber(parsed.value, 6);
  }
  return formatParsed(parsed);
}

// ---------------------------------------------------------------------------------------------
// What kind of indicator a label names

/** A 三级指标 that ends in 率 and is a ratio (效率, 频率, 汇率 are not percentages). */
export function isRateLabel(label: string): boolean {
  return label.endsWith('率') && !/(?:效率|频率|汇率)$/.test(label);
}

/**
 * Rates that lie in [0%, 100%]: a share of something done. Revenue completion (非税收入预算完成率,
 * 收入完成率) is left out: collecting more than budgeted is possible and not a form mistake.
 */
const BOUNDED =
  /(?:执行率|完成率|覆盖率|开展率|应用率|合格率|达标率|准确率|及时率|知晓率|办结率|到位率|满意率|满意度|结转结余率)$/;

export function isBoundedLabel(label: string): boolean {
  if (!BOUNDED.test(label)) return false;
  return !(label.endsWith('完成率') && label.includes('收入'));
}

/** Rates that may be negative: changes and growth. */
const SIGNED = /(?:变动率|变化率|增长率|增减率|增速|增幅|调整率)$/;

export function isSignedLabel(label: string): boolean {
  return SIGNED.test(label);
}

/** Growth indicators: 增长率, 增速, 增幅, …稳步增长. Their percentages are growth figures. */
const GROWTH_LABEL = /(?:增长率|增速|增幅|增长)$/;

export function isGrowthLabel(label: string): boolean {
  return GROWTH_LABEL.test(label);
}

/** Qualitative indicators: …性 (合理性, 健全性), …情况, …成效, …效果. */
const QUALITATIVE = /(?:性|情况|成效|效果)$/;

export function isQualitativeLabel(label: string): boolean {
  return QUALITATIVE.test(label);
}

/**
 * The grade a qualitative indicator suggests: 绩效目标合理性 → 合理, 资产管理规范性 → 规范,
 * 中长期规划相符性 → 相符. Null when the label does not end in a known …性.
 */
const GRADE_OF_QUALITY: ReadonlyArray<readonly [string, string]> = [
  ['合理性', '合理'],
  ['健全性', '健全'],
  ['完整性', '完整'],
  ['规范性', '规范'],
  ['科学性', '科学'],
  ['相符性', '相符'],
  ['合规性', '合规'],
  ['及时性', '及时'],
  ['准确性', '准确'],
  ['有效性', '有效'],
  ['安全性', '安全'],
  ['可持续性', '可持续'],
];

export function suggestedGrade(label: string): string | null {
  for (const [suffix, grade] of GRADE_OF_QUALITY) if (label.endsWith(suffix)) return grade;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Direction: is a higher value better?

export type Direction = 'higher' | 'lower';

/**
 * Which way is better, by the 三级指标's wording — the first matching line wins.
 *
 * | wording (end of the 三级指标)                               | better | why |
 * |--------------------------------------------------------------|--------|-----|
 * | …控制率 (公用经费控制率, 在职人员控制率, 会议费控制率)      | lower  | actual ÷ budget: spending less than planned |
 * | 结转结余率, …结余率                                          | lower  | money left unspent |
 * | …调整率 (预算调整率)                                         | lower  | fewer budget changes |
 * | 三公/经费/费用/支出/成本 … 变动率 / 变化率 / 增长率          | lower  | cost growth ("三公"经费变动率) |
 * | 执行率, 完成率, 覆盖率, 开展率, 应用率, 合格率, 达标率, 准确率, 及时率, 知晓率, 办结率, 到位率, 满意率, 满意度 | higher | share of work done |
 * | 增长率, 增速, 增幅, …增长                                    | higher | output growth |
 *
 * Output amounts (a 三级指标 starting with 完成/实现, or any amount under 履职效能) are higher-is-
 * better too; that needs the value, see {@link rowDirection}. Anything else has no direction
 * (储备率, 变动率 of something that is not a cost, qualitative indicators).
 */
export const DIRECTION_TABLE: ReadonlyArray<{
  pattern: RegExp;
  direction: Direction;
  why: Bilingual;
}> = [
  {
    pattern: /控制率$/,
    direction: 'lower',
    why: { zh: '控制率为实际支出÷预算，越低越节约', en: 'a control rate is actual ÷ budget' },
  },
  {
    pattern: /结余率$/,
    direction: 'lower',
    why: { zh: '结转结余越少越好', en: 'less money should be left unspent' },
  },
  {
    pattern: /调整率$/,
    direction: 'lower',
    why: { zh: '预算调整越少越好', en: 'fewer budget changes are better' },
  },
  {
    pattern: /(?:三公|经费|费用|支出|成本).*(?:变动率|变化率|增长率)$/,
    direction: 'lower',
    why: { zh: '经费支出的变动越低越好', en: 'cost growth should be low' },
  },
  {
    pattern: BOUNDED,
    direction: 'higher',
    why: { zh: '完成程度越高越好', en: 'a higher share done is better' },
  },
  {
    pattern: GROWTH_LABEL,
    direction: 'higher',
    why: { zh: '产出增长越高越好', en: 'output growth should be higher' },
  },
];

const OUTPUT_VERB = /^(?:完成|实现)/;

/**
 * The better direction of a row: by {@link DIRECTION_TABLE}, else higher for output amounts
 * (`family` is the family of the row's values). Null when the wording says nothing.
 */
export function rowDirection(
  r: LabeledRow,
  family: Family | null,
): { direction: Direction; why: Bilingual } | null {
  for (const line of DIRECTION_TABLE)
    if (line.pattern.test(r.label)) return { direction: line.direction, why: line.why };
  if (family === 'amount' || (family === 'number' && r.labelUnit)) {
    const level1 = normalizeLabel(r.row.cells.level1?.value);
    if (OUTPUT_VERB.test(r.label) || level1 === '履职效能') {
      return {
        direction: 'higher',
        why: { zh: '产出数量越高越好', en: 'a higher output is better' },
      };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Values as numbers

/** What a number measures: percentage points, growth points, money, or a plain count. */
export type Family = 'percent' | 'growth' | 'amount' | 'number';

export interface NumView {
  family: Family;
  /** The number as written (points for percent and growth; in `unit` for amounts). */
  value: number;
  /** For amounts: the unit the number is in. */
  unit?: Unit;
  /** The operator of a comparison (`≥95%` → '≥'); '=' for a plain value. */
  op: Operator;
}

/**
 * A value as a number of some family, or null when it is not one (grades, text, errors …).
 * A bare number under a 三级指标 that names a unit is an amount in that unit; a percentage under
 * a growth indicator ({@link isGrowthLabel}) is a growth figure.
 */
export function numericView(
  p: ParsedValue,
  r: Pick<LabeledRow, 'label' | 'labelUnit'>,
): NumView | null {
  switch (p.kind) {
    case 'percent':
      return { family: isGrowthLabel(r.label) ? 'growth' : 'percent', value: p.value, op: '=' };
    case 'growth':
      return { family: 'growth', value: p.value, op: '=' };
    case 'amount':
      return { family: 'amount', value: p.value, unit: p.unit, op: '=' };
    case 'number':
      return r.labelUnit
        ? { family: 'amount', value: p.value, unit: r.labelUnit, op: '=' }
        : { family: 'number', value: p.value, op: '=' };
    case 'comparison': {
      const inner = numericView(p.operand, r);
      return inner ? { ...inner, op: p.op } : null;
    }
    default:
      return null;
  }
}

/**
 * A number all values of one family can be compared by: points, a plain number, or an amount in
 * the base unit of its currency. Null when `a` and `b` are not like with like (percent against
 * growth, 元 against 美元).
 */
export function comparable(a: NumView, b: NumView): [number, number] | null {
  if (a.family !== b.family) return null;
  if (a.family !== 'amount') return [a.value, b.value];
  if (!a.unit || !b.unit || a.unit.currency !== b.unit.currency) return null;
  return [
    toBase({ value: a.value, unit: a.unit }).value,
    toBase({ value: b.value, unit: b.unit }).value,
  ];
}

/** The currency of an amount view, for messages. */
export function currencyOf(v: NumView): Currency | null {
  return v.unit ? v.unit.currency : null;
}

// ---------------------------------------------------------------------------------------------
// Ranges: a value, or what a comparison allows

/** A closed interval; ±Infinity for an open side. */
export interface Range {
  lo: number;
  hi: number;
}

/** The values an operator allows around `v`: '=' → [v, v], '≥' → [v, ∞), '≤' → (−∞, v]. */
export function rangeOf(v: number, op: Operator): Range {
  switch (op) {
    case '≥':
    case '>':
      return { lo: v, hi: Infinity };
    case '≤':
    case '<':
      return { lo: -Infinity, hi: v };
    default:
      return { lo: v, hi: v };
  }
}

/** True when no value lies in both ranges, even allowing `tolerance` between them. */
export function rangesConflict(a: Range, b: Range, tolerance: number): boolean {
  return a.lo > b.hi + tolerance || b.lo > a.hi + tolerance;
}

/** Relative tolerance for amounts: ±0.5% of the larger magnitude. */
export const AMOUNT_TOLERANCE = 0.005;
/** Absolute tolerance for growth and percentages: ±0.5 percentage points. */
export const GROWTH_TOLERANCE = 0.5;

/** `n` for a message: at most two decimals, no exponent. */
export function fmt(n: number, decimals = 2): string {
  return formatNumber(n, decimals);
}

/** A factor for a message: 10000 → `10,000`. */
export function fmtFactor(n: number): string {
  const s = formatNumber(n, 6);
  const [int, frac] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

/** Value cells listed for a message: `2022年 100%、2023年 100%、预期当年实现值 100%`. */
export function listValues(
  items: { key: IndicatorColumnKey; shown: string }[],
  table: IndicatorTableId,
  year: number | null,
): Bilingual {
  return {
    zh: items.map((i) => `${columnName(i.key, table, year).zh} ${i.shown}`).join('、'),
    en: items.map((i) => `${columnName(i.key, table, year).en}: ${i.shown}`).join(', '),
  };
}

/**
 * Canonical text for values (`18.94%`, `58.7亿元`, `增长7.5%`, `≥95%`) and the number a cell
 * should hold when a number stored as text is converted. Everything written here reads back
 * through `parseCell` as the same value.
 */
import { cleanPoints, denoise, plainNumber, roundTo } from './numeric';
import { parseCell } from './parse';
import type { ParsedValue, RawCell, Unit } from './types';

/**
 * A number as plain text, no thousands separators, never in exponent notation.
 * With `decimals`, rounded half away from zero to at most that many decimals, trailing zeros
 * dropped (`formatNumber(8167.7, 2)` → `8167.7`, `formatNumber(1.005, 2)` → `1.01`).
 * Without, the shortest text that reads back as the same number.
 */
export function formatNumber(n: number, decimals?: number): string {
  return plainNumber(decimals === undefined ? n : roundTo(n, decimals));
}

/**
 * Percentage points as text with at most `decimals` decimals: `formatPercent(18.94)` →
 * `18.94%`, `formatPercent(100)` → `100%`, `formatPercent(9.8)` → `9.8%` (as the form writes them).
 */
export function formatPercent(points: number, decimals = 2): string {
  return `${formatNumber(points, decimals)}%`;
}

/** An amount with its unit: `formatAmount(58.7, 亿元)` → `58.7亿元`. */
export function formatAmount(value: number, unit: Unit, decimals?: number): string {
  return `${formatNumber(value, decimals)}${unit.text}`;
}

/** A growth as the form writes it: 7.5 → `增长7.5%`, -3 → `下降3%`. */
export function formatGrowth(points: number): string {
  return points < 0 ? `下降${formatNumber(-points)}%` : `增长${formatNumber(points)}%`;
}

/**
 * The canonical text of a parsed value, at full precision: numbers plain, percentages with `%`,
 * amounts with their unit, growth as 增长/下降, comparisons as operator + operand, grades and text
 * as they are, errors as their code, empty as ''.
 */
export function formatParsed(v: ParsedValue): string {
  switch (v.kind) {
    case 'empty':
      return '';
    case 'number':
      return formatNumber(v.value);
    case 'percent':
      return `${formatNumber(v.value)}%`;
    case 'amount':
      return formatAmount(v.value, v.unit);
    case 'growth':
      return formatGrowth(v.value);
    case 'comparison':
      return `${v.op}${formatParsed(v.operand)}`;
    case 'grade':
    case 'text':
    case 'unparseable':
      return v.text;
    case 'error':
      return v.code;
  }
}

/**
 * The exact number a cell should hold for a value, as the "convert to number" fix writes it:
 * `'8167.74'` with U+3000 around → 8167.74, `'１８．９４％'` → 0.1894 (for a %-formatted cell).
 * An amount converts only when `inUnit` is given (`'1.5亿元'` in 万元 → 15000) and the
 * currencies agree. Anything that is not a single number (text, growth, comparison …) is null.
 */
export function toCellNumber(v: ParsedValue | RawCell['value'], inUnit?: Unit): number | null {
  const parsed: ParsedValue =
    v !== null && typeof v === 'object' && 'kind' in v ? v : parseCell({ value: v ?? null });
  switch (parsed.kind) {
    case 'number':
      return parsed.value;
    case 'percent':
      return denoise(cleanPoints(parsed.value) / 100);
    case 'amount':
      if (!inUnit || inUnit.currency !== parsed.unit.currency) return null;
      return finiteOrNull(denoise((parsed.value * parsed.unit.magnitude) / inUnit.magnitude));
    default:
      return null;
  }
}

function finiteOrNull(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

/**
 * How Excel turns what a person types (or pastes as text) into a cell value, for the cases this
 * form meets: plain and thousands-separated numbers become numbers, '18.94%' becomes 0.1894 with
 * a percent format, a leading apostrophe forces text, '=' starts a formula. Anything else —
 * including numbers wrapped in U+3000 or NBSP, or typed with full-width digits — stays text,
 * which is exactly the "number stored as text" mistake the checker reports.
 */
import type { RawCell } from '../values/types';

const NUM = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$/;

export function excelTypedValue(input: string): RawCell {
  if (input === '') return { value: null };
  if (input.startsWith("'")) return { value: input.slice(1), numberFormat: '@' };
  if (input.startsWith('=') && input.length > 1) return { value: null, formula: input };
  const t = input.replace(/^ +| +$/g, '');
  if (NUM.test(t)) {
    const n = Number(t.replace(/,/g, ''));
    return t.includes(',') ? { value: n, numberFormat: '#,##0.00' } : { value: n };
  }
  // Only ASCII blanks before the '%' are skipped: String.trim() would also drop U+3000/NBSP,
  // which Excel keeps (so 'U+3000 100%' stays text).
  const body = t.endsWith('%') ? t.slice(0, -1).replace(/ +$/, '') : '';
  if (body !== '' && NUM.test(body)) {
    const decimals = body.includes('.') ? body.split('.')[1].length : 0;
    const n = Number(body.replace(/,/g, '')) / 100;
    return {
      value: Number(n.toPrecision(15)),
      numberFormat: decimals ? `0.${'0'.repeat(decimals)}%` : '0%',
    };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === 'TRUE' };
  return { value: input };
}

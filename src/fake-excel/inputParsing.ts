/**
 * How Excel reads what a person types into a cell (and what an add-in writes to
 * Range.values as a string, which Excel parses the same way).
 *
 * - '' clears the cell.
 * - A leading apostrophe forces text: "'0123" stores the text 0123 (the apostrophe is not
 *   part of the value).
 * - A cell formatted as Text ('@') keeps whatever is typed as text, even '=…'.
 * - '=…' is a formula.
 * - Numbers: optional sign, thousands separators, decimals, exponent, parentheses for
 *   negatives, surrounding ASCII spaces ignored. Other white space (U+3000 ideographic space,
 *   U+00A0) is not ignored, so '\u30008167.74' stays text – a real mistake in typed forms.
 * - '18.94%' is the number 0.1894 and the cell gets the format '0.00%' ('5%' gets '0%').
 * - '1,234.5' gets a thousands-separator format; 'TRUE'/'FALSE' are booleans.
 * - ISO-like dates 2024-01-31 and 2024/1/31 become date serials with format 'yyyy/m/d'.
 */

export type ParsedInput =
  | { kind: 'empty' }
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number; numberFormat?: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'formula'; formula: string };

const NUMBER_RE =
  /^([+-])?(\()?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(\))?(%)?$/;

/** Date serial in Excel's 1900 system for a proleptic Gregorian date (dates after 1900-03-01). */
export function dateToSerial(y: number, m: number, d: number): number {
  const ms = Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30);
  return Math.round(ms / 86400000);
}

/** Parses typed text like Excel. `cellFormat` is the cell's current number format. */
export function parseTypedInput(text: string, cellFormat?: string): ParsedInput {
  if (text === '') return { kind: 'empty' };
  if (text.startsWith("'")) return { kind: 'text', value: text.slice(1) };
  if ((cellFormat ?? '').trim() === '@') return { kind: 'text', value: text };
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', formula: text };

  const trimmed = text.replace(/^ +| +$/g, '');
  if (/^(true|false)$/i.test(trimmed)) {
    return { kind: 'boolean', value: trimmed.toUpperCase() === 'TRUE' };
  }
  const m = NUMBER_RE.exec(trimmed);
  if (m) {
    const [, sign, open, digits, exp, close, percent] = m;
    if (Boolean(open) !== Boolean(close) || (open && sign)) return { kind: 'text', value: text };
    let value = Number(digits.replace(/,/g, '')) * (exp ? Math.pow(10, Number(exp)) : 1);
    if (sign === '-' || open) value = -value;
    const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
    if (percent) {
      return {
        kind: 'number',
        value: Number((value / 100).toPrecision(15)),
        numberFormat: decimals > 0 ? '0.00%' : '0%',
      };
    }
    if (exp) return { kind: 'number', value, numberFormat: '0.00E+00' };
    if (digits.includes(',')) {
      return { kind: 'number', value, numberFormat: decimals > 0 ? '#,##0.00' : '#,##0' };
    }
    return { kind: 'number', value };
  }
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(trimmed);
  if (date) {
    const y = Number(date[1]);
    const mo = Number(date[2]);
    const d = Number(date[3]);
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (y >= 1900 && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d) {
      return { kind: 'number', value: dateToSerial(y, mo, d), numberFormat: 'yyyy/m/d' };
    }
  }
  return { kind: 'text', value: text };
}

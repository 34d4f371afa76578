/**
 * Number helpers shared by the parser and the formatter: reading a number token as people type
 * it, removing floating-point noise, rounding to decimals and writing a number without exponent.
 */

/**
 * A number token after {@link normalizeText}: optional sign, digits with optional thousands
 * commas (`8,167.74`), optional decimals, optional exponent. `5.` and `.5` are accepted as Excel
 * accepts them.
 */
const NUMBER_TOKEN = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

/**
 * The value of a number token, or null when `token` is not exactly one well-formed number
 * (`12..5`, `1,2,3`, `--5`, `8167.74.5`, `''`).
 */
export function readNumberToken(token: string): number | null {
  const m = NUMBER_TOKEN.exec(token);
  if (!m) return null;
  const [, sign = '', int = '', frac, exp] = m;
  if (int === '' && !frac) return null; // '', '.', '+', '.e5'
  const text = `${sign}${int.replace(/,/g, '') || '0'}.${frac ?? ''}${exp ? `e${exp}` : ''}`;
  const value = Number(text.replace(/\.(e|$)/, '$1'));
  return Number.isFinite(value) ? zero(value) : null;
}

/** `-0` as `0`: a cell never shows a negative zero. */
function zero(n: number): number {
  return Object.is(n, -0) ? 0 : n;
}

/**
 * `n` without floating-point noise: rounded to 15 significant digits, so that a product such as
 * `0.1894 * 100` or a quotient such as `18.94 / 100` comes out as the decimal a person wrote.
 */
export function denoise(n: number): number {
  if (!Number.isFinite(n)) return n;
  return zero(Number(n.toPrecision(15)));
}

/**
 * Percentage points without noise: 15 significant digits, then at most 10 decimals
 * (`0.1894 * 100` → exactly `18.94`).
 */
export function cleanPoints(n: number): number {
  const d = denoise(n);
  return Number.isFinite(d) && Math.abs(d) < 1e21 ? zero(Number(d.toFixed(10))) : d;
}

/**
 * `n` rounded half away from zero to `decimals` places (0–20), decimally: 1.005 → 1.01, where
 * `toFixed` would give 1.00.
 */
export function roundTo(n: number, decimals: number): number {
  if (!Number.isFinite(n)) return n;
  const d = Math.min(20, Math.max(0, Math.trunc(Number.isFinite(decimals) ? decimals : 0)));
  const a = Math.abs(denoise(n));
  if (a >= 1e21) return n;
  const text = String(a);
  const rounded = text.includes('e')
    ? Number(a.toFixed(d))
    : Number(`${Math.round(Number(`${text}e${d}`))}e-${d}`);
  return zero(n < 0 ? -rounded : rounded);
}

/**
 * `n` as plain decimal text, never in exponent notation (`1e21` → `1000000000000000000000`,
 * `1e-7` → `0.0000001`). The shortest text that reads back as the same number.
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const text = String(zero(n));
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, lead, rest = '', expText] = m;
  const digits = lead + rest;
  const exp = Number(expText);
  if (exp >= 0) {
    const intLen = exp + 1;
    return intLen >= digits.length
      ? sign + digits + '0'.repeat(intLen - digits.length)
      : `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
  }
  return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

/**
 * Number formats as Excel displays them (Range.text) and as TEXT() applies them.
 *
 * Supported: General; digit placeholders 0 # ? with decimals, thousands separators and
 * trailing-comma scaling; percent; scientific (0.00E+00); text '@'; up to four sections
 * (positive;negative;zero;text); quoted literals, backslash escapes, _x and *x; [Red]-style
 * colour tags and [$¥-804]-style currency tags; dates and times (y m d h s AM/PM) in Excel's
 * 1900 date system. Column-width effects (#### for a value that does not fit) are not modelled.
 */

/** A value as the fake stores it: numbers, text, booleans, errors ('#DIV/0!'…), or empty. */
export type DisplayValue = number | string | boolean | null;

const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#CYCLE!',
  '#ERROR!',
]);

export function isErrorValue(value: unknown): value is string {
  return typeof value === 'string' && ERROR_VALUES.has(value);
}

/** Excel's General format, for a standard-width column (at most 11 characters). */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return '#NUM!';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mant, exp] = value.toExponential(5).split('e');
    const m = mant.replace(/\.?0+$/, '');
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (Number.isInteger(value)) return String(value);
  const intLen = String(Math.trunc(abs)).length + (value < 0 ? 1 : 0);
  const decimals = Math.max(0, 10 - intLen);
  let s = roundTo(value, decimals).toFixed(decimals);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** Rounds half away from zero, as Excel displays. */
function roundTo(value: number, decimals: number): number {
  const f = Math.pow(10, decimals);
  const shifted = Math.abs(value) * f;
  const r = Math.round(Number(shifted.toPrecision(15))) / f;
  return value < 0 ? -r : r;
}

/** Splits a format into sections on ';' outside quotes and brackets. */
function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  let inBracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '\\' && !inQuote) {
      cur += ch + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') inQuote = !inQuote;
    else if (!inQuote && ch === '[') inBracket = true;
    else if (!inQuote && ch === ']') inBracket = false;
    if (ch === ';' && !inQuote && !inBracket) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

type Piece = { lit: string } | { code: string };

/** Tokenizes one section into literal text and format codes. */
function pieces(section: string): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      out.push({ lit: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      out.push({ lit: section[i + 1] ?? '' });
      i++;
    } else if (ch === '_') {
      out.push({ lit: ' ' });
      i++;
    } else if (ch === '*') {
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const tag = section.slice(i + 1, end < 0 ? section.length : end);
      const currency = /^\$([^-]*)/.exec(tag);
      if (currency) out.push({ lit: currency[1] });
      i = end < 0 ? section.length : end;
    } else if (/^(AM\/PM|A\/P)/i.test(section.slice(i))) {
      const m = /^(AM\/PM|A\/P)/i.exec(section.slice(i)) as RegExpExecArray;
      out.push({ code: m[0] });
      i += m[0].length - 1;
    } else if (/[0#?.,%Ee+\-@yYmMdDhHsS]/.test(ch)) {
      // E+ / E- only count as scientific notation after a digit placeholder.
      if ((ch === 'E' || ch === 'e') && /[+-]/.test(section[i + 1] ?? '')) {
        out.push({ code: ch + section[i + 1] });
        i++;
      } else if (ch === '+' || ch === '-') {
        out.push({ lit: ch });
      } else if (ch === 'E' || ch === 'e') {
        out.push({ lit: ch });
      } else {
        out.push({ code: ch });
      }
    } else {
      out.push({ lit: ch });
    }
  }
  return out;
}

function isDateSection(ps: Piece[]): boolean {
  return (
    ps.some((p) => 'code' in p && /^[yYdDhHsS]$|^AM\/PM$|^A\/P$/i.test(p.code)) ||
    (ps.some((p) => 'code' in p && /^[mM]$/.test(p.code)) &&
      !ps.some((p) => 'code' in p && /^[0#?]$/.test(p.code)))
  );
}

/** Formats a number with a numeric (non-date) section. `abs`: the sign is handled outside. */
function formatNumberSection(value: number, ps: Piece[]): string {
  const codes = ps.map((p) => ('code' in p ? p.code : null));
  const percentCount = codes.filter((c) => c === '%').length;
  let v = value * Math.pow(100, percentCount);

  const sciIdx = codes.findIndex((c) => c !== null && /^[Ee][+-]$/.test(c));
  const placeholderIdx = codes
    .map((c, i) => (c !== null && /^[0#?.,]$/.test(c) && (sciIdx < 0 || i < sciIdx) ? i : -1))
    .filter((i) => i >= 0);
  if (placeholderIdx.length === 0) {
    // No digits shown ("" or literal-only sections).
    return ps.map((p) => ('lit' in p ? p.lit : p.code === '%' ? '%' : '')).join('');
  }
  const first = placeholderIdx[0];
  let last = placeholderIdx[placeholderIdx.length - 1];
  // Trailing commas right after the last digit placeholder scale by 1000 each.
  while (last > first && codes[last] === ',') {
    v /= 1000;
    last--;
  }
  const numberCodes = codes.slice(first, last + 1).filter((c): c is string => c !== null);
  const dot = numberCodes.indexOf('.');
  const intCodes = (dot < 0 ? numberCodes : numberCodes.slice(0, dot)).filter((c) => c !== ',');
  const decCodes = dot < 0 ? [] : numberCodes.slice(dot + 1).filter((c) => /^[0#?]$/.test(c));
  const grouping = (dot < 0 ? numberCodes : numberCodes.slice(0, dot)).includes(',');
  const minInt = intCodes.filter((c) => c === '0').length;
  const maxDec = decCodes.length;
  const minDec = decCodes.filter((c) => c === '0').length;

  let body: string;
  if (sciIdx > last) {
    const expCodes = codes.slice(sciIdx + 1).filter((c) => c === '0' || c === '#').length;
    const abs = Math.abs(v);
    let exp = abs === 0 ? 0 : Math.floor(Math.log10(abs));
    let mant = abs === 0 ? 0 : abs / Math.pow(10, exp);
    mant = roundTo(mant, maxDec);
    if (mant >= 10) {
      mant /= 10;
      exp += 1;
    }
    const mantText = trimDecimals(mant.toFixed(maxDec), minDec);
    const sign = codes[sciIdx]?.[1] === '+' || exp < 0 ? (exp < 0 ? '-' : '+') : '';
    body = `${mantText}E${sign}${String(Math.abs(exp)).padStart(Math.max(1, expCodes), '0')}`;
    last = sciIdx + expCodes;
  } else {
    const rounded = roundTo(Math.abs(v), maxDec);
    let [intPart, decPart = ''] = rounded.toFixed(maxDec).split('.');
    if (intPart === '0' && minInt === 0) intPart = '';
    intPart = intPart.padStart(minInt, '0');
    if (grouping) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    decPart = decPart.replace(/0+$/, '');
    if (decPart.length < minDec) decPart = decPart.padEnd(minDec, '0');
    body = intPart + (dot >= 0 && (decPart.length > 0 || maxDec === 0) ? '.' : '') + decPart;
    if (dot >= 0 && decPart.length === 0 && maxDec > 0) body = intPart + '.';
  }

  let out = '';
  for (let i = 0; i < ps.length; i++) {
    if (i === first) out += body;
    if (i >= first && i <= last) continue;
    const p = ps[i];
    if ('lit' in p) out += p.lit;
    else if (p.code === '%') out += '%';
    else if (p.code === '@') out += '';
  }
  return out;
}

function trimDecimals(text: string, minDec: number): string {
  if (!text.includes('.')) return text;
  const [i, raw] = text.split('.');
  let d = raw.replace(/0+$/, '');
  if (d.length < minDec) d = d.padEnd(minDec, '0');
  return d.length ? `${i}.${d}` : i;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Excel 1900-system serial → calendar parts (serial 60 is Excel's fictitious 1900-02-29). */
export function serialToDate(serial: number): {
  y: number;
  m: number;
  d: number;
  wd: number;
  hh: number;
  mi: number;
  ss: number;
} {
  const days = Math.floor(serial);
  const secs = Math.round((serial - days) * 86400);
  let y: number;
  let m: number;
  let d: number;
  let wd: number;
  if (days === 60) {
    y = 1900;
    m = 2;
    d = 29;
    wd = 3;
  } else {
    const base = Date.UTC(1899, 11, days < 60 ? 31 : 30);
    const dt = new Date(base + days * 86400000);
    y = dt.getUTCFullYear();
    m = dt.getUTCMonth() + 1;
    d = dt.getUTCDate();
    wd = dt.getUTCDay();
  }
  return {
    y,
    m,
    d,
    wd,
    hh: Math.floor(secs / 3600),
    mi: Math.floor((secs % 3600) / 60),
    ss: secs % 60,
  };
}

function formatDateSection(value: number, ps: Piece[]): string {
  const t = serialToDate(value);
  const hasAmPm = ps.some((p) => 'code' in p && /^(AM\/PM|A\/P)$/i.test(p.code));
  // Group consecutive identical codes: yyyy, mm, dd…
  const groups: Piece[] = [];
  for (const p of ps) {
    const prev = groups[groups.length - 1];
    if (
      'code' in p &&
      prev &&
      'code' in prev &&
      prev.code[0].toLowerCase() === p.code.toLowerCase() &&
      /^[ymdhs]$/i.test(p.code)
    ) {
      prev.code += p.code;
    } else groups.push('code' in p ? { code: p.code } : p);
  }
  let out = '';
  groups.forEach((g, i) => {
    if ('lit' in g) {
      out += g.lit;
      return;
    }
    const c = g.code.toLowerCase();
    const prevCode = groups
      .slice(0, i)
      .reverse()
      .find((x) => 'code' in x) as { code: string } | undefined;
    const nextCode = groups.slice(i + 1).find((x) => 'code' in x) as { code: string } | undefined;
    const isMinute =
      c[0] === 'm' &&
      c.length <= 2 &&
      ((prevCode && /^h/i.test(prevCode.code)) || (nextCode && /^s/i.test(nextCode.code)));
    if (c[0] === 'y') out += c.length <= 2 ? String(t.y % 100).padStart(2, '0') : String(t.y);
    else if (c[0] === 'm' && isMinute)
      out += c.length === 2 ? String(t.mi).padStart(2, '0') : String(t.mi);
    else if (c[0] === 'm') {
      if (c.length === 1) out += String(t.m);
      else if (c.length === 2) out += String(t.m).padStart(2, '0');
      else if (c.length === 3) out += MONTHS[t.m - 1].slice(0, 3);
      else out += MONTHS[t.m - 1];
    } else if (c[0] === 'd') {
      if (c.length === 1) out += String(t.d);
      else if (c.length === 2) out += String(t.d).padStart(2, '0');
      else if (c.length === 3) out += DAYS[t.wd].slice(0, 3);
      else out += DAYS[t.wd];
    } else if (c[0] === 'h') {
      const h = hasAmPm ? ((t.hh + 11) % 12) + 1 : t.hh;
      out += c.length >= 2 ? String(h).padStart(2, '0') : String(h);
    } else if (c[0] === 's') out += c.length >= 2 ? String(t.ss).padStart(2, '0') : String(t.ss);
    else if (c === 'am/pm') out += t.hh < 12 ? 'AM' : 'PM';
    else if (c === 'a/p') out += t.hh < 12 ? 'A' : 'P';
    else if (c === '.' || c === ',' || c === '-' || c === '+' || c === '%') out += g.code;
    else if (c === '0') out += '';
  });
  return out;
}

/**
 * The text Excel displays for `value` under `format` (Range.text; also TEXT(value, format)).
 */
export function formatValue(value: DisplayValue, format: string | null | undefined): string {
  if (value === null || value === '') return '';
  if (isErrorValue(value)) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const fmt = format && format.trim() !== '' ? format : 'General';
  const sections = splitSections(fmt);
  if (typeof value === 'string') {
    const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => s.includes('@'));
    if (!textSection) return value;
    return pieces(textSection)
      .map((p) => ('lit' in p ? p.lit : p.code === '@' ? value : ''))
      .join('');
  }
  if (!Number.isFinite(value)) return '#NUM!';
  let section: string;
  let v = value;
  let sign = '';
  if (value < 0 && sections.length >= 2) {
    section = sections[1];
    v = -value;
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2];
  } else {
    section = sections[0];
    if (value < 0) {
      sign = '-';
      v = -value;
    }
  }
  if (/^\s*general\s*$/i.test(section.replace(/\[[^\]]*\]/g, ''))) {
    return sign + formatGeneral(v);
  }
  const ps = pieces(section);
  if (
    ps.some((p) => 'code' in p && p.code === '@') &&
    !ps.some((p) => 'code' in p && /^[0#?]$/.test(p.code))
  ) {
    // A pure text format shows numbers as General.
    return sign + formatGeneral(v);
  }
  if (isDateSection(ps)) {
    if (value < 0) return '#'.repeat(11);
    return formatDateSection(v, ps);
  }
  const body = formatNumberSection(v, ps);
  // "-0.00" is shown when a negative number rounds to zero only if the text has a non-zero digit.
  return sign && /[1-9]/.test(body) ? sign + body : body;
}

/** The category Excel would report for a number format (subset). */
export function isPercentFormat(format: string): boolean {
  return splitSections(format)[0]
    .replace(/"[^"]*"/g, '')
    .includes('%');
}

/** True for the text format '@'. */
export function isTextFormat(format: string | null | undefined): boolean {
  return (format ?? '').trim() === '@';
}

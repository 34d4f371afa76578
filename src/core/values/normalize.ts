/**
 * Text clean-up for cell contents: full-width characters, the many kinds of blank, and the
 * residue that Word-to-text conversion leaves behind (`[bookmark: _GoBack]`, `<w:…>`, `&nbsp;`).
 *
 * Every function here runs in linear time: no regular expression can backtrack over more than
 * one bounded token.
 */

/** Code points that read as a blank: ASCII and Unicode spaces, tabs, line breaks, U+3000, NBSP. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Code points that take no room and carry no meaning in a cell: zero-width marks and controls. */
function isInvisible(c: number): boolean {
  return (
    c <= 0x08 ||
    (c >= 0x0e && c <= 0x1f) ||
    (c >= 0x7f && c <= 0x9f && c !== 0x85) ||
    c === 0xad ||
    c === 0x180e ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x2060 && c <= 0x2064) ||
    c === 0xfeff
  );
}

/** Single characters that have a plain ASCII (or canonical) twin, beyond the U+FF01–FF5E block. */
const CHAR_MAP: Record<number, string> = {
  0x2212: '-', // − minus sign
  0x2010: '-', // ‐ hyphen
  0x2011: '-', // ‑ non-breaking hyphen
  0xfe63: '-', // ﹣ small hyphen-minus
  0xfe6a: '%', // ﹪ small percent sign
  0xffe5: '¥', // ￥ full-width yen/yuan sign
  0x2267: '≥', // ≧
  0x2a7e: '≥', // ⩾
  0x2266: '≤', // ≦
  0x2a7d: '≤', // ⩽
};

/**
 * Map full-width characters to half-width and every blank to one kind of space, without trimming
 * or collapsing. Invisible characters are dropped. Lone surrogates pass through unchanged.
 */
function mapChars(s: string): string {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out.push(String.fromCharCode(c - 0xfee0));
    else if (isSpace(c)) out.push(' ');
    else if (isInvisible(c)) continue;
    else out.push(CHAR_MAP[c] ?? s[i]);
  }
  return out.join('');
}

/**
 * The canonical form of a cell's text, for reading and comparing it:
 * - full-width digits, letters and punctuation become half-width (`８１６７．７４` → `8167.74`,
 *   `１８．９４％` → `18.94%`, `（万元）` → `(万元)`), `−` becomes `-`, `≧` becomes `≥`;
 * - U+3000, NBSP, thin spaces, tabs and line breaks are blanks: trimmed at both ends, and a run of
 *   them inside the text becomes one space;
 * - zero-width characters and control characters are removed;
 * - a blank used as a thousands separator inside a number is removed (`8 167.74` → `8167.74`).
 *
 * Conversion residue such as `[bookmark: _GoBack]` is kept: see {@link stripResidue}.
 */
export function normalizeText(s: string): string {
  const mapped = mapChars(String(s ?? ''));
  return mapped
    .replace(/ {2,}/g, ' ')
    .trim()
    .replace(/(\d) (?=\d{3}(?!\d))/g, '$1');
}

/**
 * The text with its outer blanks (including U+3000, NBSP and zero-width marks) removed and
 * nothing else changed. Used to keep free text as the user wrote it.
 */
export function trimBlank(s: string): string {
  const blank = (c: number): boolean => isSpace(c) || isInvisible(c);
  let start = 0;
  let end = s.length;
  while (start < end && blank(s.charCodeAt(start))) start++;
  while (end > start && blank(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

const MARKUP_TAGS =
  'br|p|span|div|font|b|i|u|s|strong|em|sup|sub|table|tbody|tr|td|th|a|img|hr|li|ul|ol|h[1-6]';

/** Kinds of conversion residue, each a pattern that matches one bounded token. */
const RESIDUE_PATTERNS: readonly RegExp[] = [
  // Tika / docx-to-text markers: [bookmark: _GoBack], [image: …], [comment: …]
  /\[(?:bookmark|image|comment|footnote|endnote|hyperlink|link|anchor|field)\s*:[^[\]\n]*\]/gi,
  // XML tags with a namespace (<w:p>, </o:p>, <v:shape …/>) and common HTML tags (<br>, <span …>)
  new RegExp(`</?(?:[a-z][\\w-]*:[a-z][\\w.-]*|(?:${MARKUP_TAGS}))(?:\\s[^<>]*)?/?>`, 'gi'),
  // HTML entities
  /&(?:nbsp|amp|lt|gt|quot|apos|ensp|emsp|thinsp|shy|#\d{1,7}|#x[0-9a-f]{1,6});/gi,
  // Word field-code switches
  /\\\* *MERGEFORMAT/gi,
];

/**
 * The first piece of conversion residue in `s` (`[bookmark: _GoBack]`, `<w:t>`, `<br/>`,
 * `&nbsp;`, `\* MERGEFORMAT`), or null when there is none.
 */
export function hasResidue(s: string): string | null {
  const text = String(s ?? '');
  let first: { at: number; match: string } | null = null;
  for (const pattern of RESIDUE_PATTERNS) {
    pattern.lastIndex = 0;
    const m = pattern.exec(text);
    if (m && (first === null || m.index < first.at)) first = { at: m.index, match: m[0] };
  }
  return first ? first.match : null;
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  shy: '',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** The character an HTML entity stands for (numeric references included); '' when invalid. */
function decodeEntity(entity: string): string {
  const name = entity.slice(1, -1).toLowerCase();
  if (name.startsWith('#')) {
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (!Number.isFinite(code) || code < 0x20 || code > 0x10ffff) return '';
    if (code === 0xa0 || code === 0x3000) return ' ';
    return String.fromCodePoint(code);
  }
  return ENTITIES[name] ?? '';
}

/**
 * `s` without conversion residue: markers such as `[bookmark: _GoBack]` and markup tags are
 * removed (`<br>` becomes a line break), entities are decoded (`&nbsp;` becomes a space,
 * `&amp;` becomes `&`). Everything else, including blanks, is left as it was.
 */
export function stripResidue(s: string): string {
  const [markers, tags, entities, fields] = RESIDUE_PATTERNS;
  return String(s ?? '')
    .replace(markers, '')
    .replace(tags, (tag) => (/^<br\b/i.test(tag) ? '\n' : ''))
    .replace(entities, decodeEntity)
    .replace(fields, '');
}

/**
 * The few XML helpers the .xlsx reader needs. SpreadsheetML parts are machine-written and flat,
 * so targeted scanning is both enough and much faster than a general DOM. Element names may carry
 * a namespace prefix (`<x:c>`), which every pattern here accepts.
 */
import { problem } from './errors';

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML character references and the OOXML `_xHHHH_` escapes of control characters. */
export function unescapeXml(s: string): string {
  let out = s;
  if (out.includes('&'))
    out = out.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
      if (e[0] !== '#') return ENTITY[e];
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    });
  if (out.includes('_x'))
    out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) =>
      String.fromCharCode(parseInt(h, 16)),
    );
  return out;
}

const ATTR_RE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes of a start tag's attribute text, local names (prefix dropped) → unescaped value. */
export function attrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR_RE.exec(text))) {
    const name = m[1];
    const colon = name.indexOf(':');
    const local = colon >= 0 && !name.startsWith('xmlns') ? name.slice(colon + 1) : name;
    const v = m[2] ?? m[3] ?? '';
    out[local] = v.includes('&') ? unescapeXml(v) : v;
  }
  return out;
}

/**
 * Decodes a part as text and refuses document type declarations: they are never needed in
 * SpreadsheetML and are the door to entity-expansion attacks ("billion laughs").
 */
export function xmlText(buf: Buffer, partName: string): string {
  const text =
    buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe
      ? buf.toString('utf16le', 2)
      : buf.toString('utf8', buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0);
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw problem(
      'unsafe-xml',
      `文件内部的 ${partName} 含有 DOCTYPE/ENTITY 声明（可被用于实体膨胀攻击），为安全起见拒绝读取`,
      `${partName} inside the file holds a DOCTYPE/ENTITY declaration (usable for entity-expansion attacks); refused for safety`,
    );
  return text;
}

/** Every element `<tag …/>` or `<tag …>inner</tag>` (any prefix), in document order. */
export function* elements(
  xml: string,
  tag: string,
  from = 0,
  to = xml.length,
): Generator<{ attrs: string; inner: string | null; end: number }> {
  const re = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?)${tag}\\b([^>]*?)(/?)>`, 'g');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) && m.index < to) {
    if (m[3] === '/') {
      yield { attrs: m[2], inner: null, end: re.lastIndex };
      continue;
    }
    const close = `</${m[1]}${tag}>`;
    const c = xml.indexOf(close, re.lastIndex);
    if (c < 0) {
      yield { attrs: m[2], inner: xml.slice(re.lastIndex, to), end: to };
      return;
    }
    yield { attrs: m[2], inner: xml.slice(re.lastIndex, c), end: c + close.length };
    re.lastIndex = c + close.length;
  }
}

/** The first element of that tag, or null. */
export function firstElement(
  xml: string,
  tag: string,
): { attrs: string; inner: string | null; end: number } | null {
  for (const e of elements(xml, tag)) return e;
  return null;
}

/** The text of a rich or plain string item: its <t> runs joined, phonetic runs (<rPh>) left out. */
export function stringItemText(inner: string): string {
  const body = inner.includes('rPh')
    ? inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '')
    : inner;
  let out = '';
  for (const t of elements(body, 't')) if (t.inner) out += t.inner;
  return unescapeXml(out);
}

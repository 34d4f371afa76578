import { parseDelimited } from '../core/import/pasted-text';

/** Reads CSV text (RFC 4180: quoted fields, doubled quotes, CRLF) into rows, for previews. */
export function parseCsv(text: string, maxRows = Infinity): string[][] {
  return parseDelimited(text.replace(/^\uFEFF/, ''), ',', maxRows);
}

/** Number of records in CSV text (line breaks inside quoted fields do not count). */
export function csvRowCount(text: string): number {
  return parseCsv(text).length;
}

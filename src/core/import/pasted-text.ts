/**
 * Pasted text → rows for importRows: the text export of a Word table, or rows as Excel and Word
 * put a copied table on the clipboard (tab-separated, a cell holding a line break quoted).
 */
import { alignTableRows } from './align';
import { parseWordTableText } from './word-text';

/**
 * The text export of a Word table (one cell per line, each cell's first line starting with a tab,
 * an empty line after each row) is read by parseWordTableText; anything else is taken as
 * tab-separated rows, as Excel and Word put a copied table on the clipboard (Excel quotes a cell
 * holding a line break: "a""b" is a"b). Rows are cleaned up as a sheet's are (alignTableRows).
 */
export function parsePastedTable(text: string): string[][] {
  const t = text.replace(/\r\n?/g, '\n');
  const lines = t.split('\n').filter((l) => l.trim() !== '');
  const wordStyle = lines.filter((l) => l.startsWith('\t') && !l.slice(1).includes('\t')).length;
  if (lines.length && wordStyle * 2 >= lines.length) return parseWordTableText(t);
  const rows = parseDelimited(t, '\t').filter((r) => r.some((c) => c !== ''));
  return alignTableRows(rows);
}

/**
 * Delimited text (RFC 4180 style: a field starting with a quote runs to the closing quote, a
 * doubled quote inside is one quote) → rows. A line ends at LF, CRLF or CR outside quotes; line
 * breaks inside quotes stay as they are. Empty lines are rows of one empty field; a last line
 * without a line break is read. Stops after `maxRows` rows.
 */
export function parseDelimited(text: string, delimiter: string, maxRows = Infinity): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length && rows.length < maxRows; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && atStart) {
      quoted = true;
      atStart = false;
    } else if (ch === delimiter) {
      row.push(cell);
      cell = '';
      atStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atStart = true;
    } else {
      cell += ch;
      atStart = false;
    }
  }
  if (rows.length < maxRows && (cell !== '' || row.length)) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

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
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && atStart) {
      quoted = true;
      atStart = false;
    } else if (ch === '\t') {
      row.push(cell);
      cell = '';
      atStart = true;
    } else if (ch === '\n') {
      row.push(cell);
      if (row.some((c) => c !== '')) rows.push(row);
      row = [];
      cell = '';
      atStart = true;
    } else {
      cell += ch;
      atStart = false;
    }
  }
  row.push(cell);
  if (row.some((c) => c !== '')) rows.push(row);
  return alignTableRows(rows);
}

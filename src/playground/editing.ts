/**
 * Pure helpers of the playground's grid: what the formula bar shows for a cell, Excel's
 * clipboard text (tab-separated, quoted cells), and moving and extending the selection around
 * merged areas the way Excel does.
 */
import { formatGeneral, isPercentFormat } from '../fake-excel/numberFormat';
import type { Rect } from '../fake-excel/addressing';

/** What the formula bar (and F2 / double-click editing) shows for a cell's content. */
export function contentText(
  value: string | number | boolean | null | '',
  formula: string | null,
  numberFormat: string,
): string {
  if (formula) return formula;
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (isPercentFormat(numberFormat)) {
      const pct = Number((value * 100).toPrecision(15));
      return `${formatGeneral(pct)}%`;
    }
    return formatGeneral(value);
  }
  return value;
}

/**
 * Excel's clipboard text → rows of cells: cells separated by tabs, rows by CR LF or LF; a cell
 * in double quotes may hold tabs, line breaks and doubled quotes. A final line break does not
 * start a row.
 */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (atCellStart && ch === '"') {
      quoted = true;
      atCellStart = false;
      i++;
      continue;
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (!atCellStart || cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Rows of cell texts → Excel's clipboard text (quoting cells with tabs, breaks or quotes). */
export function formatClipboard(rows: string[][]): string {
  return rows
    .map((r) => r.map((c) => (/[\t\r\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join('\t'))
    .join('\r\n')
    .concat('\r\n');
}

/** The merged area containing a cell, or the cell itself. */
export function areaOf(merges: readonly Rect[], row: number, col: number): Rect {
  return (
    merges.find(
      (m) => row >= m.row && row < m.row + m.rowCount && col >= m.col && col < m.col + m.colCount,
    ) ?? { row, col, rowCount: 1, colCount: 1 }
  );
}

/**
 * The cell reached by one arrow step from the area at (row, col): steps leave a merged area
 * from its edge; the result is the area there (a merged area or one cell). Never above row 1 or
 * left of column A; `limits` caps the other sides.
 */
export function step(
  merges: readonly Rect[],
  row: number,
  col: number,
  dRow: number,
  dCol: number,
  limits: { rows: number; cols: number },
): Rect {
  const here = areaOf(merges, row, col);
  let r = row;
  let c = col;
  if (dRow > 0) r = here.row + here.rowCount;
  if (dRow < 0) r = here.row - 1;
  if (dCol > 0) c = here.col + here.colCount;
  if (dCol < 0) c = here.col - 1;
  r = Math.min(Math.max(0, r), limits.rows - 1);
  c = Math.min(Math.max(0, c), limits.cols - 1);
  return areaOf(merges, r, c);
}

/** The smallest rectangle holding both areas and every merged area it cuts (as Excel selects). */
export function spanning(merges: readonly Rect[], a: Rect, b: Rect): Rect {
  let top = Math.min(a.row, b.row);
  let left = Math.min(a.col, b.col);
  let bottom = Math.max(a.row + a.rowCount, b.row + b.rowCount) - 1;
  let right = Math.max(a.col + a.colCount, b.col + b.colCount) - 1;
  for (let changed = true; changed;) {
    changed = false;
    for (const m of merges) {
      const mb = m.row + m.rowCount - 1;
      const mr = m.col + m.colCount - 1;
      const cuts = m.row <= bottom && mb >= top && m.col <= right && mr >= left;
      if (!cuts) continue;
      if (m.row < top || mb > bottom || m.col < left || mr > right) {
        top = Math.min(top, m.row);
        left = Math.min(left, m.col);
        bottom = Math.max(bottom, mb);
        right = Math.max(right, mr);
        changed = true;
      }
    }
  }
  return { row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 };
}

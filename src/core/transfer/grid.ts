/**
 * Sources for importRows as grids of cell texts, with where each text came from:
 * - a worksheet (a table pasted from Word, a hand-made sheet, an older form, the add-in's own
 *   form): the cells of its used range, cleaned up by alignGrid (columns placed by the header
 *   rows where merged cells leave gaps; elsewhere a merged area's value once, at the top-left, as a
 *   Word table gives a merged cell once). The add-in (gridFromValues, from a used range's values)
 *   and the CLI (gridFromCells, from a file's cells and merges) read a sheet the same way;
 * - a Word table's text export: the cells parseWordTableText reads, with the line each starts on.
 * Pure: cell accessors in, strings out.
 */
import { addr, parseAddr, parseRange } from '../form/a1';
import { alignGrid } from '../import/align';
import { excelTypedValue } from '../import/excel-input';
import { readWordTable } from '../import/word-text';
import { formatNumber } from '../values';
import type { RawCell } from '../values/types';

export interface SourceGrid {
  /** Rows of cell texts, as importRows reads them. */
  rows: string[][];
  /** For each text of `rows`, where it is in the source: an A1 address or a line number. */
  at: (string | number)[][];
}

/** Refused: the used range is larger than any form (a stray value far out on the sheet). */
export class GridTooLarge extends Error {
  constructor(
    readonly rows: number,
    readonly cols: number,
  ) {
    super(`The used range (${rows} rows × ${cols} columns) is too large for a form`);
  }
}

/**
 * A cell as text such that typing it into Excel stores the cell again (excelTypedValue of the text
 * gives back the value): numbers plainly, a %-formatted number as a percentage, and text that
 * Excel would turn into something else (a number stored as text, '=…') behind an apostrophe.
 */
export function gridText(c: RawCell | undefined): string {
  if (!c || c.value === null || c.value === '') return '';
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  if (typeof c.value === 'number') {
    if (!Number.isFinite(c.value)) return `'${String(c.value)}`;
    // Never in exponent notation (Excel reads '1e-7' typed as text).
    if (c.numberFormat && /%/.test(c.numberFormat.replace(/"[^"]*"|\\./g, '')))
      return `${formatNumber(Number((c.value * 100).toPrecision(15)))}%`;
    return formatNumber(c.value);
  }
  const s = String(c.value);
  const back = excelTypedValue(s);
  return back.value === s && !back.formula && !back.numberFormat ? s : `'${s}`;
}

export interface SheetCells {
  /** The sheet's cells by A1 address (the ones holding something; order does not matter). */
  cells: Iterable<[string, RawCell]>;
  /** Merged areas, A1 ranges such as 'B5:D6'. */
  merges: string[];
}

/**
 * A worksheet as a grid. The grid spans the columns up to the last one holding a value or a merged
 * area (styled empty cells right of a pasted table do not widen it), and is cleaned up by
 * alignGrid: rows under the form's header rows keep the header's columns; in the others a
 * horizontally merged area gives one text per row (its other columns are skipped, as a Word
 * table's spanning cell is one cell). A vertically merged area gives its text in its top row and
 * '' below. `at` names each text's cell ('' for a padding blank).
 */
export function gridFromCells(sheet: SheetCells, maxCells = 1_000_000): SourceGrid {
  const merges = sheet.merges
    .map((m) => parseRange(m))
    .filter((r): r is NonNullable<typeof r> => r !== null);
  let right = 0;
  let bottom = 0;
  for (const m of merges) {
    right = Math.max(right, m.right);
    bottom = Math.max(bottom, m.bottom);
  }
  const texts = new Map<string, string>();
  for (const [address, cell] of sheet.cells) {
    const t = gridText(cell);
    const p = parseAddr(address);
    if (t === '' || !p) continue;
    texts.set(addr(p.row, p.col), t);
    if (p.col > right) right = p.col;
    if (p.row > bottom) bottom = p.row;
  }
  if (bottom * right > maxCells) throw new GridTooLarge(bottom, right);
  // Per row: the column spans to skip (all columns of a merged area but its first).
  const skip = new Map<number, [number, number][]>();
  for (const m of merges) {
    if (m.right <= m.left) continue;
    for (let r = m.top; r <= Math.min(m.bottom, bottom); r++) {
      const list = skip.get(r) ?? [];
      list.push([m.left + 1, m.right]);
      skip.set(r, list);
    }
  }
  const texts2d: string[][] = [];
  for (let r = 1; r <= bottom; r++) {
    const row: string[] = [];
    for (let c = 1; c <= right; c++) row.push(texts.get(addr(r, c)) ?? '');
    texts2d.push(row);
  }
  const aligned = alignGrid(texts2d, {
    skipped: (i, j) => (skip.get(i + 1) ?? []).some(([a, b]) => j + 1 >= a && j + 1 <= b),
  });
  return {
    rows: aligned.rows,
    at: aligned.cols.map((cols, i) => cols.map((j) => (j < 0 ? '' : addr(i + 1, j + 1)))),
  };
}

/**
 * A used range as Excel's API gives it (`values` and `numberFormat`, merged cells' covered parts
 * blank) as the rows importRows reads: each cell as the text that types it, cleaned up by
 * alignGrid. What the add-in reads where the CLI has gridFromCells.
 */
export function gridFromValues(values: unknown[][], formats: unknown[][] = []): string[][] {
  const cell = (v: unknown, nf: unknown): RawCell => ({
    value: typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null,
    numberFormat: typeof nf === 'string' ? nf : undefined,
  });
  return alignGrid(values.map((row, i) => row.map((v, j) => gridText(cell(v, formats[i]?.[j])))))
    .rows;
}

/** The 1-based line each cell of parseWordTableText(text) starts on, in the same shape. */
export function wordTextLines(text: string): number[][] {
  return readWordTable(text).lines;
}

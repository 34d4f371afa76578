/**
 * Turns a pure Layout into a paint plan with few proxy operations: cells that share one format
 * property value are grouped into rectangles (contiguous runs per row, stacked when the same run
 * repeats on the next row), so an indicator table of 400 rows costs as many operations as one of
 * 4. Values, formulas and number formats go in one 2-D array each over the whole block.
 *
 * Pure: no Office.js here; paint.ts applies the plan to a worksheet.
 */
import { addr, colNumber, parseRange, rangeAddr, type RangeRef } from '../core/form/a1';
import type { CellStyle, Layout, LayoutCell } from '../core/form/types';
import type { RawCell } from '../core/values/types';

/** Format properties a plan sets, one group of rectangles per distinct value. */
export type FormatProp =
  | 'fontName'
  | 'fontSize'
  | 'bold'
  | 'fontColor'
  | 'fill'
  | 'hAlign'
  | 'vAlign'
  | 'wrap'
  | 'border'
  | 'unlocked';

export interface FormatGroup {
  prop: FormatProp;
  value: string | number | boolean;
  /** A1 ranges ('B19:B40', 'E7'). */
  ranges: string[];
}

export interface PaintPlan {
  /** The block that holds every layout cell, e.g. 'A1:I57'. */
  block: string;
  /** formulas[r][c]: a formula, a constant or '' for the block. */
  formulas: (string | number | boolean)[][];
  /** numberFormats[r][c] for the block ('General' where the layout says nothing). */
  numberFormats: string[][];
  formats: FormatGroup[];
  merges: string[];
  /** Consecutive rows with the same height: '5:6' → 22 (points). */
  rowHeights: { rows: string; height: number }[];
  /** Column widths in points. */
  columns: { letter: string; points: number }[];
}

/**
 * Excel stores column widths in characters of the default font; Office.js sets them in points.
 * One character of an 11-pt body font is 7 px plus 5 px of padding per column, at 0.75 pt/px.
 */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** What each property means for a cell; undefined = leave Excel's default of a new sheet. */
function propValue(style: CellStyle, prop: FormatProp): string | number | boolean | undefined {
  switch (prop) {
    case 'fontName':
      return style.fontName;
    case 'fontSize':
      return style.fontSize;
    case 'bold':
      return style.bold ? true : undefined;
    case 'fontColor':
      return style.fontColor;
    case 'fill':
      return style.fill;
    case 'hAlign':
      return style.hAlign;
    case 'vAlign':
      return style.vAlign;
    case 'wrap':
      return style.wrap ? true : undefined;
    case 'border':
      return style.border ? true : undefined;
    case 'unlocked':
      // Every cell of a new sheet is locked: only input cells need a write.
      return style.locked === false ? true : undefined;
  }
}

const PROPS: FormatProp[] = [
  'fontName',
  'fontSize',
  'bold',
  'fontColor',
  'fill',
  'hAlign',
  'vAlign',
  'wrap',
  'border',
  'unlocked',
];

/**
 * Covers a set of cells with rectangles: runs of consecutive columns per row, merged downwards
 * while the next row has exactly the same run. Exact: every cell once, nothing else.
 */
export function rectangles(cells: { row: number; col: number }[]): RangeRef[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const cols = byRow.get(c.row);
    if (cols) cols.push(c.col);
    else byRow.set(c.row, [c.col]);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const done: RangeRef[] = [];
  /** Open rectangles ending on the previous row, keyed by 'left:right'. */
  let open = new Map<string, RangeRef>();
  let prevRow = -1;
  for (const row of rows) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, RangeRef>();
    for (const [left, right] of runs) {
      const key = `${left}:${right}`;
      const prev = row === prevRow + 1 ? open.get(key) : undefined;
      if (prev) {
        prev.bottom = row;
        open.delete(key);
        next.set(key, prev);
      } else next.set(key, { top: row, left, bottom: row, right });
    }
    done.push(...open.values());
    open = next;
    prevRow = row;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Groups cells by the value of each format property and covers each group with rectangles. */
export function formatGroups(cells: Pick<LayoutCell, 'row' | 'col' | 'style'>[]): FormatGroup[] {
  const out: FormatGroup[] = [];
  for (const prop of PROPS) {
    const byValue = new Map<string | number | boolean, { row: number; col: number }[]>();
    for (const c of cells) {
      const v = propValue(c.style, prop);
      if (v === undefined) continue;
      const list = byValue.get(v);
      if (list) list.push(c);
      else byValue.set(v, [c]);
    }
    for (const [value, list] of byValue)
      out.push({ prop, value, ranges: rectangles(list).map((r) => rangeAddr(r)) });
  }
  return out;
}

/** Row-height runs: consecutive rows with the same height become one '5:6' range. */
export function rowHeightRuns(heights: Record<number, number>): { rows: string; height: number }[] {
  const rows = Object.keys(heights)
    .map(Number)
    .sort((a, b) => a - b);
  const out: { first: number; last: number; height: number }[] = [];
  for (const r of rows) {
    const h = heights[r];
    const last = out[out.length - 1];
    if (last && last.last === r - 1 && last.height === h) last.last = r;
    else out.push({ first: r, last: r, height: h });
  }
  return out.map((o) => ({ rows: `${o.first}:${o.last}`, height: o.height }));
}

export function paintPlan(layout: Layout): PaintPlan {
  const lastCol = colNumber(layout.lastCol);
  const rows = layout.lastRow;
  const formulas: (string | number)[][] = Array.from({ length: rows }, () =>
    new Array<string | number>(lastCol).fill(''),
  );
  const numberFormats: string[][] = Array.from({ length: rows }, () =>
    new Array<string>(lastCol).fill('General'),
  );
  for (const c of layout.cells) {
    if (c.row > rows || c.col > lastCol) continue;
    if (c.formula) formulas[c.row - 1][c.col - 1] = c.formula;
    else if (c.value !== undefined) formulas[c.row - 1][c.col - 1] = c.value;
    if (c.style.numberFormat) numberFormats[c.row - 1][c.col - 1] = c.style.numberFormat;
  }
  return {
    block: `A1:${addr(rows, lastCol)}`,
    formulas,
    numberFormats,
    formats: formatGroups(layout.cells),
    merges: layout.merges,
    rowHeights: rowHeightRuns(layout.rowHeights),
    columns: layout.columns.map((c) => ({ letter: c.letter, points: charsToPoints(c.width) })),
  };
}

/** How many proxy operations the format groups cost (one per range and property). */
export function formatOpCount(plan: PaintPlan): number {
  return plan.formats.reduce((n, g) => n + g.ranges.length, 0);
}

/**
 * Does Excel keep this string exactly as it is when it is written to a cell? Not when it would
 * read it as a formula, a number, a percentage, a date or a boolean: such text gets a leading
 * apostrophe (Excel's "this is text" mark, not part of the value) so it stays text.
 */
export function keepsAsText(s: string): boolean {
  if (s === '' || s.startsWith("'") || s.startsWith('=')) return false;
  const t = s.replace(/^ +| +$/g, '');
  if (/^(true|false)$/i.test(t)) return false;
  // Only digits, signs, separators, parentheses, exponents, date slashes and '%': Excel may
  // parse it. Anything else (U+3000, letters, Chinese units) keeps it text.
  return !/^[-+(]?[\d.,]/.test(t) || !/^[\d.,:/()+\-eE% ]+$/.test(t);
}

/**
 * Puts cell contents into a plan's value block (so a filled form is painted by the same single
 * write as an empty one): numbers and booleans as they are, text so that Excel keeps it text,
 * an empty cell as ''. A cell's own number format ('0.00%', '@') replaces the layout's, except
 * 'General', which leaves the layout's. Formulas are never taken from the cells: values only.
 */
export function withCells(plan: PaintPlan, cells: Map<string, RawCell>): PaintPlan {
  const block = parseRange(plan.block)!;
  const formulas = plan.formulas.map((r) => [...r]);
  const numberFormats = plan.numberFormats.map((r) => [...r]);
  for (const [address, c] of cells) {
    const at = parseRange(address);
    if (!at) continue;
    const i = at.top - block.top;
    const j = at.left - block.left;
    if (i < 0 || j < 0 || i >= formulas.length || j >= formulas[i].length) continue;
    const v = c.value;
    if (v === null || v === '') formulas[i][j] = '';
    else if (typeof v === 'string') formulas[i][j] = keepsAsText(v) ? v : `'${v}`;
    else formulas[i][j] = v;
    if (c.numberFormat && c.numberFormat !== 'General') numberFormats[i][j] = c.numberFormat;
  }
  return { ...plan, formulas, numberFormats };
}

/**
 * Cell formatting: the flattened style of one cell, Excel's defaults, colour normalisation,
 * and a layered store (sheet → column → row → cell) so that formatting whole columns or rows
 * costs one entry, not a million.
 */
import { MAX_COLS, MAX_ROWS, type Rect, isEntireColumns, isEntireRows } from './addressing';

export interface BorderSpec {
  /** Excel.BorderLineStyle: 'None' | 'Continuous' | 'Dash' | … */
  style: string;
  /** '#RRGGBB' */
  color: string;
  /** Excel.BorderWeight: 'Hairline' | 'Thin' | 'Medium' | 'Thick' */
  weight: string;
}

export const NO_BORDER: BorderSpec = { style: 'None', color: '#000000', weight: 'Thin' };

/** Every format property of one cell. */
export interface CellStyle {
  numberFormat: string;
  /** null: no fill (Excel reports '#FFFFFF'). */
  fillColor: string | null;
  fontName: string;
  fontSize: number;
  fontBold: boolean;
  fontItalic: boolean;
  fontColor: string;
  fontUnderline: string;
  fontStrikethrough: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
  locked: boolean;
  borderTop: BorderSpec;
  borderBottom: BorderSpec;
  borderLeft: BorderSpec;
  borderRight: BorderSpec;
  borderDiagonalDown: BorderSpec;
  borderDiagonalUp: BorderSpec;
}

export type StylePatch = Partial<CellStyle>;
export type StyleKey = keyof CellStyle;

export function defaultStyle(fontName = 'Calibri', fontSize = 11): CellStyle {
  return {
    numberFormat: 'General',
    fillColor: null,
    fontName,
    fontSize,
    fontBold: false,
    fontItalic: false,
    fontColor: '#000000',
    fontUnderline: 'None',
    fontStrikethrough: false,
    horizontalAlignment: 'General',
    verticalAlignment: 'Bottom',
    wrapText: false,
    indentLevel: 0,
    locked: true,
    borderTop: NO_BORDER,
    borderBottom: NO_BORDER,
    borderLeft: NO_BORDER,
    borderRight: NO_BORDER,
    borderDiagonalDown: NO_BORDER,
    borderDiagonalUp: NO_BORDER,
  };
}

/** HTML colour names Excel accepts (subset) → '#RRGGBB'. */
const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#C0C0C0',
  navy: '#000080',
  maroon: '#800000',
  olive: '#808000',
  teal: '#008080',
  aqua: '#00FFFF',
  cyan: '#00FFFF',
  fuchsia: '#FF00FF',
  magenta: '#FF00FF',
  pink: '#FFC0CB',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  lightyellow: '#FFFFE0',
  lightgreen: '#90EE90',
  lightblue: '#ADD8E6',
  darkred: '#8B0000',
  darkgreen: '#006400',
  darkblue: '#00008B',
};

/** '#ff0000' / '#F00' / 'red' → '#FF0000'; null for anything Excel would reject. */
export function normalizeColor(color: unknown): string | null {
  if (typeof color !== 'string') return null;
  const c = color.trim();
  const named = NAMED_COLORS[c.toLowerCase()];
  if (named) return named;
  if (/^#[0-9a-fA-F]{6}$/.test(c)) return c.toUpperCase();
  if (/^#[0-9a-fA-F]{3}$/.test(c)) {
    return `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}`.toUpperCase();
  }
  return null;
}

function assign(target: StylePatch, patch: StylePatch): void {
  Object.assign(target, patch);
}

/** Keys present in a patch. */
function keysOf(patch: StylePatch): StyleKey[] {
  return Object.keys(patch) as StyleKey[];
}

function pick(source: StylePatch, keys: StyleKey[]): StylePatch {
  const out: StylePatch = {};
  for (const k of keys) if (k in source) (out as Record<string, unknown>)[k] = source[k];
  return out;
}

/** Formats of one sheet in layers; the effective style is base ⊕ sheet ⊕ column ⊕ row ⊕ cell. */
export class StyleStore {
  sheet: StylePatch = {};
  cols = new Map<number, StylePatch>();
  rows = new Map<number, StylePatch>();
  /** row → column → patch */
  cells = new Map<number, Map<number, StylePatch>>();

  constructor(readonly base: CellStyle) {}

  effective(row: number, col: number): CellStyle {
    return {
      ...this.base,
      ...this.sheet,
      ...this.cols.get(col),
      ...this.rows.get(row),
      ...this.cells.get(row)?.get(col),
    };
  }

  /** True when the cell has any format of its own (used range with formats). */
  hasCellFormat(row: number, col: number): boolean {
    const p = this.cells.get(row)?.get(col);
    return p !== undefined && Object.keys(p).length > 0;
  }

  private cellPatch(row: number, col: number): StylePatch {
    let r = this.cells.get(row);
    if (!r) {
      r = new Map();
      this.cells.set(row, r);
    }
    let p = r.get(col);
    if (!p) {
      p = {};
      r.set(col, p);
    }
    return p;
  }

  /** Applies a patch to every cell of the rectangle (newest format wins, as in Excel). */
  apply(rect: Rect, patch: StylePatch): void {
    const keys = keysOf(patch);
    if (keys.length === 0) return;
    const wholeRows = isEntireRows(rect);
    const wholeCols = isEntireColumns(rect);
    if (wholeRows && wholeCols) {
      assign(this.sheet, patch);
      for (const p of this.cols.values()) assign(p, patch);
      for (const p of this.rows.values()) assign(p, patch);
      for (const r of this.cells.values()) for (const p of r.values()) assign(p, patch);
      return;
    }
    if (wholeRows) {
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
        const p = this.rows.get(r) ?? {};
        assign(p, patch);
        this.rows.set(r, p);
        const cells = this.cells.get(r);
        if (cells) for (const cp of cells.values()) assign(cp, patch);
      }
      return;
    }
    if (wholeCols) {
      const lastCol = rect.col + rect.colCount;
      for (let c = rect.col; c < lastCol; c++) {
        const p = this.cols.get(c) ?? {};
        assign(p, patch);
        this.cols.set(c, p);
      }
      for (const [, cells] of this.cells) {
        for (const [c, cp] of cells) if (c >= rect.col && c < lastCol) assign(cp, patch);
      }
      // Row formats sit above column formats: pin the new value where they conflict.
      for (const [r, rp] of this.rows) {
        const conflicting = keys.filter((k) => k in rp);
        if (conflicting.length === 0) continue;
        for (let c = rect.col; c < lastCol; c++)
          assign(this.cellPatch(r, c), pick(patch, conflicting));
      }
      return;
    }
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.col; c < rect.col + rect.colCount; c++) assign(this.cellPatch(r, c), patch);
    }
  }

  /** Resets every format of the rectangle to the default (Range.clear('Formats')). */
  clear(rect: Rect): void {
    const full = this.base;
    const wholeRows = isEntireRows(rect);
    const wholeCols = isEntireColumns(rect);
    const sheetLayer = Object.keys(this.sheet).length > 0;
    if (wholeRows && wholeCols) {
      this.sheet = {};
      this.cols.clear();
      this.rows.clear();
      this.cells.clear();
      return;
    }
    if (wholeRows) {
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
        this.cells.delete(r);
        // The row layer sits above column and sheet layers: pin the defaults when needed.
        if (sheetLayer || this.cols.size > 0) this.rows.set(r, { ...full });
        else this.rows.delete(r);
      }
      return;
    }
    if (wholeCols) {
      const lastCol = rect.col + rect.colCount;
      for (let c = rect.col; c < lastCol; c++) {
        if (sheetLayer) this.cols.set(c, { ...full });
        else this.cols.delete(c);
      }
      for (const cells of this.cells.values()) {
        for (const c of [...cells.keys()]) if (c >= rect.col && c < lastCol) cells.delete(c);
      }
      for (const r of this.rows.keys()) {
        for (let c = rect.col; c < lastCol; c++) Object.assign(this.cellPatch(r, c), full);
      }
      return;
    }
    const layered = sheetLayer || this.cols.size > 0 || this.rows.size > 0;
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.col; c < rect.col + rect.colCount; c++) {
        if (layered) Object.assign(this.cellPatch(r, c), full);
        else this.cells.get(r)?.delete(c);
      }
    }
  }

  /**
   * The distinct effective styles inside a rectangle, computed from a few representative
   * cells (every formatted row/column/cell plus one plain one), so whole columns are cheap.
   */
  distinctStyles(rect: Rect): CellStyle[] {
    const rowEnd = rect.row + rect.rowCount;
    const colEnd = rect.col + rect.colCount;
    const rows = new Set<number>();
    const cols = new Set<number>();
    for (const r of this.rows.keys()) if (r >= rect.row && r < rowEnd) rows.add(r);
    for (const c of this.cols.keys()) if (c >= rect.col && c < colEnd) cols.add(c);
    const cellsIn: [number, number][] = [];
    for (const [r, cells] of this.cells) {
      if (r < rect.row || r >= rowEnd) continue;
      for (const c of cells.keys()) if (c >= rect.col && c < colEnd) cellsIn.push([r, c]);
    }
    // One plain row and one plain column, when the rectangle has any.
    const plainRow = firstOutside(rect.row, rowEnd, rows);
    const plainCol = firstOutside(rect.col, colEnd, cols);
    const rowList = [...rows, ...(plainRow === undefined ? [] : [plainRow])];
    const colList = [...cols, ...(plainCol === undefined ? [] : [plainCol])];
    const seen = new Map<string, CellStyle>();
    const add = (r: number, c: number): void => {
      const s = this.effective(r, c);
      seen.set(JSON.stringify(s), s);
    };
    for (const r of rowList) for (const c of colList) add(r, c);
    for (const [r, c] of cellsIn) add(r, c);
    return [...seen.values()];
  }

  /** Moves every layer for inserted or deleted rows/columns. Inserted lines copy the line before. */
  shift(axis: 'row' | 'col', kind: 'insert' | 'delete', at: number, count: number): void {
    const lineMap = axis === 'row' ? this.rows : this.cols;
    const moveKey = (k: number): number | null => {
      if (kind === 'insert') return k >= at ? k + count : k;
      if (k < at) return k;
      if (k < at + count) return null;
      return k - count;
    };
    const remap = <T>(m: Map<number, T>, limit: number): Map<number, T> => {
      const out = new Map<number, T>();
      for (const [k, v] of m) {
        const nk = moveKey(k);
        if (nk !== null && nk < limit) out.set(nk, v);
      }
      return out;
    };
    const limit = axis === 'row' ? MAX_ROWS : MAX_COLS;
    const newLines = remap(lineMap, limit);
    if (axis === 'row') {
      this.rows = newLines;
      this.cells = remap(this.cells, limit);
    } else {
      this.cols = newLines;
      for (const [r, cells] of this.cells) this.cells.set(r, remap(cells, limit));
    }
    if (kind === 'insert') {
      // "Format same as above/left": inserted lines take the format of the line before.
      const src = at > 0 ? at - 1 : at + count;
      for (let k = at; k < at + count; k++) {
        if (axis === 'row') {
          const rp = this.rows.get(src);
          if (rp) this.rows.set(k, { ...rp });
          const cells = this.cells.get(src);
          if (cells) {
            const copy = new Map<number, StylePatch>();
            for (const [c, p] of cells) copy.set(c, { ...p });
            this.cells.set(k, copy);
          }
        } else {
          const cp = this.cols.get(src);
          if (cp) this.cols.set(k, { ...cp });
          for (const cells of this.cells.values()) {
            const p = cells.get(src);
            if (p) cells.set(k, { ...p });
          }
        }
      }
    }
  }

  /** Moves the cell layer of a block by (dRow, dCol); used by partial insert/delete. */
  moveBlock(rect: Rect, dRow: number, dCol: number): void {
    const moved: [number, number, StylePatch][] = [];
    for (const [r, cells] of this.cells) {
      if (r < rect.row || r >= rect.row + rect.rowCount) continue;
      for (const [c, p] of [...cells]) {
        if (c < rect.col || c >= rect.col + rect.colCount) continue;
        cells.delete(c);
        moved.push([r + dRow, c + dCol, p]);
      }
    }
    for (const [r, c, p] of moved) {
      if (r >= 0 && r < MAX_ROWS && c >= 0 && c < MAX_COLS)
        this.cells.set(r, (this.cells.get(r) ?? new Map()).set(c, p));
    }
  }

  /** A JSON-friendly copy. */
  toJSON(): unknown {
    return {
      sheet: this.sheet,
      cols: [...this.cols],
      rows: [...this.rows],
      cells: [...this.cells].map(([r, m]) => [r, [...m]]),
    };
  }
}

function firstOutside(start: number, end: number, taken: Set<number>): number | undefined {
  for (let i = start; i < end; i++) if (!taken.has(i)) return i;
  return undefined;
}

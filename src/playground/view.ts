/**
 * What the playground's grid shows of a fake worksheet: one plain object per visible row and
 * cell (displayed text, merges as spans, fills, fonts, alignment, wrap, borders, sizes, and the
 * conditional formats currently applying — which include the add-in's marks). No React, no DOM:
 * the grid component renders these objects, and unchanged rows keep their identity between
 * builds (see reuseRows) so React re-renders only what changed.
 *
 * Units: the model speaks points; the view speaks CSS pixels (1 pt = 4/3 px, as Excel at 100 %
 * on a 96 dpi screen).
 */
import { columnName, formatRect, type Rect } from '../fake-excel/addressing';
import type { FakeWorkbookModel, SheetRecord } from '../fake-excel/model';
import type { BorderSpec, CellStyle } from '../fake-excel/styles';

export const PX_PER_PT = 4 / 3;
/** Extra empty rows and columns shown past the used range (Excel always shows more grid). */
export const EXTRA_ROWS = 20;
export const EXTRA_COLS = 3;
export const MIN_ROWS = 50;
export const MIN_COLS = 16;
/** Excel's gridline colour. */
export const GRIDLINE = '#D4D4D4';

/** One drawn edge: CSS border style, width (px) and colour. */
export interface Edge {
  style: 'solid' | 'dashed' | 'dotted' | 'double';
  width: number;
  color: string;
}

export interface CellView {
  /** A1 address of the cell (the top-left cell of a merged area). */
  address: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** Width and height in px (the whole merged area). */
  width: number;
  height: number;
  text: string;
  /** Background: the cell's own fill, or the fill of a conditional format applying now. */
  fill: string | null;
  color: string;
  fontFamily: string;
  /** px */
  fontSize: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  hAlign: 'left' | 'center' | 'right' | 'justify';
  vAlign: 'top' | 'center' | 'bottom';
  wrap: boolean;
  indent: number;
  /** The right and bottom edges (every cell draws those); top/left only on the first row/col. */
  right: Edge | null;
  bottom: Edge | null;
  top: Edge | null;
  left: Edge | null;
  /** Conditional-format border drawn inside the cell (the add-in's marks use these). */
  cfBorder: Edge | null;
  /** True when any conditional format applies to this cell now. */
  cf: boolean;
}

export interface RowView {
  /** 0-based row index. */
  row: number;
  height: number;
  cells: CellView[];
  /** A fingerprint of everything drawn in this row (rows with equal keys are equal). */
  key: string;
}

export interface SheetView {
  sheetId: string;
  sheetName: string;
  /** Column widths in px, one per shown column (index = column). */
  colWidths: number[];
  rows: RowView[];
  rowCount: number;
  colCount: number;
  /** Merged areas (0-based rectangles), to map any cell to the cell element that shows it. */
  merges: Rect[];
}

/** Excel's default fonts on Chinese Windows, then what Linux and macOS have. */
export function fontStack(name: string): string {
  const quoted = `"${name.replace(/["\\]/g, '')}"`;
  const fallbacks = [
    '"DengXian"',
    '"Microsoft YaHei"',
    '"PingFang SC"',
    '"Noto Sans CJK SC"',
    '"WenQuanYi Zen Hei"',
    'sans-serif',
  ];
  return [quoted, ...fallbacks.filter((f) => f !== quoted)].join(', ');
}

const LINE_STYLES: Record<string, Edge['style']> = {
  Continuous: 'solid',
  Dash: 'dashed',
  DashDot: 'dashed',
  DashDotDot: 'dashed',
  SlantDashDot: 'dashed',
  Dot: 'dotted',
  Double: 'double',
};
const WEIGHTS: Record<string, number> = { Hairline: 1, Thin: 1, Medium: 2, Thick: 3 };

/** An Excel border as a CSS edge; null for 'None'. */
export function edgeOf(b: BorderSpec | { style: string; color: string | null } | undefined) {
  if (!b) return null;
  const style = LINE_STYLES[b.style];
  if (!style) return null;
  const weight = 'weight' in b ? (WEIGHTS[b.weight] ?? 1) : 2;
  return { style, width: style === 'double' ? 3 : weight, color: b.color ?? '#000000' };
}

const H_ALIGN: Record<string, CellView['hAlign']> = {
  Left: 'left',
  Center: 'center',
  CenterAcrossSelection: 'center',
  Right: 'right',
  Justify: 'justify',
  Distributed: 'justify',
  Fill: 'left',
};
const V_ALIGN: Record<string, CellView['vAlign']> = {
  Top: 'top',
  Center: 'center',
  Bottom: 'bottom',
  Justify: 'top',
  Distributed: 'center',
};

/** Excel's 'General' alignment: numbers right, logicals and errors centred, text left. */
function generalAlign(value: unknown): CellView['hAlign'] {
  if (typeof value === 'number') return 'right';
  if (typeof value === 'boolean') return 'center';
  if (typeof value === 'string' && /^#[A-Z/0!?]+[!?]?$/.test(value) && value.length <= 8)
    return 'center';
  return 'left';
}

/** How many rows and columns the grid shows for a sheet. */
export function extentOf(
  model: FakeWorkbookModel,
  sheet: SheetRecord,
): { rows: number; cols: number } {
  const used = model.usedRange(sheet);
  let rows = used ? used.row + used.rowCount : 0;
  let cols = used ? used.col + used.colCount : 0;
  const sel = model.selection;
  if (sel.sheetId === sheet.id) {
    // Whole rows / columns do not stretch the grid.
    if (sel.rect.rowCount < 10_000) rows = Math.max(rows, sel.rect.row + sel.rect.rowCount);
    if (sel.rect.colCount < 1_000) cols = Math.max(cols, sel.rect.col + sel.rect.colCount);
  }
  return {
    rows: Math.max(MIN_ROWS, rows + EXTRA_ROWS),
    cols: Math.max(MIN_COLS, cols + EXTRA_COLS),
  };
}

/** The conditional formats applying to a cell now, folded into what they draw. */
function conditionalLook(
  model: FakeWorkbookModel,
  sheet: SheetRecord,
  row: number,
  col: number,
): {
  fill: string | null;
  color: string | null;
  bold: boolean | null;
  italic: boolean | null;
  border: Edge | null;
} | null {
  const cfs = model.conditionalFormatsIn(sheet, { row, col, rowCount: 1, colCount: 1 });
  if (cfs.length === 0) return null;
  let any = false;
  const look = {
    fill: null as string | null,
    color: null as string | null,
    bold: null as boolean | null,
    italic: null as boolean | null,
    border: null as Edge | null,
  };
  for (const cf of cfs) {
    if (!model.conditionalFormatApplies(sheet, cf, row, col)) continue;
    any = true;
    look.fill ??= cf.fillColor;
    look.color ??= cf.fontColor;
    look.bold ??= cf.fontBold;
    look.italic ??= cf.fontItalic;
    if (!look.border) {
      const b =
        cf.borders.EdgeTop ?? cf.borders.EdgeLeft ?? cf.borders.EdgeBottom ?? cf.borders.EdgeRight;
      look.border = edgeOf(b);
    }
    if (cf.stopIfTrue) break;
  }
  return any ? look : null;
}

/**
 * The edge between a cell and its neighbour: the cell's own border on that side, else the
 * neighbour's on the facing side, else a gridline unless either cell is filled (fills cover
 * gridlines in Excel) or the sheet hides gridlines.
 */
function edgeBetween(
  own: BorderSpec,
  facing: BorderSpec | undefined,
  filled: boolean,
  gridlines: boolean,
): Edge | null {
  return (
    edgeOf(own) ??
    edgeOf(facing) ??
    (gridlines && !filled ? { style: 'solid', width: 1, color: GRIDLINE } : null)
  );
}

/** Builds the view of a sheet (rows 0..rows-1, columns 0..cols-1). */
export function buildSheetView(
  model: FakeWorkbookModel,
  sheet: SheetRecord,
  extent = extentOf(model, sheet),
): SheetView {
  const { rows, cols } = extent;
  const colWidths = Array.from({ length: cols }, (_, c) =>
    Math.round(model.columnWidth(sheet, c) * PX_PER_PT),
  );
  const rowHeights = Array.from({ length: rows }, (_, r) =>
    Math.round(model.rowHeight(sheet, r) * PX_PER_PT),
  );
  const merges = sheet.merges.map((m) => ({ ...m }));
  // covered[r][c]: true for cells hidden under a merged area (not its top-left).
  const covered = new Set<number>();
  const mergeAtTopLeft = new Map<number, Rect>();
  for (const m of merges) {
    mergeAtTopLeft.set(m.row * cols + m.col, m);
    for (let r = m.row; r < m.row + m.rowCount && r < rows; r++)
      for (let c = m.col; c < m.col + m.colCount && c < cols; c++)
        if (r !== m.row || c !== m.col) covered.add(r * cols + c);
  }
  const styleCache = new Map<number, CellStyle>();
  const style = (r: number, c: number): CellStyle => {
    const k = r * (cols + 1) + c;
    let s = styleCache.get(k);
    if (!s) {
      s = model.style(sheet, r, c);
      styleCache.set(k, s);
    }
    return s;
  };
  const gridlines = sheet.showGridlines;

  const out: RowView[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: CellView[] = [];
    for (let c = 0; c < cols; c++) {
      if (covered.has(r * cols + c)) continue;
      const m = mergeAtTopLeft.get(r * cols + c);
      const rowSpan = m ? Math.min(m.rowCount, rows - r) : 1;
      const colSpan = m ? Math.min(m.colCount, cols - c) : 1;
      const lastRow = r + rowSpan - 1;
      const lastCol = c + colSpan - 1;
      const st = style(r, c);
      const value = model.value(sheet, r, c);
      const cf = conditionalLook(model, sheet, r, c);
      const fill = cf?.fill ?? st.fillColor;
      const topRight = style(r, lastCol);
      const bottomLeft = style(lastRow, c);
      const rightFilled = !!fill || (lastCol + 1 < cols && !!style(r, lastCol + 1).fillColor);
      const belowFilled = !!fill || (lastRow + 1 < rows && !!style(lastRow + 1, c).fillColor);
      let width = 0;
      for (let k = c; k <= lastCol; k++) width += colWidths[k];
      let height = 0;
      for (let k = r; k <= lastRow; k++) height += rowHeights[k];
      const hAlign =
        st.horizontalAlignment === 'General'
          ? generalAlign(value)
          : (H_ALIGN[st.horizontalAlignment] ?? 'left');
      cells.push({
        address: formatRect({ row: r, col: c, rowCount: 1, colCount: 1 }),
        row: r,
        col: c,
        rowSpan,
        colSpan,
        width,
        height,
        text: model.text(sheet, r, c),
        fill,
        color: cf?.color ?? st.fontColor,
        fontFamily: fontStack(st.fontName),
        fontSize: Math.round(st.fontSize * PX_PER_PT * 10) / 10,
        bold: cf?.bold ?? st.fontBold,
        italic: cf?.italic ?? st.fontItalic,
        underline: st.fontUnderline !== 'None',
        strike: st.fontStrikethrough,
        hAlign,
        vAlign: V_ALIGN[st.verticalAlignment] ?? 'bottom',
        wrap: st.wrapText,
        indent: st.indentLevel,
        right: edgeBetween(
          topRight.borderRight,
          lastCol + 1 < cols ? style(r, lastCol + 1).borderLeft : undefined,
          rightFilled,
          gridlines,
        ),
        bottom: edgeBetween(
          bottomLeft.borderBottom,
          lastRow + 1 < rows ? style(lastRow + 1, c).borderTop : undefined,
          belowFilled,
          gridlines,
        ),
        top: r === 0 ? edgeOf(st.borderTop) : null,
        left: c === 0 ? edgeOf(st.borderLeft) : null,
        cfBorder: cf?.border ?? null,
        cf: cf !== null,
      });
    }
    out.push({ row: r, height: rowHeights[r], cells, key: '' });
  }
  for (const row of out) row.key = `${row.height}|${JSON.stringify(row.cells)}`;
  return {
    sheetId: sheet.id,
    sheetName: sheet.name,
    colWidths,
    rows: out,
    rowCount: rows,
    colCount: cols,
    merges,
  };
}

/**
 * Keeps the previous build's row objects where nothing changed, so memoised row components
 * skip re-rendering. Returns `next` with its rows replaced where possible.
 */
export function reuseRows(prev: SheetView | null, next: SheetView): SheetView {
  if (!prev || prev.sheetId !== next.sheetId) return next;
  let same =
    prev.rows.length === next.rows.length && prev.colWidths.join() === next.colWidths.join();
  const rows = next.rows.map((row, i) => {
    const old = prev.rows[i];
    if (old && old.key === row.key) return old;
    same = false;
    return row;
  });
  return same ? { ...next, rows: prev.rows, colWidths: prev.colWidths } : { ...next, rows };
}

/** The merged area containing a cell, or the cell itself (0-based). */
export function areaAt(view: Pick<SheetView, 'merges'>, row: number, col: number): Rect {
  return (
    view.merges.find(
      (m) => row >= m.row && row < m.row + m.rowCount && col >= m.col && col < m.col + m.colCount,
    ) ?? { row, col, rowCount: 1, colCount: 1 }
  );
}

export { columnName, formatRect };

/**
 * Queues the operations that paint a layout (or part of it) on a worksheet. Nothing here syncs:
 * callers decide where the round trips go.
 */
import { parseRange } from '../core/form/a1';
import { COLORS } from '../core/form/layout';
import type {
  ConditionalFormatSpec,
  Layout,
  LayoutCell,
  ListValidationSpec,
} from '../core/form/types';
import { MSG } from './messages';
import type { RawCell } from '../core/values/types';
import { formatGroups, paintPlan, withCells, type FormatGroup, type PaintPlan } from './paint-plan';

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
export const BORDER_COLOR = '#000000';

type Edge =
  'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

/** Sets all four edges (and the inside lines of a block) to a thin line. */
export function thinBorders(range: Excel.Range, address: string, color = BORDER_COLOR): void {
  const r = parseRange(address);
  const edges: Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
  if (r && r.bottom > r.top) edges.push('InsideHorizontal');
  if (r && r.right > r.left) edges.push('InsideVertical');
  for (const e of edges) {
    const b = range.format.borders.getItem(e);
    b.style = 'Continuous';
    b.weight = 'Thin';
    b.color = color;
  }
}

function applyGroup(sheet: Excel.Worksheet, g: FormatGroup): void {
  for (const a of g.ranges) {
    const range = sheet.getRange(a);
    const f = range.format;
    switch (g.prop) {
      case 'fontName':
        f.font.name = String(g.value);
        break;
      case 'fontSize':
        f.font.size = Number(g.value);
        break;
      case 'bold':
        f.font.bold = true;
        break;
      case 'fontColor':
        f.font.color = String(g.value);
        break;
      case 'fill':
        f.fill.color = String(g.value);
        break;
      case 'hAlign':
        f.horizontalAlignment = H_ALIGN[g.value as keyof typeof H_ALIGN];
        break;
      case 'vAlign':
        f.verticalAlignment = V_ALIGN[g.value as keyof typeof V_ALIGN];
        break;
      case 'wrap':
        f.wrapText = true;
        break;
      case 'border':
        thinBorders(range, a);
        break;
      case 'unlocked':
        f.protection.locked = false;
        break;
    }
  }
}

/** Paints cells (a new indicator row, a repaired area): formats, number formats, merges. */
export function queueCells(sheet: Excel.Worksheet, cells: LayoutCell[], merges: string[]): void {
  for (const g of formatGroups(cells)) applyGroup(sheet, g);
  for (const c of cells)
    if (c.style.numberFormat) sheet.getRange(c.address).numberFormat = [[c.style.numberFormat]];
  for (const m of merges) sheet.getRange(m).merge(false);
}

export function queueValidation(sheet: Excel.Worksheet, v: ListValidationSpec): void {
  const dv = sheet.getRange(v.range).dataValidation;
  dv.clear();
  dv.rule = { list: { inCellDropDown: true, source: v.choices.join(',') } };
  // A warning, not a stop: a value outside the list can still be typed (the checker explains it
  // and offers the nearest allowed value as a fix).
  const title = MSG.validationTitle();
  const message = MSG.validationMessage(v.choices);
  dv.errorAlert = {
    showAlert: true,
    style: 'Warning',
    title: title.zh,
    message: `${message.zh}\n${message.en}`,
  };
}

export function queueConditionalFormat(sheet: Excel.Worksheet, spec: ConditionalFormatSpec): void {
  const cf = sheet.getRange(spec.range).conditionalFormats.add('Custom');
  cf.custom.rule.formula = spec.formula;
  const fmt = cf.custom.format;
  if (spec.kind === 'error') {
    fmt.fill.color = COLORS.errorFill;
    fmt.font.color = COLORS.errorFont;
  } else if (spec.kind === 'warning') {
    fmt.fill.color = COLORS.warningFill;
    fmt.font.color = COLORS.warningFont;
  } else fmt.font.color = COLORS.repeatFont;
}

/**
 * Everything of a layout on an empty sheet, with `cells` (address → content) written in the same
 * value block when given (a filled form costs no more operations than an empty one). Returns the
 * plan (for the bench's op counts).
 */
export function queueLayout(
  sheet: Excel.Worksheet,
  layout: Layout,
  cells?: Map<string, RawCell>,
): PaintPlan {
  const plan = cells ? withCells(paintPlan(layout), cells) : paintPlan(layout);
  const block = sheet.getRange(plan.block);
  // Number formats first: a text format ('@') must be in place before content arrives.
  block.numberFormat = plan.numberFormats;
  block.formulas = plan.formulas;
  for (const g of plan.formats) applyGroup(sheet, g);
  for (const m of plan.merges) sheet.getRange(m).merge(false);
  for (const c of plan.columns)
    sheet.getRange(`${c.letter}:${c.letter}`).format.columnWidth = c.points;
  for (const h of plan.rowHeights) sheet.getRange(h.rows).format.rowHeight = h.height;
  for (const t of Object.values(layout.tables))
    sheet.getRange(`${t.firstRow}:${t.lastRow}`).format.autofitRows();
  for (const n of layout.names) sheet.names.add(n.name, sheet.getRange(n.ref), n.label);
  for (const v of layout.validations) queueValidation(sheet, v);
  for (const cf of layout.conditionalFormats) queueConditionalFormat(sheet, cf);

  const pl = sheet.pageLayout;
  pl.paperSize = 'A4';
  pl.orientation = layout.print.orientation === 'portrait' ? 'Portrait' : 'Landscape';
  pl.zoom = { horizontalFitToPages: layout.print.fitToWidth, verticalFitToPages: 0 };
  pl.centerHorizontally = true;
  pl.setPrintTitleRows(layout.print.repeatRows);
  pl.setPrintArea(layout.print.area);
  // Freeze the rows that also repeat on every printed page (title and year line).
  const titleRows = parseRange(`A${layout.print.repeatRows.split(':').pop()!.replace(/\$/g, '')}`);
  sheet.freezePanes.freezeRows(titleRows ? titleRows.top : 2);
  return plan;
}

/**
 * Writes forms as .xlsx with ExcelJS, exactly as the layout (src/core/form/layout.ts) says:
 * values, formulas (with their cached result where the layout knows it), merges, styles, column
 * widths and row heights, list rules, conditional formats and print setup. The form's names are
 * sheet-scoped, which ExcelJS's definedNames API cannot express (it has no localSheetId), so they
 * are added to xl/workbook.xml afterwards with JSZip.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { quoteSheet } from '../core/form/a1';
import { COLORS } from '../core/form/layout';
import type { CellStyle, ConditionalFormatSpec, Layout } from '../core/form/types';
import type { RawCell } from '../core/values/types';

export interface FormSheet {
  layout: Layout;
  /** Sheet name; the layout's suggestion by default. */
  sheetName?: string;
  /** Cell contents to write over the layout's (a filled form), by A1 address. */
  fill?: Map<string, RawCell>;
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
const PAPER_A4 = 9;

function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (s.fontName) font.name = s.fontName;
  if (s.fontSize) font.size = s.fontSize;
  if (s.bold) font.bold = true;
  if (s.fontColor) font.color = { argb: argb(s.fontColor) };
  if (Object.keys(font).length) style.font = font;
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.border) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin' };
    style.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (s.hAlign || s.vAlign || s.wrap) {
    style.alignment = {};
    if (s.hAlign) style.alignment.horizontal = s.hAlign;
    if (s.vAlign) style.alignment.vertical = s.vAlign;
    if (s.wrap) style.alignment.wrapText = true;
  }
  if (s.numberFormat) style.numFmt = s.numberFormat;
  if (s.locked !== undefined) style.protection = { locked: s.locked };
  return style;
}

function cfStyle(kind: ConditionalFormatSpec['kind']): Partial<ExcelJS.Style> {
  const paint = (fill: string, font: string): Partial<ExcelJS.Style> => ({
    font: { color: { argb: argb(font) } },
    fill: {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: argb(fill) },
      bgColor: { argb: argb(fill) },
    },
  });
  if (kind === 'error') return paint(COLORS.errorFill, COLORS.errorFont);
  if (kind === 'warning') return paint(COLORS.warningFill, COLORS.warningFont);
  return { font: { color: { argb: argb(COLORS.repeatFont) } } };
}

const noDollar = (a: string) => a.replace(/\$/g, '');

function cellValue(c: {
  value?: string | number | boolean | null;
  formula?: string;
  result?: string | number | boolean | null;
}): ExcelJS.CellValue {
  if (c.formula) {
    const result =
      c.result === null || c.result === undefined || c.result === '' ? undefined : c.result;
    return result === undefined
      ? { formula: c.formula.replace(/^=/, '') }
      : ({ formula: c.formula.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue);
  }
  if (c.value === undefined || c.value === null || c.value === '') return null;
  return c.value;
}

function paintSheet(wb: ExcelJS.Workbook, form: FormSheet, name: string): void {
  const { layout } = form;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: layout.print.orientation,
      fitToPage: true,
      fitToWidth: layout.print.fitToWidth,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    views: [{ showGridLines: false }],
  });
  for (const c of layout.columns) ws.getColumn(c.letter).width = c.width;
  for (const [row, h] of Object.entries(layout.rowHeights)) ws.getRow(Number(row)).height = h;

  const styles = new Map<CellStyle, Partial<ExcelJS.Style>>();
  for (const c of layout.cells) {
    let style = styles.get(c.style);
    if (!style) styles.set(c.style, (style = excelStyle(c.style)));
    const cell = ws.getCell(c.row, c.col);
    const fill = form.fill?.get(c.address);
    // A fresh style object per cell: ExcelJS's numFmt setter writes into the object it holds.
    cell.style = fill?.numberFormat ? { ...style, numFmt: fill.numberFormat } : { ...style };
    if (fill)
      cell.value = cellValue({ value: fill.value, formula: fill.formula, result: fill.value });
    else cell.value = cellValue({ value: c.value, formula: c.formula, result: c.text });
  }
  // Filled cells outside the layout (a user's notes beside the form) are written as they are.
  if (form.fill) {
    const inLayout = new Set(layout.cells.map((c) => c.address));
    for (const [address, raw] of form.fill) {
      if (inLayout.has(address)) continue;
      const cell = ws.getCell(address);
      cell.value = cellValue({ value: raw.value, formula: raw.formula, result: raw.value });
      if (raw.numberFormat) cell.numFmt = raw.numberFormat;
    }
  }
  for (const m of layout.merges) ws.mergeCellsWithoutStyle(m);

  for (const v of layout.validations)
    (
      ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add(noDollar(v.range), {
      type: 'list',
      allowBlank: true,
      formulae: [`"${v.choices.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '请从列表中选择 / Choose from the list',
      error: `可选：${v.choices.join('、')} / Allowed: ${v.choices.join(', ')}`,
    });
  layout.conditionalFormats.forEach((cf, i) =>
    ws.addConditionalFormatting({
      ref: noDollar(cf.range),
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [cf.formula.replace(/^=/, '')],
          style: cfStyle(cf.kind),
        },
      ],
    }),
  );
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Adds each form's names, scoped to its sheet, to xl/workbook.xml. */
async function addSheetScopedNames(
  buf: Buffer,
  forms: { layout: Layout; name: string }[],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const file = zip.file('xl/workbook.xml');
  if (!file) throw new Error('ExcelJS wrote no xl/workbook.xml');
  let xml = await file.async('string');
  const defs = forms
    .flatMap(({ layout, name }, sheetIndex) =>
      [
        // ExcelJS's own print names drop the row '$' ('$A1:$I88'); these are written whole.
        { name: '_xlnm.Print_Area', ref: layout.print.area },
        { name: '_xlnm.Print_Titles', ref: layout.print.repeatRows },
        ...layout.names,
      ].map(
        (n) =>
          `<definedName name="${escapeXml(n.name)}" localSheetId="${sheetIndex}">${escapeXml(
            `${quoteSheet(name)}!${n.ref}`,
          )}</definedName>`,
      ),
    )
    .join('');
  if (xml.includes('</definedNames>'))
    xml = xml.replace('</definedNames>', `${defs}</definedNames>`);
  else if (xml.includes('<definedNames/>'))
    xml = xml.replace('<definedNames/>', `<definedNames>${defs}</definedNames>`);
  else xml = xml.replace('</sheets>', `</sheets><definedNames>${defs}</definedNames>`);
  zip.file('xl/workbook.xml', xml);
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
}

/** Writes one workbook holding the given forms (one per sheet) and returns the .xlsx bytes. */
export async function writeForms(forms: FormSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'pgt';
  wb.calcProperties.fullCalcOnLoad = true;
  const used = new Set<string>();
  const named: { layout: Layout; name: string }[] = [];
  for (const form of forms) {
    let name = (form.sheetName ?? form.layout.sheetName).slice(0, 31);
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${name.slice(0, 28)}(${i})`;
    used.add(name.toLowerCase());
    paintSheet(wb, form, name);
    named.push({ layout: form.layout, name });
  }
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  return addSheetScopedNames(raw, named);
}

/** The empty form for one layout. */
export function writeTemplate(layout: Layout): Promise<Buffer> {
  return writeForms([{ layout }]);
}

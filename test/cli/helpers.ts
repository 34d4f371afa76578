/** Workbooks for the CLI tests: a clean form, the seed, forms without names, broken files. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { computeLayout } from '../../src/core/form/layout';
import type { Layout } from '../../src/core/form/types';
import type { RawCell } from '../../src/core/values/types';
import { writeForms, type FormSheet } from '../../src/xlsx/write';

/**
 * A small form filled in completely and consistently. With `percentFormat: false` the rates are
 * typed as plain 0.95 (a reviewer asks whether 95% was meant: warnings, no errors).
 */
export function cleanForm(percentFormat = true): FormSheet {
  const layout = computeLayout({ year: 2025, rows: { longTerm: 1, annual: 1 } });
  const fill = new Map<string, RawCell>();
  const at = Object.fromEntries(layout.names.map((n) => [n.name, n.ref.replace(/\$/g, '')]));
  const put = (name: string, value: string | number) => fill.set(at[name], { value });
  put('Dept_Name', '某某市商务局');
  put('Dept_Preparer', '王五');
  put('Dept_Phone', '027-60265422');
  put('Fund_Income_Fiscal_Current', 1000);
  put('Fund_Income_Fiscal_Prev2', 900);
  put('Fund_Income_Fiscal_Prev1', 950);
  put('Fund_Expense_Personnel_Current', 600);
  put('Fund_Expense_Personnel_Prev2', 500);
  put('Fund_Expense_Personnel_Prev1', 550);
  put('Fund_Expense_Operating_Current', 400);
  put('Fund_Expense_Operating_Prev2', 400);
  put('Fund_Expense_Operating_Prev1', 400);
  put('Text_Functions', '1.负责全市商务工作。');
  put('Text_AnnualTasks', '1.做好招商引资工作。');
  put('Text_LongTermGoals', '1.商务工作稳步发展。');
  put('Text_AnnualGoals', '1.完成年度招商任务。');
  const rate = (n: number): RawCell =>
    percentFormat ? { value: n, numberFormat: '0%' } : { value: n };
  const row = (t: Layout['tables']['annual'], values: Record<string, RawCell | string>) => {
    for (const c of t.columns) {
      const v = values[c.key];
      if (v !== undefined)
        fill.set(`${c.col}${t.firstRow}`, typeof v === 'string' ? { value: v } : v);
    }
  };
  const common = { level1: '管理效率', level2: '预算执行', level3: '预算执行率' };
  const tail = { basis: '计划标准', category: '绩效基本型' };
  row(layout.tables.longTerm, { ...common, target: rate(0.95), ...tail });
  row(layout.tables.annual, {
    ...common,
    prev2: rate(0.9),
    prev1: rate(0.92),
    target: rate(0.95),
    ...tail,
  });
  return { layout, fill };
}

/** Rewrites parts of an .xlsx. */
export async function editZip(
  buf: Buffer,
  edit: (files: Record<string, string>) => void,
  parts = ['xl/workbook.xml', 'xl/worksheets/sheet1.xml'],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const files: Record<string, string> = {};
  for (const p of parts) files[p] = await zip.file(p)!.async('string');
  edit(files);
  for (const p of parts) zip.file(p, files[p]);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The same workbook without the form's names (print names kept). */
export function withoutNames(buf: Buffer): Promise<Buffer> {
  return editZip(buf, (f) => {
    f['xl/workbook.xml'] = f['xl/workbook.xml'].replace(
      /<definedName name="(?!_xlnm)[^"]*"[^>]*>[^<]*<\/definedName>/g,
      '',
    );
  });
}

/** The layout moved right by `by` columns, without names, list rules or conditional formats. */
export function shiftedForm(form: FormSheet, by: number): FormSheet {
  const move = (a: string) =>
    a.replace(/([A-Z]+)(\d+)/g, (_m, c: string, r: string) => shiftCol(c, by) + r);
  const layout: Layout = {
    ...form.layout,
    cells: form.layout.cells.map((c) => ({
      ...c,
      address: move(c.address),
      col: c.col + by,
      // Formulas refer to cells that moved too.
      formula: c.formula ? move(c.formula.replace(/\$/g, '')) : undefined,
    })),
    merges: form.layout.merges.map(move),
    names: [],
    validations: [],
    conditionalFormats: [],
    columns: [
      { letter: 'A', width: 4 },
      ...form.layout.columns.map((c) => ({ ...c, letter: shiftCol(c.letter, by) })),
    ],
  };
  const fill = new Map<string, RawCell>();
  for (const [a, v] of form.fill ?? [])
    fill.set(move(a), v.formula ? { ...v, formula: move(v.formula.replace(/\$/g, '')) } : v);
  return { layout, fill, sheetName: form.sheetName };
}

export function shiftCol(letters: string, by: number): string {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  n += by;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A workbook with an ordinary sheet and no form. */
export async function plainWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('A1').value = '项目';
  ws.getCell('B1').value = 12;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An OLE compound file header, as .xls and encrypted workbooks start. */
export function compoundFile(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const dir = Buffer.alloc(128 * streamNames.length);
  streamNames.forEach((n, i) => Buffer.from(n, 'utf16le').copy(dir, i * 128));
  return Buffer.concat([header, dir, Buffer.alloc(1024)]);
}

/** Patches the uncompressed size a zip's central directory declares for one entry. */
export function declareSize(buf: Buffer, entry: string, size: number): Buffer {
  const out = Buffer.from(buf);
  const name = Buffer.from(entry);
  for (let p = out.length - 46; p >= 0; p--) {
    if (out.readUInt32LE(p) !== 0x02014b50) continue;
    const len = out.readUInt16LE(p + 28);
    if (len === name.length && out.subarray(p + 46, p + 46 + len).equals(name)) {
      out.writeUInt32LE(size, p + 24);
      return out;
    }
  }
  throw new Error(`no central directory entry ${entry}`);
}

export function writeOne(form: FormSheet): Promise<Buffer> {
  return writeForms([form]);
}

/**
 * A findings list as the add-in exports it beside the form (问题清单, its columns 序号 严重程度 部分
 * 单元格 规则 问题说明 建议修改): every section named in the 部分 column, most more than once, and
 * messages full of the form's labels — label words enough for any count of labels, yet no form.
 */
export function findingsListRows(formSheet: string): (string | number)[][] {
  // 严重程度 | 部分 | 单元格 | 规则 | 问题说明 | 建议修改
  const findings = [
    '错误|部门总体资金情况|E10|funding-total|部门总体资金情况：收入构成的合计不等于财政拨款、财政专户管理资金、单位资金之和|改为 1000',
    '警告|部门总体资金情况|F7|funding-share|部门总体资金情况：占比应为当年金额除以合计|',
    '错误|部门职能概述|B15|required|部门整体绩效目标表的“部门职能概述”未填写|',
    '错误|年度工作任务|B16|required|部门整体绩效目标表的“年度工作任务”未填写|',
    '提示|长期目标|B17|long-term-copied|长期目标：（截止2027年）与年度目标相同|',
    '错误|长期绩效指标|E19|required|长期绩效指标：一级指标“管理效率”下的指标值未填写|',
    '警告|长期绩效指标|H19|category-enum|长期绩效指标的指标分类应为绩效基本型或绩效创新型|改为 绩效创新型',
    '警告|年度目标|B21|target-appropriateness|年度目标与年度绩效指标不一致|',
    '错误|年度绩效指标|G24|required|年度绩效指标：预期当年实现值未填写|',
    '错误|年度绩效指标|I24|category-enum|年度绩效指标：指标分类“绩效创新性”不是可选值|改为 绩效创新型',
  ].map((line) => line.split('|'));
  return [
    ['序号', '严重程度', '部分', '单元格', '规则', '问题说明', '建议修改'],
    ...findings.map(([severity, section, cell, rule, message, fix], i) => [
      i + 1,
      severity,
      section,
      `${formSheet}!${cell}`,
      rule,
      message,
      fix,
    ]),
  ];
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Adds a sheet of plain values (numbers, inline strings) after the sheets of an .xlsx. */
export async function withPlainSheet(
  buf: Buffer,
  name: string,
  rows: (string | number)[][],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const part = 'worksheets/sheetPlain.xml';
  const edit = async (path: string, change: (xml: string) => string) =>
    zip.file(path, change(await zip.file(path)!.async('string')));
  await edit('xl/workbook.xml', (x) => {
    const ids = [...x.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
    const sheet = `<sheet name="${xmlText(name)}" sheetId="${Math.max(...ids) + 1}" r:id="rIdPlainSheet"/>`;
    return x.replace('</sheets>', `${sheet}</sheets>`);
  });
  await edit('xl/_rels/workbook.xml.rels', (x) =>
    x.replace(
      '</Relationships>',
      `<Relationship Id="rIdPlainSheet" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${part}"/></Relationships>`,
    ),
  );
  await edit('[Content_Types].xml', (x) =>
    x.replace(
      '</Types>',
      `<Override PartName="/xl/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
  );
  const cells = rows.map(
    (row, i) =>
      `<row r="${i + 1}">${row
        .map((v, j) => {
          const ref = `${String.fromCharCode(65 + j)}${i + 1}`;
          return typeof v === 'number'
            ? `<c r="${ref}"><v>${v}</v></c>`
            : `<c r="${ref}" t="inlineStr"><is><t>${xmlText(v)}</t></is></c>`;
        })
        .join('')}</row>`,
  );
  zip.file(
    `xl/${part}`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells.join('')}</sheetData></worksheet>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * `pgt template` and `pgt names`: the written workbook is the layout, read back by ExcelJS (an
 * independent reader) — values, formulas, merges, styles, sizes, list rules, conditional formats,
 * print setup — with the form's names scoped to its sheet.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { memoryIO } from '../../src/cli/io';
import { main, type NameEntry } from '../../src/cli/main';
import { displayWidth } from '../../src/cli/text';
import { computeLayout } from '../../src/core/form/layout';

jest.setTimeout(60_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pgt-template-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pgt(args: string[], now = new Date('2024-06-15T10:00:00')) {
  const io = memoryIO({ cwd: dir, now: () => now });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

describe('pgt template', () => {
  const layout = computeLayout({ year: 2025, common: true });
  let ws: ExcelJS.Worksheet;
  let workbookXml: string;

  beforeAll(async () => {
    const r = await pgt(['template', '-o', '目标表.xlsx', '--year', '2025', '--common']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已写入 目标表.xlsx：2025 年度部门整体绩效目标表');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '目标表.xlsx'));
    ws = wb.getWorksheet('绩效目标表2025')!;
    const zip = await JSZip.loadAsync(readFileSync(join(dir, '目标表.xlsx')));
    workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  });

  it('writes every value and formula of the layout, with the known results cached', () => {
    for (const c of layout.cells) {
      const v = ws.getCell(c.address).value;
      if (c.formula) {
        const f = v as ExcelJS.CellFormulaValue;
        expect({ a: c.address, formula: `=${f.formula}` }).toEqual({
          a: c.address,
          formula: c.formula,
        });
        if (c.text)
          expect({ a: c.address, result: f.result }).toEqual({ a: c.address, result: c.text });
      } else if (c.value !== undefined) {
        const master = ws.getCell(c.address).master.address;
        expect({ a: c.address, v: ws.getCell(master).value }).toEqual({ a: c.address, v: c.value });
      }
    }
    expect(ws.getCell('H6').value).toEqual({ formula: '$B$2-2&"年"', result: '2023年' });
    expect(ws.getCell('B2').value).toBe(2025);
  });

  it('merges, styles, widths and heights as the layout says', () => {
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect([...merges].sort()).toEqual([...layout.merges].sort());
    for (const c of layout.cells) {
      const cell = ws.getCell(c.address);
      const s = c.style;
      const got = {
        a: c.address,
        bold: Boolean(cell.font?.bold),
        size: cell.font?.size,
        name: cell.font?.name,
        fill: (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb,
        h: cell.alignment?.horizontal,
        v: cell.alignment?.vertical,
        wrap: Boolean(cell.alignment?.wrapText),
        numFmt: cell.numFmt || undefined,
        border: cell.border?.top?.style,
        locked: cell.protection?.locked ?? true,
      };
      expect(got).toEqual({
        a: c.address,
        bold: Boolean(s.bold),
        size: s.fontSize,
        name: s.fontName,
        fill: s.fill ? argb(s.fill) : undefined,
        h: s.hAlign,
        v: s.vAlign,
        wrap: Boolean(s.wrap),
        numFmt: s.numberFormat,
        border: s.border ? 'thin' : undefined,
        // Locked is Excel's default: only unlocked input cells carry a protection record.
        locked: s.locked ?? true,
      });
    }
    for (const col of layout.columns) expect(ws.getColumn(col.letter).width).toBe(col.width);
    for (const [row, h] of Object.entries(layout.rowHeights))
      expect(ws.getRow(Number(row)).height).toBe(h);
  });

  it('names are scoped to the sheet (localSheetId), with print area and titles', () => {
    const names = [
      ...workbookXml.matchAll(
        /<definedName name="([^"]+)" localSheetId="(\d+)">([^<]*)<\/definedName>/g,
      ),
    ].map((m) => ({ name: m[1], scope: m[2], ref: m[3].replace(/&apos;|'/g, "'") }));
    for (const n of layout.names)
      expect(names).toContainEqual({ name: n.name, scope: '0', ref: `'绩效目标表2025'!${n.ref}` });
    expect(names).toContainEqual({
      name: '_xlnm.Print_Area',
      scope: '0',
      ref: `'绩效目标表2025'!${layout.print.area}`,
    });
    expect(names).toContainEqual({
      name: '_xlnm.Print_Titles',
      scope: '0',
      ref: "'绩效目标表2025'!$1:$2",
    });
    // No workbook-wide copies of the form's names.
    expect(workbookXml).not.toMatch(/<definedName name="BudgetYear">/);
    expect(workbookXml).toContain('fullCalcOnLoad="1"');
  });

  it('list rules, conditional formats and print setup', () => {
    const dv = (
      ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    // ExcelJS reads a rule back cell by cell: check the first and last cell of each range.
    for (const v of layout.validations)
      for (const a of v.range.replace(/\$/g, '').split(':')) {
        const rule = dv[a];
        expect({ a, type: rule?.type, list: rule?.formulae }).toEqual({
          a,
          type: 'list',
          list: [`"${v.choices.join(',')}"`],
        });
      }
    // ExcelJS reads conditional formats back but its typings do not declare the property.
    const cfs = (
      ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
    ).conditionalFormattings;
    expect(cfs).toHaveLength(layout.conditionalFormats.length);
    layout.conditionalFormats.forEach((cf, i) => {
      const rule = cfs[i].rules[0] as ExcelJS.ExpressionRuleType;
      expect({ ref: cfs[i].ref, type: rule.type, formula: rule.formulae?.[0] }).toEqual({
        ref: cf.range.replace(/\$/g, ''),
        type: 'expression',
        formula: cf.formula.slice(1),
      });
    });
    const errorRule = cfs.find((c) => c.ref === 'E10')!.rules[0] as ExcelJS.ExpressionRuleType;
    expect((errorRule.style?.fill as ExcelJS.FillPattern).bgColor?.argb).toBe('FFF8D7DA');
    const p = ws.pageSetup;
    expect({
      paper: p.paperSize,
      o: p.orientation,
      fit: p.fitToPage,
      w: p.fitToWidth,
      h: p.fitToHeight,
    }).toEqual({
      paper: 9,
      o: 'portrait',
      fit: true,
      w: 1,
      h: 0,
    });
  });

  it('refuses to overwrite without --force, and overwrites with it', async () => {
    const path = join(dir, 'keep.xlsx');
    writeFileSync(path, 'my own work');
    const r = await pgt(['template', '-o', 'keep.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('文件已存在：keep.xlsx；如需覆盖请加 --force');
    expect(readFileSync(path, 'utf8')).toBe('my own work');
    const f = await pgt(['template', '-o', 'keep.xlsx', '--force']);
    expect(f.code).toBe(0);
    expect(statSync(path).size).toBeGreaterThan(5000);
  });

  it('defaults to next year', async () => {
    const r = await pgt(['template', '-o', 'next.xlsx'], new Date('2030-03-01T12:00:00'));
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'next.xlsx'));
    expect(wb.worksheets[0].name).toBe('绩效目标表2031');
    expect(wb.worksheets[0].getCell('B2').value).toBe(2031);
  });

  it('bad arguments exit 2 and write nothing', async () => {
    for (const args of [
      ['template'],
      ['template', '-o', 'x.xls'],
      ['template', '-o', 'y.xlsx', '--year', '25'],
      ['template', '-o', 'z.xlsx', '--year', 'next'],
      ['template', '-o', 'w.xlsx', 'extra'],
    ]) {
      const r = await pgt(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.err).toMatch(/\n.*[A-Za-z]/);
    }
    expect(existsSync(join(dir, 'y.xlsx'))).toBe(false);
    expect((await pgt(['nonsense'])).code).toBe(2);
  });
});

describe('pgt names', () => {
  it('--json: every name with its address and Chinese label; tables with their columns', async () => {
    const r = await pgt(['names', '--year', '2025', '--json']);
    expect(r.code).toBe(0);
    const names = JSON.parse(r.out) as NameEntry[];
    const layout = computeLayout({ year: 2025 });
    expect(names.map((n) => n.name)).toEqual(layout.names.map((n) => n.name));
    expect(names).toContainEqual(
      expect.objectContaining({
        name: 'Fund_Income_Fiscal_Current',
        address: 'E7',
        label: '部门总体资金情况/收入构成/财政拨款/当年金额',
      }),
    );
    const annual = names.find((n) => n.name === 'Annual_Indicators')!;
    expect(annual.address).toBe(
      `B${layout.tables.annual.firstRow}:I${layout.tables.annual.lastRow}`,
    );
    expect(annual.columns!.map((c) => c.header)).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '2023年',
      '2024年',
      '预期当年实现值',
      '指标值确定依据',
      '指标分类',
    ]);
    expect(annual.columns!.map((c) => c.column)).toEqual(['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
    const longTerm = names.find((n) => n.name === 'LongTerm_Indicators')!;
    expect(longTerm.columns!.find((c) => c.key === 'target')).toEqual(
      expect.objectContaining({ header: '指标值', column: 'E' }),
    );
  });

  it('prints an aligned table in Chinese (English with --lang en)', async () => {
    const r = await pgt(['names', '--year', '2025']);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('2025 年度绩效目标表的名称（均为工作表级名称）');
    expect(lines[1]).toMatch(/^名称 +单元格 +标签$/);
    // The label column starts at the same display column on every row.
    const labelCol = (l: string, label: string) => displayWidth(l.slice(0, l.lastIndexOf(label)));
    const start = labelCol(lines[1], '标签');
    const row = lines.find((l) => l.startsWith('Fund_Income_Fiscal_Current'))!;
    expect(labelCol(row, '部门总体资金情况/收入构成/财政拨款/当年金额')).toBe(start);
    expect(r.out).toContain('列：B 一级指标，C 二级指标，D 三级指标，E 2023年');
    const en = await pgt(['names', '--year', '2025', '--lang', 'en']);
    expect(en.out).toMatch(/^Name +Cell +Label$/m);
    expect(en.out).toContain('Overall funding/Income/Fiscal appropriation/Budget year amount');
  });

  it('--common sizes the tables for the common indicators', async () => {
    const plain = JSON.parse((await pgt(['names', '--json', '--year', '2025'])).out) as NameEntry[];
    const common = JSON.parse(
      (await pgt(['names', '--json', '--year', '2025', '--common'])).out,
    ) as NameEntry[];
    const rows = (ns: NameEntry[]) => {
      const [a, b] = ns.find((n) => n.name === 'LongTerm_Indicators')!.address.split(':');
      return Number(b.slice(1)) - Number(a.slice(1)) + 1;
    };
    expect(rows(plain)).toBe(8);
    expect(rows(common)).toBeGreaterThan(30);
  });
});

describe('help and version', () => {
  it('prints usage with --help (exit 0) and without a command (exit 2)', async () => {
    const help = await pgt(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('pgt check FILE|DIR...');
    const none = await pgt([]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('用法 / Usage');
    expect((await pgt(['--version'])).out).toMatch(/^pgt \d+\.\d+\.\d+\n$/);
  });
});

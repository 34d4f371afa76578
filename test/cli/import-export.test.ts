/**
 * `pgt import`, `pgt roll` and `pgt export` in-process: the seed's Word text imported into a fresh
 * form (every value in its named cell, checked like the original), a table pasted from Word into
 * Excel imported by its labels, the import rolled forward from 2024 to 2025 and exported as JSON
 * and CSV, dry runs that write nothing, and sources that cannot be imported.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { memoryIO } from '../../src/cli/io';
import { decodeText } from '../../src/cli/import';
import { main } from '../../src/cli/main';
import { displayWidth } from '../../src/cli/text';
import { computeLayout } from '../../src/core/form/layout';
import type { IndicatorTableId } from '../../src/core/form/types';
import { excelTypedValue } from '../../src/core/import/excel-input';
import { importRows } from '../../src/core/import/from-rows';
import { parseWordTableText } from '../../src/core/import/word-text';
import { inputFieldNames } from '../../src/core/transfer/form-values';
import { checkForm } from '../../src/core/rules/catalogue';
import type { ExportedForm } from '../../src/core/transfer/export';
import type { RawCell } from '../../src/core/values/types';
import { readWorkbook, splitRef, type CellData } from '../../src/xlsx/read';
import { writeForms } from '../../src/xlsx/write';
import { SEED_PATH, seedSnapshot, seedText } from '../fixtures/seed';
import { cleanForm, findingsListRows, plainWorkbook, withPlainSheet } from './helpers';
import { seedFormSheet } from './seed-workbook';

jest.setTimeout(120_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pgt-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pgt(...args: string[]) {
  const io = memoryIO({ cwd: dir });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

const at = (f: string) => join(dir, f);
const sha = (f: string) =>
  createHash('sha256')
    .update(readFileSync(at(f)))
    .digest('hex');

/** A workbook read back with the reader: the first sheet's cells by the form's names. */
function readByNames(file: string) {
  const wb = readWorkbook(readFileSync(at(file)));
  const sheet = wb.sheets[0];
  const refs: Record<string, string> = {};
  for (const n of wb.names)
    if (n.localSheetId === 0 && !n.name.startsWith('_xlnm')) refs[n.name] = splitRef(n.ref).range;
  const cell = (name: string): CellData | undefined => sheet.cells.get(refs[name]);
  /** Body cell of an indicator table: row i (0-based), by column letter. */
  const tableCell = (name: string, i: number, col: string) =>
    sheet.cells.get(`${col}${Number(/\d+/.exec(refs[name])![0]) + i}`);
  return { wb, sheet, refs, cell, tableCell };
}

/** The cell must hold what Excel stores for the typed text (value; format when the text has one). */
function expectTyped(actual: RawCell | undefined, text: string, where: string) {
  const want = excelTypedValue(text);
  const got = { where, value: actual?.value ?? null };
  expect(got).toEqual({ where, value: want.value });
  if (want.numberFormat)
    expect({ where, fmt: actual?.numberFormat }).toEqual({ where, fmt: want.numberFormat });
}

/** Column letters of the indicator tables' body columns (the same for every year and size). */
const COLUMNS = computeLayout({ year: 2024 }).tables;

describe('pgt import: the seed’s Word text', () => {
  const res = importRows(parseWordTableText(seedText()));
  let run: Awaited<ReturnType<typeof pgt>>;

  beforeAll(async () => {
    run = await pgt('import', SEED_PATH, '-o', 'seed-2024.xlsx');
  });

  it('shows what it matched, and where, before it writes', () => {
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    const lines = run.out.split('\n');
    expect(lines[1]).toBe('预算年度：2024（从来源中识别）');
    expect(run.out).toContain('找到 41 项，全部找到：');
    // field → line of the text file where its value is, → the value as it will be stored.
    const row = (label: string) => lines.find((l) => l.trimStart().startsWith(`${label} `))!;
    expect(row('部门（单位）名称')).toMatch(
      /^ {2}部门（单位）名称 +第 5 行 +“\u3000鄂州市商务局”$/,
    );
    expect(row('收入构成/财政拨款/当年金额')).toMatch(/第 30 行 +“\u30008167\.74”$/);
    expect(row('支出构成/人员类项目支出/当年金额')).toMatch(/第 63 行 +1546\.73$/);
    expect(row('支出构成/运转类项目支出/占比')).toMatch(/第 72 行 +3\.04%$/);
    expect(row('收入构成/财政专户管理资金/当年金额')).toMatch(/第 38 行 +（空）$/);
    expect(row('长期绩效指标')).toMatch(/第 115 行 +40 行$/);
    expect(row('年度绩效指标')).toMatch(/第 454 行 +40 行$/);
    // The source column starts at the same display offset on every row.
    const table = lines.slice(lines.indexOf('找到 41 项，全部找到：') + 1).slice(0, 42);
    const offsets = new Set(
      table.map((l) => displayWidth(l.slice(0, l.search(/第 \d+ 行|来源位置/)))),
    );
    expect(offsets.size).toBe(1);
    expect(run.out).toContain(
      '以文本形式存储的数字（带全角空格等，Excel 求和时会忽略；pgt check 会逐个提示转换）：E7、G7、H7、I7、E10、H10、I10、G11、H11、I11、E13、G13、H13、I13、E14、H14、I14',
    );
    expect(run.out.indexOf('全部找到')).toBeLessThan(run.out.indexOf('已写入 seed-2024.xlsx'));
  });

  it('puts every value in its named cell, stored as Excel stores typed text', () => {
    const { cell, tableCell } = readByNames('seed-2024.xlsx');
    expect(cell('BudgetYear')?.value).toBe(2024);
    const names = Object.keys(res.fields);
    expect(names).toHaveLength(3 + 32 + 4);
    for (const name of names) expectTyped(cell(name), res.fields[name], name);
    // Spot checks of what that means.
    expect(cell('Dept_Name')?.value).toBe('\u3000鄂州市商务局');
    expect(cell('Fund_Income_Fiscal_Current')?.value).toBe('\u30008167.74');
    expect(cell('Fund_Expense_Personnel_Current')?.value).toBe(1546.73);
    expect(cell('Fund_Expense_Operating_Share')).toMatchObject({
      value: 0.0304,
      numberFormat: '0.00%',
    });
    expect(cell('Fund_Income_Total_Current')).toMatchObject({ value: '8167.74\u3000' });
    expect(cell('Fund_Income_Total_Current')?.formula).toBeUndefined();
    for (const id of ['longTerm', 'annual'] as IndicatorTableId[]) {
      const name = id === 'longTerm' ? 'LongTerm_Indicators' : 'Annual_Indicators';
      expect(res.tables[id]).toHaveLength(40);
      res.tables[id].forEach((row, i) => {
        for (const c of COLUMNS[id].columns) {
          const text = row[c.key];
          const got = tableCell(name, i, c.col);
          if (text === undefined)
            expect({ at: `${id}/${i}/${c.key}`, v: got?.value ?? null }).toEqual({
              at: `${id}/${i}/${c.key}`,
              v: null,
            });
          else expectTyped(got, text, `${id}/${i}/${c.key}`);
        }
      });
    }
    expect(tableCell('Annual_Indicators', 38, 'D')?.value).toBe('消费券使用客户满意度');
    expect(tableCell('Annual_Indicators', 38, 'G')).toMatchObject({
      value: 0.85,
      numberFormat: '0%',
    });
    expect(tableCell('LongTerm_Indicators', 0, 'E')).toMatchObject({
      value: 0.8886,
      numberFormat: '0.00%',
    });
  });

  it('checks exactly like the original: pgt check reports checkForm’s findings on the seed', async () => {
    const r = await pgt('check', 'seed-2024.xlsx', '--format', 'json');
    const got = (JSON.parse(r.out) as { ruleId: string; cells: string[] }[]).map(
      (f) => `${f.ruleId} ${f.cells.join(',')}`,
    );
    const want = checkForm(seedSnapshot()).map((f) => `${f.ruleId} ${f.cells.join(',')}`);
    expect(want.length).toBeGreaterThan(10);
    expect(got).toEqual(want);
    expect(got).toContain('number-stored-as-text E7');
    expect(got.some((g) => g.startsWith('category-enum '))).toBe(true);
    expect(r.code).toBe(1);
  });

  it('with --formulas leaves the totals and shares to the template’s formulas', async () => {
    const r = await pgt('import', SEED_PATH, '-o', 'seed-formulas.xlsx', '--formulas');
    expect(r.code).toBe(0);
    expect(r.out).toContain('合计和占比由模板公式计算，来源中填写的值没有导入。');
    expect(r.out).toMatch(/收入构成\/合计\/当年金额 +第 54 行 +（由公式计算）/);
    const { cell } = readByNames('seed-formulas.xlsx');
    expect(cell('Fund_Income_Total_Current')?.formula).toBe('=SUM(E7:E9)');
    expect(cell('Fund_Expense_Personnel_Share')?.formula).toMatch(/^=IF\(/);
    expect(cell('Fund_Expense_Personnel_Current')?.value).toBe(1546.73);
  });

  it('imports its own output again (an .xlsx source) to the same cells', async () => {
    const r = await pgt('import', 'seed-2024.xlsx', '-o', 'seed-again.xlsx');
    expect(r.code).toBe(0);
    expect(r.out).toContain('来源：seed-2024.xlsx，工作表“绩效目标表2024”');
    expect(r.out).toContain('找到 41 项，全部找到：');
    expect(r.out).toMatch(/收入构成\/财政拨款\/当年金额 +E7 +“\u30008167\.74”/);
    const a = readByNames('seed-2024.xlsx');
    const b = readByNames('seed-again.xlsx');
    expect(Object.keys(b.refs).sort()).toEqual(Object.keys(a.refs).sort());
    for (const [name, ref] of Object.entries(a.refs)) {
      if (ref.includes(':')) continue;
      expect({ name, value: b.cell(name)?.value ?? null }).toEqual({
        name,
        value: a.cell(name)?.value ?? null,
      });
    }
    // Every cell of the sheet, the indicator tables included.
    expect(b.sheet.cells.size).toBe(a.sheet.cells.size);
    for (const [address, c] of a.sheet.cells)
      expect({ address, value: b.sheet.cells.get(address)?.value }).toEqual({
        address,
        value: c.value,
      });
  });
});

/**
 * A table copied from Word and pasted into Excel, as Excel lays it out: merged cells where Word's
 * cells span rows or columns, labels with their line breaks, columns other than the template's
 * (the item labels in C, amounts in merged D:E, history in G:H and I), numbers Excel converted on
 * paste, a U+3000-wrapped number left as text.
 */
async function wordPastedWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  const put = (range: string, value: ExcelJS.CellValue, numFmt?: string) => {
    const first = range.split(':')[0];
    if (range.includes(':')) ws.mergeCells(range);
    const c = ws.getCell(first);
    c.value = value;
    if (numFmt) c.numFmt = numFmt;
    c.alignment = { wrapText: true, vertical: 'middle' };
  };
  put('A1:I1', '部门整体绩效目标表');
  put('A2:I2', '单位：万元');
  put('A3', '部门（单位）\n名称');
  put('B3:I3', '黄石市文化和旅游局');
  put('A4', '填报人');
  put('B4:C4', '李四');
  put('D4', '联系\n电话');
  put('E4:I4', '0714-6251234');
  put('A5:A14', '部门总体\n资金情况');
  put('B5:C6', '总体资金情况');
  put('D5:E6', '当年金额');
  put('F5:F6', '占比');
  put('G5:I5', '近两年收支\n金额');
  put('G6:H6', '2023年');
  put('I6', '2024年');
  const money = (
    row: number,
    label: string,
    cur: ExcelJS.CellValue,
    share: ExcelJS.CellValue,
    p2: ExcelJS.CellValue,
    p1: ExcelJS.CellValue,
  ) => {
    put(`C${row}`, label);
    put(`D${row}:E${row}`, cur);
    put(`F${row}`, share, typeof share === 'number' ? '0.00%' : undefined);
    put(`G${row}:H${row}`, p2);
    put(`I${row}`, p1);
  };
  put('B7:B10', '收入\n构成');
  money(7, '财政拨款', 1200.5, 0.9, 1100, 1150);
  money(8, '财政专户\n管理资金', null, null, null, null);
  money(9, '单位资金', '\u3000133.39', 0.1, 100, 110);
  money(10, '合  计', 1333.89, 1, 1200, 1260);
  put('B11:B14', '支出\n构成');
  money(11, '人员类\n项目支出', 700, 0.5248, 650, 680);
  money(12, '运转类项目支出', 133.89, 0.1004, 150, 140);
  money(13, '特定目标类项目支出', 500, 0.3748, 400, 440);
  money(14, '合  计', 1333.89, 1, 1200, 1260);
  put('A15', '部门职能\n概述');
  put('B15:I15', '1.负责全市文化和旅游工作。\n2.组织文化活动。');
  put('A16', '年度工作\n任务');
  put('B16:I16', '1.接待游客增长8%。');
  put('A17', '长期目标：\n（截止2027年）');
  put('B17:I17', '1.文化旅游稳步发展。');
  put('A18:A21', '长期绩\n效指标');
  put('B18', '一级\n指标');
  put('C18', '二级\n指标');
  put('D18', '三级指标');
  put('E18:G18', '指标值');
  put('H18', '指标值确定\n依据');
  put('I18', '指标\n分类');
  put('B19:B20', '运行\n成本');
  put('C19', '公用经费控制');
  put('D19', '公用经费控制率');
  put('E19:G19', '≤90%');
  put('H19', '计划标准');
  put('I19', '绩效基本型');
  put('C20', '在职人员控制');
  put('D20', '在职人员控制率');
  put('E20:G20', 1, '0%');
  put('H20', '计划标准');
  put('I20', '绩效基本型');
  put('B21', '履职效能');
  put('C21', '核心业务产出1');
  put('D21', '实现旅游综合收入亿元');
  put('E21:G21', '150亿元');
  put('H21', '历史标准');
  put('I21', '绩效创新型');
  put('A22', '年度目标：');
  put('B22:I22', '1.全年接待游客1800万人次。');
  put('A23:A28', '年度绩\n效指标');
  put('B23:B25', '一级指标');
  put('C23:C25', '二级指标');
  put('D23:D25', '三级指标');
  put('E23:G23', '指标值');
  put('E24:F24', '近两年指标值');
  put('G24:G25', '预期当年\n实现值');
  put('E25', '2023年');
  put('F25', '2024年');
  put('H23:H25', '指标值确定依据');
  put('I23:I25', '指标分类');
  const row = (r: number, cells: ExcelJS.CellValue[]) =>
    cells.forEach((v, i) => {
      if (v !== undefined) put(`${String.fromCharCode(66 + i)}${r}`, v);
    });
  put('B26:B27', '管理\n效率');
  row(26, [undefined, '预算执行', '预算执行率', 0.95, 0.96, '≥95%', '计划标准', '绩效基本型']);
  ws.getCell('E26').numFmt = '0%';
  ws.getCell('F26').numFmt = '0%';
  row(27, [
    undefined,
    '财务管理',
    '财务管理制度健全性',
    '健全',
    '健全',
    '健全',
    '计划标准',
    '绩效基本型',
  ]);
  row(28, [
    '满意度',
    '服务对象满意度',
    '游客满意度',
    0.9,
    0.92,
    '不低于90%',
    '计划标准',
    '绩效基本型',
  ]);
  ws.getCell('E28').numFmt = '0%';
  ws.getCell('F28').numFmt = '0%';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('pgt import: a table pasted from Word into Excel', () => {
  let run: Awaited<ReturnType<typeof pgt>>;
  beforeAll(async () => {
    writeFileSync(at('pasted.xlsx'), await wordPastedWorkbook());
    run = await pgt('import', 'pasted.xlsx', '-o', 'pasted-form.xlsx');
  });

  it('finds every field by its label, reporting the source cells', () => {
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('来源：pasted.xlsx，工作表“Sheet1”');
    expect(run.out).toContain('预算年度：2025（从来源中识别）');
    expect(run.out).toContain('找到 41 项，全部找到：');
    expect(run.out).not.toContain('未找到');
    const line = (label: string) =>
      run.out.split('\n').find((l) => l.trimStart().startsWith(`${label} `))!;
    expect(line('部门（单位）名称')).toMatch(/ B3 +黄石市文化和旅游局$/);
    expect(line('联系电话')).toMatch(/ E4 +0714-6251234$/);
    expect(line('收入构成/财政拨款/当年金额')).toMatch(/ D7 +1200\.5$/);
    expect(line('收入构成/财政拨款/占比')).toMatch(/ F7 +90%$/);
    expect(line('收入构成/财政拨款/2023年金额')).toMatch(/ G7 +1100$/);
    expect(line('收入构成/财政拨款/2024年金额')).toMatch(/ I7 +1150$/);
    expect(line('支出构成/人员类项目支出/当年金额')).toMatch(/ D11 +700$/);
    expect(line('部门职能概述')).toMatch(/ B15 +1\.负责全市文化和旅游工作。 2\.组织文…$/);
    expect(line('长期绩效指标')).toMatch(/ A18 +3 行$/);
    expect(line('年度绩效指标')).toMatch(/ A23 +3 行$/);
    expect(run.out).toContain(
      '以文本形式存储的数字（带全角空格等，Excel 求和时会忽略；pgt check 会逐个提示转换）：E9\n',
    );
  });

  it('fills the fresh template field by field', () => {
    const { cell, tableCell } = readByNames('pasted-form.xlsx');
    expect(cell('BudgetYear')?.value).toBe(2025);
    const want: Record<string, RawCell['value']> = {
      Dept_Name: '黄石市文化和旅游局',
      Dept_Preparer: '李四',
      Dept_Phone: '0714-6251234',
      Fund_Income_Fiscal_Current: 1200.5,
      Fund_Income_Fiscal_Share: 0.9,
      Fund_Income_Fiscal_Prev2: 1100,
      Fund_Income_Fiscal_Prev1: 1150,
      Fund_Income_SpecialAccount_Current: null,
      Fund_Income_Own_Current: '\u3000133.39',
      Fund_Income_Own_Prev1: 110,
      Fund_Income_Total_Current: 1333.89,
      Fund_Expense_Personnel_Current: 700,
      Fund_Expense_Personnel_Share: 0.5248,
      Fund_Expense_Operating_Current: 133.89,
      Fund_Expense_Targeted_Prev2: 400,
      Fund_Expense_Total_Prev1: 1260,
      Text_Functions: '1.负责全市文化和旅游工作。\n2.组织文化活动。',
      Text_AnnualTasks: '1.接待游客增长8%。',
      Text_LongTermGoals: '1.文化旅游稳步发展。',
      Text_AnnualGoals: '1.全年接待游客1800万人次。',
    };
    for (const [name, value] of Object.entries(want))
      expect({ name, value: cell(name)?.value ?? null }).toEqual({ name, value });
    expect(cell('Fund_Expense_Personnel_Share')?.numberFormat).toBe('0.00%');

    const lt = (i: number, col: string) => tableCell('LongTerm_Indicators', i, col)?.value ?? null;
    expect([lt(0, 'B'), lt(0, 'C'), lt(0, 'D'), lt(0, 'E'), lt(0, 'H'), lt(0, 'I')]).toEqual([
      '运行\n成本',
      '公用经费控制',
      '公用经费控制率',
      '≤90%',
      '计划标准',
      '绩效基本型',
    ]);
    expect([lt(1, 'B'), lt(1, 'D'), lt(1, 'E')]).toEqual([null, '在职人员控制率', 1]);
    expect(tableCell('LongTerm_Indicators', 1, 'E')?.numberFormat).toBe('0%');
    expect([lt(2, 'B'), lt(2, 'C'), lt(2, 'E'), lt(2, 'H'), lt(2, 'I')]).toEqual([
      '履职效能',
      '核心业务产出1',
      '150亿元',
      '历史标准',
      '绩效创新型',
    ]);
    const an = (i: number) =>
      ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map(
        (c) => tableCell('Annual_Indicators', i, c)?.value ?? null,
      );
    expect(an(0)).toEqual([
      '管理\n效率',
      '预算执行',
      '预算执行率',
      0.95,
      0.96,
      '≥95%',
      '计划标准',
      '绩效基本型',
    ]);
    expect(an(1)).toEqual([
      null,
      '财务管理',
      '财务管理制度健全性',
      '健全',
      '健全',
      '健全',
      '计划标准',
      '绩效基本型',
    ]);
    expect(an(2)).toEqual([
      '满意度',
      '服务对象满意度',
      '游客满意度',
      0.9,
      0.92,
      '不低于90%',
      '计划标准',
      '绩效基本型',
    ]);
  });

  it('exports the imported form with each value split into operator, number and unit', async () => {
    const r = await pgt('export', 'pasted-form.xlsx');
    expect(r.code).toBe(0);
    const e = JSON.parse(r.out) as ExportedForm & { sheet: string };
    expect(e.sheet).toBe('绩效目标表2025');
    expect(e.department).toEqual({
      name: '黄石市文化和旅游局',
      preparer: '李四',
      phone: '0714-6251234',
    });
    const [ltCost, ltStaff, ltVisitors, budget, finance, satisfaction] = e.indicators;
    expect(ltCost).toMatchObject({
      table: 'longTerm',
      level1: '运行成本',
      level3: '公用经费控制率',
    });
    expect(ltCost.values.target).toMatchObject({ operator: '≤', number: 90, unit: '%' });
    expect(ltStaff).toMatchObject({ level1: '运行成本', level2: '在职人员控制' });
    expect(ltStaff.values.target).toMatchObject({ operator: '＝', number: 100, unit: '%' });
    expect(ltVisitors.values.target).toMatchObject({
      operator: '＝',
      number: 150,
      unit: '亿元',
    });
    expect(budget.values).toMatchObject({
      prev2: { operator: '＝', number: 95, unit: '%' },
      prev1: { operator: '＝', number: 96, unit: '%' },
      target: { text: '≥95%', operator: '≥', number: 95, unit: '%' },
    });
    expect(finance).toMatchObject({ level1: '管理效率', level2: '财务管理' });
    expect(finance.values.target).toMatchObject({
      operator: '定性',
      number: null,
      unit: '',
      text: '健全',
    });
    expect(satisfaction.values.target).toMatchObject({ operator: '≥', number: 90, unit: '%' });
  });
});

/**
 * A template written by `pgt template` (merged cells, as the add-in inserts it) filled in by its
 * names, the way a person fills it in Excel: 填报人 left empty, notes typed right of the form in
 * column J (which a row's last cells would pick up), percentages typed into the tables.
 */
describe('pgt import: a template filled in by its names', () => {
  const layout = computeLayout({ year: 2025, common: true });
  const inputs = inputFieldNames(layout);
  let run: Awaited<ReturnType<typeof pgt>>;

  beforeAll(async () => {
    expect((await pgt('template', '-o', 'blank.xlsx', '--year', '2025', '--common')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    const blank = readFileSync(at('blank.xlsx'));
    await wb.xlsx.load(blank.buffer.slice(blank.byteOffset, blank.byteOffset + blank.length));
    const ws = wb.worksheets[0];
    const cellOf = (name: string) => {
      const ref = wb.definedNames.getRanges(name).ranges[0];
      expect({ name, ref }).toEqual({ name, ref: expect.stringContaining('!') });
      return ws.getCell(ref.split('!')[1].replace(/\$/g, '').split(':')[0]);
    };
    const put = (name: string, value: ExcelJS.CellValue, numFmt?: string) => {
      const c = cellOf(name);
      c.value = value;
      if (numFmt) c.numFmt = numFmt;
    };
    put('Dept_Name', '黄石市商务局');
    put('Dept_Phone', '0714-6251234');
    put('Fund_Income_Fiscal_Current', 1200.5);
    put('Fund_Income_Fiscal_Prev2', 1100);
    put('Fund_Income_Fiscal_Prev1', 1150);
    put('Fund_Income_Own_Current', '\u3000133.39');
    put('Fund_Expense_Personnel_Current', 700);
    put('Fund_Expense_Operating_Current', 500.5);
    put('Fund_Expense_Operating_Prev1', 480);
    put('Text_Functions', '1.负责全市商务工作。\n2.组织招商活动。');
    put('Text_AnnualTasks', '1.社会消费品零售总额增长8%。');
    put('Text_LongTermGoals', '1.商务工作稳步发展。');
    put('Text_AnnualGoals', '1.完成年度招商任务。');
    // Table cells: row i of a table by its name's first row.
    const tableCell = (id: IndicatorTableId, i: number, key: string) => {
      const t = layout.tables[id];
      const col = t.columns.find((c) => c.key === key)!.col;
      return ws.getCell(`${col}${t.firstRow + i}`);
    };
    tableCell('longTerm', 0, 'target').value = '≤90%';
    tableCell('longTerm', 10, 'target').value = 0.95;
    tableCell('longTerm', 10, 'target').numFmt = '0%';
    tableCell('annual', 0, 'prev2').value = 0.9;
    tableCell('annual', 0, 'prev2').numFmt = '0%';
    tableCell('annual', 0, 'prev1').value = 0.92;
    tableCell('annual', 0, 'prev1').numFmt = '0%';
    tableCell('annual', 0, 'target').value = '≥95%';
    tableCell('annual', 24, 'level3').value = '招商引资到位资金';
    tableCell('annual', 24, 'target').value = '58.7亿元';
    // Notes right of the form.
    ws.getCell('J7').value = '已核对';
    ws.getCell(`J${layout.tables.longTerm.firstRow}`).value = '备注：参考去年';
    ws.getCell(`J${layout.tables.annual.firstRow + 24}`).value = '新增';
    writeFileSync(at('filled.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    run = await pgt('import', 'filled.xlsx', '-o', 'filled-again.xlsx', '--formulas');
  });

  it('finds every field where the template has it; an empty one stays empty', () => {
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('找到 41 项，全部找到：');
    const line = (label: string) =>
      run.out.split('\n').find((l) => l.trimStart().startsWith(`${label} `))!;
    expect(line('填报人')).toMatch(/（空）$/);
    expect(line('联系电话')).toMatch(/ G4 +0714-6251234$/);
    expect(line('收入构成/财政拨款/当年金额')).toMatch(/ E7 +1200\.5$/);
    expect(line('收入构成/财政拨款/2023年金额')).toMatch(/ H7 +1100$/);
    expect(line('收入构成/财政拨款/2024年金额')).toMatch(/ I7 +1150$/);
    expect(line('长期绩效指标')).toMatch(/ A18 +33 行$/);
    expect(line('年度绩效指标')).toMatch(/ A\d+ +33 行$/);
  });

  it('gives the same values, field by field and cell by cell of both tables', () => {
    const a = readWorkbook(readFileSync(at('filled.xlsx'))).sheets[0];
    const b = readWorkbook(readFileSync(at('filled-again.xlsx'))).sheets[0];
    const ref = (name: string) => layout.names.find((n) => n.name === name)!.ref.replace(/\$/g, '');
    const same = (address: string, what: string) => {
      const x = a.cells.get(address);
      const y = b.cells.get(address);
      expect({ what, address, value: y?.value ?? null }).toEqual({
        what,
        address,
        value: x?.value ?? null,
      });
      if (typeof x?.value === 'number' && x.numberFormat?.includes('%'))
        expect({ what, fmt: y?.numberFormat }).toEqual({ what, fmt: x.numberFormat });
    };
    for (const name of inputs) same(ref(name), name);
    for (const id of ['longTerm', 'annual'] as IndicatorTableId[]) {
      const t = layout.tables[id];
      for (let r = t.firstRow; r <= t.lastRow; r++)
        for (const c of t.columns) same(`${c.col}${r}`, `${id} ${c.key}`);
    }
    // Spot checks, and the notes right of the form stay behind.
    expect(b.cells.get(ref('Fund_Income_Own_Current'))?.value).toBe('\u3000133.39');
    expect(b.cells.get(ref('Dept_Preparer'))?.value ?? null).toBeNull();
    expect(b.cells.get(`E${layout.tables.longTerm.firstRow + 10}`)).toMatchObject({
      value: 0.95,
      numberFormat: '0%',
    });
    expect(b.cells.get(`G${layout.tables.annual.firstRow + 24}`)?.value).toBe('58.7亿元');
    expect([...b.cells.keys()].filter((k) => k.startsWith('J'))).toEqual([]);
  });

  it('an exported findings list (问题清单) beside the form is neither taken nor named as a form', async () => {
    const list = findingsListRows('绩效目标表2025');
    writeFileSync(
      at('filled-list.xlsx'),
      await withPlainSheet(readFileSync(at('filled.xlsx')), '问题清单', list),
    );
    const r = await pgt('import', 'filled-list.xlsx', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out).toContain('找到 41 项，全部找到：');
    expect(r.out).toContain(`来源：filled-list.xlsx，工作表“${layout.sheetName}”`);
    expect(r.out).not.toContain('问题清单');
  });
});

describe('pgt roll and pgt export: the imported 2024 form rolled forward to 2025', () => {
  let roll: Awaited<ReturnType<typeof pgt>>;
  let before: string;
  beforeAll(async () => {
    if (!existsSync(at('seed-2024.xlsx'))) await pgt('import', SEED_PATH, '-o', 'seed-2024.xlsx');
    before = sha('seed-2024.xlsx');
    roll = await pgt('roll', 'seed-2024.xlsx', '-o', 'seed-2025.xlsx');
  });

  it('lists every change, aligned (位置 / 原值 / 新值), and leaves the original alone', () => {
    expect(roll.err).toBe('');
    expect(roll.code).toBe(0);
    const lines = roll.out.split('\n');
    expect(lines[0]).toMatch(
      /^工作表“绩效目标表2024”：2024 年度 → 2025 年度（新工作表“绩效目标表2025”），\d+ 处变化：$/,
    );
    expect(lines[1]).toMatch(/^ {2}位置 +原值 +新值$/);
    const table = lines.slice(
      1,
      lines.findIndex((l, i) => i > 0 && !l.startsWith('  ')),
    );
    expect(table.length).toBeGreaterThan(60);
    // The 原值 and 新值 columns start at the same display offsets on every row.
    const offsets = (l: string) => {
      const [where, from] = l.trim().split(/ {2,}/);
      const i = l.indexOf(from, 2 + where.length);
      const j = l.lastIndexOf(l.trim().split(/ {2,}/).pop()!);
      return `${displayWidth(l.slice(0, i))}/${displayWidth(l.slice(0, j))}`;
    };
    expect(new Set(table.map(offsets)).size).toBe(1);
    const row = (where: string) =>
      lines
        .find((l) => l.startsWith(`  ${where} `))!
        .trim()
        .split(/ {2,}/);
    expect(row('预算年度')).toEqual(['预算年度', '2024', '2025']);
    expect(row('部门总体资金情况/支出构成/人员类项目支出/2023年金额')).toEqual([
      '部门总体资金情况/支出构成/人员类项目支出/2023年金额',
      '“1648.54\u3000”',
      '“1774.61\u3000”',
    ]);
    expect(row('部门总体资金情况/支出构成/人员类项目支出/2024年金额')).toEqual([
      '部门总体资金情况/支出构成/人员类项目支出/2024年金额',
      '“1774.61\u3000”',
      '1546.73',
    ]);
    expect(row('部门总体资金情况/支出构成/人员类项目支出/当年金额（2025年）')).toEqual([
      '部门总体资金情况/支出构成/人员类项目支出/当年金额（2025年）',
      '1546.73',
      '（空）',
    ]);
    expect(row('年度绩效指标/公用经费控制率/2024年')).toEqual([
      '年度绩效指标/公用经费控制率/2024年',
      '88.86%',
      '80%',
    ]);
    expect(row('年度绩效指标/完成外贸进出口亿元人民币/预期当年实现值')).toEqual([
      '年度绩效指标/完成外贸进出口亿元人民币/预期当年实现值',
      '64.57亿元人民币',
      '（空）',
    ]);
    expect(roll.out).toContain(
      '已写入 seed-2025.xlsx：工作表“绩效目标表2025”（2025 年度）；原文件 seed-2024.xlsx 未改动。',
    );
    expect(sha('seed-2024.xlsx')).toBe(before);
  });

  it('writes the 2025 form: history moved, current cleared, years moved on', () => {
    const { wb, cell, tableCell } = readByNames('seed-2025.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual(['绩效目标表2025']);
    expect(cell('BudgetYear')?.value).toBe(2025);
    expect(cell('Hdr_Fund_Prev2')?.value).toBe('2023年');
    expect(cell('Hdr_Fund_Prev1')?.value).toBe('2024年');
    expect(cell('Hdr_LongTermGoals')?.value).toBe('长期目标：（截止2027年）');
    expect(cell('Fund_Expense_Personnel_Prev2')?.value).toBe('1774.61\u3000');
    expect(cell('Fund_Expense_Personnel_Prev1')?.value).toBe(1546.73);
    expect(cell('Fund_Expense_Personnel_Current')?.value ?? null).toBeNull();
    // The typed totals of the import are formulas again.
    expect(cell('Fund_Expense_Total_Prev1')?.formula).toBe('=SUM(I11:I13)');
    expect(cell('Dept_Name')?.value).toBe('\u3000鄂州市商务局');
    // Annual row 14 is 完成外贸进出口亿元人民币; the long-term table is carried over.
    const trade = [...Array(40).keys()].find(
      (i) => tableCell('Annual_Indicators', i, 'D')?.value === '完成外贸进出口亿元人民币',
    )!;
    expect(tableCell('Annual_Indicators', trade, 'E')?.value).toBe('58.7亿元人民币');
    expect(tableCell('Annual_Indicators', trade, 'F')?.value).toBe('64.57亿元人民币');
    expect(tableCell('Annual_Indicators', trade, 'G')?.value ?? null).toBeNull();
    expect(tableCell('LongTerm_Indicators', 0, 'E')).toMatchObject({ value: 0.8886 });
  });

  it('exports the 2025 form as JSON, value by value', async () => {
    const r = await pgt('export', 'seed-2025.xlsx', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const e = JSON.parse(r.out) as ExportedForm & { sheet: string };
    expect(e).toMatchObject({ format: 'perf-goal-table/v1', sheet: '绩效目标表2025', year: 2025 });
    expect(e.department).toEqual({
      name: '鄂州市商务局',
      preparer: '张赛球',
      phone: '027-60265422',
    });
    expect(e.funding['Income.Fiscal']).toEqual({ current: null, prev2: 5347.75, prev1: 8167.74 });
    expect(e.funding['Expense.Personnel']).toEqual({
      current: null,
      prev2: 1774.61,
      prev1: 1546.73,
    });
    expect(e.funding['Expense.Operating']).toEqual({ current: null, prev2: 233.85, prev1: 248.35 });
    expect(e.texts.longTermGoals).toMatch(/^1\.2024年全市实现社会消费品零售总额/);
    expect(e.indicators).toHaveLength(80);
    const annual = e.indicators.filter((i) => i.table === 'annual');
    const find = (l3: string) => annual.find((i) => i.level3 === l3)!;
    expect(find('完成外贸进出口亿元人民币')).toMatchObject({
      level1: '履职效能',
      level2: '核心业务产出2',
      basis: '计划标准',
      category: '绩效创新性',
    });
    expect(find('完成外贸进出口亿元人民币').values).toEqual({
      prev2: { text: '58.7亿元人民币', operator: '＝', number: 58.7, unit: '亿元', kind: 'amount' },
      prev1: {
        text: '64.57亿元人民币',
        operator: '＝',
        number: 64.57,
        unit: '亿元',
        kind: 'amount',
      },
      target: { text: '', operator: '定性', number: null, unit: '', kind: 'empty' },
    });
    expect(find('公用经费控制率').values).toEqual({
      prev2: { text: '88.86%', operator: '＝', number: 88.86, unit: '%', kind: 'percent' },
      prev1: { text: '80%', operator: '＝', number: 80, unit: '%', kind: 'percent' },
      target: { text: '', operator: '定性', number: null, unit: '', kind: 'empty' },
    });
    expect(find('中长期规划相符性').values.prev1).toEqual({
      text: '完全相符',
      operator: '定性',
      number: null,
      unit: '',
      kind: 'grade',
    });
    const lt = e.indicators.find((i) => i.table === 'longTerm')!;
    expect(lt).toMatchObject({
      level1: '运行成本',
      level2: '公用经费控制',
      level3: '公用经费控制率',
    });
    expect(lt.values.target).toMatchObject({ operator: '＝', number: 88.86, unit: '%' });
  });

  it('exports the 2025 form as CSV with a byte order mark, one row per value', async () => {
    const r = await pgt('export', 'seed-2025.xlsx', '--format', 'csv', '-o', 'seed-2025.csv');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      '已写入 seed-2025.csv（CSV）：1 张表（绩效目标表2025，2025 年度），共 80 个指标。',
    );
    const text = readFileSync(at('seed-2025.csv'), 'utf8');
    expect(
      text.startsWith(
        '\uFEFF表,一级指标,二级指标,三级指标,值列,运算符,数值,单位,原文,指标值确定依据,指标分类\r\n',
      ),
    ).toBe(true);
    const rows = text.slice(1).split('\r\n');
    expect(rows).toHaveLength(1 + 40 + 40 * 3 + 1);
    expect(rows[1]).toBe(
      '长期绩效指标,运行成本,公用经费控制,公用经费控制率,指标值,＝,88.86,%,88.86%,计划标准,绩效基本型',
    );
    expect(rows).toContain(
      '年度绩效指标,履职效能,核心业务产出2,完成外贸进出口亿元人民币,2023年,＝,58.7,亿元,58.7亿元人民币,计划标准,绩效创新性',
    );
    expect(rows).toContain(
      '年度绩效指标,履职效能,核心业务产出2,完成外贸进出口亿元人民币,2024年,＝,64.57,亿元,64.57亿元人民币,计划标准,绩效创新性',
    );
    expect(rows).toContain(
      '年度绩效指标,履职效能,核心业务产出2,完成外贸进出口亿元人民币,预期当年实现值,,,,,计划标准,绩效创新性',
    );
    // Refuses to overwrite without --force.
    const again = await pgt('export', 'seed-2025.xlsx', '--format', 'csv', '-o', 'seed-2025.csv');
    expect(again.code).toBe(2);
    expect(again.err).toContain('文件已存在：seed-2025.csv；如需覆盖请加 --force');
  });

  it('exports a workbook of several forms: a JSON array, a CSV with a 工作表 column', async () => {
    writeFileSync(
      at('two.xlsx'),
      await writeForms([seedFormSheet(), { ...cleanForm(), sheetName: '某某局2025' }]),
    );
    const j = await pgt('export', 'two.xlsx');
    expect(j.code).toBe(0);
    const list = JSON.parse(j.out) as (ExportedForm & { sheet: string })[];
    expect(list.map((f) => [f.sheet, f.year, f.indicators.length])).toEqual([
      ['绩效目标表2024', 2024, 80],
      ['某某局2025', 2025, 2],
    ]);
    expect(list[1].department.name).toBe('某某市商务局');
    const c = await pgt('export', 'two.xlsx', '--format', 'csv');
    const rows = c.out.slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      '工作表,表,一级指标,二级指标,三级指标,值列,运算符,数值,单位,原文,指标值确定依据,指标分类',
    );
    expect(rows.filter((r) => r.startsWith('绩效目标表2024,'))).toHaveLength(40 + 120);
    expect(rows.filter((r) => r.startsWith('某某局2025,'))).toEqual([
      '某某局2025,长期绩效指标,管理效率,预算执行,预算执行率,指标值,＝,95,%,95%,计划标准,绩效基本型',
      '某某局2025,年度绩效指标,管理效率,预算执行,预算执行率,2023年,＝,90,%,90%,计划标准,绩效基本型',
      '某某局2025,年度绩效指标,管理效率,预算执行,预算执行率,2024年,＝,92,%,92%,计划标准,绩效基本型',
      '某某局2025,年度绩效指标,管理效率,预算执行,预算执行率,预期当年实现值,＝,95,%,95%,计划标准,绩效基本型',
    ]);
    const one = await pgt('export', 'two.xlsx', '--sheet', '某某局2025');
    expect((JSON.parse(one.out) as { sheet: string }).sheet).toBe('某某局2025');
  });
});

describe('--dry-run writes nothing', () => {
  it('import --dry-run shows the matches and writes no file', async () => {
    const r = await pgt('import', SEED_PATH, '-o', 'dry.xlsx', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out).toContain('找到 41 项，全部找到：');
    expect(r.out).toContain('演练（--dry-run）：没有写入任何文件；实际运行将写入 dry.xlsx。');
    expect(existsSync(at('dry.xlsx'))).toBe(false);
    const noOut = await pgt('import', SEED_PATH, '--dry-run');
    expect(noOut.code).toBe(0);
    expect(noOut.out).toContain('演练（--dry-run）：没有写入任何文件。');
  });

  it('roll --dry-run shows the changes and writes no file; the original is never the output', async () => {
    if (!existsSync(at('seed-2024.xlsx'))) await pgt('import', SEED_PATH, '-o', 'seed-2024.xlsx');
    const before = sha('seed-2024.xlsx');
    const r = await pgt('roll', 'seed-2024.xlsx', '-o', 'dry-2025.xlsx', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}预算年度 +2024 +2025$/m);
    expect(r.out).toContain('演练（--dry-run）：没有写入任何文件；实际运行将写入 dry-2025.xlsx。');
    expect(existsSync(at('dry-2025.xlsx'))).toBe(false);
    const self = await pgt('roll', 'seed-2024.xlsx', '-o', 'seed-2024.xlsx', '--force');
    expect(self.code).toBe(2);
    expect(self.err).toContain('输出文件不能是输入文件本身：seed-2024.xlsx');
    expect(sha('seed-2024.xlsx')).toBe(before);
  });
});

describe('sources that cannot be imported: a clear message, exit 2, nothing written', () => {
  const expectRefused = async (source: string, zh: string | RegExp, en: string | RegExp) => {
    const r = await pgt('import', source, '-o', `${source}.out.xlsx`);
    expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: '' });
    expect(r.err).toMatch(zh);
    expect(r.err).toMatch(en);
    expect(r.err).not.toContain('Internal error');
    expect(existsSync(at(`${source}.out.xlsx`))).toBe(false);
  };

  it('binary junk', async () => {
    let x = 12345;
    const junk = Buffer.alloc(4096, 0).map(() => (x = (x * 1103515245 + 12345) % 2 ** 31) >> 23);
    writeFileSync(at('junk.txt'), junk);
    await expectRefused(
      'junk.txt',
      'junk.txt：无法导入：既不是 .xlsx 工作簿，也不是 Word 表格导出的文本',
      'cannot import it: neither an .xlsx workbook nor the text export of a Word table',
    );
  });

  it('an empty file', async () => {
    writeFileSync(at('empty.txt'), '');
    await expectRefused(
      'empty.txt',
      '文件是空的（0 字节）：empty.txt',
      'The file is empty (0 bytes)',
    );
  });

  it('a sheet with no labels', async () => {
    writeFileSync(at('plain.xlsx'), await plainWorkbook());
    await expectRefused(
      'plain.xlsx',
      'plain.xlsx（工作表“Sheet1”）：未找到绩效目标表的标签',
      'none of the form’s labels found',
    );
  });

  it('a sheet that is only an exported findings list (问题清单): no form, not a question of --year', async () => {
    const list = await withPlainSheet(await plainWorkbook(), '问题清单', findingsListRows('表'));
    writeFileSync(at('list.xlsx'), list);
    await expectRefused(
      'list.xlsx',
      'list.xlsx（工作表“问题清单”）：不是绩效目标表：其中虽有表的标签，但不是表的排列',
      'no performance goal table here: the form’s labels appear, but not in the form’s arrangement',
    );
    const named = await pgt('import', 'list.xlsx', '--sheet', '问题清单', '--dry-run');
    expect(named.code).toBe(2);
    expect(named.err).toContain('不是绩效目标表');
    expect(named.err).not.toContain('--year');
  });

  it('text without the form’s labels, a Word document, a missing file', async () => {
    writeFileSync(at('letter.txt'), '尊敬的领导：\n\t您好\n\t附件是今年的预算。\n');
    await expectRefused('letter.txt', '未找到绩效目标表的标签', 'none of the form’s labels found');
    const docx = new JSZip();
    docx.file('[Content_Types].xml', '<Types/>');
    docx.file('word/document.xml', '<w:document/>');
    writeFileSync(at('form.docx'), await docx.generateAsync({ type: 'nodebuffer' }));
    await expectRefused(
      'form.docx',
      '这是 Word 文档（.docx），无法导入',
      'this is a Word document (.docx)',
    );
    await expectRefused('nowhere.txt', '找不到文件：nowhere.txt', 'File not found: nowhere.txt');
  });

  it('text in UTF-16 (with BOM) or GB18030 is read like UTF-8', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText(), 'utf16le')]);
    writeFileSync(at('seed-utf16.txt'), utf16);
    const r = await pgt('import', 'seed-utf16.txt', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out).toContain('找到 41 项，全部找到：');
    // 部门 in GB18030/GBK.
    expect(decodeText(Buffer.from([0xb2, 0xbf, 0xc3, 0xc5]))).toBe('部门');
    expect(decodeText(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04, 0x05]))).toBeNull();
  });

  it('a sheet whose used range is far larger than any form', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('大表');
    ws.getCell('A1').value = '部门整体绩效目标表';
    ws.getCell('CV5000').value = '远处的一个值';
    writeFileSync(at('huge.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    await expectRefused(
      'huge.xlsx',
      'huge.xlsx：工作表“大表”的已用区域过大（5000 行 × 100 列），不像一张绩效目标表',
      'is too large (5000 rows × 100 columns) for a form',
    );
  });

  it('a form without its budget year asks for --year', async () => {
    const noYear = seedText()
      .replace(/（截止2026年）/, '')
      .replace(/\t2022年\n\t2023年\n/, '\t\n\t\n');
    writeFileSync(at('no-year.txt'), noYear);
    const r = await pgt('import', 'no-year.txt', '-o', 'no-year.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('未能识别预算年度');
    expect(r.err).toContain('--year');
    expect(existsSync(at('no-year.xlsx'))).toBe(false);
    const given = await pgt('import', 'no-year.txt', '-o', 'no-year.xlsx', '--year', '2024');
    expect(given.code).toBe(0);
    expect(given.out).toContain('预算年度：2024（--year 指定）');
  });

  it('roll and export of a workbook without a form', async () => {
    writeFileSync(at('plain2.xlsx'), await plainWorkbook());
    for (const args of [
      ['roll', 'plain2.xlsx', '-o', 'p.xlsx'],
      ['export', 'plain2.xlsx'],
    ]) {
      const r = await pgt(...args);
      expect(r.code).toBe(2);
      expect(r.err).toContain('plain2.xlsx：未找到绩效目标表');
      expect(r.out).toBe('');
    }
    expect(existsSync(at('p.xlsx'))).toBe(false);
  });

  it('bad arguments', async () => {
    const noOutput = await pgt('import', SEED_PATH);
    expect(noOutput.code).toBe(2);
    expect(noOutput.err).toContain('请用 -o 指定输出文件');
    const fmt = await pgt('export', 'x.xlsx', '--format', 'xml');
    expect(fmt.code).toBe(2);
    expect(fmt.err).toContain('--format 只能是 json 或 csv，收到“xml”');
    const ext = await pgt('import', SEED_PATH, '-o', 'out.xls');
    expect(ext.err).toContain('输出文件须以 .xlsx 结尾：out.xls');
  });
});

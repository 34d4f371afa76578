/**
 * Issue 8 in the add-in: 导入 (pasted text, a Word table pasted into a sheet), 滚动到下一年 and 导出
 * on the fake Excel. Previews change nothing; applying creates a new sheet and never writes to
 * an existing one.
 */
import { computeLayout } from '../../src/core/form/layout';
import { checkForm } from '../../src/core/rules/catalogue';
import type { Finding } from '../../src/core/rules/types';
import { parseWordTableText } from '../../src/core/import/word-text';
import type { ExportedForm } from '../../src/core/transfer/export';
import type { FakeExcel } from '../../src/fake-excel';
import { seedSnapshot, seedText } from '../fixtures/seed';
import { contentOf, namesOn, rig, type Rig } from './helpers';

const SEED_SHEET = '绩效目标表2024';

/** The value a named cell of a sheet holds (the first cell of a range name). */
function named(fake: FakeExcel, sheet: string, name: string) {
  const ref = namesOn(fake, sheet)[name];
  if (!ref) throw new Error(`no name ${name} on ${sheet}`);
  const c = fake.workbook.getCell(sheet, ref.replace(/\$/g, '').split(':')[0]);
  return { value: c.value, numberFormat: c.numberFormat, formula: c.formula, text: c.text };
}

/** Body row `i` (0-based) of a table on a sheet: column key → value. */
function tableRow(fake: FakeExcel, sheet: string, id: 'longTerm' | 'annual', i: number) {
  const t = computeLayout({ year: 2024 }).tables[id];
  const ref = namesOn(fake, sheet)[t.name].replace(/\$/g, '');
  const first = Number(/\d+/.exec(ref)![0]);
  return Object.fromEntries(
    t.columns.map((c) => {
      const cell = fake.workbook.getCell(sheet, `${c.col}${first + i}`);
      return [c.key, cell.value];
    }),
  );
}

const sheetNames = (fake: FakeExcel) => fake.workbook.sheets.map((s) => s.name);
const brief = (f: Finding) => `${f.ruleId} ${f.cells.join(',')}`;

/** The seed imported from its text into a new sheet of a fresh workbook. */
async function importSeed(r: Rig): Promise<string> {
  await r.ready;
  const p = await r.host.previewImportFromText(seedText());
  const res = await r.host.applyImport(p.id, { year: p.year! });
  expect(res.ok).toBe(true);
  await r.settle();
  return res.sheetName!;
}

// Totals (rows 10 and 14) and shares (column G) of the funding block are formulas in the template.
const COMPUTED = /^(?:[EHI](?:10|14)|G(?:[7-9]|1[0-4]))$/;

describe('导入 from pasted text', () => {
  it('previews what it found without touching the workbook', async () => {
    const r = rig();
    await r.ready;
    r.fake.stats.reset();
    const p = await r.host.previewImportFromText(seedText());
    expect(r.fake.stats.roundTrips).toBe(0);
    expect(sheetNames(r.fake)).toEqual(['Sheet1']);
    expect(p).toMatchObject({
      ok: true,
      year: 2024,
      missing: [],
      source: { kind: 'text' },
      tables: { longTerm: 40, annual: 40 },
    });
    expect(p.message.zh).toBe(
      '在粘贴的文本中找到 22 项内容、长期绩效指标 40 行、年度绩效指标 40 行，表中各项都已找到。',
    );
    const byName = Object.fromEntries(p.fields.map((f) => [f.name, f]));
    expect(byName.Dept_Name).toMatchObject({ value: '\u3000鄂州市商务局', truncated: false });
    expect(byName.Dept_Name.label.zh).toContain('名称');
    expect(byName.Fund_Income_Fiscal_Current).toMatchObject({ value: '\u30008167.74' });
    expect(byName.Fund_Income_Fiscal_Current.label).toEqual({
      zh: '部门总体资金情况/收入构成/财政拨款/当年金额',
      en: expect.stringMatching(/Fiscal/i),
    });
    // Long texts are cut to their first 40 characters.
    expect(byName.Text_AnnualTasks.truncated).toBe(true);
    expect([...byName.Text_AnnualTasks.value]).toHaveLength(41);
    expect(byName.Text_AnnualTasks.value.startsWith('1、2024年全市商务发展')).toBe(true);
    // Only what is typed in: totals and shares are the template's formulas.
    expect(p.fields.some((f) => /_Total_|_Share$/.test(f.name))).toBe(false);
  });

  it('fills a new sheet with every value in its field, stored as Excel stores typed text', async () => {
    const r = rig();
    await r.ready;
    const p = await r.host.previewImportFromText(seedText());
    r.fake.stats.reset();
    const ok = await r.host.applyImport(p.id, { year: 2024 });
    expect(ok.ok).toBe(true);
    expect(ok.sheetName).toBe(SEED_SHEET);
    expect(r.fake.stats.perRun[0].roundTrips).toBe(2);
    expect(sheetNames(r.fake)).toEqual(['Sheet1', SEED_SHEET]);
    const s = SEED_SHEET;
    const f = (n: string) => named(r.fake, s, n);
    expect(f('BudgetYear').value).toBe(2024);
    expect(f('Dept_Name').value).toBe('\u3000鄂州市商务局');
    expect(f('Dept_Preparer').value).toBe('张赛球\u3000');
    expect(f('Dept_Phone').value).toBe('027-60265422\u3000');
    // U+3000 around a number: Excel keeps it text (the checker reports it).
    expect(f('Fund_Income_Fiscal_Current').value).toBe('\u30008167.74');
    expect(f('Fund_Income_Fiscal_Prev2').value).toBe('6289.58\u3000');
    expect(f('Fund_Income_Own_Current').value).toBe('\u3000');
    expect(f('Fund_Income_SpecialAccount_Current').value).toBe('');
    // A plain number becomes a number, in the template's amount format.
    expect(f('Fund_Expense_Personnel_Current')).toMatchObject({
      value: 1546.73,
      numberFormat: '#,##0.00',
    });
    expect(f('Fund_Expense_Operating_Prev1').value).toBe(233.85);
    // Totals and shares stay formulas.
    expect(f('Fund_Income_Total_Current').formula).toBe('=SUM(E7:E9)');
    expect(f('Fund_Expense_Personnel_Share').formula).toMatch(/^=/);
    expect(String(f('Text_Functions').value)).toMatch(/^\u00a0\n1\.贯彻落实国家/);
    expect(String(f('Text_AnnualGoals').value)).toMatch(/同比增长10%。$/);
    expect(f('Hdr_LongTermGoals').text).toBe('长期目标：（截止2026年）');

    // Tables: sized to the import, percentages as numbers with a percent format.
    const names = namesOn(r.fake, s);
    expect(names.LongTerm_Indicators).toBe('$B$19:$I$58');
    expect(names.Annual_Indicators).toBe('$B$63:$I$102');
    expect(tableRow(r.fake, s, 'longTerm', 0)).toEqual({
      level1: '运行\n成本',
      level2: '公用经费控制',
      level3: '公用经费控制率',
      target: 0.8886,
      basis: '计划标准',
      category: '绩效基本型',
    });
    expect(r.fake.workbook.getCell(s, 'E19')).toMatchObject({
      numberFormat: '0.00%',
      text: '88.86%',
    });
    expect(tableRow(r.fake, s, 'annual', 38)).toEqual({
      level1: '满意度',
      level2: '服务对象满意度',
      level3: '消费券使用客户满意度',
      prev2: 0.8,
      prev1: 0.8,
      target: 0.85,
      basis: '计划标准',
      category: '绩效基本型',
    });
    const trade = Array.from({ length: 40 }, (_, i) => tableRow(r.fake, s, 'annual', i)).find(
      (row) => row.level3 === '完成外贸进出口亿元人民币',
    );
    expect(trade).toMatchObject({
      prev2: '53.36亿元人民币',
      prev1: '58.7亿元人民币',
      target: '64.57亿元人民币',
      category: '绩效创新性',
    });

    // Counts: every non-empty cell of the source tables is on the sheet.
    const filled = (id: 'longTerm' | 'annual') =>
      Array.from({ length: 40 }, (_, i) => tableRow(r.fake, s, id, i)).reduce(
        (n, row) => n + Object.values(row).filter((v) => v !== '').length,
        0,
      );
    const src = parseWordTableText(seedText());
    expect(src.length).toBe(102);
    expect(filled('longTerm')).toBe(countSource(seedSnapshot(), 'longTerm'));
    expect(filled('annual')).toBe(countSource(seedSnapshot(), 'annual'));
    await r.settle();
  });

  it('reports the seed’s findings on the new sheet', async () => {
    const r = rig();
    const sheet = await importSeed(r);
    const res = await r.host.checkAll();
    expect(res.status).toMatchObject({ kind: 'ok', sheetName: sheet, year: 2024 });
    const want = checkForm(seedSnapshot());
    const typed = (f: Finding) => !f.cells.some((c) => COMPUTED.test(c));
    // Every finding on what the user typed is the same: rule and cells.
    expect(res.findings.filter(typed).map(brief)).toEqual(want.filter(typed).map(brief));
    // The Word original has its totals and shares typed in (as text, reported there); the
    // template computes them, and Excel's SUM skips the numbers stored as text, so each total
    // is reported as not the sum of its rows until those numbers are converted.
    expect(want.filter((f) => !typed(f)).map(brief)).toEqual([
      'number-stored-as-text G7',
      'number-stored-as-text E10',
      'number-stored-as-text H10',
      'number-stored-as-text I10',
      'number-stored-as-text G11',
      'number-stored-as-text G13',
      'number-stored-as-text E14',
      'number-stored-as-text H14',
      'number-stored-as-text I14',
    ]);
    expect(res.findings.filter((f) => !typed(f)).map(brief)).toEqual([
      'funding-total E10,E7,E8,E9',
      'funding-total H10,H7,H8,H9',
      'funding-total I10,I7,I8,I9',
      'funding-total E14,E11,E12,E13',
      'funding-total H14,H11,H12,H13',
      'funding-total I14,I11,I12,I13',
    ]);
    expect(res.counts.error).toBe(want.filter((x) => x.severity === 'error').length + 6);
  });

  it('refuses bad input with a message and changes nothing', async () => {
    const r = rig();
    await r.ready;
    const empty = await r.host.previewImportFromText('   \n');
    expect(empty).toMatchObject({ ok: false, id: '', fields: [] });
    expect(empty.message.zh).toBe('请先粘贴表格的文本。');
    const other = await r.host.previewImportFromText('姓名\t年龄\n张三\t30\n');
    expect(other.ok).toBe(false);
    expect(other.message.zh).toContain('没有找到绩效目标表的标签');
    expect((await r.host.applyImport(other.id, { year: 2024 })).message.zh).toContain('预览已过期');
    const p = await r.host.previewImportFromText(seedText());
    const bad = await r.host.applyImport(p.id, { year: 12 });
    expect(bad.ok).toBe(false);
    expect(bad.message.zh).toContain('预算年度“12”无效');
    expect((await r.host.applyImport('import-999', { year: 2024 })).ok).toBe(false);
    expect(sheetNames(r.fake)).toEqual(['Sheet1']);
    // The preview stays usable after a refusal; once applied it is used up.
    expect((await r.host.applyImport(p.id, { year: 2025 })).sheetName).toBe('绩效目标表2025');
    expect((await r.host.applyImport(p.id, { year: 2025 })).ok).toBe(false);
    expect(sheetNames(r.fake)).toEqual(['Sheet1', '绩效目标表2025']);
    await r.settle();
  });
});

function countSource(s: ReturnType<typeof seedSnapshot>, id: 'longTerm' | 'annual'): number {
  return s.tables[id].reduce(
    (n, row) =>
      n +
      Object.entries(row.cells).filter(
        ([k, c]) => c && c.value !== null && c.value !== '' && !row.inherited.includes(k as never),
      ).length,
    0,
  );
}

describe('导入 from a Word table pasted into a sheet', () => {
  /** The Word table pasted at C3 of Sheet1, its section labels merged down as in Word. */
  async function pasteWordTable(r: Rig) {
    await r.ready;
    const rows = parseWordTableText(seedText());
    r.fake.user.type('Sheet1', 'A1', '去年的表（从 Word 复制）');
    expect(r.fake.user.paste('Sheet1', 'C3', rows)).toEqual({ ok: true });
    await r.fake.Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      // 部门总体资金情况 (Word rows 4–13), 长期绩效指标 (17–57), 年度绩效指标 (59–101).
      for (const a of ['C7:C16', 'C20:C60', 'C62:C104', 'D9:D12', 'D13:D16']) s.getRange(a).merge();
      await ctx.sync();
    });
    await r.settle();
  }

  it('finds every field by its label, in one round trip, and changes nothing', async () => {
    const r = rig();
    await pasteWordTable(r);
    const before = r.fake.workbook.snapshotSheet('Sheet1');
    r.fake.stats.reset();
    const p = await r.host.previewImportFromSheet();
    expect(r.fake.stats.roundTrips).toBe(1);
    expect(p).toMatchObject({
      ok: true,
      source: { kind: 'sheet', name: 'Sheet1' },
      year: 2024,
      missing: [],
      tables: { longTerm: 40, annual: 40 },
    });
    expect(p.fields.filter((f) => f.value !== '')).toHaveLength(22);
    expect(r.fake.workbook.snapshotSheet('Sheet1')).toEqual(before);
    expect(sheetNames(r.fake)).toEqual(['Sheet1']);
  });

  it('fills the new sheet exactly as the text import does', async () => {
    const r = rig();
    await pasteWordTable(r);
    const p = await r.host.previewImportFromSheet();
    const res = await r.host.applyImport(p.id, { year: p.year! });
    expect(res).toMatchObject({ ok: true, sheetName: SEED_SHEET });
    await r.settle();
    const fromText = rig();
    const textSheet = await importSeed(fromText);
    const values = (fake: FakeExcel, sheet: string) =>
      contentOf(fake, sheet).map((c) => [c.a, c.v, c.f, c.nf]);
    expect(values(r.fake, SEED_SHEET)).toEqual(values(fromText.fake, textSheet));
    expect(named(r.fake, SEED_SHEET, 'Fund_Income_Fiscal_Current').value).toBe('\u30008167.74');
    expect(tableRow(r.fake, SEED_SHEET, 'longTerm', 4)).toMatchObject({ level3: '……', target: '' });
    const findings = (await r.host.checkAll()).findings.map(brief);
    expect(findings).toEqual((await fromText.host.checkAll()).findings.map(brief));
  });

  it('a hand-made sheet: the same labels elsewhere, rows padded by the sheet, numbers as numbers', async () => {
    const r = rig();
    await r.ready;
    // Typed as a person would: numbers become numbers, '88.86%' a percentage.
    r.fake.user.paste('Sheet1', 'B2', [
      ['部门（单位）名称', '市商务局'],
      ['填报人', '李四', '联系电话', '027-1234567'],
      ['部门总体资金情况', '总体资金情况', '当年金额', '占比', '近两年收支金额'],
      ['', '', '', '', '2022年', '2023年'],
      ['', '收入构成', '财政拨款', '100', '100%', '90', '95'],
      ['', '', '财政专户管理资金', '', '', '', ''],
      ['', '', '单位资金', '', '', '', ''],
      ['', '', '合计', '100', '100%', '90', '95'],
      ['', '支出构成', '人员类项目支出', '60', '60%', '50', '55'],
      ['', '', '运转类项目支出', '40', '40%', '40', '40'],
      ['', '', '特定目标类项目支出', '', '', '', ''],
      ['', '', '合计', '100', '100%', '90', '95'],
      ['部门职能概述', '负责全市商务工作。'],
      ['年度工作任务', '完成年度任务。'],
      ['长期目标：（截止2026年）', '长期目标文字。'],
      ['长期绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '指标值确定依据', '指标分类'],
      ['', '产出指标', '数量指标', '培训人次', '≥500人次', '计划标准', '绩效基本型'],
      ['', '', '', '……', '', '', ''],
      ['年度目标：', '年度目标文字。'],
      [
        '年度绩效指标',
        '一级指标',
        '二级指标',
        '三级指标',
        '2022年',
        '2023年',
        '指标值',
        '指标值确定依据',
        '指标分类',
      ],
      ['', '效益指标', '社会效益', '满意度', '88.86%', '90%', '≥90%', '行业标准', '绩效基本型'],
    ]);
    await r.settle();
    const p = await r.host.previewImportFromSheet();
    expect(p.missing).toEqual([]);
    expect(p.year).toBe(2024);
    expect(p.tables).toEqual({ longTerm: 2, annual: 1 });
    const byName = Object.fromEntries(p.fields.map((f) => [f.name, f.value]));
    expect(byName.Fund_Income_Fiscal_Current).toBe('100');
    const res = await r.host.applyImport(p.id, { year: 2024 });
    expect(res.ok).toBe(true);
    const s = res.sheetName!;
    expect(named(r.fake, s, 'Fund_Income_Fiscal_Current').value).toBe(100);
    expect(named(r.fake, s, 'Fund_Income_Total_Current').value).toBe(100);
    expect(tableRow(r.fake, s, 'longTerm', 1)).toMatchObject({
      level3: '……',
      target: '',
      basis: '',
    });
    expect(tableRow(r.fake, s, 'annual', 0)).toEqual({
      level1: '效益指标',
      level2: '社会效益',
      level3: '满意度',
      prev2: 0.8886,
      prev1: 0.9,
      target: '≥90%',
      basis: '行业标准',
      category: '绩效基本型',
    });
    await r.settle();
  });

  it('a sheet laid out like the form, merged cells and all (last year’s add-in form), imports whole', async () => {
    const r = rig();
    const first = await importSeed(r);
    const p = await r.host.previewImportFromSheet();
    expect(p).toMatchObject({
      ok: true,
      source: { kind: 'sheet', name: first },
      year: 2024,
      missing: [],
      tables: { longTerm: 40, annual: 40 },
    });
    expect(p.fields.filter((f) => f.value !== '')).toHaveLength(22);
    const res = await r.host.applyImport(p.id, { year: 2024 });
    expect(res.sheetName).toBe(`${first} (2)`);
    await r.settle();
    const values = (sheet: string) => contentOf(r.fake, sheet).map((c) => [c.a, c.v, c.f, c.nf]);
    expect(values(res.sheetName!)).toEqual(values(first));
  });

  it('says so when the active sheet is empty or holds something else', async () => {
    const r = rig();
    await r.ready;
    const empty = await r.host.previewImportFromSheet();
    expect(empty).toMatchObject({ ok: false, source: { kind: 'sheet', name: 'Sheet1' } });
    expect(empty.message.zh).toContain('是空的');
    r.fake.user.type('Sheet1', 'A1', '随便写点什么');
    const other = await r.host.previewImportFromSheet();
    expect(other.ok).toBe(false);
    expect(other.message.en).toContain('No label of the goal table');
    await r.settle();
  });
});

describe('滚动到下一年', () => {
  it('previews the changes, then makes the 2025 form on a new sheet; the 2024 sheet is untouched', async () => {
    const r = rig();
    const old = await importSeed(r);
    await r.host.checkAll();
    await r.settle();
    const before = r.fake.workbook.snapshotSheet(old);
    const cfsBefore = r.fake.workbook.conditionalFormats(old);

    r.fake.stats.reset();
    const p = await r.host.previewRollForward();
    expect(r.fake.stats.roundTrips).toBe(1);
    expect(p).toMatchObject({
      ok: true,
      sheetName: old,
      fromYear: 2024,
      toYear: 2025,
      newSheetName: '绩效目标表2025',
    });
    expect(sheetNames(r.fake)).toEqual(['Sheet1', old]);
    expect(p.changes[0]).toEqual({
      where: { zh: '预算年度', en: 'Budget year' },
      from: '2024',
      to: '2025',
    });
    const at = (zh: string) => p.changes.find((c) => c.where.zh === zh);
    expect(at('部门总体资金情况/支出构成/人员类项目支出/2024年金额')).toEqual({
      where: expect.anything(),
      from: '1774.61\u3000',
      to: '1546.73',
    });
    expect(at('部门总体资金情况/支出构成/人员类项目支出/当年金额（2025年）')).toMatchObject({
      from: '1546.73',
      to: '',
    });
    // Percentages are shown as the form shows them, not as 0.8.
    expect(at('年度绩效指标/公用经费控制率/2024年')).toMatchObject({ from: '88.86%', to: '80%' });
    expect(at('年度绩效指标/完成外贸进出口亿元人民币/预期当年实现值')).toMatchObject({
      from: '64.57亿元人民币',
      to: '',
    });
    expect(p.counts.total).toBe(p.changes.length);
    expect(p.counts.cleared).toBe(p.changes.filter((c) => c.to === '' && c.from !== '').length);
    expect(p.counts.moved + p.counts.cleared).toBe(p.counts.total);
    expect(p.counts.cleared).toBeGreaterThan(30);
    expect(p.message.zh).toContain('原工作表保持不变');

    r.fake.stats.reset();
    const res = await r.host.applyRollForward(p.id);
    expect(res).toMatchObject({ ok: true, sheetName: '绩效目标表2025' });
    expect(r.fake.stats.perRun[0].roundTrips).toBe(2);
    await r.settle();
    const s = res.sheetName!;
    const f = (n: string) => named(r.fake, s, n);
    expect(f('BudgetYear').value).toBe(2025);
    expect(f('Hdr_Fund_Prev2').text).toBe('2023年');
    expect(f('Hdr_Fund_Prev1').text).toBe('2024年');
    expect(f('Hdr_LongTermGoals').text).toBe('长期目标：（截止2027年）');
    // History moves left, this year is cleared.
    expect(f('Fund_Expense_Personnel_Prev2').value).toBe('1774.61\u3000');
    expect(f('Fund_Expense_Personnel_Prev1').value).toBe(1546.73);
    expect(f('Fund_Expense_Personnel_Current').value).toBe('');
    expect(f('Fund_Income_Fiscal_Prev1').value).toBe('\u30008167.74');
    expect(f('Fund_Income_Fiscal_Current').value).toBe('');
    expect(f('Dept_Name').value).toBe('\u3000鄂州市商务局');
    expect(f('Text_Functions').value).toBe(named(r.fake, old, 'Text_Functions').value);
    expect(tableRow(r.fake, s, 'annual', 0)).toEqual({
      ...tableRow(r.fake, old, 'annual', 0),
      prev2: 0.8886,
      prev1: 0.8,
      target: '',
    });
    const trade = Array.from({ length: 40 }, (_, i) => tableRow(r.fake, s, 'annual', i)).find(
      (row) => row.level3 === '完成外贸进出口亿元人民币',
    );
    expect(trade).toMatchObject({ prev2: '58.7亿元人民币', prev1: '64.57亿元人民币', target: '' });
    expect(r.fake.workbook.getCell(s, 'F63')).toMatchObject({ numberFormat: '0%', text: '80%' });
    // The long-term table is carried as it is; a blank 一级/二级 under a filled one (merged in
    // Word) is written out explicitly (the template greys a value repeated from the row above).
    expect(tableRow(r.fake, s, 'longTerm', 0)).toEqual(tableRow(r.fake, old, 'longTerm', 0));
    expect(tableRow(r.fake, old, 'longTerm', 4)).toMatchObject({ level1: '', level2: '' });
    expect(tableRow(r.fake, s, 'longTerm', 4)).toEqual({
      ...tableRow(r.fake, old, 'longTerm', 4),
      level1: '运行\n成本',
      level2: '项目支出成本控制',
    });
    expect(tableRow(r.fake, s, 'longTerm', 39)).toMatchObject({
      level3: tableRow(r.fake, old, 'longTerm', 39).level3,
      target: tableRow(r.fake, old, 'longTerm', 39).target,
    });

    // The 2024 sheet: byte for byte as before, marks included.
    expect(r.fake.workbook.snapshotSheet(old)).toEqual(before);
    expect(r.fake.workbook.conditionalFormats(old)).toEqual(cfsBefore);
    expect((await r.host.applyRollForward(p.id)).ok).toBe(false); // used up
  });

  it('says why when the active sheet holds no form or no year', async () => {
    const r = rig();
    await r.ready;
    const none = await r.host.previewRollForward();
    expect(none).toMatchObject({ ok: false, changes: [] });
    expect(none.message.zh).toBe('当前工作表“Sheet1”中没有部门整体绩效目标表。');
    const sheet = (await r.host.insertForm({ year: 2024, common: false })).sheetName!;
    await r.settle();
    r.fake.user.type(sheet, 'B2', '明年');
    await r.settle();
    const noYear = await r.host.previewRollForward();
    expect(noYear.ok).toBe(false);
    expect(noYear.message.zh).toContain('预算年度不是有效年份');
    expect((await r.host.applyRollForward('roll-1')).message.zh).toContain('预览已过期');
  });
});

describe('导出', () => {
  it('gives the active form as JSON and CSV, field by field, in one round trip', async () => {
    const r = rig();
    await importSeed(r);
    r.fake.stats.reset();
    const before = sheetNames(r.fake);
    const out = await r.host.exportData();
    expect(r.fake.stats.roundTrips).toBe(1);
    expect(sheetNames(r.fake)).toEqual(before);
    expect(out).toMatchObject({
      ok: true,
      sheetName: SEED_SHEET,
      year: 2024,
      fileName: SEED_SHEET,
      indicators: 80,
    });
    const e = JSON.parse(out.json) as ExportedForm;
    expect(e.format).toBe('perf-goal-table/v1');
    expect(e.year).toBe(2024);
    expect(e.department).toEqual({
      name: '鄂州市商务局',
      preparer: '张赛球',
      phone: '027-60265422',
    });
    expect(e.funding['Income.Fiscal']).toEqual({
      current: 8167.74,
      prev2: 6289.58,
      prev1: 5347.75,
    });
    expect(e.funding['Expense.Personnel']).toEqual({
      current: 1546.73,
      prev2: 1648.54,
      prev1: 1774.61,
    });
    expect(e.funding['Income.SpecialAccount']).toEqual({ current: null, prev2: null, prev1: null });
    expect(e.texts.annualGoals).toMatch(/同比增长10%。$/);
    expect(e.indicators.filter((i) => i.table === 'longTerm')).toHaveLength(40);
    const first = e.indicators[0];
    expect(first).toMatchObject({
      table: 'longTerm',
      level1: '运行成本',
      level2: '公用经费控制',
      level3: '公用经费控制率',
      basis: '计划标准',
      category: '绩效基本型',
    });
    expect(first.values.target).toEqual({
      text: '88.86%',
      operator: '＝',
      number: 88.86,
      unit: '%',
      kind: 'percent',
    });
    // 一级/二级 of merged cells are carried down.
    expect(e.indicators[1]).toMatchObject({ level1: '运行成本', level2: '在职人员控制' });
    const trade = e.indicators.find(
      (i) => i.table === 'annual' && i.level3 === '完成外贸进出口亿元人民币',
    )!;
    expect(trade.values.prev1).toMatchObject({ operator: '＝', number: 58.7, unit: '亿元' });
    expect(trade.values.target).toEqual({
      text: '64.57亿元人民币',
      operator: '＝',
      number: 64.57,
      unit: '亿元',
      kind: 'amount',
    });
    expect(trade.category).toBe('绩效创新性');

    const lines = out.csv.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFF表,一级指标,二级指标,三级指标,值列,运算符,数值,单位,原文,指标值确定依据,指标分类',
    );
    expect(lines).toHaveLength(1 + 40 + 40 * 3 + 1); // header, long-term, annual × 3 columns, ''
    expect(lines[1]).toBe(
      '长期绩效指标,运行成本,公用经费控制,公用经费控制率,指标值,＝,88.86,%,88.86%,计划标准,绩效基本型',
    );
    expect(lines).toContain(
      '年度绩效指标,履职效能,核心业务产出2,完成外贸进出口亿元人民币,2023年,＝,58.7,亿元,58.7亿元人民币,计划标准,绩效创新性',
    );
  });

  it('exports the rolled form: the 2025 years and the cleared targets', async () => {
    const r = rig();
    await importSeed(r);
    const p = await r.host.previewRollForward();
    await r.host.applyRollForward(p.id);
    await r.settle();
    const out = await r.host.exportData();
    expect(out).toMatchObject({ ok: true, year: 2025, sheetName: '绩效目标表2025' });
    const e = JSON.parse(out.json) as ExportedForm;
    expect(e.funding['Expense.Personnel']).toEqual({
      current: null,
      prev2: 1774.61,
      prev1: 1546.73,
    });
    const trade = e.indicators.find(
      (i) => i.table === 'annual' && i.level3 === '完成外贸进出口亿元人民币',
    )!;
    expect(trade.values.target!.kind).toBe('empty');
    expect(trade.values.prev1).toMatchObject({ number: 64.57, unit: '亿元' });
    expect(out.csv).toContain(
      '年度绩效指标,履职效能,核心业务产出2,完成外贸进出口亿元人民币,2024年,＝,64.57,亿元,64.57亿元人民币,计划标准,绩效创新性\r\n',
    );
  });

  it('says so when there is no form to export', async () => {
    const r = rig();
    await r.ready;
    const out = await r.host.exportData();
    expect(out).toMatchObject({ ok: false, json: '', csv: '' });
    expect(out.message.en).toContain('holds no performance goal table');
  });
});

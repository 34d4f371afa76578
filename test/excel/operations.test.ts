/** Issue 5: status detection, repair, fixes, export and selection on the fake Excel. */
import { computeLayout } from '../../src/core/form/layout';
import { SECTION_ORDER } from '../../src/core/rules/engine';
import { EXPORT_HEADER } from '../../src/excel/export-sheet';
import {
  contentOf,
  expectMarksMatch,
  insertLayout,
  marksOn,
  namesOn,
  rig,
  type Rig,
} from './helpers';

const YEAR = 2024;
const layoutRefs = () =>
  Object.fromEntries(computeLayout({ year: YEAR }).names.map((n) => [n.name, n.ref]));

async function blankForm(r: Rig): Promise<string> {
  await r.ready;
  const sheet = await insertLayout(r, computeLayout({ year: YEAR }));
  await r.settle();
  return sheet;
}

describe('form status', () => {
  it('says when the active sheet holds no form', async () => {
    const r = rig();
    await r.ready;
    r.fake.user.type('Sheet1', 'A1', '姓名');
    const res = await r.host.checkAll();
    expect(res.status).toMatchObject({ kind: 'noForm', sheetName: 'Sheet1', formSheets: [] });
    expect(res.findings).toEqual([]);
  });

  it('lists every sheet that holds a form', async () => {
    const r = rig(['数据']);
    await r.ready;
    await r.host.insertForm({ year: YEAR, common: false });
    await r.host.insertForm({ year: 2025, common: true });
    const res = await r.host.checkAll();
    expect(res.status.kind).toBe('ok');
    expect(res.status.sheetName).toBe('绩效目标表2025');
    expect(res.status.year).toBe(2025);
    expect([...res.status.formSheets].sort()).toEqual(['绩效目标表2024', '绩效目标表2025']);
  });

  it('follows the active sheet: switching sheets re-checks the one shown', async () => {
    const r = rig(['数据']);
    await r.ready;
    const sheet = (await r.host.insertForm({ year: YEAR, common: false })).sheetName!;
    await r.settle();
    expect(r.last().status).toMatchObject({ kind: 'ok', sheetName: sheet });
    await r.fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('数据').activate();
      await ctx.sync();
    });
    await r.settle();
    expect(r.last().status).toMatchObject({
      kind: 'noForm',
      sheetName: '数据',
      formSheets: [sheet],
    });
  });

  it('recognises a form whose names were deleted and rebuilds them from the labels', async () => {
    const r = rig();
    const sheet = await blankForm(r);
    for (const n of ['Dept_Name', 'Fund_Income_Total_Current', 'Annual_Indicators'])
      r.fake.user.deleteName(n, sheet);
    const res = await r.host.checkAll();
    expect(res.status).toMatchObject({ kind: 'damaged', canRepair: true });
    expect([...res.status.missingNames].sort()).toEqual(
      ['Annual_Indicators', 'Dept_Name', 'Fund_Income_Total_Current'].sort(),
    );
    // Still checked meanwhile, with the places the labels give.
    expect(res.findings.some((f) => f.cells.includes('B3'))).toBe(true);
    const rep = await r.host.repairNames();
    expect(rep.ok).toBe(true);
    expect(rep.message.zh).toContain('3');
    expect(namesOn(r.fake, sheet)).toEqual(layoutRefs());
    expect(r.last().status.kind).toBe('ok');
    expect((await r.host.repairNames()).message.zh).toContain('无需修复');
  });

  it('rebuilds every name of a form that lost all of them (e.g. copied without names)', async () => {
    const r = rig();
    const sheet = await blankForm(r);
    for (const n of Object.keys(layoutRefs())) r.fake.user.deleteName(n, sheet);
    const res = await r.host.checkAll();
    expect(res.status).toMatchObject({ kind: 'damaged', canRepair: true });
    expect(res.status.missingNames).toHaveLength(Object.keys(layoutRefs()).length);
    expect((await r.host.repairNames()).ok).toBe(true);
    expect(namesOn(r.fake, sheet)).toEqual(layoutRefs());
  });

  it('reports names broken by a deleted row (#REF!) and says which cannot be rebuilt', async () => {
    const r = rig();
    const sheet = await blankForm(r);
    r.fake.user.deleteRows(sheet, 8); // 财政专户管理资金: its label goes with it
    await r.settle();
    const res = await r.host.checkAll();
    expect(res.status.kind).toBe('damaged');
    expect(res.status.missingNames).toEqual(
      expect.arrayContaining([
        'Fund_Income_SpecialAccount_Current',
        'Fund_Income_SpecialAccount_Prev1',
      ]),
    );
    expect(res.status.canRepair).toBe(false);
    const rep = await r.host.repairNames();
    expect(rep.ok).toBe(false);
    expect(rep.message.zh).toContain('Fund_Income_SpecialAccount_Current');
    expect(rep.message.en).toContain('labels');
  });
});

describe('applyFix', () => {
  it('writes exactly the one cell, re-checks, and takes the mark away', async () => {
    const r = rig();
    const sheet = await blankForm(r);
    await r.host.checkAll();
    r.fake.user.type(sheet, 'H11', '　1648.54　');
    await r.settle();
    const finding = r.last().findings.find((f) => f.fix && f.fix.address === 'H11');
    expect(finding).toBeDefined();
    expect(marksOn(r.fake, sheet).H11).toBeDefined();
    const before = contentOf(r.fake, sheet);
    const runsBefore = r.host.stats.liveRuns();
    r.fake.stats.reset();
    const res = await r.host.applyFix(finding!);
    expect(res.ok).toBe(true);
    expect(r.fake.stats.syncs).toBeLessThanOrEqual(2);
    const after = contentOf(r.fake, sheet);
    const changed = after
      .filter((c, i) => JSON.stringify(c) !== JSON.stringify(before[i]))
      .map((c) => c.a);
    // H11 itself, and the formula cells that recalculate from it (the total, nothing typed).
    expect(changed).toContain('H11');
    for (const a of changed) expect(['H11', 'H14']).toContain(a);
    expect(r.fake.workbook.getCell(sheet, 'H11').value).toBe(1648.54);
    expect(
      r.last().findings.find((f) => f.ruleId === finding!.ruleId && f.cells[0] === 'H11'),
    ).toBeUndefined();
    expectMarksMatch(r.fake, sheet, r.last());
    // The add-in's own write does not come back as an edit to check.
    await r.settle();
    expect(r.host.stats.liveRuns()).toBe(runsBefore);
  });

  it('refuses a finding without a fix', async () => {
    const r = rig();
    await blankForm(r);
    const res = await r.host.checkAll();
    const noFix = res.findings.find((f) => !f.fix)!;
    expect((await r.host.applyFix(noFix)).ok).toBe(false);
  });
});

describe('exportFindings', () => {
  it('writes the list to a new sheet with a header row, leaving the form and the active sheet as they were', async () => {
    const r = rig();
    const sheet = await blankForm(r);
    const res = await r.host.checkAll();
    const before = contentOf(r.fake, sheet);
    const out = await r.host.exportFindings();
    expect(out).toMatchObject({ ok: true, sheetName: '问题清单' });
    const wb = r.fake.workbook;
    EXPORT_HEADER.forEach((h, j) =>
      expect(wb.getCell('问题清单', `${String.fromCharCode(65 + j)}1`).value).toBe(h),
    );
    expect(wb.getCell('问题清单', 'A2').value).toBe(1);
    expect(wb.getCell('问题清单', 'B2').value).toBe('错误');
    expect(wb.getCell('问题清单', 'F2').value).toBe(res.findings[0].message.zh);
    expect(wb.getCell('问题清单', `A${res.findings.length + 1}`).value).toBe(res.findings.length);
    expect(wb.getCell('问题清单', 'A1').format.fontBold).toBe(true);
    expect(contentOf(r.fake, sheet)).toEqual(before);
    expect(wb.sheet(wb.activeSheetId).name).toBe(sheet);
    expect((await r.host.exportFindings()).sheetName).toBe('问题清单 (2)');
  });
});

describe('the 问题清单 sheet is not a form', () => {
  it('shown in Excel, it is a sheet without a form; the workbook still holds one form', async () => {
    const r = rig();
    await r.ready;
    const sheet = (await r.host.insertForm({ year: YEAR, common: true })).sheetName!;
    await r.settle();
    const res = await r.host.checkAll();
    // Every section of the form is named in the list (its 部分 column), and its messages quote
    // labels.
    expect(new Set(res.findings.map((f) => f.section))).toEqual(new Set(SECTION_ORDER));
    const out = await r.host.exportFindings();
    expect(out.ok).toBe(true);
    await r.fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(out.sheetName!).activate();
      await ctx.sync();
    });
    await r.settle();
    expect(r.last().status).toMatchObject({
      kind: 'noForm',
      sheetName: '问题清单',
      missingNames: [],
      formSheets: [sheet],
    });
    const again = await r.host.checkAll();
    expect(again.status).toMatchObject({ kind: 'noForm', formSheets: [sheet] });
    expect(again.findings).toEqual([]);
    expect(marksOn(r.fake, '问题清单')).toEqual({});
  });
});

describe('selectCell', () => {
  it("takes the user to a finding's cell on the form's sheet", async () => {
    const r = rig(['数据']);
    const sheet = await blankForm(r);
    await r.host.checkAll();
    await r.fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('数据').activate();
      await ctx.sync();
    });
    await r.settle();
    await r.host.checkAll(); // the pane now shows 数据 (no form) …
    await r.fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheet).activate();
      await ctx.sync();
    });
    await r.settle();
    await r.host.selectCell('G4');
    const wb = r.fake.workbook;
    expect(wb.sheet(wb.activeSheetId).name).toBe(sheet);
    expect(wb.selection).toMatchObject({ rect: { row: 3, col: 6, rowCount: 1, colCount: 1 } });
  });
});

describe('bad input', () => {
  it('gets a clear answer, never a crash', async () => {
    const r = rig();
    await r.ready;
    await expect(r.host.selectCell('not a cell')).resolves.toBeUndefined();
    const exp = await r.host.exportFindings();
    expect(exp).toMatchObject({ ok: false, message: { zh: expect.stringContaining('没有') } });
    expect(r.fake.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    const fix = await r.host.applyFix({
      ruleId: 'x',
      severity: 'warning',
      section: 'funding',
      cells: ['E7'],
      message: { zh: '', en: '' },
    });
    expect(fix.ok).toBe(false);
    expect((await r.host.repairNames()).ok).toBe(false);
    expect((await r.host.deleteIndicatorRow()).ok).toBe(false);
  });
});

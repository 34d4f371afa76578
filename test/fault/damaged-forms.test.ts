/**
 * Damaged forms on the fake Excel, while the pane listens: names deleted in the Name Manager,
 * names broken to #REF! by deleting every row of a table, the form's sheet renamed, the sheet
 * protected (marks cannot be written), merged labels broken by hand. The status says what is
 * wrong, checking goes on with what can be found, nothing crashes, and 修复名称 restores what the
 * labels still tell. (test/excel/operations.test.ts covers 全部检查 on a form whose names were
 * deleted and a #REF! from a deleted label row; these are the other ways forms get damaged.)
 */
import { computeLayout } from '../../src/core/form/layout';
import { createAddinHost } from '../../src/excel';
import { insertFormLayout } from '../../src/excel/host';
import { createFakeExcel } from '../../src/fake-excel';
import type { CheckResult } from '../../src/taskpane/api';
import { expectMarksMatch, insertLayout, marksOn, namesOn, rig, type Rig } from '../excel/helpers';
import { cellsOf, expectInvariants, unhandled } from './live-rig';

jest.setTimeout(30_000);

const YEAR = 2024;
const layout = computeLayout({ year: YEAR });
const layoutRefs = Object.fromEntries(layout.names.map((n) => [n.name, n.ref]));
const LT = layout.tables.longTerm;
const AN = layout.tables.annual;

/** A form with some content: a department name, funding numbers (one stored as text), rows. */
async function filledForm(r: Rig): Promise<string> {
  await r.ready;
  const sheet = await insertLayout(r, layout);
  const u = r.fake.user;
  u.type(sheet, 'B3', '某某市商务局');
  u.type(sheet, 'E7', '\u30008167.74'); // a number stored as text: an error with a fix
  u.type(sheet, 'E11', '5000');
  u.paste(sheet, `B${LT.firstRow}`, [['产出指标', '数量指标', '培训人次', '≥500人次']]);
  u.paste(sheet, `B${AN.firstRow}`, [
    ['效益指标', '社会效益', '满意度', '90%', '92%', '≥95%', '计划标准', '绩效创新性'],
  ]);
  await r.settle();
  await r.host.checkAll();
  return sheet;
}

/** Runs a person's action and checks the invariants of live-rig.ts after the add-in ran. */
async function act(r: Rig, sheet: string, label: string, action: () => unknown) {
  action();
  const left = cellsOf(r.fake, sheet);
  await r.settle();
  expectInvariants(r, sheet, left, label);
  return r.last();
}

describe('names deleted in the Name Manager while the pane is open', () => {
  it('says damaged, keeps checking the unnamed fields by their labels, and repair restores them', async () => {
    const r = rig();
    const sheet = await filledForm(r);
    const gone = ['Dept_Name', 'Fund_Income_Fiscal_Current', LT.name];
    for (const n of gone) r.fake.user.deleteName(n, sheet);
    // The next edit, in a field whose name is gone, is still checked.
    const res = await act(r, sheet, 'type into E7', () =>
      r.fake.user.type(sheet, 'E7', '\u30009000'),
    );
    expect(res.status).toMatchObject({ kind: 'damaged', canRepair: true });
    expect([...res.status.missingNames].sort()).toEqual([...gone].sort());
    expect(res.findings.some((f) => f.cells.includes('E7') && f.severity === 'error')).toBe(true);
    expect(marksOn(r.fake, sheet).E7).toBe('error');
    // 修复名称 puts every name back where the layout has it.
    const rep = await r.host.repairNames();
    expect(rep).toMatchObject({ ok: true });
    expect(rep.message.zh).toContain('已重建 3 个名称');
    expect(namesOn(r.fake, sheet)).toEqual(layoutRefs);
    expect(r.last().status.kind).toBe('ok');
    expectInvariants(r, sheet, cellsOf(r.fake, sheet), 'after repair');
  });
});

describe('names pointing at #REF!: every row of a table deleted', () => {
  it.each([
    ['long-term', LT],
    ['annual', AN],
  ])('the %s table: damaged and not repairable; after undo, repair restores it', async (_, t) => {
    const r = rig();
    const sheet = await filledForm(r);
    const rows = t.lastRow - t.firstRow + 1;
    let res = await act(r, sheet, 'delete every row of the table', () =>
      r.fake.user.deleteRows(sheet, t.firstRow, rows),
    );
    expect(r.fake.workbook.listNames(sheet).find((n) => n.name === t.name)?.formula).toBe('=#REF!');
    expect(res.status).toMatchObject({ kind: 'damaged', missingNames: [t.name] });
    // The long-term table ends at the next label: nothing left to name. (For the annual table,
    // the last thing on the sheet, the fake's used range reaches the blank row below the header,
    // so the status offers a repair; the repair itself sees that no row carries the table's fill.)
    if (t === LT) expect(res.status.canRepair).toBe(false);
    // Everything else is still checked: the funding error stays listed and marked.
    expect(res.findings.some((f) => f.cells.includes('E7'))).toBe(true);
    const rep = await r.host.repairNames();
    expect(rep.ok).toBe(false);
    expect(rep.message.zh).toContain(t.name);
    expect(rep.message.en).toContain(t.name);
    // No name was made up over the blank row below the header.
    expect(r.fake.workbook.listNames(sheet).find((n) => n.name === t.name)?.formula).toBe('=#REF!');
    // Undo brings the rows back (in the fake, not the reference: it stays #REF!) …
    res = await act(r, sheet, 'undo', () => r.fake.user.undoLast());
    expect(res.status).toMatchObject({ kind: 'damaged', missingNames: [t.name], canRepair: true });
    // … and repair rebuilds the table's name over exactly its rows again.
    expect((await r.host.repairNames()).ok).toBe(true);
    expect(namesOn(r.fake, sheet)[t.name]).toBe(layoutRefs[t.name]);
    expect(r.last().status.kind).toBe('ok');
    expect(r.last().findings.some((f) => f.cells.some((c) => c.endsWith(`${t.firstRow}`)))).toBe(
      true,
    );
    expectInvariants(r, sheet, cellsOf(r.fake, sheet), 'after repair');
  });
});

describe("the form's sheet renamed", () => {
  it.each(['绩效 目标表（修改）', "张三's 表"])(
    'to %s: still ok, the status names the sheet by its new name only, and everything works',
    async (newName) => {
      const r = rig();
      const sheet = await filledForm(r);
      expect(r.fake.user.renameSheet(sheet, newName)).toEqual({ ok: true });
      const res = await act(r, newName, 'type after the rename', () =>
        r.fake.user.type(newName, 'E12', '1000'),
      );
      expect(res.status).toMatchObject({ kind: 'ok', sheetName: newName, formSheets: [newName] });
      // The fix, the selection and a full check all find the renamed sheet.
      const stored = res.findings.find((f) => f.cells[0] === 'E7' && f.fix)!;
      expect((await r.host.applyFix(stored)).ok).toBe(true);
      expect(r.fake.workbook.getCell(newName, 'E7').value).toBe(8167.74);
      await r.host.selectCell('E11');
      const all = await r.host.checkAll();
      expect(all.status).toMatchObject({ kind: 'ok', sheetName: newName, formSheets: [newName] });
      expectMarksMatch(r.fake, newName, all);
    },
  );
});

describe('the sheet protected (Review → Protect Sheet)', () => {
  /** A rig whose host errors are collected, not thrown: here they are expected. */
  async function protectedForm() {
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    const errors: unknown[] = [];
    const host = createAddinHost(fake.Excel, { coalesceMs: 2, onError: (e) => errors.push(e) });
    const results: CheckResult[] = [];
    host.subscribe((x) => results.push(x));
    await host.start();
    const sheet = await insertFormLayout(fake.Excel, layout);
    const settle = async () => {
      for (let i = 0; i < 5; i++) {
        await fake.settle();
        await host.idle();
      }
    };
    fake.user.type(sheet, 'E7', '\u30008167.74');
    await settle();
    await host.checkAll();
    const marked = marksOn(fake, sheet);
    expect(marked.E7).toBe('error');
    expect(marked.H7).toBeUndefined();
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheet).protection.protect();
      await ctx.sync();
    });
    return { fake, host, errors, results, sheet, settle, marked };
  }

  const PROTECTED_ZH = /工作表受保护/;
  const PROTECTED_EN = /protected/;

  it('an edit is still checked and listed; the marks stay as they were, with a clear message', async () => {
    const p = await protectedForm();
    const before = p.results.length;
    // Input cells are unlocked: the person may type there (a number stored as text, 2 years ago).
    expect(p.fake.user.type(p.sheet, 'H7', '\u300012')).toEqual({ ok: true });
    await p.settle();
    // The list arrived, with the new problem …
    expect(p.results.length).toBeGreaterThan(before);
    const last = p.results[p.results.length - 1];
    expect(last.findings.some((f) => f.cells.includes('H7') && f.severity === 'error')).toBe(true);
    // … the marks could not be written and were left exactly as they were (nothing half done) …
    expect(marksOn(p.fake, p.sheet)).toEqual(p.marked);
    // … and what went wrong was said clearly, in Chinese and English, once.
    expect(p.errors).toHaveLength(1);
    expect(String(p.errors[0])).toMatch(PROTECTED_ZH);
    expect(String(p.errors[0])).toMatch(PROTECTED_EN);
    expect(p.fake.events.errors).toEqual([]);
    expect(unhandled).toEqual([]);
    // 全部检查 lists everything and says why the sheet shows no new marks.
    let listed = 0;
    p.host.subscribe(() => listed++);
    await expect(p.host.checkAll()).rejects.toThrow(PROTECTED_ZH);
    expect(listed).toBe(1);
  });

  it('clear marks, a fix and adding a row say the sheet is protected, in both languages', async () => {
    const p = await protectedForm();
    const cleared = await p.host.clearMarks();
    expect(cleared.ok).toBe(false);
    expect(cleared.message.zh).toMatch(PROTECTED_ZH);
    expect(cleared.message.en).toMatch(PROTECTED_EN);
    expect(marksOn(p.fake, p.sheet)).toEqual(p.marked);
    // The fix writes an unlocked cell (allowed); only the marks could not follow.
    const f = p.results[p.results.length - 1].findings.find((x) => x.cells[0] === 'E7' && x.fix)!;
    const fixed = await p.host.applyFix(f);
    expect(fixed.ok).toBe(true);
    expect(p.fake.workbook.getCell(p.sheet, 'E7').value).toBe(8167.74);
    expect(fixed.message.zh).toMatch(PROTECTED_ZH);
    expect(fixed.message.en).toMatch(PROTECTED_EN);
    // Inserting a row is refused by Excel on a protected sheet.
    p.fake.user.select(p.sheet, `B${LT.firstRow}`);
    const added = await p.host.addIndicatorRow();
    expect(added.ok).toBe(false);
    expect(added.message.zh).toMatch(PROTECTED_ZH);
    expect(added.message.en).toMatch(PROTECTED_EN);
    expect(p.fake.workbook.listNames(p.sheet).find((n) => n.name === LT.name)?.formula).toContain(
      `$${LT.lastRow}`,
    );
    await p.settle();
    expect(p.fake.events.errors).toEqual([]);
  });

  it('once unprotected, the next check brings the marks in line (a failed clear did not stick)', async () => {
    const p = await protectedForm();
    p.fake.user.type(p.sheet, 'H7', '\u300012');
    await p.settle();
    expect((await p.host.clearMarks()).ok).toBe(false);
    await p.fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(p.sheet).protection.unprotect();
      await ctx.sync();
    });
    p.fake.user.type(p.sheet, 'E9', '\u30001');
    await p.settle();
    const last = p.results[p.results.length - 1];
    expect(marksOn(p.fake, p.sheet).H7).toBe('error');
    expect(marksOn(p.fake, p.sheet).E9).toBe('error');
    expectMarksMatch(p.fake, p.sheet, last);
    await p.host.dispose();
  });
});

describe('merged cells broken by hand', () => {
  it('unmerged section and funding labels change nothing; with every name lost, repair restores all', async () => {
    const r = rig();
    const sheet = await filledForm(r);
    const before = r.last().findings;
    // Unmerge the funding section label, a funding category label and the annual section label.
    const broken = ['A5:A14', 'B7:B10', `A${AN.headerFirstRow}:A${AN.lastRow}`];
    for (const m of broken) expect(r.fake.workbook.merges(sheet)).toContain(m);
    await r.fake.Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem(sheet);
      for (const m of broken) s.getRange(m).unmerge();
      await ctx.sync();
    });
    for (const m of broken) expect(r.fake.workbook.merges(sheet)).not.toContain(m);
    // Typing into what used to be inside a merged label is outside the form: no check, no harm.
    await act(r, sheet, 'type into A6', () => r.fake.user.type(sheet, 'A6', '备注'));
    const res = await act(r, sheet, 'type into E12', () => r.fake.user.type(sheet, 'E12', '2000'));
    expect(res.status.kind).toBe('ok');
    expect(res.findings.filter((f) => !f.cells.includes('E12')).map((f) => f.ruleId)).toEqual(
      before.filter((f) => !f.cells.includes('E12')).map((f) => f.ruleId),
    );
    // Every name lost as well (e.g. copied into another workbook): the labels still tell.
    for (const n of Object.keys(layoutRefs)) r.fake.user.deleteName(n, sheet);
    const damaged = await r.host.checkAll();
    expect(damaged.status).toMatchObject({ kind: 'damaged', canRepair: true });
    expect((await r.host.repairNames()).ok).toBe(true);
    expect(namesOn(r.fake, sheet)).toEqual(layoutRefs);
    expectInvariants(r, sheet, cellsOf(r.fake, sheet), 'after repair');
  });
});

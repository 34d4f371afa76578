/**
 * Issue 5: live in-sheet validation, driven by real edit sequences on the fake Excel: the seed
 * typed cell by cell, pasted blocks, inserted rows, undo. After each step: the marks on the sheet,
 * the pane's list, the user's own formats and values, and the round trips.
 */
import { importRows, placeImport } from '../../src/core/import/from-rows';
import { parseWordTableText } from '../../src/core/import/word-text';
import { checkForm } from '../../src/core/rules/catalogue';
import { sortFindings } from '../../src/core/rules/engine';
import { MARK_STYLE, parseMarkFormula } from '../../src/excel/marks';
import { seedCells, seedText } from '../fixtures/seed';
import { expectMarksMatch, insertLayout, marksOn, rig, snapshotOf, type Rig } from './helpers';

/** What the seed's author typed, cell by cell, in the form laid out for the seed. */
function seedTyping(): {
  layout: ReturnType<typeof seedCells>['layout'];
  typed: [string, string][];
} {
  const { layout } = seedCells();
  const { values } = placeImport(importRows(parseWordTableText(seedText())), {
    keepComputed: true,
  });
  return { layout, typed: [...values].filter(([, v]) => v !== '') };
}

/** Formats a person gave some cells before the add-in marked anything. */
const USER_FORMATS: Record<string, { fill?: string; font?: string; bold?: boolean }> = {
  E7: { fill: '#FFFF00' },
  B3: { font: '#0000FF', bold: true },
  H11: { fill: '#C6E0B4', font: '#375623' },
  D20: { fill: '#DDEBF7' },
};

async function applyUserFormats(r: Rig, sheet: string) {
  await r.fake.Excel.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem(sheet);
    for (const [a, f] of Object.entries(USER_FORMATS)) {
      const range = s.getRange(a);
      if (f.fill) range.format.fill.color = f.fill;
      if (f.font) range.format.font.color = f.font;
      if (f.bold) range.format.font.bold = true;
    }
    await ctx.sync();
  });
}

function expectUserFormats(r: Rig, sheet: string) {
  for (const [a, f] of Object.entries(USER_FORMATS)) {
    const got = r.fake.workbook.getCell(sheet, a).format;
    if (f.fill) expect([a, got.fillColor]).toEqual([a, f.fill]);
    if (f.font) expect([a, got.fontColor]).toEqual([a, f.font]);
    if (f.bold) expect([a, got.fontBold]).toEqual([a, true]);
  }
}

/** The findings a full, fresh check of the sheet gives (what the incremental checker must match). */
const key = (f: { ruleId: string; cells: string[]; message: { en: string } }) =>
  `${f.ruleId}|${f.cells.join(',')}|${f.message.en}`;
function expectSameAsFullCheck(r: Rig, sheet: string) {
  const full = sortFindings(checkForm(snapshotOf(r.fake, sheet))).map(key);
  expect(r.last().findings.map(key)).toEqual(full);
}

/** Runs an edit, waits for the coalesced check, and returns the round trips it cost. */
async function edit(
  r: Rig,
  fn: () => unknown,
): Promise<{ runs: number; maxSyncs: number; syncs: number }> {
  await r.settle();
  r.fake.stats.reset();
  fn();
  await r.settle();
  const perRun = r.fake.stats.perRun;
  return {
    runs: perRun.length,
    maxSyncs: Math.max(0, ...perRun.map((p) => p.syncs)),
    syncs: r.fake.stats.syncs,
  };
}

async function seedForm(r: Rig): Promise<{ sheet: string; typed: [string, string][] }> {
  await r.ready;
  const { layout, typed } = seedTyping();
  const sheet = await insertLayout(r, layout);
  await applyUserFormats(r, sheet);
  await r.host.checkAll();
  await r.settle();
  return { sheet, typed };
}

describe('live validation while the seed is typed cell by cell', () => {
  it('keeps marks, the pane list and the round trips right after every edit', async () => {
    const r = rig();
    const { sheet, typed } = await seedForm(r);
    expectMarksMatch(r.fake, sheet, r.last());
    let checks = 0;
    for (const [address, text] of typed) {
      const before = r.results.length;
      const cost = await edit(r, () => r.fake.user.type(sheet, address, text));
      // One edit: at most one check, which reads once and writes marks at most once.
      expect([address, cost.runs <= 1, cost.syncs <= 2]).toEqual([address, true, true]);
      if (r.results.length > before) checks++;
      expectMarksMatch(r.fake, sheet, r.last());
      // The incremental re-check lists exactly what a full check of the sheet would.
      expectSameAsFullCheck(r, sheet);
      expectUserFormats(r, sheet);
    }
    expect(checks).toBeGreaterThan(typed.length * 0.9);
    expectSameAsFullCheck(r, sheet);
    expectUserFormats(r, sheet);
    // The seed has real problems: they are listed and marked.
    expect(r.last().counts.error + r.last().counts.warning).toBeGreaterThan(0);
    expect(Object.keys(marksOn(r.fake, sheet)).length).toBeGreaterThan(0);
    // Marking never changed what the person typed.
    for (const [address, text] of typed.slice(0, 40)) {
      const c = r.fake.workbook.getCell(sheet, address);
      if (typeof c.value === 'string') expect(c.value).toBe(text);
    }
  }, 120_000);
});

describe('live validation of bursts, rows and undo', () => {
  let r: Rig;
  let sheet: string;
  beforeEach(async () => {
    r = rig();
    const s = await seedForm(r);
    sheet = s.sheet;
    for (const [a, t] of s.typed) r.fake.user.type(sheet, a, t);
    await r.settle();
    await r.host.checkAll();
    await r.settle();
  }, 60_000);

  it('checks a paste of 200 cells once, not 200 times, within the round-trip budget', async () => {
    const block = Array.from({ length: 25 }, (_, i) => [
      '管理效率',
      '预算执行',
      `指标${i}`,
      '95%',
      '96%',
      '≥97%',
      '计划标准',
      i % 2 ? '绩效创新性' : '绩效基本型',
    ]);
    const runsBefore = r.host.stats.liveRuns();
    const cost = await edit(r, () => r.fake.user.paste(sheet, 'B63', block));
    expect(r.host.stats.liveRuns() - runsBefore).toBe(1);
    expect(cost.runs).toBe(1);
    expect(cost.syncs).toBeLessThanOrEqual(2);
    expectMarksMatch(r.fake, sheet, r.last());
    expectSameAsFullCheck(r, sheet);
    // 绩效创新性 is a near miss of 绩效创新型: marked where it was pasted.
    expect(marksOn(r.fake, sheet).I64).toBeDefined();
    expectUserFormats(r, sheet);
  });

  it('coalesces fast typing: no queue builds up and the last state wins', async () => {
    const runsBefore = r.host.stats.liveRuns();
    const cost = await edit(r, () => {
      for (let i = 0; i < 60; i++) r.fake.user.type(sheet, 'E7', String(8000 + i));
      r.fake.user.type(sheet, 'E7', '　8167.74　');
    });
    expect(r.host.stats.liveRuns() - runsBefore).toBeLessThanOrEqual(2);
    expect(cost.runs).toBeLessThanOrEqual(2);
    expectSameAsFullCheck(r, sheet);
    expectMarksMatch(r.fake, sheet, r.last());
    // The last thing typed is text that looks like a number: that is what the list shows now.
    expect(r.last().findings.some((f) => f.cells.includes('E7'))).toBe(true);
  });

  it('follows rows a person inserts inside a table, and their undo', async () => {
    const before = r.last().findings.length;
    let cost = await edit(r, () => r.fake.user.insertRows(sheet, 70, 2));
    expect(cost.runs).toBe(1);
    expect(cost.maxSyncs).toBeLessThanOrEqual(2);
    expect(r.last().status.kind).toBe('ok');
    expectSameAsFullCheck(r, sheet);
    expectMarksMatch(r.fake, sheet, r.last());
    cost = await edit(r, () => r.fake.user.type(sheet, 'D70', '新增指标'));
    expectSameAsFullCheck(r, sheet);
    expectMarksMatch(r.fake, sheet, r.last());
    // Undo the typing, then the insertion: back to where we were.
    await edit(r, () => r.fake.user.undoLast());
    await edit(r, () => r.fake.user.undoLast());
    expectSameAsFullCheck(r, sheet);
    expectMarksMatch(r.fake, sheet, r.last());
    expect(r.last().findings.length).toBe(before);
    expectUserFormats(r, sheet);
  });

  it('restores a fixed cell by undo and brings its mark back', async () => {
    const stored = r.last().findings.find((f) => f.cells[0] === 'E7' && f.fix);
    expect(stored).toBeDefined();
    await edit(r, () => r.fake.user.type(sheet, 'E7', '8167.74'));
    expect(
      r.last().findings.find((f) => f.cells[0] === 'E7' && f.ruleId === stored!.ruleId),
    ).toBeUndefined();
    await edit(r, () => r.fake.user.undoLast());
    expect(
      r.last().findings.find((f) => f.cells[0] === 'E7' && f.ruleId === stored!.ruleId),
    ).toBeDefined();
    expectMarksMatch(r.fake, sheet, r.last());
  });

  it('does no work at all for an edit outside the form', async () => {
    const cost = await edit(r, () => r.fake.user.type(sheet, 'L5', '备注'));
    expect(cost.syncs).toBe(0);
  });

  it('ignores selection changes', async () => {
    const cost = await edit(r, () => r.fake.user.select(sheet, 'E7'));
    expect(cost.syncs).toBe(0);
  });
});

describe('marks', () => {
  it('distinguish errors from warnings by border style and font, not by colour alone', async () => {
    const r = rig();
    const { sheet, typed } = await seedForm(r);
    for (const [a, t] of typed) r.fake.user.type(sheet, a, t);
    await r.settle();
    const cfs = r.fake.workbook.conditionalFormats(sheet);
    const bySeverity = { error: 0, warning: 0 };
    for (const cf of cfs) {
      const m = parseMarkFormula(cf.formula);
      if (!m) continue;
      bySeverity[m.severity]++;
      const s = MARK_STYLE[m.severity];
      expect(cf.fillColor).toBe(s.fill);
      expect(cf.fontBold).toBe(s.bold);
      expect(cf.fontItalic).toBe(s.italic);
      expect(cf.borders.EdgeTop).toEqual({ style: s.borderStyle, color: s.borderColor });
      expect(cf.borders.EdgeLeft).toEqual({ style: s.borderStyle, color: s.borderColor });
    }
    expect(bySeverity.error).toBeGreaterThan(0);
    expect(bySeverity.warning).toBeGreaterThan(0);
  });

  it('never touch the cells: clearing restores exactly what was there', async () => {
    const r = rig();
    const { sheet, typed } = await seedForm(r);
    const pristine = r.fake.workbook.snapshotSheet(sheet);
    for (const [a, t] of typed) r.fake.user.type(sheet, a, t);
    await r.settle();
    const typedState = r.fake.workbook
      .snapshotSheet(sheet)
      .cells.map((c) => ({ ...c, conditionalFill: null }));
    expect(Object.keys(marksOn(r.fake, sheet)).length).toBeGreaterThan(5);
    const res = await r.host.clearMarks();
    expect(res.ok).toBe(true);
    expect(marksOn(r.fake, sheet)).toEqual({});
    const after = r.fake.workbook.snapshotSheet(sheet);
    expect(after.cells.map((c) => ({ ...c, conditionalFill: null }))).toEqual(typedState);
    // Own formats of every cell are as before anything was typed or marked.
    const own = (s: typeof pristine) =>
      s.cells.map((c) => [c.address, c.fillColor, c.fontColor, c.bold]);
    expect(own(after)).toEqual(own(pristine));
    expectUserFormats(r, sheet);
    // Cleared marks stay away while the person types; 全部检查 brings them back.
    await edit(r, () => r.fake.user.type(sheet, 'E8', '　1'));
    expect(marksOn(r.fake, sheet)).toEqual({});
    expect(r.last().findings.length).toBeGreaterThan(0);
    await r.host.checkAll();
    expectMarksMatch(r.fake, sheet, r.last());
  });

  it('go away as soon as the cell is right', async () => {
    const r = rig();
    const { sheet } = await seedForm(r);
    await edit(r, () => r.fake.user.type(sheet, 'I30', '绩效创新性'));
    expect(marksOn(r.fake, sheet).I30).toBeDefined();
    await edit(r, () => r.fake.user.type(sheet, 'I30', '绩效创新型'));
    expect(marksOn(r.fake, sheet).I30).toBeUndefined();
  });
});

describe('待填写: a freshly inserted form', () => {
  it('paints no marks and counts its empty required cells apart; real problems still mark', async () => {
    const r = rig();
    await r.ready;
    const sheet = (await r.host.insertForm({ year: 2025, common: true })).sheetName!;
    await r.settle();
    const fresh = await r.host.checkAll();
    expect(fresh.findings.length).toBeGreaterThan(100);
    expect(fresh.findings.every((f) => f.incomplete)).toBe(true);
    expect(fresh.counts).toEqual({
      error: 0,
      warning: 0,
      info: 0,
      incomplete: fresh.findings.length,
    });
    expect(marksOn(r.fake, sheet)).toEqual({});

    // Filling a required cell takes one off the count; a wrong value is a real, marked problem.
    r.fake.user.type(sheet, 'B3', '某某市商务局');
    await r.settle();
    expect(r.last().counts.incomplete).toBe(fresh.counts.incomplete - 1);
    r.fake.user.type(sheet, 'I19', '绩效创新性');
    await r.settle();
    const after = r.last();
    expect(after.counts).toMatchObject({ error: 1, warning: 0, info: 0 });
    const wrong = after.findings.find((f) => !f.incomplete)!;
    expect(wrong.cells).toEqual(['I19']);
    expect(marksOn(r.fake, sheet)).toEqual({ I19: 'error' });
  });
});

describe('所选单元格: the selection, from the event args alone', () => {
  it('tells where the user selects on the checked sheet, with no round trip and no check', async () => {
    const r = rig(['数据']);
    await r.ready;
    const sheet = (await r.host.insertForm({ year: 2025, common: false })).sheetName!;
    await r.settle();
    await r.host.checkAll();
    const seen: (string | null)[] = [];
    const stop = r.host.subscribeSelection((a) => seen.push(a));
    r.fake.stats.reset();
    const checks = r.host.stats.checks;
    r.fake.user.select(sheet, 'E7:F7'); // a merged cell: Excel selects the whole area
    await r.settle();
    r.fake.user.select(sheet, 'B3');
    await r.settle();
    expect(seen).toEqual(['E7:F7', 'B3']);
    expect(r.fake.stats.roundTrips).toBe(0);
    expect(r.host.stats.checks).toBe(checks);

    // Another sheet: until it is checked, the pane's findings are not about it (null); then the
    // selection there is reported (its findings, none here, are the pane's).
    r.fake.user.select('数据', 'B3');
    await r.settle();
    expect(r.last().status.sheetName).toBe('数据');
    expect(seen.slice(2)).toEqual([null, 'B3']);
    // Back on the form.
    r.fake.user.select(sheet, 'I4');
    await r.settle();
    expect(r.last().status.sheetName).toBe(sheet);
    expect(seen.slice(4)).toEqual([null, 'I4']);
    stop();
    r.fake.user.select(sheet, 'B4');
    await r.settle();
    expect(seen[seen.length - 1]).toBe('I4');
  });

  it('a pane opened later is told the current selection at once', async () => {
    const r = rig();
    await r.ready;
    const sheet = (await r.host.insertForm({ year: 2025, common: false })).sheetName!;
    await r.settle();
    r.fake.user.select(sheet, 'G4');
    await r.settle();
    const seen: (string | null)[] = [];
    r.host.subscribeSelection((a) => seen.push(a));
    expect(seen).toEqual(['G4']);
  });
});

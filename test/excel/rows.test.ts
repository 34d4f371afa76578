/** Issue 3: adding and deleting indicator rows keeps names, formulas, merges and rules right. */
import { computeLayout } from '../../src/core/form/layout';
import { BASIS_CHOICES, CATEGORY_CHOICES, LEVEL1_CHOICES } from '../../src/core/form/spec';
import type { Layout } from '../../src/core/form/types';
import { isRepeatRule } from '../../src/excel/rows';
import { namesOn, rig, type Rig } from './helpers';

const YEAR = 2024;

/** The names a form with these table sizes must have. */
const expectedNames = (longTerm: number, annual: number) =>
  Object.fromEntries(
    computeLayout({ year: YEAR, rows: { longTerm, annual } }).names.map((n) => [n.name, n.ref]),
  );

async function form(r: Rig): Promise<string> {
  await r.ready;
  const { sheetName } = await r.host.insertForm({ year: YEAR, common: false });
  await r.settle();
  return sheetName!;
}

/** Everything that must hold for a form whose tables have these sizes. */
function expectIntact(r: Rig, sheet: string, longTerm: number, annual: number) {
  const layout: Layout = computeLayout({ year: YEAR, rows: { longTerm, annual } });
  const wb = r.fake.workbook;
  expect(namesOn(r.fake, sheet)).toEqual(expectedNames(longTerm, annual));
  // Every formula of the layout is in its place and still evaluates.
  for (const c of layout.cells.filter((x) => x.formula)) {
    const got = wb.getCell(sheet, c.address);
    expect([c.address, got.formula]).toEqual([c.address, c.formula]);
    if (c.text) expect([c.address, got.text]).toEqual([c.address, c.text]);
  }
  const merges = wb.merges(sheet);
  for (const m of layout.merges) expect(merges).toContain(m);
  const model = wb.sheet(sheet);
  for (const t of Object.values(layout.tables)) {
    for (let row = t.firstRow; row <= t.lastRow; row++) {
      for (const [col, choices] of [
        [1, LEVEL1_CHOICES],
        [7, BASIS_CHOICES],
        [8, CATEGORY_CHOICES],
      ] as const) {
        const v = wb.validationAt(model, row - 1, col);
        expect([row, col, v?.rule?.list?.source]).toEqual([row, col, choices.join(',')]);
      }
    }
    const repeat = wb
      .conditionalFormats(sheet)
      .filter((cf) => isRepeatRule(cf.formula))
      .map((cf) => cf.ranges.join(','));
    expect(repeat).toEqual(
      expect.arrayContaining([`B${t.firstRow}:B${t.lastRow}`, `C${t.firstRow}:C${t.lastRow}`]),
    );
  }
  const repeatCount = wb.conditionalFormats(sheet).filter((cf) => isRepeatRule(cf.formula)).length;
  expect(repeatCount).toBe(4);
}

describe('addIndicatorRow', () => {
  it.each([
    ['inside the long-term table', 'B20', 9, 8],
    ['at the last long-term row', 'D26', 9, 8],
    ['at the last annual row', 'I38', 8, 9],
    ['inside the annual table', 'C31', 8, 9],
  ])('%s keeps every name, formula, merge and rule right', async (_, cell, lt, an) => {
    const r = rig();
    const sheet = await form(r);
    expectIntact(r, sheet, 8, 8);
    r.fake.user.type(sheet, 'E7', '100');
    r.fake.user.select(sheet, cell);
    await r.settle();
    r.fake.stats.reset();
    const res = await r.host.addIndicatorRow();
    expect(res.ok).toBe(true);
    expect(r.fake.stats.syncs).toBeLessThanOrEqual(3);
    expectIntact(r, sheet, lt, an);
    expect(r.fake.workbook.getCell(sheet, 'G7').text).toBe('100.00%');
    // The new row is painted like the others: unlocked white input cells with borders.
    const newRow = Number(cell.slice(1)) + 1;
    const c = r.fake.workbook.getCell(sheet, `D${newRow}`);
    expect(c.format.locked).toBe(false);
    expect(c.format.fillColor).toBe('#FFFFFF');
    await r.settle();
    expect(r.last().status.kind).toBe('ok');
  });

  it('merges the new long-term value cells E:G like the other rows', async () => {
    const r = rig();
    const sheet = await form(r);
    r.fake.user.select(sheet, 'B26');
    await r.host.addIndicatorRow();
    expect(r.fake.workbook.merges(sheet)).toEqual(expect.arrayContaining(['E27:G27', 'A18:A27']));
  });

  it('refuses outside an indicator table body, with a message saying what to select', async () => {
    const r = rig();
    const sheet = await form(r);
    // A form field, a table header, the 年度目标 row between the tables.
    for (const cell of ['E7', 'B18', 'B27', 'B30']) {
      r.fake.user.select(sheet, cell);
      const res = await r.host.addIndicatorRow();
      expect([cell, res.ok]).toEqual([cell, false]);
      expect(res.message.zh).toContain('指标');
      expect(res.message.en).toContain('indicator');
    }
    expectIntact(r, sheet, 8, 8);
  });

  it('says so when the active sheet holds no form', async () => {
    const r = rig();
    await r.ready;
    r.fake.user.select('Sheet1', 'B20');
    const res = await r.host.addIndicatorRow();
    expect(res).toMatchObject({ ok: false, message: { zh: expect.stringContaining('没有') } });
  });
});

describe('deleteIndicatorRow', () => {
  it('deletes the selected row and keeps names, formulas and rules right', async () => {
    const r = rig();
    const sheet = await form(r);
    r.fake.user.type(sheet, 'D20', '预算执行率');
    r.fake.user.type(sheet, 'D21', '结转结余率');
    r.fake.user.select(sheet, 'D20');
    r.fake.stats.reset();
    const res = await r.host.deleteIndicatorRow();
    expect(res.ok).toBe(true);
    expect(r.fake.stats.syncs).toBeLessThanOrEqual(3);
    expect(r.fake.workbook.getCell(sheet, 'D20').value).toBe('结转结余率');
    expectIntact(r, sheet, 7, 8);
  });

  it('deletes the first and the last body rows too', async () => {
    const r = rig();
    const sheet = await form(r);
    r.fake.user.select(sheet, 'B19');
    expect((await r.host.deleteIndicatorRow()).ok).toBe(true);
    expectIntact(r, sheet, 7, 8);
    r.fake.user.select(sheet, 'B36'); // the annual table's last row now
    expect((await r.host.deleteIndicatorRow()).ok).toBe(true);
    expectIntact(r, sheet, 7, 7);
  });

  it('refuses to delete the last remaining rows of a table', async () => {
    const r = rig();
    const sheet = await form(r);
    r.fake.user.select(sheet, 'B19:I26');
    const res = await r.host.deleteIndicatorRow();
    expect(res.ok).toBe(false);
    expect(res.message.zh).toContain('至少');
    expectIntact(r, sheet, 8, 8);
  });

  it('refuses outside a table body', async () => {
    const r = rig();
    const sheet = await form(r);
    r.fake.user.select(sheet, 'E10');
    const res = await r.host.deleteIndicatorRow();
    expect(res.ok).toBe(false);
    expectIntact(r, sheet, 8, 8);
  });
});

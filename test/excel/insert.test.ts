/** Issue 3: one-click insertion of the standard form, on the fake Excel. */
import { computeLayout } from '../../src/core/form/layout';
import { COLORS } from '../../src/core/form/layout';
import { contentOf, insertLayout, namesOn, rig } from './helpers';

const YEAR = 2024;

describe('insertForm', () => {
  it('creates a sheet holding every label, formula and sheet-scoped name of the layout', async () => {
    const r = rig();
    const res = await r.host.insertForm({ year: YEAR, common: true });
    expect(res.ok).toBe(true);
    expect(res.sheetName).toBe('绩效目标表2024');
    const sheet = res.sheetName!;
    const layout = computeLayout({ year: YEAR, common: true });
    const wb = r.fake.workbook;
    const wrong: string[] = [];
    for (const c of layout.cells) {
      const got = wb.getCell(sheet, c.address);
      if (c.formula) {
        if (got.formula !== c.formula) wrong.push(`${c.address} formula ${got.formula}`);
        if (c.text && got.text !== c.text) wrong.push(`${c.address} shows ${got.text}`);
      } else if (c.value !== undefined && got.value !== c.value)
        wrong.push(`${c.address} = ${String(got.value)}`);
      if (got.numberFormat !== (c.style.numberFormat ?? 'General'))
        wrong.push(`${c.address} format ${got.numberFormat}`);
      if (c.style.fill && got.format.fillColor !== c.style.fill) wrong.push(`${c.address} fill`);
      if (!!c.style.bold !== got.format.fontBold) wrong.push(`${c.address} bold`);
      if (c.style.fontName && got.format.fontName !== c.style.fontName)
        wrong.push(`${c.address} font`);
      if ((c.style.locked === false) === got.format.locked) wrong.push(`${c.address} locked`);
    }
    expect(wrong).toEqual([]);
    expect(namesOn(r.fake, sheet)).toEqual(
      Object.fromEntries(layout.names.map((n) => [n.name, n.ref])),
    );
    expect(wb.listNames(sheet).every((n) => n.scope === sheet)).toBe(true); // never workbook-scoped
    expect(wb.merges(sheet).sort()).toEqual([...layout.merges].sort());
    const lists = wb.validations(sheet);
    for (const v of layout.validations)
      expect(lists).toContainEqual(
        expect.objectContaining({
          ranges: [v.range.replace(/\$/g, '')],
          rule: expect.objectContaining({
            list: expect.objectContaining({ source: v.choices.join(',') }),
          }),
        }),
      );
    const cfs = wb.conditionalFormats(sheet);
    expect(cfs).toHaveLength(layout.conditionalFormats.length);
    for (const spec of layout.conditionalFormats) {
      const cf = cfs.find(
        (x) => x.ranges[0] === spec.range.replace(/\$/g, '') && x.formula === spec.formula,
      );
      expect(cf).toBeDefined();
      if (spec.kind === 'error') expect(cf!.fillColor).toBe(COLORS.errorFill);
      if (spec.kind === 'repeat') expect(cf!.fontColor).toBe(COLORS.repeatFont);
    }
  });

  it('sets up printing, frozen title rows, column widths and row heights', async () => {
    const r = rig();
    const { sheetName } = await r.host.insertForm({ year: YEAR, common: false });
    const snap = r.fake.workbook.snapshotSheet(sheetName!);
    const model = r.fake.workbook.sheet(sheetName!);
    expect(model.pageLayout).toMatchObject({
      paperSize: 'A4',
      orientation: 'Portrait',
      printTitleRows: '$1:$2',
      zoom: { horizontalFitToPages: 1 },
    });
    expect(snap.freeze).toEqual({ rows: 2, columns: 0 });
    const layout = computeLayout({ year: YEAR });
    // Column D (the long item labels) is the widest, as the layout says.
    expect(r.fake.workbook.columnWidth(model, 3)).toBeGreaterThan(
      r.fake.workbook.columnWidth(model, 0),
    );
    expect(r.fake.workbook.rowHeight(model, 0)).toBe(layout.rowHeights[1]);
    expect(r.fake.workbook.rowHeight(model, 14)).toBe(layout.rowHeights[15]);
  });

  it('computes shares and totals with formulas for the seed funding numbers', async () => {
    const r = rig();
    const { sheetName } = await r.host.insertForm({ year: YEAR, common: false });
    const s = sheetName!;
    const u = r.fake.user;
    u.type(s, 'E7', '8167.74');
    u.type(s, 'E11', '1546.73');
    u.type(s, 'E12', '248.35');
    u.type(s, 'E13', '6372.66');
    const v = (a: string) => r.fake.workbook.getCell(s, a);
    expect(v('E10').value).toBeCloseTo(8167.74, 6);
    expect(v('E14').value).toBeCloseTo(8167.74, 6);
    expect(v('G11').text).toBe('18.94%');
    expect(v('G12').text).toBe('3.04%');
    expect(v('G13').text).toBe('78.02%');
    expect(v('G14').text).toBe('100.00%');
    expect(v('G7').text).toBe('100.00%');
    // The funding rules hold, so no conditional format lights up on the totals.
    expect(r.fake.workbook.appliedConditionalFormats(s, 'E10')).toEqual([]);
    u.type(s, 'E12', '300');
    expect(r.fake.workbook.appliedConditionalFormats(s, 'E14').map((x) => x.fillColor)).toContain(
      COLORS.errorFill,
    );
  });

  it('inserts a second form next to the first, with the same names, leaving the first untouched', async () => {
    const r = rig();
    const first = (await r.host.insertForm({ year: YEAR, common: false })).sheetName!;
    r.fake.user.type(first, 'B3', '鄂州市商务局');
    const before = contentOf(r.fake, first);
    const namesBefore = namesOn(r.fake, first);
    const second = await r.host.insertForm({ year: YEAR, common: true });
    expect(second.sheetName).toBe('绩效目标表2024 (2)');
    expect(contentOf(r.fake, first)).toEqual(before);
    expect(namesOn(r.fake, first)).toEqual(namesBefore);
    expect(Object.keys(namesOn(r.fake, second.sheetName!)).sort()).toEqual(
      Object.keys(namesBefore).sort(),
    );
    const third = await r.host.insertForm({ year: YEAR, common: true });
    expect(third.sheetName).toBe('绩效目标表2024 (3)');
  });

  it('never writes to an existing sheet, whatever it is called', async () => {
    const r = rig(['绩效目标表2024']);
    r.fake.user.type('绩效目标表2024', 'A1', '我的数据');
    const before = contentOf(r.fake, '绩效目标表2024');
    const res = await r.host.insertForm({ year: YEAR, common: false });
    expect(res.sheetName).toBe('绩效目标表2024 (2)');
    expect(contentOf(r.fake, '绩效目标表2024')).toEqual(before);
    expect(r.fake.workbook.listNames('绩效目标表2024').filter((n) => n.scope)).toEqual([]);
  });

  it('shows the new form (activates it); the sheet that was active keeps its content', async () => {
    const r = rig(['数据']);
    r.fake.user.type('数据', 'C3', '42');
    const res = await r.host.insertForm({ year: YEAR, common: false });
    const wb = r.fake.workbook;
    expect(wb.sheet(wb.activeSheetId).name).toBe(res.sheetName);
    expect(wb.getCell('数据', 'C3').value).toBe(42);
  });

  it.each([40, 400])('takes at most two syncs for %i indicator rows per table', async (n) => {
    const r = rig();
    await r.ready;
    r.fake.stats.reset();
    const sheet = await insertLayout(
      r,
      computeLayout({ year: YEAR, rows: { longTerm: n, annual: n } }),
    );
    expect(r.fake.stats.syncs).toBeLessThanOrEqual(2);
    expect(r.fake.stats.roundTrips).toBeLessThanOrEqual(2);
    expect(namesOn(r.fake, sheet).Annual_Indicators).toMatch(
      new RegExp(
        `:\\$I\\$${computeLayout({ year: YEAR, rows: { longTerm: n, annual: n } }).lastRow}$`,
      ),
    );
  });

  it('refuses an invalid year with a clear message and changes nothing', async () => {
    const r = rig();
    const res = await r.host.insertForm({ year: 24, common: false });
    expect(res.ok).toBe(false);
    expect(res.message.zh).toContain('预算年度');
    expect(r.fake.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});

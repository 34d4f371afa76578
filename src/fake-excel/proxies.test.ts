import { createFakeExcel } from './index';

describe('proxy semantics: load, sync, queued writes', () => {
  test('reading a property before load and sync throws PropertyNotLoaded like Office.js', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      expect(() => range.values).toThrow(
        expect.objectContaining({ name: 'RichApi.Error', code: 'PropertyNotLoaded' }),
      );
      range.load('values');
      // Still not readable: the load is only queued.
      expect(() => range.values).toThrow(/The property 'values' is not available/);
      await context.sync();
      expect(range.values).toEqual([
        ['', ''],
        ['', ''],
      ]);
      // Loading values does not load address.
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('load accepts a string list, an array, paths and the object form; load() loads scalars', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const a = sheet.getRange('B3').load('address, rowIndex');
      const b = sheet.getRange('C4').load(['columnIndex', 'format/fill/color']);
      const c = sheet.getRange('D5').load({ select: 'rowCount' });
      const d = sheet.getRange('E6').load({ values: true, format: { font: { bold: true } } });
      const e = sheet.getRange('F7').load();
      await context.sync();
      expect(a.address).toBe('Sheet1!B3');
      expect(a.rowIndex).toBe(2);
      expect(b.columnIndex).toBe(2);
      expect(b.format.fill.color).toBe('#FFFFFF');
      expect(c.rowCount).toBe(1);
      expect(d.values).toEqual([['']]);
      expect(d.format.font.bold).toBe(false);
      expect(e.address).toBe('Sheet1!F7');
      expect(e.text).toEqual([['']]);
    });
  });

  test('collections load their items with load(), load("items"), load("name") or load("items/name")', async () => {
    const fake = createFakeExcel({ sheets: ['A', 'B'] });
    await fake.Excel.run(async (context) => {
      for (const form of [undefined, 'items', 'name', 'items/name']) {
        const sheets = context.workbook.worksheets;
        sheets.load(form);
        await context.sync();
        expect(sheets.items.map((w) => w.name)).toEqual(['A', 'B']);
      }
      const borders = context.workbook.worksheets
        .getItem('A')
        .getRange('A1')
        .format.borders.load('items/style');
      await context.sync();
      expect(borders.items.map((b) => b.style)).toEqual(Array(8).fill('None'));
    });
  });

  test('writes are invisible to the workbook until sync, then applied in order', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.values = [[1]];
      range.values = [[2]];
      expect(fake.workbook.getCell('Sheet1', 'A1').value).toBe('');
      // The value the add-in set is readable locally, as in Office.js.
      expect(range.values).toEqual([[2]]);
      await context.sync();
      expect(fake.workbook.getCell('Sheet1', 'A1').value).toBe(2);
    });
  });

  test('pending writes are sent when the batch ends without an explicit sync', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x']];
    });
    expect(fake.workbook.getCell('Sheet1', 'A1').value).toBe('x');
    expect(fake.stats.syncs).toBe(0);
    expect(fake.stats.roundTrips).toBe(1);
  });

  test('sync counting: every context.sync() counts, reset() zeroes, per-run counts are kept', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.values = [[1]];
      await context.sync();
      r.load('values');
      await context.sync();
      await context.sync(); // nothing queued: counts as a sync, not a round trip
    });
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [[2]];
      await context.sync();
    });
    expect(fake.stats.syncs).toBe(4);
    expect(fake.stats.roundTrips).toBe(3);
    expect(fake.stats.runs).toBe(2);
    expect(fake.stats.perRun).toEqual([
      { syncs: 3, roundTrips: 2 },
      { syncs: 1, roundTrips: 1 },
    ]);
    // Accessors used by tests never count.
    fake.workbook.getCell('Sheet1', 'A1');
    expect(fake.stats.syncs).toBe(4);
    fake.stats.reset();
    expect(fake.stats.syncs).toBe(0);
    expect(fake.stats.perRun).toEqual([]);
  });

  test('an invalid address rejects the sync with InvalidArgument; earlier writes stay applied', async () => {
    const fake = createFakeExcel();
    const result = fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').values = [['before']];
      sheet.getRange('NOT AN ADDRESS').values = [['x']];
      sheet.getRange('A2').values = [['after']];
      await context.sync();
    });
    await expect(result).rejects.toMatchObject({
      name: 'RichApi.Error',
      code: 'InvalidArgument',
      debugInfo: { errorLocation: 'Worksheet.getRange' },
    });
    expect(fake.workbook.getCell('Sheet1', 'A1').value).toBe('before');
    expect(fake.workbook.getCell('Sheet1', 'A2').value).toBe('');
  });

  test('values must match the range size', async () => {
    const fake = createFakeExcel();
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('getItem of a missing sheet rejects with ItemNotFound; getItemOrNullObject gives a null object', async () => {
    const fake = createFakeExcel();
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Nope').load('name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });

    await fake.Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const present = context.workbook.worksheets.getItemOrNullObject('Sheet1');
      expect(() => missing.isNullObject).toThrow(
        expect.objectContaining({ code: 'PropertyNotLoaded' }),
      );
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      const name = context.workbook.names.getItemOrNullObject('Missing');
      const used = context.workbook.worksheets.getItem('Sheet1').getUsedRangeOrNullObject();
      await context.sync();
      expect(name.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
    });
  });

  test('null in a values array leaves that cell unchanged; "" clears it', async () => {
    const fake = createFakeExcel();
    fake.user.paste('Sheet1', 'A1', [['a', 'b', 'c']]);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:C1').values = [[null, '', 'z']];
      await context.sync();
    });
    expect(fake.workbook.getCell('Sheet1', 'A1').value).toBe('a');
    expect(fake.workbook.getCell('Sheet1', 'B1').value).toBe('');
    expect(fake.workbook.getCell('Sheet1', 'C1').value).toBe('z');
  });

  test('objects of a finished run are invalid unless tracked', async () => {
    const fake = createFakeExcel();
    let kept: Excel.Range | undefined;
    let tracked: Excel.Range | undefined;
    await fake.Excel.run(async (context) => {
      kept = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      tracked = context.workbook.worksheets.getItem('Sheet1').getRange('B1');
      context.trackedObjects.add(tracked);
      await context.sync();
    });
    await expect(
      fake.Excel.run(kept as Excel.Range, async (context) => {
        (kept as Excel.Range).values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidObjectPath' });
    await fake.Excel.run(tracked as Excel.Range, async (context) => {
      (tracked as Excel.Range).values = [[2]];
      await context.sync();
    });
    expect(fake.workbook.getCell('Sheet1', 'B1').value).toBe(2);
  });

  test('the batch must return a promise', async () => {
    const fake = createFakeExcel();
    await expect(
      fake.Excel.run((() => undefined) as unknown as (c: Excel.RequestContext) => Promise<void>),
    ).rejects.toMatchObject({ code: 'RunMustReturnPromise' });
  });

  test('Excel.run returns the batch result and the enums carry Office.js values', async () => {
    const fake = createFakeExcel();
    const n = await fake.Excel.run(async () => 42);
    expect(n).toBe(42);
    expect(fake.Excel.InsertShiftDirection.down).toBe('Down');
    expect(fake.Excel.ErrorCodes.itemAlreadyExists).toBe('ItemAlreadyExists');
    expect(fake.Excel.EventTriggerSource.thisLocalAddin).toBe('ThisLocalAddin');
  });
});

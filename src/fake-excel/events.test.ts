import { createFakeExcel } from './index';

type Args = Excel.WorksheetChangedEventArgs;

/** Registers onChanged on Sheet1 and collects the arguments. */
async function listen(
  fake: ReturnType<typeof createFakeExcel>,
  scope: 'sheet' | 'collection' = 'sheet',
) {
  const seen: Args[] = [];
  await fake.Excel.run(async (context) => {
    const handler = async (e: Args) => {
      seen.push(e);
    };
    if (scope === 'sheet') context.workbook.worksheets.getItem('Sheet1').onChanged.add(handler);
    else context.workbook.worksheets.onChanged.add(handler);
    await context.sync();
  });
  return seen;
}

describe('events', () => {
  test('a person typing into one cell fires onChanged with details and triggerSource Unknown, after the edit', async () => {
    const fake = createFakeExcel();
    const seen = await listen(fake);
    fake.user.type('Sheet1', 'B2', '100');
    fake.user.type('Sheet1', 'B2', '120');
    // Never inside the write: nothing has been delivered yet.
    expect(seen).toHaveLength(0);
    await fake.settle();
    expect(seen).toHaveLength(2);
    expect(seen[1]).toMatchObject({
      type: 'WorksheetChanged',
      address: 'B2',
      changeType: 'RangeEdited',
      source: 'Local',
      triggerSource: 'Unknown',
      details: {
        valueBefore: 100,
        valueAfter: 120,
        valueTypeBefore: 'Double',
        valueTypeAfter: 'Double',
      },
    });
    expect(seen[1].worksheetId).toBe(fake.workbook.sheet('Sheet1').id);
  });

  test('a multi-cell paste fires one event without details', async () => {
    const fake = createFakeExcel();
    const seen = await listen(fake);
    fake.user.paste('Sheet1', 'A1', [
      ['1', '2'],
      ['3', '4'],
    ]);
    await fake.settle();
    expect(seen).toHaveLength(1);
    expect(seen[0].address).toBe('A1:B2');
    expect(seen[0].details).toBeUndefined();
  });

  test('the add-in’s own writes fire events with triggerSource ThisLocalAddin', async () => {
    const fake = createFakeExcel();
    const seen = await listen(fake, 'collection');
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('C3').values = [['x']];
      await context.sync();
    });
    await fake.settle();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      address: 'C3',
      triggerSource: 'ThisLocalAddin',
      details: { valueAfter: 'x' },
    });
  });

  test('runtime.enableEvents = false silences the add-in’s writes and persists until switched back on', async () => {
    const fake = createFakeExcel();
    const seen = await listen(fake);
    await fake.Excel.run(async (context) => {
      context.runtime.enableEvents = false;
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await context.sync();
    });
    // It is runtime-wide, not per run: a person's edit is not delivered either.
    fake.user.type('Sheet1', 'A2', '2');
    await fake.settle();
    expect(seen).toHaveLength(0);
    await fake.Excel.run(async (context) => {
      context.runtime.load('enableEvents');
      await context.sync();
      expect(context.runtime.enableEvents).toBe(false);
      context.runtime.enableEvents = true;
      await context.sync();
    });
    fake.user.type('Sheet1', 'A3', '3');
    await fake.settle();
    expect(seen.map((e) => e.address)).toEqual(['A3']);
  });

  test('event args getRange(ctx) reads the changed cells in a new run', async () => {
    const fake = createFakeExcel();
    const values: unknown[] = [];
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').onChanged.add(async (e) => {
        await fake.Excel.run(async (ctx) => {
          const r = e.getRange(ctx).load('values, address');
          await ctx.sync();
          values.push(r.address, r.values);
        });
      });
      await context.sync();
    });
    fake.user.paste('Sheet1', 'D4', [['7', '8']]);
    await fake.settle();
    expect(values).toEqual(['Sheet1!D4:E4', [[7, 8]]]);
  });

  test('row insertion and deletion report RowInserted / RowDeleted', async () => {
    const fake = createFakeExcel();
    const seen = await listen(fake);
    fake.user.insertRows('Sheet1', 5, 2);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('3:3').delete('Up');
      await context.sync();
    });
    await fake.settle();
    expect(seen.map((e) => [e.changeType, e.address, e.triggerSource])).toEqual([
      ['RowInserted', '5:6', 'Unknown'],
      ['RowDeleted', '3:3', 'ThisLocalAddin'],
    ]);
  });

  test('handlers can be removed; selection changes are reported', async () => {
    const fake = createFakeExcel();
    const selections: string[] = [];
    let changes = 0;
    const result = await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.onSelectionChanged.add(async (e) => {
        selections.push(e.address);
      });
      const r = sheet.onChanged.add(async () => {
        changes++;
      });
      await context.sync();
      return r;
    });
    fake.user.select('Sheet1', 'C5:D6');
    fake.user.type('Sheet1', 'C5', '1');
    await fake.settle();
    await fake.Excel.run(result.context as Excel.RequestContext, async (context) => {
      result.remove();
      await context.sync();
    });
    fake.user.type('Sheet1', 'C5', '2');
    await fake.settle();
    expect(selections).toEqual(['C5:D6']);
    expect(changes).toBe(1);
  });

  test('a handler that throws does not stop the others', async () => {
    const fake = createFakeExcel();
    let ok = 0;
    await fake.Excel.run(async (context) => {
      const s = context.workbook.worksheets.getItem('Sheet1');
      s.onChanged.add(async () => {
        throw new Error('boom');
      });
      s.onChanged.add(async () => {
        ok++;
      });
      await context.sync();
    });
    fake.user.type('Sheet1', 'A1', 'x');
    await fake.settle();
    expect(ok).toBe(1);
    expect(fake.events.errors).toHaveLength(1);
  });
});

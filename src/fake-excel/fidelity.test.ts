/**
 * The selection after rows are inserted, and automatic row heights that grow with wrapped text:
 * what a person sees in Excel, so the playground shows it too.
 */
import { createFakeExcel, type FakeExcel } from './index';

async function selectedAddress(fake: FakeExcel): Promise<string> {
  return fake.Excel.run(async (ctx) => {
    const r = ctx.workbook.getSelectedRange();
    r.load('address');
    await ctx.sync();
    return r.address;
  });
}

async function selectionEvents(fake: FakeExcel, body: () => void | Promise<void>) {
  const seen: string[] = [];
  await fake.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').onSelectionChanged.add(async (e) => {
      seen.push(e.address);
    });
    await ctx.sync();
  });
  await body();
  await fake.settle();
  return seen;
}

describe('the selection after rows are inserted', () => {
  test('inserting through a row header: the selection is on the inserted rows', async () => {
    const fake = createFakeExcel();
    fake.user.type('Sheet1', 'A5', '第五行');
    fake.user.select('Sheet1', 'E7');
    const seen = await selectionEvents(fake, () => {
      expect(fake.user.insertRows('Sheet1', 5, 2)).toEqual({ ok: true });
    });
    // Right-clicking the header of row 5 selected rows 5:6; they are the new, empty rows.
    expect(seen).toEqual(['5:6']);
    expect(await selectedAddress(fake)).toBe('Sheet1!5:6');
    expect(fake.workbook.getCell('Sheet1', 'A5').value).toBe('');
    expect(fake.workbook.getCell('Sheet1', 'A7').value).toBe('第五行');
  });

  test('rows already selected stay selected, without a selection event', async () => {
    const fake = createFakeExcel();
    fake.user.select('Sheet1', '3:3');
    const seen = await selectionEvents(fake, () => {
      fake.user.insertRows('Sheet1', 3);
    });
    expect(seen).toEqual([]);
    expect(await selectedAddress(fake)).toBe('Sheet1!3:3');
  });

  test('an insert by the add-in (the API) does not move the selection', async () => {
    const fake = createFakeExcel();
    fake.user.type('Sheet1', 'E7', '选中');
    fake.user.select('Sheet1', 'E7');
    const seen = await selectionEvents(fake, async () => {
      await fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('3:4').insert('Down');
        await ctx.sync();
      });
    });
    expect(seen).toEqual([]);
    expect(await selectedAddress(fake)).toBe('Sheet1!E7');
    expect(fake.workbook.getCell('Sheet1', 'E9').value).toBe('选中');
  });

  test('deleting through a row header: the selection stays on the rows that moved up', async () => {
    const fake = createFakeExcel();
    fake.user.type('Sheet1', 'A7', '第七行');
    expect(fake.user.deleteRows('Sheet1', 5, 2)).toEqual({ ok: true });
    expect(await selectedAddress(fake)).toBe('Sheet1!5:6');
    expect(fake.workbook.getCell('Sheet1', 'A5').value).toBe('第七行');
  });
});

describe('automatic row heights', () => {
  const LONG = '负责全市商务发展规划、招商引资、对外贸易和消费促进等工作，组织实施年度目标任务。';

  async function setUp(fake: FakeExcel) {
    await fake.Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('B:B').format.columnWidth = 60;
      s.getRange('B2:B6').format.wrapText = true;
      s.getRange('B4:C4').merge();
      s.getRange('5:5').format.rowHeight = 20;
      await ctx.sync();
    });
  }
  const height = (fake: FakeExcel, row: number) =>
    fake.workbook.rowHeight(fake.workbook.sheet('Sheet1'), row - 1);

  test('a row of default height grows to show the wrapped text typed into it', async () => {
    const fake = createFakeExcel();
    await setUp(fake);
    expect(height(fake, 2)).toBe(15);
    fake.user.type('Sheet1', 'B2', LONG);
    const grown = height(fake, 2);
    expect(grown).toBeGreaterThanOrEqual(4 * 15);
    // The add-in reads the same height.
    const read = await fake.Excel.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem('Sheet1').getRange('B2').format;
      f.load('rowHeight');
      await ctx.sync();
      return f.rowHeight;
    });
    expect(read).toBe(grown);
    // Shorter text, shorter row; no text, the default again.
    fake.user.type('Sheet1', 'B2', '短');
    expect(height(fake, 2)).toBe(15);
  });

  test('values written by the add-in and line breaks grow the row too', async () => {
    const fake = createFakeExcel();
    await setUp(fake);
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('B3').values = [['一\n二\n三']];
      await ctx.sync();
    });
    expect(height(fake, 3)).toBeGreaterThanOrEqual(3 * 15);
  });

  test('not for merged cells, rows of a set height, or text that does not wrap', async () => {
    const fake = createFakeExcel();
    await setUp(fake);
    fake.user.type('Sheet1', 'B4', LONG); // B4:C4 merged: Excel does not autofit it
    fake.user.type('Sheet1', 'B5', LONG); // row 5 has a custom height
    fake.user.type('Sheet1', 'D6', LONG); // D6 does not wrap
    expect([height(fake, 4), height(fake, 5), height(fake, 6)]).toEqual([15, 20, 15]);
    // autofitRows makes a custom height automatic again.
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('5:5').format.autofitRows();
      await ctx.sync();
    });
    expect(height(fake, 5)).toBeGreaterThanOrEqual(4 * 15);
  });

  test('an inserted row takes the height of the row above; a set height stays set', async () => {
    const fake = createFakeExcel();
    await setUp(fake);
    fake.user.insertRows('Sheet1', 6);
    expect(height(fake, 6)).toBe(20);
    fake.user.type('Sheet1', 'B6', LONG);
    expect(height(fake, 6)).toBe(20); // custom, as the row above
  });
});

import { createFakeExcel } from './index';

describe('formats, layout and sheets', () => {
  test('format properties: uniform values, null when cells differ, borders per edge', async () => {
    const fake = createFakeExcel({ defaultFont: { name: '等线', size: 11 } });
    await fake.Excel.run(async (context) => {
      const s = context.workbook.worksheets.getItem('Sheet1');
      const r = s.getRange('A1:B2');
      r.set({
        format: {
          fill: { color: 'yellow' },
          font: { bold: true, size: 12 },
          horizontalAlignment: 'Center',
          wrapText: true,
        },
      });
      s.getRange('B2').format.fill.color = '#DDEBF7';
      r.format.borders.getItem('EdgeBottom').style = 'Continuous';
      r.format.borders.getItem('InsideVertical').style = 'Dash';
      r.format.columnWidth = 120;
      s.getRange('1:1').format.rowHeight = 30;
      await context.sync();
      const fill = r.format.fill.load('color');
      const a1 = s
        .getRange('A1')
        .format.load('horizontalAlignment, wrapText, columnWidth, rowHeight');
      const font = s.getRange('A1').format.font.load('name, size, bold, color');
      const bottom = r.format.borders.getItem('EdgeBottom').load('style, color, weight');
      const top = r.format.borders.getItem('EdgeTop').load('style');
      await context.sync();
      expect(fill.color).toBeNull();
      expect(a1.toJSON()).toEqual({
        horizontalAlignment: 'Center',
        wrapText: true,
        columnWidth: 120,
        rowHeight: 30,
      });
      expect(font.toJSON()).toEqual({ name: '等线', size: 12, bold: true, color: '#000000' });
      expect(bottom.toJSON()).toEqual({ style: 'Continuous', color: '#000000', weight: 'Thin' });
      expect(top.style).toBe('None');
    });
    expect(fake.workbook.getCell('Sheet1', 'A1').format.fillColor).toBe('#FFFF00');
    expect(fake.workbook.getCell('Sheet1', 'A1').format.borderRight.style).toBe('Dash');
    expect(fake.workbook.getCell('Sheet1', 'B2').format.borderLeft.style).toBe('Dash');
  });

  test('a colour Excel does not know rejects the sync', async () => {
    const fake = createFakeExcel();
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').format.fill.color =
          'not-a-colour';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('page layout, print titles, freeze panes and tab colour', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context) => {
      const s = context.workbook.worksheets.getItem('Sheet1');
      s.pageLayout.orientation = 'Landscape';
      s.pageLayout.paperSize = 'A4';
      s.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      s.pageLayout.setPrintTitleRows('$3:$4');
      s.freezePanes.freezeRows(4);
      s.tabColor = '#FF0000';
      await context.sync();
      const pl = s.pageLayout.load('orientation, zoom');
      const titles = s.pageLayout.getPrintTitleRowsOrNullObject().load('address');
      const frozen = s.freezePanes.getLocationOrNullObject().load('address');
      await context.sync();
      expect(pl.orientation).toBe('Landscape');
      expect(pl.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect(titles.address).toBe('Sheet1!3:4');
      expect(frozen.address).toBe('Sheet1!1:4');
    });
    // Print titles follow inserted rows.
    fake.user.insertRows('Sheet1', 1);
    expect(fake.workbook.sheet('Sheet1').pageLayout.printTitleRows).toBe('$4:$5');
  });

  test('worksheets: add, duplicate name, positions, active sheet, onAdded', async () => {
    const fake = createFakeExcel();
    const added: string[] = [];
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.onAdded.add(async (e) => {
        added.push(e.worksheetId);
      });
      await context.sync();
      const s = context.workbook.worksheets.add('部门整体绩效目标表');
      s.activate();
      s.load('id, name, position');
      const count = context.workbook.worksheets.getCount();
      await context.sync();
      expect(s.position).toBe(1);
      expect(count.value).toBe(2);
      const active = context.workbook.worksheets.getActiveWorksheet().load('name');
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      expect(active.name).toBe('部门整体绩效目标表');
      expect(sheets.items.map((x) => x.name)).toEqual(['Sheet1', '部门整体绩效目标表']);
    });
    await fake.settle();
    expect(added).toEqual([fake.workbook.sheet('部门整体绩效目标表').id]);
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.add('sheet1');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });

  test('used range and selection', async () => {
    const fake = createFakeExcel();
    fake.user.paste('Sheet1', 'B2', [
      ['1', '2'],
      ['3', ''],
    ]);
    fake.user.select('Sheet1', 'C3');
    await fake.Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem('Sheet1').getUsedRange(true).load('address');
      const sel = context.workbook.getSelectedRange().load('address');
      const cell = context.workbook.getActiveCell().load('address');
      await context.sync();
      expect(used.address).toBe('Sheet1!B2:C3');
      expect(sel.address).toBe('Sheet1!C3');
      expect(cell.address).toBe('Sheet1!C3');
    });
  });
});

import { createFakeExcel } from './index';

/** A small block: values in B2:B4, total in B5, a name over B2:B4, merges, CF and validation. */
async function setup() {
  const fake = createFakeExcel();
  await fake.Excel.run(async (context) => {
    const s = context.workbook.worksheets.getItem('Sheet1');
    s.getRange('A1:C1').merge();
    s.getRange('A1').values = [['部门整体绩效目标表']];
    s.getRange('B2:B4').values = [[1], [2], [3]];
    s.getRange('B5').formulas = [['=SUM(B2:B4)']];
    s.names.add('Items', s.getRange('B2:B4'));
    s.names.add('Total', s.getRange('B5'));
    s.names.add('Below', s.getRange('B8'));
    s.getRange('D2:E4').merge(true);
    s.getRange('F2:F4').merge();
    const cf = s.getRange('B2:B4').conditionalFormats.add('Custom');
    cf.custom.rule.formula = '=$B2>2';
    cf.custom.format.fill.color = '#FFC7CE';
    cf.custom.format.font.color = '#9C0006';
    s.getRange('C2:C4').dataValidation.rule = {
      list: { inCellDropDown: true, source: '绩效基本型,绩效创新型' },
    };
    s.getRange('B2:B4').format.fill.color = '#FFFF00';
    await context.sync();
  });
  return fake;
}

const formula = (fake: ReturnType<typeof createFakeExcel>, name: string) =>
  fake.workbook.listNames().find((n) => n.name === name)?.formula;

describe('inserting and deleting rows moves everything as Excel does', () => {
  test('a row inserted inside a named range grows it and shifts formulas, merges, CF and validation', async () => {
    const fake = await setup();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('3:3').insert('Down');
      await context.sync();
    });
    expect(formula(fake, 'Items')).toBe('=Sheet1!$B$2:$B$5');
    expect(formula(fake, 'Total')).toBe('=Sheet1!$B$6');
    expect(formula(fake, 'Below')).toBe('=Sheet1!$B$9');
    expect(fake.workbook.getCell('Sheet1', 'B6')).toMatchObject({
      formula: '=SUM(B2:B5)',
      value: 6,
    });
    expect(fake.workbook.merges('Sheet1').sort()).toEqual([
      'A1:C1',
      'D2:E2',
      'D4:E4',
      'D5:E5',
      'F2:F5',
    ]);
    expect(fake.workbook.conditionalFormats('Sheet1')[0]).toMatchObject({
      ranges: ['B2:B5'],
      formula: '=$B2>2',
    });
    expect(fake.workbook.validations('Sheet1')[0].ranges).toEqual(['C2:C5']);
    // The new row takes the format of the row above.
    expect(fake.workbook.getCell('Sheet1', 'B3').format.fillColor).toBe('#FFFF00');
    // The CF rule still evaluates per cell: B5 now holds 3.
    expect(fake.workbook.appliedConditionalFormats('Sheet1', 'B5')).toEqual([
      expect.objectContaining({ fillColor: '#FFC7CE', fontColor: '#9C0006' }),
    ]);
    expect(fake.workbook.appliedConditionalFormats('Sheet1', 'B2')).toEqual([]);
  });

  test('a row inserted directly below a range does not grow it', async () => {
    const fake = await setup();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('5:5').insert('Down');
      await context.sync();
    });
    expect(formula(fake, 'Items')).toBe('=Sheet1!$B$2:$B$4');
    expect(formula(fake, 'Total')).toBe('=Sheet1!$B$6');
    expect(fake.workbook.getCell('Sheet1', 'B6').formula).toBe('=SUM(B2:B4)');
    expect(fake.workbook.conditionalFormats('Sheet1')[0].ranges).toEqual(['B2:B4']);
    expect(fake.workbook.validations('Sheet1')[0].ranges).toEqual(['C2:C4']);
  });

  test('a row inserted at the first row of a range moves it', async () => {
    const fake = await setup();
    fake.user.insertRows('Sheet1', 2, 2);
    expect(formula(fake, 'Items')).toBe('=Sheet1!$B$4:$B$6');
    expect(fake.workbook.merges('Sheet1')).toContain('A1:C1');
    expect(fake.workbook.merges('Sheet1').sort()).toEqual([
      'A1:C1',
      'D4:E4',
      'D5:E5',
      'D6:E6',
      'F4:F6',
    ]);
  });

  test('deleting rows shrinks ranges; deleting all of a name’s rows makes it #REF!', async () => {
    const fake = await setup();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('3:3').delete('Up');
      await context.sync();
    });
    expect(formula(fake, 'Items')).toBe('=Sheet1!$B$2:$B$3');
    expect(fake.workbook.getCell('Sheet1', 'B4')).toMatchObject({
      formula: '=SUM(B2:B3)',
      value: 4,
    });
    expect(fake.workbook.validations('Sheet1')[0].ranges).toEqual(['C2:C3']);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('4:4').delete('Up');
      await context.sync();
    });
    expect(formula(fake, 'Total')).toBe('=#REF!');
    const named = await fake.Excel.run(async (context) => {
      const n = context.workbook.worksheets
        .getItem('Sheet1')
        .names.getItem('Total')
        .load('type, value');
      const r = context.workbook.worksheets
        .getItem('Sheet1')
        .names.getItem('Total')
        .getRangeOrNullObject();
      await context.sync();
      return { type: n.type, value: n.value, rangeIsNull: r.isNullObject };
    });
    expect(named).toEqual({ type: 'Error', value: '#REF!', rangeIsNull: true });
  });

  test('insert on part of a row shifts only those columns down', async () => {
    const fake = createFakeExcel();
    fake.user.paste('Sheet1', 'A1', [
      ['a1', 'b1'],
      ['a2', 'b2'],
    ]);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets
        .getItem('Sheet1')
        .getRange('A1')
        .insert(fake.Excel.InsertShiftDirection.down);
      await context.sync();
    });
    expect(fake.workbook.getCell('Sheet1', 'A1').value).toBe('');
    expect(fake.workbook.getCell('Sheet1', 'A2').value).toBe('a1');
    expect(fake.workbook.getCell('Sheet1', 'A3').value).toBe('a2');
    expect(fake.workbook.getCell('Sheet1', 'B1').value).toBe('b1');
  });

  test('merging over part of an existing merge is an InvalidOperation; merged areas are reported', async () => {
    const fake = await setup();
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('B1:D1').merge();
        await context.sync();
      }),
    ).rejects.toMatchObject({
      code: 'InvalidOperation',
      debugInfo: { errorLocation: 'Range.merge' },
    });
    const areas = await fake.Excel.run(async (context) => {
      const s = context.workbook.worksheets.getItem('Sheet1');
      const a = s.getRange('A1:D4').getMergedAreasOrNullObject().load('address, areaCount');
      const none = s.getRange('F10').getMergedAreasOrNullObject();
      await context.sync();
      return { address: a.address, count: a.areaCount, none: none.isNullObject };
    });
    expect(areas).toEqual({
      address: 'Sheet1!A1:C1,Sheet1!D2:E2,Sheet1!D3:E3,Sheet1!D4:E4',
      count: 4,
      none: true,
    });
  });

  test('merging keeps only the top-left value', async () => {
    const fake = createFakeExcel();
    fake.user.paste('Sheet1', 'A1', [['keep', 'drop']]);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').merge();
      await context.sync();
    });
    expect(fake.workbook.getCell('Sheet1', 'B1').value).toBe('');
    expect(fake.workbook.merges('Sheet1')).toEqual(['A1:B1']);
  });
});

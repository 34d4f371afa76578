import { createFakeExcel } from './index';

describe('FakeUser: what a person does in Excel', () => {
  test.each([
    ['8167.74', 8167.74, 'General', '8167.74', 'Double'],
    ['　8167.74', '　8167.74', 'General', '　8167.74', 'String'],
    ['18.94%', 0.1894, '0.00%', '18.94%', 'Double'],
    ['5%', 0.05, '0%', '5%', 'Double'],
    ["'0123", '0123', 'General', '0123', 'String'],
    ['1,234.5', 1234.5, '#,##0.00', '1,234.50', 'Double'],
    ['(12)', -12, 'General', '-12', 'Double'],
    ['true', true, 'General', 'TRUE', 'Boolean'],
    ['增长7.5%', '增长7.5%', 'General', '增长7.5%', 'String'],
    ['-', '-', 'General', '-', 'String'],
    ['2024-03-01', 45352, 'yyyy/m/d', '2024/3/1', 'Double'],
  ])('typing %j stores %j (format %s, shows %s)', (typed, value, format, text, type) => {
    const fake = createFakeExcel();
    expect(fake.user.type('Sheet1', 'A1', typed)).toEqual({ ok: true });
    expect(fake.workbook.getCell('Sheet1', 'A1')).toMatchObject({
      value,
      numberFormat: format,
      text,
      valueType: type,
    });
  });

  test('typing a formula stores it and shows its result; a broken formula is refused', () => {
    const fake = createFakeExcel();
    fake.user.paste('Sheet1', 'A1', [['1'], ['2']]);
    expect(fake.user.type('Sheet1', 'A3', '=SUM(A1:A2)')).toEqual({ ok: true });
    expect(fake.workbook.getCell('Sheet1', 'A3')).toMatchObject({
      formula: '=SUM(A1:A2)',
      value: 3,
    });
    const refused = fake.user.type('Sheet1', 'A4', '=SUM(A1:');
    expect(refused).toMatchObject({ ok: false, reason: 'invalidFormula' });
    expect(fake.workbook.getCell('Sheet1', 'A4').value).toBe('');
  });

  test('a cell formatted as text keeps what is typed as text', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').numberFormat = [['@']];
      await context.sync();
    });
    fake.user.type('Sheet1', 'A1', '8167.74');
    expect(fake.workbook.getCell('Sheet1', 'A1')).toMatchObject({
      value: '8167.74',
      valueType: 'String',
    });
  });

  test('list validation refuses a typed value outside the list, but a paste gets through', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange('F2:F10');
      r.dataValidation.rule = { list: { inCellDropDown: true, source: '绩效基本型, 绩效创新型' } };
      await context.sync();
    });
    expect(fake.user.type('Sheet1', 'F2', '绩效创新型')).toEqual({ ok: true });
    expect(fake.user.type('Sheet1', 'F3', '绩效创新性')).toMatchObject({
      ok: false,
      reason: 'validation',
    });
    expect(fake.workbook.getCell('Sheet1', 'F3').value).toBe('');
    expect(fake.user.paste('Sheet1', 'F3', [['绩效创新性']])).toEqual({ ok: true });
    expect(fake.workbook.isCellValid(fake.workbook.sheet('Sheet1'), 2, 5)).toBe(false);
    const valid = await fake.Excel.run(async (context) => {
      const dv = context.workbook.worksheets
        .getItem('Sheet1')
        .getRange('F2:F10')
        .dataValidation.load('valid, type, rule');
      await context.sync();
      return { valid: dv.valid, type: dv.type, source: dv.rule.list?.source };
    });
    expect(valid).toEqual({ valid: false, type: 'List', source: '绩效基本型, 绩效创新型' });
  });

  test('a list validation can take its items from a range', async () => {
    const fake = createFakeExcel({ sheets: ['Sheet1', 'DATA2024'] });
    fake.user.paste('DATA2024', 'A1', [['健全'], ['规范']]);
    await fake.Excel.run(async (context) => {
      const source = context.workbook.worksheets.getItem('DATA2024').getRange('A1:A2');
      context.workbook.worksheets.getItem('Sheet1').getRange('B2').dataValidation.rule = {
        list: { inCellDropDown: true, source },
      };
      await context.sync();
    });
    expect(fake.workbook.validations('Sheet1')[0].rule?.list?.source).toBe('=DATA2024!$A$1:$A$2');
    expect(fake.workbook.dropdownItems('Sheet1', 'B2')).toEqual(['健全', '规范']);
    expect(fake.user.type('Sheet1', 'B2', '规范')).toEqual({ ok: true });
    expect(fake.user.type('Sheet1', 'B2', '完全相符')).toMatchObject({
      ok: false,
      reason: 'validation',
    });
  });

  test('a protected sheet refuses edits to locked cells and accepts unlocked ones', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context) => {
      const s = context.workbook.worksheets.getItem('Sheet1');
      s.getRange('B2').format.protection.locked = false;
      s.protection.protect();
      await context.sync();
    });
    expect(fake.user.type('Sheet1', 'A1', 'x')).toMatchObject({ ok: false, reason: 'protected' });
    expect(fake.user.type('Sheet1', 'B2', 'y')).toEqual({ ok: true });
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['z']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  test('undoLast restores the previous values; protecting the sheet empties the undo history', async () => {
    const fake = createFakeExcel();
    fake.user.type('Sheet1', 'A1', '1');
    fake.user.paste('Sheet1', 'A1', [['2', '3']]);
    expect(fake.user.undoLast()).toBe(true);
    expect(fake.workbook.getCell('Sheet1', 'A1').value).toBe(1);
    expect(fake.workbook.getCell('Sheet1', 'B1').value).toBe('');
    fake.user.type('Sheet1', 'A2', '5');
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').protection.protect();
      await context.sync();
    });
    expect(fake.user.undoLast()).toBe(false);
    expect(fake.workbook.getCell('Sheet1', 'A2').value).toBe(5);
  });

  test('undo of a row insertion removes the rows again', () => {
    const fake = createFakeExcel();
    fake.user.paste('Sheet1', 'A1', [['a'], ['b']]);
    fake.user.insertRows('Sheet1', 2);
    expect(fake.workbook.getCell('Sheet1', 'A3').value).toBe('b');
    fake.user.undoLast();
    expect(fake.workbook.getCell('Sheet1', 'A2').value).toBe('b');
  });

  test('renaming a sheet keeps formulas and names pointing at it; deleting a name', async () => {
    const fake = createFakeExcel({ sheets: ['Sheet1', 'Data'] });
    fake.user.type('Data', 'A1', '42');
    await fake.Excel.run(async (context) => {
      context.workbook.names.add('Answer', '=Data!$A$1');
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').formulas = [['=Data!A1+Answer']];
      await context.sync();
    });
    expect(fake.user.renameSheet('Data', '数据')).toEqual({ ok: true });
    expect(fake.workbook.getCell('Sheet1', 'A1')).toMatchObject({
      formula: '=数据!A1+Answer',
      value: 84,
    });
    expect(fake.workbook.listNames()[0].formula).toBe('=数据!$A$1');
    expect(fake.user.deleteName('Answer')).toEqual({ ok: true });
    expect(fake.workbook.getCell('Sheet1', 'A1').value).toBe('#NAME?');
  });

  test('snapshotSheet is JSON-serialisable and shows text, formats and conditional fills', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context) => {
      const s = context.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:B1').values = [['占比', 0.5]];
      s.getRange('B1').numberFormat = [['0.00%']];
      s.getRange('A1').format.font.bold = true;
      const cf = s.getRange('B1').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=B1>0.4';
      cf.custom.format.fill.color = 'red';
      await context.sync();
    });
    const snap = JSON.parse(JSON.stringify(fake.workbook.snapshotSheet('Sheet1')));
    expect(snap.cells).toEqual([
      expect.objectContaining({ address: 'A1', text: '占比', bold: true }),
      expect.objectContaining({ address: 'B1', text: '50.00%', conditionalFill: '#FF0000' }),
    ]);
  });
});

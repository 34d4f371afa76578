import { createFakeExcel } from './index';

const SHEET = '部门整体绩效目标表';

describe('formulas (HyperFormula) and defined names', () => {
  test('SUM, ratios through names, IF/IFERROR/ROUND/TEXT and & evaluate, and recalc after edits', async () => {
    const fake = createFakeExcel({ sheets: [SHEET] });
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      sheet.getRange('B2:B5').values = [[8167.74], [120.5], [0], ['=SUM(B2:B4)']];
      sheet.names.add('Total', sheet.getRange('B5'));
      context.workbook.names.add('FinanceAmount', `=${SHEET}!$B$2`);
      sheet.getRange('C2:C6').formulas = [
        ['=ROUND(FinanceAmount/Total,4)'],
        ['=IFERROR(B4/B3,"-")'],
        ['=IF(AND(B2>0,OR(B3>0,B4>0)),"有","无")&"数据"'],
        ['=TEXT(B2/B5,"0.00%")'],
        ['=ABS(-B3)'],
      ];
      await context.sync();
      const c = sheet.getRange('C2:C6').load('values, formulas, text');
      await context.sync();
      expect(c.values).toEqual([[0.9855], [0], ['有数据'], ['98.55%'], [120.5]]);
      expect(c.formulas[0][0]).toBe('=ROUND(FinanceAmount/Total,4)');
    });
    // A person edits a source cell: dependants recalculate.
    fake.user.type(SHEET, 'B3', '8167.74');
    expect(fake.workbook.getCell(SHEET, 'B5').value).toBeCloseTo(16335.48, 6);
    expect(fake.workbook.getCell(SHEET, 'C2').value).toBe(0.5);
    expect(fake.workbook.getCell(SHEET, 'C5').text).toBe('50.00%');
  });

  test('range.formulas returns constants for non-formula cells; text honours number formats', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange('A1:F1');
      r.values = [[1234.5, 0.1894, 0.5, 'abc', 3, 1234567.891]];
      r.numberFormat = [['#,##0.00', '0.00%', '0%', '@', '0.00', 'General']];
      r.load('formulas, text, valueTypes');
      await context.sync();
      expect(r.formulas).toEqual([[1234.5, 0.1894, 0.5, 'abc', 3, 1234567.891]]);
      expect(r.text).toEqual([['1,234.50', '18.94%', '50%', 'abc', '3.00', '1234567.891']]);
      expect(r.valueTypes).toEqual([['Double', 'Double', 'Double', 'String', 'Double', 'Double']]);
    });
  });

  test('an API string value is parsed like typing: numbers, percentages, formulas, apostrophe', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange('A1:E1');
      r.values = [['8167.74', '18.94%', '=A1*2', "'0123", '　8167.74']];
      await context.sync();
    });
    const cell = (a: string) => fake.workbook.getCell('Sheet1', a);
    expect(cell('A1').value).toBe(8167.74);
    expect(cell('B1')).toMatchObject({ value: 0.1894, numberFormat: '0.00%', text: '18.94%' });
    expect(cell('C1')).toMatchObject({ value: 16335.48, formula: '=A1*2' });
    expect(cell('D1')).toMatchObject({ value: '0123', valueType: 'String' });
    expect(cell('E1')).toMatchObject({ value: '　8167.74', valueType: 'String' });
  });

  test('an unparseable formula rejects the sync with InvalidArgument', async () => {
    const fake = createFakeExcel();
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').formulas = [['=SUM(A2:']];
        await context.sync();
      }),
    ).rejects.toMatchObject({
      code: 'InvalidArgument',
      debugInfo: { errorLocation: 'Range.formulas' },
    });
  });

  test('a duplicate name in the same scope rejects with ItemAlreadyExists; other scopes are fine', async () => {
    const fake = createFakeExcel({ sheets: ['Sheet1', 'Sheet2'] });
    await fake.Excel.run(async (context) => {
      const s1 = context.workbook.worksheets.getItem('Sheet1');
      const s2 = context.workbook.worksheets.getItem('Sheet2');
      s1.names.add('Amount', s1.getRange('E7'));
      s2.names.add('Amount', s2.getRange('E8'));
      context.workbook.names.add('Amount', '=Sheet1!$A$1');
      await context.sync();
    });
    expect(fake.workbook.listNames().map((n) => [n.name, n.scope, n.formula])).toEqual([
      ['Amount', 'Sheet1', '=Sheet1!$E$7'],
      ['Amount', 'Sheet2', '=Sheet2!$E$8'],
      ['Amount', null, '=Sheet1!$A$1'],
    ]);
    await expect(
      fake.Excel.run(async (context) => {
        const s1 = context.workbook.worksheets.getItem('Sheet1');
        s1.names.add('AMOUNT', s1.getRange('F1'));
        await context.sync();
      }),
    ).rejects.toMatchObject({
      code: 'ItemAlreadyExists',
      message: 'A resource with the same name or identifier already exists.',
    });
  });

  test('sheet-scoped names win over workbook names inside their sheet', async () => {
    const fake = createFakeExcel({ sheets: ['Sheet1', 'Sheet2'] });
    fake.user.paste('Sheet1', 'A1', [['10', '20']]);
    await fake.Excel.run(async (context) => {
      context.workbook.names.add('Rate', '=Sheet1!$A$1');
      context.workbook.worksheets.getItem('Sheet2').names.add('Rate', '=Sheet1!$B$1');
      context.workbook.worksheets.getItem('Sheet1').getRange('C1').formulas = [['=Rate']];
      context.workbook.worksheets.getItem('Sheet2').getRange('C1').formulas = [['=Rate']];
      await context.sync();
    });
    expect(fake.workbook.getCell('Sheet1', 'C1').value).toBe(10);
    expect(fake.workbook.getCell('Sheet2', 'C1').value).toBe(20);
  });

  test('NamedItem reports formula, value, type, scope; getItem of a missing name is ItemNotFound', async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context) => {
      const s = context.workbook.worksheets.getItem('Sheet1');
      s.names.add('Cell', s.getRange('E7'), '说明');
      context.workbook.names.add('Label', '="单位：万元"');
      await context.sync();
      const cell = s.names.getItem('Cell').load();
      const label = context.workbook.names.getItem('Label').load('type, value, scope');
      const range = s.names.getItem('Cell').getRange().load('address');
      await context.sync();
      expect(cell).toMatchObject({
        name: 'Cell',
        formula: '=Sheet1!$E$7',
        value: 'Sheet1!$E$7',
        type: 'Range',
        scope: 'Worksheet',
        comment: '说明',
        visible: true,
      });
      expect(label.type).toBe('String');
      expect(label.value).toBe('单位：万元');
      expect(label.scope).toBe('Workbook');
      expect(range.address).toBe('Sheet1!E7');
    });
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.names.getItem('Cell').load('formula'); // sheet-scoped, not in workbook.names
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  test('non-ASCII names are refused with a clear bilingual message (HyperFormula limitation)', async () => {
    const fake = createFakeExcel();
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.names.add('财政拨款', '=Sheet1!$A$1');
        await context.sync();
      }),
    ).rejects.toMatchObject({
      code: 'InvalidArgument',
      debugInfo: { fakeDetail: expect.stringContaining('HyperFormula') },
    });
  });

  test('a constant name works on desktop and fails on the web (office-js #1918)', async () => {
    const desktop = createFakeExcel({ platform: 'desktop' });
    await desktop.Excel.run(async (context) => {
      context.workbook.names.add('Unit', '万元');
      await context.sync();
    });
    expect(desktop.workbook.listNames()[0].formula).toBe('="万元"');
    const web = createFakeExcel({ platform: 'web' });
    await expect(
      web.Excel.run(async (context) => {
        context.workbook.names.add('Unit', '万元');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('sheet names that need quotes are quoted in addresses; CJK names are not', async () => {
    const fake = createFakeExcel({ sheets: [SHEET, 'My Sheet'] });
    await fake.Excel.run(async (context) => {
      const a = context.workbook.worksheets.getItem(SHEET).getRange('A1:B2').load('address');
      const b = context.workbook.worksheets.getItem('My Sheet').getRange('C3').load('address');
      context.workbook.worksheets.getItem('My Sheet').getRange('D4').formulas = [
        [`=${SHEET}!A1+'My Sheet'!C3`],
      ];
      await context.sync();
      expect(a.address).toBe(`${SHEET}!A1:B2`);
      expect(b.address).toBe("'My Sheet'!C3");
    });
    expect(fake.workbook.getCell('My Sheet', 'D4').formula).toBe(`=${SHEET}!A1+'My Sheet'!C3`);
  });
});

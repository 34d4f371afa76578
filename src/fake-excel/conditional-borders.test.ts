/**
 * Conditional formats: borders (ConditionalRangeFormat.borders, ExcelApi 1.6) and
 * ConditionalFormat.customOrNullObject in load paths — added for the Excel adapter's marks.
 */
import { createFakeExcel } from './index';

describe('conditional format borders and customOrNullObject', () => {
  it('keeps a style and colour per edge, readable through the model and through load', async () => {
    const fake = createFakeExcel({ sheets: ['S'] });
    const id = await fake.Excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets
        .getItem('S')
        .getRange('B2')
        .conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=TRUE';
      cf.custom.format.borders.getItem('EdgeTop').style = 'Dash';
      cf.custom.format.borders.getItem('EdgeTop').color = '#6B4E00';
      cf.custom.format.borders.bottom.style = 'Continuous';
      cf.load('id');
      await ctx.sync();
      return cf.id;
    });
    const [rec] = fake.workbook.conditionalFormats('S');
    expect(rec.id).toBe(id);
    expect(rec.borders).toEqual({
      EdgeTop: { style: 'Dash', color: '#6B4E00' },
      EdgeBottom: { style: 'Continuous', color: null },
    });
    const read = await fake.Excel.run(async (ctx) => {
      const b = ctx.workbook.worksheets
        .getItem('S')
        .getRange('B2')
        .conditionalFormats.getItem(id)
        .custom.format.borders.getItem('EdgeTop');
      b.load('style,color,sideIndex');
      await ctx.sync();
      return [b.style, b.color, b.sideIndex];
    });
    expect(read).toEqual(['Dash', '#6B4E00', 'EdgeTop']);
  });

  it('rejects an unknown line style or edge the way Excel does (InvalidArgument)', async () => {
    const fake = createFakeExcel({ sheets: ['S'] });
    await expect(
      fake.Excel.run(async (ctx) => {
        const cf = ctx.workbook.worksheets
          .getItem('S')
          .getRange('B2')
          .conditionalFormats.add('Custom');
        cf.custom.format.borders.getItem('EdgeTop').style = 'Wavy' as 'Dash';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      fake.Excel.run(async (ctx) => {
        const cf = ctx.workbook.worksheets
          .getItem('S')
          .getRange('B2')
          .conditionalFormats.add('Custom');
        cf.custom.format.borders.getItem('InsideVertical' as 'EdgeTop').style = 'Dash';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('loads rule formulas through items/customOrNullObject/rule/formula', async () => {
    const fake = createFakeExcel({ sheets: ['S'] });
    const out = await fake.Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      s.getRange('A1:A3').conditionalFormats.add('Custom').custom.rule.formula = '=A1>1';
      s.getRange('C5').conditionalFormats.add('Custom').custom.rule.formula = '=ISTEXT("x")';
      await ctx.sync();
      const cfs = s.getRange().conditionalFormats;
      cfs.load('items/id,items/type,items/customOrNullObject/rule/formula');
      await ctx.sync();
      return cfs.items.map((c) => [
        c.type,
        c.customOrNullObject.isNullObject,
        c.customOrNullObject.rule.formula,
      ]);
    });
    expect(out).toEqual(
      expect.arrayContaining([
        ['Custom', false, '=A1>1'],
        ['Custom', false, '=ISTEXT("x")'],
      ]),
    );
  });
});

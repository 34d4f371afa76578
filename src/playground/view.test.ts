import { createFakeExcel } from '../fake-excel';
import { GRIDLINE, PX_PER_PT, buildSheetView, fontStack, reuseRows, type CellView } from './view';

async function sample() {
  const fake = createFakeExcel({ sheets: ['Sheet1'], defaultFont: { name: '等线', size: 11 } });
  await fake.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    const title = ws.getRange('A1:C1');
    title.merge();
    title.values = [['部门整体绩效目标表', '', '']];
    title.format.font.bold = true;
    title.format.font.size = 18;
    title.format.font.color = '#0F4C3F';
    title.format.horizontalAlignment = 'Center';
    const label = ws.getRange('A2');
    label.values = [['合计']];
    label.format.fill.color = '#E6EFEB';
    label.format.wrapText = true;
    label.format.verticalAlignment = 'Center';
    const body = ws.getRange('B2:B3');
    body.numberFormat = [['#,##0.00'], ['0.00%']];
    body.values = [[1546.73], [0.1894]];
    const edge = ws.getRange('B2').format.borders.getItem('EdgeRight');
    edge.style = 'Continuous';
    edge.color = '#000000';
    ws.getRange('C3').formulas = [['=B2*2']];
    ws.getRange('A:A').format.columnWidth = 75;
    ws.getRange('2:2').format.rowHeight = 30;
    const cf = ws.getRange('B2').conditionalFormats.add('Custom');
    cf.custom.rule.formula = '=B2>1000';
    cf.custom.format.fill.color = '#F8D7DA';
    cf.custom.format.font.color = '#8A1C24';
    const border = cf.custom.format.borders.getItem('EdgeTop');
    border.style = 'Dash';
    border.color = '#6B4E00';
    await ctx.sync();
  });
  const sheet = fake.workbook.sheet('Sheet1');
  return { fake, sheet };
}

function cellOf(view: ReturnType<typeof buildSheetView>, address: string): CellView {
  for (const r of view.rows) for (const c of r.cells) if (c.address === address) return c;
  throw new Error(`no cell element for ${address}`);
}

describe('the grid view of a sheet', () => {
  it('shows merged areas as one spanning cell and hides the cells under them', async () => {
    const { fake, sheet } = await sample();
    const view = buildSheetView(fake.workbook, sheet);
    const title = cellOf(view, 'A1');
    expect(title).toMatchObject({ colSpan: 3, rowSpan: 1, text: '部门整体绩效目标表' });
    expect(view.rows[0].cells.some((c) => c.address === 'B1' || c.address === 'C1')).toBe(false);
    expect(title.width).toBe(view.colWidths[0] + view.colWidths[1] + view.colWidths[2]);
    expect(title).toMatchObject({ bold: true, hAlign: 'center', color: '#0F4C3F' });
    expect(title.fontSize).toBeCloseTo(18 * PX_PER_PT, 1);
    expect(title.fontFamily).toBe(fontStack('等线'));
  });

  it('shows the displayed text, sizes in pixels, fills, wrap and alignment', async () => {
    const { fake, sheet } = await sample();
    const view = buildSheetView(fake.workbook, sheet);
    expect(cellOf(view, 'B2').text).toBe('1,546.73');
    expect(cellOf(view, 'B3').text).toBe('18.94%');
    expect(cellOf(view, 'C3').text).toBe('3093.46');
    expect(cellOf(view, 'B3').hAlign).toBe('right'); // General alignment: numbers right
    expect(cellOf(view, 'A2')).toMatchObject({
      fill: '#E6EFEB',
      wrap: true,
      vAlign: 'center',
      hAlign: 'left',
    });
    expect(view.colWidths[0]).toBe(100); // 75 pt
    expect(view.rows[1].height).toBe(40); // 30 pt
  });

  it('draws borders, gridlines only around unfilled cells, and applying conditional formats', async () => {
    const { fake, sheet } = await sample();
    const view = buildSheetView(fake.workbook, sheet);
    expect(cellOf(view, 'B2').right).toEqual({ style: 'solid', width: 1, color: '#000000' });
    expect(cellOf(view, 'B3').right).toEqual({ style: 'solid', width: 1, color: GRIDLINE });
    expect(cellOf(view, 'A2').right).toBeNull(); // a filled cell covers the gridline
    // B2 > 1000: the rule applies, with its fill, font colour and dashed border.
    expect(cellOf(view, 'B2')).toMatchObject({
      cf: true,
      fill: '#F8D7DA',
      color: '#8A1C24',
      cfBorder: { style: 'dashed', color: '#6B4E00' },
    });
    fake.user.type('Sheet1', 'B2', '5');
    const after = buildSheetView(fake.workbook, sheet);
    expect(cellOf(after, 'B2')).toMatchObject({ cf: false, fill: null, cfBorder: null });
    expect(cellOf(after, 'C3').text).toBe('10'); // formulas recalculate
  });

  it('keeps unchanged rows identical between builds, so only changed rows re-render', async () => {
    const { fake, sheet } = await sample();
    const first = buildSheetView(fake.workbook, sheet);
    const same = reuseRows(first, buildSheetView(fake.workbook, sheet));
    expect(same.rows).toBe(first.rows);
    fake.user.type('Sheet1', 'A5', '新内容');
    const next = reuseRows(first, buildSheetView(fake.workbook, sheet));
    expect(next.rows[4]).not.toBe(first.rows[4]);
    expect(next.rows[0]).toBe(first.rows[0]);
    expect(next.rows[10]).toBe(first.rows[10]);
    expect(cellOf(next, 'A5').text).toBe('新内容');
  });

  it('builds a 100-row form quickly enough to follow typing', async () => {
    const { fake, sheet } = await sample();
    fake.user.paste(
      'Sheet1',
      'A4',
      Array.from({ length: 100 }, (_, r) => Array.from({ length: 9 }, (_, c) => `${r}-${c}`)),
    );
    buildSheetView(fake.workbook, sheet); // warm up
    const t = Date.now();
    const view = buildSheetView(fake.workbook, sheet);
    expect(view.rowCount).toBeGreaterThanOrEqual(104);
    expect(Date.now() - t).toBeLessThan(1000);
  });
});

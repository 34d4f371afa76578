import { areaOf, contentText, formatClipboard, parseClipboard, spanning, step } from './editing';

describe('the formula bar content', () => {
  it('shows a formula as typed and a value as Excel shows it for editing', () => {
    expect(contentText(8167.74, '=SUM(E11:E13)', '#,##0.00')).toBe('=SUM(E11:E13)');
    expect(contentText(0.1894, null, '0.00%')).toBe('18.94%');
    expect(contentText(0.3, null, '0%')).toBe('30%');
    expect(contentText(1546.73, null, '#,##0.00')).toBe('1546.73');
    expect(contentText('\u30008167.74', null, '#,##0.00')).toBe('\u30008167.74');
    expect(contentText(true, null, 'General')).toBe('TRUE');
    expect(contentText('', null, 'General')).toBe('');
  });
});

describe('Excel clipboard text', () => {
  it('splits rows and cells, with quoted cells holding tabs, line breaks and quotes', () => {
    expect(parseClipboard('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseClipboard('"效益\n指标"\t"说""明"\tx\n')).toEqual([['效益\n指标', '说"明', 'x']]);
    expect(parseClipboard('one')).toEqual([['one']]);
    expect(parseClipboard('a\t\tc')).toEqual([['a', '', 'c']]);
    expect(parseClipboard('')).toEqual([]);
  });

  it('keeps U+3000 and other spaces inside cells', () => {
    expect(parseClipboard('\u30008167.74\t6289.58\u3000\r\n')).toEqual([
      ['\u30008167.74', '6289.58\u3000'],
    ]);
  });

  it('round-trips what it writes', () => {
    const rows = [
      ['运行\n成本', 'a\tb', '"q"'],
      ['', '1', '2'],
    ];
    expect(parseClipboard(formatClipboard(rows))).toEqual(rows);
    expect(formatClipboard([['x', 'y']])).toBe('x\ty\r\n');
  });
});

describe('moving around merged areas', () => {
  // B3:I3 merged (a header field), E7:F7 and E8:F8 merged (funding amounts).
  const merges = [
    { row: 2, col: 1, rowCount: 1, colCount: 8 },
    { row: 6, col: 4, rowCount: 1, colCount: 2 },
    { row: 7, col: 4, rowCount: 1, colCount: 2 },
  ];
  const limits = { rows: 50, cols: 16 };

  it('finds the merged area of any of its cells', () => {
    expect(areaOf(merges, 2, 5)).toEqual(merges[0]);
    expect(areaOf(merges, 0, 0)).toEqual({ row: 0, col: 0, rowCount: 1, colCount: 1 });
  });

  it('steps out of a merged area from its edge, into the area it lands on', () => {
    expect(step(merges, 2, 1, 1, 0, limits)).toEqual({ row: 3, col: 1, rowCount: 1, colCount: 1 });
    expect(step(merges, 6, 4, 0, 1, limits)).toEqual({ row: 6, col: 6, rowCount: 1, colCount: 1 });
    expect(step(merges, 6, 6, 0, -1, limits)).toEqual(merges[1]);
    expect(step(merges, 6, 4, 1, 0, limits)).toEqual(merges[2]);
  });

  it('never leaves the sheet', () => {
    expect(step(merges, 0, 0, -1, 0, limits)).toEqual({ row: 0, col: 0, rowCount: 1, colCount: 1 });
    expect(step(merges, 49, 15, 1, 1, limits)).toEqual({
      row: 49,
      col: 15,
      rowCount: 1,
      colCount: 1,
    });
  });

  it('extends a selection over whole merged areas', () => {
    const g8 = { row: 7, col: 6, rowCount: 1, colCount: 1 };
    const f9 = { row: 8, col: 5, rowCount: 1, colCount: 1 };
    // F8 belongs to E8:F8, so the selection takes E8:G9.
    expect(spanning(merges, g8, f9)).toEqual({ row: 7, col: 4, rowCount: 2, colCount: 3 });
    const d7 = { row: 6, col: 3, rowCount: 1, colCount: 1 };
    expect(spanning(merges, d7, { row: 6, col: 4, rowCount: 1, colCount: 1 })).toEqual({
      row: 6,
      col: 3,
      rowCount: 1,
      colCount: 3,
    });
  });
});

import { formatAddress, parseAddress, shiftRect, sheetNameNeedsQuotes } from './addressing';
import {
  adjustReferences,
  fromEngineFormula,
  shiftRelativeReferences,
  toEngineFormula,
} from './formulaText';
import { formatValue } from './numberFormat';

describe('number formats (Range.text)', () => {
  test.each([
    [1234.5, '0.00', '1234.50'],
    [1234.5, '#,##0.00', '1,234.50'],
    [-1234.567, '#,##0.00', '-1,234.57'],
    [0.1894, '0.00%', '18.94%'],
    [0.885, '0%', '89%'],
    [8167.74, '@', '8167.74'],
    [8167.74, 'General', '8167.74'],
    [1 / 3, 'General', '0.333333333'],
    [123456789012, 'General', '1.23457E+11'],
    [0, '0.00;-0.00;"-"', '-'],
    [-5, '0.00;(0.00)', '(5.00)'],
    [1500000, '#,##0,"千"', '1,500千'],
    [45352, 'yyyy"年"m"月"d"日"', '2024年3月1日'],
    [2.5, '0.0E+00', '2.5E+00'],
  ])('%p with %j shows %j', (value, format, text) => {
    expect(formatValue(value, format)).toBe(text);
  });

  test('text, booleans, errors and empty cells', () => {
    expect(formatValue('abc', '0.00')).toBe('abc');
    expect(formatValue(true, 'General')).toBe('TRUE');
    expect(formatValue('#DIV/0!', '0.00%')).toBe('#DIV/0!');
    expect(formatValue(null, '0.00')).toBe('');
  });
});

describe('addresses', () => {
  test('parses cells, ranges, rows, columns and quoted sheet names', () => {
    expect(parseAddress('B2:A1').rect).toEqual({ row: 0, col: 0, rowCount: 2, colCount: 2 });
    expect(parseAddress("'It''s'!$C$3")).toMatchObject({
      sheetName: "It's",
      rect: { row: 2, col: 2 },
    });
    expect(parseAddress('3:5')).toMatchObject({ kind: 'rows', rect: { row: 2, rowCount: 3 } });
    expect(parseAddress('A:C')).toMatchObject({ kind: 'columns', rect: { col: 0, colCount: 3 } });
    expect(() => parseAddress('A1,B2')).toThrow();
    expect(() => parseAddress('XFE1')).toThrow();
  });

  test('quotes sheet names the way Excel does', () => {
    expect(sheetNameNeedsQuotes('Sheet1')).toBe(false);
    expect(sheetNameNeedsQuotes('部门整体绩效目标表')).toBe(false);
    expect(sheetNameNeedsQuotes('My Sheet')).toBe(true);
    expect(sheetNameNeedsQuotes('2024')).toBe(true);
    expect(sheetNameNeedsQuotes('A1')).toBe(true);
    expect(formatAddress('My Sheet', { row: 0, col: 0, rowCount: 1, colCount: 2 })).toBe(
      "'My Sheet'!A1:B1",
    );
  });

  test('rectangles move with row insertion and deletion', () => {
    const r = { row: 1, col: 1, rowCount: 3, colCount: 1 }; // B2:B4
    expect(shiftRect(r, { axis: 'row', kind: 'insert', at: 2, count: 1 })).toEqual({
      ...r,
      rowCount: 4,
    });
    expect(shiftRect(r, { axis: 'row', kind: 'insert', at: 4, count: 1 })).toEqual(r);
    expect(shiftRect(r, { axis: 'row', kind: 'insert', at: 1, count: 2 })).toEqual({
      ...r,
      row: 3,
    });
    expect(shiftRect(r, { axis: 'row', kind: 'delete', at: 1, count: 3 })).toBeNull();
    expect(shiftRect(r, { axis: 'row', kind: 'delete', at: 0, count: 2 })).toEqual({
      ...r,
      row: 0,
      rowCount: 2,
    });
  });
});

describe('formula text', () => {
  test('translates to and from the engine dialect', () => {
    expect(toEngineFormula('=部门!A1+IF(TRUE,1,0)&"部门!A1"')).toBe(
      '=\'部门\'!A1+IF(TRUE(),1,0)&"部门!A1"',
    );
    expect(fromEngineFormula("='部门'!A1+IF(TRUE(),1,0)")).toBe('=部门!A1+IF(TRUE,1,0)');
    expect(fromEngineFormula("='My Sheet'!A1")).toBe("='My Sheet'!A1");
  });

  test('moves relative references for conditional-format rules', () => {
    expect(shiftRelativeReferences('=$B2>C$1+D3', 2, 1)).toBe('=$B4>D$1+E5');
    expect(shiftRelativeReferences('=A1', -1, 0)).toBe('=#REF!');
    expect(shiftRelativeReferences('=SUM(A1:A3)*"A1"', 1, 0)).toBe('=SUM(A2:A4)*"A1"');
  });

  test('adjusts references for inserted and deleted rows on the right sheet only', () => {
    const ins = { axis: 'row' as const, kind: 'insert' as const, at: 2, count: 1 };
    expect(adjustReferences('=SUM(B2:B4)+B5+Other!B5', 'S', 'S', ins)).toBe(
      '=SUM(B2:B5)+B6+Other!B5',
    );
    const del = { axis: 'row' as const, kind: 'delete' as const, at: 1, count: 1 };
    expect(adjustReferences('=B2+B3', 'S', 'S', del)).toBe('=#REF!+B2');
  });
});

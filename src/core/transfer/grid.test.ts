import { seedText } from '../../../test/fixtures/seed';
import { excelTypedValue } from '../import/excel-input';
import { importRows } from '../import/from-rows';
import { parseWordTableText } from '../import/word-text';
import type { RawCell } from '../values/types';
import {
  MIN_SECTIONS,
  isComputedField,
  numbersStoredAsText,
  sectionsFound,
  valuesFromImport,
} from './from-import';
import { GridTooLarge, gridFromCells, gridText, wordTextLines } from './grid';

describe('gridText: a cell as the text that, typed into Excel, stores it again', () => {
  it.each<[RawCell, string]>([
    [{ value: null }, ''],
    [{ value: 8167.74 }, '8167.74'],
    [{ value: 8167.74, numberFormat: '#,##0.00' }, '8167.74'],
    [{ value: 0.1894, numberFormat: '0.00%' }, '18.94%'],
    [{ value: 0.0304, numberFormat: '0%' }, '3.04%'],
    [{ value: '\u30008167.74' }, '\u30008167.74'],
    [{ value: '8167.74' }, "'8167.74"],
    [{ value: '18.94%' }, "'18.94%"],
    [{ value: '=SUM(A1)' }, "'=SUM(A1)"],
    [{ value: "'2024" }, "''2024"],
    [{ value: '计划标准' }, '计划标准'],
    [{ value: '部门（单位）\n名称' }, '部门（单位）\n名称'],
    [{ value: true }, 'TRUE'],
  ])('%j → %j', (cell, text) => {
    expect(gridText(cell)).toBe(text);
  });

  it('round-trips through excelTypedValue (value; and text stays text)', () => {
    const cells: RawCell[] = [
      { value: 1546.73 },
      { value: 0.8886, numberFormat: '0.00%' },
      { value: '8167.74' },
      { value: '\u3000100%' },
      { value: '58.7亿元人民币' },
      { value: '≥95%' },
    ];
    for (const c of cells) expect(excelTypedValue(gridText(c)).value).toBe(c.value);
  });
});

describe('gridFromCells', () => {
  const cells = (o: Record<string, RawCell['value']>): [string, RawCell][] =>
    Object.entries(o).map(([a, value]) => [a, { value }]);

  it('gives a horizontally merged area once per row and a vertical one in its top row', () => {
    const g = gridFromCells({
      cells: cells({ A1: '收入\n构成', B1: '财政拨款', D1: 100, E1: 0.5, A3: '合计', B3: 'x' }),
      merges: ['A1:A2', 'B1:C2', 'E1:F1'],
    });
    expect(g.rows).toEqual([
      ['收入\n构成', '财政拨款', '100', '0.5'],
      ['', '', '', '', ''],
      ['合计', 'x', '', '', '', ''],
    ]);
    expect(g.at).toEqual([
      ['A1', 'B1', 'D1', 'E1'],
      ['A2', 'B2', 'D2', 'E2', 'F2'],
      ['A3', 'B3', 'C3', 'D3', 'E3', 'F3'],
    ]);
  });

  it('spans only what holds values or merges (styled empty cells do not widen it)', () => {
    const g = gridFromCells({
      cells: [
        ['A1', { value: 'a' }],
        ['Z9', { value: null, numberFormat: '0.00' }],
        ['C2', { value: '' }],
      ],
      merges: [],
    });
    expect(g.rows).toEqual([['a']]);
  });

  it('refuses a used range larger than any form instead of filling memory', () => {
    expect(() =>
      gridFromCells({ cells: cells({ A1: 'a', XFD100000: 'far away' }), merges: [] }),
    ).toThrow(GridTooLarge);
    expect(() => gridFromCells({ cells: [], merges: ['A1:XFD1048576'] })).toThrow(GridTooLarge);
  });
});

describe('wordTextLines', () => {
  it('has the shape of parseWordTableText and gives each cell’s first line', () => {
    const text = seedText();
    const rows = parseWordTableText(text);
    const lines = wordTextLines(text);
    expect(lines.map((r) => r.length)).toEqual(rows.map((r) => r.length));
    const all = text.split('\n');
    // Each cell's text starts on its line (table cells after the tab).
    rows.forEach((r, i) =>
      r.forEach((cell, j) => {
        const line = all[lines[i][j] - 1].replace(/^\t/, '');
        expect(cell.startsWith(line)).toBe(true);
      }),
    );
    expect(lines[2]).toEqual([3, 5]);
  });
});

describe('valuesFromImport', () => {
  const res = importRows(parseWordTableText(seedText()));

  it('types every text as Excel stores it and keeps computed fields only when asked', () => {
    const v = valuesFromImport(res);
    expect(v.year).toBe(2024);
    expect(v.fields.Fund_Income_Fiscal_Current).toEqual({ value: '\u30008167.74' });
    expect(v.fields.Fund_Expense_Personnel_Current).toEqual({ value: 1546.73 });
    expect(v.fields.Fund_Income_SpecialAccount_Current).toEqual({ value: null });
    expect(v.fields.Fund_Income_Total_Current).toBeUndefined();
    expect(v.tables.annual[38].target).toEqual({ value: 0.85, numberFormat: '0%' });
    expect(v.tables.annual[4]).toEqual({
      level3: { value: '……' },
      basis: { value: '计划标准' },
      category: { value: '绩效基本型' },
    });
    const kept = valuesFromImport(res, { keepComputed: true, year: 2030 });
    expect(kept.year).toBe(2030);
    expect(kept.fields.Fund_Income_Total_Current).toEqual({ value: '8167.74\u3000' });
    expect(kept.fields.Fund_Expense_Operating_Share).toEqual({
      value: 0.0304,
      numberFormat: '0.00%',
    });
    expect(isComputedField('Fund_Income_Total_Current')).toBe(true);
    expect(isComputedField('Fund_Income_Fiscal_Current')).toBe(false);
  });

  it('refuses to guess a budget year the source does not give', () => {
    expect(() => valuesFromImport({ ...res, year: null })).toThrow(/budget year/);
    expect(valuesFromImport({ ...res, year: null }, { year: 2024 }).year).toBe(2024);
  });

  it('counts the sections found and lists numbers stored as text', () => {
    expect(sectionsFound(res)).toBe(11);
    expect(sectionsFound(importRows([['填报人', '张三'], ['随便什么']]))).toBeLessThan(
      MIN_SECTIONS,
    );
    expect(numbersStoredAsText(valuesFromImport(res, { keepComputed: true }))).toEqual([
      'Fund_Income_Fiscal_Current',
      'Fund_Income_Fiscal_Share',
      'Fund_Income_Fiscal_Prev2',
      'Fund_Income_Fiscal_Prev1',
      'Fund_Income_Total_Current',
      'Fund_Income_Total_Prev2',
      'Fund_Income_Total_Prev1',
      'Fund_Expense_Personnel_Share',
      'Fund_Expense_Personnel_Prev2',
      'Fund_Expense_Personnel_Prev1',
      'Fund_Expense_Targeted_Current',
      'Fund_Expense_Targeted_Share',
      'Fund_Expense_Targeted_Prev2',
      'Fund_Expense_Targeted_Prev1',
      'Fund_Expense_Total_Current',
      'Fund_Expense_Total_Prev2',
      'Fund_Expense_Total_Prev1',
    ]);
  });
});

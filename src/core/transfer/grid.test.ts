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
  typedIn,
  valuesFromImport,
} from './from-import';
import { GridTooLarge, gridFromCells, gridFromValues, gridText, wordTextLines } from './grid';

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
    // Never in exponent notation: Excel would keep '1e-7' typed as text.
    [{ value: 1e-7 }, '0.0000001'],
    [{ value: 1e-9, numberFormat: '0.00%' }, '0.0000001%'],
    [{ value: 0.004, numberFormat: '0.0%' }, '0.4%'],
    [{ value: 0.5, numberFormat: '0.0"%"' }, '0.5'],
    [{ value: "'quoted" }, "''quoted"],
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
      { value: 1e-7 },
      { value: 123456789012345 },
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
    // Trailing blanks are cut (importRows reads a row's values from its label on).
    expect(g.rows).toEqual([['收入\n构成', '财政拨款', '100', '0.5'], [], ['合计', 'x']]);
    expect(g.at).toEqual([['A1', 'B1', 'D1', 'E1'], [], ['A3', 'B3']]);
  });

  it('reads a sheet laid out like the form by its header rows, as the add-in does', () => {
    // The template's funding block: amounts in merged E:F, share in G, history in H and I, and a
    // note right of the form in J (which a row's last cells would have picked up).
    const source: Record<string, RawCell['value']> = {
      A5: '部门总体资金情况',
      B5: '总体资金情况',
      E5: '当年金额',
      G5: '占比',
      H5: '近两年收支金额',
      H6: '2022年',
      I6: '2023年',
      B7: '收入构成',
      C7: '财政拨款',
      E7: 100,
      H7: 90,
      I7: 95,
      J7: '已核对',
      A15: '部门职能概述',
    };
    const g = gridFromCells({
      cells: cells(source),
      merges: ['A5:A14', 'B5:D6', 'E5:F6', 'G5:G6', 'H5:I5', 'B7:B10', 'C7:D7', 'E7:F7'],
    });
    expect(g.rows[6]).toEqual(['', '收入构成', '财政拨款', '100', '', '90', '95']);
    expect(g.at[6]).toEqual(['A7', 'B7', 'C7', 'E7', 'G7', 'H7', 'I7']);
    // The add-in reads the same sheet from a used range's values (covered cells blank): the rows
    // the header places are the same.
    const values = Array.from({ length: 15 }, (_, r) =>
      Array.from({ length: 10 }, (__, c) => {
        const v = source[`${String.fromCharCode(65 + c)}${r + 1}`];
        return v ?? '';
      }),
    );
    expect(gridFromValues(values)[6]).toEqual(g.rows[6]);
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

describe('gridFromValues: a used range as the add-in reads it', () => {
  it('keeps a cell holding only U+3000 (it was typed) and reads numbers with their formats', () => {
    expect(
      gridFromValues(
        [
          ['单位资金', '\u3000', 0.1894, '', ''],
          [12, 'x', '', '', ''],
          [true, { type: 'unexpected' }, 1e-7, '', ''],
        ],
        [
          ['General', 'General', '0.00%', 'General', 'General'],
          ['General', 'General', 'General', 'General', 'General'],
        ],
      ),
    ).toEqual([
      ['单位资金', '\u3000', '18.94%'],
      ['12', 'x'],
      ['TRUE', '', '0.0000001'],
    ]);
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

  it('stores what Excel stores for the text typed into the template’s cell; never a formula', () => {
    const v = valuesFromImport(
      {
        year: 2024,
        fields: {
          Dept_Phone: "'60265422",
          Dept_Preparer: '=HYPERLINK("http://x")',
          Fund_Income_Fiscal_Current: '\u30008167.74',
          Fund_Expense_Personnel_Current: '1546.73',
          Fund_Income_Total_Current: '8167.74',
          Fund_Income_Fiscal_Share: '100%',
          Fund_Income_Own_Current: '',
        },
        tables: {
          longTerm: [{ level3: '率', target: '88.86%', basis: '=1+1', category: '' }],
          annual: [],
        },
        matched: [],
        missing: [],
      },
      { year: 2025 },
    );
    expect(v).toEqual({
      year: 2025,
      fields: {
        // The phone cell is formatted as Text: digits stay text (the apostrophe only marks it).
        Dept_Phone: { value: '60265422' },
        Dept_Preparer: { value: '=HYPERLINK("http://x")' },
        Fund_Income_Fiscal_Current: { value: '\u30008167.74' },
        Fund_Expense_Personnel_Current: { value: 1546.73 },
        Fund_Income_Own_Current: { value: null },
      },
      tables: {
        longTerm: [
          {
            level3: { value: '率' },
            target: { value: 0.8886, numberFormat: '0.00%' },
            basis: { value: '=1+1' },
          },
        ],
        annual: [],
      },
    });
    expect(typedIn('60265422')).toEqual({ value: 60265422 });
    expect(typedIn('60265422', '@')).toEqual({ value: '60265422' });
    expect(typedIn('')).toEqual({ value: null });
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

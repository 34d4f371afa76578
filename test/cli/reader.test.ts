/**
 * The .xlsx reader on what other programs write: shared formulas, inline strings, booleans,
 * error values, formulas without cached results (computed here), and what it cannot compute.
 */
import { evaluateFormula, translateFormula, type Scalar } from '../../src/xlsx/formula';
import { readWorkbook } from '../../src/xlsx/read';
import { findForms } from '../../src/xlsx/forms';
import { checkBuffer } from '../../src/cli/check';
import { computeLayout } from '../../src/core/form/layout';
import { writeForms } from '../../src/xlsx/write';
import { editZip } from './helpers';

function evalIn(cells: Record<string, Scalar>, formula: string): Scalar {
  return evaluateFormula(formula, {
    cell: (_s, row, col) => cells[`${String.fromCharCode(64 + col)}${row}`] ?? null,
    name: (n) => (n === 'Rate' ? "'表'!$A$1" : undefined),
  });
}

describe('formula evaluation (Excel semantics)', () => {
  it('SUM skips text in ranges, as Excel does with numbers stored as text', () => {
    expect(evalIn({ A1: 1, A2: '\u30002', A3: 3 }, '=SUM(A1:A3)')).toBe(4);
  });
  it('the share formula of the form', () => {
    const f = '=IF(N($E$10)=0,"",ROUND(N(E7)/$E$10,4))';
    expect(evalIn({ E7: 1546.73, E10: 8167.74 }, f)).toBe(0.1894);
    expect(evalIn({ E7: 5 }, f)).toBe('');
    expect(evalIn({ E7: 'x', E10: 10 }, f)).toBe(0);
  });
  it('year labels and text joins', () => {
    expect(evalIn({ B2: 2025 }, '=$B$2-2&"年"')).toBe('2023年');
    expect(evalIn({ B2: 2024 }, '="长期目标：（截止"&($B$2+2)&"年）"')).toBe(
      '长期目标：（截止2026年）',
    );
  });
  it('arithmetic, precedence, percent, comparisons, errors', () => {
    expect(evalIn({}, '=1+2*3^2-4/2')).toBe(17);
    expect(evalIn({}, '=-2^2')).toBe(4);
    expect(evalIn({}, '=50%*2')).toBe(1);
    expect(evalIn({ A1: 'abc' }, '=A1="ABC"')).toBe(true);
    expect(evalIn({}, '=1/0')).toEqual({ error: '#DIV/0!' });
    expect(evalIn({ A1: 'x' }, '=A1+1')).toEqual({ error: '#VALUE!' });
    expect(evalIn({ A1: '12.5' }, '=A1*2')).toBe(25);
    expect(evalIn({}, '=IFERROR(1/0,"-")')).toBe('-');
    expect(evalIn({}, '=ROUND(2.5,0)+ROUND(-2.5,0)')).toBe(0);
    expect(evalIn({ A1: 7 }, '=Rate*2')).toBe(14);
  });
  it('refuses what it does not know instead of guessing', () => {
    expect(() => evalIn({}, '=VLOOKUP(1,A1:B2,2,FALSE)')).toThrow(/VLOOKUP/);
  });
  it('moves shared formulas: relative parts shift, $ parts stay', () => {
    expect(translateFormula('SUM(E7:E9)+$E$10', 0, 3)).toBe('SUM(H7:H9)+$E$10');
    expect(translateFormula('IF(A1="B2",LOG10(C3),$D4)', 2, 0)).toBe('IF(A3="B2",LOG10(C5),$D6)');
  });
});

describe('reading workbooks written elsewhere', () => {
  it('shared formulas, inline strings, booleans and errors', async () => {
    const layout = computeLayout({ year: 2025 });
    const fill = new Map([
      ['E7', { value: 100 }],
      ['H7', { value: 90 }],
      ['I7', { value: 95 }],
    ]);
    const buf = await editZip(await writeForms([{ layout, fill }]), (f) => {
      let x = f['xl/worksheets/sheet1.xml'];
      // Excel writes a filled-right row of totals as one shared formula.
      x = x.replace(
        /<c r="E10"([^>]*)><f>SUM\(E7:E9\)<\/f><\/c>/,
        '<c r="E10"$1><f t="shared" ref="E10:I10" si="0">SUM(E7:E9)</f></c>',
      );
      x = x.replace(
        /<c r="H10"([^>]*)><f>SUM\(H7:H9\)<\/f><\/c>/,
        '<c r="H10"$1><f t="shared" si="0"/></c>',
      );
      x = x.replace(
        /<c r="I10"([^>]*)><f>SUM\(I7:I9\)<\/f><\/c>/,
        '<c r="I10"$1><f t="shared" si="0"/></c>',
      );
      x = x.replace(
        /<c r="B3"([^>]*?)\/>/,
        '<c r="B3"$1 t="inlineStr"><is><r><t>某某</t></r><r><t>商务局</t></r></is></c>',
      );
      x = x.replace(/<c r="B4"([^>]*?)\/>/, '<c r="B4"$1 t="b"><v>1</v></c>');
      x = x.replace(/<c r="G4"([^>]*?)\/>/, '<c r="G4"$1 t="e"><v>#N/A</v></c>');
      f['xl/worksheets/sheet1.xml'] = x;
    });
    const wb = readWorkbook(buf);
    const cells = wb.sheets[0].cells;
    expect(cells.get('H10')).toEqual(
      expect.objectContaining({ formula: '=SUM(H7:H9)', value: 90 }),
    );
    expect(cells.get('I10')).toEqual(
      expect.objectContaining({ formula: '=SUM(I7:I9)', value: 95 }),
    );
    expect(cells.get('E10')?.value).toBe(100);
    expect(cells.get('G7')?.value).toBe(1);
    expect(cells.get('B3')?.value).toBe('某某商务局');
    expect(cells.get('B4')?.value).toBe(true);
    expect(cells.get('G4')?.value).toBe('#N/A');
    const [form] = findForms(wb);
    expect(form.snapshot.fields.Fund_Income_Total_Prev2).toEqual(
      expect.objectContaining({ address: 'H10', value: 90, formula: '=SUM(H7:H9)' }),
    );
    expect(form.snapshot.year).toBe(2025);
  });

  it('a formula it cannot compute is checked as empty and said so', async () => {
    const layout = computeLayout({ year: 2025 });
    const fill = new Map([['E7', { value: null, formula: '=SUMPRODUCT(H7:I7,H7:I7)' }]]);
    const report = checkBuffer('f.xlsx', await writeForms([{ layout, fill }]));
    const note = report.findings.find((f) => f.ruleId === 'pgt/formula-not-computed')!;
    expect(note.cells).toEqual(['E7']);
    expect(note.severity).toBe('info');
    expect(note.message.zh).toContain('SUMPRODUCT');
  });
});

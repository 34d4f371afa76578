import { computeLayout } from '../core/form/layout';
import { planRollForward } from '../core/transfer/roll-forward';
import { keepsAsText, paintPlan, withCells } from './paint-plan';
import { clip, exportFileName, rollCounts, rollPreviewRows } from './transfer';

describe('withCells: content in the insertion’s value block', () => {
  const layout = computeLayout({ year: 2024, rows: { longTerm: 1, annual: 1 } });
  const plan = withCells(
    paintPlan(layout),
    new Map([
      ['E7', { value: '\u30008167.74' }],
      ['E11', { value: 1546.73, numberFormat: 'General' }],
      ['E19', { value: 0.8886, numberFormat: '0.00%' }],
      ['B3', { value: '=HYPERLINK("x")' }],
      ['D19', { value: '2024-01-31' }],
      ['H7', { value: null }],
      ['Z99', { value: 'outside' }],
    ]),
  );
  const at = (a: string) => {
    const col = a.charCodeAt(0) - 65;
    const row = Number(a.slice(1)) - 1;
    return { f: plan.formulas[row][col], nf: plan.numberFormats[row][col] };
  };
  it('writes values, keeps text text, keeps the layout’s format unless the cell has its own', () => {
    expect(at('E7')).toEqual({ f: '\u30008167.74', nf: '#,##0.00' });
    expect(at('E11')).toEqual({ f: 1546.73, nf: '#,##0.00' });
    expect(at('E19')).toEqual({ f: 0.8886, nf: '0.00%' });
    // Text Excel would read as a formula or a date gets the apostrophe that keeps it text.
    expect(at('B3').f).toBe('\'=HYPERLINK("x")');
    expect(at('D19').f).toBe("'2024-01-31");
    expect(at('H7').f).toBe('');
    // Formulas of the layout are untouched.
    expect(at('E10').f).toBe('=SUM(E7:E9)');
    expect(paintPlan(layout).formulas[6][4]).toBe(''); // the plan itself is not changed
  });
  it('keepsAsText', () => {
    expect(keepsAsText('58.7亿元人民币')).toBe(true);
    expect(keepsAsText('\u30008167.74')).toBe(true);
    expect(keepsAsText('027-60265422\u3000')).toBe(true);
    expect(keepsAsText('027-60265422')).toBe(false);
    expect(keepsAsText('1e5')).toBe(false);
    expect(keepsAsText('(12)')).toBe(false);
    expect(keepsAsText('TRUE')).toBe(false);
    expect(keepsAsText("'x")).toBe(false);
  });
});

describe('roll-forward preview rows', () => {
  it('shows values as the form does, and counts what is cleared', () => {
    const before = {
      year: 2024,
      fields: {
        Fund_Income_Fiscal_Current: { value: 100 },
        Fund_Income_Fiscal_Prev1: { value: 90 },
        Fund_Income_Fiscal_Prev2: { value: 80 },
      },
      tables: {
        longTerm: [],
        annual: [
          {
            level3: { value: '满意度' },
            prev1: { value: 0.85, numberFormat: '0%' },
            target: { value: 0.9, numberFormat: '0%' },
          },
        ],
      },
    };
    const plan = planRollForward(before);
    const rows = rollPreviewRows(before, plan);
    expect(rows.map((r) => [r.where.zh, r.from, r.to])).toEqual([
      ['预算年度', '2024', '2025'],
      ['部门总体资金情况/收入构成/财政拨款/2023年金额', '80', '90'],
      ['部门总体资金情况/收入构成/财政拨款/2024年金额', '90', '100'],
      ['部门总体资金情况/收入构成/财政拨款/当年金额（2025年）', '100', ''],
      ['年度绩效指标/满意度/2023年', '', '85%'],
      ['年度绩效指标/满意度/2024年', '85%', '90%'],
      ['年度绩效指标/满意度/预期当年实现值', '90%', ''],
    ]);
    expect(rollCounts(rows)).toEqual({ total: 7, moved: 5, cleared: 2 });
  });
});

describe('small helpers', () => {
  it('clip counts characters, not UTF-16 units', () => {
    expect(clip('一二三', 2)).toEqual({ text: '一二…', truncated: true });
    expect(clip('一二', 2)).toEqual({ text: '一二', truncated: false });
  });
  it('exportFileName', () => {
    expect(exportFileName('绩效目标表2024', 2024)).toBe('绩效目标表2024');
    expect(exportFileName('a/b: c', 2024)).toBe('a_b_c');
    expect(exportFileName('///', 2025)).toBe('绩效目标表2025');
  });
});

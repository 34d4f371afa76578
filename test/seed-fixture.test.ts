import { seedSnapshot } from './fixtures/seed';

describe('the seed form as a snapshot', () => {
  const s = seedSnapshot();
  it('finds the budget year and the header', () => {
    expect(s.year).toBe(2024);
    expect(s.fields.Dept_Name.value).toBe('\u3000鄂州市商务局');
    expect(s.fields.Dept_Phone.value).toBe('027-60265422\u3000');
  });
  it('keeps numbers typed with U+3000 as text and plain ones as numbers', () => {
    expect(s.fields.Fund_Income_Fiscal_Current.value).toBe('\u30008167.74');
    expect(s.fields.Fund_Expense_Operating_Current.value).toBe(248.35);
    expect(s.fields.Fund_Expense_Operating_Share).toMatchObject({
      value: 0.0304,
      numberFormat: '0.00%',
    });
    expect(s.fields.Fund_Income_SpecialAccount_Current.value).toBe(null);
  });
  it('reads both indicator tables with 一级/二级 filled down', () => {
    expect(s.tables.longTerm).toHaveLength(40);
    expect(s.tables.annual).toHaveLength(40);
    const r = s.tables.annual.find((x) => x.cells.level3?.value === '完成实际利用外资万美元')!;
    expect(r.cells.level1?.value).toBe('履职\n效能');
    expect(r.inherited).toContain('level1');
    expect(r.cells.target?.value).toBe('1050.72亿美元');
    expect(r.cells.prev1?.value).toBe('955.2亿美元');
    expect(r.cells.category?.value).toBe('绩效创新性');
    expect(s.fields.Text_AnnualGoals.value).toMatch(/^\u30001\.2024年全市实现社会消费品零售总额/);
  });
});

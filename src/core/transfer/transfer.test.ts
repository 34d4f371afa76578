import { seedText } from '../../../test/fixtures/seed';
import { BUDGET_YEAR_ADDRESS } from '../form/layout';
import { importRows } from '../import/from-rows';
import { parseWordTableText } from '../import/word-text';
import { exportCsv, exportForm, splitValue } from './export';
import { placeValues } from './form-values';
import { valuesFromImport } from './from-import';
import { planRollForward } from './roll-forward';

/** Import result → FormValues, the way the add-in and `pgt import` do it. */
const importedValues = (rows: string[][]) => valuesFromImport(importRows(rows));

describe('import → roll forward → export', () => {
  const rows = parseWordTableText(seedText());
  const res = importRows(rows);

  it('imports the seed completely, every value in its field', () => {
    expect(res.missing).toEqual([]);
    expect(res.year).toBe(2024);
    expect(res.fields).toMatchObject({
      Dept_Name: '\u3000鄂州市商务局',
      Dept_Preparer: '张赛球\u3000',
      Dept_Phone: '027-60265422\u3000',
      Fund_Income_Fiscal_Current: '\u30008167.74',
      Fund_Income_Fiscal_Share: '\u3000100%',
      Fund_Income_Fiscal_Prev2: '6289.58\u3000',
      Fund_Income_Fiscal_Prev1: '5347.75\u3000',
      Fund_Income_SpecialAccount_Current: '',
      Fund_Income_Own_Current: '\u3000',
      Fund_Expense_Personnel_Current: '1546.73',
      Fund_Expense_Operating_Share: '3.04%',
      Fund_Expense_Targeted_Prev1: '3339.29\u3000',
      Fund_Expense_Total_Current: '8167.74\u3000',
    });
    expect(res.fields.Text_Functions).toMatch(/^\u00a0\n1\.贯彻落实国家/);
    expect(res.fields.Text_AnnualTasks).toMatch(/^1、2024年全市商务发展/);
    expect(res.fields.Text_LongTermGoals).toMatch(/^1\.2024年全市实现社会消费品零售总额/);
    expect(res.fields.Text_AnnualGoals).toMatch(
      /3\.2024年全市预计完成实际利用外资1155\.8万美元，同比增长10%。$/,
    );
    expect(res.tables.longTerm).toHaveLength(40);
    expect(res.tables.annual).toHaveLength(40);
    expect(res.tables.longTerm[0]).toEqual({
      level1: '运行\n成本',
      level2: '公用经费控制',
      level3: '公用经费控制率',
      target: '88.86%',
      basis: '计划标准',
      category: '绩效基本型',
    });
    expect(res.tables.annual[38]).toEqual({
      level1: '满意度',
      level2: '服务对象满意度',
      level3: '消费券使用客户满意度',
      prev2: '80%',
      prev1: '80%',
      target: '85%',
      basis: '计划标准',
      category: '绩效基本型',
    });
    expect(res.tables.annual[4]).toEqual({
      level3: '……',
      basis: '计划标准',
      category: '绩效基本型',
    });
  });

  it('imports a hand-made sheet with the same labels in other places', () => {
    // The seed as an Excel grid shifted two columns right with an extra title row on top.
    const shifted = [['', '', '某某单位自制表'], ...rows.map((r) => ['', '', ...r])];
    const again = importRows(shifted);
    expect(again.missing).toEqual([]);
    expect(again.fields).toEqual(res.fields);
    expect(again.tables).toEqual(res.tables);
  });

  it('rolls 2024 forward to 2025: history moves left, this year is cleared, texts stay', () => {
    const v = importedValues(rows);
    const { values: next, changes } = planRollForward(v);
    expect(next.year).toBe(2025);
    // As Excel stores the typed text: the U+3000-wrapped number stays text, the plain one is a number.
    expect(next.fields.Fund_Expense_Personnel_Prev2).toEqual({ value: '1774.61\u3000' });
    expect(next.fields.Fund_Expense_Personnel_Prev1).toEqual({ value: 1546.73 });
    expect(next.fields.Fund_Expense_Personnel_Current).toEqual({ value: null });
    expect(next.fields.Text_Functions).toEqual(v.fields.Text_Functions);
    const trade = next.tables.annual.find((r) => r.level3?.value === '完成外贸进出口亿元人民币')!;
    expect(trade.prev2).toEqual({ value: '58.7亿元人民币' });
    expect(trade.prev1).toEqual({ value: '64.57亿元人民币' });
    expect(trade.target).toBeUndefined();
    expect(next.tables.longTerm).toEqual(v.tables.longTerm);
    expect(changes[0]).toEqual({ where: '预算年度', whereEn: 'Budget year', from: 2024, to: 2025 });
    expect(changes).toContainEqual({
      where: '年度绩效指标/完成外贸进出口亿元人民币/预期当年实现值',
      whereEn: 'Annual indicators/完成外贸进出口亿元人民币/expected value',
      from: '64.57亿元人民币',
      to: null,
    });
    // The old form is untouched.
    expect(v.year).toBe(2024);
    expect(
      v.tables.annual.find((r) => r.level3?.value === '完成外贸进出口亿元人民币')!.target,
    ).toEqual({ value: '64.57亿元人民币' });
    // The rolled form lays out with 2025's years.
    const { layout, cells } = placeValues(next);
    expect(layout.cells.some((c) => c.text === '长期目标：（截止2027年）')).toBe(true);
    expect(cells.get(BUDGET_YEAR_ADDRESS)).toEqual({ value: 2025 });
  });

  it('exports each indicator with operator, number and unit split apart', () => {
    const e = exportForm(planRollForward(importedValues(rows)).values);
    expect(e.year).toBe(2025);
    const trade = e.indicators.find(
      (i) => i.table === 'annual' && i.level3 === '完成外贸进出口亿元人民币',
    )!;
    expect(trade.level1).toBe('履职效能');
    expect(trade.values.prev1).toEqual({
      text: '64.57亿元人民币',
      operator: '＝',
      number: 64.57,
      unit: '亿元',
      kind: 'amount',
    });
    expect(trade.values.target!.kind).toBe('empty');
    expect(e.funding['Expense.Personnel']).toEqual({
      current: null,
      prev2: 1774.61,
      prev1: 1546.73,
    });
    expect(splitValue({ value: '≥95%' })).toEqual({
      text: '≥95%',
      operator: '≥',
      number: 95,
      unit: '%',
      kind: 'comparison',
    });
    expect(splitValue({ value: 0.8886, numberFormat: '0.00%' })).toMatchObject({
      operator: '＝',
      number: 88.86,
      unit: '%',
    });
    expect(splitValue({ value: '健全' })).toMatchObject({
      operator: '定性',
      number: null,
      unit: '',
    });
    expect(splitValue({ value: '不低于90%' })).toMatchObject({
      operator: '≥',
      number: 90,
      unit: '%',
    });
    const csv = exportCsv(e);
    expect(
      csv.startsWith(
        '\uFEFF表,一级指标,二级指标,三级指标,值列,运算符,数值,单位,原文,指标值确定依据,指标分类\r\n',
      ),
    ).toBe(true);
    expect(csv).toContain(
      '年度绩效指标,履职效能,核心业务产出2,完成外贸进出口亿元人民币,2024年,＝,64.57,亿元,64.57亿元人民币,计划标准,绩效创新性\r\n',
    );
    expect(exportCsv({ ...e, indicators: [{ ...trade, level3: '=HYPERLINK("x")' }] })).toContain(
      `"'=HYPERLINK(""x"")"`,
    );
  });
});

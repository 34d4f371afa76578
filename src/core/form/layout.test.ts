import { readFileSync } from 'fs';
import { join } from 'path';
import { parseWordTableText } from '../import/word-text';
import { parseRange } from './a1';
import { computeLayout } from './layout';
import { COMMON_INDICATORS } from './spec';

const norm = (s: string) => s.replace(/[\s\u3000\u00a0]/g, '');
const SEED = join(__dirname, '../../../../shared/seeds/000_bab4630d52e5362f.txt');

/** The labels of a layout in reading order (row by row, left to right), pre-filled values excluded. */
function labels(year: number) {
  const l = computeLayout({ year });
  return l.cells
    .filter((c) => !c.input && c.text !== '')
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((c) => norm(c.text));
}

describe('computeLayout', () => {
  it('reproduces every label of the seed form (budget year 2024) in order', () => {
    // The seed's label cells, in the order the Word table has them.
    const seedLabels = [
      '部门整体绩效目标表',
      '单位：万元',
      '部门（单位）名称',
      '填报人',
      '联系电话',
      '部门总体资金情况',
      '总体资金情况',
      '当年金额',
      '占比',
      '近两年收支金额',
      '2022年',
      '2023年',
      '收入构成',
      '财政拨款',
      '财政专户管理资金',
      '单位资金',
      '合计',
      '支出构成',
      '人员类项目支出',
      '运转类项目支出',
      '特定目标类项目支出',
      '合计',
      '部门职能概述',
      '年度工作任务',
      '长期目标：（截止2026年）',
      '长期绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '指标值确定依据',
      '指标分类',
      '年度目标：',
      '年度绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '指标值确定依据',
      '指标分类',
      '近两年指标值',
      '预期当年实现值',
      '2022年',
      '2023年',
    ];
    // Each of them is in the seed, in this order.
    const seedCells = parseWordTableText(readFileSync(SEED, 'utf8'))
      .flat()
      .map(norm)
      .filter(Boolean);
    let at = 0;
    for (const label of seedLabels) {
      const found = seedCells.findIndex((c, i) => i >= at && c === label);
      expect({ label, found: found >= 0 }).toEqual({ label, found: true });
      at = found + 1;
    }
    // The layout has them in the same order; its only other labels are the budget-year caption.
    const layoutLabels = labels(2024).filter((t) => t !== '预算年度');
    expect(layoutLabels).toEqual(seedLabels);
  });

  it('moves every year with the budget year', () => {
    const l = labels(2026);
    expect(l).toContain('长期目标：（截止2028年）');
    expect(l.filter((t) => t === '2024年')).toHaveLength(2);
    expect(l.filter((t) => t === '2025年')).toHaveLength(2);
    expect(l).not.toContain('2022年');
    const layout = computeLayout({ year: 2026 });
    const year = layout.cells.find((c) => c.address === 'B2')!;
    expect(year.value).toBe(2026);
    // Year headers are formulas on the year cell, so they follow when a user changes it.
    expect(layout.cells.find((c) => c.text === '2024年')!.formula).toBe('=$B$2-2&"年"');
  });

  it('computes totals and shares with formulas', () => {
    const l = computeLayout({ year: 2024 });
    const byName = Object.fromEntries(l.names.map((n) => [n.name, n.ref.replace(/\$/g, '')]));
    const formulaAt = (name: string) => l.cells.find((c) => c.address === byName[name])!.formula;
    expect(byName.Fund_Income_Fiscal_Current).toBe('E7');
    expect(formulaAt('Fund_Income_Total_Current')).toBe('=SUM(E7:E9)');
    expect(formulaAt('Fund_Income_Total_Prev2')).toBe('=SUM(H7:H9)');
    expect(formulaAt('Fund_Expense_Total_Prev1')).toBe('=SUM(I11:I13)');
    expect(formulaAt('Fund_Expense_Personnel_Share')).toBe(
      '=IF(N($E$14)=0,"",ROUND(N(E11)/$E$14,4))',
    );
    expect(formulaAt('Fund_Income_Total_Share')).toBe('=IF(N($E$10)=0,"",ROUND(N(E10)/$E$10,4))');
    expect(l.cells.find((c) => c.address === 'G7')!.style.numberFormat).toBe('0.00%');
    expect(l.cells.find((c) => c.address === 'E7')!.style.numberFormat).toBe('#,##0.00');
  });

  it('names every field with a unique ASCII name, and every input cell is named or in a table body', () => {
    const l = computeLayout({ year: 2024, common: true });
    const names = l.names.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
    expect(names).toHaveLength(1 + 3 + 32 + 4 + 5 + 2);
    const covered = (row: number, col: number) =>
      l.names.some((n) => {
        const r = parseRange(n.ref)!;
        return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
      });
    for (const c of l.cells.filter((c) => c.input))
      expect({ a: c.address, named: covered(c.row, c.col) }).toEqual({ a: c.address, named: true });
    const t = l.names.find((n) => n.name === 'Annual_Indicators')!;
    expect(t.columns!.map((c) => c.header)).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '2022年',
      '2023年',
      '预期当年实现值',
      '指标值确定依据',
      '指标分类',
    ]);
  });

  it('pre-fills the common indicators when asked, and leaves blank rows otherwise', () => {
    const withCommon = computeLayout({ year: 2024, common: true });
    const t = withCommon.tables.annual;
    expect(t.lastRow - t.firstRow + 1).toBe(COMMON_INDICATORS.length);
    const at = (a: string) => withCommon.cells.find((c) => c.address === a)?.value;
    expect(at(`B${t.firstRow}`)).toBe('运行成本');
    expect(at(`D${t.firstRow}`)).toBe('公用经费控制率');
    expect(at(`H${t.firstRow}`)).toBe('计划标准');
    expect(at(`I${t.firstRow}`)).toBe('绩效基本型');
    const blank = computeLayout({ year: 2024 });
    expect(
      blank.cells
        .filter((c) => c.input && c.row >= blank.tables.annual.firstRow)
        .every((c) => c.value === undefined),
    ).toBe(true);
  });

  it('grows linearly with the number of indicator rows and keeps the tables apart', () => {
    const l = computeLayout({ year: 2024, rows: { longTerm: 400, annual: 400 } });
    expect(l.tables.longTerm.lastRow - l.tables.longTerm.firstRow).toBe(399);
    expect(l.tables.annual.firstRow).toBeGreaterThan(l.tables.longTerm.lastRow + 1);
    expect(l.print.area).toBe(`$A$1:$I$${l.lastRow}`);
    // Section label column spans the whole table, header included.
    expect(l.merges).toContain(`A${l.tables.annual.headerFirstRow}:A${l.tables.annual.lastRow}`);
  });

  it('puts list rules on 一级指标, 指标值确定依据 and 指标分类 of both tables', () => {
    const l = computeLayout({ year: 2024 });
    const lt = l.tables.longTerm;
    expect(l.validations).toContainEqual({
      range: `$B$${lt.firstRow}:$B$${lt.lastRow}`,
      choices: ['运行成本', '管理效率', '履职效能', '社会效应', '可持续发展能力', '满意度'],
    });
    expect(l.validations).toContainEqual({
      range: `$H$${lt.firstRow}:$H$${lt.lastRow}`,
      choices: ['计划标准', '行业标准', '历史标准', '其他标准'],
    });
    expect(l.validations).toContainEqual({
      range: `$I$${lt.firstRow}:$I$${lt.lastRow}`,
      choices: ['绩效基本型', '绩效创新型'],
    });
    expect(l.validations).toHaveLength(6);
  });

  it('never lets two cells claim one address and keeps merges disjoint', () => {
    const l = computeLayout({ year: 2024, common: true });
    const seen = new Set<string>();
    for (const c of l.cells) {
      expect(seen.has(c.address)).toBe(false);
      seen.add(c.address);
    }
    const cellsOf = l.merges.flatMap((m) => {
      const r = parseRange(m)!;
      const out: string[] = [];
      for (let i = r.top; i <= r.bottom; i++)
        for (let k = r.left; k <= r.right; k++) out.push(`${i}:${k}`);
      return out;
    });
    expect(new Set(cellsOf).size).toBe(cellsOf.length);
  });
});

import { computeLayout } from '../core/form/layout';
import type { Layout } from '../core/form/types';
import type { Finding } from '../core/rules/types';
import { findingRows } from './export-sheet';
import { locateNames, type Grid } from './locate';

/** The grid a sheet holding `layout` shows (what the used range's values are). */
function gridOf(layout: Layout, edit?: (values: unknown[][]) => void): Grid {
  const values: unknown[][] = Array.from({ length: layout.lastRow }, () => new Array(9).fill(''));
  for (const c of layout.cells) values[c.row - 1][c.col - 1] = c.formula ? c.text : (c.value ?? '');
  edit?.(values);
  return { top: 1, left: 1, values };
}

const refsOf = (layout: Layout) => Object.fromEntries(layout.names.map((n) => [n.name, n.ref]));

describe('locateNames', () => {
  it('finds every name of a form from its labels alone', () => {
    for (const layout of [
      computeLayout({ year: 2024 }),
      computeLayout({ year: 2031, common: true }),
      computeLayout({ year: 2024, rows: { longTerm: 1, annual: 57 } }),
    ]) {
      const found = locateNames(gridOf(layout));
      expect(found.notFound).toEqual([]);
      expect(found.refs).toEqual(refsOf(layout));
      expect(found.recognisable).toBe(true);
    }
  });

  it('follows rows that moved (a grid that starts lower, a table that grew)', () => {
    const layout = computeLayout({ year: 2024, rows: { longTerm: 12, annual: 3 } });
    const g = gridOf(layout);
    // Three blank rows above the form: the used range starts at row 4.
    const shifted = locateNames({ top: 4, left: 1, values: g.values });
    expect(shifted.refs.Fund_Income_Fiscal_Current).toBe('$E$10');
    expect(shifted.refs.LongTerm_Indicators).toBe(
      refsOf(layout).LongTerm_Indicators.replace(/\d+/g, (d) => String(Number(d) + 3)),
    );
  });

  it('reports what it cannot place when a label row is gone', () => {
    const layout = computeLayout({ year: 2024 });
    const found = locateNames(
      gridOf(layout, (v) => {
        v[7][2] = ''; // C8 财政专户管理资金
        v[14][0] = ''; // A15 部门职能概述
      }),
    );
    expect(found.notFound).toEqual(
      expect.arrayContaining([
        'Fund_Income_SpecialAccount_Current',
        'Fund_Income_SpecialAccount_Share',
        'Text_Functions',
      ]),
    );
    // The rows after the gap are still found in their own places (the income 合计 is not
    // confused with the expenditure one).
    expect(found.refs.Fund_Income_Own_Current).toBe('$E$9');
    expect(found.refs.Fund_Income_Total_Current).toBe('$E$10');
    expect(found.refs.Fund_Expense_Total_Current).toBe('$E$14');
  });

  it('does not call a sheet of other content a form', () => {
    const found = locateNames({
      top: 1,
      left: 1,
      values: [
        ['姓名', '金额'],
        ['张三', 12],
      ],
    });
    expect(found.recognisable).toBe(false);
    expect(Object.keys(found.refs)).toEqual([]);
  });

  it('does not call the exported findings list (问题清单) a form', () => {
    const sections = ['funding', 'functions', 'annualTasks', 'longTerm', 'annualGoals', 'annual'];
    const labels = [
      '部门总体资金情况',
      '部门职能概述',
      '年度工作任务',
      '长期绩效指标',
      '年度目标：',
      '年度绩效指标',
    ];
    // The worst case of a findings list: one finding per section, in the form's order.
    const findings: Finding[] = sections.map((section, i) => ({
      ruleId: 'required',
      severity: 'error',
      section: section as Finding['section'],
      cells: [`E${7 + i}`],
      message: { zh: `部门整体绩效目标表的“${labels[i]}”未填写`, en: 'not filled in' },
    }));
    const rows = findingRows(findings, '绩效目标表2024');
    expect(rows.map((r) => r[2])).toEqual([
      '部分',
      '部门总体资金情况',
      '部门职能概述',
      '年度工作任务',
      '长期绩效指标',
      '年度目标',
      '年度绩效指标',
    ]);
    expect(locateNames({ top: 1, left: 1, values: rows }).recognisable).toBe(false);
    // A real list names most sections more than once: not a form even under the title.
    const longer = [['部门整体绩效目标表'], ...rows, rows[1], rows[4]];
    expect(locateNames({ top: 1, left: 1, values: longer }).recognisable).toBe(false);
  });
});

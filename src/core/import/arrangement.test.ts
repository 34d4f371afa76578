import { computeLayout } from '../form/layout';
import { FUNDING_SECTION, INDICATOR_TABLES, TEXT_SECTIONS } from '../form/spec';
import type { Layout } from '../form/types';
import { cellsInFormArrangement, gridCells, hasFormArrangement, type Grid } from './arrangement';

/** The grid a sheet holding `layout` shows (what the used range's values are). */
function gridOf(layout: Layout, edit?: (values: unknown[][]) => void): Grid {
  const values: unknown[][] = Array.from({ length: layout.lastRow }, () => new Array(9).fill(''));
  for (const c of layout.cells) values[c.row - 1][c.col - 1] = c.formula ? c.text : (c.value ?? '');
  edit?.(values);
  return { top: 1, left: 1, values };
}

const grid = (values: unknown[][], left = 1): Grid => ({ top: 1, left, values });

/**
 * A findings list as the add-in exports it (问题清单: 序号 严重程度 部分 单元格 规则 问题说明 建议修改),
 * the worst case: one finding per section, in the form's order, the 部分 column holding the
 * form's own section labels and the messages quoting them.
 */
const SECTIONS = [
  FUNDING_SECTION.zh,
  TEXT_SECTIONS.functions.label(0).zh,
  TEXT_SECTIONS.annualTasks.label(0).zh,
  INDICATOR_TABLES.longTerm.label.zh,
  TEXT_SECTIONS.annualGoals.label(0).zh,
  INDICATOR_TABLES.annual.label.zh,
];
const findingsList: unknown[][] = [
  ['序号', '严重程度', '部分', '单元格', '规则', '问题说明', '建议修改'],
  ...SECTIONS.map((s, i) => [
    i + 1,
    '错误',
    s,
    `绩效目标表2024!E${7 + i}`,
    'required',
    `部门整体绩效目标表的“${s}”未填写`,
    '',
  ]),
];

describe('hasFormArrangement: what makes a sheet without names a form', () => {
  it('the form itself, shifted down or right, and without its title (the funding blocks tell)', () => {
    for (const layout of [
      computeLayout({ year: 2024 }),
      computeLayout({ year: 2031, common: true }),
      computeLayout({ year: 2024, rows: { longTerm: 1, annual: 57 } }),
    ])
      expect(hasFormArrangement(gridOf(layout))).toBe(true);
    const layout = computeLayout({ year: 2024 });
    const g = gridOf(layout);
    expect(hasFormArrangement({ top: 4, left: 3, values: g.values })).toBe(true);
    const untitled = gridOf(layout, (v) => {
      v[0][0] = '';
    });
    expect(hasFormArrangement(untitled)).toBe(true);
  });

  it('not a findings list (问题清单): section names in a column and labels in its messages', () => {
    expect(findingsList.map((r) => r[2]).slice(1)).toEqual(SECTIONS);
    expect(hasFormArrangement(grid(findingsList))).toBe(false);
    // A real list names most sections more than once: not a form even under a cell that holds
    // the title (a label column has each section once).
    const longer = [...findingsList, findingsList[1], findingsList[4]];
    expect(hasFormArrangement(grid([['部门整体绩效目标表'], ...longer]))).toBe(false);
  });

  it('labels out of the form’s order, or too few, are not a form', () => {
    const column = (labels: string[]) => grid([['部门整体绩效目标表'], ...labels.map((l) => [l])]);
    expect(
      hasFormArrangement(
        column(['部门总体资金情况', '部门职能概述', '年度工作任务', '长期绩效指标']),
      ),
    ).toBe(true);
    expect(
      hasFormArrangement(
        column(['部门职能概述', '部门总体资金情况', '年度工作任务', '长期绩效指标']),
      ),
    ).toBe(false);
    expect(hasFormArrangement(column(['部门总体资金情况', '部门职能概述', '年度工作任务']))).toBe(
      false,
    );
    // The same labels spread over several columns are not the form's arrangement.
    expect(
      hasFormArrangement(
        grid([
          ['部门整体绩效目标表'],
          ['部门总体资金情况', '部门职能概述'],
          ['年度工作任务', '长期绩效指标'],
        ]),
      ),
    ).toBe(false);
  });

  it('the title counts only above the labels; without it the funding blocks must stand in order', () => {
    const labels = ['部门总体资金情况', '部门职能概述', '年度工作任务', '长期绩效指标'];
    expect(hasFormArrangement(grid([...labels.map((l) => [l]), ['部门整体绩效目标表']]))).toBe(
      false,
    );
    // 收入构成 then 支出构成 in one column between 部门总体资金情况 and 部门职能概述.
    const withBlocks = (a: string, b: string) =>
      grid([['部门总体资金情况', a], ['', b], ...labels.slice(1).map((l) => [l])]);
    expect(hasFormArrangement(withBlocks('收入构成', '支出构成'))).toBe(true);
    expect(hasFormArrangement(withBlocks('支出构成', '收入构成'))).toBe(false);
  });

  it('reads a sheet cell by cell the same as its grid of values (labels with spaces too)', () => {
    const layout = computeLayout({ year: 2024 });
    const g = gridOf(layout, (v) => {
      v[14][0] = '部门职能\u3000概述';
    });
    const cells = gridCells(g);
    expect(cells.every((c) => c.value !== '')).toBe(true);
    expect(cellsInFormArrangement(cells)).toBe(true);
    // Far below and right: what a sparse sheet read from a file gives.
    const far = cells.map((c) => ({ ...c, row: c.row + 100_000, col: c.col + 1000 }));
    expect(cellsInFormArrangement(far)).toBe(true);
    expect(cellsInFormArrangement(gridCells(grid(findingsList)))).toBe(false);
  });
});

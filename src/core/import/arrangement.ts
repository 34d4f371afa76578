/**
 * Whether a sheet shows the form's own arrangement of labels — what makes a sheet without the
 * form's names a (damaged, hand-made or pasted) form. Label words elsewhere do not count: a
 * findings list (问题清单) names a section in every row and quotes labels in its messages, yet it
 * is not a form. The add-in (a used range's values), `pgt check` and `pgt import` (a file's cells)
 * all ask this one predicate. Pure: cell values in, a yes or no out.
 */
import {
  FORM_TITLE,
  FUNDING_BLOCKS,
  FUNDING_SECTION,
  INDICATOR_TABLES,
  TEXT_SECTIONS,
} from '../form/spec';

/** Cell values of a block of a sheet: values[i][j] is at row top + i, column left + j (1-based). */
export interface Grid {
  top: number;
  left: number;
  values: unknown[][];
}

/** One cell of a sheet (1-based row and column), for sheets read cell by cell. */
export interface LabelCell {
  row: number;
  col: number;
  value: unknown;
}

/** A cell's text as labels are compared: without any white space (U+3000 and NBSP too). */
export const labelText = (v: unknown): string =>
  v === null || v === undefined ? '' : String(v).replace(/[\s\u3000\u00a0]/g, '');

/** 长期目标：（截止2026年）, with or without the colon, either kind of bracket, 截止 or 截至. */
export const LONG_TERM_GOALS_LABEL = /^长期目标[:：]?[（(]?截[止至]/;
/** 年度目标 with or without the colon. */
export const ANNUAL_GOALS_LABEL = /^年度目标[:：]?$/;

const is = (text: string) => {
  const want = labelText(text);
  return (t: string) => t === want;
};
/** The form's section labels, in the form's order: in one column (A in the layout), once each. */
const SECTION_LABELS: ((t: string) => boolean)[] = [
  is(FUNDING_SECTION.zh),
  is(TEXT_SECTIONS.functions.label(0).zh),
  is(TEXT_SECTIONS.annualTasks.label(0).zh),
  (t) => LONG_TERM_GOALS_LABEL.test(t),
  is(INDICATOR_TABLES.longTerm.label.zh),
  (t) => ANNUAL_GOALS_LABEL.test(t),
  is(INDICATOR_TABLES.annual.label.zh),
];
/** How many section labels in their column make a form (with the title or the funding blocks). */
export const MIN_SECTION_LABELS = 4;

const TITLE = labelText(FORM_TITLE.zh);
const BLOCKS = FUNDING_BLOCKS.map((b) => labelText(b.label.zh));

/** The cells of a grid that hold something. */
export function gridCells(g: Grid): LabelCell[] {
  const out: LabelCell[] = [];
  g.values.forEach((row, i) =>
    row.forEach((value, j) => {
      if (labelText(value) !== '') out.push({ row: g.top + i, col: g.left + j, value });
    }),
  );
  return out;
}

/**
 * The arrangement: in one column, at least MIN_SECTION_LABELS of the section labels (部门总体资金情况,
 * 部门职能概述, 年度工作任务, 长期目标（截止…）, 长期绩效指标, 年度目标, 年度绩效指标), each exactly once and
 * in the form's order; and above them the title 部门整体绩效目标表, or between 部门总体资金情况 and the
 * next section the funding blocks 收入构成 then 支出构成 in one column.
 */
export function cellsInFormArrangement(cells: Iterable<LabelCell>): boolean {
  const sections = new Map<number, { row: number; k: number }[]>();
  const blocks = new Map<number, { row: number; i: number }[]>();
  const titleRows: number[] = [];
  const push = <T>(m: Map<number, T[]>, col: number, hit: T) => {
    const list = m.get(col);
    if (list) list.push(hit);
    else m.set(col, [hit]);
  };
  for (const c of cells) {
    const t = labelText(c.value);
    if (t === '') continue;
    if (t === TITLE) titleRows.push(c.row);
    const k = SECTION_LABELS.findIndex((m) => m(t));
    if (k >= 0) push(sections, c.col, { row: c.row, k });
    const i = BLOCKS.indexOf(t);
    if (i >= 0) push(blocks, c.col, { row: c.row, i });
  }
  for (const hits of blocks.values()) hits.sort((a, b) => a.row - b.row);
  /** Some column holds the funding blocks in order within rows [from, to]. */
  const blocksWithin = (from: number, to: number) =>
    [...blocks.values()].some((hits) => {
      const at = BLOCKS.map(
        (_, i) => hits.find((h) => h.i === i && h.row >= from && h.row <= to)?.row ?? null,
      );
      return at.every((r, i) => r !== null && (i === 0 || r > at[i - 1]!));
    });
  for (const hits of sections.values()) {
    const rows: (number | null)[] = SECTION_LABELS.map(() => null);
    let repeated = false;
    for (const h of hits) {
      if (rows[h.k] !== null) repeated = true;
      rows[h.k] = h.row;
    }
    const found = rows.filter((r): r is number => r !== null);
    if (repeated || found.length < MIN_SECTION_LABELS) continue;
    if (found.some((r, i) => i > 0 && r <= found[i - 1])) continue;
    const titled = titleRows.some((r) => r < found[0]);
    const funding = rows[0];
    const next = found.find((r) => funding !== null && r > funding) ?? Infinity;
    if (titled || (funding !== null && blocksWithin(funding, next - 1))) return true;
  }
  return false;
}

/** Whether a grid of a sheet's values shows the form's arrangement of labels (see above). */
export function hasFormArrangement(g: Grid): boolean {
  return cellsInFormArrangement(gridCells(g));
}

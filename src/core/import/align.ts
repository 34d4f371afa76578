/**
 * Puts the cells of a sheet (or of pasted rows) where importRows expects them. importRows reads a
 * funding row's values right of its label, in order, and an indicator row's LAST cells as its
 * columns — the shape of a Word table's text export, one text per cell. A sheet is shaped
 * otherwise:
 * - a used range is a rectangle, so rows end in padding blanks (`alignTableRows` cuts them and
 *   pads each table back to its own width);
 * - a sheet laid out like the form (the add-in's template, a Word table pasted into Excel) has
 *   merged cells: a value spanning E:F leaves F empty, so the header rows are used to find each
 *   column's place (`headerColumns`).
 * Both are done on column indices (`alignGrid`), so a caller that knows where each text came from
 * (the CLI names source cells) can follow them. Pure: strings in, strings and indices out.
 */
import { FUNDING_BLOCKS } from '../form/spec';

const norm = (s: string) => s.replace(/[\s\u3000\u00a0]/g, '');

const FUNDING_ITEM_LABELS = new Set(
  FUNDING_BLOCKS.flatMap((b) => b.items.map((i) => norm(i.label.zh))),
);
const YEAR_HEADER = /^\d{4}年$/;
const isTableHeader = (r: string[]) => r.some((c) => norm(c) === '三级指标');

/**
 * For each row, the source columns it keeps (in order) when the header rows give each column's
 * place, or null when the row is left as it is.
 *
 * Where the header rows give each column's place — 当年金额 / 占比 / the two years over the funding
 * rows; 一级指标 … 指标分类 (with the years and 预期当年实现值 of the annual table) over an
 * indicator table — the rows below keep just those cells, in order, after what precedes the first
 * (the funding item label, the section label). Where the header's places do not line up (a Word
 * table's text pasted as it is, whose header cells span several body cells), rows are left alone.
 */
export function headerColumns(rows: string[][]): (number[] | null)[] {
  const out: (number[] | null)[] = rows.map(() => null);
  const at = (r: number, want: (c: string) => boolean) =>
    (rows[r] ?? []).findIndex((c) => want(norm(c)));
  const increasing = (p: number[]) => p.every((x, i) => x >= 0 && (i === 0 || x > p[i - 1]));
  const upTo = (n: number) => Array.from({ length: n }, (_, j) => j);

  // Funding: item rows between the 当年金额 header and 部门职能概述.
  const h = rows.findIndex((r) => r.some((c) => norm(c) === '当年金额'));
  if (h >= 0) {
    const years = (rows[h + 1] ?? [])
      .map((c, j) => (YEAR_HEADER.test(norm(c)) ? j : -1))
      .filter((j) => j >= 0);
    const cols = [at(h, (c) => c === '当年金额'), at(h, (c) => c === '占比'), ...years.slice(0, 2)];
    const end = rows.findIndex((r, i) => i > h && r.some((c) => norm(c) === '部门职能概述'));
    if (cols.length === 4 && cols.every((j) => j >= 0))
      for (let r = h + 2; r < (end < 0 ? rows.length : end); r++) {
        const label = rows[r].findIndex((c) => FUNDING_ITEM_LABELS.has(norm(c)));
        if (label >= 0 && label < Math.min(...cols)) out[r] = [...upTo(label + 1), ...cols];
      }
  }

  // Indicator tables: every row from a 三级指标 header to the next one.
  const headers = rows.map((r, i) => (isTableHeader(r) ? i : -1)).filter((i) => i >= 0);
  headers.forEach((start, k) => {
    const end = k + 1 < headers.length ? headers[k + 1] : rows.length;
    const head = (text: string) => at(start, (c) => c === text);
    const yearCols: number[] = [];
    let target = -1;
    for (let r = start; r <= start + 2 && r < end; r++) {
      rows[r].forEach((c, j) => {
        if (YEAR_HEADER.test(norm(c))) yearCols.push(j);
      });
      if (r > start && target < 0) target = at(r, (c) => c === '预期当年实现值');
    }
    const annual = yearCols.length >= 2;
    if (target < 0) target = head('指标值');
    const cols = [
      head('一级指标'),
      head('二级指标'),
      head('三级指标'),
      ...(annual ? yearCols.slice(0, 2) : []),
      target,
      head('指标值确定依据'),
      head('指标分类'),
    ];
    if (!increasing(cols)) return;
    for (let r = start; r < end; r++) out[r] = [...upTo(cols[0]), ...cols];
  });
  return out;
}

/** Rows of texts, and for each text the column of the source it came from (-1: padding). */
export interface AlignedGrid {
  rows: string[][];
  cols: number[][];
}

/**
 * The whole clean-up: rows the header rows place are reduced to their columns (headerColumns);
 * the others keep every cell but those `skipped` says to leave out (the CLI leaves out the
 * covered cells of a horizontally merged area, as a Word table gives a spanning cell once). Then
 * each row's trailing empty cells are cut, and every row of an indicator table (from its 三级指标
 * header to the next one) is padded back to the table's widest row, so a row whose last cells
 * are empty keeps its columns in place. A cell holding only blanks (U+3000) is content, as typed,
 * and is kept.
 */
export function alignGrid(
  rows: string[][],
  opts: { skipped?: (row: number, col: number) => boolean } = {},
): AlignedGrid {
  const placed = headerColumns(rows);
  const cols = rows.map(
    (r, i) => placed[i] ?? r.map((_, j) => j).filter((j) => !opts.skipped?.(i, j)),
  );
  return padTables(rows, cols);
}

/** alignGrid's first step alone, on texts: the rows the header rows place, reduced. */
export function alignByHeaders(rows: string[][]): string[][] {
  const placed = headerColumns(rows);
  return rows.map((r, i) => (placed[i] ? pick(r, placed[i]!) : [...r]));
}

/** alignGrid's last step alone, on texts: trailing blanks cut, each table padded to its width. */
export function alignTableRows(rows: string[][]): string[][] {
  return padTables(
    rows,
    rows.map((r) => r.map((_, j) => j)),
  ).rows;
}

const pick = (row: string[], cols: number[]) => cols.map((j) => (j < 0 ? '' : (row[j] ?? '')));

function padTables(source: string[][], cols: number[][]): AlignedGrid {
  const full = cols.map((c, i) => ({ texts: pick(source[i], c), cols: c }));
  // Cut trailing empty cells; what was cut is reused (it is empty) when the row is padded back.
  const cut = full.map(({ texts, cols: c }) => {
    let end = texts.length;
    while (end > 0 && texts[end - 1] === '') end--;
    return { texts: texts.slice(0, end), cols: c.slice(0, end), spare: c.slice(end) };
  });
  const headers = cut.map((r, i) => (isTableHeader(r.texts) ? i : -1)).filter((i) => i >= 0);
  headers.forEach((start, k) => {
    const end = k + 1 < headers.length ? headers[k + 1] : cut.length;
    const width = Math.max(...cut.slice(start, end).map((r) => r.texts.length));
    for (let i = start; i < end; i++) {
      const r = cut[i];
      let s = 0;
      while (r.texts.length < width) {
        r.texts.push('');
        r.cols.push(s < r.spare.length ? r.spare[s++] : -1);
      }
    }
  });
  return { rows: cut.map((r) => r.texts), cols: cut.map((r) => r.cols) };
}

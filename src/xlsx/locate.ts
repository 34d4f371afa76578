/**
 * Finds the form's fields in a sheet by their labels, for forms whose names are gone (a copy
 * pasted into a new workbook, names deleted or broken to #REF!, a form typed by hand after the
 * printed one). It uses the label knowledge of src/core/form/spec.ts — the same the Word-text
 * import uses — but answers with cell addresses: a field is the cell right of its label (right of
 * the label's merged area), a funding amount sits in its item's row under its column header, and
 * an indicator table's body runs from below its header rows to the end of its section.
 */
import { addr, colLetter, parseAddr, parseRange } from '../core/form/a1';
import {
  BUDGET_YEAR,
  FUNDING_BLOCKS,
  FUNDING_COLUMNS,
  FUNDING_HEADER,
  FUNDING_HISTORY_HEADER,
  FUNDING_SECTION,
  HEADER_FIELDS,
  INDICATOR_TABLES,
  ANNUAL_HISTORY_HEADER,
  TEXT_SECTIONS,
  YEAR_LABEL_NAMES,
  fundingName,
  type FundingColumnKey,
  type TextSectionId,
} from '../core/form/spec';
import type { IndicatorColumnKey, IndicatorTableId } from '../core/form/types';
import { cellsInFormArrangement, type LabelCell } from '../core/import/arrangement';
import type { SheetData } from './read';

export interface LocatedTable {
  firstRow: number;
  lastRow: number;
  /** Column number of each of the table's columns, as found from its headers. */
  cols: Partial<Record<IndicatorColumnKey, number>>;
}

export interface Located {
  /** Field name → A1 address on the sheet. */
  refs: Record<string, string>;
  tables: Partial<Record<IndicatorTableId, LocatedTable>>;
  /** Budget year read from the year-bearing labels (horizon Y+2, history columns Y-1). */
  year: number | null;
}

export const norm = (s: unknown) =>
  String(s ?? '')
    .replace(/[\s\u3000\u00a0]/g, '')
    .replace(/:/g, '：')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');

interface Pos {
  row: number;
  col: number;
}

class Grid {
  private readonly byText = new Map<string, Pos[]>();
  private readonly all: { pos: Pos; text: string }[] = [];
  private readonly mergeAt = new Map<string, { bottom: number; right: number }>();

  constructor(readonly sheet: SheetData) {
    for (const [address, c] of sheet.cells) {
      if (c.value === null || c.value === undefined) continue;
      const text = norm(c.value);
      if (!text) continue;
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      const r = parseRange(address)!;
      const pos = { row: Number(m[2]), col: r.left };
      this.all.push({ pos, text });
      const list = this.byText.get(text);
      if (list) list.push(pos);
      else this.byText.set(text, [pos]);
    }
    const order = (a: Pos, b: Pos) => a.row - b.row || a.col - b.col;
    this.all.sort((a, b) => order(a.pos, b.pos));
    for (const list of this.byText.values()) list.sort(order);
    for (const m of sheet.merges) {
      const r = parseRange(m);
      if (r) this.mergeAt.set(addr(r.top, r.left), { bottom: r.bottom, right: r.right });
    }
  }

  text(row: number, col: number): string {
    return norm(this.sheet.cells.get(addr(row, col))?.value);
  }

  /** Cells whose text is exactly `label`, in reading order, optionally within rows [from, to]. */
  exact(label: string, from = 1, to = Infinity): Pos[] {
    return (this.byText.get(norm(label)) ?? []).filter((p) => p.row >= from && p.row <= to);
  }

  find(pred: (text: string) => boolean, from = 1, to = Infinity): Pos | null {
    for (const c of this.all)
      if (c.pos.row >= from && c.pos.row <= to && pred(c.text)) return c.pos;
    return null;
  }

  right(p: Pos): number {
    return this.mergeAt.get(addr(p.row, p.col))?.right ?? p.col;
  }

  bottom(p: Pos): number {
    return this.mergeAt.get(addr(p.row, p.col))?.bottom ?? p.row;
  }
}

/**
 * Whether the sheet shows the form's own arrangement of labels (cellsInFormArrangement): what makes
 * a sheet without the form's names a form. A findings list (问题清单) full of label words is not.
 */
export function showsFormArrangement(sheet: Pick<SheetData, 'cells'>): boolean {
  const cells: LabelCell[] = [];
  for (const [address, c] of sheet.cells) {
    const p = parseAddr(address);
    if (p) cells.push({ row: p.row, col: p.col, value: c.value });
  }
  return cellsInFormArrangement(cells);
}

const yearOf = (text: string) => {
  const m = /^(\d{4})年$/.exec(text);
  return m ? Number(m[1]) : null;
};

/** Finds the form's fields on a sheet by its labels. */
export function locateByLabels(sheet: SheetData): Located {
  const g = new Grid(sheet);
  const refs: Record<string, string> = {};
  const tables: Partial<Record<IndicatorTableId, LocatedTable>> = {};
  const years: number[] = [];
  const nextTo = (p: Pos) => addr(p.row, g.right(p) + 1);

  // Budget year and header fields: the cell right of the label.
  const yearLabel = g.exact(BUDGET_YEAR.label.zh)[0];
  if (yearLabel) refs[BUDGET_YEAR.name] = nextTo(yearLabel);
  for (const f of HEADER_FIELDS) {
    const at = g.exact(f.formLabel)[0];
    if (at) refs[f.name] = nextTo(at);
  }

  // Funding block: column headers, then each block's item rows.
  const section = g.exact(FUNDING_SECTION.zh)[0];
  const fundTop = section?.row ?? g.exact(FUNDING_HEADER.zh)[0]?.row ?? 1;
  const cols: Partial<Record<FundingColumnKey, number>> = {};
  const current = g.exact(FUNDING_COLUMNS[0].label(0).zh, fundTop)[0];
  if (current) cols.Current = current.col;
  const share = g.exact(FUNDING_COLUMNS[1].label(0).zh, fundTop)[0];
  if (share) cols.Share = share.col;
  const history = g.exact(FUNDING_HISTORY_HEADER.zh, fundTop)[0];
  if (history) {
    const row = g.bottom(history) + 1;
    const left = history.col;
    const right = Math.max(g.right(history), left + 1);
    cols.Prev2 = left;
    cols.Prev1 = right;
    for (const [key, col, name] of [
      ['Prev2', left, YEAR_LABEL_NAMES.fundPrev2],
      ['Prev1', right, YEAR_LABEL_NAMES.fundPrev1],
    ] as const) {
      refs[name] = addr(row, col);
      const y = yearOf(g.text(row, col));
      if (y) years.push(key === 'Prev1' ? y + 1 : y + 2);
    }
  }
  let from = fundTop;
  for (const block of FUNDING_BLOCKS) {
    const at = g.exact(block.label.zh, from)[0];
    if (!at) continue;
    const last = g.bottom(at) > at.row ? g.bottom(at) : at.row + block.items.length + 2;
    let row = at.row;
    for (const item of block.items) {
      const hit = g.exact(item.label.zh, row, last).find((p) => p.col > at.col);
      if (!hit) continue;
      row = hit.row + 1;
      for (const [ck, col] of Object.entries(cols) as [FundingColumnKey, number][])
        refs[fundingName(block.key, item.key, ck)] = addr(hit.row, col);
    }
    from = row;
  }

  // Text sections.
  const textLabel: Record<TextSectionId, (c: string) => boolean> = {
    functions: (c) => c === norm(TEXT_SECTIONS.functions.label(0).zh),
    annualTasks: (c) => c === norm(TEXT_SECTIONS.annualTasks.label(0).zh),
    longTermGoals: (c) =>
      /^长期目标(：)?（截[止至]/.test(c) || c === '长期目标' || c === '长期目标：',
    annualGoals: (c) => /^年度目标(：)?$/.test(c),
  };
  const textAt: Partial<Record<TextSectionId, Pos>> = {};
  for (const id of Object.keys(TEXT_SECTIONS) as TextSectionId[]) {
    const at = g.find(textLabel[id]);
    if (!at) continue;
    textAt[id] = at;
    refs[TEXT_SECTIONS[id].name] = nextTo(at);
    if (id === 'longTermGoals') {
      refs[YEAR_LABEL_NAMES.longTermHorizon] = addr(at.row, at.col);
      const m = /截[止至](\d{4})年/.exec(g.text(at.row, at.col));
      if (m) years.push(Number(m[1]) - 2);
    }
  }

  // Indicator tables.
  const starts: Partial<Record<IndicatorTableId, Pos>> = {};
  for (const id of ['longTerm', 'annual'] as IndicatorTableId[]) {
    const at = g.exact(INDICATOR_TABLES[id].label.zh)[0];
    if (at) starts[id] = at;
  }
  for (const id of ['longTerm', 'annual'] as IndicatorTableId[]) {
    const at = starts[id];
    if (!at) continue;
    const spec = INDICATOR_TABLES[id];
    // The header row: the first row at or below the label holding 一级指标.
    const h1 = g.exact(spec.columns[0].header(0).zh, at.row).find((p) => p.col > at.col);
    if (!h1) continue;
    const headerCell = (label: string, fromRow = h1.row, toRow = h1.row + 3) =>
      g.exact(label, fromRow, toRow).find((p) => p.col > at.col) ?? null;
    const found: Partial<Record<IndicatorColumnKey, number>> = {};
    let headerLast = g.bottom(h1);
    const take = (key: IndicatorColumnKey, p: Pos | null) => {
      if (!p) return;
      found[key] = p.col;
      headerLast = Math.max(headerLast, g.bottom(p));
    };
    for (const c of spec.columns) {
      if (c.key === 'prev2' || c.key === 'prev1') continue;
      const label = c.header(0).zh;
      take(c.key, headerCell(label));
    }
    if (id === 'annual') {
      const hist = headerCell(ANNUAL_HISTORY_HEADER.zh);
      if (hist) {
        const row = g.bottom(hist) + 1;
        const left = hist.col;
        const right = Math.max(g.right(hist), left + 1);
        found.prev2 = left;
        found.prev1 = right;
        headerLast = Math.max(headerLast, row);
        refs[YEAR_LABEL_NAMES.annualPrev2] = addr(row, left);
        refs[YEAR_LABEL_NAMES.annualPrev1] = addr(row, right);
        const y = yearOf(g.text(row, right));
        if (y) years.push(y + 1);
      }
    }
    const firstRow = headerLast + 1;
    // The body ends where the label's merged area ends, or before the next section's label.
    let lastRow = g.bottom(at) > headerLast ? g.bottom(at) : 0;
    if (!lastRow) {
      const nextSection = [textAt.annualGoals, id === 'longTerm' ? starts.annual : undefined]
        .filter((p): p is Pos => !!p && p.row > firstRow)
        .map((p) => p.row);
      const end = nextSection.length ? Math.min(...nextSection) - 1 : sheet.maxRow;
      lastRow = firstRow - 1;
      for (let r = firstRow; r <= end; r++) {
        // Text in the label column below the table starts something else (notes, signatures).
        if (g.text(r, at.col) !== '') break;
        lastRow = r;
      }
      // Trailing empty rows are not part of the table.
      while (
        lastRow >= firstRow &&
        spec.columns.every((c) => !found[c.key] || g.text(lastRow, found[c.key]!) === '')
      )
        lastRow--;
      lastRow = Math.max(lastRow, firstRow);
    }
    tables[id] = { firstRow, lastRow, cols: found };
    const l = found.level1 ?? at.col + 1;
    const rightmost = Math.max(
      ...Object.values(found).filter((n): n is number => n !== undefined),
      l,
    );
    refs[spec.name] = `${colLetter(l)}${firstRow}:${colLetter(rightmost)}${lastRow}`;
  }

  const year = years.length
    ? years.sort(
        (a, b) => years.filter((y) => y === b).length - years.filter((y) => y === a).length,
      )[0]
    : null;
  return { refs, tables, year };
}

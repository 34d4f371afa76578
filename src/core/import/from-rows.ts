/**
 * Finds the form's fields in a grid of cell texts by their labels — a Word table's text export,
 * a table pasted from Word into Excel, or a hand-made sheet with the same labels elsewhere — and
 * places them into a fresh layout. Pure: rows of strings in, field values and a report out.
 */
import { computeLayout } from '../form/layout';
import {
  FUNDING_BLOCKS,
  HEADER_FIELDS,
  INDICATOR_TABLES,
  TEXT_SECTIONS,
  fundingName,
  type FundingColumnKey,
  type TextSectionId,
} from '../form/spec';
import type { IndicatorColumnKey, IndicatorTableId, Layout } from '../form/types';

export interface ImportResult {
  /** Budget year found from the long-term horizon (Y+2) or the history headers (Y-1). */
  year: number | null;
  /** Field name → text as found. */
  fields: Record<string, string>;
  /** Table → body rows, each keyed by column. */
  tables: Record<IndicatorTableId, Partial<Record<IndicatorColumnKey, string>>[]>;
  /**
   * What was found, for the preview: field name → where its label is (row, column of the source
   * grid) and, for a field, the column its value was taken from (-1: none, the value is empty).
   */
  matched: { name: string; label: string; row: number; col: number; valueCol?: number }[];
  /** Fields and sections that could not be found. */
  missing: string[];
}

const norm = (s: string) => s.replace(/[\s\u3000\u00a0]/g, '');
const FUND_COLS: FundingColumnKey[] = ['Current', 'Share', 'Prev2', 'Prev1'];

function find(
  rows: string[][],
  pred: (c: string) => boolean,
  from = 0,
): { row: number; col: number } | null {
  for (let r = from; r < rows.length; r++)
    for (let c = 0; c < rows[r].length; c++) if (pred(norm(rows[r][c]))) return { row: r, col: c };
  return null;
}

/** Labels of the header fields: a value is never one of them (an empty field's neighbour). */
const HEADER_LABELS = new Set(HEADER_FIELDS.map((f) => norm(f.formLabel)));

/**
 * The column of the first non-empty cell right of (row, col) — Word exports keep empty cells of
 * merged spans — or -1 when there is none, or when it is the next field's label (填报人 left
 * empty, then 联系电话 on the same row).
 */
function nextValueCol(rows: string[][], at: { row: number; col: number }): number {
  const row = rows[at.row];
  for (let c = at.col + 1; c < row.length; c++) {
    const t = norm(row[c]);
    if (t !== '') return HEADER_LABELS.has(t) ? -1 : c;
  }
  return -1;
}

export function importRows(rows: string[][]): ImportResult {
  const res: ImportResult = {
    year: null,
    fields: {},
    tables: { longTerm: [], annual: [] },
    matched: [],
    missing: [],
  };
  const put = (name: string, label: string, at: { row: number; col: number }, valueCol: number) => {
    res.fields[name] = valueCol < 0 ? '' : (rows[at.row][valueCol] ?? '');
    res.matched.push({ name, label, row: at.row, col: at.col, valueCol });
  };

  // Year: from the long-term horizon, or the funding history header.
  const horizon = find(rows, (c) => /^长期目标[:：]?[（(]截[止至](\d{4})年[）)]/.test(c));
  if (horizon) {
    const m = /(\d{4})/.exec(norm(rows[horizon.row][horizon.col]))!;
    res.year = Number(m[1]) - 2;
  } else {
    const h = find(rows, (c) => c === '近两年收支金额');
    if (h) {
      const years = rows[h.row + 1]?.map(norm).filter((c) => /^\d{4}年$/.test(c)) ?? [];
      if (years.length) res.year = Number(years[years.length - 1].slice(0, 4)) + 1;
    }
  }

  for (const f of HEADER_FIELDS) {
    const at = find(rows, (c) => c === norm(f.formLabel));
    if (at) put(f.name, f.label.zh, at, nextValueCol(rows, at));
    else res.missing.push(f.label.zh);
  }

  // Funding: each block label, then its item rows in order below it.
  for (const block of FUNDING_BLOCKS) {
    const blockAt = find(rows, (c) => c === norm(block.label.zh));
    if (!blockAt) {
      res.missing.push(block.label.zh);
      continue;
    }
    let from = blockAt.row;
    for (const item of block.items) {
      const at = find(rows, (c) => c === norm(item.label.zh), from);
      if (!at) {
        res.missing.push(`${block.label.zh}/${item.label.zh}`);
        continue;
      }
      from = at.row + 1;
      FUND_COLS.forEach((ck, i) =>
        put(
          fundingName(block.key, item.key, ck),
          `${block.label.zh}/${item.label.zh}`,
          at,
          at.col + 1 + i,
        ),
      );
    }
  }

  // Text sections.
  const textLabel: Record<TextSectionId, (c: string) => boolean> = {
    functions: (c) => c === '部门职能概述',
    annualTasks: (c) => c === '年度工作任务',
    longTermGoals: (c) => /^长期目标[:：]?/.test(c) && !c.includes('指标'),
    annualGoals: (c) => /^年度目标[:：]?$/.test(c),
  };
  for (const id of Object.keys(TEXT_SECTIONS) as TextSectionId[]) {
    const at = find(rows, textLabel[id]);
    if (at)
      put(
        TEXT_SECTIONS[id].name,
        TEXT_SECTIONS[id].label(res.year ?? 0).zh,
        at,
        nextValueCol(rows, at),
      );
    else res.missing.push(TEXT_SECTIONS[id].label(0).zh);
  }

  // Indicator tables: rows after the header up to the next section; the last N cells of a row are its columns.
  const sectionStart = (re: RegExp) => find(rows, (c) => re.test(c));
  const ltAt = sectionStart(/^长期绩效指标$/);
  const agAt = sectionStart(/^年度目标[:：]?$/);
  const anAt = sectionStart(/^年度绩效指标$/);
  const body = (
    id: IndicatorTableId,
    start: { row: number } | null,
    end: number,
    headerRows: number,
  ) => {
    if (!start) {
      res.missing.push(INDICATOR_TABLES[id].label.zh);
      return;
    }
    const cols = INDICATOR_TABLES[id].columns.map((c) => c.key);
    for (let r = start.row + headerRows; r < end; r++) {
      const cells = rows[r];
      if (cells.every((c) => norm(c) === '')) continue;
      const tail = cells.slice(Math.max(0, cells.length - cols.length));
      while (tail.length < cols.length) tail.unshift('');
      const row: Partial<Record<IndicatorColumnKey, string>> = {};
      cols.forEach((k, i) => {
        if (tail[i] !== undefined && norm(tail[i]) !== '') row[k] = tail[i];
      });
      res.tables[id].push(row);
    }
    res.matched.push({
      name: INDICATOR_TABLES[id].name,
      label: INDICATOR_TABLES[id].label.zh,
      row: start.row,
      col: 0,
    });
  };
  // The annual header has three rows in the original (指标值 / 近两年指标值 / years).
  const annualHeaderRows = anAt
    ? 1 +
      (find(rows.slice(anAt.row + 1, anAt.row + 3), (c) => /^\d{4}年$|近两年指标值/.test(c))
        ? 2
        : 0)
    : 1;
  body('longTerm', ltAt, agAt ? agAt.row : anAt ? anAt.row : rows.length, 1);
  body('annual', anAt, rows.length, annualHeaderRows);
  return res;
}

/** A fresh layout sized for the imported tables, and the imported texts keyed by cell address. */
export function placeImport(
  res: ImportResult,
  opts: { year?: number; common?: boolean; keepComputed?: boolean } = {},
): { layout: Layout; values: Map<string, string> } {
  const year = opts.year ?? res.year ?? new Date().getFullYear() + 1;
  const layout = computeLayout({
    year,
    rows: {
      longTerm: Math.max(1, res.tables.longTerm.length),
      annual: Math.max(1, res.tables.annual.length),
    },
  });
  const values = new Map<string, string>();
  for (const n of layout.names) {
    if (n.kind !== 'field') continue;
    const v = res.fields[n.name];
    const cell = layout.cells.find((c) => c.address === n.ref.replace(/\$/g, ''));
    // Formula cells (totals, shares) recalculate themselves: imported values there are written
    // only when asked (to check a form exactly as it was typed, e.g. a Word original).
    if (v !== undefined && cell && (cell.input || opts.keepComputed)) values.set(cell.address, v);
  }
  for (const id of ['longTerm', 'annual'] as IndicatorTableId[]) {
    const t = layout.tables[id];
    res.tables[id].forEach((row, i) => {
      for (const c of t.columns) {
        const v = row[c.key];
        if (v !== undefined) values.set(`${c.col}${t.firstRow + i}`, v);
      }
    });
  }
  return { layout, values };
}

/**
 * A form's content independent of where it sits: field values by name and indicator rows by
 * column. Import, roll-forward and export speak this; `placeValues` puts it into a layout.
 */
import { computeLayout } from '../form/layout';
import { INDICATOR_TABLES } from '../form/spec';
import type { IndicatorColumnKey, IndicatorTableId, Layout } from '../form/types';
import { isEmptyRow } from '../snapshot/build';
import type { FormSnapshot } from '../snapshot/types';
import type { RawCell } from '../values/types';

export type TableRowValues = Partial<Record<IndicatorColumnKey, RawCell>>;

export interface FormValues {
  year: number;
  /** Input fields by name (formula cells are not carried: the layout recomputes them). */
  fields: Record<string, RawCell>;
  tables: Record<IndicatorTableId, TableRowValues[]>;
}

const TABLES: IndicatorTableId[] = ['longTerm', 'annual'];

/** The content of a snapshot; spare (empty) rows are dropped, filled-down 一级/二级 kept explicit. */
export function valuesFromSnapshot(s: FormSnapshot, inputNames: Set<string>): FormValues {
  const fields: Record<string, RawCell> = {};
  for (const [name, c] of Object.entries(s.fields)) {
    if (!inputNames.has(name) || c.formula) continue;
    fields[name] = { value: c.value, numberFormat: c.numberFormat };
  }
  const tables = { longTerm: [], annual: [] } as Record<IndicatorTableId, TableRowValues[]>;
  for (const id of TABLES)
    for (const row of s.tables[id]) {
      if (isEmptyRow(row)) continue;
      const out: TableRowValues = {};
      for (const col of INDICATOR_TABLES[id].columns) {
        const c = row.cells[col.key];
        if (c && c.value !== null && c.value !== '')
          out[col.key] = { value: c.value, numberFormat: c.numberFormat };
      }
      tables[id].push(out);
    }
  return { year: s.year ?? new Date().getFullYear() + 1, fields, tables };
}

/** Names of the layout's input fields (what a user types; not totals, shares or year labels). */
export function inputFieldNames(layout: Layout): Set<string> {
  const inputs = new Set(layout.cells.filter((c) => c.input).map((c) => c.address));
  return new Set(
    layout.names
      .filter((n) => n.kind === 'field' && inputs.has(n.ref.replace(/\$/g, '')))
      .map((n) => n.name),
  );
}

/** A fresh layout sized for the values, and the cells to write into it. */
export function placeValues(
  v: FormValues,
  opts: { minRows?: number } = {},
): { layout: Layout; cells: Map<string, RawCell> } {
  const layout = computeLayout({
    year: v.year,
    rows: {
      longTerm: Math.max(opts.minRows ?? 1, v.tables.longTerm.length),
      annual: Math.max(opts.minRows ?? 1, v.tables.annual.length),
    },
  });
  const cells = new Map<string, RawCell>();
  const refs = new Map(layout.names.map((n) => [n.name, n.ref.replace(/\$/g, '')]));
  for (const [name, c] of Object.entries(v.fields)) {
    const a = refs.get(name);
    if (a && !a.includes(':')) cells.set(a, c);
  }
  cells.set(refs.get('BudgetYear')!, { value: v.year });
  for (const id of TABLES) {
    const t = layout.tables[id];
    v.tables[id].forEach((row, i) => {
      for (const c of t.columns) {
        const cell = row[c.key];
        if (cell) cells.set(`${c.col}${t.firstRow + i}`, cell);
      }
    });
  }
  return { layout, cells };
}

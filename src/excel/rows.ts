/**
 * Adding and deleting indicator rows: where the tables are (from their names), which table a
 * selection is in, and the queued operations that keep names, merges, list rules and conditional
 * formats right. The caller supplies the round trips.
 */
import { computeLayout, indicatorRowCells, tableRulesFor } from '../core/form/layout';
import { INDICATOR_TABLES } from '../core/form/spec';
import type { IndicatorTableId, TableLayout } from '../core/form/types';
import { absAddr, parseRange, quoteSheet } from '../core/form/a1';
import { TABLE_IDS, TABLE_NAME } from './form-names';
import { queueCells, queueConditionalFormat, queueValidation } from './paint';

const REFERENCE = computeLayout({ year: 2000, rows: { longTerm: 1, annual: 1 } });

export interface TablePos {
  id: IndicatorTableId;
  /** First header row (where the section label in column A starts). */
  headerFirst: number;
  first: number;
  last: number;
}

export function headerRows(id: IndicatorTableId): number {
  const t = REFERENCE.tables[id];
  return t.firstRow - t.headerFirstRow;
}

/** The indicator tables' bodies as the names say. */
export function tablesFromRefs(
  refs: Record<string, string>,
): Partial<Record<IndicatorTableId, TablePos>> {
  const out: Partial<Record<IndicatorTableId, TablePos>> = {};
  for (const id of TABLE_IDS) {
    const r = refs[TABLE_NAME[id]] ? parseRange(refs[TABLE_NAME[id]]) : null;
    if (r) out[id] = { id, headerFirst: r.top - headerRows(id), first: r.top, last: r.bottom };
  }
  return out;
}

/** The table whose body holds rows top..bottom, or null. */
export function tableAt(
  tables: Partial<Record<IndicatorTableId, TablePos>>,
  top: number,
  bottom: number,
): TablePos | null {
  for (const id of TABLE_IDS) {
    const t = tables[id];
    if (t && top >= t.first && bottom <= t.last) return t;
  }
  return null;
}

/** A TableLayout for a table's current place (what tableRulesFor needs). */
export function tableLayoutAt(t: TablePos): TableLayout {
  const ref = REFERENCE.tables[t.id];
  return {
    ...ref,
    headerFirstRow: t.headerFirst,
    headerLastRow: t.first - 1,
    firstRow: t.first,
    lastRow: t.last,
  };
}

/** Moves a table by an insert (count > 0) or delete (count < 0) of rows at `at`. */
export function shiftTable(t: TablePos, at: number, count: number): TablePos {
  const move = (r: number) => (r >= at ? r + count : r);
  return { ...t, headerFirst: move(t.headerFirst), first: move(t.first), last: move(t.last) };
}

/** True for the 'repeat' rule of an indicator column: =AND(X<>"",X=Y), whatever X became. */
export function isRepeatRule(formula: unknown): boolean {
  return (
    typeof formula === 'string' &&
    /^=AND\(([^,()]+)<>"",\1=([^,()]+)\)$/i.test(formula.replace(/\s+/g, ''))
  );
}

/** The section label's style in column A (borders and fill of the merged label). */
function sectionLabelCell(id: IndicatorTableId) {
  const t = REFERENCE.tables[id];
  return REFERENCE.cells.find((c) => c.row === t.headerFirstRow && c.col === 1)!;
}

export function tableNameFormula(sheetName: string, t: TablePos): string {
  const ref = parseRange(REFERENCE.names.find((n) => n.name === TABLE_NAME[t.id])!.ref)!;
  return `=${quoteSheet(sheetName)}!${absAddr(t.first, ref.left)}:${absAddr(t.last, ref.right)}`;
}

/**
 * Re-creates what depends on the tables' row ranges: the list rules of `changed` and the
 * 'repeat' rules of both tables (the old ones, found in `customFormats`, are deleted first so
 * none is doubled or left pointing at a deleted row).
 */
export function queueTableRules(
  sheet: Excel.Worksheet,
  changed: TablePos,
  all: TablePos[],
  customFormats: { id: string; formula: unknown }[],
): void {
  const cfs = sheet.getRange().conditionalFormats;
  for (const cf of customFormats) if (isRepeatRule(cf.formula)) cfs.getItem(cf.id).delete();
  for (const t of all) {
    const rules = tableRulesFor(tableLayoutAt(t));
    if (t.id === changed.id) for (const v of rules.validations) queueValidation(sheet, v);
    for (const cf of rules.cfs) queueConditionalFormat(sheet, cf);
  }
}

/** Inserts one body row at sheet row `at` (inside or right below the table) and paints it. */
export function queueInsertRow(
  sheet: Excel.Worksheet,
  sheetName: string,
  t: TablePos,
  at: number,
): TablePos {
  sheet.getRange(`${at}:${at}`).insert('Down');
  const grown: TablePos = { ...t, last: t.last + 1 };
  // Excel grows a name only when rows are inserted strictly inside it: say where it is.
  sheet.names.getItem(INDICATOR_TABLES[t.id].name).formula = tableNameFormula(sheetName, grown);
  const row = indicatorRowCells(t.id, at);
  const label = sectionLabelCell(t.id);
  const labelRange = `A${grown.headerFirst}:A${grown.last}`;
  sheet.getRange(labelRange).unmerge();
  queueCells(sheet, [...row.cells, { ...label, address: `A${at}`, row: at }], row.merges);
  sheet.getRange(labelRange).merge(false);
  sheet.getRange(`${at}:${at}`).format.autofitRows();
  return grown;
}

/** Deletes body rows first..last (the caller made sure at least one row stays). */
export function queueDeleteRows(
  sheet: Excel.Worksheet,
  sheetName: string,
  t: TablePos,
  first: number,
  last: number,
): TablePos {
  sheet.getRange(`${first}:${last}`).delete('Up');
  const shrunk: TablePos = { ...t, last: t.last - (last - first + 1) };
  sheet.names.getItem(INDICATOR_TABLES[t.id].name).formula = tableNameFormula(sheetName, shrunk);
  return shrunk;
}

/**
 * Finds every form in a workbook and reads each into a FormSnapshot. A sheet holds a form when it
 * carries the form's names (scoped to it, or workbook names that point into it) or shows its
 * labels in the form's arrangement (showsFormArrangement; a findings list full of label words does
 * not). Names that are missing or broken (#REF!) are found by labels instead.
 */
import { addr, colNumber, parseRange } from '../core/form/a1';
import { computeLayout, indicatorColumnLetter } from '../core/form/layout';
import { BUDGET_YEAR, INDICATOR_TABLES } from '../core/form/spec';
import type { IndicatorTableId } from '../core/form/types';
import { snapshotFromCells } from '../core/snapshot/build';
import type { FormSnapshot } from '../core/snapshot/types';
import type { RawCell } from '../core/values/types';
import { locateByLabels, showsFormArrangement } from './locate';
import { splitRef, type SheetData, type WorkbookData } from './read';

export interface FoundForm {
  sheet: string;
  /** How the form's fields were found. */
  via: 'names' | 'labels' | 'names+labels';
  snapshot: FormSnapshot;
  /** Name → A1 reference on the sheet, as used for the snapshot. */
  refs: Record<string, string>;
  /** Turns an address of the snapshot (a finding's cell) into the sheet's address. */
  toSheet(address: string): string;
  /** The form's names that were found neither by name nor by label. */
  missing: string[];
  /** The form's names whose reference is broken (#REF!) or points elsewhere. */
  broken: string[];
}

/** The form's names (the same for every year and size). */
const FORM_NAMES: string[] = computeLayout({ year: 2000 }).names.map((n) => n.name);
const FORM_NAME_SET = new Map(FORM_NAMES.map((n) => [n.toLowerCase(), n]));
const TABLE_IDS: IndicatorTableId[] = ['longTerm', 'annual'];

function namesOfSheet(
  wb: WorkbookData,
  sheet: SheetData,
): { valid: Record<string, string>; broken: string[] } {
  const valid: Record<string, string> = {};
  const broken: string[] = [];
  const seenLocal = new Set<string>();
  // Sheet-scoped names first; workbook names count only where they point into this sheet.
  const ordered = [
    ...wb.names.filter((n) => n.localSheetId === sheet.index),
    ...wb.names.filter((n) => n.localSheetId === undefined),
  ];
  for (const n of ordered) {
    const canonical = FORM_NAME_SET.get(n.name.toLowerCase());
    if (!canonical) continue;
    const local = n.localSheetId !== undefined;
    if (!local && seenLocal.has(canonical)) continue;
    const { sheet: target, range } = splitRef(n.ref);
    if (!local && (target === null || target.toLowerCase() !== sheet.name.toLowerCase())) continue;
    if (local) seenLocal.add(canonical);
    if (
      range.includes('#REF!') ||
      !parseRange(range) ||
      (target !== null && target.toLowerCase() !== sheet.name.toLowerCase())
    ) {
      if (!(canonical in valid)) broken.push(canonical);
      continue;
    }
    valid[canonical] = range;
  }
  return { valid, broken: broken.filter((b) => !(b in valid)) };
}

function rawCell(sheet: SheetData, address: string): RawCell | undefined {
  const c = sheet.cells.get(address);
  if (!c) return undefined;
  const out: RawCell = { value: c.value };
  if (c.formula !== undefined) out.formula = c.formula;
  if (c.numberFormat !== undefined) out.numberFormat = c.numberFormat;
  return out;
}

/** Reads the forms of a workbook; an empty list when it holds none. */
export function findForms(wb: WorkbookData): FoundForm[] {
  const forms: FoundForm[] = [];
  for (const sheet of wb.sheets) {
    if (sheet.problem) continue;
    const { valid, broken } = namesOfSheet(wb, sheet);
    const byName = Object.keys(valid).length;
    // Without names, a sheet is a form only when its labels stand in the form's arrangement.
    if (byName === 0 && !showsFormArrangement(sheet)) continue;
    const located = byName < FORM_NAMES.length ? locateByLabels(sheet) : null;

    const refs: Record<string, string> = { ...valid };
    let fromLabels = 0;
    if (located)
      for (const [name, ref] of Object.entries(located.refs))
        if (!(name in refs)) {
          refs[name] = ref;
          fromLabels++;
        }
    // Indicator tables found by labels may sit in other columns than the layout's: the snapshot
    // reads the layout's columns, so addresses are translated both ways within the table rows.
    const colMaps: {
      top: number;
      bottom: number;
      toSheet: Map<number, number>;
      toLayout: Map<number, number>;
    }[] = [];
    if (located)
      for (const id of TABLE_IDS) {
        const t = located.tables[id];
        if (!t || valid[INDICATOR_TABLES[id].name]) continue;
        const toSheet = new Map<number, number>();
        const toLayout = new Map<number, number>();
        for (const c of INDICATOR_TABLES[id].columns) {
          const lc = colNumber(indicatorColumnLetter(id, c.key));
          const sc = t.cols[c.key];
          if (sc === undefined) {
            toSheet.set(lc, -1);
            continue;
          }
          toSheet.set(lc, sc);
          toLayout.set(sc, lc);
        }
        if ([...toSheet].some(([l, s]) => l !== s))
          colMaps.push({ top: t.firstRow, bottom: t.lastRow, toSheet, toLayout });
      }
    const mapAddress = (address: string, dir: 'toSheet' | 'toLayout'): string | null => {
      if (!colMaps.length) return address;
      const m = /^([A-Z]+)(\d+)$/.exec(address);
      if (!m) return address;
      const row = Number(m[2]);
      const cm = colMaps.find((c) => row >= c.top && row <= c.bottom);
      if (!cm) return address;
      const col = cm[dir].get(colNumber(m[1]));
      if (col === undefined) return address;
      return col < 0 ? null : addr(row, col);
    };
    const snapshot = snapshotFromCells(
      refs,
      (a) => {
        const real = mapAddress(a, 'toSheet');
        return real ? rawCell(sheet, real) : undefined;
      },
      sheet.name,
    );
    if (!(BUDGET_YEAR.name in refs) && located?.year) snapshot.year = located.year;
    forms.push({
      sheet: sheet.name,
      via: byName === 0 ? 'labels' : fromLabels > 0 ? 'names+labels' : 'names',
      snapshot,
      refs,
      toSheet: (a) => mapAddress(a, 'toSheet') ?? a,
      missing: FORM_NAMES.filter((n) => !(n in refs)),
      broken,
    });
  }
  return forms;
}

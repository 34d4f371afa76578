/**
 * Reading a form from a worksheet in ONE round trip: the sheet's names (where every field is
 * now), the used range's values, formulas and number formats (the fields' content and the labels,
 * for status and repair) and the sheet's conditional formats (where the add-in's marks are). All
 * three are queued on the same request; `queueSheetRead` returns a function to call after the
 * sync.
 *
 * The alternative, loading each name's own range (`readFieldsByNames`), needs the list of names
 * that exist before it can ask for their ranges: two round trips instead of one, since a missing
 * name would fail the whole request. bench/syncs.bench.ts measures both.
 */
import { addr, parseRange } from '../core/form/a1';
import type { RawCell } from '../core/values/types';
import { FORM_NAMES, FORM_NAME_SET, refFromNameFormula } from './form-names';
import { locateNames, type Grid, type Located } from './locate';
import { parseMarkFormula, type SheetMark } from './marks';

export interface SheetRead {
  sheetId: string;
  sheetName: string;
  /** The form's names that point at a cell of this sheet → absolute reference. */
  refs: Record<string, string>;
  /** Names that exist but are broken (#REF!, a constant, another sheet). */
  broken: string[];
  /** Names of the form that do not exist on this sheet. */
  missing: string[];
  /** The used range's values (null for an empty sheet). */
  grid: Grid | null;
  /** The cell at an A1 address, as the snapshot builder wants it. */
  cell(address: string): RawCell | undefined;
  /** The add-in's marks on the sheet. */
  marks: SheetMark[];
  /** Size of what the request brought back (JSON characters), for the bench. */
  bytes: number;
}

type Matrix = unknown[][];

/** Queues the loads; call the returned function after `context.sync()`. */
export function queueSheetRead(sheet: Excel.Worksheet): () => SheetRead {
  sheet.load('id,name');
  const names = sheet.names;
  names.load('items/name,items/type,items/formula');
  const used = sheet.getUsedRangeOrNullObject();
  used.load('address,values,formulas,numberFormat');
  const cfs = sheet.getRange().conditionalFormats;
  cfs.load('items/id,items/type,items/customOrNullObject/rule/formula');

  return () => {
    const refs: Record<string, string> = {};
    const broken: string[] = [];
    const present = new Set<string>();
    for (const n of names.items) {
      if (!FORM_NAME_SET.has(n.name)) continue;
      present.add(n.name);
      const ref = n.type === 'Range' ? refFromNameFormula(n.formula, sheet.name) : null;
      if (ref) refs[n.name] = ref;
      else broken.push(n.name);
    }
    const missing = FORM_NAMES.map((n) => n.name).filter((n) => !present.has(n));

    let grid: Grid | null = null;
    let formulas: Matrix = [];
    let formats: Matrix = [];
    if (!used.isNullObject && Array.isArray(used.values)) {
      const r = parseRange(used.address);
      if (r) {
        grid = { top: r.top, left: r.left, values: used.values };
        formulas = used.formulas ?? [];
        formats = used.numberFormat ?? [];
      }
    }
    const cell = (address: string): RawCell | undefined => {
      if (!grid) return undefined;
      const r = parseRange(address);
      if (!r) return undefined;
      const i = r.top - grid.top;
      const j = r.left - grid.left;
      const row = grid.values[i];
      if (!row || j < 0 || j >= row.length) return undefined;
      const v = row[j];
      const f = formulas[i]?.[j];
      const nf = formats[i]?.[j];
      const value = v === '' || v === undefined ? null : (v as string | number | boolean | null);
      const out: RawCell = { value };
      if (typeof f === 'string' && f.startsWith('=')) out.formula = f;
      if (typeof nf === 'string') out.numberFormat = nf;
      return out;
    };

    const marks: SheetMark[] = [];
    for (const cf of cfs.items) {
      if (cf.type !== 'Custom') continue;
      const c = cf.customOrNullObject;
      if (!c || c.isNullObject) continue;
      const m = parseMarkFormula(c.rule.formula);
      if (m) marks.push({ id: cf.id, ...m });
    }

    const bytes =
      JSON.stringify(names.toJSON()).length +
      (used.isNullObject ? 0 : JSON.stringify(used.toJSON()).length) +
      JSON.stringify(cfs.toJSON()).length;
    return {
      sheetId: sheet.id,
      sheetName: sheet.name,
      refs,
      broken,
      missing,
      grid,
      cell,
      marks,
      bytes,
    };
  };
}

/**
 * The other way to read: each existing name's own range. Measured by the bench, not used by the
 * host (two round trips, no labels for status or repair, no marks).
 */
export async function readFieldsByNames(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
): Promise<{ cells: Map<string, RawCell>; bytes: number; syncs: number }> {
  sheet.load('name');
  sheet.names.load('items/name,items/type,items/formula');
  await context.sync();
  let bytes = JSON.stringify(sheet.names.toJSON()).length;
  const ranges: Excel.Range[] = [];
  for (const n of sheet.names.items) {
    if (!FORM_NAME_SET.has(n.name) || n.type !== 'Range') continue;
    const ref = refFromNameFormula(n.formula, sheet.name);
    if (!ref) continue;
    const range = sheet.getRange(ref);
    range.load('address,values,formulas,numberFormat');
    ranges.push(range);
  }
  await context.sync();
  const cells = new Map<string, RawCell>();
  for (const range of ranges) {
    bytes += JSON.stringify(range.toJSON()).length;
    const r = parseRange(range.address)!;
    range.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const f = range.formulas[i][j];
        const c: RawCell = { value: v === '' ? null : v };
        if (typeof f === 'string' && f.startsWith('=')) c.formula = f;
        c.numberFormat = range.numberFormat[i][j];
        cells.set(addr(r.top + i, r.left + j), c);
      }),
    );
  }
  return { cells, bytes, syncs: 2 };
}

/** Where a read sheet's form is: its names, and for missing ones the places the labels give. */
export interface FormPlace {
  kind: 'ok' | 'damaged' | 'noForm';
  /** Name → reference, names first, then located places for the missing ones. */
  refs: Record<string, string>;
  /** Names that are missing or broken. */
  bad: string[];
  located: Located | null;
}

export function formPlace(r: SheetRead): FormPlace {
  const bad = FORM_NAMES.map((n) => n.name).filter((n) => !(n in r.refs));
  const located = bad.length && r.grid ? locateNames(r.grid) : null;
  const have = Object.keys(r.refs).length;
  const kind: FormPlace['kind'] =
    bad.length === 0 ? 'ok' : have > 0 || located?.recognisable ? 'damaged' : 'noForm';
  const refs: Record<string, string> = {};
  if (located) for (const n of bad) if (located.refs[n]) refs[n] = located.refs[n];
  Object.assign(refs, r.refs);
  return { kind, refs, bad, located };
}

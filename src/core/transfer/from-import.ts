/**
 * 导入 → FormValues: what importRows found in a source (a Word table's text, a pasted or hand-made
 * sheet) as the cells a fresh template gets, typed the way Excel stores typed text — so numbers
 * wrapped in U+3000 stay text, exactly as they would had the user typed the Word table in. The
 * add-in's 导入 and `pgt import` both use valuesFromImport.
 */
import { computeLayout } from '../form/layout';
import { INDICATOR_TABLES } from '../form/spec';
import type { IndicatorTableId } from '../form/types';
import { excelTypedValue } from '../import/excel-input';
import type { ImportResult } from '../import/from-rows';
import { parseCell } from '../values';
import type { RawCell } from '../values/types';
import { inputFieldNames, type FormValues, type TableRowValues } from './form-values';

export interface ValuesFromImportOptions {
  /** The budget year; the one found in the source by default. */
  year?: number;
  /**
   * Also carry the totals (合计) and shares (占比) the source has typed. The fresh template computes
   * them with formulas; keeping the typed ones writes the form exactly as it was (a Word original
   * has them typed), so it checks like the original. Off by default: FormValues carries inputs.
   */
  keepComputed?: boolean;
}

/** The form's names (the same for every year and table size). */
const LAYOUT = computeLayout({ year: 2000 });
const INPUTS = inputFieldNames(LAYOUT);
const SINGLE_CELL_FIELDS = new Set(
  LAYOUT.names.filter((n) => n.kind === 'field' && !n.ref.includes(':')).map((n) => n.name),
);
/** Each field's number format in the template ('@' for the phone number). */
const FIELD_FORMAT = new Map(
  LAYOUT.names.map((n) => {
    const cell = LAYOUT.cells.find((c) => c.address === n.ref.replace(/\$/g, ''));
    return [n.name, cell?.style.numberFormat] as const;
  }),
);

/**
 * What Excel stores when `text` is typed into a cell formatted `numberFormat`: a Text-formatted
 * cell ('@') keeps the text as it is (a leading apostrophe still only marks it as text); elsewhere
 * excelTypedValue. A text that starts with '=' is stored as text, never as a formula: an import
 * brings values, and a formula from a foreign file could point anywhere.
 */
export function typedIn(text: string, numberFormat?: string): RawCell {
  if (text === '') return { value: null };
  if (numberFormat === '@') return { value: text.startsWith("'") ? text.slice(1) : text };
  const typed = excelTypedValue(text);
  return typed.formula ? { value: text } : typed;
}

/** The budget year the import will use, or null when neither the option nor the source has one. */
export function importYear(res: ImportResult, year?: number): number | null {
  return year ?? res.year ?? null;
}

/**
 * FormValues from an import: each found text as Excel stores it typed into its cell of the
 * template (typedIn); a field found empty is { value: null } (with `keepComputed`, an empty total
 * replaces the template's formula, as in the source). Totals and shares only with `keepComputed`.
 * Throws when the budget year is known neither from the source nor from `opts.year` (check
 * `importYear` first).
 */
export function valuesFromImport(
  res: ImportResult,
  opts: ValuesFromImportOptions = {},
): FormValues {
  const year = importYear(res, opts.year);
  if (year === null)
    throw new Error('The budget year is unknown: the source names none and none was given');
  const fields: Record<string, RawCell> = {};
  for (const [name, text] of Object.entries(res.fields)) {
    if (!SINGLE_CELL_FIELDS.has(name)) continue;
    if (!INPUTS.has(name) && !opts.keepComputed) continue;
    fields[name] = typedIn(text, FIELD_FORMAT.get(name));
  }
  const tables = { longTerm: [], annual: [] } as Record<IndicatorTableId, TableRowValues[]>;
  for (const id of ['longTerm', 'annual'] as IndicatorTableId[])
    for (const row of res.tables[id]) {
      const out: TableRowValues = {};
      for (const col of INDICATOR_TABLES[id].columns) {
        const text = row[col.key];
        if (text === undefined) continue;
        const c = typedIn(text);
        if (c.value !== null) out[col.key] = c;
      }
      tables[id].push(out);
    }
  return { year, fields, tables };
}

/** Names of the fields that are computed in the template (totals, shares): what keepComputed adds. */
export function isComputedField(name: string): boolean {
  return SINGLE_CELL_FIELDS.has(name) && !INPUTS.has(name);
}

/**
 * How many of the form's sections the import found (the header fields, each funding block, each
 * text section, each indicator table). A source with only one or two of them is not a form.
 */
export function sectionsFound(res: ImportResult): number {
  return new Set(res.matched.map((m) => m.label.split('/')[0])).size;
}

/** A source with fewer sections than this is not taken for a form. */
export const MIN_SECTIONS = 4;

/**
 * Funding amounts and shares that hold a number as text (`\u30008167.74`): Excel ignores them in sums,
 * and `pgt check` reports them. Field names, in the form's order.
 */
export function numbersStoredAsText(v: FormValues): string[] {
  const out: string[] = [];
  for (const n of LAYOUT.names) {
    if (!n.name.startsWith('Fund_')) continue;
    const c = v.fields[n.name];
    if (!c || c.formula || typeof c.value !== 'string') continue;
    const p = parseCell(c, n.name.endsWith('_Share') ? 'percent' : 'number');
    if ((p.kind === 'number' || p.kind === 'percent') && p.storedAsText) out.push(n.name);
  }
  return out;
}

/**
 * What the adapter knows about the form's names without looking at a workbook: the full list of
 * sheet-scoped names (from the layout, which is the single description of the form), each one's
 * section, and which sections an edited address can affect. Pure.
 */
import { parseRange, rangeAddr, type RangeRef } from '../core/form/a1';
import { computeLayout } from '../core/form/layout';
import { BUDGET_YEAR, INDICATOR_TABLES } from '../core/form/spec';
import type { IndicatorTableId, LayoutName, SectionId } from '../core/form/types';
import type { FormSnapshot } from '../core/snapshot/types';

const REFERENCE = computeLayout({ year: 2000 });

/** Every name a complete form has, in layout order. */
export const FORM_NAMES: readonly LayoutName[] = REFERENCE.names;
export const FORM_NAME_SET: ReadonlySet<string> = new Set(FORM_NAMES.map((n) => n.name));
export const SECTION_OF: Readonly<Record<string, SectionId>> = Object.fromEntries(
  FORM_NAMES.map((n) => [n.name, n.section]),
);
export const TABLE_IDS: IndicatorTableId[] = ['longTerm', 'annual'];
export const TABLE_NAME: Record<IndicatorTableId, string> = {
  longTerm: INDICATOR_TABLES.longTerm.name,
  annual: INDICATOR_TABLES.annual.name,
};

/** Names that tell another sheet holds the form (checked cheaply for FormStatus.formSheets). */
export const MARKER_NAMES = [BUDGET_YEAR.name, TABLE_NAME.annual];

/** True when two rectangles share a cell. */
export function intersects(a: RangeRef, b: RangeRef): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * What the form's formula cells read: an edit there changes their values without touching a
 * named cell (a total over rows a person inserted, a field typed as =K3). `ranges` 'any' for a
 * formula whose references cannot be known (INDIRECT, OFFSET); `year` when the formula cell is
 * the budget year itself.
 */
export type Precedents = { section: SectionId; year: boolean; ranges: RangeRef[] | 'any' }[];

const STRING_LITERAL = /"(?:[^"]|"")*"/g;
const DYNAMIC_REF = /\b(?:INDIRECT|OFFSET)\s*\(/i;
// An optional sheet prefix, then a cell, a cell range, whole columns or whole rows.
const REF =
  /(?<![\w.$])(?:(?:'((?:[^']|'')+)'|([^\s'!(),;:=+\-*/^&<>{}%]+))!)?(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d{1,7}:\$?\d{1,7})(?![\w(!])/g;

/** The ranges of the form's own sheet a formula refers to (other sheets are left out). */
export function formulaRanges(formula: string, sheetName: string): RangeRef[] | 'any' {
  const body = formula.replace(STRING_LITERAL, '""');
  if (DYNAMIC_REF.test(body)) return 'any';
  const out: RangeRef[] = [];
  for (const m of body.matchAll(REF)) {
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    if (sheet !== undefined && sheet !== sheetName) continue;
    const r = parseRange(m[3]) ?? parseWholeRowsOrCols(m[3]);
    if (r) out.push(r);
  }
  return out;
}

/** The precedents of every formula cell of a snapshot, by the section of the cell. */
export function precedentsOf(snapshot: FormSnapshot | null, sheetName: string): Precedents {
  if (!snapshot) return [];
  const out: Precedents = [];
  for (const [name, c] of Object.entries(snapshot.fields))
    if (c.formula && SECTION_OF[name])
      out.push({
        section: SECTION_OF[name],
        year: name === BUDGET_YEAR.name,
        ranges: formulaRanges(c.formula, sheetName),
      });
  for (const id of TABLE_IDS)
    for (const row of snapshot.tables[id] ?? [])
      for (const c of Object.values(row.cells))
        if (c?.formula)
          out.push({ section: id, year: false, ranges: formulaRanges(c.formula, sheetName) });
  return out;
}

/**
 * The sections an edit of `addresses` can affect, given where the names are now and what the
 * form's formulas read (`precedents`); 'all' when the budget year changed (every year header is
 * a formula of it) or an address cannot be read.
 */
export function sectionsForChange(
  addresses: string[],
  refs: Record<string, string>,
  precedents: Precedents = [],
): SectionId[] | 'all' {
  const rects: { section: SectionId; name: string; r: RangeRef }[] = [];
  for (const [name, ref] of Object.entries(refs)) {
    const r = parseRange(ref);
    const section = SECTION_OF[name];
    if (r && section) rects.push({ section, name, r });
  }
  const out = new Set<SectionId>();
  for (const a of addresses) {
    const changed = parseRange(a) ?? parseWholeRowsOrCols(a);
    if (!changed) return 'all';
    for (const x of rects)
      if (intersects(changed, x.r)) {
        if (x.name === BUDGET_YEAR.name) return 'all';
        out.add(x.section);
      }
    for (const p of precedents)
      if (p.ranges === 'any' || p.ranges.some((r) => intersects(changed, r))) {
        if (p.year) return 'all';
        out.add(p.section);
      }
  }
  return [...out];
}

/** '3:5' → rows 3–5, 'B:C' → columns B–C (the shapes of row / column insert events). */
export function parseWholeRowsOrCols(a: string): RangeRef | null {
  const body = a.slice(a.lastIndexOf('!') + 1).replace(/\$/g, '');
  let m = /^(\d+)(?::(\d+))?$/.exec(body);
  if (m) {
    const top = Number(m[1]);
    const bottom = Number(m[2] ?? m[1]);
    return { top: Math.min(top, bottom), bottom: Math.max(top, bottom), left: 1, right: 16384 };
  }
  m = /^([A-Za-z]{1,3})(?::([A-Za-z]{1,3}))?$/.exec(body);
  if (m) {
    const l = parseRange(`${m[1]}1`)!.left;
    const r = parseRange(`${m[2] ?? m[1]}1`)!.left;
    return { top: 1, bottom: 1048576, left: Math.min(l, r), right: Math.max(l, r) };
  }
  return null;
}

/**
 * Parses a name's formula as Office.js returns it ('=绩效目标表2024!$E$7',
 * "='表 1'!$B$19:$I$40") into a plain reference on the sheet; null for #REF!, constants,
 * or a reference to another sheet.
 */
export function refFromNameFormula(formula: unknown, sheetName: string): string | null {
  if (typeof formula !== 'string') return null;
  const f = formula.trim().replace(/^=/, '');
  if (/#REF!/i.test(f)) return null;
  const bang = f.lastIndexOf('!');
  if (bang >= 0) {
    let sheet = f.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'"))
      sheet = sheet.slice(1, -1).replace(/''/g, "'");
    if (sheet !== sheetName) return null;
  }
  const body = bang >= 0 ? f.slice(bang + 1) : f;
  const r = parseRange(body);
  return r ? rangeAddr(r, true) : null;
}

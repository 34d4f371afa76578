/**
 * Test kit for rules, after ESLint's RuleTester: build a snapshot from a few values, then state
 * for a rule which snapshots pass and which fail with which findings. Used by each rule's own
 * test table; pure, no jest import here (the tester takes jest's `describe`/`it`/`expect`).
 */
import { BUDGET_YEAR_ADDRESS, computeLayout } from '../form/layout';
import type { IndicatorColumnKey, IndicatorTableId } from '../form/types';
import { excelTypedValue } from '../import/excel-input';
import { snapshotFromCells } from '../snapshot/build';
import type { FormSnapshot } from '../snapshot/types';
import type { RawCell } from '../values/types';
import { runRule } from './engine';
import type { Finding, Rule } from './types';

export type CellInput = string | number | null | RawCell;
export type RowInput = Partial<Record<IndicatorColumnKey, CellInput>>;

export interface SnapshotInput {
  year?: number;
  /** Field name → content. A string is taken as typed into Excel (so 'U+3000 8167.74' stays text). */
  fields?: Record<string, CellInput>;
  longTerm?: RowInput[];
  annual?: RowInput[];
}

function toRaw(v: CellInput): RawCell {
  if (v === null) return { value: null };
  if (typeof v === 'number') return { value: v };
  if (typeof v === 'string') return excelTypedValue(v);
  return v;
}

/**
 * A snapshot of a form laid out for `year` (default 2024) holding only the given values. Formula
 * cells hold nothing unless given, so a test states exactly what the checker sees.
 */
export function makeSnapshot(input: SnapshotInput = {}): FormSnapshot {
  const year = input.year ?? 2024;
  const layout = computeLayout({
    year,
    rows: {
      longTerm: Math.max(1, input.longTerm?.length ?? 1),
      annual: Math.max(1, input.annual?.length ?? 1),
    },
  });
  const cells = new Map<string, RawCell>();
  const refs = Object.fromEntries(layout.names.map((n) => [n.name, n.ref]));
  cells.set(BUDGET_YEAR_ADDRESS, { value: year });
  for (const [name, v] of Object.entries(input.fields ?? {})) {
    const ref = refs[name];
    if (!ref) throw new Error(`makeSnapshot: no field named ${name}`);
    cells.set(ref.replace(/\$/g, '').split(':')[0], toRaw(v));
  }
  for (const id of ['longTerm', 'annual'] as IndicatorTableId[]) {
    const t = layout.tables[id];
    (input[id] ?? []).forEach((row, i) => {
      for (const c of t.columns) {
        const v = row[c.key];
        if (v !== undefined) cells.set(`${c.col}${t.firstRow + i}`, toRaw(v));
      }
    });
  }
  return snapshotFromCells(refs, (a) => cells.get(a), layout.sheetName);
}

/** The address of a field in the default layout of makeSnapshot (for expected findings). */
export function fieldAddress(name: string, input: SnapshotInput = {}): string {
  const layout = computeLayout({
    year: input.year ?? 2024,
    rows: {
      longTerm: Math.max(1, input.longTerm?.length ?? 1),
      annual: Math.max(1, input.annual?.length ?? 1),
    },
  });
  const n = layout.names.find((x) => x.name === name);
  if (!n) throw new Error(`no field ${name}`);
  return n.ref.replace(/\$/g, '').split(':')[0];
}

/** The address of a table cell: row index i (0-based) and column key. */
export function tableAddress(
  table: IndicatorTableId,
  i: number,
  key: IndicatorColumnKey,
  input: SnapshotInput = {},
): string {
  const layout = computeLayout({
    year: input.year ?? 2024,
    rows: {
      longTerm: Math.max(1, input.longTerm?.length ?? 1),
      annual: Math.max(1, input.annual?.length ?? 1),
    },
  });
  const t = layout.tables[table];
  return `${t.columns.find((c) => c.key === key)!.col}${t.firstRow + i}`;
}

/** What a failing case expects of each finding; omitted properties are not compared. */
export interface ExpectedFinding {
  cells?: string[];
  severity?: Finding['severity'];
  /** A substring (or pattern) the Chinese message must contain. */
  zh?: string | RegExp;
  /** A substring (or pattern) the English message must contain. */
  en?: string | RegExp;
  fix?: Finding['fix'] | null;
}

export interface RuleCases {
  valid: { name: string; snapshot: SnapshotInput }[];
  invalid: { name: string; snapshot: SnapshotInput; findings: ExpectedFinding[] }[];
}

interface JestLike {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => void) => void;
  expect: jest.Expect;
}

/** Declares jest tests for a rule's valid and invalid cases. */
export function testRule(
  rule: Rule,
  cases: RuleCases,
  j: JestLike = { describe, it, expect },
): void {
  j.describe(`rule ${rule.meta.id}`, () => {
    j.it('has an id, a severity, sections and a bilingual description', () => {
      j.expect(rule.meta.id).toMatch(/^[a-z][a-z0-9-]+$/);
      j.expect(['error', 'warning', 'info']).toContain(rule.meta.severity);
      j.expect(rule.meta.sections.length).toBeGreaterThan(0);
      j.expect(rule.meta.description.zh).not.toBe('');
      j.expect(rule.meta.description.en).not.toBe('');
    });
    for (const c of cases.valid)
      j.it(`passes: ${c.name}`, () => {
        j.expect(runRule(rule, makeSnapshot(c.snapshot))).toEqual([]);
      });
    for (const c of cases.invalid)
      j.it(`fails: ${c.name}`, () => {
        const found = runRule(rule, makeSnapshot(c.snapshot));
        j.expect(found).toHaveLength(c.findings.length);
        c.findings.forEach((e, i) => {
          const f = found[i];
          j.expect(f.ruleId).toBe(rule.meta.id);
          j.expect(f.message.zh).not.toBe('');
          j.expect(f.message.en).not.toBe('');
          if (e.cells) j.expect(f.cells).toEqual(e.cells);
          if (e.severity) j.expect(f.severity).toBe(e.severity);
          if (e.zh) j.expect(f.message.zh).toMatch(e.zh);
          if (e.en) j.expect(f.message.en).toMatch(e.en);
          if (e.fix === null) j.expect(f.fix).toBeUndefined();
          else if (e.fix) j.expect(f.fix).toEqual(e.fix);
          if (rule.meta.fixable === false) j.expect(f.fix).toBeUndefined();
        });
      });
  });
}

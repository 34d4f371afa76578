/**
 * Runs the rule catalogue over a snapshot. A checker remembers each rule's findings and, after
 * an edit, re-runs only the rules that read a section the edit touched.
 */
import type { SectionId } from '../form/types';
import type { FormSnapshot, SnapCell } from '../snapshot/types';
import { parseCell } from '../values';
import type { ParsedValue, ValueHint } from '../values/types';
import type { Finding, Rule, RuleContext } from './types';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Parsed values, shared by every rule that reads the same snapshot (cells are immutable data). */
const parseCaches = new WeakMap<FormSnapshot, Map<SnapCell, ParsedValue[]>>();
const HINTS: (ValueHint | undefined)[] = [undefined, 'number', 'percent', 'indicator', 'text'];

function parseCached(snapshot: FormSnapshot, cell: SnapCell, hint?: ValueHint): ParsedValue {
  let cache = parseCaches.get(snapshot);
  if (!cache) {
    cache = new Map();
    parseCaches.set(snapshot, cache);
  }
  let byHint = cache.get(cell);
  if (!byHint) {
    byHint = [];
    cache.set(cell, byHint);
  }
  const i = HINTS.indexOf(hint);
  return (byHint[i] ??= parseCell(cell, hint));
}

function makeContext(snapshot: FormSnapshot, rule: Rule, out: Finding[]): RuleContext {
  return {
    snapshot,
    parse(cell: SnapCell | undefined, hint?: ValueHint): ParsedValue {
      if (!cell) return { kind: 'empty' };
      return parseCached(snapshot, cell, hint);
    },
    report(f) {
      out.push({
        ...f,
        ruleId: rule.meta.id,
        severity: f.severity ?? rule.meta.severity,
        section: f.section ?? rule.meta.sections[0],
      });
    },
  };
}

/** Runs one rule; a rule that throws becomes a finding instead of taking the checker down. */
export function runRule(rule: Rule, snapshot: FormSnapshot): Finding[] {
  const out: Finding[] = [];
  try {
    rule.check(makeContext(snapshot, rule, out));
  } catch (e) {
    out.push({
      ruleId: rule.meta.id,
      severity: 'info',
      section: rule.meta.sections[0],
      cells: [],
      message: {
        zh: `检查规则“${rule.meta.id}”未能完成：${e instanceof Error ? e.message : String(e)}`,
        en: `Rule ${rule.meta.id} could not finish: ${e instanceof Error ? e.message : String(e)}`,
      },
    });
  }
  return out;
}

/** Stable order: by severity, then section order in the form, then cell, then rule id. */
export function sortFindings(
  findings: Finding[],
  sectionOrder: SectionId[] = SECTION_ORDER,
): Finding[] {
  const idx = (s: SectionId) => sectionOrder.indexOf(s);
  const cellKey = (f: Finding) => {
    const m = /^([A-Z]+)(\d+)$/.exec(f.cells[0] ?? '');
    return m ? Number(m[2]) * 100 + m[1].charCodeAt(0) : 0;
  };
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      idx(a.section) - idx(b.section) ||
      cellKey(a) - cellKey(b) ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

export const SECTION_ORDER: SectionId[] = [
  'header',
  'funding',
  'functions',
  'annualTasks',
  'longTermGoals',
  'longTerm',
  'annualGoals',
  'annual',
];

export function runRules(rules: Rule[], snapshot: FormSnapshot): Finding[] {
  return sortFindings(rules.flatMap((r) => runRule(r, snapshot)));
}

export interface Checker {
  /** Checks the whole snapshot. */
  checkAll(snapshot: FormSnapshot): Finding[];
  /** Re-checks after an edit that touched `changed` sections; other rules keep their findings. */
  checkChanged(snapshot: FormSnapshot, changed: SectionId[]): Finding[];
  /** How many rule runs the last call made (for tests and benchmarks). */
  lastRuns(): number;
}

export function createChecker(rules: Rule[]): Checker {
  const byRule = new Map<string, Finding[]>();
  let runs = 0;
  const collect = () => sortFindings([...byRule.values()].flat());
  return {
    checkAll(snapshot) {
      runs = 0;
      for (const r of rules) {
        byRule.set(r.meta.id, runRule(r, snapshot));
        runs++;
      }
      return collect();
    },
    checkChanged(snapshot, changed) {
      runs = 0;
      const set = new Set(changed);
      for (const r of rules) {
        if (byRule.has(r.meta.id) && !r.meta.sections.some((s) => set.has(s))) continue;
        byRule.set(r.meta.id, runRule(r, snapshot));
        runs++;
      }
      return collect();
    },
    lastRuns: () => runs,
  };
}

/**
 * Filtering and grouping of findings for the pane's list: by section in the form's order, then
 * by severity. Pure functions, no React.
 */
import type { SectionId } from '../core/form/types';
import { SECTION_ORDER } from '../core/rules/engine';
import type { Finding, Severity } from '../core/rules/types';
import type { CheckCounts } from './api';
import type { FindingFilter } from './i18n';

export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

export interface SeverityGroup {
  severity: Severity;
  findings: Finding[];
}

export interface SectionGroup {
  section: SectionId;
  counts: Record<Severity, number>;
  total: number;
  bySeverity: SeverityGroup[];
}

const ALLOWED: Record<FindingFilter, ReadonlySet<Severity>> = {
  all: new Set<Severity>(['error', 'warning', 'info']),
  errors: new Set<Severity>(['error']),
  errorsAndWarnings: new Set<Severity>(['error', 'warning']),
};

export function filterFindings(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  const allowed = ALLOWED[filter];
  return findings.filter((f) => allowed.has(f.severity));
}

export function emptyCounts(): Record<Severity, number> {
  return { error: 0, warning: 0, info: 0 };
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = emptyCounts();
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** Findings that say something is wrong, and those that only say it is not filled in yet. */
export function splitIncomplete(findings: readonly Finding[]): {
  problems: Finding[];
  incomplete: Finding[];
} {
  const problems: Finding[] = [];
  const incomplete: Finding[] = [];
  for (const f of findings) (f.incomplete === true ? incomplete : problems).push(f);
  return { problems, incomplete };
}

/** A check's counts: by severity without the incomplete findings, which are counted apart. */
export function checkCounts(findings: readonly Finding[]): CheckCounts {
  const { problems, incomplete } = splitIncomplete(findings);
  return { ...countBySeverity(problems), incomplete: incomplete.length };
}

/**
 * Groups findings by section (SECTION_ORDER; a section unknown to it goes last) and, within a
 * section, by severity (error, warning, info). The order of findings inside a severity group is
 * the order they came in. Sections without findings are left out.
 */
export function groupFindings(findings: readonly Finding[]): SectionGroup[] {
  const bySection = new Map<SectionId, Finding[]>();
  for (const f of findings) {
    const list = bySection.get(f.section);
    if (list) list.push(f);
    else bySection.set(f.section, [f]);
  }
  const rank = (s: SectionId) => {
    const i = SECTION_ORDER.indexOf(s);
    return i < 0 ? SECTION_ORDER.length : i;
  };
  return [...bySection.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([section, list]) => ({
      section,
      counts: countBySeverity(list),
      total: list.length,
      bySeverity: SEVERITY_ORDER.map((severity) => ({
        severity,
        findings: list.filter((f) => f.severity === severity),
      })).filter((g) => g.findings.length > 0),
    }));
}

/**
 * Stable React keys for a list of findings (findings carry no id): the rule, cells and message,
 * with a counter only for exact duplicates, so an item keeps its key (and its focus) when other
 * findings come and go.
 */
export function findingKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.ruleId}|${f.cells.join(',')}|${f.message.zh}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}#${n}`;
  });
}

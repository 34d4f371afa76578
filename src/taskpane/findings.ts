/**
 * Filtering and grouping of findings for the pane's list: by section in the form's order, then
 * by severity. Pure functions, no React.
 */
import { parseRange } from '../core/form/a1';
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

/** A selection larger than this many cells (whole rows, a big block) shows no findings card. */
export const MAX_SELECTED_CELLS = 200;

type Rect = NonNullable<ReturnType<typeof parseRange>>;

/** The areas of a selection ('E7', 'E7:F7', several joined by commas); null when unreadable. */
function selectionAreas(selection: string): Rect[] | null {
  const areas = selection.split(',').map((a) => parseRange(a.trim()));
  return areas.every((a): a is Rect => a !== null) ? areas : null;
}

const overlaps = (r: Rect, s: Rect) =>
  r.top <= s.bottom && r.bottom >= s.top && r.left <= s.right && r.right >= s.left;

/** Whether a selection takes in (part of) `cell` ('E7', or a range). */
export function selectionCovers(selection: string, cell: string): boolean {
  const areas = selectionAreas(selection);
  const r = parseRange(cell);
  return !!areas && !!r && areas.some((s) => overlaps(r, s));
}

/**
 * The findings about the cells of a selection ('E7', 'E7:F7', 'B19:I19', several areas joined by
 * commas): those with a cell inside it, real problems first, then the ones still to fill in. None
 * for no selection, a selection that cannot be read (whole rows or columns) or one larger than
 * MAX_SELECTED_CELLS.
 */
export function findingsAt(findings: readonly Finding[], selection: string | null): Finding[] {
  const areas = selection ? selectionAreas(selection) : null;
  if (!areas) return [];
  const size = areas.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
  if (size > MAX_SELECTED_CELLS) return [];
  const hits = findings.filter((f) =>
    f.cells.some((c) => {
      const r = parseRange(c);
      return r !== null && areas.some((s) => overlaps(r, s));
    }),
  );
  const { problems, incomplete } = splitIncomplete(hits);
  return [...problems, ...incomplete];
}

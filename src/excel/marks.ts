/**
 * Marks: how findings show in the sheet.
 *
 * A mark is a conditional format on exactly one cell, layered on top of everything else. It never
 * touches the cell's own fill, font, border or value, so removing it restores exactly what was
 * there, and nothing needs to be saved first (no read of the user's formats, no hidden storage).
 *
 * The rule's formula always evaluates to TRUE and identifies the mark:
 *   =AND(ROW(E7)>0,ISTEXT("PGT-MARK:error"))
 * The relative reference to the cell itself is adjusted by Excel when rows move, so reading the
 * sheet's conditional formats tells where every mark is now and which severity it shows, even
 * after the task pane was closed and reopened. Nothing else on the sheet has this formula.
 *
 * Errors and warnings differ in more than hue (colour-blind safe): an error has a solid dark-red
 * border and a bold dark-red font on a pink fill; a warning has a dashed dark-amber border and an
 * italic font on a pale yellow fill whose luminance is clearly higher.
 */
import { addr, parseRange } from '../core/form/a1';
import { COLORS } from '../core/form/layout';
import type { Finding } from '../core/rules/types';

export type MarkSeverity = 'error' | 'warning';

export const MARK_TAG = 'PGT-MARK';

export function markFormula(address: string, severity: MarkSeverity): string {
  return `=AND(ROW(${address})>0,ISTEXT("${MARK_TAG}:${severity}"))`;
}

const MARK_RE = new RegExp(
  `^=?AND\\(ROW\\(\\$?([A-Z]{1,3})\\$?(\\d+)\\)>0,ISTEXT\\("${MARK_TAG}:(error|warning)"\\)\\)$`,
  'i',
);

/** Reads a conditional format's formula: the mark's cell and severity, or null if not a mark. */
export function parseMarkFormula(
  formula: unknown,
): { address: string; severity: MarkSeverity } | null {
  if (typeof formula !== 'string') return null;
  const m = MARK_RE.exec(formula.replace(/\s+/g, ''));
  if (!m) return null;
  return { address: `${m[1].toUpperCase()}${m[2]}`, severity: m[3].toLowerCase() as MarkSeverity };
}

/** How a mark looks. Fill colours come from the form's palette. */
export const MARK_STYLE: Record<
  MarkSeverity,
  {
    fill: string;
    fontColor: string;
    bold: boolean;
    italic: boolean;
    borderColor: string;
    borderStyle: 'Continuous' | 'Dash';
  }
> = {
  error: {
    fill: COLORS.errorFill,
    fontColor: COLORS.errorFont,
    bold: true,
    italic: false,
    borderColor: COLORS.errorFont,
    borderStyle: 'Continuous',
  },
  warning: {
    fill: COLORS.warningFill,
    fontColor: COLORS.warningFont,
    bold: false,
    italic: true,
    borderColor: COLORS.warningFont,
    borderStyle: 'Dash',
  },
};

/** Largest range a finding may name whose every cell is marked; bigger ones mark the first cell. */
const MAX_RANGE_CELLS = 64;

/**
 * The marks findings call for: one per cell, the most severe finding wins; 'info' findings and
 * findings that only say a cell is not filled in yet (`incomplete`) are listed in the pane but
 * not painted, so a freshly inserted form is not covered in red.
 */
export function desiredMarks(findings: Finding[]): Map<string, MarkSeverity> {
  const out = new Map<string, MarkSeverity>();
  for (const f of findings) {
    if ((f.severity !== 'error' && f.severity !== 'warning') || f.incomplete) continue;
    for (const a of f.cells) {
      const r = parseRange(a);
      if (!r) continue;
      const cells: string[] = [];
      if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > MAX_RANGE_CELLS)
        cells.push(addr(r.top, r.left));
      else
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++) cells.push(addr(row, col));
      for (const c of cells) if (out.get(c) !== 'error') out.set(c, f.severity);
    }
  }
  return out;
}

/** A mark found on the sheet. */
export interface SheetMark {
  id: string;
  address: string;
  severity: MarkSeverity;
}

export interface MarkDiff {
  /** Conditional formats to delete (stale marks, duplicates, changed severity). */
  remove: SheetMark[];
  add: { address: string; severity: MarkSeverity }[];
}

/** What must change on the sheet to go from `current` marks to `wanted`. */
export function diffMarks(current: SheetMark[], wanted: Map<string, MarkSeverity>): MarkDiff {
  const remove: SheetMark[] = [];
  const kept = new Set<string>();
  for (const m of current) {
    if (wanted.get(m.address) === m.severity && !kept.has(m.address)) kept.add(m.address);
    else remove.push(m);
  }
  const add = [...wanted]
    .filter(([a]) => !kept.has(a))
    .map(([address, severity]) => ({ address, severity }));
  return { remove, add };
}

/** Relative luminance (WCAG) of '#RRGGBB', for the colour-blind-safety test and the docs. */
export function luminance(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

/**
 * Finds where the form's names belong from the labels on a sheet, to repair a form whose names
 * were deleted or broken (#REF!). Pure: a grid of cell values in, name → reference out.
 *
 * What it assumes (and so what can be repaired): the labels of the form are still on the sheet,
 * in the columns the layout puts them (column A for sections, C for the funding rows …); rows may
 * have moved (rows inserted or deleted, a table grown). A field whose label row is gone, or a form
 * whose columns were moved, cannot be located and is reported in `notFound`.
 */
import { absAddr, parseRange } from '../core/form/a1';
import { computeLayout } from '../core/form/layout';
import {
  ANNUAL_HISTORY_HEADER,
  BUDGET_YEAR,
  FUNDING_BLOCKS,
  FUNDING_HISTORY_HEADER,
  HEADER_FIELDS,
  INDICATOR_TABLES,
  TEXT_SECTIONS,
  YEAR_LABEL_NAMES,
  fundingName,
  type FundingColumnKey,
} from '../core/form/spec';
import type { IndicatorTableId } from '../core/form/types';
import {
  ANNUAL_GOALS_LABEL,
  LONG_TERM_GOALS_LABEL,
  hasFormArrangement,
  labelText,
  type Grid,
} from '../core/import/arrangement';
import { FORM_NAMES } from './form-names';

export type { Grid } from '../core/import/arrangement';

export interface Located {
  /** Name → absolute reference ('$E$7', '$B$19:$I$40'). */
  refs: Record<string, string>;
  /** Names whose place could not be found from the labels. */
  notFound: string[];
  /** True when the sheet shows the form's arrangement of labels (hasFormArrangement). */
  recognisable: boolean;
}

const REFERENCE = computeLayout({ year: 2000, rows: { longTerm: 1, annual: 1 } });
const norm = labelText;

function refOf(name: string): { row: number; col: number } {
  const n = REFERENCE.names.find((x) => x.name === name)!;
  const r = parseRange(n.ref)!;
  return { row: r.top, col: r.left };
}

/** The column of a label in the reference layout. */
function labelCol(text: string): number {
  const c = REFERENCE.cells.find((x) => norm(x.value) === norm(text));
  return c ? c.col : 1;
}

class Finder {
  readonly bottom: number;
  constructor(private g: Grid) {
    this.bottom = g.top + g.values.length - 1;
  }
  at(row: number, col: number): string {
    return norm(this.g.values[row - this.g.top]?.[col - this.g.left]);
  }
  /** The first row in [from, to] whose cell in `col` matches. */
  find(col: number, match: string | RegExp, from = this.g.top, to = this.bottom): number | null {
    const want = typeof match === 'string' ? norm(match) : null;
    for (let r = Math.max(from, this.g.top); r <= Math.min(to, this.bottom); r++) {
      const t = this.at(r, col);
      if (want !== null ? t === want : (match as RegExp).test(t)) return r;
    }
    return null;
  }
}

export function locateNames(g: Grid): Located {
  const f = new Finder(g);
  const refs: Record<string, string> = {};
  const put = (name: string, row: number | null, col = refOf(name).col) => {
    if (row !== null) refs[name] = absAddr(row, col);
  };
  const A = 1;

  put(BUDGET_YEAR.name, f.find(labelCol(BUDGET_YEAR.label.zh), BUDGET_YEAR.label.zh));
  for (const h of HEADER_FIELDS) put(h.name, f.find(labelCol(h.formLabel), h.formLabel));

  // Funding: block labels in column B, item labels in column C below them, in order.
  const blockCol = labelCol(FUNDING_BLOCKS[0].label.zh);
  const itemCol = labelCol(FUNDING_BLOCKS[0].items[0].label.zh);
  const blockRows = FUNDING_BLOCKS.map((b) => f.find(blockCol, b.label.zh));
  const functionsRow = f.find(A, TEXT_SECTIONS.functions.label(0).zh);
  FUNDING_BLOCKS.forEach((block, i) => {
    const start = blockRows[i];
    if (start === null) return;
    const nextBlock = blockRows[i + 1];
    const end =
      (nextBlock !== null && nextBlock !== undefined && nextBlock > start ? nextBlock : null) ??
      (functionsRow !== null && functionsRow > start ? functionsRow : start + 20) - 1;
    let from = start;
    for (const item of block.items) {
      const row = f.find(itemCol, item.label.zh, from, end);
      if (row === null) continue;
      from = row + 1;
      for (const ck of ['Current', 'Share', 'Prev2', 'Prev1'] as FundingColumnKey[])
        put(fundingName(block.key, item.key, ck), row);
    }
  });
  const hist = f.find(labelCol(FUNDING_HISTORY_HEADER.zh), FUNDING_HISTORY_HEADER.zh);
  if (hist !== null) {
    put(YEAR_LABEL_NAMES.fundPrev2, hist + 1);
    put(YEAR_LABEL_NAMES.fundPrev1, hist + 1);
  }

  // Text sections: label in column A, text right of it.
  const textRows = {
    functions: functionsRow,
    annualTasks: f.find(A, TEXT_SECTIONS.annualTasks.label(0).zh),
    longTermGoals: f.find(A, LONG_TERM_GOALS_LABEL),
    annualGoals: f.find(A, ANNUAL_GOALS_LABEL),
  };
  for (const [id, row] of Object.entries(textRows) as [keyof typeof TEXT_SECTIONS, number][])
    put(TEXT_SECTIONS[id].name, row);
  put(YEAR_LABEL_NAMES.longTermHorizon, textRows.longTermGoals);

  // Indicator tables: the section label in column A starts the header; the body runs to the
  // next section (long-term) or to the end of the sheet's used area (annual).
  const level1Col = labelCol('一级指标');
  const table = (id: IndicatorTableId, headerRows: number, end: number | null) => {
    const start = f.find(A, INDICATOR_TABLES[id].label.zh);
    if (start === null || end === null) return null;
    if (f.at(start, level1Col) !== '一级指标') return null;
    const first = start + headerRows;
    if (end < first) return null;
    const lastCol = parseRange(
      REFERENCE.names.find((n) => n.name === INDICATOR_TABLES[id].name)!.ref,
    )!.right;
    refs[INDICATOR_TABLES[id].name] = `${absAddr(first, level1Col)}:${absAddr(end, lastCol)}`;
    return start;
  };
  table(
    'longTerm',
    REFERENCE.tables.longTerm.firstRow - REFERENCE.tables.longTerm.headerFirstRow,
    textRows.annualGoals === null ? null : textRows.annualGoals - 1,
  );
  const annualHeaderRows =
    REFERENCE.tables.annual.firstRow - REFERENCE.tables.annual.headerFirstRow;
  const annualStart = table('annual', annualHeaderRows, f.bottom);
  if (annualStart !== null && f.at(annualStart + 1, labelCol(ANNUAL_HISTORY_HEADER.zh)) !== '') {
    const yearsRow = annualStart + annualHeaderRows - 1;
    put(YEAR_LABEL_NAMES.annualPrev2, yearsRow);
    put(YEAR_LABEL_NAMES.annualPrev1, yearsRow);
  }

  const notFound = FORM_NAMES.map((n) => n.name).filter((n) => !(n in refs));
  return { refs, notFound, recognisable: hasFormArrangement(g) };
}

/**
 * long-term-copied: a long-term value (a target for Y+2) equal to the Y-1 actual of the same
 * annual indicator looks copied from last year's column.
 *
 * Decisions, so that the finding means something:
 * - rows are joined by the normalised 三级指标 (residue, blanks and quotes removed);
 * - only numeric values compared like with like (percentages, growth, amounts after unit
 *   conversion, numbers); grades and sentences (健全, 促进 …) are naturally the same every year;
 * - not at a natural bound: 0 and 100% are where many indicators sit by design;
 * - not when the annual row is flat (its Y-1 value equals this year's target): then the long-term
 *   value equal to it is a standard kept, not a copy;
 * - one finding per long-term row, on the long-term value and the Y-1 cell.
 */
import type { SnapCell } from '../../snapshot/types';
import type { ParsedValue } from '../../values/types';
import type { Rule, RuleContext } from '../types';
import {
  type LabeledRow,
  columnName,
  comparable,
  displayValue,
  labeledRows,
  numericView,
  rowsByLabel,
} from '../util/content-indicators';
import { parseValue } from '../util/content-cache';

/** A value as the user sees it, computed only for a message. */
const shown = (x: { cell: SnapCell; p: ParsedValue }): string => displayValue(x.cell, x.p);

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function plainView(ctx: RuleContext, r: LabeledRow, key: 'prev1' | 'target') {
  const cell = r.row.cells[key];
  if (!cell) return null;
  const p = parseValue(ctx, cell);
  const v = numericView(p, r);
  return v && v.op === '=' ? { v, cell, p } : null;
}

export const rule: Rule = {
  meta: {
    id: 'long-term-copied',
    severity: 'warning',
    sections: ['longTerm', 'annual'],
    description: {
      zh: '长期指标值与同一年度指标上年实际值相同，像是照抄上年数据',
      en: 'A long-term value equal to the Y-1 actual of the same annual indicator looks copied from last year',
    },
    fixable: false,
  },
  check(ctx) {
    const annual = rowsByLabel(labeledRows(ctx.snapshot, 'annual'));
    if (annual.size === 0) return;
    const year = ctx.snapshot.year;
    const y1 = columnName('prev1', 'annual', year);
    const horizon =
      year === null
        ? { zh: '长期', en: 'the long term' }
        : { zh: `${year + 2}年`, en: `${year + 2}` };
    for (const lt of labeledRows(ctx.snapshot, 'longTerm')) {
      const a = annual.get(lt.label);
      if (!a) continue;
      const l = plainView(ctx, lt, 'target');
      const p = plainView(ctx, a, 'prev1');
      if (!l || !p) continue;
      const lp = comparable(l.v, p.v);
      if (!lp || !same(lp[0], lp[1])) continue;
      if (l.v.value === 0) continue;
      if ((l.v.family === 'percent' || l.v.family === 'growth') && same(l.v.value, 100)) continue;
      const t = plainView(ctx, a, 'target');
      const tp = t ? comparable(t.v, p.v) : null;
      if (tp && same(tp[0], tp[1])) continue;
      ctx.report({
        section: 'longTerm',
        cells: [l.cell.address, p.cell.address],
        message: {
          zh:
            `长期指标“${lt.display}”的指标值 ${shown(l)} 与年度指标${y1.zh}实际值相同` +
            `${t ? `（当年预期值为 ${shown(t)}）` : ''}，像是照抄上年数据：应填写截止${horizon.zh}的目标值`,
          en:
            `The long-term value ${shown(l)} of “${lt.display}” equals the ${y1.en} actual of the ` +
            `annual indicator${t ? ` (this year's target is ${shown(t)})` : ''}; it looks copied: ` +
            `enter the target for ${horizon.en}`,
        },
      });
    }
  },
};

/**
 * Goal texts against indicator tables: the comparison shared by `goal-vs-indicator` (年度目标 and
 * 年度工作任务 against the annual table) and `long-term-goal-vs-indicator` (长期目标 against the
 * long-term table). Statement extraction and subject matching live in ./content-goals.ts.
 */
import type { Bilingual, IndicatorTableId, SectionId } from '../../form/types';
import type { SnapCell } from '../../snapshot/types';
import type { Operator, Unit } from '../../values/types';
import type { RuleContext } from '../types';
import {
  type GoalStatement,
  type Qualifier,
  goalStatements,
  indicatorSubject,
  quoteAmount,
  quoteGrowth,
  subjectMatch,
} from './content-goals';
import {
  AMOUNT_TOLERANCE,
  GROWTH_TOLERANCE,
  type LabeledRow,
  type Range,
  columnName,
  displayValue,
  fmt,
  labeledRows,
  numericView,
  rangeOf,
  rangesConflict,
  tableName,
} from './content-indicators';
import { parseValue } from './content-cache';

/** A goal text field and how messages name it. */
export interface GoalSource {
  field: string;
  section: SectionId;
  name: Bilingual;
}

export const ANNUAL_GOALS: GoalSource = {
  field: 'Text_AnnualGoals',
  section: 'annualGoals',
  name: { zh: '年度目标', en: 'Annual goals' },
};
export const ANNUAL_TASKS: GoalSource = {
  field: 'Text_AnnualTasks',
  section: 'annualTasks',
  name: { zh: '年度工作任务', en: 'Annual work tasks' },
};
export const LONG_TERM_GOALS: GoalSource = {
  field: 'Text_LongTermGoals',
  section: 'longTermGoals',
  name: { zh: '长期目标', en: 'Long-term goals' },
};

/** An indicator read for comparison with goal texts. */
export interface IndicatorTarget {
  r: LabeledRow;
  /** Core subject ({@link indicatorSubject}). */
  core: string;
  /** A money target: the number in `unit` (the 三级指标's unit when it names one). */
  amount?: {
    value: number;
    unit: Unit;
    op: Operator;
    cell: SnapCell;
    /** The Y-1 value in the same unit (annual table), for the implied growth. */
    prev1?: { value: number; cell: SnapCell };
  };
  /** A growth target in points (`增长10%`, or `10%` under an 增长率 indicator). */
  growth?: { value: number; op: Operator; cell: SnapCell };
}

/** The indicators of a table that have a subject and a money or growth target. */
export function indicatorTargets(ctx: RuleContext, table: IndicatorTableId): IndicatorTarget[] {
  const out: IndicatorTarget[] = [];
  for (const r of labeledRows(ctx.snapshot, table)) {
    const core = indicatorSubject(r.label);
    const cell = r.row.cells.target;
    if (core === '' || !cell) continue;
    const view = numericView(parseValue(ctx, cell), r);
    if (!view) continue;
    if (view.family === 'growth') {
      out.push({ r, core, growth: { value: view.value, op: view.op, cell } });
    } else if (view.family === 'amount' && view.unit) {
      // Where the 三级指标 names a unit, the numbers are read in it (a unit written in the
      // values that disagrees is unit-consistency's finding, not this one's).
      const unit = r.labelUnit ?? view.unit;
      const t: IndicatorTarget = {
        r,
        core,
        amount: { value: view.value, unit, op: view.op, cell },
      };
      const p1 = table === 'annual' ? r.row.cells.prev1 : undefined;
      if (p1) {
        const pv = numericView(parseValue(ctx, p1), r);
        if (pv && pv.family === 'amount' && pv.op === '=' && pv.unit) {
          const inUnit = r.labelUnit
            ? pv.value
            : pv.unit.currency === unit.currency
              ? (pv.value * pv.unit.magnitude) / unit.magnitude
              : null;
          if (inUnit !== null && inUnit > 0) t.amount!.prev1 = { value: inUnit, cell: p1 };
        }
      }
      out.push(t);
    }
  }
  return out;
}

/** The candidates with the longest subject match (several when they share it), or none. */
function bestMatches(
  subject: string,
  targets: IndicatorTarget[],
  accept: (t: IndicatorTarget) => boolean,
): IndicatorTarget[] {
  let best = 0;
  let found: IndicatorTarget[] = [];
  for (const t of targets) {
    if (!accept(t)) continue;
    const n = subjectMatch(subject, t.core);
    if (n === 0 || n < best) continue;
    if (n > best) {
      best = n;
      found = [];
    }
    found.push(t);
  }
  return found;
}

function statedRange(value: number, q: Qualifier): Range {
  if (q === 'atLeast') return { lo: value, hi: Infinity };
  if (q === 'atMost') return { lo: -Infinity, hi: value };
  return { lo: value, hi: value };
}

const OP_TEXT: Record<Operator, string> = { '=': '', '≥': '≥', '>': '>', '≤': '≤', '<': '<' };

/**
 * Compares every quantified statement of `source` with the indicators of `table` about the same
 * subject and reports disagreements: amounts (error), growth (warning) against a growth indicator
 * and, in the annual table, against the growth the indicator's target implies over its Y-1 value.
 */
export function checkGoalsAgainst(
  ctx: RuleContext,
  source: GoalSource,
  table: IndicatorTableId,
  targets: IndicatorTarget[],
): void {
  const textCell = ctx.snapshot?.fields?.[source.field];
  if (!textCell || typeof textCell.value !== 'string' || targets.length === 0) return;
  const statements = goalStatements(textCell.value);
  const tName = tableName(table);
  const valueWord = table === 'annual' ? '预期值' : '指标值';
  const valueWordEn = table === 'annual' ? 'expects' : 'says';
  const year = ctx.snapshot.year;
  for (const st of statements) {
    if (st.amount) compareAmount(st);
    if (st.growth) compareGrowth(st);
  }

  function compareAmount(st: GoalStatement): void {
    const a = st.amount!;
    for (const t of bestMatches(st.subject, targets, (x) => x.amount !== undefined)) {
      const ind = t.amount!;
      if (ind.unit.currency !== a.unit.currency) continue;
      const stated = (a.value * a.unit.magnitude) / ind.unit.magnitude;
      const tol = AMOUNT_TOLERANCE * Math.max(Math.abs(stated), Math.abs(ind.value));
      if (!rangesConflict(statedRange(stated, a.qualifier), rangeOf(ind.value, ind.op), tol))
        continue;
      const indText = `${OP_TEXT[ind.op]}${fmt(ind.value, 4)}${ind.unit.text}`;
      ctx.report({
        severity: 'error',
        section: source.section,
        cells: [textCell!.address, ind.cell.address],
        message: {
          zh:
            `${source.name.zh}写“${quoteAmount(st)}”，${tName.zh}“${t.r.display}”${valueWord}为 ` +
            `${indText}：两者应一致`,
          en:
            `${source.name.en} say “${quoteAmount(st)}”, but the ${tName.en} “${t.r.display}” ` +
            `${valueWordEn} ${indText}; the two should agree`,
        },
      });
    }
  }

  function compareGrowth(st: GoalStatement): void {
    const g = st.growth!;
    // Growth over another year than Y-1 (`比2022年增长21%`) is not this year's growth.
    if (g.baseYear !== undefined && year !== null && g.baseYear !== year - 1) return;
    const stated = statedRange(g.value, g.qualifier);
    const candidates = bestMatches(
      st.subject,
      targets,
      (x) => x.growth !== undefined || x.amount?.prev1 !== undefined,
    );
    for (const t of candidates) {
      if (t.growth) {
        if (!rangesConflict(stated, rangeOf(t.growth.value, t.growth.op), GROWTH_TOLERANCE))
          continue;
        const shown = displayValue(t.growth.cell, parseValue(ctx, t.growth.cell));
        ctx.report({
          severity: 'warning',
          section: source.section,
          cells: [textCell!.address, t.growth.cell.address],
          message: {
            zh:
              `${source.name.zh}写“${quoteGrowth(st)}”，${tName.zh}“${t.r.display}”${valueWord}为 ` +
              `${shown}：增长目标应一致`,
            en:
              `${source.name.en} say “${quoteGrowth(st)}”, but the ${tName.en} “${t.r.display}” ` +
              `${valueWordEn} ${shown}; the growth targets should agree`,
          },
        });
      } else if (t.amount?.prev1) {
        const ind = t.amount;
        const prev1 = ind.prev1!;
        const implied = (ind.value / prev1.value - 1) * 100;
        if (!rangesConflict(stated, rangeOf(implied, ind.op), GROWTH_TOLERANCE)) continue;
        const y1 = columnName('prev1', table, year);
        const targetText = `${OP_TEXT[ind.op]}${fmt(ind.value, 4)}${ind.unit.text}`;
        const prevText = `${fmt(prev1.value, 4)}${ind.unit.text}`;
        const impliedText = `${implied < 0 ? '下降' : '增长'} ${fmt(Math.abs(implied), 2)}%`;
        ctx.report({
          severity: 'warning',
          section: source.section,
          cells: [textCell!.address, ind.cell.address, prev1.cell.address],
          message: {
            zh:
              `${source.name.zh}写“${quoteGrowth(st)}”，${tName.zh}“${t.r.display}”${valueWord} ` +
              `${targetText} 比${y1.zh} ${prevText} ${impliedText}：增长目标应一致`,
            en:
              `${source.name.en} say “${quoteGrowth(st)}”, but the ${tName.en} “${t.r.display}” ` +
              `${valueWordEn} ${targetText} against ${prevText} in ${y1.en}, ` +
              `${implied < 0 ? 'a fall' : 'a growth'} of ${fmt(Math.abs(implied), 2)}%; ` +
              `the growth targets should agree`,
          },
        });
      }
    }
  }
}

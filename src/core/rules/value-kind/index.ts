/**
 * value-kind: a value fits the kind of indicator its 三级指标 names.
 * - …率 (not 效率/频率/汇率) takes a percentage or a comparison with one (`≥95%`); warning.
 * - 执行率, 完成率, 覆盖率, 开展率, 应用率, 合格率, 达标率, 准确率, 及时率, 知晓率, 办结率, 到位率,
 *   满意率, 满意度, 结转结余率 lie in [0%, 100%]: error outside (revenue completion, e.g.
 *   非税收入预算完成率, may pass 100%). 满意度 does not end in 率: a grade (满意) is fine there,
 *   only a percentage is held to the bounds.
 * - Only 变动率, 变化率, 增长率, 增减率, 增速, 增幅, 调整率 may be negative; warning otherwise.
 * - A qualitative indicator (…性, …情况, …成效, …效果) takes a grade or a sentence: info when it
 *   holds a number or a percentage, naming the grade expected (绩效目标合理性 → 合理).
 * - A 三级指标 naming a money unit (…亿元) takes an amount, not a percentage or growth; warning.
 * Empty, error and unreadable values are other rules' business. One finding per row and problem.
 */
import type { IndicatorColumnKey, IndicatorTableId } from '../../form/types';
import type { SnapCell } from '../../snapshot/types';
import type { ParsedValue } from '../../values/types';
import type { Bilingual } from '../../form/types';
import type { Rule, RuleContext, Severity } from '../types';
import {
  type LabeledRow,
  displayValue,
  fmt,
  isBoundedLabel,
  isQualitativeLabel,
  isRateLabel,
  isSignedLabel,
  labeledRows,
  listValues,
  suggestedGrade,
  valueCells,
} from '../util/content-indicators';
import { parseValue } from '../util/content-cache';

type Problem = 'range' | 'negative' | 'notPercent' | 'qualitative' | 'notAmount';

const SEVERITY: Record<Problem, Severity> = {
  range: 'error',
  negative: 'warning',
  notPercent: 'warning',
  qualitative: 'info',
  notAmount: 'warning',
};
const ORDER: Problem[] = ['range', 'negative', 'notPercent', 'notAmount', 'qualitative'];

interface Hit {
  key: IndicatorColumnKey;
  cell: SnapCell;
  shown: string;
  /** For a bare number in a rate: what it probably meant. */
  suggestion?: string;
}

/** The problem of one value under a rate indicator, or null. */
function rateProblem(label: string, p: ParsedValue): Problem | null {
  let v = p;
  if (v.kind === 'comparison') v = v.operand;
  if (v.kind === 'percent') {
    if (isBoundedLabel(label) && (v.value < 0 || v.value > 100)) return 'range';
    if (v.value < 0 && !isSignedLabel(label)) return 'negative';
    return null;
  }
  if (v.kind === 'growth') return isSignedLabel(label) ? null : 'notPercent';
  if (v.kind === 'number' || v.kind === 'amount' || v.kind === 'grade' || v.kind === 'text')
    return 'notPercent';
  return null;
}

function problemOf(r: LabeledRow, p: ParsedValue): Problem | null {
  if (isRateLabel(r.label)) return rateProblem(r.label, p);
  const v = p.kind === 'comparison' ? p.operand : p;
  // 满意度 is not a …率 (a grade such as 满意 is fine), but a percentage in it lies in [0, 100].
  if (v.kind === 'percent' && isBoundedLabel(r.label) && (v.value < 0 || v.value > 100))
    return 'range';
  if (isQualitativeLabel(r.label)) {
    return v.kind === 'number' || v.kind === 'percent' || v.kind === 'amount' || v.kind === 'growth'
      ? 'qualitative'
      : null;
  }
  if (r.labelUnit && (v.kind === 'percent' || v.kind === 'growth')) return 'notAmount';
  return null;
}

function message(
  problem: Problem,
  r: LabeledRow,
  hits: Hit[],
  table: IndicatorTableId,
  year: number | null,
): Bilingual {
  const list = listValues(hits, table, year);
  const name = r.display;
  switch (problem) {
    case 'range':
      return {
        zh: `“${name}”应在 0% 到 100% 之间，当前为 ${list.zh}`,
        en: `“${name}” must lie between 0% and 100%; found ${list.en}`,
      };
    case 'negative':
      return {
        zh: `“${name}”不应为负数（只有变动率、增长率等可以为负），当前为 ${list.zh}`,
        en: `“${name}” cannot be negative (only changes and growth rates can); found ${list.en}`,
      };
    case 'notPercent': {
      const s = hits.find((h) => h.suggestion)?.suggestion;
      return {
        zh:
          `“${name}”是比率指标，指标值应为百分比（如 95% 或 ≥95%），当前为 ${list.zh}` +
          (s ? `；是否应为 ${s}？` : ''),
        en:
          `“${name}” is a rate: its value should be a percentage (e.g. 95% or ≥95%); found ` +
          `${list.en}` +
          (s ? `; did you mean ${s}?` : ''),
      };
    }
    case 'notAmount':
      return {
        zh: `“${name}”以${r.labelUnit!.text}计，指标值应为金额，当前为 ${list.zh}`,
        en: `“${name}” is counted in ${r.labelUnit!.text}: its value should be an amount; found ${list.en}`,
      };
    case 'qualitative': {
      const grade = suggestedGrade(r.label);
      return {
        zh:
          `“${name}”是定性指标，指标值应为等级${grade ? `（如“${grade}”）` : '（如“良好”“成效显著”）'}` +
          `或一句描述，当前为 ${list.zh}`,
        en:
          `“${name}” is qualitative: its value should be a grade` +
          `${grade ? ` such as ${grade}` : ' (e.g. 良好, 成效显著)'} or a sentence; found ${list.en}`,
      };
    }
  }
}

function checkRow(ctx: RuleContext, r: LabeledRow, table: IndicatorTableId): void {
  const byProblem = new Map<Problem, Hit[]>();
  for (const { key, cell } of valueCells(r)) {
    const p = parseValue(ctx, cell);
    const problem = problemOf(r, p);
    if (!problem) continue;
    const hit: Hit = { key, cell, shown: displayValue(cell, p) };
    if (problem === 'notPercent' && p.kind === 'number')
      hit.suggestion = `${fmt(Math.abs(p.value) <= 1 ? p.value * 100 : p.value, 4)}%`;
    const list = byProblem.get(problem);
    if (list) list.push(hit);
    else byProblem.set(problem, [hit]);
  }
  for (const problem of ORDER) {
    const hits = byProblem.get(problem);
    if (!hits) continue;
    ctx.report({
      severity: SEVERITY[problem],
      section: table,
      cells: hits.map((h) => h.cell.address),
      message: message(problem, r, hits, table, ctx.snapshot.year),
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'value-kind',
    severity: 'warning',
    sections: ['annual', 'longTerm'],
    description: {
      zh: '指标值应与指标类型相符：比率为百分比（执行率、完成率、满意度等在 0%–100% 之间），定性指标为等级或描述，金额指标为金额',
      en: 'Values fit the indicator: rates are percentages (completion rates and satisfaction within 0–100%), qualitative indicators take a grade or a sentence, money indicators an amount',
    },
    fixable: false,
  },
  check(ctx) {
    for (const table of ['longTerm', 'annual'] as const)
      for (const r of labeledRows(ctx.snapshot, table)) checkRow(ctx, r, table);
  },
};

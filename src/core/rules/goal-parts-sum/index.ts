/**
 * goal-parts-sum: parts stated in a goal text (`外贸进出口65.7亿元，…其中：出口35.6亿元…；进口
 * 30.1亿元`) add up to the stated total, within the rounding of the figures as written (35.6
 * stands for 35.55–35.65, so 35.6 + 30.2 against 65.7 may well be right, 35.6 + 30.6 is not).
 * Read in 年度工作任务, 长期目标 and 年度目标.
 *
 * - When every part has an amount (at least two parts), their sum must equal the total.
 * - When only some parts have one, their sum must not exceed the total.
 * - When the parts add up and every part and the total state a growth, the total's growth is a
 *   weighted mean of the parts' and must lie between the smallest and the largest (±0.5 points).
 * Totals or parts given as bounds (以上, 突破, 以内) are not summed.
 */
import type { GoalStatement } from '../util/content-goals';
import { goalStatements, quoteAmount, quoteGrowth } from '../util/content-goals';
import {
  ANNUAL_GOALS,
  ANNUAL_TASKS,
  type GoalSource,
  LONG_TERM_GOALS,
} from '../util/content-goal-check';
import { GROWTH_TOLERANCE, fmt } from '../util/content-indicators';
import type { Rule, RuleContext } from '../types';

const BOUNDED = new Set(['atLeast', 'atMost']);

/** Half a unit of the last decimal written: `35.6亿元` → 0.05, `65亿元` → 0.5. */
function halfUlp(text: string): number {
  const m = /\d(?:[\d,]*)(?:\.(\d+))?/.exec(text);
  return 0.5 * 10 ** -(m?.[1]?.length ?? 0);
}

function checkText(ctx: RuleContext, source: GoalSource): void {
  const cell = ctx.snapshot?.fields?.[source.field];
  if (!cell || typeof cell.value !== 'string') return;
  const statements = goalStatements(cell.value);
  const parts = new Map<number, GoalStatement[]>();
  for (const st of statements) {
    if (st.partOf === undefined) continue;
    const list = parts.get(st.partOf);
    if (list) list.push(st);
    else parts.set(st.partOf, [st]);
  }
  for (const [totalIndex, list] of parts) {
    const total = statements[totalIndex];
    const ta = total?.amount;
    if (!ta || BOUNDED.has(ta.qualifier)) continue;
    const withAmount = list.filter(
      (p) =>
        p.amount && p.amount.unit.currency === ta.unit.currency && !BOUNDED.has(p.amount.qualifier),
    );
    if (withAmount.length === 0) continue;
    const complete = withAmount.length === list.length && list.length >= 2;
    const sum =
      withAmount.reduce((s, p) => s + p.amount!.value * p.amount!.unit.magnitude, 0) /
      ta.unit.magnitude;
    // Figures are rounded as written: 35.6 stands for 35.55–35.65. Parts agree with the total
    // when the sum lies within the rounding of all the figures involved.
    const tol =
      (halfUlp(ta.text) * ta.unit.magnitude +
        withAmount.reduce((s, p) => s + halfUlp(p.amount!.text) * p.amount!.unit.magnitude, 0)) /
        ta.unit.magnitude +
      1e-9 * Math.abs(ta.value);
    const partsText = withAmount.map((p) => quoteAmount(p)).join(' + ');
    const sumText = `${fmt(sum, 4)}${ta.unit.text}`;
    const totalText = `${fmt(ta.value, 4)}${ta.unit.text}`;
    if (complete ? Math.abs(sum - ta.value) > tol : sum > ta.value + tol) {
      ctx.report({
        section: source.section,
        cells: [cell.address],
        message: complete
          ? {
              zh:
                `${source.name.zh}写“${quoteAmount(total)}”，其中 ${partsText} = ${sumText}：` +
                `各部分之和应等于总数 ${totalText}`,
              en:
                `${source.name.en} say “${quoteAmount(total)}”, but its parts ${partsText} add up ` +
                `to ${sumText}; they should add up to ${totalText}`,
            }
          : {
              zh:
                `${source.name.zh}写“${quoteAmount(total)}”，其中 ${partsText} 已达 ${sumText}，` +
                `超过总数：各部分之和不应超过 ${totalText}`,
              en:
                `${source.name.en} say “${quoteAmount(total)}”, but its parts ${partsText} already ` +
                `reach ${sumText}; parts cannot exceed ${totalText}`,
            },
      });
      continue;
    }
    if (!complete || !total.growth || list.some((p) => !p.growth)) continue;
    const rates = list.map((p) => p.growth!.value);
    const lo = Math.min(...rates);
    const hi = Math.max(...rates);
    const g = total.growth.value;
    if (g >= lo - GROWTH_TOLERANCE && g <= hi + GROWTH_TOLERANCE) continue;
    const range = lo === hi ? `${fmt(lo)}%` : `${fmt(lo)}%–${fmt(hi)}%`;
    ctx.report({
      section: source.section,
      cells: [cell.address],
      message: {
        zh:
          `${source.name.zh}写“${quoteGrowth(total)}”，而其中 ${list.map((p) => quoteGrowth(p)).join('、')}：` +
          `总体增速应在各部分增速之间（${range}）`,
        en:
          `${source.name.en} say “${quoteGrowth(total)}”, but its parts grow by ${range}; the ` +
          `total's growth must lie between its parts' growth`,
      },
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'goal-parts-sum',
    severity: 'warning',
    sections: ['annualTasks', 'longTermGoals', 'annualGoals'],
    description: {
      zh: '目标文字中“其中”列出的各部分金额之和应等于所述总数',
      en: 'Parts listed in a goal text (其中…) add up to the stated total',
    },
    fixable: false,
  },
  check(ctx) {
    for (const source of [ANNUAL_TASKS, LONG_TERM_GOALS, ANNUAL_GOALS]) checkText(ctx, source);
  },
};

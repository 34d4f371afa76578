/**
 * goal-vs-indicator: quantified targets in 年度目标 and 年度工作任务 agree with the annual
 * indicator about the same subject.
 *
 * Statements are read from the text by ../util/content-goals.ts (subject + amount and/or growth);
 * an indicator is about the same subject when its core subject (三级指标 without verbs, units and
 * growth words) appears in the statement's subject, the longest match winning. Then:
 * - an amount against the indicator's 预期当年实现值, in the 三级指标's unit when it names one
 *   (±0.5%): error;
 * - a growth against a growth indicator (增长率 = 10%, 增长10%) and against the growth the
 *   indicator's target implies over its Y-1 value (64.57 / 58.7 − 1 = 10%) (±0.5 points): warning.
 * Different currencies are not compared. Each statement is compared with each best-matching
 * indicator once.
 */
import type { Rule } from '../types';
import {
  ANNUAL_GOALS,
  ANNUAL_TASKS,
  checkGoalsAgainst,
  indicatorTargets,
} from '../util/content-goal-check';

export const rule: Rule = {
  meta: {
    id: 'goal-vs-indicator',
    severity: 'error',
    sections: ['annualGoals', 'annualTasks', 'annual'],
    description: {
      zh: '年度目标、年度工作任务中的量化目标（金额、增长率）应与同一事项的年度绩效指标一致',
      en: 'Amounts and growth rates stated in the annual goals and tasks agree with the annual indicator about the same subject',
    },
    fixable: false,
  },
  check(ctx) {
    const targets = indicatorTargets(ctx, 'annual');
    if (targets.length === 0) return;
    checkGoalsAgainst(ctx, ANNUAL_GOALS, 'annual', targets);
    checkGoalsAgainst(ctx, ANNUAL_TASKS, 'annual', targets);
  },
};

/**
 * long-term-goal-vs-indicator: quantified targets in 长期目标 agree with the long-term indicator
 * about the same subject — the same reading and matching as goal-vs-indicator, against the single
 * value of the long-term table: amounts (±0.5%, error) and growth-valued indicators (±0.5 points,
 * warning). There is no history in that table, so no implied growth.
 *
 * When a goal's subject matches several indicators equally well (社会消费品零售总额 is named by both
 * 实现社会消费品零售总额增长率 and 实现社会消费品零售总额稳步增长), each disagreeing indicator gets its
 * own finding, so that each finding takes the user to one value to correct.
 */
import type { Rule } from '../types';
import { LONG_TERM_GOALS, checkGoalsAgainst, indicatorTargets } from '../util/content-goal-check';

export const rule: Rule = {
  meta: {
    id: 'long-term-goal-vs-indicator',
    severity: 'error',
    sections: ['longTermGoals', 'longTerm'],
    description: {
      zh: '长期目标中的量化目标（金额、增长率）应与同一事项的长期绩效指标一致',
      en: 'Amounts and growth rates stated in the long-term goals agree with the long-term indicator about the same subject',
    },
    fixable: false,
  },
  check(ctx) {
    const targets = indicatorTargets(ctx, 'longTerm');
    if (targets.length === 0) return;
    checkGoalsAgainst(ctx, LONG_TERM_GOALS, 'longTerm', targets);
  },
};

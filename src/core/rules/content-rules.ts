/**
 * The content rules of the catalogue: what the values and the goal texts say, beyond form
 * completeness — units, kinds of value, targets against history, goals against indicators.
 */
import type { Rule } from './types';
import { rule as unitConsistency } from './unit-consistency';
import { rule as valueKind } from './value-kind';
import { rule as targetAppropriateness } from './target-appropriateness';
import { rule as executionCarryover } from './execution-carryover';
import { rule as longTermCopied } from './long-term-copied';
import { rule as goalVsIndicator } from './goal-vs-indicator';
import { rule as longTermGoalVsIndicator } from './long-term-goal-vs-indicator';
import { rule as goalPartsSum } from './goal-parts-sum';

export const contentRules: Rule[] = [
  unitConsistency,
  valueKind,
  targetAppropriateness,
  executionCarryover,
  longTermCopied,
  goalVsIndicator,
  longTermGoalVsIndicator,
  goalPartsSum,
];

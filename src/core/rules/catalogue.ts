/** The whole rule catalogue, in the order findings are explained to users. */
import { basicRules } from './basic-rules';
import { contentRules } from './content-rules';
import { createChecker, runRules } from './engine';
import type { FormSnapshot } from '../snapshot/types';
import type { Finding, Rule } from './types';

export const allRules: Rule[] = [...basicRules, ...contentRules];

/** Checks a snapshot with the whole catalogue. */
export function checkForm(snapshot: FormSnapshot): Finding[] {
  return runRules(allRules, snapshot);
}

export function createFormChecker() {
  return createChecker(allRules);
}

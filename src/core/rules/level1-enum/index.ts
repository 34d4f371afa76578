/**
 * level1-enum: 一级指标 is one of the six (运行成本, 管理效率, 履职效能, 社会效应, 可持续发展能力,
 * 满意度), blanks and line breaks aside ('履职\n效能' is fine). Near misses get a fix.
 */
import { LEVEL1_CHOICES } from '../../form/spec';
import type { Rule } from '../types';
import { checkEnum } from '../util/basic-enum';

/** Misspellings seen in filled forms, beyond what the edit distance catches. */
const VARIANTS: Record<string, string> = {
  成本: '运行成本',
  运行成本指标: '运行成本',
  效率: '管理效率',
  效能: '履职效能',
  履职效果: '履职效能',
  社会效益: '社会效应',
  社会影响: '社会效应',
  可持续影响: '可持续发展能力',
  可持续发展: '可持续发展能力',
  满意度指标: '满意度',
};

export const rule: Rule = {
  meta: {
    id: 'level1-enum',
    severity: 'error',
    sections: ['longTerm', 'annual'],
    description: {
      zh: `一级指标应为 ${LEVEL1_CHOICES.join('、')} 之一。`,
      en: `Level 1 is one of ${LEVEL1_CHOICES.join(', ')}.`,
    },
    fixable: true,
  },
  check(ctx) {
    checkEnum(ctx, {
      key: 'level1',
      what: { zh: '一级指标', en: 'level 1' },
      choices: LEVEL1_CHOICES,
      variants: VARIANTS,
    });
  },
};

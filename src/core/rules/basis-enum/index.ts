/** basis-enum: 指标值确定依据 is one of 计划标准, 行业标准, 历史标准, 其他标准; near misses get a fix. */
import { BASIS_CHOICES } from '../../form/spec';
import type { Rule } from '../types';
import { checkEnum } from '../util/basic-enum';

const VARIANTS: Record<string, string> = {
  计划: '计划标准',
  行业: '行业标准',
  历史: '历史标准',
  其他: '其他标准',
  其它: '其他标准',
  其它标准: '其他标准',
  计划指标: '计划标准',
  历史数据: '历史标准',
  行业水平: '行业标准',
};

export const rule: Rule = {
  meta: {
    id: 'basis-enum',
    severity: 'error',
    sections: ['longTerm', 'annual'],
    description: {
      zh: `指标值确定依据应为 ${BASIS_CHOICES.join('、')} 之一。`,
      en: `The basis of a value is one of ${BASIS_CHOICES.join(', ')}.`,
    },
    fixable: true,
  },
  check(ctx) {
    checkEnum(ctx, {
      key: 'basis',
      what: { zh: '指标值确定依据', en: 'basis' },
      choices: BASIS_CHOICES,
      variants: VARIANTS,
    });
  },
};

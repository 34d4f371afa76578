/**
 * category-enum: 指标分类 is 绩效基本型 or 绩效创新型. The frequent 绩效创新性 / 绩效基本性 (性 for
 * 型) and the short 基本型 / 创新型 get a fix, each cell its own.
 */
import { CATEGORY_CHOICES } from '../../form/spec';
import type { Rule } from '../types';
import { checkEnum } from '../util/basic-enum';

const VARIANTS: Record<string, string> = {
  绩效创新性: '绩效创新型',
  绩效基本性: '绩效基本型',
  基本型: '绩效基本型',
  创新型: '绩效创新型',
  基本性: '绩效基本型',
  创新性: '绩效创新型',
  基本: '绩效基本型',
  创新: '绩效创新型',
  基础型: '绩效基本型',
  绩效基础型: '绩效基本型',
};

export const rule: Rule = {
  meta: {
    id: 'category-enum',
    severity: 'error',
    sections: ['longTerm', 'annual'],
    description: {
      zh: `指标分类应为 ${CATEGORY_CHOICES.join('、')} 之一。`,
      en: `The category is one of ${CATEGORY_CHOICES.join(', ')}.`,
    },
    fixable: true,
  },
  check(ctx) {
    checkEnum(ctx, {
      key: 'category',
      what: { zh: '指标分类', en: 'category' },
      choices: CATEGORY_CHOICES,
      variants: VARIANTS,
    });
  },
};

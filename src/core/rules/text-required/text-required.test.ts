import { fieldAddress, makeSnapshot, testRule } from '../test-kit';
import { runRule } from '../engine';
import { rule } from '.';

const at = (name: string) => fieldAddress(name);
const TEXTS = {
  Text_Functions: '1.贯彻落实国家、省、市有关投资促进的方针政策。',
  Text_AnnualTasks: '社会消费品零售总额同比增长10%。',
  Text_LongTermGoals: '1.社会消费品零售总额年均增长8%。',
  Text_AnnualGoals: '1.2024年社会消费品零售总额增长10%。',
};

testRule(rule, {
  valid: [
    { name: 'all four written', snapshot: { fields: TEXTS } },
    {
      name: 'texts wrapped in ideographic spaces and line breaks',
      snapshot: { fields: { ...TEXTS, Text_Functions: ' \n1.负责商务工作。\u3000' } },
    },
  ],
  invalid: [
    {
      name: 'an empty form',
      snapshot: {},
      findings: [
        { cells: [at('Text_Functions')], zh: '部门职能概述未填写' },
        { cells: [at('Text_AnnualTasks')], zh: '年度工作任务未填写' },
        { cells: [at('Text_LongTermGoals')], zh: '长期目标未填写', en: 'Long-term goals is empty' },
        { cells: [at('Text_AnnualGoals')], zh: '年度目标未填写' },
      ],
    },
    {
      name: 'annual goals of blanks only',
      snapshot: { fields: { ...TEXTS, Text_AnnualGoals: '\u3000 \n' } },
      findings: [{ cells: [at('Text_AnnualGoals')], severity: 'error', fix: null }],
    },
    {
      name: 'a placeholder instead of text',
      snapshot: { fields: { ...TEXTS, Text_AnnualTasks: '……', Text_LongTermGoals: '无' } },
      findings: [
        { cells: [at('Text_AnnualTasks')], zh: '年度工作任务只有“……”，没有实际内容' },
        { cells: [at('Text_LongTermGoals')], zh: '长期目标只有“无”' },
      ],
    },
  ],
});

describe('text-required sections', () => {
  it('reports each finding in its own section', () => {
    const found = runRule(rule, makeSnapshot({}));
    expect(found.map((f) => f.section)).toEqual([
      'functions',
      'annualTasks',
      'longTermGoals',
      'annualGoals',
    ]);
  });
});

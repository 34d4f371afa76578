import { fieldAddress, testRule } from '../test-kit';
import { rule } from '.';

const at = (name: string) => fieldAddress(name);
const LABELS = {
  Hdr_Fund_Prev2: '2022年',
  Hdr_Fund_Prev1: '2023年',
  Hdr_Annual_Prev2: '2022年',
  Hdr_Annual_Prev1: '2023年',
  Hdr_LongTermGoals: '长期目标：（截止2026年）',
};

testRule(rule, {
  valid: [
    { name: 'the labels of budget year 2024', snapshot: { fields: LABELS } },
    {
      name: 'spaces, line breaks and full-width digits in labels',
      snapshot: {
        fields: {
          ...LABELS,
          Hdr_Fund_Prev2: '2022 年',
          Hdr_Annual_Prev1: '２０２３年',
          Hdr_LongTermGoals: '长期目标：\n（截止2026年）',
        },
      },
    },
    {
      name: 'a horizon written as a range',
      snapshot: { fields: { ...LABELS, Hdr_LongTermGoals: '长期目标（2024—2026年）' } },
    },
    {
      name: 'another budget year',
      snapshot: {
        year: 2025,
        fields: {
          Hdr_Fund_Prev2: '2023年',
          Hdr_Fund_Prev1: '2024年',
          Hdr_Annual_Prev2: '2023年',
          Hdr_Annual_Prev1: '2024年',
          Hdr_LongTermGoals: '长期目标：（截止2027年）',
        },
      },
    },
  ],
  invalid: [
    {
      name: 'a history header left from last year’s form',
      snapshot: { fields: { ...LABELS, Hdr_Annual_Prev2: '2021年' } },
      findings: [
        {
          cells: [at('Hdr_Annual_Prev2'), at('BudgetYear')],
          zh: '年度绩效指标表头“2021年”与预算年度 2024 年不符：应为“2022年”',
          fix: {
            address: at('Hdr_Annual_Prev2'),
            value: '2022年',
            label: { zh: '改为“2022年”', en: 'Change to "2022年"' },
          },
        },
      ],
    },
    {
      name: 'a long-term horizon of Y+3',
      snapshot: { fields: { ...LABELS, Hdr_LongTermGoals: '长期目标：（截止2027年）' } },
      findings: [
        {
          cells: [at('Hdr_LongTermGoals'), at('BudgetYear')],
          en: 'should read "长期目标：（截止2026年）"',
          fix: {
            address: at('Hdr_LongTermGoals'),
            value: '长期目标：（截止2026年）',
            label: {
              zh: '改为“长期目标：（截止2026年）”',
              en: 'Change to "长期目标：（截止2026年）"',
            },
          },
        },
      ],
    },
    {
      name: 'empty labels',
      snapshot: { fields: { ...LABELS, Hdr_Fund_Prev1: null, Hdr_LongTermGoals: '长期目标：' } },
      findings: [
        { cells: [at('Hdr_Fund_Prev1'), at('BudgetYear')], zh: '资金情况表头为空' },
        { cells: [at('Hdr_LongTermGoals'), at('BudgetYear')] },
      ],
    },
    {
      name: 'a budget year that is not a year',
      snapshot: { fields: { ...LABELS, BudgetYear: '明年' } },
      findings: [
        {
          cells: [at('BudgetYear')],
          zh: '预算年度“明年”不是年份',
          fix: null,
        },
      ],
    },
    {
      name: 'an empty budget year',
      snapshot: { fields: { ...LABELS, BudgetYear: null } },
      findings: [{ cells: [at('BudgetYear')], zh: '预算年度未填写' }],
    },
  ],
});

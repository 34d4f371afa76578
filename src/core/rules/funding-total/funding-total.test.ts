import { fieldAddress, testRule } from '../test-kit';
import { funding } from '../util/basic-fixtures';
import { rule } from '.';

const at = (name: string) => fieldAddress(name);
const incomeParts = (col: string) =>
  ['Fiscal', 'SpecialAccount', 'Own'].map((i) => at(`Fund_Income_${i}_${col}`));
const expenseParts = (col: string) =>
  ['Personnel', 'Operating', 'Targeted'].map((i) => at(`Fund_Expense_${i}_${col}`));

testRule(rule, {
  valid: [
    { name: 'the seed’s numbers, typed', snapshot: { fields: funding() } },
    { name: 'an empty block', snapshot: {} },
    {
      name: 'parts stored as text count by their meaning',
      snapshot: {
        fields: funding({
          Fund_Expense_Personnel_Current: '\u30001546.73',
          Fund_Expense_Total_Current: '8167.74\u3000',
        }),
      },
    },
    {
      name: 'a formula total that agrees',
      snapshot: {
        fields: funding({ Fund_Expense_Total_Prev1: { value: 5347.75, formula: '=SUM(I11:I13)' } }),
      },
    },
    {
      name: 'a difference within rounding (0.005)',
      snapshot: { fields: funding({ Fund_Income_Total_Prev2: 6289.584 }) },
    },
    {
      name: 'a part that is not a number is number-required’s',
      snapshot: { fields: funding({ Fund_Income_Own_Current: '约8000' }) },
    },
  ],
  invalid: [
    {
      name: 'a typed total that is not the sum',
      snapshot: { fields: funding({ Fund_Income_Total_Current: 8000 }) },
      findings: [
        {
          cells: [at('Fund_Income_Total_Current'), ...incomeParts('Current')],
          zh: '收入构成合计（当年金额）应为 8,167.74（各项之和），当前为 8,000.00',
          en: 'should be 8,167.74 (sum of rows), found 8,000.00',
          fix: {
            address: at('Fund_Income_Total_Current'),
            value: 8167.74,
            label: { zh: '改为 8,167.74', en: 'Change to 8,167.74' },
          },
        },
      ],
    },
    {
      name: 'a history year of the expenditure block, a part stored as text',
      snapshot: {
        fields: funding({
          Fund_Expense_Operating_Prev2: '\u3000300',
        }),
      },
      findings: [
        {
          cells: [at('Fund_Expense_Total_Prev2'), ...expenseParts('Prev2')],
          zh: '（2022年金额）应为 6,332.26',
          fix: {
            address: at('Fund_Expense_Total_Prev2'),
            value: 6332.26,
            label: { zh: '改为 6,332.26', en: 'Change to 6,332.26' },
          },
        },
      ],
    },
    {
      name: 'a formula total thrown off by parts stored as text (no fix: convert the parts)',
      snapshot: {
        fields: funding({
          Fund_Income_Fiscal_Current: '\u30008167.74',
          Fund_Income_Total_Current: { value: 0, formula: '=SUM(E7:E9)' },
        }),
      },
      findings: [
        {
          cells: [at('Fund_Income_Total_Current'), ...incomeParts('Current')],
          zh: /公式结果为 0\.00，应为 8,167\.74：有金额以文本存储/,
          en: 'stored as text',
          fix: null,
        },
      ],
    },
    {
      name: 'a damaged formula total',
      snapshot: {
        fields: funding({
          Fund_Expense_Total_Current: { value: 1795.08, formula: '=SUM(E11:E12)' },
        }),
      },
      findings: [{ zh: '请检查合计公式', fix: null }],
    },
    {
      name: 'an empty typed total next to filled rows',
      snapshot: { fields: funding({ Fund_Income_Total_Prev1: null }) },
      findings: [
        {
          cells: [at('Fund_Income_Total_Prev1'), ...incomeParts('Prev1')],
          zh: '未填写，应为 5,347.75',
          fix: {
            address: at('Fund_Income_Total_Prev1'),
            value: 5347.75,
            label: { zh: '填入 5,347.75', en: 'Fill in 5,347.75' },
          },
        },
      ],
    },
    {
      name: 'a total with no rows filled',
      snapshot: { fields: { Fund_Income_Total_Current: 100 } },
      findings: [{ zh: '各项均未填写', fix: null }],
    },
    {
      name: 'a text total that is wrong gets a number',
      snapshot: { fields: funding({ Fund_Expense_Total_Prev1: '\u30005000' }) },
      findings: [
        {
          fix: {
            address: at('Fund_Expense_Total_Prev1'),
            value: 5347.75,
            label: { zh: '改为 5,347.75', en: 'Change to 5,347.75' },
          },
        },
      ],
    },
  ],
});

import { fieldAddress, testRule } from '../test-kit';
import { funding } from '../util/basic-fixtures';
import { rule } from '.';

const at = (name: string) => fieldAddress(name);

testRule(rule, {
  valid: [
    { name: 'the seed’s shares', snapshot: { fields: funding() } },
    { name: 'an empty block', snapshot: {} },
    {
      name: 'shares stored as text with the right meaning',
      snapshot: {
        fields: funding({
          Fund_Income_Fiscal_Share: '\u3000100%',
          Fund_Expense_Personnel_Share: '\u300018.94%',
        }),
      },
    },
    {
      name: 'unrounded shares (a formula without ROUND)',
      snapshot: {
        fields: funding({
          Fund_Expense_Personnel_Share: { value: 1546.73 / 8167.74, numberFormat: '0.00%' },
        }),
      },
    },
    {
      name: 'a zero total: no shares to check',
      snapshot: {
        fields: {
          Fund_Income_Fiscal_Current: 0,
          Fund_Income_Total_Current: 0,
          Fund_Income_Fiscal_Share: '50%',
        },
      },
    },
    {
      name: 'empty rows with empty shares',
      snapshot: { fields: funding({ Fund_Income_SpecialAccount_Share: null }) },
    },
    {
      name: 'formula shares thrown off by amounts stored as text (the amounts are the cause)',
      snapshot: {
        fields: funding({
          Fund_Expense_Targeted_Current: '\u30006372.66',
          Fund_Expense_Targeted_Share: { value: 0, formula: '=ROUND(N(E13)/$E$14,4)' },
        }),
      },
    },
  ],
  invalid: [
    {
      name: 'a typed share that is not amount ÷ total',
      snapshot: { fields: funding({ Fund_Expense_Personnel_Share: '20%' }) },
      findings: [
        {
          cells: [at('Fund_Expense_Personnel_Share')],
          zh: '支出构成·人员类项目支出的占比应为 18.94%（1,546.73 ÷ 8,167.74），当前为 20%',
          en: 'should be 18.94%',
          fix: {
            address: at('Fund_Expense_Personnel_Share'),
            value: 0.1894,
            label: { zh: '改为 18.94%', en: 'Change to 18.94%' },
          },
        },
      ],
    },
    {
      name: 'a share rounded to whole percent is off by more than rounding to two decimals',
      snapshot: { fields: funding({ Fund_Expense_Operating_Share: '3%' }) },
      findings: [
        {
          zh: '应为 3.04%',
          fix: {
            address: at('Fund_Expense_Operating_Share'),
            value: 0.0304,
            label: { zh: '改为 3.04%', en: 'Change to 3.04%' },
          },
        },
      ],
    },
    {
      name: 'the total row’s share is not 100%',
      snapshot: { fields: funding({ Fund_Income_Total_Share: '90%' }) },
      findings: [
        {
          cells: [at('Fund_Income_Total_Share')],
          zh: '（合计行）',
          fix: {
            address: at('Fund_Income_Total_Share'),
            value: 1,
            label: { zh: '改为 100%', en: 'Change to 100%' },
          },
        },
      ],
    },
    {
      name: 'an empty share next to an amount',
      snapshot: { fields: funding({ Fund_Expense_Targeted_Share: null }) },
      findings: [
        {
          cells: [at('Fund_Expense_Targeted_Share')],
          zh: '占比未填写，应为 78.02%',
          fix: {
            address: at('Fund_Expense_Targeted_Share'),
            value: 0.7802,
            label: { zh: '填入 78.02%', en: 'Fill in 78.02%' },
          },
        },
      ],
    },
    {
      name: 'a share typed as a bare number of points',
      snapshot: { fields: funding({ Fund_Expense_Personnel_Share: 19.5 }) },
      findings: [
        {
          zh: '当前为 19.5%',
          fix: {
            address: at('Fund_Expense_Personnel_Share'),
            value: 0.1894,
            label: { zh: '改为 18.94%', en: 'Change to 18.94%' },
          },
        },
      ],
    },
    {
      name: 'a damaged share formula (no fix: the formula needs repair)',
      snapshot: {
        fields: funding({
          Fund_Expense_Operating_Share: {
            value: 0.5,
            formula: '=ROUND(N(E12)/E13,4)',
            numberFormat: '0.00%',
          },
        }),
      },
      findings: [{ zh: '公式结果为 50%，应为 3.04%', fix: null }],
    },
    {
      name: 'shares each within rounding that do not add up to 100%',
      snapshot: {
        fields: {
          Fund_Expense_Personnel_Current: 100,
          Fund_Expense_Operating_Current: 100,
          Fund_Expense_Targeted_Current: 100,
          Fund_Expense_Total_Current: 300,
          Fund_Expense_Personnel_Share: { value: 0.33338, numberFormat: '0.000%' },
          Fund_Expense_Operating_Share: { value: 0.33338, numberFormat: '0.000%' },
          Fund_Expense_Targeted_Share: { value: 0.33338, numberFormat: '0.000%' },
          Fund_Expense_Total_Share: 1,
        },
      },
      findings: [
        {
          cells: [
            at('Fund_Expense_Personnel_Share'),
            at('Fund_Expense_Operating_Share'),
            at('Fund_Expense_Targeted_Share'),
          ],
          zh: '各项占比之和为 100.01%，应为 100%',
          fix: null,
        },
      ],
    },
  ],
});

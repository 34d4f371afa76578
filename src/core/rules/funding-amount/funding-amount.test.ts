import { fieldAddress, testRule } from '../test-kit';
import { funding } from '../util/basic-fixtures';
import { rule } from '.';

const at = (name: string) => fieldAddress(name);

testRule(rule, {
  valid: [
    { name: 'the seed’s amounts', snapshot: { fields: funding() } },
    {
      name: 'empty 财政专户管理资金 and 单位资金 mean 0',
      snapshot: {
        fields: funding({
          Fund_Income_SpecialAccount_Current: null,
          Fund_Income_Own_Current: '\u3000',
        }),
      },
    },
    {
      name: 'zero amounts and empty history years',
      snapshot: {
        fields: funding({
          Fund_Expense_Operating_Current: 0,
          Fund_Income_Fiscal_Prev2: null,
          Fund_Income_Total_Prev2: null,
        }),
      },
    },
    {
      name: 'a formula total with a long decimal tail (computed, not typed)',
      snapshot: {
        fields: funding({
          Fund_Income_Total_Current: { value: 8167.7400000001, formula: '=SUM(E7:E9)' },
        }),
      },
    },
    {
      name: 'an empty 合计 next to filled rows is funding-total’s',
      snapshot: { fields: funding({ Fund_Income_Total_Current: null }) },
    },
  ],
  invalid: [
    {
      name: 'a negative amount',
      snapshot: { fields: funding({ Fund_Expense_Operating_Prev1: -233.85 }) },
      findings: [
        {
          cells: [at('Fund_Expense_Operating_Prev1')],
          severity: 'error',
          zh: '为负数 -233.85：金额应大于或等于 0',
          fix: null,
        },
      ],
    },
    {
      name: 'more than two decimals (a warning, rounded as the fix)',
      snapshot: { fields: funding({ Fund_Income_Own_Prev2: 12.345 }) },
      findings: [
        {
          cells: [at('Fund_Income_Own_Prev2')],
          severity: 'warning',
          zh: '超过两位小数',
          fix: {
            address: at('Fund_Income_Own_Prev2'),
            value: 12.35,
            label: { zh: '改为 12.35', en: 'Change to 12.35' },
          },
        },
      ],
    },
    {
      name: 'more decimals in a number stored as text',
      snapshot: { fields: funding({ Fund_Income_Own_Prev1: '\u30001.005' }) },
      findings: [
        {
          severity: 'warning',
          fix: {
            address: at('Fund_Income_Own_Prev1'),
            value: 1.01,
            label: { zh: '改为 1.01', en: 'Change to 1.01' },
          },
        },
      ],
    },
    {
      name: '财政拨款 of the budget year missing',
      snapshot: { fields: funding({ Fund_Income_Fiscal_Current: null }) },
      findings: [
        {
          cells: [at('Fund_Income_Fiscal_Current')],
          severity: 'error',
          zh: '收入构成·财政拨款（当年金额）未填写',
        },
      ],
    },
    {
      name: 'an empty block: 财政拨款 and both totals',
      snapshot: {},
      findings: [
        { cells: [at('Fund_Income_Fiscal_Current')] },
        { cells: [at('Fund_Income_Total_Current')] },
        {
          cells: [at('Fund_Expense_Total_Current')],
          en: 'Expenditure / Total (budget year) is empty',
        },
      ],
    },
  ],
});

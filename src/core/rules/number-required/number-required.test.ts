import { fieldAddress, testRule } from '../test-kit';
import { funding } from '../util/basic-fixtures';
import { rule } from '.';

const at = (name: string) => fieldAddress(name);

testRule(rule, {
  valid: [
    { name: 'numbers everywhere', snapshot: { fields: funding() } },
    { name: 'empty cells', snapshot: {} },
    {
      name: 'numbers stored as text are numbers (number-stored-as-text reports them)',
      snapshot: {
        fields: funding({
          Fund_Income_Fiscal_Current: '\u30008167.74',
          Fund_Expense_Personnel_Share: '\u300018.94%',
        }),
      },
    },
    {
      name: 'an amount with a yuan unit',
      snapshot: { fields: funding({ Fund_Income_Own_Prev1: '300万元' }) },
    },
  ],
  invalid: [
    {
      name: 'an approximate amount',
      snapshot: { fields: funding({ Fund_Income_Own_Current: '约8000' }) },
      findings: [
        {
          cells: [at('Fund_Income_Own_Current')],
          severity: 'error',
          zh: '“约8000”不是数字，Excel 求和时会忽略它；此处应为以万元为单位的数字',
          en: '"约8000" is not a number',
          fix: null,
        },
      ],
    },
    {
      name: 'an Excel error value in a formula total',
      snapshot: {
        fields: funding({ Fund_Expense_Total_Prev2: { value: '#REF!', formula: '=SUM(#REF!)' } }),
      },
      findings: [
        {
          cells: [at('Fund_Expense_Total_Prev2')],
          zh: /显示错误值 #REF!（公式引用可能已损坏）/,
          en: 'shows the error #REF!',
        },
      ],
    },
    {
      name: 'a share that is a word, a comparison in an amount, an amount in dollars',
      snapshot: {
        fields: funding({
          Fund_Income_Fiscal_Share: '全部',
          Fund_Income_Fiscal_Prev2: '≥6000',
          Fund_Income_Fiscal_Prev1: '800万美元',
        }),
      },
      findings: [
        { cells: [at('Fund_Income_Fiscal_Share')], zh: '百分比数字' },
        { cells: [at('Fund_Income_Fiscal_Prev2')], zh: '“≥6000”不是数字' },
        { cells: [at('Fund_Income_Fiscal_Prev1')], zh: '“800万美元”不是数字' },
      ],
    },
    {
      name: 'a broken number',
      snapshot: { fields: funding({ Fund_Expense_Operating_Current: '248..35' }) },
      findings: [
        { cells: [at('Fund_Expense_Operating_Current')], en: '"248..35" is not a number' },
      ],
    },
  ],
});

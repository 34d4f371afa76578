import { fieldAddress, testRule } from '../test-kit';
import { funding } from '../util/basic-fixtures';
import { rule } from '.';

const at = (name: string) => fieldAddress(name);

testRule(rule, {
  valid: [
    { name: 'income equals expenditure every year', snapshot: { fields: funding() } },
    { name: 'an empty block', snapshot: {} },
    {
      name: 'only one block filled',
      snapshot: { fields: { Fund_Income_Fiscal_Current: 100, Fund_Income_Total_Current: 100 } },
    },
    {
      name: 'totals stored as text, same meaning',
      snapshot: { fields: funding({ Fund_Income_Total_Current: '\u30008167.74' }) },
    },
    {
      name: 'a formula total showing 0 because its parts are text: the parts count',
      snapshot: {
        fields: funding({
          Fund_Income_Fiscal_Current: '\u30008167.74',
          Fund_Income_Total_Current: { value: 0, formula: '=SUM(E7:E9)' },
        }),
      },
    },
  ],
  invalid: [
    {
      name: 'the budget-year totals differ',
      snapshot: {
        fields: funding({
          Fund_Expense_Targeted_Current: 6000,
          Fund_Expense_Total_Current: 7795.08,
        }),
      },
      findings: [
        {
          cells: [at('Fund_Income_Total_Current'), at('Fund_Expense_Total_Current')],
          zh: '收入合计 8,167.74 与支出合计 7,795.08（当年金额）不相等，相差 372.66',
          en: 'differ by 372.66',
          fix: null,
        },
      ],
    },
    {
      name: 'a history year differs',
      snapshot: {
        fields: funding({ Fund_Income_Fiscal_Prev1: 5000, Fund_Income_Total_Prev1: 5000 }),
      },
      findings: [
        {
          cells: [at('Fund_Income_Total_Prev1'), at('Fund_Expense_Total_Prev1')],
          zh: '（2023年金额）',
        },
      ],
    },
    {
      name: 'an empty total counts as the sum of its rows',
      snapshot: {
        fields: funding({ Fund_Expense_Total_Prev2: null, Fund_Expense_Operating_Prev2: 0 }),
      },
      findings: [{ zh: '支出合计 6,032.26（2022年金额）' }],
    },
  ],
});

import { runRule } from '../engine';
import { fieldAddress, makeSnapshot, testRule } from '../test-kit';
import { funding } from '../util/basic-fixtures';
import { rule } from '.';

const at = (name: string) => fieldAddress(name);

testRule(rule, {
  valid: [
    { name: 'amounts and shares typed as numbers', snapshot: { fields: funding() } },
    { name: 'an empty form', snapshot: {} },
    {
      name: 'a cell holding only an ideographic space (empty, nothing to convert)',
      snapshot: { fields: funding({ Fund_Income_Own_Current: '\u3000' }) },
    },
    {
      name: 'a formula total whose parts are numbers',
      snapshot: {
        fields: funding({
          Fund_Income_Total_Current: { value: 8167.74, formula: '=SUM(E7:E9)' },
        }),
      },
    },
    {
      name: 'text that is no number at all is not this rule’s (number-required)',
      snapshot: { fields: funding({ Fund_Income_Own_Current: '约8000' }) },
    },
    { name: 'the budget year as a number', snapshot: { fields: { BudgetYear: 2024 } } },
  ],
  invalid: [
    {
      name: 'an amount with a leading ideographic space',
      snapshot: { fields: funding({ Fund_Income_Fiscal_Current: '\u30008167.74' }) },
      findings: [
        {
          cells: [at('Fund_Income_Fiscal_Current')],
          zh: /全角空格.*Excel 求和时会忽略它；应为数字 8,167\.74/,
          en: /Excel ignores in sums; it should be the number 8,167\.74/,
          fix: {
            address: at('Fund_Income_Fiscal_Current'),
            value: 8167.74,
            label: { zh: '转换为数字 8,167.74', en: 'Convert to the number 8,167.74' },
          },
        },
      ],
    },
    {
      name: 'full-width digits, a trailing ideographic space, a history year',
      snapshot: {
        fields: funding({
          Fund_Expense_Personnel_Current: '１５４６．７３',
          Fund_Expense_Personnel_Prev2: '1648.54\u3000',
        }),
      },
      findings: [
        {
          cells: [at('Fund_Expense_Personnel_Current')],
          zh: '全角数字',
          fix: {
            address: at('Fund_Expense_Personnel_Current'),
            value: 1546.73,
            label: { zh: '转换为数字 1,546.73', en: 'Convert to the number 1,546.73' },
          },
        },
        {
          cells: [at('Fund_Expense_Personnel_Prev2')],
          zh: '（2022年金额）',
          fix: {
            address: at('Fund_Expense_Personnel_Prev2'),
            value: 1648.54,
            label: { zh: '转换为数字 1,648.54', en: 'Convert to the number 1,648.54' },
          },
        },
      ],
    },
    {
      name: 'thousands separators with a non-breaking space',
      snapshot: { fields: funding({ Fund_Income_Total_Prev1: '5,347.75\u00a0' }) },
      findings: [
        {
          cells: [at('Fund_Income_Total_Prev1')],
          fix: {
            address: at('Fund_Income_Total_Prev1'),
            value: 5347.75,
            label: { zh: '转换为数字 5,347.75', en: 'Convert to the number 5,347.75' },
          },
        },
      ],
    },
    {
      name: 'a share typed as text becomes the fraction',
      snapshot: { fields: funding({ Fund_Expense_Personnel_Share: '\u300018.94%' }) },
      findings: [
        {
          cells: [at('Fund_Expense_Personnel_Share')],
          zh: '应为数字 18.94%',
          fix: {
            address: at('Fund_Expense_Personnel_Share'),
            value: 0.1894,
            label: { zh: '转换为数字 18.94%', en: 'Convert to the number 18.94%' },
          },
        },
      ],
    },
    {
      name: 'a full-width percentage in a share',
      snapshot: { fields: funding({ Fund_Income_Total_Share: '１００％' }) },
      findings: [
        {
          cells: [at('Fund_Income_Total_Share')],
          fix: {
            address: at('Fund_Income_Total_Share'),
            value: 1,
            label: { zh: '转换为数字 100%', en: 'Convert to the number 100%' },
          },
        },
      ],
    },
    {
      name: 'an amount written with a unit converts to 万元',
      snapshot: { fields: funding({ Fund_Income_Own_Prev2: '1.5亿元' }) },
      findings: [
        {
          cells: [at('Fund_Income_Own_Prev2')],
          zh: '带有单位',
          fix: {
            address: at('Fund_Income_Own_Prev2'),
            value: 15000,
            label: { zh: '转换为数字 15,000.00', en: 'Convert to the number 15,000.00' },
          },
        },
      ],
    },
    {
      name: 'the budget year typed with full-width digits',
      snapshot: { fields: { BudgetYear: '２０２４' } },
      findings: [
        {
          cells: [at('BudgetYear')],
          zh: '预算年度',
          fix: {
            address: at('BudgetYear'),
            value: 2024,
            label: { zh: '转换为数字 2024', en: 'Convert to the number 2024' },
          },
        },
      ],
    },
    {
      name: 'the budget year typed as 2024年',
      snapshot: { fields: { BudgetYear: '2024年' } },
      findings: [
        {
          cells: [at('BudgetYear')],
          fix: {
            address: at('BudgetYear'),
            value: 2024,
            label: { zh: '转换为数字 2024', en: 'Convert to the number 2024' },
          },
        },
      ],
    },
  ],
});

describe('number-stored-as-text, beyond the table', () => {
  it('reports the budget-year finding in the header section', () => {
    const [f] = runRule(rule, makeSnapshot({ fields: { BudgetYear: '\u30002024' } }));
    expect(f.section).toBe('header');
    const [g] = runRule(
      rule,
      makeSnapshot({ fields: funding({ Fund_Income_Fiscal_Current: '\u30008167.74' }) }),
    );
    expect(g.section).toBe('funding');
  });
});

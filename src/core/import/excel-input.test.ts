import { excelTypedValue } from './excel-input';

describe('excelTypedValue (what Excel stores for typed text)', () => {
  it.each([
    ['8167.74', { value: 8167.74 }],
    [' 8167.74 ', { value: 8167.74 }],
    ['8,167.74', { value: 8167.74, numberFormat: '#,##0.00' }],
    ['18.94%', { value: 0.1894, numberFormat: '0.00%' }],
    ['100%', { value: 1, numberFormat: '0%' }],
    ['\u30008167.74', { value: '\u30008167.74' }],
    ['6289.58\u3000', { value: '6289.58\u3000' }],
    ['\u3000100%', { value: '\u3000100%' }],
    ['18.94 %', { value: 0.1894, numberFormat: '0.00%' }],
    ['８１６７．７４', { value: '８１６７．７４' }],
    ["'2024", { value: '2024', numberFormat: '@' }],
    ['=SUM(E7:E9)', { value: null, formula: '=SUM(E7:E9)' }],
    ['', { value: null }],
    ['计划标准', { value: '计划标准' }],
    ['58.7亿元人民币', { value: '58.7亿元人民币' }],
  ])('%j', (input, expected) => {
    expect(excelTypedValue(input)).toEqual(expected);
  });
});

import { formatAmount, formatNumber, formatParsed, formatPercent, toCellNumber } from './format';
import { parseCell } from './parse';
import type { Unit } from './types';

const WAN: Unit = { text: '万元', currency: 'CNY', magnitude: 1e4 };
const YI: Unit = { text: '亿元', currency: 'CNY', magnitude: 1e8 };

describe('formatNumber', () => {
  test.each([
    [8167.74, undefined, '8167.74'],
    [8167.7, 2, '8167.7'],
    [1.005, 2, '1.01'],
    [-1.005, 2, '-1.01'],
    [0.1 + 0.2, 2, '0.3'],
    [1e21, undefined, '1000000000000000000000'],
    [1e-7, undefined, '0.0000001'],
    [-0, undefined, '0'],
    [2.5, 0, '3'],
  ])('%p with %p decimals → %s', (n, decimals, expected) => {
    expect(formatNumber(n, decimals)).toBe(expected);
  });
});

describe('formatPercent', () => {
  test.each([
    [18.94, '18.94%'],
    [100, '100%'],
    [9.8, '9.8%'],
    [0.4, '0.4%'],
    [18.9449, '18.94%'],
    [0.1894 * 100, '18.94%'],
  ])('%p → %s', (points, expected) => {
    expect(formatPercent(points)).toBe(expected);
  });
  test('more decimals on request', () => {
    expect(formatPercent(33.33333, 4)).toBe('33.3333%');
  });
});

describe('formatAmount', () => {
  test('writes the unit after the number', () => {
    expect(formatAmount(58.7, YI)).toBe('58.7亿元');
    expect(formatAmount(64.5699, YI, 2)).toBe('64.57亿元');
  });
});

describe('formatParsed', () => {
  test.each([
    ['　8167.74', '8167.74'],
    ['１８．９４％', '18.94%'],
    ['58.7亿元人民币', '58.7亿元'],
    ['同比增长10%', '增长10%'],
    ['减少2.5%', '下降2.5%'],
    ['＞＝90%', '≥90%'],
    ['不少于100万元', '≥100万元'],
    ['　健全', '健全'],
    ['初步完成成品油云监管平台建设', '初步完成成品油云监管平台建设'],
    ['#REF!', '#REF!'],
    ['12..5', '12..5'],
    ['　', ''],
  ])('%j → %j and reads back the same', (input, canonical) => {
    const parsed = parseCell({ value: input });
    expect(formatParsed(parsed)).toBe(canonical);
    expect(parseCell({ value: canonical })).toEqual(parsed);
  });
});

describe('toCellNumber', () => {
  test.each([
    ['　8167.74', 8167.74],
    ['6289.58　', 6289.58],
    ['８１６７．７４', 8167.74],
    ['18.94%', 0.1894],
    ['　１８．９４％', 0.1894],
    ['100%', 1],
    ['3.04%', 0.0304],
    ['8,167.74', 8167.74],
  ])('%j → %p', (input, expected) => {
    expect(toCellNumber(input)).toBe(expected);
  });

  test('accepts a parsed value or a JS number', () => {
    expect(toCellNumber(parseCell({ value: 0.7802, numberFormat: '0.00%' }))).toBe(0.7802);
    expect(toCellNumber(248.35)).toBe(248.35);
  });

  test('converts an amount only into a unit of the same currency', () => {
    expect(toCellNumber('1.5亿元', WAN)).toBe(15000);
    expect(toCellNumber('8167.74万元', WAN)).toBe(8167.74);
    expect(toCellNumber('8167.74万元')).toBeNull();
    expect(toCellNumber('100万美元', WAN)).toBeNull();
  });

  test('is null for what is not one number', () => {
    for (const value of ['增长7.5%', '≥95%', '健全', '……', '12..5', '#REF!', '', null, true]) {
      expect(toCellNumber(value)).toBeNull();
    }
  });
});

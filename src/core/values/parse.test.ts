import { parseCell } from './parse';
import type { NumericValue, Operator, ParsedValue, RawCell, Unit, ValueHint } from './types';

const CNY = (text: string, magnitude: number): Unit => ({ text, currency: 'CNY', magnitude });
const USD = (text: string, magnitude: number): Unit => ({ text, currency: 'USD', magnitude });

type Case = [label: string, raw: RawCell, expected: ParsedValue, hint?: ValueHint];

/** Text cells as the seed form (鄂州市商务局 2024) and users write them. */
const cases: Case[] = [
  // numbers stored as text
  ['U+3000 before', { value: '　8167.74' }, { kind: 'number', value: 8167.74, storedAsText: true }],
  ['U+3000 after', { value: '6289.58　' }, { kind: 'number', value: 6289.58, storedAsText: true }],
  ['tab and NBSP', { value: '\t\u00a01546.73\n' }, num(1546.73)],
  ['full-width digits', { value: '８１６７．７４' }, num(8167.74)],
  ['thousands comma', { value: '8,167.74' }, num(8167.74)],
  ['full-width comma', { value: '8，167.74' }, num(8167.74)],
  ['space as thousands separator', { value: '8 167.74' }, num(8167.74)],
  ['leading plus', { value: '+5' }, num(5)],
  ['minus sign U+2212', { value: '−5' }, num(-5)],
  ['full-width minus', { value: '－５' }, num(-5)],
  ['zero-width space inside', { value: '81\u200b67.74' }, num(8167.74)],
  ['trailing dot', { value: '5.' }, num(5)],
  // numbers Excel holds
  ['JS number', { value: 8167.74 }, { kind: 'number', value: 8167.74, storedAsText: false }],
  ['JS number, formula', { value: 100, formula: '=SUM(B2:B4)' }, numCell(100)],
  // percentages
  ['percent text', { value: '18.94%' }, pct(18.94)],
  ['percent with U+3000', { value: '　18.94%' }, pct(18.94)],
  ['full-width percent', { value: '１８．９４％' }, pct(18.94)],
  ['100%', { value: '100%' }, pct(100)],
  ['0%', { value: '0%' }, pct(0)],
  ['space before %', { value: '3.04 %' }, pct(3.04)],
  ['fraction with % format', { value: 0.1894, numberFormat: '0.00%' }, pctCell(18.94)],
  [
    'fraction with % format and colour',
    { value: 0.0304, numberFormat: '[Red]0.00%' },
    pctCell(3.04),
  ],
  ['"%" quoted in format is a literal', { value: 5, numberFormat: '0"%"' }, numCell(5)],
  ['hint percent, fraction', { value: 0.1894 }, pctCell(18.94), 'percent'],
  ['hint percent, points', { value: 18.94 }, pctCell(18.94), 'percent'],
  ['hint percent, 1 is 100%', { value: 1 }, pctCell(100), 'percent'],
  ['hint percent, text fraction', { value: '　0.7802' }, pct(78.02), 'percent'],
  ['hint percent, text points', { value: '88.86' }, pct(88.86), 'percent'],
  ['hint number keeps a bare number', { value: '　0.7802' }, num(0.7802), 'number'],
  ['hint number still reads a percent', { value: '18.94%' }, pct(18.94), 'number'],
  // amounts
  ['亿元人民币', { value: '58.7亿元人民币' }, amt(58.7, CNY('亿元', 1e8))],
  ['亿美元', { value: '1050.72亿美元' }, amt(1050.72, USD('亿美元', 1e8))],
  ['万美元', { value: '1155.8万美元' }, amt(1155.8, USD('万美元', 1e4))],
  ['万元', { value: '8167.74万元' }, amt(8167.74, CNY('万元', 1e4))],
  ['元', { value: '500元' }, amt(500, CNY('元', 1))],
  ['亿元', { value: '3亿元' }, amt(3, CNY('亿元', 1e8))],
  ['2万美元', { value: '2万美元' }, amt(2, USD('万美元', 1e4))],
  ['美元', { value: '100美元' }, amt(100, USD('美元', 1))],
  ['人民币 before', { value: '人民币58.7亿元' }, amt(58.7, CNY('亿元', 1e8))],
  ['亿人民币', { value: '65.7亿人民币' }, amt(65.7, CNY('亿元', 1e8))],
  ['full-width amount with spaces', { value: '　５８．７ 亿元　' }, amt(58.7, CNY('亿元', 1e8))],
  ['yuan sign', { value: '￥500' }, amt(500, CNY('元', 1))],
  ['JS number with 万元 format', { value: 8167.74, numberFormat: '0.00"万元"' }, amtCell(8167.74)],
  // growth
  ['增长', { value: '增长7.5%' }, { kind: 'growth', value: 7.5 }],
  ['同比增长', { value: '同比增长10%' }, { kind: 'growth', value: 10 }],
  ['增长 … 左右', { value: '增长 12% 左右' }, { kind: 'growth', value: 12 }],
  ['下降', { value: '下降3%' }, { kind: 'growth', value: -3 }],
  ['减少', { value: '减少2.5%' }, { kind: 'growth', value: -2.5 }],
  ['增幅', { value: '增幅10%' }, { kind: 'growth', value: 10 }],
  ['signed growth', { value: '增长-3%' }, { kind: 'growth', value: -3 }],
  ['下降 with a redundant minus', { value: '下降-3%' }, { kind: 'growth', value: -3 }],
  ['较上年增长, full-width', { value: '较上年增长６．５％' }, { kind: 'growth', value: 6.5 }],
  // comparisons
  ['≥', { value: '≥95%' }, cmp('≥', pct(95))],
  ['>=', { value: '>=95%' }, cmp('≥', pct(95))],
  ['full-width >', { value: '＞0' }, cmp('>', num(0))],
  ['full-width >=', { value: '＞＝90%' }, cmp('≥', pct(90))],
  ['不低于', { value: '不低于90%' }, cmp('≥', pct(90))],
  ['不少于 an amount', { value: '不少于100万元' }, cmp('≥', amt(100, CNY('万元', 1e4)))],
  ['大于', { value: '大于80%' }, cmp('>', pct(80))],
  ['大于等于 wins over 大于', { value: '大于等于80%' }, cmp('≥', pct(80))],
  ['不高于', { value: '不高于5%' }, cmp('≤', pct(5))],
  ['不超过', { value: '不超过5%' }, cmp('≤', pct(5))],
  ['≤', { value: '≤ 10%' }, cmp('≤', pct(10))],
  ['full-width <', { value: '＜3%' }, cmp('<', pct(3))],
  ['小于', { value: '小于3' }, cmp('<', num(3))],
  ['等于', { value: '等于100%' }, cmp('=', pct(100))],
  ['以上 after the value', { value: '95%以上' }, cmp('≥', pct(95))],
  ['以内 after the value', { value: '3%以内' }, cmp('≤', pct(3))],
  ['hint percent applies to the operand', { value: '≥95' }, cmp('≥', pct(95)), 'percent'],
  // grades
  ['健全', { value: '健全' }, grade('健全')],
  ['规范', { value: '规范' }, grade('规范')],
  ['科学', { value: '科学' }, grade('科学')],
  ['合理', { value: '合理' }, grade('合理')],
  ['完全相符', { value: '完全相符' }, grade('完全相符')],
  ['完全合规', { value: '完全合规' }, grade('完全合规')],
  ['促进', { value: '促进' }, grade('促进')],
  ['有效提升', { value: '有效提升' }, grade('有效提升')],
  ['成效显著', { value: '成效显著' }, grade('成效显著')],
  ['稳步推进', { value: '稳步推进' }, grade('稳步推进')],
  ['良好', { value: '良好' }, grade('良好')],
  ['优秀', { value: '优秀' }, grade('优秀')],
  ['达标', { value: '达标' }, grade('达标')],
  ['是', { value: '是' }, grade('是')],
  ['否', { value: '否' }, grade('否')],
  ['modifier + grade', { value: '基本健全' }, grade('基本健全')],
  ['negated grade', { value: '不规范' }, grade('不规范')],
  ['grade with U+3000 and full stop', { value: '　健全。' }, grade('健全')],
  // text
  ['sentence', { value: '初步完成成品油云监管平台建设' }, text('初步完成成品油云监管平台建设')],
  [
    'sentence with commas',
    { value: '稳定市场，促进再就业，扩大消费' },
    text('稳定市场，促进再就业，扩大消费'),
  ],
  ['placeholder', { value: '\t……' }, text('……')],
  [
    'conversion residue is kept',
    { value: '[bookmark: _GoBack]“三公”经费变动率' },
    text('[bookmark: _GoBack]“三公”经费变动率'),
  ],
  ['label with a unit', { value: '完成外贸进出口亿元人民币' }, text('完成外贸进出口亿元人民币')],
  ['magnitude without currency', { value: '58.7亿' }, text('58.7亿')],
  ['a count', { value: '3个' }, text('3个')],
  ['operator alone', { value: '大于' }, text('大于')],
  ['hint text keeps a number as text', { value: '　8167.74' }, text('8167.74'), 'text'],
  ['hint text keeps a JS number as text', { value: 8167.74 }, text('8167.74'), 'text'],
  [
    'hint text, %-formatted number',
    { value: 0.1894, numberFormat: '0.00%' },
    text('18.94%'),
    'text',
  ],
  ['hint text keeps a growth as text', { value: '增长7.5%' }, text('增长7.5%'), 'text'],
  ['hint text still sees a grade', { value: '健全' }, grade('健全'), 'text'],
  ['boolean true', { value: true }, text('TRUE')],
  ['boolean false', { value: false }, text('FALSE')],
  ['inner line breaks kept in text', { value: '　第一行\n第二行　' }, text('第一行\n第二行')],
  // empty
  ['null', { value: null }, { kind: 'empty' }],
  ["''", { value: '' }, { kind: 'empty' }],
  ['spaces', { value: '   ' }, { kind: 'empty' }],
  ['U+3000', { value: '\t　' }, { kind: 'empty' }],
  ['NBSP and zero-width', { value: '\u00a0\u200b' }, { kind: 'empty' }],
  ['hint text, empty', { value: '　' }, { kind: 'empty' }, 'text'],
  // Excel errors
  ...['#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#N/A', '#NUM!', '#NULL!', '#SPILL!', '#CALC!'].map(
    (code): Case => [code, { value: code }, { kind: 'error', code }],
  ),
  ['lower-case error', { value: '#n/a' }, { kind: 'error', code: '#N/A' }],
  ['error under hint text', { value: '#REF!' }, { kind: 'error', code: '#REF!' }, 'text'],
  // broken numbers
  ['double dot', { value: '12..5' }, bad('12..5')],
  ['list with percent', { value: '1,2,3%' }, bad('1,2,3%')],
  ['two decimal points', { value: '8167.74.5' }, bad('8167.74.5')],
  ['double minus', { value: '--5' }, bad('--5')],
  ['bad thousands grouping', { value: '1,23,456' }, bad('1,23,456')],
  ['broken amount', { value: '58..7亿元' }, bad('58..7亿元')],
  ['broken growth', { value: '增长7..5%' }, bad('增长7..5%')],
  ['broken comparison', { value: '≥9.5.%' }, bad('≥9.5.%')],
  ['digits split by a space', { value: '1 2' }, bad('1 2')],
  ['keeps the original text', { value: '　１２．．５' }, bad('１２．．５')],
  ['NaN', { value: NaN }, bad('NaN')],
  ['Infinity', { value: Infinity }, bad('Infinity')],
];

describe('parseCell', () => {
  // Rest parameters: a callback with more declared parameters than the row would be taken as `done`.
  test.each(cases)('%s', (...[, raw, expected, hint]: Case) => {
    expect(parseCell(raw, hint)).toEqual(expected);
  });

  test('0.1894 as a percentage is exactly 18.94, with no floating noise', () => {
    const v = parseCell({ value: 0.1894, numberFormat: '0.00%' });
    expect(v.kind === 'percent' && v.value).toBe(18.94);
    const w = parseCell({ value: 0.0701 }, 'percent');
    expect(w.kind === 'percent' && w.value).toBe(7.01);
  });

  test('万美元 and 亿美元 differ by 10,000 in magnitude', () => {
    const a = parseCell({ value: '1050.72亿美元' });
    const b = parseCell({ value: '1155.8万美元' });
    expect(a.kind === 'amount' && b.kind === 'amount').toBe(true);
    if (a.kind === 'amount' && b.kind === 'amount') {
      expect(a.unit.currency).toBe(b.unit.currency);
      expect(a.unit.magnitude / b.unit.magnitude).toBe(1e4);
    }
  });

  test('a value in the seed read with each hint never throws and text hint never reinterprets', () => {
    const seed = [
      '　8167.74',
      '　100%',
      '58.7亿元人民币',
      '增长7.5%',
      '完全相符',
      '……',
      '027-60265422　',
    ];
    for (const value of seed) {
      expect(['empty', 'grade', 'text', 'error']).toContain(parseCell({ value }, 'text').kind);
      for (const hint of ['number', 'percent', 'indicator'] as const) {
        expect(() => parseCell({ value }, hint)).not.toThrow();
      }
    }
  });

  test('survives values outside the type: undefined, objects, symbols', () => {
    const odd = [undefined, {}, [], Symbol('x'), 10n] as unknown as RawCell['value'][];
    for (const value of odd) expect(() => parseCell({ value })).not.toThrow();
    expect(parseCell(undefined as unknown as RawCell)).toEqual({ kind: 'empty' });
  });

  test('runs in linear time on long hostile input', () => {
    const hostile = [
      '1'.repeat(200_000) + 'x',
      '1,'.repeat(100_000) + '%',
      '.'.repeat(200_000) + 'x',
      ' '.repeat(200_000) + 'x',
      '增长'.repeat(50_000) + '%',
      '<br '.repeat(50_000),
      '[bookmark:'.repeat(20_000),
      '1 '.repeat(100_000) + '234',
      '\ud800'.repeat(100_000),
    ];
    const start = Date.now();
    for (const value of hostile) {
      for (const hint of ['indicator', 'text', 'percent'] as const) parseCell({ value }, hint);
      parseCell({ value: 1, numberFormat: value });
    }
    expect(Date.now() - start).toBeLessThan(3000);
  });
});

function num(value: number): NumericValue {
  return { kind: 'number', value, storedAsText: true };
}
function numCell(value: number): NumericValue {
  return { kind: 'number', value, storedAsText: false };
}
function pct(value: number): NumericValue {
  return { kind: 'percent', value, storedAsText: true };
}
function pctCell(value: number): NumericValue {
  return { kind: 'percent', value, storedAsText: false };
}
function amt(value: number, unit: Unit): NumericValue {
  return { kind: 'amount', value, unit, storedAsText: true };
}
function amtCell(value: number): NumericValue {
  return { kind: 'amount', value, unit: CNY('万元', 1e4), storedAsText: false };
}
function cmp(op: Operator, operand: NumericValue): ParsedValue {
  return { kind: 'comparison', op, operand };
}
function grade(t: string): ParsedValue {
  return { kind: 'grade', text: t };
}
function text(t: string): ParsedValue {
  return { kind: 'text', text: t };
}
function bad(t: string): ParsedValue {
  return { kind: 'unparseable', text: t };
}

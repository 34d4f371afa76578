import { sameUnit, toBase, unitInText } from './units';

describe('unitInText', () => {
  test.each([
    ['完成实际利用外资万美元', '万美元', 'USD', 1e4],
    ['完成外贸进出口亿元人民币', '亿元', 'CNY', 1e8],
    ['单位：万元', '万元', 'CNY', 1e4],
    ['（单位：万元）', '万元', 'CNY', 1e4],
    ['投资额（亿人民币）', '亿元', 'CNY', 1e8],
    ['人均补贴元', '元', 'CNY', 1],
    ['以美元计', '美元', 'USD', 1],
    ['原为万元，现改为亿元', '亿元', 'CNY', 1e8],
  ])('%s → %s', (label, text, currency, magnitude) => {
    expect(unitInText(label)).toEqual({ text, currency, magnitude });
  });

  test.each(['社会消费品零售总额增长率', '多元化经营', '公元纪年', '元旦活动开展率', ''])(
    '%j names no money unit',
    (label) => {
      expect(unitInText(label)).toBeNull();
    },
  );
});

describe('toBase', () => {
  test('brings 亿美元 and 万美元 to dollars', () => {
    const yi = { text: '亿美元', currency: 'USD' as const, magnitude: 1e8 };
    const wan = { text: '万美元', currency: 'USD' as const, magnitude: 1e4 };
    expect(toBase({ value: 1050.72, unit: yi })).toEqual({ value: 105072000000, currency: 'USD' });
    expect(toBase({ value: 1155.8, unit: wan })).toEqual({ value: 11558000, currency: 'USD' });
    expect(sameUnit(yi, wan)).toBe(false);
  });
});

import { hasResidue, normalizeText, stripResidue, trimBlank } from './normalize';

describe('normalizeText', () => {
  test.each([
    ['　8167.74', '8167.74'],
    ['6289.58　', '6289.58'],
    ['８１６７．７４', '8167.74'],
    ['１８．９４％', '18.94%'],
    ['＋５，＜＞＝（万元）：', '+5,<>=(万元):'],
    ['－5', '-5'],
    ['−5', '-5'],
    ['≧90%', '≥90%'],
    ['\t 合 \u00a0计 \n', '合 计'],
    ['合\u3000\u3000计', '合 计'],
    ['8 167.74', '8167.74'],
    ['1 000 000', '1000000'],
    ['2022 2023', '2022 2023'],
    ['81\u200b67', '8167'],
    ['a\u0000b\u0007c', 'abc'],
    ['\u2009\u202f\ufeff', ''],
    ['ＡＢＣ　ａｂｃ', 'ABC abc'],
    ['“三公”经费变动率', '“三公”经费变动率'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  test('keeps lone surrogates and does not throw on them', () => {
    expect(normalizeText('\ud800a\udc00')).toBe('\ud800a\udc00');
  });
});

describe('trimBlank', () => {
  test('removes outer U+3000, NBSP, tabs and zero-width marks only', () => {
    expect(trimBlank('\t　\u200b稳定市场，\n扩大消费\u00a0　')).toBe('稳定市场，\n扩大消费');
  });
});

describe('hasResidue', () => {
  test.each([
    ['[bookmark: _GoBack]“三公”经费变动率', '[bookmark: _GoBack]'],
    ['文本[bookmark:_Toc123]', '[bookmark:_Toc123]'],
    ['第一行<br>第二行', '<br>'],
    ['第一行<br/>第二行', '<br/>'],
    ['<w:t xml:space="preserve">文本</w:t>', '<w:t xml:space="preserve">'],
    ['合&nbsp;计', '&nbsp;'],
    ['A&amp;B', '&amp;'],
    ['&#160;1', '&#160;'],
    ['[image: 图片1.png]', '[image: 图片1.png]'],
    ['PAGE \\* MERGEFORMAT', '\\* MERGEFORMAT'],
  ])('%j has %j', (input, residue) => {
    expect(hasResidue(input)).toBe(residue);
  });

  test.each([
    '“三公”经费变动率',
    '≥95%',
    '<5%',
    'a < b > c',
    '[1] 参考文件',
    '进出口65.7亿元，同比增长12%',
    'R&D投入',
  ])('%j has none', (input) => {
    expect(hasResidue(input)).toBeNull();
  });
});

describe('stripResidue', () => {
  test.each([
    ['[bookmark: _GoBack]“三公”经费变动率', '“三公”经费变动率'],
    ['第一行<br>第二行', '第一行\n第二行'],
    ['<w:p><w:t>文本</w:t></w:p>', '文本'],
    ['合&nbsp;计', '合 计'],
    ['A&amp;B&lt;C&gt;', 'A&B<C>'],
    ['&#x3000;8167.74', ' 8167.74'],
    ['　8167.74', '　8167.74'],
  ])('%j → %j', (input, expected) => {
    expect(stripResidue(input)).toBe(expected);
    expect(hasResidue(stripResidue(input))).toBeNull();
  });
});

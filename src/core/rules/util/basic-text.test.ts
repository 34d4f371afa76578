import { BASIS_CHOICES, CATEGORY_CHOICES, LEVEL1_CHOICES } from '../../form/spec';
import {
  compact,
  editDistance,
  isPlaceholderText,
  nearMiss,
  preview,
  withoutResidue,
} from './basic-text';

describe('compact', () => {
  it('drops every kind of blank and makes full-width characters half-width', () => {
    expect(compact('履职\n效能')).toBe('履职效能');
    expect(compact('合 \u00a0计')).toBe('合计');
    expect(compact('\u3000核心业务产出３\u3000')).toBe('核心业务产出3');
    expect(compact('')).toBe('');
  });
});

describe('isPlaceholderText', () => {
  it.each(['……', '…', '...', '。。。', '——', '-', '略', '等', '⋯⋯'])('%s is a placeholder', (s) =>
    expect(isPlaceholderText(compact(s))).toBe(true),
  );
  it.each(['', '等等级', '计划标准', '0', '略有增长', '-5%'])('%s is not', (s) =>
    expect(isPlaceholderText(compact(s))).toBe(false),
  );
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions, and stops past the limit', () => {
    expect(editDistance('绩效创新性', '绩效创新型', 2)).toBe(1);
    expect(editDistance('可持续发展', '可持续发展能力', 2)).toBe(2);
    expect(editDistance('abc', 'abc', 1)).toBe(0);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcd', 1)).toBe(2);
  });
});

describe('nearMiss', () => {
  it('finds the one choice a near miss stands for', () => {
    expect(nearMiss('绩效创新性', CATEGORY_CHOICES)).toBe('绩效创新型');
    expect(nearMiss('基本型', CATEGORY_CHOICES)).toBe('绩效基本型');
    expect(nearMiss('运行成本类', LEVEL1_CHOICES)).toBe('运行成本');
    expect(nearMiss('其它标准', BASIS_CHOICES)).toBe('其他标准');
    expect(nearMiss('计划', BASIS_CHOICES)).toBe('计划标准');
    expect(nearMiss('社会效益', LEVEL1_CHOICES)).toBe('社会效应');
  });
  it('gives nothing for an exact choice, a tie or a value far from all', () => {
    expect(nearMiss('绩效基本型', CATEGORY_CHOICES)).toBeNull();
    expect(nearMiss('绩效型', CATEGORY_CHOICES)).toBeNull();
    expect(nearMiss('产出指标', LEVEL1_CHOICES)).toBeNull();
    expect(nearMiss('标准', BASIS_CHOICES)).toBeNull();
    expect(nearMiss('', BASIS_CHOICES)).toBeNull();
  });
  it('uses known variants first', () => {
    expect(nearMiss('x', ['a', 'b'], { x: 'b' })).toBe('b');
  });
});

describe('preview and withoutResidue', () => {
  it('shortens long text for messages', () => {
    expect(preview('\u3000一二三\n\n四五\u3000')).toBe('一二三 四五');
    expect(preview('一二三四五六', 3)).toBe('一二三…');
  });
  it('removes residue and keeps everything else', () => {
    expect(withoutResidue('[bookmark: _GoBack]“三公”经费变动率')).toBe('“三公”经费变动率');
    expect(withoutResidue('\u3000计划标准\u0007')).toBe('\u3000计划标准');
    expect(withoutResidue('a\uFFFDb&amp;c')).toBe('ab&c');
  });
});

/**
 * Money units as the form writes them: 元, 万元, 亿元, 美元, 万美元, 亿美元 … with or without
 * 人民币, so that `1050.72亿美元` and a label saying 万美元 can be compared.
 */
import { denoise } from './numeric';
import { normalizeText } from './normalize';
import type { Currency, Unit } from './types';

/** Magnitude words (before 元/美元, or a counted word: 万人次) and the multiplier each stands for. */
export const MAGNITUDES: Readonly<Record<string, number>> = {
  '': 1,
  千: 1e3,
  万: 1e4,
  十万: 1e5,
  百万: 1e6,
  千万: 1e7,
  亿: 1e8,
  万亿: 1e12,
};

/** The magnitude words as regex alternatives, longest first (万亿 wins over 万, 千万 over 千). */
export const MAGNITUDE_ALTERNATIVES = '万亿|十万|百万|千万|千|万|亿';

/** Build a {@link Unit} from a magnitude word ('' | 万 | 亿 …) and a currency. */
export function makeUnit(magnitudeWord: string, currency: Currency): Unit {
  return {
    text: `${magnitudeWord}${currency === 'USD' ? '美元' : '元'}`,
    currency,
    magnitude: MAGNITUDES[magnitudeWord] ?? 1,
  };
}

/** The currency a money word names: 元/人民币/¥/RMB → CNY, 美元/美金/$/USD → USD. */
function currencyOf(word: string | undefined): Currency | null {
  if (!word) return null;
  const w = word.toUpperCase();
  if (w === '美元' || w === '美金' || w === '$' || w === 'US$' || w === 'USD') return 'USD';
  if (w === '元' || w === '人民币' || w === '¥' || w === 'RMB' || w === 'CNY') return 'CNY';
  return null;
}

/**
 * An amount as typed, spaces already removed: optional currency prefix, a number-like token,
 * optional magnitude, optional currency word, optional trailing 人民币.
 * `58.7亿元人民币`, `人民币58.7亿元`, `1155.8万美元`, `¥500`, `$100`, `58.7亿人民币`.
 */
const AMOUNT = new RegExp(
  `^(人民币|RMB|CNY|¥|US\\$|USD|\\$)?([+-]?[\\d.,]+)(${MAGNITUDE_ALTERNATIVES})?` +
    '(美元|美金|元|人民币)?(人民币)?$',
  'i',
);

/** The parts of an amount: its number token (unchecked) and its unit. */
export interface AmountParts {
  token: string;
  unit: Unit;
}

/**
 * Split `compact` (normalised text without spaces) into a number token and a money unit, or
 * null when it is not written as an amount. Contradictions (`$5万元`, `5美元人民币`) are null.
 */
export function splitAmount(compact: string): AmountParts | null {
  const m = AMOUNT.exec(compact);
  if (!m) return null;
  const [, prefix, token, magnitude = '', word, trailing] = m;
  const fromPrefix = currencyOf(prefix);
  const fromWord = currencyOf(word);
  const fromTrailing = currencyOf(trailing);
  const found = [fromPrefix, fromWord, fromTrailing].filter((c): c is Currency => c !== null);
  if (found.length === 0) return null;
  if (found.some((c) => c !== found[0])) return null;
  return { token, unit: makeUnit(magnitude, found[0]) };
}

/** A money unit inside running text: magnitude + 元/美元/美金 (+ 人民币), or magnitude + 人民币. */
const UNIT_IN_TEXT = new RegExp(
  `(${MAGNITUDE_ALTERNATIVES})?(美元|美金|元)(?:人民币)?|(${MAGNITUDE_ALTERNATIVES})人民币`,
  'g',
);

/** Words where 元 is not money: 多元化, 单元, 公元, 元旦, 元素 … (checked for a bare 元 only). */
const NOT_MONEY_BEFORE = new Set(['多', '单', '公', '纪', '次']);
const NOT_MONEY_AFTER = new Set(['化', '旦', '素', '宵', '首', '件', '器', '老', '帅', '气', '年']);

/**
 * The money unit named inside a label or sentence, e.g. `完成实际利用外资万美元` → 万美元,
 * `完成外贸进出口亿元人民币` → 亿元, `单位：万元` → 万元. When several are named, the last one
 * wins, and at one position the longest reading (万美元 rather than 美元). Null when none.
 */
export function unitInText(s: string): Unit | null {
  const text = normalizeText(String(s ?? ''));
  let last: Unit | null = null;
  UNIT_IN_TEXT.lastIndex = 0;
  for (let m = UNIT_IN_TEXT.exec(text); m !== null; m = UNIT_IN_TEXT.exec(text)) {
    const [whole, magnitude = '', word, magnitudeOfRmb] = m;
    if (magnitudeOfRmb !== undefined) {
      last = makeUnit(magnitudeOfRmb, 'CNY');
      continue;
    }
    if (magnitude === '' && word === '元') {
      const before = text[m.index - 1] ?? '';
      const after = text[m.index + whole.length] ?? '';
      if (NOT_MONEY_BEFORE.has(before) || NOT_MONEY_AFTER.has(after)) continue;
    }
    const currency = currencyOf(word);
    if (currency) last = makeUnit(magnitude, currency);
  }
  return last;
}

/**
 * An amount in the base unit of its currency (元 or 美元): `{58.7, 亿元}` → `{5870000000, CNY}`.
 */
export function toBase(v: { value: number; unit: Unit }): { value: number; currency: Currency } {
  return { value: denoise(v.value * v.unit.magnitude), currency: v.unit.currency };
}

/** True when two units are the same currency and magnitude (万元 and 万元人民币 are the same). */
export function sameUnit(a: Unit, b: Unit): boolean {
  return a.currency === b.currency && a.magnitude === b.magnitude;
}

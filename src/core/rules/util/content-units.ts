/**
 * Count units (人次, 家, 吨 …) with a magnitude (万, 亿 …), which the value parser does not read:
 * `接待游客万人次` names 万人次, and `35.6万人次` / `356000人次` are counts in it. Money units
 * are read by src/core/values (unitInText, parseCell); this file only adds counts.
 */
import { MAGNITUDES, MAGNITUDE_ALTERNATIVES, normalizeText, readNumberToken } from '../../values';

export interface CountUnit {
  /** As written: `万人次`, `家`. */
  text: string;
  /** The counted thing: `人次`, `家`. */
  word: string;
  /** 1, 1e3, 1e4, 1e8 … */
  magnitude: number;
}

/** Longest first where one word starts another (人次 before 人, 平方米 before 米). */
const WORDS =
  '人次|人|户|家|个|项|次|场|件|吨|平方米|平方公里|公里|千瓦时|亩|辆|台|套|份|篇|条|所|批|艘|架|笔|标箱|册';

/**
 * A 三级指标 names a count unit only with an explicit magnitude at its end, optionally in
 * brackets: `接待游客万人次`, `粮食产量（万吨）`. A bare `家` or `人` is a word, not a declared unit.
 */
const LABEL_UNIT = new RegExp(`(${MAGNITUDE_ALTERNATIVES})(${WORDS})\\)?$`);
const HAS_DIGIT = /[\d０-９]/;
const VALUE = new RegExp(`^([+-]?[\\d.,]+)(${MAGNITUDE_ALTERNATIVES})?(${WORDS})$`);

function unit(magnitudeWord: string, word: string): CountUnit {
  return { text: `${magnitudeWord}${word}`, word, magnitude: MAGNITUDES[magnitudeWord] ?? 1 };
}

/** The count unit a normalised 三级指标 declares, or null. */
export function countUnitInLabel(label: string): CountUnit | null {
  const m = LABEL_UNIT.exec(label);
  return m ? unit(m[1], m[2]) : null;
}

/** A value written as a count with its unit (`35.6万人次`, `120家`), or null. */
export function readCount(text: unknown): { value: number; unit: CountUnit } | null {
  if (typeof text !== 'string' || !HAS_DIGIT.test(text) || text.length > 40) return null;
  const compact = normalizeText(text).replace(/ /g, '');
  const m = VALUE.exec(compact);
  if (!m) return null;
  const value = readNumberToken(m[1]);
  if (value === null) return null;
  return { value, unit: unit(m[2] ?? '', m[3]) };
}

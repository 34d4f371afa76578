/** Value parsing and formatting: what a cell means, and its canonical text. */
export type {
  Currency,
  NumericValue,
  Operator,
  ParsedValue,
  RawCell,
  Unit,
  ValueHint,
} from './types';
export { EXCEL_ERRORS, parseCell } from './parse';
export {
  formatAmount,
  formatGrowth,
  formatNumber,
  formatParsed,
  formatPercent,
  toCellNumber,
} from './format';
export { hasResidue, normalizeText, stripResidue, trimBlank } from './normalize';
export { GRADE_WORDS, isGradeWord } from './grades';
export {
  MAGNITUDES,
  MAGNITUDE_ALTERNATIVES,
  makeUnit,
  sameUnit,
  toBase,
  unitInText,
} from './units';
export { readNumberToken, roundTo } from './numeric';

/**
 * What a cell's raw content means. Pure data; produced by `parseCell` (./parse.ts).
 *
 * Percentages are always carried in percentage points: 18.94% → `percent: 18.94`.
 */

/** A cell as an adapter reads it: the value Excel holds plus what helps interpret it. */
export interface RawCell {
  /** The cell's value: number, string, boolean, or null/'' for empty. Error values are strings like '#REF!'. */
  value: string | number | boolean | null;
  /** The formula when the cell holds one (value is then the computed result). */
  formula?: string;
  /** The number format, e.g. '0.00%' (a 0.1894 with a % format means 18.94%). */
  numberFormat?: string;
}

export type Currency = 'CNY' | 'USD';

/** A unit of money or count as written in the form. */
export interface Unit {
  /** As written, normalised: '万元', '亿元', '元', '万美元', '亿美元', '美元' … */
  text: string;
  currency: Currency;
  /** Multiplier to the base unit of the currency: 元 → 1, 万元 → 1e4, 亿元 → 1e8, 万美元 → 1e4 … */
  magnitude: number;
}

export type Operator = '≥' | '>' | '=' | '<' | '≤';

export type ParsedValue =
  | { kind: 'empty' }
  | {
      kind: 'number';
      value: number;
      /** True when the cell holds text that reads as a number (Excel stores it as text). */
      storedAsText: boolean;
    }
  | { kind: 'percent'; value: number; storedAsText: boolean }
  | { kind: 'amount'; value: number; unit: Unit; storedAsText: boolean }
  /** '增长7.5%', '下降3%', '同比增长10%': value is signed percentage points. */
  | { kind: 'growth'; value: number }
  /** '≥95%', '不低于90%', '＞0': the operator and what it applies to. */
  | { kind: 'comparison'; op: Operator; operand: NumericValue }
  /** A short qualitative grade such as 健全, 规范, 完全相符. */
  | { kind: 'grade'; text: string }
  /** A sentence or any other free text. */
  | { kind: 'text'; text: string }
  /** An Excel error value (#REF!, #DIV/0!, #VALUE! …). */
  | { kind: 'error'; code: string }
  /** Looked like a number but could not be read (e.g. '12..5', '1,2,3%'). */
  | { kind: 'unparseable'; text: string };

export type NumericValue = Extract<ParsedValue, { kind: 'number' | 'percent' | 'amount' }>;

/** What a field expects, to resolve ambiguities (is 18.94 a percent?). */
export type ValueHint = 'number' | 'percent' | 'indicator' | 'text';

/** Types of the declarative form description and of the computed sheet layout. Pure data. */

export interface Bilingual {
  zh: string;
  en: string;
}

export type SectionId =
  | 'header'
  | 'funding'
  | 'functions'
  | 'annualTasks'
  | 'longTermGoals'
  | 'longTerm'
  | 'annualGoals'
  | 'annual';

export type IndicatorTableId = 'longTerm' | 'annual';

/** Columns of an indicator table, by meaning. The long-term table has no prev2/prev1. */
export type IndicatorColumnKey =
  'level1' | 'level2' | 'level3' | 'prev2' | 'prev1' | 'target' | 'basis' | 'category';

export type FieldType = 'text' | 'longText' | 'amount' | 'share' | 'year' | 'phone' | 'label';

export interface CellStyle {
  bold?: boolean;
  fontSize?: number;
  fontName?: string;
  /** Hex colour '#RRGGBB'. */
  fontColor?: string;
  fill?: string;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  numberFormat?: string;
  /** Thin border on all four sides. */
  border?: boolean;
  /** Input cells are unlocked; labels and formulas stay locked. */
  locked?: boolean;
}

export interface LayoutCell {
  /** A1 address on the form's sheet, e.g. 'E7'. */
  address: string;
  /** 1-based row and column. */
  row: number;
  col: number;
  /** Constant content (labels, pre-filled indicators). */
  value?: string | number;
  /** Formula, in Excel's English syntax with a leading '=' (e.g. '=SUM(E7:E9)'). */
  formula?: string;
  /** What the cell shows for this budget year (the formula's result for labels; '' for empty inputs). */
  text: string;
  style: CellStyle;
  /** True for cells a user types into. */
  input: boolean;
}

export interface LayoutName {
  /** ASCII, sheet-scoped name, e.g. 'Fund_Income_Fiscal_Current'. */
  name: string;
  /** Absolute A1 reference on the form's sheet, without the sheet name: '$E$7' or '$B$19:$I$40'. */
  ref: string;
  kind: 'field' | 'table';
  section: SectionId;
  type: FieldType | 'table';
  /** The field's Chinese path, e.g. '部门总体资金情况/收入构成/财政拨款/当年金额'. */
  label: string;
  labelEn: string;
  /** For tables: the column headers in order, Chinese. */
  columns?: { key: IndicatorColumnKey; header: string; headerEn: string }[];
}

export interface ListValidationSpec {
  /** A1 range, e.g. '$B$19:$B$40'. */
  range: string;
  choices: string[];
}

export interface ConditionalFormatSpec {
  /** A1 range the rule formats. */
  range: string;
  /** Formula relative to the range's top-left cell, e.g. '=ROUND($E$10-SUM($E$7:$E$9),2)<>0'. */
  formula: string;
  /** 'error' | 'warning' paint the cell; 'repeat' greys a value repeated from the row above. */
  kind: 'error' | 'warning' | 'repeat';
  /** What the highlight means, for documentation and tooltips. */
  message: Bilingual;
}

export interface TableLayout {
  id: IndicatorTableId;
  /** The name of the table's body range. */
  name: string;
  /** The header rows (1-based, inclusive). */
  headerFirstRow: number;
  headerLastRow: number;
  /** Body rows (1-based, inclusive). */
  firstRow: number;
  lastRow: number;
  /** The data columns of a body row: key → column letter. */
  columns: { key: IndicatorColumnKey; col: string; header: string; headerEn: string }[];
}

export interface Layout {
  year: number;
  /** Suggested sheet name, e.g. '绩效目标表2024'. */
  sheetName: string;
  columns: { letter: string; width: number }[];
  rowHeights: Record<number, number>;
  cells: LayoutCell[];
  merges: string[];
  names: LayoutName[];
  validations: ListValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  tables: Record<IndicatorTableId, TableLayout>;
  print: {
    paperSize: 'A4';
    orientation: 'portrait' | 'landscape';
    /** Rows repeated at the top of every printed page, e.g. '$1:$2'. */
    repeatRows: string;
    fitToWidth: 1;
    area: string;
  };
  /** The last used row and column letter. */
  lastRow: number;
  lastCol: string;
}

/**
 * A form snapshot: what an adapter (Excel, .xlsx, playground, text import) reads from a sheet.
 * Pure data; every value is tied to the cell it came from.
 */
import type { IndicatorColumnKey, IndicatorTableId } from '../form/types';
import type { RawCell } from '../values/types';

export interface SnapCell extends RawCell {
  /** A1 address on the form's sheet, e.g. 'E7'. */
  address: string;
}

export interface IndicatorRow {
  table: IndicatorTableId;
  /** 0-based position within the table body. */
  index: number;
  /** 1-based sheet row. */
  row: number;
  /**
   * The row's cells by column. level1 / level2 are "filled down": a blank level1 or level2 under
   * a non-blank one (a vertically merged or Word-pasted table) takes the value above, and
   * `inherited` lists the keys that were filled that way.
   */
  cells: Partial<Record<IndicatorColumnKey, SnapCell>>;
  inherited: IndicatorColumnKey[];
}

export interface FormSnapshot {
  /** Budget year read from the form (BudgetYear field), or null when it is missing or not a year. */
  year: number | null;
  sheetName?: string;
  /** Scalar fields by their range name (see src/core/form/spec.ts), e.g. 'Fund_Income_Fiscal_Current'. */
  fields: Record<string, SnapCell>;
  tables: Record<IndicatorTableId, IndicatorRow[]>;
}

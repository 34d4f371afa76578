/**
 * What the task pane can ask of its host. The React UI receives an AddinApi as a prop and
 * never calls Office.js itself: src/excel/ implements it over Excel (or the fake Excel of the
 * playground and tests).
 */
import type { Finding } from '../core/rules/types';

export type Lang = 'zh' | 'en';

/** What the add-in sees in the workbook. */
export interface FormStatus {
  /**
   * 'ok': the active sheet holds a form with all its names;
   * 'damaged': a form is recognisable (by names or labels) but names are missing or broken;
   * 'noForm': the active sheet holds no form.
   */
  kind: 'ok' | 'damaged' | 'noForm';
  sheetName: string;
  /** Budget year read from the form. */
  year: number | null;
  /** Names the form should have but does not (or that point at #REF!). */
  missingNames: string[];
  /** True when the missing names can be rebuilt from the labels on the sheet. */
  canRepair: boolean;
  /** Every sheet of the workbook that holds a form. */
  formSheets: string[];
}

/**
 * Findings by severity, not counting those that only say "not filled in yet" (Finding.incomplete):
 * they are counted apart, as `incomplete`.
 */
export interface CheckCounts {
  error: number;
  warning: number;
  info: number;
  incomplete: number;
}

export interface CheckResult {
  status: FormStatus;
  findings: Finding[];
  counts: CheckCounts;
  /** When the check ran (ms since epoch). */
  at: number;
}

export interface OperationResult {
  ok: boolean;
  /** Bilingual message for the pane's status line. */
  message: { zh: string; en: string };
}

export interface InsertOptions {
  year: number;
  common: boolean;
}

/** One field an import found, as the preview lists it. */
export interface PreviewField {
  /** The field's range name, e.g. 'Fund_Income_Fiscal_Current'. */
  name: string;
  /** Where it goes in the form: '部门总体资金情况/收入构成/财政拨款/当年金额'. */
  label: { zh: string; en: string };
  /** The text found, cut to its first 40 characters ('…' added when cut). */
  value: string;
  truncated: boolean;
}

/** What an import found; nothing has changed yet. Pass `id` to applyImport to go ahead. */
export interface ImportPreview {
  /** False when nothing of the form was found (or the source could not be read). */
  ok: boolean;
  id: string;
  message: { zh: string; en: string };
  /** The active sheet (with its name) or the pasted text. */
  source: { kind: 'sheet' | 'text'; name: string };
  /** The budget year the source shows, or null when it could not be found. */
  year: number | null;
  /** The input fields found, in form order (totals and shares are computed by the template). */
  fields: PreviewField[];
  /** Rows found in each indicator table. */
  tables: { longTerm: number; annual: number };
  /** Fields and sections that could not be found (their labels, in Chinese as in the form). */
  missing: string[];
}

/** One change of a roll forward: place, value before, value after ('' = empty). */
export interface RollChange {
  where: { zh: string; en: string };
  from: string;
  to: string;
}

/** What 滚动到下一年 will do; nothing has changed yet. Pass `id` to applyRollForward. */
export interface RollPreview {
  ok: boolean;
  id: string;
  message: { zh: string; en: string };
  /** The sheet the form is read from (it is never changed). */
  sheetName: string;
  fromYear: number | null;
  toYear: number | null;
  /** The name the new sheet will get when it is free ('绩效目标表2025'). */
  newSheetName: string;
  changes: RollChange[];
  /** total = changes; cleared = values emptied for the new year; moved = the others. */
  counts: { total: number; moved: number; cleared: number };
}

/** The active form's data as files (nothing is written to the workbook). */
export interface ExportData {
  ok: boolean;
  message: { zh: string; en: string };
  sheetName: string;
  year: number | null;
  /** File name without extension. */
  fileName: string;
  /** Structured JSON (format 'perf-goal-table/v1'). */
  json: string;
  /** One row per indicator value, UTF-8 with BOM. */
  csv: string;
  /** Number of indicator rows exported. */
  indicators: number;
}

export interface AddinApi {
  /** Inserts the form into a new worksheet (never touching existing content). */
  insertForm(options: InsertOptions): Promise<OperationResult & { sheetName?: string }>;
  /** Reads the active sheet's form and checks it with the whole catalogue; marks the cells. */
  checkAll(): Promise<CheckResult>;
  /** Selects a cell of the form's sheet (to take the user to a finding). */
  selectCell(address: string): Promise<void>;
  /** Applies a finding's fix (only that cell), then re-checks. */
  applyFix(finding: Finding): Promise<OperationResult>;
  /** Adds an indicator row below the selected row of an indicator table. */
  addIndicatorRow(): Promise<OperationResult>;
  /** Deletes the selected indicator row (keeping at least one). */
  deleteIndicatorRow(): Promise<OperationResult>;
  /** Writes the current findings to a new sheet. */
  exportFindings(): Promise<OperationResult & { sheetName?: string }>;
  /** Rebuilds missing or broken names from the labels on the sheet. */
  repairNames(): Promise<OperationResult>;
  /** Removes every mark the add-in painted, restoring the cells' own formats. */
  clearMarks(): Promise<OperationResult>;
  /** 导入: reads the active sheet's cells and finds the form's fields by their labels. Changes nothing. */
  previewImportFromSheet(): Promise<ImportPreview>;
  /** 导入: finds the form's fields in pasted text (a Word table's text export, or tab-separated rows). */
  previewImportFromText(text: string): Promise<ImportPreview>;
  /** Inserts a fresh form on a new sheet holding what the preview `id` showed, for `year`. */
  applyImport(
    id: string,
    options: { year: number },
  ): Promise<OperationResult & { sheetName?: string }>;
  /** 滚动到下一年: the changes a year-Y+1 form would have. Changes nothing. */
  previewRollForward(): Promise<RollPreview>;
  /** Creates the year-Y+1 form of preview `id` on a new sheet; the old sheet stays as it is. */
  applyRollForward(id: string): Promise<OperationResult & { sheetName?: string }>;
  /** 导出: the active form's data as JSON and CSV (for download or the clipboard). */
  exportData(): Promise<ExportData>;
  /** Live results: called after every (coalesced) edit check. Returns an unsubscribe function. */
  subscribe(listener: (result: CheckResult) => void): () => void;
  /**
   * The user's selection on the checked form's sheet, as an A1 address without the sheet name
   * ('E7', 'E7:F7' for a merged cell, 'D57:G58'), each time it changes; null when the selection is
   * on another sheet or unknown. The pane shows the findings of the selected cells. Returns an
   * unsubscribe function.
   */
  subscribeSelection(listener: (address: string | null) => void): () => void;
}

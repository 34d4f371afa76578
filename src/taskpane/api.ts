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

export interface CheckResult {
  status: FormStatus;
  findings: Finding[];
  counts: { error: number; warning: number; info: number };
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
  /** Live results: called after every (coalesced) edit check. Returns an unsubscribe function. */
  subscribe(listener: (result: CheckResult) => void): () => void;
}

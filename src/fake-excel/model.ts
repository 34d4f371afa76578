/**
 * FakeWorkbookModel: the workbook itself – what Excel holds, independent of any add-in
 * request. Proxies (proxies/*.ts) read and change it during context.sync(); FakeUser
 * (user.ts) changes it the way a person does; tests and the playground read it through the
 * accessors at the end of this class, which never count as syncs.
 *
 * Cell contents and defined names live in the HyperFormula engine (engine.ts); formats,
 * merges, validation, conditional formats, page layout and protection live here. Every
 * mutation reports a ModelChange to listeners (the event hub turns those into onChanged…).
 */
import {
  type GridChange,
  MAX_COLS,
  MAX_ROWS,
  type Rect,
  formatAddress,
  formatRect,
  intersectRects,
  invalidSheetNameReason,
  isEntireColumns,
  isEntireRows,
  parseAddress,
  rectContains,
  rectCovers,
  rectsIntersect,
  shiftRect,
  subtractRect,
  AddressError,
} from './addressing';
import {
  type CellInput,
  type ComputedValue,
  FormulaEngine,
  FormulaSyntaxError,
  NameNotSupportedError,
} from './engine';
import { ModelError } from './errors';
import { adjustReferences, renameSheetInFormula, shiftRelativeReferences } from './formulaText';
import { formatValue, isErrorValue } from './numberFormat';
import { type CellStyle, type StylePatch, StyleStore, defaultStyle } from './styles';

export type ChangeSource = 'api' | 'user';

/** Excel.RangeValueType values the fake reports. */
export type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

export interface ChangeDetails {
  valueBefore: ComputedValue | '';
  valueAfter: ComputedValue | '';
  valueTypeBefore: ValueType;
  valueTypeAfter: ValueType;
}

/** What changed, reported to listeners after each mutation. */
export type ModelChange =
  | {
      type: 'cellsChanged';
      sheetId: string;
      rect: Rect;
      source: ChangeSource;
      /** Only for a single cell (Excel gives no details for multi-cell edits). */
      details?: ChangeDetails;
    }
  | {
      type: 'rowsInserted' | 'rowsDeleted' | 'columnsInserted' | 'columnsDeleted';
      sheetId: string;
      rect: Rect;
      source: ChangeSource;
    }
  | {
      type: 'cellsInserted' | 'cellsDeleted';
      sheetId: string;
      rect: Rect;
      direction: 'Down' | 'Right' | 'Up' | 'Left';
      source: ChangeSource;
    }
  | { type: 'formatChanged'; sheetId: string; rect: Rect; source: ChangeSource }
  | { type: 'selectionChanged'; sheetId: string; rect: Rect; source: ChangeSource }
  | {
      type: 'sheetAdded' | 'sheetDeleted' | 'sheetActivated' | 'sheetDeactivated';
      sheetId: string;
      source: ChangeSource;
    }
  | {
      type: 'sheetRenamed';
      sheetId: string;
      oldName: string;
      newName: string;
      source: ChangeSource;
    }
  | { type: 'namesChanged'; source: ChangeSource }
  /** An operation that empties the user's undo history (protect, unprotect, sheet delete). */
  | { type: 'undoCleared'; source: ChangeSource };

export interface ProtectionOptions {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: string;
}

export const DEFAULT_PROTECTION_OPTIONS: ProtectionOptions = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: 'Normal',
};

export interface ValidationRule {
  list?: { source: string; inCellDropDown: boolean };
  custom?: { formula: string };
  wholeNumber?: { formula1: string | number; formula2?: string | number; operator: string };
  decimal?: { formula1: string | number; formula2?: string | number; operator: string };
  textLength?: { formula1: string | number; formula2?: string | number; operator: string };
}

export interface ValidationErrorAlert {
  message: string;
  showAlert: boolean;
  style: 'Stop' | 'Warning' | 'Information';
  title: string;
}

export interface ValidationPrompt {
  message: string;
  showPrompt: boolean;
  title: string;
}

export interface ValidationRecord {
  id: number;
  ranges: Rect[];
  /** null: no rule (only an alert or prompt was set). */
  rule: ValidationRule | null;
  ignoreBlanks: boolean;
  errorAlert: ValidationErrorAlert;
  prompt: ValidationPrompt;
}

export interface ConditionalFormatRecord {
  id: string;
  ranges: Rect[];
  type: 'Custom';
  /** The rule formula, relative to the top-left cell of the first range. */
  formula: string;
  fillColor: string | null;
  fontColor: string | null;
  fontBold: boolean | null;
  fontItalic: boolean | null;
  /** Borders the rule draws (Excel's conditional borders: a line style and a colour per edge). */
  borders: Partial<Record<ConditionalBorderSide, { style: string; color: string | null }>>;
  stopIfTrue: boolean;
  priority: number;
}

export type ConditionalBorderSide = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';

export interface PageLayoutState {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  printTitleRows: string | null;
  printTitleColumns: string | null;
  printArea: string | null;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  blackAndWhite: boolean;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
}

export interface SheetRecord {
  id: string;
  name: string;
  hfId: number;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  tabColor: string;
  showGridlines: boolean;
  protection: { protected: boolean; options: ProtectionOptions; password?: string };
  styles: StyleStore;
  colWidths: Map<number, number>;
  /** Heights set or autofitted; rows not listed have the default height. */
  rowHeights: Map<number, number>;
  /**
   * Rows whose height was set (`format.rowHeight`): Excel's "custom height". Other rows have an
   * automatic height that grows with wrapped text when cells change.
   */
  customRowHeights: Set<number>;
  merges: Rect[];
  validations: ValidationRecord[];
  conditionalFormats: ConditionalFormatRecord[];
  pageLayout: PageLayoutState;
  freeze: { rows: number; columns: number };
}

export interface NameRecord {
  name: string;
  /** Sheet id for a sheet-scoped name; null for workbook scope. */
  scopeSheetId: string | null;
  comment: string;
  visible: boolean;
}

/** A cell as the accessors report it. */
export interface CellSnapshot {
  address: string;
  value: ComputedValue | '';
  formula: string | null;
  /** What Excel displays, honouring the number format. */
  text: string;
  numberFormat: string;
  valueType: ValueType;
  format: CellStyle;
}

export interface FakeWorkbookOptions {
  /** Names of the initial sheets (default ['Sheet1']). */
  sheets?: string[];
  /** Default font (Excel in Chinese uses 等线 11). */
  defaultFont?: { name: string; size: number };
  /** Default column width and row height in points. */
  defaultColumnWidth?: number;
  defaultRowHeight?: number;
}

function isBlankInput(i: CellInput | null): boolean {
  return i === null;
}

export function valueTypeOf(v: ComputedValue | '' | undefined): ValueType {
  if (v === null || v === '' || v === undefined) return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  if (isErrorValue(v)) return 'Error';
  return 'String';
}

export class FakeWorkbookModel {
  readonly engine = new FormulaEngine();
  readonly sheets: SheetRecord[] = [];
  readonly names: NameRecord[] = [];
  activeSheetId: string;
  selection: { sheetId: string; rect: Rect };
  readonly defaultColumnWidth: number;
  readonly defaultRowHeight: number;
  private readonly baseStyle: CellStyle;
  private nextSheetNo = 1;
  private nextId = 1;
  private listeners: ((c: ModelChange) => void)[] = [];
  private currentSource: ChangeSource = 'api';
  /** Incremented on every change (lets the playground know when to re-render). */
  version = 0;

  constructor(options: FakeWorkbookOptions = {}) {
    this.baseStyle = defaultStyle(options.defaultFont?.name, options.defaultFont?.size);
    this.defaultColumnWidth = options.defaultColumnWidth ?? 48;
    this.defaultRowHeight = options.defaultRowHeight ?? 15;
    for (const name of options.sheets ?? ['Sheet1']) this.createSheet(name);
    this.activeSheetId = this.sheets[0].id;
    this.selection = {
      sheetId: this.sheets[0].id,
      rect: { row: 0, col: 0, rowCount: 1, colCount: 1 },
    };
  }

  // -------------------------------------------------------------------------------------------
  // Change reporting

  /** Subscribes to every change; returns an unsubscribe function. */
  onChange(listener: (c: ModelChange) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Runs `fn` with changes attributed to `source` ('api' for the add-in, 'user' for a person). */
  as<T>(source: ChangeSource, fn: () => T): T {
    const prev = this.currentSource;
    this.currentSource = source;
    try {
      return fn();
    } finally {
      this.currentSource = prev;
    }
  }

  get source(): ChangeSource {
    return this.currentSource;
  }

  private emit(change: ModelChange): void {
    this.version++;
    for (const l of [...this.listeners]) l(change);
  }

  private formatChanged(sheet: SheetRecord, rect: Rect): void {
    this.emit({ type: 'formatChanged', sheetId: sheet.id, rect, source: this.currentSource });
  }

  /** Cells of `rect` changed; a single cell's change says its value before (`before`) and after. */
  private cellsChanged(
    sheet: SheetRecord,
    rect: Rect,
    before: ComputedValue | '' | undefined,
  ): void {
    const change: ModelChange = {
      type: 'cellsChanged',
      sheetId: sheet.id,
      rect,
      source: this.currentSource,
    };
    if (rect.rowCount === 1 && rect.colCount === 1) {
      const after = this.value(sheet, rect.row, rect.col);
      change.details = {
        valueBefore: before ?? '',
        valueAfter: after,
        valueTypeBefore: valueTypeOf(before),
        valueTypeAfter: valueTypeOf(after),
      };
    }
    this.emit(change);
  }

  // -------------------------------------------------------------------------------------------
  // Sheets

  private newSheetId(): string {
    const n = this.nextId++;
    return `{${n.toString(16).toUpperCase().padStart(8, '0')}-0001-0000-0000-000000000000}`;
  }

  private createSheet(name: string): SheetRecord {
    const reason = invalidSheetNameReason(name);
    if (reason) throw new ModelError('InvalidArgument', reason);
    if (this.findSheet(name)) {
      throw new ModelError('ItemAlreadyExists', `A sheet named "${name}" already exists`);
    }
    const sheet: SheetRecord = {
      id: this.newSheetId(),
      name,
      hfId: this.engine.addSheet(name),
      visibility: 'Visible',
      tabColor: '',
      showGridlines: true,
      protection: { protected: false, options: { ...DEFAULT_PROTECTION_OPTIONS } },
      styles: new StyleStore(this.baseStyle),
      colWidths: new Map(),
      rowHeights: new Map(),
      customRowHeights: new Set(),
      merges: [],
      validations: [],
      conditionalFormats: [],
      pageLayout: {
        orientation: 'Portrait',
        paperSize: 'A4',
        printTitleRows: null,
        printTitleColumns: null,
        printArea: null,
        zoom: { scale: 100 },
        centerHorizontally: false,
        centerVertically: false,
        printGridlines: false,
        blackAndWhite: false,
        leftMargin: 50.4,
        rightMargin: 50.4,
        topMargin: 54,
        bottomMargin: 54,
        headerMargin: 21.6,
        footerMargin: 21.6,
      },
      freeze: { rows: 0, columns: 0 },
    };
    this.sheets.push(sheet);
    return sheet;
  }

  /** Finds a sheet by id or (case-insensitive) name. */
  findSheet(idOrName: string): SheetRecord | undefined {
    const lower = idOrName.toLowerCase();
    return (
      this.sheets.find((s) => s.id === idOrName) ??
      this.sheets.find((s) => s.name.toLowerCase() === lower)
    );
  }

  /** Like findSheet, but throws ItemNotFound. */
  sheet(idOrName: string): SheetRecord {
    const s = this.findSheet(idOrName);
    if (!s) throw new ModelError('ItemNotFound', `No worksheet "${idOrName}"`);
    return s;
  }

  position(sheet: SheetRecord): number {
    return this.sheets.indexOf(sheet);
  }

  /** WorksheetCollection.add: a new sheet at the end ("Sheet2"… when no name is given). */
  addSheet(name?: string): SheetRecord {
    let n = name;
    if (n === undefined || n === null) {
      do n = `Sheet${++this.nextSheetNo}`;
      while (this.findSheet(n));
    }
    const sheet = this.createSheet(n);
    this.emit({ type: 'sheetAdded', sheetId: sheet.id, source: this.currentSource });
    return sheet;
  }

  renameSheet(sheet: SheetRecord, name: string): void {
    if (sheet.name === name) return;
    const reason = invalidSheetNameReason(name);
    if (reason) throw new ModelError('InvalidArgument', reason);
    const other = this.findSheet(name);
    if (other && other !== sheet) {
      throw new ModelError('ItemAlreadyExists', `A sheet named "${name}" already exists`);
    }
    const oldName = sheet.name;
    this.engine.renameSheet(sheet.hfId, name);
    sheet.name = name;
    for (const s of this.sheets) {
      for (const cf of s.conditionalFormats)
        cf.formula = renameSheetInFormula(cf.formula, oldName, name);
      for (const v of s.validations) {
        if (v.rule?.list)
          v.rule.list.source = renameSheetInFormula(v.rule.list.source, oldName, name);
        if (v.rule?.custom)
          v.rule.custom.formula = renameSheetInFormula(v.rule.custom.formula, oldName, name);
      }
    }
    this.emit({
      type: 'sheetRenamed',
      sheetId: sheet.id,
      oldName,
      newName: name,
      source: this.currentSource,
    });
  }

  deleteSheet(sheet: SheetRecord): void {
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) {
      throw new ModelError(
        'InvalidOperation',
        'A workbook must contain at least one visible worksheet',
      );
    }
    const idx = this.position(sheet);
    this.engine.removeSheet(sheet.hfId);
    this.sheets.splice(idx, 1);
    for (let i = this.names.length - 1; i >= 0; i--) {
      if (this.names[i].scopeSheetId === sheet.id) this.names.splice(i, 1);
    }
    if (this.activeSheetId === sheet.id) {
      const next =
        this.sheets.slice(idx).find((s) => s.visibility === 'Visible') ??
        [...this.sheets].reverse().find((s) => s.visibility === 'Visible');
      if (next) {
        this.activeSheetId = next.id;
        this.selection = { sheetId: next.id, rect: { row: 0, col: 0, rowCount: 1, colCount: 1 } };
      }
    }
    this.emit({ type: 'sheetDeleted', sheetId: sheet.id, source: this.currentSource });
    this.emit({ type: 'undoCleared', source: this.currentSource });
  }

  moveSheet(sheet: SheetRecord, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw new ModelError('InvalidArgument', `Position ${position} is out of range`);
    }
    const idx = this.position(sheet);
    this.sheets.splice(idx, 1);
    this.sheets.splice(position, 0, sheet);
    this.version++;
  }

  setVisibility(sheet: SheetRecord, visibility: SheetRecord['visibility']): void {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(visibility)) {
      throw new ModelError('InvalidArgument', `Bad visibility ${visibility}`);
    }
    if (visibility !== 'Visible') {
      const visible = this.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet);
      if (visible.length === 0) {
        throw new ModelError(
          'InvalidOperation',
          'A workbook must contain at least one visible worksheet',
        );
      }
    }
    sheet.visibility = visibility;
    if (visibility !== 'Visible' && this.activeSheetId === sheet.id) {
      const next = this.sheets.find((s) => s.visibility === 'Visible');
      if (next) this.activate(next);
    }
    this.version++;
  }

  activate(sheet: SheetRecord): void {
    if (sheet.visibility !== 'Visible') {
      throw new ModelError('InvalidOperation', 'A hidden worksheet cannot be activated');
    }
    if (this.activeSheetId === sheet.id) return;
    const prev = this.activeSheetId;
    this.activeSheetId = sheet.id;
    this.selection = { sheetId: sheet.id, rect: { row: 0, col: 0, rowCount: 1, colCount: 1 } };
    this.emit({ type: 'sheetDeactivated', sheetId: prev, source: this.currentSource });
    this.emit({ type: 'sheetActivated', sheetId: sheet.id, source: this.currentSource });
  }

  select(sheet: SheetRecord, rect: Rect): void {
    if (this.activeSheetId !== sheet.id) this.activate(sheet);
    this.selection = { sheetId: sheet.id, rect };
    this.emit({ type: 'selectionChanged', sheetId: sheet.id, rect, source: this.currentSource });
  }

  // -------------------------------------------------------------------------------------------
  // Addresses

  /** Parses an address that may name a sheet; the sheet defaults to `sheet`. */
  resolveAddress(address: string, sheet?: SheetRecord): { sheet: SheetRecord; rect: Rect } {
    let parsed;
    try {
      parsed = parseAddress(address);
    } catch (e) {
      if (e instanceof AddressError) throw new ModelError('InvalidArgument', e.message);
      throw e;
    }
    const target = parsed.sheetName !== undefined ? this.findSheet(parsed.sheetName) : sheet;
    if (!target) {
      throw new ModelError(
        parsed.sheetName !== undefined ? 'InvalidArgument' : 'InvalidArgument',
        `No sheet for address "${address}"`,
      );
    }
    return { sheet: target, rect: parsed.rect };
  }

  address(sheet: SheetRecord, rect: Rect): string {
    return formatAddress(sheet.name, rect);
  }

  // -------------------------------------------------------------------------------------------
  // Cells

  input(sheet: SheetRecord, row: number, col: number): CellInput | null {
    return this.engine.getInput(sheet.hfId, row, col);
  }

  /** The computed value ('' for an empty cell, as Range.values reports it). */
  value(sheet: SheetRecord, row: number, col: number): ComputedValue | '' {
    if (this.input(sheet, row, col) === null) return '';
    const v = this.engine.getValue(sheet.hfId, row, col);
    return v === null ? '' : v;
  }

  style(sheet: SheetRecord, row: number, col: number): CellStyle {
    return sheet.styles.effective(row, col);
  }

  text(sheet: SheetRecord, row: number, col: number): string {
    const v = this.value(sheet, row, col);
    return formatValue(v === '' ? null : v, this.style(sheet, row, col).numberFormat);
  }

  /** Throws AccessDenied when the sheet is protected and a locked cell is in the rectangle. */
  assertCellsEditable(sheet: SheetRecord, rect: Rect): void {
    if (!sheet.protection.protected) return;
    const locked = sheet.styles.distinctStyles(rect).some((s) => s.locked);
    if (locked) {
      throw new ModelError(
        'AccessDenied',
        `The cells ${formatRect(rect)} are locked and the sheet "${sheet.name}" is protected`,
      );
    }
  }

  assertAllowed(sheet: SheetRecord, option: keyof ProtectionOptions | null, what: string): void {
    if (!sheet.protection.protected) return;
    if (option && sheet.protection.options[option]) return;
    throw new ModelError(
      'AccessDenied',
      `${what} is not allowed: sheet "${sheet.name}" is protected`,
    );
  }

  /** Throws InvalidArgument for a formula Excel would refuse. */
  checkFormula(formula: string): void {
    try {
      this.engine.validateFormula(formula);
    } catch (e) {
      if (e instanceof FormulaSyntaxError) throw new ModelError('InvalidArgument', e.message);
      throw e;
    }
  }

  /**
   * Writes cells. `inputs[r][c]`: a CellInput, null to clear, or undefined to leave the cell
   * unchanged (Office.js null entries). Reports one change for the whole rectangle, with
   * details when it is a single cell.
   */
  setCells(
    sheet: SheetRecord,
    rect: Rect,
    inputs: (CellInput | null | undefined)[][],
    formats?: (string | undefined)[][],
  ): void {
    this.assertCellsEditable(sheet, rect);
    for (const row of inputs)
      for (const i of row) if (i && i.kind === 'formula') this.checkFormula(i.formula);
    const single = rect.rowCount === 1 && rect.colCount === 1;
    const before = single ? this.value(sheet, rect.row, rect.col) : undefined;
    this.engine.batch(() => {
      inputs.forEach((rowInputs, r) =>
        rowInputs.forEach((input, c) => {
          if (input === undefined) return;
          this.engine.setCells(sheet.hfId, rect.row + r, rect.col + c, [[input]]);
        }),
      );
    });
    if (formats) {
      formats.forEach((rowFormats, r) =>
        rowFormats.forEach((f, c) => {
          if (f !== undefined) {
            sheet.styles.apply(
              { row: rect.row + r, col: rect.col + c, rowCount: 1, colCount: 1 },
              { numberFormat: f },
            );
          }
        }),
      );
    }
    this.cellsChanged(sheet, rect, before);
  }

  /** Clears contents (and, with `formats`, formats) of a rectangle. */
  clear(sheet: SheetRecord, rect: Rect, what: { contents: boolean; formats: boolean }): void {
    if (what.contents) this.assertCellsEditable(sheet, rect);
    if (what.formats) this.assertAllowed(sheet, 'allowFormatCells', 'Clearing formats');
    if (what.contents) {
      const bounds = this.engine.contentBounds(sheet.hfId);
      const area = intersectRects(rect, {
        row: 0,
        col: 0,
        rowCount: Math.max(bounds.rows, 1),
        colCount: Math.max(bounds.cols, 1),
      });
      const single = rect.rowCount === 1 && rect.colCount === 1;
      const before = single ? this.value(sheet, rect.row, rect.col) : undefined;
      if (area) {
        const blanks = Array.from({ length: area.rowCount }, () =>
          Array.from({ length: area.colCount }, () => null),
        );
        this.engine.setCells(sheet.hfId, area.row, area.col, blanks);
      }
      if (what.formats) sheet.styles.clear(rect);
      this.cellsChanged(sheet, rect, before);
      return;
    }
    sheet.styles.clear(rect);
    this.formatChanged(sheet, rect);
  }

  /** Applies format properties to a rectangle. */
  applyStyle(sheet: SheetRecord, rect: Rect, patch: StylePatch, allowOnProtected = false): void {
    if (!allowOnProtected) this.assertAllowed(sheet, 'allowFormatCells', 'Formatting cells');
    sheet.styles.apply(rect, patch);
    this.formatChanged(sheet, rect);
  }

  /** The distinct effective styles inside a rectangle. */
  sheetDistinct(sheet: SheetRecord, rect: Rect): CellStyle[] {
    return sheet.styles.distinctStyles(rect);
  }

  /** One format property over a rectangle: its value when uniform, null when mixed. */
  styleValue<K extends keyof CellStyle>(
    sheet: SheetRecord,
    rect: Rect,
    key: K,
  ): CellStyle[K] | null {
    const styles = sheet.styles.distinctStyles(rect);
    const first = styles[0][key];
    const same = styles.every((s) => JSON.stringify(s[key]) === JSON.stringify(first));
    return same ? first : null;
  }

  columnWidth(sheet: SheetRecord, col: number): number {
    return sheet.colWidths.get(col) ?? this.defaultColumnWidth;
  }

  /**
   * A row's height. A custom height (set through `format.rowHeight`) is kept whatever the row
   * holds. Any other row has an automatic height, as in Excel, which autofits a row on entry: it
   * is at least what the row was autofitted to (or the default) and grows to show the wrapped text
   * of its cells. Cells inside a merged area do not count (Excel does not autofit merged cells).
   */
  rowHeight(sheet: SheetRecord, row: number): number {
    const set = sheet.rowHeights.get(row);
    if (set !== undefined && sheet.customRowHeights.has(row)) return set;
    return Math.max(set ?? this.defaultRowHeight, this.wrappedTextHeight(sheet, row));
  }

  /** The height the wrapped text of a row's unmerged cells needs (0 when there is none). */
  private wrappedTextHeight(sheet: SheetRecord, row: number): number {
    let height = 0;
    const cols = this.engine.contentBounds(sheet.hfId).cols;
    if (row >= this.engine.contentBounds(sheet.hfId).rows) return 0;
    for (let c = 0; c < cols; c++) {
      const st = this.style(sheet, row, c);
      if (!st.wrapText) continue;
      const text = this.text(sheet, row, c);
      if (!text) continue;
      if (sheet.merges.some((m) => rectContains(m, row, c))) continue;
      const lines = wrappedLines(text, this.columnWidth(sheet, c), st.fontSize);
      height = Math.max(height, lineHeight(lines, st.fontSize));
    }
    return Math.min(409, height);
  }

  setColumnWidth(sheet: SheetRecord, rect: Rect, width: number): void {
    this.assertAllowed(sheet, 'allowFormatColumns', 'Changing column width');
    if (typeof width !== 'number' || !(width >= 0) || width > 255 * 7.5) {
      throw new ModelError('InvalidArgument', `Bad column width ${width}`);
    }
    for (let c = rect.col; c < rect.col + rect.colCount; c++) sheet.colWidths.set(c, width);
    this.formatChanged(sheet, rect);
  }

  setRowHeight(sheet: SheetRecord, rect: Rect, height: number): void {
    this.assertAllowed(sheet, 'allowFormatRows', 'Changing row height');
    if (typeof height !== 'number' || !(height >= 0) || height > 409) {
      throw new ModelError('InvalidArgument', `Bad row height ${height}`);
    }
    if (isEntireColumns(rect) && rect.rowCount === MAX_ROWS) {
      throw new ModelError('InvalidArgument', 'Row height of every row cannot be set in the fake');
    }
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      sheet.rowHeights.set(r, height);
      sheet.customRowHeights.add(r);
    }
    this.formatChanged(sheet, rect);
  }

  /**
   * Range.format.autofitRows(): heights follow wrapped text and font size (approximation), and the
   * rows' heights are automatic again (no longer custom).
   */
  autofitRows(sheet: SheetRecord, rect: Rect): void {
    const last = Math.min(rect.row + rect.rowCount, this.usedBottom(sheet));
    // Rows of the range past the content: empty, so back to the default height.
    const inRange = (r: number) => r >= rect.row && r < rect.row + rect.rowCount;
    for (const r of [...sheet.customRowHeights]) if (inRange(r)) sheet.customRowHeights.delete(r);
    for (const r of [...sheet.rowHeights.keys()])
      if (inRange(r) && r >= last) sheet.rowHeights.delete(r);
    for (let r = rect.row; r < last; r++) {
      let lines = 1;
      let size = this.baseStyle.fontSize;
      const lastCol = Math.min(
        rect.col + rect.colCount,
        this.engine.contentBounds(sheet.hfId).cols,
      );
      for (let c = 0; c < lastCol; c++) {
        const st = this.style(sheet, r, c);
        size = Math.max(size, st.fontSize);
        const text = this.text(sheet, r, c);
        if (!text) continue;
        const n = st.wrapText
          ? wrappedLines(text, this.columnWidth(sheet, c), st.fontSize)
          : text.split('\n').length;
        lines = Math.max(lines, n);
      }
      const h = lineHeight(lines, size);
      if (h === this.defaultRowHeight) sheet.rowHeights.delete(r);
      else sheet.rowHeights.set(r, h);
    }
    this.formatChanged(sheet, rect);
  }

  private usedBottom(sheet: SheetRecord): number {
    return this.engine.contentBounds(sheet.hfId).rows;
  }

  /**
   * The used range: the bounding box of cells with content (and, unless valuesOnly, cells with
   * formats of their own). null for an empty sheet.
   */
  usedRange(sheet: SheetRecord, valuesOnly = false): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const mark = (r: number, c: number): void => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    const b = this.engine.contentBounds(sheet.hfId);
    for (let r = 0; r < b.rows; r++) {
      for (let c = 0; c < b.cols; c++) if (!isBlankInput(this.input(sheet, r, c))) mark(r, c);
    }
    if (!valuesOnly) {
      for (const [r, cells] of sheet.styles.cells) {
        for (const c of cells.keys()) if (sheet.styles.hasCellFormat(r, c)) mark(r, c);
      }
      for (const m of sheet.merges) {
        mark(m.row, m.col);
        mark(m.row + m.rowCount - 1, m.col + m.colCount - 1);
      }
    }
    if (bottom < 0) return null;
    return { row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 };
  }

  // -------------------------------------------------------------------------------------------
  // Merges

  /** Range.merge(across). Data outside the top-left cell of each area is dropped, as in Excel. */
  merge(sheet: SheetRecord, rect: Rect, across = false): void {
    this.assertAllowed(sheet, null, 'Merging cells');
    const areas: Rect[] = across
      ? Array.from({ length: rect.rowCount }, (_, i) => ({
          row: rect.row + i,
          col: rect.col,
          rowCount: 1,
          colCount: rect.colCount,
        }))
      : [rect];
    for (const area of areas) {
      for (const m of sheet.merges) {
        if (rectsIntersect(m, area) && !rectCovers(area, m)) {
          throw new ModelError(
            'InvalidOperation',
            `Cannot merge ${formatRect(area)}: it partly overlaps the merged area ${formatRect(m)}`,
          );
        }
      }
    }
    for (const area of areas) {
      if (area.rowCount === 1 && area.colCount === 1) continue;
      sheet.merges = sheet.merges.filter((m) => !rectCovers(area, m));
      const inputs: (CellInput | null | undefined)[][] = [];
      let dropped = false;
      for (let r = 0; r < area.rowCount; r++) {
        const row: (CellInput | null | undefined)[] = [];
        for (let c = 0; c < area.colCount; c++) {
          if (r === 0 && c === 0) row.push(undefined);
          else {
            const had = this.input(sheet, area.row + r, area.col + c) !== null;
            dropped ||= had;
            row.push(had ? null : undefined);
          }
        }
        inputs.push(row);
      }
      if (dropped) {
        this.engine.batch(() =>
          inputs.forEach((row, r) =>
            row.forEach((i, c) => {
              if (i === null)
                this.engine.setCells(sheet.hfId, area.row + r, area.col + c, [[null]]);
            }),
          ),
        );
      }
      sheet.merges.push({ ...area });
    }
    this.formatChanged(sheet, rect);
  }

  unmerge(sheet: SheetRecord, rect: Rect): void {
    this.assertAllowed(sheet, null, 'Unmerging cells');
    sheet.merges = sheet.merges.filter((m) => !rectsIntersect(m, rect));
    this.formatChanged(sheet, rect);
  }

  mergesIn(sheet: SheetRecord, rect: Rect): Rect[] {
    return sheet.merges.filter((m) => rectsIntersect(m, rect));
  }

  /** The merged area containing a cell, if any. */
  mergeAt(sheet: SheetRecord, row: number, col: number): Rect | undefined {
    return sheet.merges.find((m) => rectContains(m, row, col));
  }

  // -------------------------------------------------------------------------------------------
  // Data validation

  private newValidation(ranges: Rect[], from?: ValidationRecord): ValidationRecord {
    return {
      id: this.nextId++,
      ranges,
      rule: from?.rule ? structuredCloneRule(from.rule) : null,
      ignoreBlanks: from?.ignoreBlanks ?? true,
      errorAlert: from
        ? { ...from.errorAlert }
        : { message: '', showAlert: true, style: 'Stop', title: '' },
      prompt: from ? { ...from.prompt } : { message: '', showPrompt: false, title: '' },
    };
  }

  validationsIn(sheet: SheetRecord, rect: Rect): ValidationRecord[] {
    return sheet.validations.filter((v) => v.ranges.some((r) => rectsIntersect(r, rect)));
  }

  validationAt(sheet: SheetRecord, row: number, col: number): ValidationRecord | undefined {
    return sheet.validations.find((v) => v.ranges.some((r) => rectContains(r, row, col)));
  }

  /**
   * Gives the rectangle its own validation record (splitting others), so that properties set
   * on it apply exactly to it. Returns that record.
   */
  private ownValidation(sheet: SheetRecord, rect: Rect): ValidationRecord {
    const hits = this.validationsIn(sheet, rect);
    if (
      hits.length === 1 &&
      hits[0].ranges.length === 1 &&
      rectCovers(rect, hits[0].ranges[0]) &&
      rectCovers(hits[0].ranges[0], rect)
    ) {
      return hits[0];
    }
    const template = hits.find((v) => v.ranges.some((r) => rectCovers(r, rect)));
    for (const v of hits) v.ranges = v.ranges.flatMap((r) => subtractRect(r, rect));
    sheet.validations = sheet.validations.filter((v) => v.ranges.length > 0);
    const rec = this.newValidation([{ ...rect }], template);
    sheet.validations.push(rec);
    return rec;
  }

  setValidation(
    sheet: SheetRecord,
    rect: Rect,
    patch: Partial<Pick<ValidationRecord, 'rule' | 'ignoreBlanks' | 'errorAlert' | 'prompt'>>,
  ): void {
    this.assertAllowed(sheet, null, 'Changing data validation');
    if (patch.rule) {
      const keys = Object.keys(patch.rule).filter(
        (k) => (patch.rule as Record<string, unknown>)[k] !== undefined,
      );
      if (keys.length !== 1) {
        throw new ModelError(
          'InvalidArgument',
          'A data validation rule must have exactly one criterion',
        );
      }
      if (patch.rule.list) {
        const src = patch.rule.list.source;
        if (typeof src !== 'string' || src.trim() === '') {
          throw new ModelError('InvalidArgument', 'List validation needs a source');
        }
        if (src.startsWith('=')) this.checkFormula(src);
      }
      if (patch.rule.custom) this.checkFormula(patch.rule.custom.formula);
    }
    const rec = this.ownValidation(sheet, rect);
    if (patch.rule !== undefined) rec.rule = patch.rule;
    if (patch.ignoreBlanks !== undefined) rec.ignoreBlanks = patch.ignoreBlanks;
    if (patch.errorAlert) rec.errorAlert = { ...rec.errorAlert, ...patch.errorAlert };
    if (patch.prompt) rec.prompt = { ...rec.prompt, ...patch.prompt };
    this.formatChanged(sheet, rect);
  }

  clearValidation(sheet: SheetRecord, rect: Rect): void {
    this.assertAllowed(sheet, null, 'Clearing data validation');
    for (const v of this.validationsIn(sheet, rect))
      v.ranges = v.ranges.flatMap((r) => subtractRect(r, rect));
    sheet.validations = sheet.validations.filter((v) => v.ranges.length > 0);
    this.formatChanged(sheet, rect);
  }

  /** The items a list rule allows (source split on commas, or the cells of a range/name). */
  listItems(sheet: SheetRecord, rule: ValidationRule): string[] {
    const src = rule.list?.source ?? '';
    if (!src.startsWith('='))
      return src
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    const result = this.engine.calculate(src, sheet.hfId);
    const flat = Array.isArray(result) ? result.flat() : [result];
    return flat
      .filter((v) => v !== null && v !== '')
      .map((v) => formatValue(v as ComputedValue, 'General'));
  }

  /** Whether a cell's current value satisfies its validation rule (true without a rule). */
  isCellValid(sheet: SheetRecord, row: number, col: number): boolean {
    const v = this.validationAt(sheet, row, col);
    if (!v || !v.rule) return true;
    const value = this.value(sheet, row, col);
    return this.valueSatisfies(sheet, v, row, col, value);
  }

  /** Whether `value` would be accepted in the cell by its validation rule. */
  valueSatisfies(
    sheet: SheetRecord,
    v: ValidationRecord,
    row: number,
    col: number,
    value: ComputedValue | '',
  ): boolean {
    const rule = v.rule;
    if (!rule) return true;
    if (value === '' || value === null) return v.ignoreBlanks;
    if (rule.list) {
      const text = formatValue(value, this.style(sheet, row, col).numberFormat).toLowerCase();
      const raw = String(value).toLowerCase();
      return this.listItems(sheet, rule).some(
        (i) => i.toLowerCase() === text || i.toLowerCase() === raw,
      );
    }
    if (rule.custom) {
      const anchor = v.ranges[0];
      const f = shiftRelativeReferences(rule.custom.formula, row - anchor.row, col - anchor.col);
      const r = this.engine.calculate(f, sheet.hfId);
      return r === true || (typeof r === 'number' && r !== 0);
    }
    const basic = rule.wholeNumber ?? rule.decimal ?? rule.textLength;
    if (basic) {
      const n = rule.textLength ? String(value).length : Number(value);
      if (typeof value !== 'number' && !rule.textLength) return false;
      if (rule.wholeNumber && !Number.isInteger(n)) return false;
      const num = (f: string | number | undefined): number => {
        if (typeof f === 'number') return f;
        if (f === undefined) return NaN;
        const r = this.engine.calculate(f.startsWith('=') ? f : `=${f}`, sheet.hfId);
        return Number(r);
      };
      const a = num(basic.formula1);
      const b = num(basic.formula2);
      switch (basic.operator) {
        case 'Between':
          return n >= a && n <= b;
        case 'NotBetween':
          return n < a || n > b;
        case 'EqualTo':
          return n === a;
        case 'NotEqualTo':
          return n !== a;
        case 'GreaterThan':
          return n > a;
        case 'LessThan':
          return n < a;
        case 'GreaterThanOrEqualTo':
          return n >= a;
        case 'LessThanOrEqualTo':
          return n <= a;
        default:
          return true;
      }
    }
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Conditional formats

  addConditionalFormat(sheet: SheetRecord, rect: Rect, type: string): ConditionalFormatRecord {
    this.assertAllowed(sheet, null, 'Adding conditional formats');
    if (type !== 'Custom') {
      throw new ModelError(
        'NotImplemented',
        `The fake supports only custom conditional formats, not ${type}`,
      );
    }
    for (const cf of sheet.conditionalFormats) cf.priority++;
    const rec: ConditionalFormatRecord = {
      id: `{CF-${this.nextId++}}`,
      ranges: [{ ...rect }],
      type: 'Custom',
      formula: '',
      fillColor: null,
      fontColor: null,
      fontBold: null,
      fontItalic: null,
      borders: {},
      stopIfTrue: false,
      priority: 0,
    };
    sheet.conditionalFormats.push(rec);
    this.formatChanged(sheet, rect);
    return rec;
  }

  updateConditionalFormat(
    sheet: SheetRecord,
    cf: ConditionalFormatRecord,
    patch: Partial<ConditionalFormatRecord>,
  ): void {
    this.assertAllowed(sheet, null, 'Changing conditional formats');
    if (patch.formula !== undefined) this.checkFormula(patch.formula);
    Object.assign(cf, patch);
    this.formatChanged(sheet, cf.ranges[0]);
  }

  conditionalFormatsIn(sheet: SheetRecord, rect: Rect): ConditionalFormatRecord[] {
    return sheet.conditionalFormats
      .filter((cf) => cf.ranges.some((r) => rectsIntersect(r, rect)))
      .sort((a, b) => a.priority - b.priority);
  }

  clearConditionalFormats(sheet: SheetRecord, rect: Rect): void {
    this.assertAllowed(sheet, null, 'Clearing conditional formats');
    for (const cf of this.conditionalFormatsIn(sheet, rect))
      cf.ranges = cf.ranges.flatMap((r) => subtractRect(r, rect));
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.ranges.length > 0);
    this.formatChanged(sheet, rect);
  }

  deleteConditionalFormat(sheet: SheetRecord, cf: ConditionalFormatRecord): void {
    this.assertAllowed(sheet, null, 'Deleting conditional formats');
    sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c !== cf);
    this.formatChanged(sheet, cf.ranges[0]);
  }

  /** Whether a custom rule's formula is true for a cell (relative references moved to it). */
  conditionalFormatApplies(
    sheet: SheetRecord,
    cf: ConditionalFormatRecord,
    row: number,
    col: number,
  ): boolean {
    if (!cf.formula || !cf.ranges.some((r) => rectContains(r, row, col))) return false;
    const anchor = cf.ranges[0];
    const formula = shiftRelativeReferences(cf.formula, row - anchor.row, col - anchor.col);
    try {
      const r = this.engine.calculate(formula, sheet.hfId);
      const v = Array.isArray(r) ? r[0]?.[0] : r;
      return v === true || (typeof v === 'number' && v !== 0);
    } catch {
      return false;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Names

  private scopeHfId(rec: NameRecord): number | undefined {
    return rec.scopeSheetId === null ? undefined : this.sheet(rec.scopeSheetId).hfId;
  }

  findName(name: string, scopeSheetId: string | null): NameRecord | undefined {
    const lower = name.toLowerCase();
    return this.names.find(
      (n) => n.scopeSheetId === scopeSheetId && n.name.toLowerCase() === lower,
    );
  }

  nameFormula(rec: NameRecord): string {
    return this.engine.nameFormula(rec.name, this.scopeHfId(rec)) ?? '=#REF!';
  }

  /** Checks a defined name against Excel's rules and the engine's. */
  private checkName(name: string): void {
    if (typeof name !== 'string' || name.length === 0 || name.length > 255) {
      throw new ModelError('InvalidArgument', 'A name must have 1 to 255 characters');
    }
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name)) {
      throw new ModelError('InvalidArgument', `"${name}" is not a valid name`);
    }
    if (
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^[Rr]\d*([Cc]\d*)?$/.test(name) ||
      /^[Cc]\d*$/.test(name)
    ) {
      const m = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
      const looksLikeCell = !m || (m && columnNumber(m[1]) <= MAX_COLS && Number(m[2]) <= MAX_ROWS);
      if (looksLikeCell)
        throw new ModelError('InvalidArgument', `"${name}" looks like a cell reference`);
    }
    try {
      this.engine.checkNameSupported(name);
    } catch (e) {
      if (e instanceof NameNotSupportedError) throw new ModelError('InvalidArgument', e.message);
      throw e;
    }
  }

  addName(name: string, formula: string, scopeSheetId: string | null, comment = ''): NameRecord {
    this.checkName(name);
    if (this.findName(name, scopeSheetId)) {
      throw new ModelError('ItemAlreadyExists', `The name "${name}" already exists in this scope`);
    }
    this.checkFormula(formula);
    const rec: NameRecord = { name, scopeSheetId, comment, visible: true };
    this.engine.addName(name, formula, this.scopeHfId(rec));
    this.names.push(rec);
    this.emit({ type: 'namesChanged', source: this.currentSource });
    return rec;
  }

  setNameFormula(rec: NameRecord, formula: string): void {
    this.checkFormula(formula);
    this.engine.changeName(rec.name, formula, this.scopeHfId(rec));
    this.emit({ type: 'namesChanged', source: this.currentSource });
  }

  updateName(rec: NameRecord, patch: Partial<Pick<NameRecord, 'comment' | 'visible'>>): void {
    Object.assign(rec, patch);
    this.emit({ type: 'namesChanged', source: this.currentSource });
  }

  deleteName(rec: NameRecord): void {
    this.engine.removeName(rec.name, this.scopeHfId(rec));
    const i = this.names.indexOf(rec);
    if (i >= 0) this.names.splice(i, 1);
    this.emit({ type: 'namesChanged', source: this.currentSource });
  }

  /** The range a name refers to, or null when its formula is not a single range reference. */
  nameRange(rec: NameRecord): { sheet: SheetRecord; rect: Rect } | null {
    const f = this.nameFormula(rec).slice(1).trim();
    try {
      const scope = rec.scopeSheetId ? this.sheet(rec.scopeSheetId) : undefined;
      const r = this.resolveAddress(f, scope);
      if (!/!/.test(f) && !scope) return null;
      return r;
    } catch {
      return null;
    }
  }

  /** What NamedItem.value / type report. */
  nameValue(rec: NameRecord): { type: string; value: unknown } {
    const range = this.nameRange(rec);
    if (range) return { type: 'Range', value: this.nameFormula(rec).slice(1) };
    const formula = this.nameFormula(rec);
    const scope = rec.scopeSheetId ? this.sheet(rec.scopeSheetId) : this.sheets[0];
    const v = this.engine.calculate(formula, scope.hfId);
    if (Array.isArray(v)) return { type: 'Array', value: v };
    if (typeof v === 'number')
      return { type: Number.isInteger(v) ? 'Integer' : 'Double', value: v };
    if (typeof v === 'boolean') return { type: 'Boolean', value: v };
    if (v === null) return { type: 'String', value: '' };
    if (isErrorValue(v)) return { type: 'Error', value: v };
    return { type: 'String', value: v };
  }

  // -------------------------------------------------------------------------------------------
  // Structure: inserting and deleting rows and columns

  /**
   * Inserts `count` whole rows before row `at` (axis 'row') or columns before column `at`.
   * Moves cells, formulas and names (engine), formats, merges, validations, conditional formats,
   * print titles and sizes. Excel refuses when non-empty cells would fall off the sheet.
   */
  insertLines(sheet: SheetRecord, axis: 'row' | 'col', at: number, count: number): void {
    this.assertAllowed(
      sheet,
      axis === 'row' ? 'allowInsertRows' : 'allowInsertColumns',
      'Inserting',
    );
    const bounds = this.engine.contentBounds(sheet.hfId);
    const limit = axis === 'row' ? MAX_ROWS : MAX_COLS;
    if ((axis === 'row' ? bounds.rows : bounds.cols) + count > limit) {
      throw new ModelError('NonBlankCellOffSheet', 'Non-empty cells would be pushed off the sheet');
    }
    if (axis === 'row') this.engine.addRows(sheet.hfId, at, count);
    else this.engine.addColumns(sheet.hfId, at, count);
    this.afterStructuralChange(sheet, { axis, kind: 'insert', at, count });
  }

  deleteLines(sheet: SheetRecord, axis: 'row' | 'col', at: number, count: number): void {
    this.assertAllowed(
      sheet,
      axis === 'row' ? 'allowDeleteRows' : 'allowDeleteColumns',
      'Deleting',
    );
    if (axis === 'row') this.engine.removeRows(sheet.hfId, at, count);
    else this.engine.removeColumns(sheet.hfId, at, count);
    this.afterStructuralChange(sheet, { axis, kind: 'delete', at, count });
  }

  /**
   * After rows or columns were inserted or deleted in the engine: moves everything the engine
   * does not hold, then reports the change.
   */
  private afterStructuralChange(sheet: SheetRecord, change: GridChange): void {
    sheet.styles.shift(change.axis, change.kind, change.at, change.count);
    /** Where line `k` is now; null when it was deleted. */
    const moveLine = (k: number): number | null => {
      if (change.kind === 'insert') return k >= change.at ? k + change.count : k;
      if (k < change.at) return k;
      return k >= change.at + change.count ? k - change.count : null;
    };
    const sizes = change.axis === 'row' ? sheet.rowHeights : sheet.colWidths;
    const moved = new Map<number, number>();
    for (const [k, v] of sizes) {
      const to = moveLine(k);
      if (to !== null) moved.set(to, v);
    }
    if (change.kind === 'insert' && change.at > 0 && sizes.has(change.at - 1)) {
      for (let k = change.at; k < change.at + change.count; k++)
        moved.set(k, sizes.get(change.at - 1) as number);
    }
    sizes.clear();
    for (const [k, v] of moved) sizes.set(k, v);
    if (change.axis === 'row') {
      const custom = [...sheet.customRowHeights];
      sheet.customRowHeights.clear();
      for (const k of custom) {
        const to = moveLine(k);
        if (to !== null) sheet.customRowHeights.add(to);
      }
      // Inserted rows take the row above's height, custom or automatic.
      if (change.kind === 'insert' && custom.includes(change.at - 1))
        for (let k = change.at; k < change.at + change.count; k++) sheet.customRowHeights.add(k);
    }

    const shiftAll = (rects: Rect[]): Rect[] =>
      rects.map((r) => shiftRect(r, change)).filter((r): r is Rect => r !== null);
    sheet.merges = shiftAll(sheet.merges).filter((m) => m.rowCount > 1 || m.colCount > 1);
    for (const v of sheet.validations) v.ranges = shiftAll(v.ranges);
    sheet.validations = sheet.validations.filter((v) => v.ranges.length > 0);
    for (const cf of sheet.conditionalFormats) cf.ranges = shiftAll(cf.ranges);
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.ranges.length > 0);

    // Formulas the engine does not hold: rules and list sources on every sheet.
    for (const s of this.sheets) {
      for (const cf of s.conditionalFormats) {
        if (cf.formula) cf.formula = adjustReferences(cf.formula, s.name, sheet.name, change);
      }
      for (const v of s.validations) {
        if (v.rule?.list?.source.startsWith('=')) {
          v.rule.list.source = adjustReferences(v.rule.list.source, s.name, sheet.name, change);
        }
        if (v.rule?.custom)
          v.rule.custom.formula = adjustReferences(
            v.rule.custom.formula,
            s.name,
            sheet.name,
            change,
          );
      }
    }
    const pl = sheet.pageLayout;
    const titles = change.axis === 'row' ? 'printTitleRows' : 'printTitleColumns';
    const title = pl[titles];
    if (title) {
      const adjusted = adjustReferences(`=${title}`, sheet.name, sheet.name, change).slice(1);
      pl[titles] = adjusted.includes('#REF!') ? null : adjusted;
    }
    // The selection keeps its address: Excel does not move it when rows or columns are inserted
    // or deleted (a person inserting through a row header has selected the rows that become the
    // new ones, see FakeUser.insertRows).
    const { axis, at, count } = change;
    this.emit({
      type: `${axis === 'row' ? 'rows' : 'columns'}${change.kind === 'insert' ? 'Inserted' : 'Deleted'}`,
      sheetId: sheet.id,
      rect:
        axis === 'row'
          ? { row: at, col: 0, rowCount: count, colCount: MAX_COLS }
          : { row: 0, col: at, rowCount: MAX_ROWS, colCount: count },
      source: this.currentSource,
    });
  }

  /**
   * Range.insert('Down'|'Right') / Range.delete('Up'|'Left') on part of the sheet: the cells of
   * the range's columns (rows) below (right of) it move. Merged areas that would be cut raise
   * InsertDeleteConflict; formats of moved cells move with them.
   */
  shiftCells(sheet: SheetRecord, rect: Rect, direction: 'Down' | 'Right' | 'Up' | 'Left'): void {
    const vertical = direction === 'Down' || direction === 'Up';
    const insert = direction === 'Down' || direction === 'Right';
    this.assertCellsEditable(sheet, rect);
    const bounds = this.engine.contentBounds(sheet.hfId);
    const band: Rect = vertical
      ? { row: rect.row, col: rect.col, rowCount: MAX_ROWS - rect.row, colCount: rect.colCount }
      : { row: rect.row, col: rect.col, rowCount: rect.rowCount, colCount: MAX_COLS - rect.col };
    for (const m of sheet.merges) {
      if (rectsIntersect(m, band) && !rectCovers(band, m)) {
        throw new ModelError(
          'InsertDeleteConflict',
          `The merged area ${formatRect(m)} would be split`,
        );
      }
    }
    const n = vertical ? rect.rowCount : rect.colCount;
    // The block of content that moves.
    const contentEnd = vertical ? bounds.rows : bounds.cols;
    const start = vertical ? rect.row + (insert ? 0 : n) : rect.col + (insert ? 0 : n);
    const length = contentEnd - start;
    if (insert && contentEnd + n > (vertical ? MAX_ROWS : MAX_COLS) && length > 0) {
      throw new ModelError('NonBlankCellOffSheet', 'Non-empty cells would be pushed off the sheet');
    }
    if (!insert) {
      // Deleted cells: clear them first so the move can take their place.
      const blanks = Array.from({ length: rect.rowCount }, () =>
        Array.from({ length: rect.colCount }, () => null),
      );
      this.engine.setCells(sheet.hfId, rect.row, rect.col, blanks);
    }
    if (length > 0) {
      const from: Rect = vertical
        ? { row: start, col: rect.col, rowCount: length, colCount: rect.colCount }
        : { row: rect.row, col: start, rowCount: rect.rowCount, colCount: length };
      const to = vertical
        ? { row: start + (insert ? n : -n), col: rect.col }
        : { row: rect.row, col: start + (insert ? n : -n) };
      this.engine.moveCells(sheet.hfId, from, to);
    }
    // Formats and merges of the band move with the cells.
    const delta = insert ? n : -n;
    if (!insert) sheet.styles.clear(rect);
    const styleBand: Rect = vertical
      ? { row: start, col: rect.col, rowCount: MAX_ROWS - start, colCount: rect.colCount }
      : { row: rect.row, col: start, rowCount: rect.rowCount, colCount: MAX_COLS - start };
    sheet.styles.moveBlock(styleBand, vertical ? delta : 0, vertical ? 0 : delta);
    const moveRect = (r: Rect): Rect | null => {
      if (!rectCovers(styleBand, r)) {
        if (!insert && rectCovers(rect, r)) return null;
        return r;
      }
      const moved = vertical ? { ...r, row: r.row + delta } : { ...r, col: r.col + delta };
      return moved;
    };
    sheet.merges = sheet.merges.map(moveRect).filter((r): r is Rect => r !== null);
    for (const v of sheet.validations)
      v.ranges = v.ranges.map(moveRect).filter((r): r is Rect => r !== null);
    sheet.validations = sheet.validations.filter((v) => v.ranges.length > 0);
    for (const cf of sheet.conditionalFormats)
      cf.ranges = cf.ranges.map(moveRect).filter((r): r is Rect => r !== null);
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.ranges.length > 0);
    this.emit({
      type: insert ? 'cellsInserted' : 'cellsDeleted',
      sheetId: sheet.id,
      rect,
      direction,
      source: this.currentSource,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Protection, layout

  protect(sheet: SheetRecord, options: Partial<ProtectionOptions> = {}, password?: string): void {
    if (sheet.protection.protected) {
      throw new ModelError('InvalidOperation', `Sheet "${sheet.name}" is already protected`);
    }
    sheet.protection = {
      protected: true,
      options: { ...DEFAULT_PROTECTION_OPTIONS, ...options },
      password,
    };
    this.emit({ type: 'undoCleared', source: this.currentSource });
  }

  unprotect(sheet: SheetRecord, password?: string): void {
    if (!sheet.protection.protected) return;
    if (sheet.protection.password && sheet.protection.password !== password) {
      throw new ModelError('InvalidArgument', 'The password is incorrect');
    }
    sheet.protection = { protected: false, options: { ...DEFAULT_PROTECTION_OPTIONS } };
    this.emit({ type: 'undoCleared', source: this.currentSource });
  }

  setPageLayout(sheet: SheetRecord, patch: Partial<PageLayoutState>): void {
    Object.assign(sheet.pageLayout, patch);
    this.version++;
  }

  setFreeze(sheet: SheetRecord, rows: number, columns: number): void {
    sheet.freeze = { rows, columns };
    this.version++;
  }

  setSheetProps(
    sheet: SheetRecord,
    patch: Partial<Pick<SheetRecord, 'tabColor' | 'showGridlines'>>,
  ): void {
    Object.assign(sheet, patch);
    this.version++;
  }

  // ===========================================================================================
  // Accessors for tests and the playground (never count as syncs)

  /** A cell by address: getCell('Sheet1', 'E7'). */
  getCell(sheetName: string, address: string): CellSnapshot {
    const { sheet, rect } = this.resolveAddress(address, this.sheet(sheetName));
    return this.snapshotCell(sheet, rect.row, rect.col);
  }

  snapshotCell(sheet: SheetRecord, row: number, col: number): CellSnapshot {
    const input = this.input(sheet, row, col);
    const value = this.value(sheet, row, col);
    const format = this.style(sheet, row, col);
    return {
      address: formatRect({ row, col, rowCount: 1, colCount: 1 }),
      value,
      formula: input?.kind === 'formula' ? input.formula : null,
      text: this.text(sheet, row, col),
      numberFormat: format.numberFormat,
      valueType: valueTypeOf(value),
      format,
    };
  }

  /** Defined names: all, or those visible from a sheet (its own plus workbook scope). */
  listNames(
    sheetName?: string,
  ): { name: string; scope: string | null; formula: string; comment: string; visible: boolean }[] {
    const sheet = sheetName ? this.sheet(sheetName) : undefined;
    return this.names
      .filter((n) => !sheet || n.scopeSheetId === null || n.scopeSheetId === sheet.id)
      .map((n) => ({
        name: n.name,
        scope: n.scopeSheetId ? this.sheet(n.scopeSheetId).name : null,
        formula: this.nameFormula(n),
        comment: n.comment,
        visible: n.visible,
      }));
  }

  /** Merged areas of a sheet as addresses ('A1:C1'). */
  merges(sheetName: string): string[] {
    return this.sheet(sheetName).merges.map((m) => formatRect(m));
  }

  validations(sheetName: string): {
    ranges: string[];
    rule: ValidationRule | null;
    ignoreBlanks: boolean;
    errorAlert: ValidationErrorAlert;
  }[] {
    return this.sheet(sheetName).validations.map((v) => ({
      ranges: v.ranges.map((r) => formatRect(r)),
      rule: v.rule,
      ignoreBlanks: v.ignoreBlanks,
      errorAlert: v.errorAlert,
    }));
  }

  conditionalFormats(sheetName: string): {
    id: string;
    ranges: string[];
    formula: string;
    fillColor: string | null;
    fontColor: string | null;
    fontBold: boolean | null;
    fontItalic: boolean | null;
    borders: ConditionalFormatRecord['borders'];
    priority: number;
  }[] {
    return this.sheet(sheetName).conditionalFormats.map((cf) => ({
      id: cf.id,
      ranges: cf.ranges.map((r) => formatRect(r)),
      formula: cf.formula,
      fillColor: cf.fillColor,
      fontColor: cf.fontColor,
      fontBold: cf.fontBold,
      fontItalic: cf.fontItalic,
      borders: { ...cf.borders },
      priority: cf.priority,
    }));
  }

  /** The custom conditional formats whose rule is currently true for a cell. */
  appliedConditionalFormats(
    sheetName: string,
    address: string,
  ): { id: string; fillColor: string | null; fontColor: string | null }[] {
    const { sheet, rect } = this.resolveAddress(address, this.sheet(sheetName));
    const out: { id: string; fillColor: string | null; fontColor: string | null }[] = [];
    for (const cf of this.conditionalFormatsIn(sheet, { ...rect, rowCount: 1, colCount: 1 })) {
      if (this.conditionalFormatApplies(sheet, cf, rect.row, rect.col)) {
        out.push({ id: cf.id, fillColor: cf.fillColor, fontColor: cf.fontColor });
        if (cf.stopIfTrue) break;
      }
    }
    return out;
  }

  /** The items of a cell's in-cell dropdown (list validation), or null when it has none. */
  dropdownItems(sheetName: string, address: string): string[] | null {
    const { sheet, rect } = this.resolveAddress(address, this.sheet(sheetName));
    const v = this.validationAt(sheet, rect.row, rect.col);
    if (!v?.rule?.list || !v.rule.list.inCellDropDown) return null;
    return this.listItems(sheet, v.rule);
  }

  /** A JSON-serialisable picture of a sheet (for the playground and snapshots). */
  snapshotSheet(sheetName: string): SheetSnapshot {
    const sheet = this.sheet(sheetName);
    const used = this.usedRange(sheet) ?? { row: 0, col: 0, rowCount: 0, colCount: 0 };
    const rows = used.row + used.rowCount;
    const cols = used.col + used.colCount;
    const cells: SheetSnapshot['cells'] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const input = this.input(sheet, r, c);
        const hasFormat = sheet.styles.hasCellFormat(r, c);
        if (input === null && !hasFormat) continue;
        const snap = this.snapshotCell(sheet, r, c);
        cells.push({
          row: r,
          col: c,
          address: snap.address,
          value: snap.value,
          formula: snap.formula,
          text: snap.text,
          numberFormat: snap.numberFormat,
          fillColor: snap.format.fillColor,
          fontColor: snap.format.fontColor,
          bold: snap.format.fontBold,
          conditionalFill:
            this.appliedConditionalFormats(sheet.name, snap.address).find((x) => x.fillColor)
              ?.fillColor ?? null,
          valid: this.isCellValid(sheet, r, c),
        });
      }
    }
    return {
      id: sheet.id,
      name: sheet.name,
      position: this.position(sheet),
      visibility: sheet.visibility,
      protected: sheet.protection.protected,
      rowCount: rows,
      columnCount: cols,
      cells,
      merges: sheet.merges.map((m) => formatRect(m)),
      columnWidths: Object.fromEntries([...sheet.colWidths].map(([c, w]) => [c, w])),
      rowHeights: Object.fromEntries([...sheet.rowHeights].map(([r, h]) => [r, h])),
      freeze: { ...sheet.freeze },
      names: this.listNames(sheet.name),
    };
  }
}

export interface SheetSnapshot {
  id: string;
  name: string;
  position: number;
  visibility: string;
  protected: boolean;
  rowCount: number;
  columnCount: number;
  cells: {
    row: number;
    col: number;
    address: string;
    value: ComputedValue | '';
    formula: string | null;
    text: string;
    numberFormat: string;
    fillColor: string | null;
    fontColor: string;
    bold: boolean;
    conditionalFill: string | null;
    valid: boolean;
  }[];
  merges: string[];
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  freeze: { rows: number; columns: number };
  names: {
    name: string;
    scope: string | null;
    formula: string;
    comment: string;
    visible: boolean;
  }[];
}

function structuredCloneRule(rule: ValidationRule): ValidationRule {
  return JSON.parse(JSON.stringify(rule)) as ValidationRule;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** How many lines a wrapped text takes in a column `width` points wide (approximation). */
function wrappedLines(text: string, width: number, fontSize: number): number {
  const perLine = Math.max(1, Math.floor(width / (fontSize * 0.6)));
  return text
    .split('\n')
    .reduce((acc, line) => acc + Math.max(1, Math.ceil(visualLength(line) / perLine)), 0);
}

/** The height of `lines` lines of a font, rounded to a quarter point as Excel's heights are. */
function lineHeight(lines: number, fontSize: number): number {
  return Math.round(lines * fontSize * 1.36 * 4) / 4;
}

/** Display width of a string: CJK characters count double. */
function visualLength(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\uFFEF]/.test(ch) ? 2 : 1;
  return n;
}

export { isEntireRows, isEntireColumns, formatAddress, formatRect };

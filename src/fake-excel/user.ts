/**
 * FakeUser: what a person does in Excel – typing, pasting, deleting, inserting rows,
 * selecting – applied to the model with triggerSource 'Unknown', so that the add-in's event
 * handlers see them as Excel would report them.
 *
 * Row numbers here are the ones a person sees (1-based); addresses are A1 text.
 */
import { MAX_COLS, type Rect, formatRect } from './addressing';
import type { CellInput } from './engine';
import { ModelError } from './errors';
import { parseTypedInput } from './inputParsing';
import type { FakeWorkbookModel, SheetRecord } from './model';
import type { StylePatch } from './styles';

/** What happened to an edit: accepted, or refused the way Excel refuses it (with a dialog). */
export type UserEditResult =
  | { ok: true; warning?: string }
  | {
      ok: false;
      reason: 'protected' | 'validation' | 'invalidFormula' | 'invalid';
      message: string;
    };

const MESSAGES = {
  protected:
    '您试图更改的单元格或图表位于受保护的工作表中。/ The cell or chart you are trying to change is on a protected sheet.',
  validation:
    "此值与此单元格定义的数据验证限制不匹配。/ This value doesn't match the data validation restrictions defined for this cell.",
  invalidFormula: "此公式有问题。/ There's a problem with this formula.",
};

interface UndoEntry {
  label: string;
  undo: () => void;
}

export class FakeUser {
  private undoStack: UndoEntry[] = [];

  constructor(private readonly model: FakeWorkbookModel) {
    model.onChange((c) => {
      if (c.type === 'undoCleared') this.undoStack = [];
    });
  }

  /** How many edits can be undone. */
  get undoDepth(): number {
    return this.undoStack.length;
  }

  private target(sheetName: string, address: string): { sheet: SheetRecord; rect: Rect } {
    return this.model.resolveAddress(address, this.model.sheet(sheetName));
  }

  /** Remembers the contents and number formats of a rectangle so undoLast() can restore them. */
  private remember(label: string, sheet: SheetRecord, rect: Rect): void {
    const inputs: (CellInput | null)[][] = [];
    const formats: string[][] = [];
    for (let r = 0; r < rect.rowCount; r++) {
      const ri: (CellInput | null)[] = [];
      const rf: string[] = [];
      for (let c = 0; c < rect.colCount; c++) {
        ri.push(this.model.input(sheet, rect.row + r, rect.col + c));
        rf.push(this.model.style(sheet, rect.row + r, rect.col + c).numberFormat);
      }
      inputs.push(ri);
      formats.push(rf);
    }
    this.undoStack.push({
      label,
      undo: () => this.model.setCells(sheet, rect, inputs, formats),
    });
  }

  private asUser<T>(fn: () => T): T {
    return this.model.as('user', fn);
  }

  /**
   * Types `text` into a cell and presses Enter. Excel's parsing applies: '8167.74' is a number,
   * '\u30008167.74' (ideographic space) stays text, '18.94%' becomes 0.1894 with format '0.00%',
   * '=…' is a formula, a leading apostrophe keeps text. Typing into a merged area goes to its
   * top-left cell. Refused (nothing changes) on a locked cell of a protected sheet, for an
   * invalid formula, or for a value that breaks a 'Stop' validation rule.
   */
  type(sheetName: string, address: string, text: string): UserEditResult {
    const { sheet, rect } = this.target(sheetName, address);
    const merged = this.model.mergeAt(sheet, rect.row, rect.col);
    const cell: Rect = merged
      ? { row: merged.row, col: merged.col, rowCount: 1, colCount: 1 }
      : { row: rect.row, col: rect.col, rowCount: 1, colCount: 1 };
    try {
      this.model.assertCellsEditable(sheet, cell);
    } catch {
      return { ok: false, reason: 'protected', message: MESSAGES.protected };
    }
    const format = this.model.style(sheet, cell.row, cell.col).numberFormat;
    let parsed = parseTypedInput(text, format);
    if (
      parsed.kind === 'text' &&
      /^[+-]./.test(text) &&
      format.trim() !== '@' &&
      !text.startsWith("'")
    ) {
      // Excel turns "-A1" or "+B2*2" into formulas ("=-A1"); "-" alone stays text.
      try {
        this.model.checkFormula(`=${text}`);
        parsed = { kind: 'formula', formula: `=${text}` };
      } catch {
        // stays text
      }
    }
    let input: CellInput | null;
    let newFormat: string | undefined;
    switch (parsed.kind) {
      case 'empty':
        input = null;
        break;
      case 'formula':
        try {
          this.model.checkFormula(parsed.formula);
        } catch {
          return { ok: false, reason: 'invalidFormula', message: MESSAGES.invalidFormula };
        }
        input = { kind: 'formula', formula: parsed.formula };
        break;
      case 'number':
        input = { kind: 'value', value: parsed.value };
        if (parsed.numberFormat && format === 'General') newFormat = parsed.numberFormat;
        break;
      default:
        input = { kind: 'value', value: parsed.value };
    }

    let warning: string | undefined;
    const validation = this.model.validationAt(sheet, cell.row, cell.col);
    if (validation?.rule && validation.errorAlert.showAlert && input !== null) {
      const value =
        input.kind === 'formula'
          ? (this.model.engine.calculate(input.formula, sheet.hfId) as
              string | number | boolean | null)
          : input.value;
      const ok = this.model.valueSatisfies(
        sheet,
        validation,
        cell.row,
        cell.col,
        Array.isArray(value) ? null : value,
      );
      if (!ok) {
        const message = validation.errorAlert.message || MESSAGES.validation;
        if (validation.errorAlert.style === 'Stop')
          return { ok: false, reason: 'validation', message };
        warning = message; // Warning / Information: the person clicks Yes / OK.
      }
    }

    this.remember(`type ${formatRect(cell)}`, sheet, cell);
    this.asUser(() =>
      this.model.setCells(sheet, cell, [[input]], newFormat ? [[newFormat]] : undefined),
    );
    return warning ? { ok: true, warning } : { ok: true };
  }

  /**
   * Pastes a block of text (as from another program) with its top-left at `topLeft`. Each
   * piece is parsed like typing; data validation is not checked (Excel does not check pastes);
   * one change event covers the whole block and carries no details when it is more than one
   * cell.
   */
  paste(sheetName: string, topLeft: string, cells: string[][]): UserEditResult {
    const { sheet, rect: at } = this.target(sheetName, topLeft);
    const rows = cells.length;
    const cols = Math.max(0, ...cells.map((r) => r.length));
    if (rows === 0 || cols === 0)
      return { ok: false, reason: 'invalid', message: '没有可粘贴的内容。/ Nothing to paste.' };
    const rect: Rect = { row: at.row, col: at.col, rowCount: rows, colCount: cols };
    try {
      this.model.assertCellsEditable(sheet, rect);
    } catch {
      return { ok: false, reason: 'protected', message: MESSAGES.protected };
    }
    const inputs: (CellInput | null)[][] = [];
    const formats: (string | undefined)[][] = [];
    for (let r = 0; r < rows; r++) {
      const ri: (CellInput | null)[] = [];
      const rf: (string | undefined)[] = [];
      for (let c = 0; c < cols; c++) {
        const text = cells[r][c] ?? '';
        const current = this.model.style(sheet, rect.row + r, rect.col + c).numberFormat;
        const p = parseTypedInput(text, current);
        let input: CellInput | null = null;
        let f: string | undefined;
        if (p.kind === 'formula') {
          try {
            this.model.checkFormula(p.formula);
            input = { kind: 'formula', formula: p.formula };
          } catch {
            input = { kind: 'value', value: text };
          }
        } else if (p.kind === 'number') {
          input = { kind: 'value', value: p.value };
          if (p.numberFormat && current === 'General') f = p.numberFormat;
        } else if (p.kind !== 'empty') input = { kind: 'value', value: p.value };
        ri.push(input);
        rf.push(f);
      }
      inputs.push(ri);
      formats.push(rf);
    }
    this.remember(`paste ${formatRect(rect)}`, sheet, rect);
    this.asUser(() => this.model.setCells(sheet, rect, inputs, formats));
    return { ok: true };
  }

  /** Selects a range and presses Delete (clears contents, keeps formats). */
  clear(sheetName: string, address: string): UserEditResult {
    const { sheet, rect } = this.target(sheetName, address);
    try {
      this.model.assertCellsEditable(sheet, rect);
    } catch {
      return { ok: false, reason: 'protected', message: MESSAGES.protected };
    }
    this.remember(`clear ${formatRect(rect)}`, sheet, rect);
    this.asUser(() => this.model.clear(sheet, rect, { contents: true, formats: false }));
    return { ok: true };
  }

  /**
   * Right-click a row header → Insert: `count` rows before row `row` (1-based). Right-clicking the
   * header selects those rows (fires onSelectionChanged when they were not selected yet); the
   * selection then stays where it is, on the inserted rows.
   */
  insertRows(sheetName: string, row: number, count = 1): UserEditResult {
    const sheet = this.model.sheet(sheetName);
    this.selectRows(sheet, row, count);
    try {
      this.asUser(() => this.model.insertLines(sheet, 'row', row - 1, count));
    } catch (e) {
      return this.refused(e);
    }
    this.undoStack.push({
      label: `insert rows ${row}:${row + count - 1}`,
      undo: () => this.model.deleteLines(sheet, 'row', row - 1, count),
    });
    return { ok: true };
  }

  /**
   * Right-click a row header → Delete: rows row … row + count - 1 (1-based). The rows are selected
   * first; the selection stays on them (now the rows that moved up).
   */
  deleteRows(sheetName: string, row: number, count = 1): UserEditResult {
    const sheet = this.model.sheet(sheetName);
    this.selectRows(sheet, row, count);
    const rect: Rect = {
      row: row - 1,
      col: 0,
      rowCount: count,
      colCount: Math.max(1, this.model.engine.contentBounds(sheet.hfId).cols),
    };
    const saved: (CellInput | null)[][] = [];
    const styles: StylePatch[][] = [];
    for (let r = 0; r < rect.rowCount; r++) {
      saved.push(
        Array.from({ length: rect.colCount }, (_, c) => this.model.input(sheet, rect.row + r, c)),
      );
      styles.push(
        Array.from({ length: rect.colCount }, (_, c) => ({
          ...this.model.style(sheet, rect.row + r, c),
        })),
      );
    }
    try {
      this.asUser(() => this.model.deleteLines(sheet, 'row', row - 1, count));
    } catch (e) {
      return this.refused(e);
    }
    this.undoStack.push({
      label: `delete rows ${row}:${row + count - 1}`,
      undo: () => {
        this.model.insertLines(sheet, 'row', row - 1, count);
        styles.forEach((rs, r) =>
          rs.forEach((st, c) =>
            sheet.styles.apply({ row: rect.row + r, col: c, rowCount: 1, colCount: 1 }, st),
          ),
        );
        this.model.setCells(sheet, rect, saved);
      },
    });
    return { ok: true };
  }

  /** Selects whole rows as a click on their headers does, unless they are selected already. */
  private selectRows(sheet: SheetRecord, row: number, count: number): void {
    const rect: Rect = { row: row - 1, col: 0, rowCount: count, colCount: MAX_COLS };
    const sel = this.model.selection;
    const same =
      sel.sheetId === sheet.id &&
      sel.rect.row === rect.row &&
      sel.rect.rowCount === rect.rowCount &&
      sel.rect.col === 0 &&
      sel.rect.colCount === MAX_COLS;
    if (!same) this.asUser(() => this.model.select(sheet, rect));
  }

  /** Clicks or drags to select a range (fires onSelectionChanged). */
  select(sheetName: string, address: string): void {
    const { sheet, rect } = this.target(sheetName, address);
    this.asUser(() => this.model.select(sheet, rect));
  }

  /** Double-clicks a sheet tab and types a new name. */
  renameSheet(oldName: string, newName: string): UserEditResult {
    try {
      this.asUser(() => this.model.renameSheet(this.model.sheet(oldName), newName));
      return { ok: true };
    } catch (e) {
      return this.refused(e);
    }
  }

  /** Formulas → Name Manager → Delete. `scopeSheet`: the sheet for a sheet-scoped name. */
  deleteName(name: string, scopeSheet?: string): UserEditResult {
    const scopeId = scopeSheet ? this.model.sheet(scopeSheet).id : null;
    const rec = this.model.findName(name, scopeId);
    if (!rec)
      return { ok: false, reason: 'invalid', message: `找不到名称“${name}”。/ No name "${name}".` };
    this.asUser(() => this.model.deleteName(rec));
    return { ok: true };
  }

  /** Ctrl+Z: undoes the person's last edit. Returns false when there is nothing to undo. */
  undoLast(): boolean {
    const entry = this.undoStack.pop();
    if (!entry) return false;
    this.asUser(entry.undo);
    return true;
  }

  private refused(e: unknown): UserEditResult {
    if (e instanceof ModelError && e.code === 'AccessDenied') {
      return { ok: false, reason: 'protected', message: MESSAGES.protected };
    }
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      reason: 'invalid',
      message: `Excel 拒绝了此操作。/ Excel refused this operation: ${detail}`,
    };
  }
}

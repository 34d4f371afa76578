/**
 * The calculation engine: one HyperFormula instance per fake workbook ('gpl-v3' licence).
 *
 * HyperFormula holds every cell's content (constant or formula) and every defined name, so
 * that row insertion and deletion move formulas and names exactly once, the way Excel does.
 * This wrapper hides HyperFormula's dialect: formulas are translated to and from Excel text
 * (formulaText.ts), text is always stored with HyperFormula's apostrophe prefix so that
 * '\u30008167.74' is never re-parsed as a number, and TEXT() uses the fake's number formatter.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { RawCellContent, SimpleCellAddress } from 'hyperformula';

import { MAX_COLS, MAX_ROWS } from './addressing';
import { formatValue } from './numberFormat';
import { fromEngineFormula, toEngineFormula } from './formulaText';

/** What a cell holds as entered: a constant or a formula ('=…'). */
export type CellInput =
  { kind: 'value'; value: number | string | boolean } | { kind: 'formula'; formula: string };

/** A computed value: number, text, boolean, an error code ('#DIV/0!') or null for empty. */
export type ComputedValue = number | string | boolean | null;

/** Thrown for a formula the engine cannot parse. */
export class FormulaSyntaxError extends Error {
  constructor(
    readonly formula: string,
    detail: string,
  ) {
    super(`Invalid formula ${formula}: ${detail}`);
    this.name = 'FormulaSyntaxError';
  }
}

/** Thrown for a defined name the engine cannot hold (non-ASCII, looks like a reference…). */
export class NameNotSupportedError extends Error {
  constructor(readonly definedName: string) {
    super(
      `名称“${definedName}”无法在模拟 Excel 中使用：HyperFormula 只接受以 ASCII 字母或下划线开头、由字母数字下划线和点组成的名称。` +
        ` / The fake cannot hold the name "${definedName}": HyperFormula only accepts names made of ASCII letters, digits, underscores and periods (Excel itself allows non-ASCII names).`,
    );
    this.name = 'NameNotSupportedError';
  }
}

function computed(value: unknown): ComputedValue {
  if (value instanceof DetailedCellError) {
    // HyperFormula's own error for a formula it could not parse.
    return value.value === '#ERROR!' ? '#NAME?' : value.value;
  }
  if (value === undefined) return null;
  return value as ComputedValue;
}

export class FormulaEngine {
  readonly hf: HyperFormula;

  constructor() {
    this.hf = HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      maxRows: MAX_ROWS,
      maxColumns: MAX_COLS,
      evaluateNullToZero: true,
      precisionRounding: 14,
      useArrayArithmetic: false,
      // TEXT(value, format) goes through the fake's formatter (HyperFormula calls the
      // currency hook first for every TEXT format).
      stringifyCurrency: (value: number, format: string) => formatValue(value, format),
    });
  }

  addSheet(name: string): number {
    const hfName = this.hf.addSheet(name);
    const id = this.hf.getSheetId(hfName);
    if (id === undefined) throw new Error(`HyperFormula did not create sheet ${name}`);
    return id;
  }

  removeSheet(hfId: number): void {
    this.hf.removeSheet(hfId);
  }

  renameSheet(hfId: number, name: string): void {
    this.hf.renameSheet(hfId, name);
  }

  /** Throws FormulaSyntaxError when Excel would refuse the formula. */
  validateFormula(formula: string): void {
    const text = toEngineFormula(formula);
    if (!this.hf.validateFormula(text)) {
      throw new FormulaSyntaxError(formula, 'syntax error');
    }
    if (/^=\s*$/.test(formula)) throw new FormulaSyntaxError(formula, 'empty formula');
  }

  private raw(input: CellInput | null): RawCellContent {
    if (input === null) return null;
    if (input.kind === 'formula') return toEngineFormula(input.formula);
    if (typeof input.value === 'string') return `'${input.value}`;
    return input.value;
  }

  /** Writes a block of cells (top-left at row, col) in one engine batch. */
  setCells(hfId: number, row: number, col: number, inputs: (CellInput | null)[][]): void {
    const data = inputs.map((r) => r.map((c) => this.raw(c)));
    this.hf.setCellContents({ sheet: hfId, row, col }, data);
  }

  /** Runs several writes as one recalculation. */
  batch(fn: () => void): void {
    this.hf.batch(fn);
  }

  getValue(hfId: number, row: number, col: number): ComputedValue {
    return computed(this.hf.getCellValue({ sheet: hfId, row, col }));
  }

  getInput(hfId: number, row: number, col: number): CellInput | null {
    const address: SimpleCellAddress = { sheet: hfId, row, col };
    if (this.hf.doesCellHaveFormula(address)) {
      const f = this.hf.getCellFormula(address);
      return f === undefined ? null : { kind: 'formula', formula: fromEngineFormula(f) };
    }
    const v = this.hf.getCellSerialized(address);
    if (v === null || v === undefined || v === '') return null;
    if (typeof v === 'string') {
      return { kind: 'value', value: v.startsWith("'") ? v.slice(1) : v };
    }
    if (typeof v === 'number' || typeof v === 'boolean') return { kind: 'value', value: v };
    return null;
  }

  /** The used area of a sheet in the engine (cells with content), or null. */
  contentBounds(hfId: number): { rows: number; cols: number } {
    const d = this.hf.getSheetDimensions(hfId);
    return { rows: d.height, cols: d.width };
  }

  addRows(hfId: number, at: number, count: number): void {
    this.hf.addRows(hfId, [at, count]);
  }

  removeRows(hfId: number, at: number, count: number): void {
    this.hf.removeRows(hfId, [at, count]);
  }

  addColumns(hfId: number, at: number, count: number): void {
    this.hf.addColumns(hfId, [at, count]);
  }

  removeColumns(hfId: number, at: number, count: number): void {
    this.hf.removeColumns(hfId, [at, count]);
  }

  /** Moves a block (like cut and paste); references to it follow. */
  moveCells(
    hfId: number,
    from: { row: number; col: number; rowCount: number; colCount: number },
    to: { row: number; col: number },
  ): void {
    this.hf.moveCells(
      {
        start: { sheet: hfId, row: from.row, col: from.col },
        end: { sheet: hfId, row: from.row + from.rowCount - 1, col: from.col + from.colCount - 1 },
      },
      { sheet: hfId, row: to.row, col: to.col },
    );
  }

  /** Evaluates a formula in the context of a sheet (sheet-scoped names visible). */
  calculate(formula: string, hfId: number): ComputedValue | ComputedValue[][] {
    const result = this.hf.calculateFormula(toEngineFormula(formula), hfId);
    if (Array.isArray(result)) return result.map((r) => r.map(computed));
    return computed(result);
  }

  // -------------------------------------------------------------------------------------------
  // Defined names

  /** Throws NameNotSupportedError when HyperFormula cannot hold the name. */
  checkNameSupported(name: string): void {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) throw new NameNotSupportedError(name);
    if (!this.hf.isItPossibleToAddNamedExpression(name, '=0')) {
      // Either the name is taken (checked by the caller) or HyperFormula reads it as a reference.
      if (!this.hf.listNamedExpressions().some((n) => n.toLowerCase() === name.toLowerCase())) {
        throw new NameNotSupportedError(name);
      }
    }
  }

  addName(name: string, formula: string, scopeHfId?: number): void {
    this.hf.addNamedExpression(name, toEngineFormula(formula), scopeHfId);
  }

  changeName(name: string, formula: string, scopeHfId?: number): void {
    this.hf.changeNamedExpression(name, toEngineFormula(formula), scopeHfId);
  }

  removeName(name: string, scopeHfId?: number): void {
    this.hf.removeNamedExpression(name, scopeHfId);
  }

  /** The name's formula as Excel shows it ('=Sheet1!$E$7'), after structural changes. */
  nameFormula(name: string, scopeHfId?: number): string | undefined {
    const f = this.hf.getNamedExpressionFormula(name, scopeHfId);
    if (f === undefined) {
      const expr = this.hf.getNamedExpression(name, scopeHfId);
      if (!expr) return undefined;
      const e = expr.expression;
      return typeof e === 'string' && e.startsWith('=') ? fromEngineFormula(e) : `=${String(e)}`;
    }
    return fromEngineFormula(f);
  }
}

/**
 * Excel.Range and RangeAreas proxies.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  type Rect,
  boundingRect,
  formatRect,
  intersectRects,
  isEntireColumns,
  isEntireRows,
} from '../addressing';
import type { CellInput } from '../engine';
import { richError } from '../errors';
import { parseTypedInput } from '../inputParsing';
import type { FakeWorkbookModel, SheetRecord } from '../model';
import { valueTypeOf } from '../model';
import { LoadableProxy, NO_SUCH_PROPERTY, ProxyBase, checkSameContext } from './base';
import { applySet } from './common';
import type { FakeRequestContext } from './context';
import {
  FakeConditionalFormatCollection,
  FakeDataValidation,
  FakeRangeFormat,
} from './rangeFormat';

/** What a Range proxy points at. */
export interface RangeTarget {
  sheet: SheetRecord;
  rect: Rect;
}

/** The rectangle of cells that actually hold something, clipped to `rect` (for big reads). */
function contentClip(model: FakeWorkbookModel, t: RangeTarget): Rect {
  const b = model.engine.contentBounds(t.sheet.hfId);
  return {
    row: t.rect.row,
    col: t.rect.col,
    rowCount: Math.max(0, Math.min(t.rect.rowCount, b.rows - t.rect.row)),
    colCount: Math.max(0, Math.min(t.rect.colCount, b.cols - t.rect.col)),
  };
}

/** Builds a rowCount × colCount matrix, asking `cell` only inside the content area. */
function matrix<T>(
  t: RangeTarget,
  clip: Rect,
  empty: (r: number, c: number) => T,
  cell: (r: number, c: number) => T,
): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < t.rect.rowCount; i++) {
    const row: T[] = [];
    const r = t.rect.row + i;
    for (let j = 0; j < t.rect.colCount; j++) {
      const c = t.rect.col + j;
      const inside = i < clip.rowCount && j < clip.colCount;
      row.push(inside ? cell(r, c) : empty(r, c));
    }
    out.push(row);
  }
  return out;
}

const RANGE_SCALARS = [
  'address',
  'addressLocal',
  'cellCount',
  'columnCount',
  'columnIndex',
  'formulas',
  'formulasLocal',
  'isEntireColumn',
  'isEntireRow',
  'numberFormat',
  'rowCount',
  'rowIndex',
  'text',
  'valueTypes',
  'values',
] as const;

type RangeMembers =
  | 'context'
  | 'isNullObject'
  | 'address'
  | 'addressLocal'
  | 'cellCount'
  | 'columnCount'
  | 'columnIndex'
  | 'formulas'
  | 'formulasLocal'
  | 'isEntireColumn'
  | 'isEntireRow'
  | 'numberFormat'
  | 'rowCount'
  | 'rowIndex'
  | 'text'
  | 'valueTypes'
  | 'values'
  | 'worksheet'
  | 'format'
  | 'dataValidation'
  | 'conditionalFormats'
  | 'load'
  | 'set'
  | 'getCell'
  | 'getOffsetRange'
  | 'getResizedRange'
  | 'getAbsoluteResizedRange'
  | 'getEntireRow'
  | 'getEntireColumn'
  | 'getRow'
  | 'getColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getLastCell'
  | 'getRowsAbove'
  | 'getRowsBelow'
  | 'getColumnsBefore'
  | 'getColumnsAfter'
  | 'getIntersection'
  | 'getIntersectionOrNullObject'
  | 'getBoundingRect'
  | 'getUsedRange'
  | 'getUsedRangeOrNullObject'
  | 'merge'
  | 'unmerge'
  | 'getMergedAreasOrNullObject'
  | 'insert'
  | 'delete'
  | 'clear'
  | 'select'
  | 'calculate';

/**
 * Turns what an add-in assigns to `values`/`formulas` into cell inputs, parsing strings as
 * Excel does (numbers, percentages, '=' formulas, leading apostrophe). `null` entries leave a
 * cell unchanged; '' clears it.
 */
function toInputs(
  model: FakeWorkbookModel,
  t: RangeTarget,
  data: unknown,
  location: string,
): { inputs: (CellInput | null | undefined)[][]; formats: (string | undefined)[][] } {
  const rows = t.rect.rowCount;
  const cols = t.rect.colCount;
  if (data === null || data === undefined) {
    throw richError(
      'InvalidArgument',
      location,
      'null is not a valid value for the whole property',
    );
  }
  const get = (i: number, j: number): unknown => {
    if (!Array.isArray(data)) return data;
    return (data[i] as unknown[])[j];
  };
  if (Array.isArray(data)) {
    if (data.length !== rows || data.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw richError(
        'InvalidArgument',
        location,
        `The array is ${data.length}×${Array.isArray(data[0]) ? (data[0] as unknown[]).length : '?'} but the range is ${rows}×${cols}`,
      );
    }
  }
  const inputs: (CellInput | null | undefined)[][] = [];
  const formats: (string | undefined)[][] = [];
  for (let i = 0; i < rows; i++) {
    const ri: (CellInput | null | undefined)[] = [];
    const rf: (string | undefined)[] = [];
    for (let j = 0; j < cols; j++) {
      const v = get(i, j);
      let input: CellInput | null | undefined;
      let fmt: string | undefined;
      if (v === null || v === undefined) input = undefined;
      else if (typeof v === 'number') {
        if (!Number.isFinite(v))
          throw richError('InvalidArgument', location, `${v} is not a valid number`);
        input = { kind: 'value', value: v };
      } else if (typeof v === 'boolean') input = { kind: 'value', value: v };
      else if (typeof v === 'string') {
        const current = model.style(t.sheet, t.rect.row + i, t.rect.col + j).numberFormat;
        const parsed = parseTypedInput(v, current);
        switch (parsed.kind) {
          case 'empty':
            input = null;
            break;
          case 'text':
            input = { kind: 'value', value: parsed.value };
            break;
          case 'boolean':
            input = { kind: 'value', value: parsed.value };
            break;
          case 'number':
            input = { kind: 'value', value: parsed.value };
            if (parsed.numberFormat && current === 'General') fmt = parsed.numberFormat;
            break;
          case 'formula':
            input = { kind: 'formula', formula: parsed.formula };
            break;
        }
      } else {
        throw richError('InvalidArgument', location, `Unsupported cell value ${String(v)}`);
      }
      ri.push(input);
      rf.push(fmt);
    }
    inputs.push(ri);
    formats.push(rf);
  }
  return { inputs, formats };
}

export class FakeRange
  extends LoadableProxy<RangeTarget, Excel.Range>
  implements Pick<Excel.Range, RangeMembers>
{
  readonly _typeName = 'Range';
  private _format?: FakeRangeFormat;
  private _validation?: FakeDataValidation;
  private _cfs?: FakeConditionalFormatCollection;
  private _sheetProxy?: ProxyBase<SheetRecord>;

  constructor(
    ctx: FakeRequestContext,
    resolver: () => RangeTarget | null,
    parent?: ProxyBase<unknown>,
    private readonly makeWorksheet?: (range: FakeRange) => ProxyBase<SheetRecord>,
  ) {
    super(ctx, resolver, parent);
  }

  private get model(): FakeWorkbookModel {
    return this._ctx._env.model;
  }

  override _scalarNames(): readonly string[] {
    return RANGE_SCALARS;
  }

  override _navigate(name: string): ProxyBase<unknown> | undefined {
    switch (name) {
      case 'format':
        return this.format as unknown as FakeRangeFormat;
      case 'dataValidation':
        return this.dataValidation as unknown as FakeDataValidation;
      case 'conditionalFormats':
        return this.conditionalFormats as unknown as FakeConditionalFormatCollection;
      case 'worksheet':
        return this.worksheet as unknown as ProxyBase<unknown>;
      default:
        return undefined;
    }
  }

  override _compute(name: string, t: RangeTarget): unknown {
    const m = this.model;
    const { sheet, rect } = t;
    switch (name) {
      case 'address':
      case 'addressLocal':
        return m.address(sheet, rect);
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.col;
      case 'rowCount':
        return rect.rowCount;
      case 'columnCount':
        return rect.colCount;
      case 'cellCount':
        return rect.rowCount * rect.colCount;
      case 'isEntireRow':
        return isEntireRows(rect);
      case 'isEntireColumn':
        return isEntireColumns(rect);
      case 'values': {
        const clip = contentClip(m, t);
        return matrix(
          t,
          clip,
          () => '',
          (r, c) => m.value(sheet, r, c),
        );
      }
      case 'formulas':
      case 'formulasLocal': {
        const clip = contentClip(m, t);
        return matrix(
          t,
          clip,
          () => '',
          (r, c) => {
            const input = m.input(sheet, r, c);
            if (!input) return '';
            return input.kind === 'formula' ? input.formula : input.value;
          },
        );
      }
      case 'text': {
        const clip = contentClip(m, t);
        return matrix(
          t,
          clip,
          () => '',
          (r, c) => m.text(sheet, r, c),
        );
      }
      case 'valueTypes': {
        const clip = contentClip(m, t);
        return matrix(
          t,
          clip,
          () => 'Empty',
          (r, c) => valueTypeOf(m.value(sheet, r, c)),
        );
      }
      case 'numberFormat':
        return matrix(
          t,
          { ...rect, rowCount: rect.rowCount, colCount: rect.colCount },
          () => 'General',
          (r, c) => m.style(sheet, r, c).numberFormat,
        );
      default:
        return NO_SUCH_PROPERTY;
    }
  }

  // ------------------------------------------------------------------ scalar properties
  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get isEntireRow(): boolean {
    return this._get('isEntireRow');
  }
  get isEntireColumn(): boolean {
    return this._get('isEntireColumn');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this._get('valueTypes');
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get values(): any[][] {
    return this._get('values');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set values(data: any[][]) {
    this._setProp('values', data, (t, v) => {
      const { inputs, formats } = toInputs(this.model, t, v, 'Range.values');
      this.model.setCells(t.sheet, t.rect, inputs, formats);
    });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formulas(): any[][] {
    return this._get('formulas');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formulas(data: any[][]) {
    this._setProp('formulas', data, (t, v) => {
      const { inputs, formats } = toInputs(this.model, t, v, 'Range.formulas');
      this.model.setCells(t.sheet, t.rect, inputs, formats);
    });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formulasLocal(): any[][] {
    return this._get('formulasLocal');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formulasLocal(data: any[][]) {
    this.formulas = data;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get numberFormat(): any[][] {
    return this._get('numberFormat');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set numberFormat(data: any[][]) {
    this._setProp('numberFormat', data, (t, v) => {
      if (v === null || v === undefined) throw richError('InvalidArgument', 'Range.numberFormat');
      if (!Array.isArray(v)) {
        this.model.applyStyle(t.sheet, t.rect, {
          numberFormat: String(v) === '' ? 'General' : String(v),
        });
        return;
      }
      if (
        v.length !== t.rect.rowCount ||
        v.some((r) => !Array.isArray(r) || r.length !== t.rect.colCount)
      ) {
        throw richError(
          'InvalidArgument',
          'Range.numberFormat',
          'The array does not match the range size',
        );
      }
      this.model.assertAllowed(t.sheet, 'allowFormatCells', 'Formatting cells');
      v.forEach((row: unknown[], i: number) =>
        row.forEach((f, j) => {
          if (f === null || f === undefined) return;
          t.sheet.styles.apply(
            { row: t.rect.row + i, col: t.rect.col + j, rowCount: 1, colCount: 1 },
            { numberFormat: String(f) === '' ? 'General' : String(f) },
          );
        }),
      );
      this.model.applyStyle(t.sheet, t.rect, {});
    });
  }

  // ------------------------------------------------------------------ navigation
  get format(): Excel.RangeFormat {
    this._format ??= new FakeRangeFormat(this._ctx, () => this._resolve(), this);
    return this._format as unknown as Excel.RangeFormat;
  }

  get dataValidation(): Excel.DataValidation {
    this._validation ??= new FakeDataValidation(this._ctx, () => this._resolve(), this);
    return this._validation as unknown as Excel.DataValidation;
  }

  get conditionalFormats(): Excel.ConditionalFormatCollection {
    this._cfs ??= new FakeConditionalFormatCollection(this._ctx, () => this._resolve(), this);
    return this._cfs as unknown as Excel.ConditionalFormatCollection;
  }

  get worksheet(): Excel.Worksheet {
    if (!this.makeWorksheet) throw new Error('Range without worksheet factory');
    this._sheetProxy ??= this.makeWorksheet(this);
    return this._sheetProxy as unknown as Excel.Worksheet;
  }

  // ------------------------------------------------------------------ load / set

  set(properties: unknown): void {
    applySet(this, properties);
  }

  // ------------------------------------------------------------------ derived ranges
  /** @internal a range derived from this one's target at sync time. */
  _derive(
    location: string,
    fn: (t: RangeTarget) => RangeTarget | null,
    nullable = false,
  ): Excel.Range {
    const child = new FakeRange(
      this._ctx,
      () => {
        const t = this._require(`Range.${location}`);
        return fn(t);
      },
      this,
      this.makeWorksheet,
    );
    return this._created(child, location, nullable) as unknown as Excel.Range;
  }

  private static checkRect(rect: Rect, location: string): Rect {
    if (
      rect.row < 0 ||
      rect.col < 0 ||
      rect.rowCount < 1 ||
      rect.colCount < 1 ||
      rect.row + rect.rowCount > MAX_ROWS ||
      rect.col + rect.colCount > MAX_COLS
    ) {
      throw richError(
        'InvalidArgument',
        location,
        `The range ${JSON.stringify(rect)} is outside the sheet`,
      );
    }
    return rect;
  }

  private otherRect(t: RangeTarget, other: Excel.Range | string, location: string): Rect {
    if (typeof other === 'string') return this.model.resolveAddress(other, t.sheet).rect;
    checkSameContext(this._ctx, other, location);
    const o = (other as unknown as FakeRange)._require(location);
    if (o.sheet !== t.sheet)
      throw richError('InvalidArgument', location, 'The ranges are on different sheets');
    return o.rect;
  }

  getCell(row: number, column: number): Excel.Range {
    return this._derive('getCell', (t) => ({
      sheet: t.sheet,
      rect: FakeRange.checkRect(
        { row: t.rect.row + row, col: t.rect.col + column, rowCount: 1, colCount: 1 },
        'Range.getCell',
      ),
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Excel.Range {
    return this._derive('getOffsetRange', (t) => ({
      sheet: t.sheet,
      rect: FakeRange.checkRect(
        { ...t.rect, row: t.rect.row + rowOffset, col: t.rect.col + columnOffset },
        'Range.getOffsetRange',
      ),
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Excel.Range {
    return this._derive('getResizedRange', (t) => ({
      sheet: t.sheet,
      rect: FakeRange.checkRect(
        {
          ...t.rect,
          rowCount: t.rect.rowCount + deltaRows,
          colCount: t.rect.colCount + deltaColumns,
        },
        'Range.getResizedRange',
      ),
    }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): Excel.Range {
    return this._derive('getAbsoluteResizedRange', (t) => ({
      sheet: t.sheet,
      rect: FakeRange.checkRect(
        { ...t.rect, rowCount: numRows, colCount: numColumns },
        'Range.getAbsoluteResizedRange',
      ),
    }));
  }

  getEntireRow(): Excel.Range {
    return this._derive('getEntireRow', (t) => ({
      sheet: t.sheet,
      rect: { row: t.rect.row, col: 0, rowCount: t.rect.rowCount, colCount: MAX_COLS },
    }));
  }

  getEntireColumn(): Excel.Range {
    return this._derive('getEntireColumn', (t) => ({
      sheet: t.sheet,
      rect: { row: 0, col: t.rect.col, rowCount: MAX_ROWS, colCount: t.rect.colCount },
    }));
  }

  getRow(row: number): Excel.Range {
    return this._derive('getRow', (t) => {
      if (row < 0 || row >= t.rect.rowCount)
        throw richError('InvalidArgument', 'Range.getRow', `Row ${row} is outside the range`);
      return { sheet: t.sheet, rect: { ...t.rect, row: t.rect.row + row, rowCount: 1 } };
    });
  }

  getColumn(column: number): Excel.Range {
    return this._derive('getColumn', (t) => {
      if (column < 0 || column >= t.rect.colCount)
        throw richError(
          'InvalidArgument',
          'Range.getColumn',
          `Column ${column} is outside the range`,
        );
      return { sheet: t.sheet, rect: { ...t.rect, col: t.rect.col + column, colCount: 1 } };
    });
  }

  getLastRow(): Excel.Range {
    return this._derive('getLastRow', (t) => ({
      sheet: t.sheet,
      rect: { ...t.rect, row: t.rect.row + t.rect.rowCount - 1, rowCount: 1 },
    }));
  }

  getLastColumn(): Excel.Range {
    return this._derive('getLastColumn', (t) => ({
      sheet: t.sheet,
      rect: { ...t.rect, col: t.rect.col + t.rect.colCount - 1, colCount: 1 },
    }));
  }

  getLastCell(): Excel.Range {
    return this._derive('getLastCell', (t) => ({
      sheet: t.sheet,
      rect: {
        row: t.rect.row + t.rect.rowCount - 1,
        col: t.rect.col + t.rect.colCount - 1,
        rowCount: 1,
        colCount: 1,
      },
    }));
  }

  getRowsAbove(count = 1): Excel.Range {
    return this._derive('getRowsAbove', (t) => ({
      sheet: t.sheet,
      rect: FakeRange.checkRect(
        { ...t.rect, row: t.rect.row - count, rowCount: count },
        'Range.getRowsAbove',
      ),
    }));
  }

  getRowsBelow(count = 1): Excel.Range {
    return this._derive('getRowsBelow', (t) => ({
      sheet: t.sheet,
      rect: FakeRange.checkRect(
        { ...t.rect, row: t.rect.row + t.rect.rowCount, rowCount: count },
        'Range.getRowsBelow',
      ),
    }));
  }

  getColumnsBefore(count = 1): Excel.Range {
    return this._derive('getColumnsBefore', (t) => ({
      sheet: t.sheet,
      rect: FakeRange.checkRect(
        { ...t.rect, col: t.rect.col - count, colCount: count },
        'Range.getColumnsBefore',
      ),
    }));
  }

  getColumnsAfter(count = 1): Excel.Range {
    return this._derive('getColumnsAfter', (t) => ({
      sheet: t.sheet,
      rect: FakeRange.checkRect(
        { ...t.rect, col: t.rect.col + t.rect.colCount, colCount: count },
        'Range.getColumnsAfter',
      ),
    }));
  }

  getIntersection(anotherRange: Excel.Range | string): Excel.Range {
    return this._derive('getIntersection', (t) => {
      const rect = intersectRects(t.rect, this.otherRect(t, anotherRange, 'Range.getIntersection'));
      if (!rect)
        throw richError('ItemNotFound', 'Range.getIntersection', 'The ranges do not intersect');
      return { sheet: t.sheet, rect };
    });
  }

  getIntersectionOrNullObject(anotherRange: Excel.Range | string): Excel.Range {
    return this._derive(
      'getIntersectionOrNullObject',
      (t) => {
        const rect = intersectRects(
          t.rect,
          this.otherRect(t, anotherRange, 'Range.getIntersectionOrNullObject'),
        );
        return rect ? { sheet: t.sheet, rect } : null;
      },
      true,
    );
  }

  getBoundingRect(anotherRange: Excel.Range | string): Excel.Range {
    return this._derive('getBoundingRect', (t) => ({
      sheet: t.sheet,
      rect: boundingRect(t.rect, this.otherRect(t, anotherRange, 'Range.getBoundingRect')),
    }));
  }

  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return this._derive('getUsedRange', (t) => {
      const used = this.model.usedRange(t.sheet, valuesOnly);
      const rect = used && intersectRects(used, t.rect);
      if (!rect)
        throw richError('ItemNotFound', 'Range.getUsedRange', 'The range has no used cells');
      return { sheet: t.sheet, rect };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return this._derive(
      'getUsedRangeOrNullObject',
      (t) => {
        const used = this.model.usedRange(t.sheet, valuesOnly);
        const rect = used && intersectRects(used, t.rect);
        return rect ? { sheet: t.sheet, rect } : null;
      },
      true,
    );
  }

  getMergedAreasOrNullObject(): Excel.RangeAreas {
    const child = new FakeRangeAreas(
      this._ctx,
      () => {
        const t = this._require('Range.getMergedAreasOrNullObject');
        const areas = this.model.mergesIn(t.sheet, t.rect);
        if (areas.length > 512)
          throw richError(
            'InvalidOperation',
            'Range.getMergedAreasOrNullObject',
            'More than 512 merged areas',
          );
        return areas.length ? { sheet: t.sheet, rects: areas } : null;
      },
      this,
    );
    return this._created(child, 'getMergedAreasOrNullObject', true) as unknown as Excel.RangeAreas;
  }

  // ------------------------------------------------------------------ actions
  merge(across?: boolean): void {
    this._queue('merge', (t) => this.model.merge(t.sheet, t.rect, Boolean(across)));
  }

  unmerge(): void {
    this._queue('unmerge', (t) => this.model.unmerge(t.sheet, t.rect));
  }

  insert(shift: Excel.InsertShiftDirection): Excel.Range;
  insert(shift: 'Down' | 'Right'): Excel.Range;
  insert(shift: string): Excel.Range {
    const result = new FakeRange(
      this._ctx,
      () => this._require('Range.insert'),
      this,
      this.makeWorksheet,
    );
    this._queue('insert', (t) => {
      if (shift !== 'Down' && shift !== 'Right')
        throw richError('InvalidArgument', 'Range.insert', `Bad shift ${shift}`);
      if (shift === 'Down' && isEntireRows(t.rect))
        this.model.insertLines(t.sheet, 'row', t.rect.row, t.rect.rowCount);
      else if (shift === 'Right' && isEntireColumns(t.rect))
        this.model.insertLines(t.sheet, 'col', t.rect.col, t.rect.colCount);
      else this.model.shiftCells(t.sheet, t.rect, shift);
      result._resolve();
    });
    return result as unknown as Excel.Range;
  }

  delete(shift: Excel.DeleteShiftDirection): void;
  delete(shift: 'Up' | 'Left'): void;
  delete(shift: string): void {
    this._queue('delete', (t) => {
      if (shift !== 'Up' && shift !== 'Left')
        throw richError('InvalidArgument', 'Range.delete', `Bad shift ${shift}`);
      if (shift === 'Up' && isEntireRows(t.rect))
        this.model.deleteLines(t.sheet, 'row', t.rect.row, t.rect.rowCount);
      else if (shift === 'Left' && isEntireColumns(t.rect))
        this.model.deleteLines(t.sheet, 'col', t.rect.col, t.rect.colCount);
      else this.model.shiftCells(t.sheet, t.rect, shift);
    });
  }

  clear(applyTo?: Excel.ClearApplyTo): void;
  clear(
    applyTo?: 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents',
  ): void;
  clear(applyTo: string = 'All'): void {
    this._queue('clear', (t) => {
      switch (applyTo) {
        case 'All':
          this.model.clear(t.sheet, t.rect, { contents: true, formats: true });
          this.model.clearConditionalFormats(t.sheet, t.rect);
          break;
        case 'Contents':
        case 'ResetContents':
          this.model.clear(t.sheet, t.rect, { contents: true, formats: false });
          break;
        case 'Formats':
          this.model.clear(t.sheet, t.rect, { contents: false, formats: true });
          this.model.clearConditionalFormats(t.sheet, t.rect);
          break;
        case 'Hyperlinks':
        case 'RemoveHyperlinks':
          break;
        default:
          throw richError('InvalidArgument', 'Range.clear', `Bad applyTo ${applyTo}`);
      }
    });
  }

  select(): void {
    this._queue('select', (t) => this.model.select(t.sheet, t.rect));
  }

  calculate(): void {
    this._queue('calculate', () => undefined);
  }

  /** The address text for debugging (not an Office.js member). */
  override toString(): string {
    const t = this._target;
    return t ? formatRect(t.rect) : 'Range(unresolved)';
  }
}

/** What a RangeAreas proxy points at. */
export interface AreasTarget {
  sheet: SheetRecord;
  rects: Rect[];
}

/** Excel.RangeAreas (as returned by getMergedAreasOrNullObject). */
export class FakeRangeAreas
  extends LoadableProxy<AreasTarget, Excel.RangeAreas>
  implements
    Pick<
      Excel.RangeAreas,
      'context' | 'isNullObject' | 'address' | 'addressLocal' | 'areaCount' | 'cellCount' | 'load'
    >
{
  readonly _typeName = 'RangeAreas';

  override _scalarNames(): readonly string[] {
    return ['address', 'addressLocal', 'areaCount', 'cellCount'];
  }

  override _compute(name: string, t: AreasTarget): unknown {
    const m = this._ctx._env.model;
    switch (name) {
      case 'address':
      case 'addressLocal':
        return t.rects.map((r) => m.address(t.sheet, r)).join(',');
      case 'areaCount':
        return t.rects.length;
      case 'cellCount':
        return t.rects.reduce((n, r) => n + r.rowCount * r.colCount, 0);
      default:
        return NO_SUCH_PROPERTY;
    }
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
}

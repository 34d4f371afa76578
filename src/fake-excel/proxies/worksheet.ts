/**
 * Excel.Worksheet, WorksheetCollection, WorksheetProtection, WorksheetFreezePanes and
 * PageLayout proxies.
 */
import { MAX_COLS, MAX_ROWS, type Rect, formatRect } from '../addressing';
import { richError } from '../errors';
import type { EventScope } from '../events';
import type { FakeWorkbookModel, ProtectionOptions, SheetRecord } from '../model';
import { LoadableProxy, NO_SUCH_PROPERTY, ProxyBase, checkSameContext, model } from './base';
import { CollectionProxy, FakeEventHandlers, applySet } from './common';
import type { FakeRequestContext } from './context';
import { FakeNamedItemCollection } from './names';
import { FakeRange, type RangeTarget } from './range';
import { FakeConditionalFormatCollection } from './rangeFormat';

// ConditionalFormat.getRange() builds ranges through this factory (avoids an import cycle).
FakeConditionalFormatCollection.makeRange = (ctx, target, parent) =>
  makeRange(ctx, target, parent) as unknown as Excel.Range;

/** Builds a Range proxy whose worksheet navigation works. */
export function makeRange(
  ctx: FakeRequestContext,
  resolver: () => RangeTarget | null,
  parent?: ProxyBase<unknown>,
): FakeRange {
  return new FakeRange(
    ctx,
    resolver,
    parent,
    (range) => new FakeWorksheet(ctx, () => range._require('Range.worksheet').sheet, range),
  );
}

type WorksheetMembers =
  | 'context'
  | 'isNullObject'
  | 'id'
  | 'name'
  | 'position'
  | 'visibility'
  | 'tabColor'
  | 'showGridlines'
  | 'names'
  | 'protection'
  | 'freezePanes'
  | 'pageLayout'
  | 'getRange'
  | 'getRangeByIndexes'
  | 'getCell'
  | 'getUsedRange'
  | 'getUsedRangeOrNullObject'
  | 'activate'
  | 'delete'
  | 'load'
  | 'set'
  | 'onChanged'
  | 'onSelectionChanged'
  | 'onActivated'
  | 'onDeactivated'
  | 'onFormatChanged';

export class FakeWorksheet
  extends LoadableProxy<SheetRecord, Excel.Worksheet>
  implements Pick<Excel.Worksheet, WorksheetMembers>
{
  readonly _typeName = 'Worksheet';
  private _names?: FakeNamedItemCollection;
  private _protection?: FakeWorksheetProtection;
  private _freeze?: FakeWorksheetFreezePanes;
  private _layout?: FakePageLayout;

  override _scalarNames(): readonly string[] {
    return ['id', 'name', 'position', 'visibility', 'tabColor', 'showGridlines'];
  }
  override _navigate(name: string): ProxyBase<unknown> | undefined {
    switch (name) {
      case 'names':
        return this.names as unknown as FakeNamedItemCollection;
      case 'protection':
        return this.protection as unknown as FakeWorksheetProtection;
      case 'freezePanes':
        return this.freezePanes as unknown as FakeWorksheetFreezePanes;
      case 'pageLayout':
        return this.pageLayout as unknown as FakePageLayout;
      default:
        return undefined;
    }
  }
  override _compute(name: string, s: SheetRecord): unknown {
    switch (name) {
      case 'id':
        return s.id;
      case 'name':
        return s.name;
      case 'position':
        return model(this).position(s);
      case 'visibility':
        return s.visibility;
      case 'tabColor':
        return s.tabColor;
      case 'showGridlines':
        return s.showGridlines;
      default:
        return NO_SUCH_PROPERTY;
    }
  }

  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, (s, x) => model(this).renameSheet(s, x));
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._setProp('position', v, (s, x) => model(this).moveSheet(s, x));
  }
  get visibility(): Excel.Worksheet['visibility'] {
    return this._get('visibility');
  }
  set visibility(v: Excel.Worksheet['visibility']) {
    this._setProp('visibility', v, (s, x) =>
      model(this).setVisibility(s, x as SheetRecord['visibility']),
    );
  }
  get tabColor(): string {
    return this._get('tabColor');
  }
  set tabColor(v: string) {
    this._setProp('tabColor', v, (s, x) => model(this).setSheetProps(s, { tabColor: x }));
  }
  get showGridlines(): boolean {
    return this._get('showGridlines');
  }
  set showGridlines(v: boolean) {
    this._setProp('showGridlines', v, (s, x) =>
      model(this).setSheetProps(s, { showGridlines: Boolean(x) }),
    );
  }

  get names(): Excel.NamedItemCollection {
    this._names ??= new FakeNamedItemCollection(
      this._ctx,
      () => ({ scope: this._require('Worksheet.names') }),
      this,
    );
    return this._names as unknown as Excel.NamedItemCollection;
  }
  get protection(): Excel.WorksheetProtection {
    this._protection ??= new FakeWorksheetProtection(this._ctx, () => this._resolve(), this);
    return this._protection as unknown as Excel.WorksheetProtection;
  }
  get freezePanes(): Excel.WorksheetFreezePanes {
    this._freeze ??= new FakeWorksheetFreezePanes(this._ctx, () => this._resolve(), this);
    return this._freeze as unknown as Excel.WorksheetFreezePanes;
  }
  get pageLayout(): Excel.PageLayout {
    this._layout ??= new FakePageLayout(this._ctx, () => this._resolve(), this);
    return this._layout as unknown as Excel.PageLayout;
  }

  private range(
    location: string,
    fn: (s: SheetRecord) => Rect | null,
    nullable = false,
  ): Excel.Range {
    const child = makeRange(
      this._ctx,
      () => {
        const s = this._require(`Worksheet.${location}`);
        const rect = fn(s);
        return rect ? { sheet: s, rect } : null;
      },
      this,
    );
    return this._created(child, location, nullable) as unknown as Excel.Range;
  }

  getRange(address?: string): Excel.Range {
    return this.range('getRange', (s) => {
      if (address === undefined || address === null || address === '')
        return { row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLS };
      const r = model(this).resolveAddress(address, s);
      if (r.sheet !== s)
        throw richError(
          'InvalidArgument',
          'Worksheet.getRange',
          `"${address}" is on another sheet`,
        );
      return r.rect;
    });
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): Excel.Range {
    return this.range('getRangeByIndexes', () => {
      const rect = { row: startRow, col: startColumn, rowCount, colCount: columnCount };
      if (
        ![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) ||
        startRow < 0 ||
        startColumn < 0 ||
        rowCount < 1 ||
        columnCount < 1 ||
        startRow + rowCount > MAX_ROWS ||
        startColumn + columnCount > MAX_COLS
      ) {
        throw richError(
          'InvalidArgument',
          'Worksheet.getRangeByIndexes',
          `Bad indexes ${JSON.stringify(rect)}`,
        );
      }
      return rect;
    });
  }

  getCell(row: number, column: number): Excel.Range {
    return this.range('getCell', () => {
      if (
        !Number.isInteger(row) ||
        !Number.isInteger(column) ||
        row < 0 ||
        column < 0 ||
        row >= MAX_ROWS ||
        column >= MAX_COLS
      ) {
        throw richError('InvalidArgument', 'Worksheet.getCell', `Bad cell ${row},${column}`);
      }
      return { row, col: column, rowCount: 1, colCount: 1 };
    });
  }

  /** An empty sheet's used range is A1 (Excel); getUsedRangeOrNullObject gives a null object. */
  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return this.range(
      'getUsedRange',
      (s) => model(this).usedRange(s, valuesOnly) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 },
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return this.range(
      'getUsedRangeOrNullObject',
      (s) => model(this).usedRange(s, valuesOnly),
      true,
    );
  }

  activate(): void {
    this._queue('activate', (s) => model(this).activate(s));
  }

  delete(): void {
    this._queue('delete', (s) => model(this).deleteSheet(s));
  }

  private handlers<T>(
    event: 'onChanged' | 'onSelectionChanged' | 'onActivated' | 'onDeactivated' | 'onFormatChanged',
  ): OfficeExtension.EventHandlers<T> {
    return new FakeEventHandlers<T>(this._ctx, this, event, (): EventScope => {
      const s = this._require('Worksheet.event');
      return { kind: 'worksheet', sheetId: s.id };
    }) as unknown as OfficeExtension.EventHandlers<T>;
  }
  get onChanged(): OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs> {
    return this.handlers('onChanged');
  }
  get onSelectionChanged(): OfficeExtension.EventHandlers<Excel.WorksheetSelectionChangedEventArgs> {
    return this.handlers('onSelectionChanged');
  }
  get onActivated(): OfficeExtension.EventHandlers<Excel.WorksheetActivatedEventArgs> {
    return this.handlers('onActivated');
  }
  get onDeactivated(): OfficeExtension.EventHandlers<Excel.WorksheetDeactivatedEventArgs> {
    return this.handlers('onDeactivated');
  }
  get onFormatChanged(): OfficeExtension.EventHandlers<Excel.WorksheetFormatChangedEventArgs> {
    return this.handlers('onFormatChanged');
  }

  set(properties: unknown): void {
    applySet(this, properties);
  }
}

// ----------------------------------------------------------------------------- collection

export class FakeWorksheetCollection
  extends CollectionProxy<FakeWorkbookModel, Excel.WorksheetCollection, FakeWorksheet>
  implements
    Pick<
      Excel.WorksheetCollection,
      | 'context'
      | 'items'
      | 'add'
      | 'getItem'
      | 'getItemOrNullObject'
      | 'getActiveWorksheet'
      | 'getCount'
      | 'getFirst'
      | 'getLast'
      | 'load'
      | 'onChanged'
      | 'onAdded'
      | 'onDeleted'
      | 'onActivated'
      | 'onDeactivated'
      | 'onSelectionChanged'
      | 'onFormatChanged'
    >
{
  readonly _typeName = 'WorksheetCollection';

  /** @internal */
  protected _newItems(m: FakeWorkbookModel): FakeWorksheet[] {
    return m.sheets.map((s) => new FakeWorksheet(this._ctx, () => s, this));
  }
  get items(): Excel.Worksheet[] {
    return this._items();
  }
  private sheetProxy(
    location: string,
    find: (m: FakeWorkbookModel) => SheetRecord | null,
    nullable = false,
  ): Excel.Worksheet {
    const child = new FakeWorksheet(
      this._ctx,
      () => find(this._require(`WorksheetCollection.${location}`)),
      this,
    );
    return this._created(child, location, nullable) as unknown as Excel.Worksheet;
  }
  add(name?: string): Excel.Worksheet {
    let created: SheetRecord | null = null;
    const child = new FakeWorksheet(this._ctx, () => created, this);
    this._queue('add', (m) => {
      created = m.addSheet(name);
      child._resolve();
    });
    return child as unknown as Excel.Worksheet;
  }
  getItem(key: string): Excel.Worksheet {
    return this.sheetProxy('getItem', (m) => {
      const s = m.findSheet(key);
      if (!s)
        throw richError('ItemNotFound', 'WorksheetCollection.getItem', `No worksheet "${key}"`);
      return s;
    });
  }
  getItemOrNullObject(key: string): Excel.Worksheet {
    return this.sheetProxy('getItemOrNullObject', (m) => m.findSheet(key) ?? null, true);
  }
  getActiveWorksheet(): Excel.Worksheet {
    return this.sheetProxy('getActiveWorksheet', (m) => m.sheet(m.activeSheetId));
  }
  getFirst(visibleOnly?: boolean): Excel.Worksheet {
    return this.sheetProxy(
      'getFirst',
      (m) => m.sheets.find((s) => !visibleOnly || s.visibility === 'Visible') ?? null,
    );
  }
  getLast(visibleOnly?: boolean): Excel.Worksheet {
    return this.sheetProxy(
      'getLast',
      (m) =>
        [...m.sheets].reverse().find((s) => !visibleOnly || s.visibility === 'Visible') ?? null,
    );
  }
  getCount(visibleOnly?: boolean): OfficeExtension.ClientResult<number> {
    return this._count(
      (m) => m.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length,
    );
  }
  private handlers<T>(
    event:
      | 'onChanged'
      | 'onAdded'
      | 'onDeleted'
      | 'onActivated'
      | 'onDeactivated'
      | 'onSelectionChanged'
      | 'onFormatChanged',
  ): OfficeExtension.EventHandlers<T> {
    return new FakeEventHandlers<T>(this._ctx, this, event, () => ({
      kind: 'worksheets',
    })) as unknown as OfficeExtension.EventHandlers<T>;
  }
  get onChanged(): OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs> {
    return this.handlers('onChanged');
  }
  get onAdded(): OfficeExtension.EventHandlers<Excel.WorksheetAddedEventArgs> {
    return this.handlers('onAdded');
  }
  get onDeleted(): OfficeExtension.EventHandlers<Excel.WorksheetDeletedEventArgs> {
    return this.handlers('onDeleted');
  }
  get onActivated(): OfficeExtension.EventHandlers<Excel.WorksheetActivatedEventArgs> {
    return this.handlers('onActivated');
  }
  get onDeactivated(): OfficeExtension.EventHandlers<Excel.WorksheetDeactivatedEventArgs> {
    return this.handlers('onDeactivated');
  }
  get onSelectionChanged(): OfficeExtension.EventHandlers<Excel.WorksheetSelectionChangedEventArgs> {
    return this.handlers('onSelectionChanged');
  }
  get onFormatChanged(): OfficeExtension.EventHandlers<Excel.WorksheetFormatChangedEventArgs> {
    return this.handlers('onFormatChanged');
  }
}

// ----------------------------------------------------------------------------- protection

export class FakeWorksheetProtection
  extends LoadableProxy<SheetRecord, Excel.WorksheetProtection>
  implements
    Pick<
      Excel.WorksheetProtection,
      'context' | 'protected' | 'options' | 'protect' | 'unprotect' | 'load'
    >
{
  readonly _typeName = 'WorksheetProtection';
  override _scalarNames(): readonly string[] {
    return ['protected', 'options'];
  }
  override _compute(name: string, s: SheetRecord): unknown {
    if (name === 'protected') return s.protection.protected;
    if (name === 'options') return { ...s.protection.options };
    return NO_SUCH_PROPERTY;
  }
  get protected(): boolean {
    return this._get('protected');
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this._get('options');
  }
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this._queue('protect', (s) =>
      model(this).protect(s, (options ?? {}) as Partial<ProtectionOptions>, password),
    );
  }
  unprotect(password?: string): void {
    this._queue('unprotect', (s) => model(this).unprotect(s, password));
  }
}

// ----------------------------------------------------------------------------- freeze panes

export class FakeWorksheetFreezePanes
  extends ProxyBase<SheetRecord>
  implements
    Pick<
      Excel.WorksheetFreezePanes,
      | 'context'
      | 'freezeRows'
      | 'freezeColumns'
      | 'freezeAt'
      | 'unfreeze'
      | 'getLocationOrNullObject'
    >
{
  readonly _typeName = 'WorksheetFreezePanes';
  freezeRows(count?: number): void {
    this._queue('freezeRows', (s) => model(this).setFreeze(s, count ?? 1, 0));
  }
  freezeColumns(count?: number): void {
    this._queue('freezeColumns', (s) => model(this).setFreeze(s, 0, count ?? 1));
  }
  freezeAt(frozenRange: Excel.Range | string): void {
    this._queue('freezeAt', (s) => {
      let rect: Rect;
      if (typeof frozenRange === 'string') rect = model(this).resolveAddress(frozenRange, s).rect;
      else {
        checkSameContext(this._ctx, frozenRange, 'WorksheetFreezePanes.freezeAt');
        rect = (frozenRange as unknown as FakeRange)._require('WorksheetFreezePanes.freezeAt').rect;
      }
      model(this).setFreeze(s, rect.row + rect.rowCount, rect.col + rect.colCount);
    });
  }
  unfreeze(): void {
    this._queue('unfreeze', (s) => model(this).setFreeze(s, 0, 0));
  }
  getLocationOrNullObject(): Excel.Range {
    const child = makeRange(
      this._ctx,
      () => {
        const s = this._require('WorksheetFreezePanes.getLocationOrNullObject');
        const { rows, columns } = s.freeze;
        if (rows === 0 && columns === 0) return null;
        return {
          sheet: s,
          rect: { row: 0, col: 0, rowCount: rows || MAX_ROWS, colCount: columns || MAX_COLS },
        };
      },
      this,
    );
    return this._created(child, 'getLocationOrNullObject', true) as unknown as Excel.Range;
  }
}

// ----------------------------------------------------------------------------- page layout

export class FakePageLayout
  extends LoadableProxy<SheetRecord, Excel.PageLayout>
  implements
    Pick<
      Excel.PageLayout,
      | 'context'
      | 'orientation'
      | 'paperSize'
      | 'zoom'
      | 'centerHorizontally'
      | 'centerVertically'
      | 'printGridlines'
      | 'blackAndWhite'
      | 'leftMargin'
      | 'rightMargin'
      | 'topMargin'
      | 'bottomMargin'
      | 'headerMargin'
      | 'footerMargin'
      | 'setPrintTitleRows'
      | 'setPrintTitleColumns'
      | 'getPrintTitleRowsOrNullObject'
      | 'setPrintArea'
      | 'load'
    >
{
  readonly _typeName = 'PageLayout';
  private static readonly SCALARS = [
    'orientation',
    'paperSize',
    'zoom',
    'centerHorizontally',
    'centerVertically',
    'printGridlines',
    'blackAndWhite',
    'leftMargin',
    'rightMargin',
    'topMargin',
    'bottomMargin',
    'headerMargin',
    'footerMargin',
  ] as const;
  override _scalarNames(): readonly string[] {
    return FakePageLayout.SCALARS;
  }
  override _compute(name: string, s: SheetRecord): unknown {
    if (!(FakePageLayout.SCALARS as readonly string[]).includes(name)) return NO_SUCH_PROPERTY;
    const v = s.pageLayout[name as keyof typeof s.pageLayout];
    return typeof v === 'object' && v !== null ? { ...v } : v;
  }
  private setLayout(name: (typeof FakePageLayout.SCALARS)[number], value: unknown): void {
    this._setProp(name, value, (s, v) => {
      if (name === 'orientation' && v !== 'Portrait' && v !== 'Landscape')
        throw richError('InvalidArgument', 'PageLayout.orientation');
      model(this).setPageLayout(s, {
        [name]: typeof v === 'object' && v !== null ? { ...(v as object) } : v,
      });
    });
  }
  get orientation(): Excel.PageLayout['orientation'] {
    return this._get('orientation');
  }
  set orientation(v: Excel.PageLayout['orientation']) {
    this.setLayout('orientation', v);
  }
  get paperSize(): Excel.PageLayout['paperSize'] {
    return this._get('paperSize');
  }
  set paperSize(v: Excel.PageLayout['paperSize']) {
    this.setLayout('paperSize', v);
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this._get('zoom');
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.setLayout('zoom', v);
  }
  get centerHorizontally(): boolean {
    return this._get('centerHorizontally');
  }
  set centerHorizontally(v: boolean) {
    this.setLayout('centerHorizontally', v);
  }
  get centerVertically(): boolean {
    return this._get('centerVertically');
  }
  set centerVertically(v: boolean) {
    this.setLayout('centerVertically', v);
  }
  get printGridlines(): boolean {
    return this._get('printGridlines');
  }
  set printGridlines(v: boolean) {
    this.setLayout('printGridlines', v);
  }
  get blackAndWhite(): boolean {
    return this._get('blackAndWhite');
  }
  set blackAndWhite(v: boolean) {
    this.setLayout('blackAndWhite', v);
  }
  get leftMargin(): number {
    return this._get('leftMargin');
  }
  set leftMargin(v: number) {
    this.setLayout('leftMargin', v);
  }
  get rightMargin(): number {
    return this._get('rightMargin');
  }
  set rightMargin(v: number) {
    this.setLayout('rightMargin', v);
  }
  get topMargin(): number {
    return this._get('topMargin');
  }
  set topMargin(v: number) {
    this.setLayout('topMargin', v);
  }
  get bottomMargin(): number {
    return this._get('bottomMargin');
  }
  set bottomMargin(v: number) {
    this.setLayout('bottomMargin', v);
  }
  get headerMargin(): number {
    return this._get('headerMargin');
  }
  set headerMargin(v: number) {
    this.setLayout('headerMargin', v);
  }
  get footerMargin(): number {
    return this._get('footerMargin');
  }
  set footerMargin(v: number) {
    this.setLayout('footerMargin', v);
  }

  private rowsOrColumns(arg: Excel.Range | string, s: SheetRecord, location: string): Rect {
    if (typeof arg === 'string') return model(this).resolveAddress(arg, s).rect;
    checkSameContext(this._ctx, arg, location);
    return (arg as unknown as FakeRange)._require(location).rect;
  }

  setPrintTitleRows(titleRows: Excel.Range | string): void {
    this._queue('setPrintTitleRows', (s) => {
      const rect = this.rowsOrColumns(titleRows, s, 'PageLayout.setPrintTitleRows');
      const text = formatRect(
        { row: rect.row, col: 0, rowCount: rect.rowCount, colCount: MAX_COLS },
        true,
      );
      model(this).setPageLayout(s, { printTitleRows: text });
    });
  }
  setPrintTitleColumns(titleColumns: Excel.Range | string): void {
    this._queue('setPrintTitleColumns', (s) => {
      const rect = this.rowsOrColumns(titleColumns, s, 'PageLayout.setPrintTitleColumns');
      const text = formatRect(
        { row: 0, col: rect.col, rowCount: MAX_ROWS, colCount: rect.colCount },
        true,
      );
      model(this).setPageLayout(s, { printTitleColumns: text });
    });
  }
  setPrintArea(printArea: Excel.Range | Excel.RangeAreas | string): void {
    this._queue('setPrintArea', (s) => {
      const rect = this.rowsOrColumns(
        printArea as Excel.Range | string,
        s,
        'PageLayout.setPrintArea',
      );
      model(this).setPageLayout(s, { printArea: formatRect(rect, true) });
    });
  }
  getPrintTitleRowsOrNullObject(): Excel.Range {
    const child = makeRange(
      this._ctx,
      () => {
        const s = this._require('PageLayout.getPrintTitleRowsOrNullObject');
        const t = s.pageLayout.printTitleRows;
        return t ? model(this).resolveAddress(t, s) : null;
      },
      this,
    );
    return this._created(child, 'getPrintTitleRowsOrNullObject', true) as unknown as Excel.Range;
  }
}

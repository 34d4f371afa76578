/**
 * Excel.Workbook proxy: worksheets, names, the selection.
 */
import type { FakeWorkbookModel } from '../model';
import { LoadableProxy, NO_SUCH_PROPERTY, ProxyBase } from './base';
import type { FakeRequestContext } from './context';
import { FakeNamedItemCollection } from './names';
import { FakeWorksheetCollection, makeRange } from './worksheet';

export class FakeWorkbook
  extends LoadableProxy<FakeWorkbookModel, Excel.Workbook>
  implements
    Pick<
      Excel.Workbook,
      'context' | 'name' | 'worksheets' | 'names' | 'getSelectedRange' | 'getActiveCell' | 'load'
    >
{
  readonly _typeName = 'Workbook';
  private _worksheets?: FakeWorksheetCollection;
  private _names?: FakeNamedItemCollection;

  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx._env.model);
    this._tracked = true;
  }

  override _scalarNames(): readonly string[] {
    return ['name'];
  }
  override _compute(name: string): unknown {
    return name === 'name' ? 'Book1' : NO_SUCH_PROPERTY;
  }
  override _navigate(name: string): ProxyBase<unknown> | undefined {
    if (name === 'worksheets') return this.worksheets as unknown as FakeWorksheetCollection;
    if (name === 'names') return this.names as unknown as FakeNamedItemCollection;
    return undefined;
  }
  get name(): string {
    return this._get('name');
  }
  get worksheets(): Excel.WorksheetCollection {
    this._worksheets ??= new FakeWorksheetCollection(this._ctx, () => this._resolve(), this);
    this._worksheets._tracked = true;
    return this._worksheets as unknown as Excel.WorksheetCollection;
  }
  get names(): Excel.NamedItemCollection {
    this._names ??= new FakeNamedItemCollection(this._ctx, () => ({ scope: null }), this);
    this._names._tracked = true;
    return this._names as unknown as Excel.NamedItemCollection;
  }
  getSelectedRange(): Excel.Range {
    const child = makeRange(
      this._ctx,
      () => {
        const m = this._require('Workbook.getSelectedRange');
        return { sheet: m.sheet(m.selection.sheetId), rect: m.selection.rect };
      },
      this,
    );
    return this._created(child, 'getSelectedRange') as unknown as Excel.Range;
  }
  getActiveCell(): Excel.Range {
    const child = makeRange(
      this._ctx,
      () => {
        const m = this._require('Workbook.getActiveCell');
        const r = m.selection.rect;
        return {
          sheet: m.sheet(m.selection.sheetId),
          rect: { row: r.row, col: r.col, rowCount: 1, colCount: 1 },
        };
      },
      this,
    );
    return this._created(child, 'getActiveCell') as unknown as Excel.Range;
  }
}

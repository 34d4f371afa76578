/**
 * Excel.NamedItemCollection and NamedItem proxies.
 *
 * `workbook.names` holds workbook-scoped names, `worksheet.names` the names scoped to that
 * sheet. The same name may exist once per scope; adding it twice to one scope fails with
 * ItemAlreadyExists. Names the engine cannot hold (non-ASCII) fail with InvalidArgument and a
 * bilingual explanation.
 */
import { formatAddress } from '../addressing';
import { richError } from '../errors';
import type { NameRecord, SheetRecord } from '../model';
import { LoadableProxy, NO_SUCH_PROPERTY, ProxyBase, checkSameContext, model } from './base';
import { CollectionProxy } from './common';
import type { FakeRequestContext } from './context';
import type { FakeRange, RangeTarget } from './range';
import { FakeWorksheet, makeRange } from './worksheet';

/** The scope of a collection: a sheet, or null for the workbook. */
export interface NamesTarget {
  scope: SheetRecord | null;
}

/** Turns names.add's `reference` into a formula, as Excel would store it. */
function referenceFormula(p: ProxyBase<unknown>, reference: unknown, location: string): string {
  const m = model(p);
  if (reference instanceof ProxyBase) {
    checkSameContext(p._ctx, reference, location);
    const t = (reference as FakeRange)._require(location) as RangeTarget;
    return `=${formatAddress(t.sheet.name, t.rect, true)}`;
  }
  if (typeof reference !== 'string' || reference.trim() === '') {
    throw richError('InvalidArgument', location, 'The reference must be a Range or a formula');
  }
  if (reference.startsWith('=')) return reference;
  // "Sheet1!$A$1" without '=' is read as a reference.
  try {
    const r = m.resolveAddress(reference);
    if (/!/.test(reference)) return `=${formatAddress(r.sheet.name, r.rect, true)}`;
  } catch {
    // not a reference: a constant below
  }
  // A constant: works on desktop, fails on the web (OfficeDev/office-js#1918, #3770).
  if (p._ctx._env.platform === 'web') {
    throw richError(
      'InvalidArgument',
      location,
      'Excel on the web rejects names.add with a constant string',
    );
  }
  const n = Number(reference);
  return Number.isFinite(n) && reference.trim() !== ''
    ? `=${n}`
    : `="${reference.replace(/"/g, '""')}"`;
}

export class FakeNamedItemCollection
  extends CollectionProxy<NamesTarget, Excel.NamedItemCollection, FakeNamedItem>
  implements
    Pick<
      Excel.NamedItemCollection,
      | 'context'
      | 'items'
      | 'add'
      | 'addFormulaLocal'
      | 'getItem'
      | 'getItemOrNullObject'
      | 'getCount'
      | 'load'
    >
{
  readonly _typeName = 'NamedItemCollection';

  private scopeId(t: NamesTarget): string | null {
    return t.scope ? t.scope.id : null;
  }
  /** @internal */
  protected _newItems(t: NamesTarget): FakeNamedItem[] {
    return model(this)
      .names.filter((n) => n.scopeSheetId === this.scopeId(t))
      .map((rec) => new FakeNamedItem(this._ctx, () => rec, this));
  }
  get items(): Excel.NamedItem[] {
    return this._items();
  }
  add(name: string, reference: Excel.Range | string, comment?: string): Excel.NamedItem {
    let created: NameRecord | null = null;
    const item = new FakeNamedItem(this._ctx, () => created, this);
    if (reference instanceof ProxyBase)
      checkSameContext(this._ctx, reference, 'NamedItemCollection.add');
    this._queue('add', (t) => {
      const formula = referenceFormula(this, reference, 'NamedItemCollection.add');
      created = model(this).addName(name, formula, this.scopeId(t), comment ?? '');
      item._resolve();
    });
    return item as unknown as Excel.NamedItem;
  }
  addFormulaLocal(name: string, formula: string, comment?: string): Excel.NamedItem {
    return this.add(name, formula, comment);
  }
  getItem(name: string): Excel.NamedItem {
    const child = new FakeNamedItem(
      this._ctx,
      () => {
        const t = this._require('NamedItemCollection.getItem');
        const rec = model(this).findName(name, this.scopeId(t));
        if (!rec)
          throw richError(
            'ItemNotFound',
            'NamedItemCollection.getItem',
            `No name "${name}" in this scope`,
          );
        return rec;
      },
      this,
    );
    return this._created(child, 'getItem') as unknown as Excel.NamedItem;
  }
  getItemOrNullObject(name: string): Excel.NamedItem {
    const child = new FakeNamedItem(
      this._ctx,
      () => {
        const t = this._require('NamedItemCollection.getItemOrNullObject');
        return model(this).findName(name, this.scopeId(t)) ?? null;
      },
      this,
    );
    return this._created(child, 'getItemOrNullObject', true) as unknown as Excel.NamedItem;
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return this._count((t) => this._newItems(t).length);
  }
}

export class FakeNamedItem
  extends LoadableProxy<NameRecord, Excel.NamedItem>
  implements
    Pick<
      Excel.NamedItem,
      | 'context'
      | 'isNullObject'
      | 'name'
      | 'formula'
      | 'value'
      | 'type'
      | 'visible'
      | 'comment'
      | 'scope'
      | 'worksheet'
      | 'worksheetOrNullObject'
      | 'getRange'
      | 'getRangeOrNullObject'
      | 'delete'
      | 'load'
    >
{
  readonly _typeName = 'NamedItem';
  override _scalarNames(): readonly string[] {
    return ['name', 'formula', 'value', 'type', 'visible', 'comment', 'scope'];
  }
  override _compute(name: string, rec: NameRecord): unknown {
    const m = model(this);
    switch (name) {
      case 'name':
        return rec.name;
      case 'formula':
        return m.nameFormula(rec);
      case 'value':
        return m.nameValue(rec).value;
      case 'type':
        return m.nameValue(rec).type;
      case 'visible':
        return rec.visible;
      case 'comment':
        return rec.comment;
      case 'scope':
        return rec.scopeSheetId ? 'Worksheet' : 'Workbook';
      default:
        return NO_SUCH_PROPERTY;
    }
  }
  get name(): string {
    return this._get('name');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formula(): any {
    return this._get('formula');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formula(v: any) {
    this._setProp('formula', v, (rec, x) => {
      const text = String(x);
      model(this).setNameFormula(rec, text.startsWith('=') ? text : `=${text}`);
    });
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get value(): any {
    return this._get('value');
  }
  get type(): Excel.NamedItem['type'] {
    return this._get('type');
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this._setProp('visible', v, (rec, x) => model(this).updateName(rec, { visible: Boolean(x) }));
  }
  get comment(): string {
    return this._get('comment');
  }
  set comment(v: string) {
    this._setProp('comment', v, (rec, x) => model(this).updateName(rec, { comment: String(x) }));
  }
  get scope(): Excel.NamedItem['scope'] {
    return this._get('scope');
  }
  get worksheet(): Excel.Worksheet {
    const child = new FakeWorksheet(
      this._ctx,
      () => {
        const rec = this._require('NamedItem.worksheet');
        if (!rec.scopeSheetId)
          throw richError('ItemNotFound', 'NamedItem.worksheet', 'The name is workbook-scoped');
        return model(this).sheet(rec.scopeSheetId);
      },
      this,
    );
    return child as unknown as Excel.Worksheet;
  }
  get worksheetOrNullObject(): Excel.Worksheet {
    const child = new FakeWorksheet(
      this._ctx,
      () => {
        const rec = this._require('NamedItem.worksheetOrNullObject');
        return rec.scopeSheetId ? model(this).sheet(rec.scopeSheetId) : null;
      },
      this,
    );
    return this._created(child, 'worksheetOrNullObject', true) as unknown as Excel.Worksheet;
  }
  getRange(): Excel.Range {
    const child = makeRange(
      this._ctx,
      () => {
        const range = model(this).nameRange(this._require('NamedItem.getRange'));
        if (!range)
          throw richError(
            'InvalidOperation',
            'NamedItem.getRange',
            'The name does not refer to a range',
          );
        return range;
      },
      this,
    );
    return this._created(child, 'getRange') as unknown as Excel.Range;
  }
  getRangeOrNullObject(): Excel.Range {
    const child = makeRange(
      this._ctx,
      () => model(this).nameRange(this._require('NamedItem.getRangeOrNullObject')),
      this,
    );
    return this._created(child, 'getRangeOrNullObject', true) as unknown as Excel.Range;
  }
  delete(): void {
    this._queue('delete', (rec) => model(this).deleteName(rec));
  }
}

export type { FakeRequestContext };

/**
 * Small proxies shared by several objects: ClientResult, EventHandlers/EventHandlerResult, the
 * plumbing every collection shares (items, load, getCount), and helpers for applying
 * `set({...})` objects.
 */
import { FakeRichApiError } from '../errors';
import type { AnyHandler, EventScope, FakeEventName } from '../events';
import { type LoadTree, LoadableProxy, ProxyBase, isPlainObject, itemTreeOf } from './base';
import type { FakeRequestContext } from './context';

/** OfficeExtension.ClientResult: `value` is readable after the sync. */
export class FakeClientResult<T> implements Pick<OfficeExtension.ClientResult<T>, 'value'> {
  private ready = false;
  private v: T | undefined;

  /** @internal */
  _set(value: T): void {
    this.v = value;
    this.ready = true;
  }

  get value(): T {
    if (!this.ready)
      throw new FakeRichApiError('ValueNotLoaded', { location: 'ClientResult.value' });
    return this.v as T;
  }
}

/** Queues a computation whose result is readable after the sync. */
export function clientResult<T>(
  ctx: FakeRequestContext,
  location: string,
  compute: () => T,
): FakeClientResult<T> {
  const result = new FakeClientResult<T>();
  ctx._enqueue({
    location,
    action: true,
    run: () => {
      const v = compute();
      ctx._afterSync(() => result._set(v));
    },
  });
  return result;
}

/**
 * A collection (NamedItemCollection, WorksheetCollection …): `items` is readable after a load,
 * which loads each item with the item part of the load tree (`load('items/name')`,
 * `load('name')`); getCount counts at the sync.
 */
export abstract class CollectionProxy<
  TTarget,
  TOffice,
  TItem extends ProxyBase<unknown>,
> extends LoadableProxy<TTarget, TOffice> {
  /** @internal the loaded item proxies. */
  protected _itemProxies?: TItem[];

  /** @internal proxies of the collection's items, in order, for its resolved target. */
  protected abstract _newItems(target: TTarget): TItem[];

  /** @internal `items` as the subclass types it (PropertyNotLoaded before a load). */
  protected _items<T>(): T[] {
    if (!this._itemProxies) return this._get('items');
    return this._itemProxies as unknown as T[];
  }

  /** @internal */
  override _applyLoad(tree: LoadTree): void {
    const target = this._require(`${this._typeName}.load`);
    const itemTree = itemTreeOf(tree);
    const items = this._newItems(target);
    for (const item of items) item._applyLoad(itemTree);
    this._ctx._afterSync(() => {
      this._nullKnown = true;
      this._itemProxies = items;
    });
  }

  /** @internal getCount(): `count` of the resolved target, readable after the sync. */
  protected _count(count: (target: TTarget) => number): OfficeExtension.ClientResult<number> {
    const location = `${this._typeName}.getCount`;
    return clientResult(this._ctx, location, () =>
      count(this._require(location)),
    ) as unknown as OfficeExtension.ClientResult<number>;
  }
}

/** OfficeExtension.EventHandlerResult */
export class FakeEventHandlerResult<T> implements Pick<
  OfficeExtension.EventHandlerResult<T>,
  'context' | 'remove'
> {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly subscriptionId: () => number | undefined,
  ) {}

  get context(): OfficeExtension.ClientRequestContext {
    return this.ctx as unknown as OfficeExtension.ClientRequestContext;
  }

  /** Queues the removal; it takes effect at the next sync of this context. */
  remove(): void {
    this.ctx._enqueue({
      location: 'EventHandlerResult.remove',
      action: true,
      run: () => {
        const id = this.subscriptionId();
        if (id !== undefined) this.ctx._env.events.remove(id);
      },
    });
  }
}

/** OfficeExtension.EventHandlers<T>: add() registers at the next sync. */
export class FakeEventHandlers<T> implements Pick<
  OfficeExtension.EventHandlers<T>,
  'add' | 'remove'
> {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly owner: ProxyBase<unknown>,
    private readonly event: FakeEventName,
    private readonly scope: () => EventScope,
  ) {}

  add(handler: (args: T) => Promise<unknown>): OfficeExtension.EventHandlerResult<T> {
    let id: number | undefined;
    if (typeof handler !== 'function') {
      throw new FakeRichApiError('InvalidArgument', { location: `${this.event}.add` });
    }
    this.ctx._enqueue({
      location: `${this.owner._typeName}.${this.event}.add`,
      action: true,
      run: () => {
        this.owner._require(`${this.owner._typeName}.${this.event}`);
        id = this.ctx._env.events.add(this.scope(), this.event, handler as AnyHandler);
      },
    });
    return new FakeEventHandlerResult<T>(
      this.ctx,
      () => id,
    ) as unknown as OfficeExtension.EventHandlerResult<T>;
  }

  remove(handler: (args: T) => Promise<unknown>): void {
    this.ctx._enqueue({
      location: `${this.owner._typeName}.${this.event}.remove`,
      action: true,
      run: () =>
        this.ctx._env.events.removeHandler(this.scope(), this.event, handler as AnyHandler),
    });
  }
}

/**
 * Applies a `set({...})` object: nested plain objects go to navigation children, other keys
 * are assigned as properties (which queues the writes).
 */
export function applySet(proxy: ProxyBase<unknown>, properties: unknown): void {
  const props =
    properties instanceof ProxyBase
      ? Object.fromEntries(properties._loaded)
      : (properties as Record<string, unknown>);
  if (!isPlainObject(props)) {
    throw new FakeRichApiError('InvalidArgument', { location: `${proxy._typeName}.set` });
  }
  for (const [key, value] of Object.entries(props)) {
    const nav = proxy._navigate(key);
    if (nav && isPlainObject(value)) {
      applySet(nav, value);
      continue;
    }
    if (!(key in proxy)) {
      throw new FakeRichApiError('InvalidArgument', {
        location: `${proxy._typeName}.set`,
        detail: `${proxy._typeName} has no property "${key}"`,
      });
    }
    (proxy as unknown as Record<string, unknown>)[key] = value;
  }
}

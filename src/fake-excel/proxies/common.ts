/**
 * Small proxies shared by several objects: ClientResult, EventHandlers/EventHandlerResult,
 * and helpers for applying `set({...})` objects.
 */
import { FakeRichApiError } from '../errors';
import type { AnyHandler, EventScope, FakeEventName } from '../events';
import { ProxyBase, isPlainObject } from './base';
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

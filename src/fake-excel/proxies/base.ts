/**
 * The proxy machinery shared by every fake Office.js object.
 *
 * A proxy records what the add-in asks for; nothing reaches the workbook until
 * `context.sync()`, which runs the queued operations in order against the model:
 *
 * - reading a property needs `load(...)` and a completed sync first, otherwise
 *   PropertyNotLoaded is thrown (the value the add-in itself set is readable, as in Office.js);
 * - property sets and method calls are queued; the first one that fails rejects the sync with a
 *   RichApi.Error and the rest of the batch is dropped (what ran before it stays applied);
 * - objects returned by methods (getRange, getItem…) are resolved when the sync reaches them,
 *   so an invalid address or missing item fails that sync;
 * - *OrNullObject methods give proxies whose `isNullObject` is known after the sync;
 * - objects created in an Excel.run become invalid when the run ends unless tracked
 *   (InvalidObjectPath on later use), as in Office.js.
 */
import { FakeRichApiError, ModelError, propertyNotLoaded, richError } from '../errors';
import type { FakeWorkbookModel } from '../model';
import type { FakeRequestContext } from './context';

/** A parsed load() argument: scalar names to read and navigation children to recurse into. */
export interface LoadTree {
  all: boolean;
  scalars: Set<string>;
  children: Map<string, LoadTree>;
}

export function emptyLoadTree(all = false): LoadTree {
  return { all, scalars: new Set(), children: new Map() };
}

/** Adds one 'a/b/c' path to a tree. */
function addPath(tree: LoadTree, path: string): void {
  const parts = path
    .split('/')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return;
  let node = tree;
  for (let i = 0; i < parts.length - 1; i++) {
    let child = node.children.get(parts[i]);
    if (!child) {
      child = emptyLoadTree();
      node.children.set(parts[i], child);
    }
    node = child;
  }
  node.scalars.add(parts[parts.length - 1]);
}

function addObjectForm(tree: LoadTree, obj: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(obj)) {
    if (key === '$all') {
      if (value) tree.all = true;
      continue;
    }
    if (key === '$top' || key === '$skip') continue;
    if (value === true) tree.scalars.add(key);
    else if (value && typeof value === 'object') {
      const child = tree.children.get(key) ?? emptyLoadTree();
      addObjectForm(child, value as Record<string, unknown>);
      tree.children.set(key, child);
    }
  }
}

/** Parses every form load() accepts: string, string[], {select, expand}, or an options object. */
export function parseLoadArg(arg: unknown): LoadTree {
  if (arg === undefined || arg === null) return emptyLoadTree(true);
  const tree = emptyLoadTree();
  const addList = (list: string | string[]): void => {
    const items = Array.isArray(list) ? list : list.split(',');
    for (const item of items) addPath(tree, item);
  };
  if (typeof arg === 'string' || Array.isArray(arg)) {
    addList(arg as string | string[]);
    if (tree.scalars.size === 0 && tree.children.size === 0) tree.all = true;
    return tree;
  }
  if (typeof arg === 'object') {
    const o = arg as Record<string, unknown>;
    if ('select' in o || 'expand' in o) {
      if (o.select) addList(o.select as string | string[]);
      if (o.expand) {
        const ex = Array.isArray(o.expand) ? o.expand : String(o.expand).split(',');
        for (const e of ex) {
          const key = String(e).trim();
          if (key && !tree.children.has(key)) tree.children.set(key, emptyLoadTree(true));
        }
      }
      if (tree.scalars.size === 0 && tree.children.size === 0) tree.all = true;
      return tree;
    }
    addObjectForm(tree, o);
    return tree;
  }
  throw richError('InvalidArgument', 'load', 'Unsupported load argument');
}

/**
 * The load tree for the items of a collection: `load('items/name')`, `load('name')` (applies
 * to the items), `load('items')` or `load()` (every scalar of the items).
 */
export function itemTreeOf(tree: LoadTree): LoadTree {
  const explicit = tree.children.get('items');
  if (explicit) return explicit;
  const scalars = new Set([...tree.scalars].filter((s) => s !== 'items'));
  const children = new Map(tree.children);
  const all = tree.all || tree.scalars.has('items') || (scalars.size === 0 && children.size === 0);
  return { all, scalars, children };
}

/** Marker for "this name is not a property of the object". */
export const NO_SUCH_PROPERTY = Symbol('no such property');

/** A queued operation. `action`: whether it makes the sync a real round trip. */
export interface QueuedOp {
  run: () => void;
  location: string;
  action: boolean;
}

let proxySerial = 0;

/** The workbook model behind a proxy. */
export function model(p: ProxyBase<unknown>): FakeWorkbookModel {
  return p._ctx._env.model;
}

/**
 * Base of every proxy. Subclasses describe their scalar properties (`_scalarNames`), how to
 * compute one from the model (`_compute`) and their navigation children (`_navigate`); an object
 * without scalar properties keeps the defaults (none).
 */
export abstract class ProxyBase<TTarget = unknown> {
  /** @internal */ readonly _ctx: FakeRequestContext;
  /** @internal */ readonly _serial = ++proxySerial;
  /** @internal values readable by the add-in (loaded or set). */
  _loaded = new Map<string, unknown>();
  /** @internal set once a sync has resolved this object. */
  _nullKnown = false;
  /** @internal */ _isNull = false;
  /** @internal false once the creating run ended and the object is not tracked. */
  _valid = true;
  /** @internal */ _tracked = false;
  /** @internal cached model target (resolved during a sync). */
  protected _target: TTarget | null | undefined = undefined;
  /** @internal */ protected readonly _resolver: () => TTarget | null;
  /** @internal the proxy this one hangs from (for validity). */
  protected readonly _parent?: ProxyBase<unknown>;

  /** Office.js type name, used in error locations ('Range', 'Worksheet'…). */
  abstract readonly _typeName: string;

  constructor(
    ctx: FakeRequestContext,
    resolver: () => TTarget | null,
    parent?: ProxyBase<unknown>,
  ) {
    this._ctx = ctx;
    this._resolver = resolver;
    this._parent = parent;
    ctx._register(this);
  }

  get context(): Excel.RequestContext {
    return this._ctx as unknown as Excel.RequestContext;
  }

  /** True when the object does not exist (for *OrNullObject); readable after a sync. */
  get isNullObject(): boolean {
    if (!this._nullKnown) throw propertyNotLoaded(this._typeName, 'isNullObject');
    return this._isNull;
  }

  /** @internal scalar properties loaded by load() without arguments. */
  _scalarNames(): readonly string[] {
    return [];
  }

  /** @internal computes a scalar from the (resolved, non-null) target; NO_SUCH_PROPERTY if unknown. */
  _compute(_name: string, _target: TTarget): unknown {
    return NO_SUCH_PROPERTY;
  }

  /** @internal a navigation child by property name. */
  _navigate(_name: string): ProxyBase<unknown> | undefined {
    return undefined;
  }

  /** @internal resolves the model target (cached after first resolution). */
  _resolve(): TTarget | null {
    this._checkValid();
    if (this._target === undefined) {
      this._target = this._resolver();
      this._isNull = this._target === null;
    }
    return this._target;
  }

  /** @internal like _resolve, but a null object is an error (ItemNotFound). */
  _require(location: string): TTarget {
    const t = this._resolve();
    if (t === null) throw richError('ItemNotFound', location, `${this._typeName} is a null object`);
    return t;
  }

  /** @internal */
  _checkValid(): void {
    // A tracked object keeps its own reference alive; its parents no longer matter.
    if (this._tracked) return;
    if (!this._valid) {
      throw new FakeRichApiError('InvalidObjectPath', {
        arg: this._typeName,
        location: this._typeName,
        detail: 'The object was created in an Excel.run that has finished and was not tracked',
      });
    }
    this._parent?._checkValid();
  }

  /** @internal reads a loaded property (throws PropertyNotLoaded). */
  protected _get<T>(name: string): T {
    if (this._loaded.has(name)) return this._loaded.get(name) as T;
    if (this._nullKnown && this._isNull) return undefined as T;
    throw propertyNotLoaded(this._typeName, name);
  }

  /** @internal queues an operation on this object's context. */
  protected _queue(location: string, run: (target: TTarget) => void, action = true): void {
    this._ctx._enqueue({
      location: `${this._typeName}.${location}`,
      action,
      run: () => run(this._require(`${this._typeName}.${location}`)),
    });
  }

  /** @internal queues a property set; the value becomes readable locally right away. */
  protected _setProp<V>(name: string, value: V, apply: (target: TTarget, value: V) => void): void {
    this._loaded.set(name, value);
    this._queue(name, (t) => apply(t, value));
  }

  /** @internal queues the creation of a child object (resolution fails the sync if invalid). */
  protected _created<P extends ProxyBase<unknown>>(
    child: P,
    location: string,
    isNullable = false,
  ): P {
    this._ctx._enqueue({
      location: `${this._typeName}.${location}`,
      action: isNullable,
      run: () => {
        child._resolve();
        this._ctx._afterSync(() => {
          child._nullKnown = true;
        });
      },
    });
    return child;
  }

  /** Queues a load. Returns this object (typed as the Office.js type by subclasses). */
  protected _load(arg: unknown): void {
    const tree = parseLoadArg(arg);
    this._ctx._enqueue({
      location: `${this._typeName}.load`,
      action: true,
      run: () => this._applyLoad(tree),
    });
  }

  /** @internal executes a load during sync; values become readable after the sync. */
  _applyLoad(tree: LoadTree): void {
    const target = this._resolve();
    const staged = new Map<string, unknown>();
    this._ctx._afterSync(() => {
      this._nullKnown = true;
      for (const [k, v] of staged) this._loaded.set(k, v);
    });
    if (target === null) return;
    const names = new Set<string>(tree.scalars);
    if (tree.all) for (const n of this._scalarNames()) names.add(n);
    for (const name of names) {
      const nav = this._navigate(name);
      if (nav && !tree.scalars.has(name)) continue;
      if (nav) {
        // range.load('format') loads the scalars of range.format.
        nav._applyLoad(emptyLoadTree(true));
        continue;
      }
      const value = this._computeChecked(name, target);
      staged.set(name, value);
    }
    for (const [name, sub] of tree.children) {
      const nav = this._navigate(name);
      if (!nav) {
        throw richError(
          'InvalidArgument',
          `${this._typeName}.load`,
          `${this._typeName} has no navigation property "${name}"`,
        );
      }
      nav._applyLoad(sub);
    }
  }

  /** @internal */
  protected _computeChecked(name: string, target: TTarget): unknown {
    let value: unknown;
    try {
      value = this._compute(name, target);
    } catch (e) {
      throw toRichError(e, `${this._typeName}.${name}`);
    }
    if (value === NO_SUCH_PROPERTY) {
      throw richError(
        'InvalidArgument',
        `${this._typeName}.load`,
        `${this._typeName} has no property "${name}"`,
      );
    }
    return value;
  }

  /** Plain object of the loaded properties (what JSON.stringify shows). */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  /** Office.js track(): keeps the object usable after its run. */
  track(): this {
    this._tracked = true;
    return this;
  }

  untrack(): this {
    this._tracked = false;
    return this;
  }
}

/**
 * A proxy whose Office.js object has `load()`: `TOffice` is the Office.js type it stands for,
 * which load() returns (so the add-in can chain `range.load('values')`).
 */
export abstract class LoadableProxy<TTarget, TOffice> extends ProxyBase<TTarget> {
  /** Queues a load of scalar properties and navigation children (every form Office.js accepts). */
  load(arg?: unknown): TOffice {
    this._load(arg);
    return this as unknown as TOffice;
  }
}

/** Converts model errors (and anything else) into RichApi errors with a location. */
export function toRichError(e: unknown, location: string): FakeRichApiError {
  if (e instanceof FakeRichApiError) {
    if (!e.debugInfo.errorLocation)
      (e.debugInfo as { errorLocation?: string }).errorLocation = location;
    return e;
  }
  if (e instanceof ModelError) return richError(e.code, location, e.message);
  const msg = e instanceof Error ? e.message : String(e);
  return richError('GeneralException', location, msg);
}

/** Throws InvalidRequestContext when `obj` belongs to another context. */
export function checkSameContext(ctx: FakeRequestContext, obj: unknown, location: string): void {
  if (obj instanceof ProxyBase && obj._ctx !== ctx) {
    throw new FakeRichApiError('InvalidRequestContext', { location });
  }
}

/** Reads a nested property path of a plain object (for set()). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof ProxyBase);
}

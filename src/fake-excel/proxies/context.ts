/**
 * FakeRequestContext: the `context` an Excel.run batch receives – the queue of pending
 * operations, sync(), the workbook/runtime/application entry points and trackedObjects.
 */
import { FakeRichApiError, richError } from '../errors';
import type { EventHub } from '../events';
import type { FakeWorkbookModel } from '../model';
import { type ProxyBase, type QueuedOp, toRichError } from './base';
import { FakeWorkbook } from './workbook';

/** Round-trip counters. */
export interface FakeExcelStats {
  /** context.sync() calls made by add-in code. */
  syncs: number;
  /**
   * Syncs that carried queued work (explicit ones, plus the automatic one at the end of
   * Excel.run when work was pending): each is one request to Excel, a network round trip in
   * Excel on the web. A sync with nothing queued costs nothing in Office.js.
   */
  roundTrips: number;
  /** Excel.run calls. */
  runs: number;
  /** Per run, in order: its syncs and round trips. */
  perRun: { syncs: number; roundTrips: number }[];
  /** Zeroes every counter. */
  reset(): void;
}

export function createStats(): FakeExcelStats {
  const stats: FakeExcelStats = {
    syncs: 0,
    roundTrips: 0,
    runs: 0,
    perRun: [],
    reset() {
      stats.syncs = 0;
      stats.roundTrips = 0;
      stats.runs = 0;
      stats.perRun = [];
    },
  };
  return stats;
}

/** Shared by every context of one fake Excel. */
export interface FakeRuntimeEnv {
  model: FakeWorkbookModel;
  events: EventHub;
  stats: FakeExcelStats;
  platform: 'desktop' | 'web';
}

export class FakeRuntime implements Pick<Excel.Runtime, 'enableEvents' | 'load'> {
  constructor(private readonly ctx: FakeRequestContext) {}
  private loaded = false;

  get enableEvents(): boolean {
    if (!this.loaded) {
      throw new FakeRichApiError('PropertyNotLoaded', {
        arg: 'enableEvents',
        location: 'Runtime.enableEvents',
      });
    }
    return this.ctx._env.events.enableEvents;
  }

  set enableEvents(value: boolean) {
    this.ctx._enqueue({
      location: 'Runtime.enableEvents',
      action: true,
      run: () => {
        this.ctx._env.events.enableEvents = Boolean(value);
      },
    });
  }

  load(options?: Excel.Interfaces.RuntimeLoadOptions): Excel.Runtime;
  load(propertyNames?: string | string[]): Excel.Runtime;
  load(propertyNamesAndPaths?: { select?: string; expand?: string }): Excel.Runtime;
  load(_arg?: unknown): Excel.Runtime {
    this.ctx._enqueue({
      location: 'Runtime.load',
      action: true,
      run: () => this.ctx._afterSync(() => (this.loaded = true)),
    });
    return this as unknown as Excel.Runtime;
  }
}

export class FakeApplication implements Pick<
  Excel.Application,
  'suspendScreenUpdatingUntilNextSync' | 'calculate'
> {
  /** Number of times screen updating was suspended (for tests). */
  suspendCount = 0;
  constructor(private readonly ctx: FakeRequestContext) {}

  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx._enqueue({
      location: 'Application.suspendScreenUpdatingUntilNextSync',
      action: true,
      run: () => this.suspendCount++,
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    this.ctx._enqueue({
      location: 'Application.suspendApiCalculationUntilNextSync',
      action: true,
      run: () => undefined,
    });
  }

  calculate(
    _calculationType: Excel.CalculationType | 'Recalculate' | 'Full' | 'FullRebuild',
  ): void {
    this.ctx._enqueue({ location: 'Application.calculate', action: true, run: () => undefined });
  }
}

export class FakeTrackedObjects implements Pick<OfficeExtension.TrackedObjects, 'add' | 'remove'> {
  add(object: OfficeExtension.ClientObject): void;
  add(objects: OfficeExtension.ClientObject[]): void;
  add(objects: unknown): void {
    for (const o of Array.isArray(objects) ? objects : [objects]) (o as ProxyBase)._tracked = true;
  }

  remove(object: OfficeExtension.ClientObject): void;
  remove(objects: OfficeExtension.ClientObject[]): void;
  remove(objects: unknown): void {
    for (const o of Array.isArray(objects) ? objects : [objects]) (o as ProxyBase)._tracked = false;
  }
}

export class FakeRequestContext implements Pick<
  Excel.RequestContext,
  'sync' | 'workbook' | 'runtime' | 'application' | 'trackedObjects'
> {
  /** @internal */ readonly _env: FakeRuntimeEnv;
  readonly workbook: Excel.Workbook;
  readonly runtime: Excel.Runtime;
  readonly application: Excel.Application;
  readonly trackedObjects: OfficeExtension.TrackedObjects;
  readonly requestHeaders: Record<string, string> = {};
  /** @internal */ _runStats: { syncs: number; roundTrips: number } | null = null;
  private queue: QueuedOp[] = [];
  private afterSync: (() => void)[] = [];
  private created: ProxyBase[] = [];

  constructor(env: FakeRuntimeEnv) {
    this._env = env;
    this.workbook = new FakeWorkbook(this) as unknown as Excel.Workbook;
    this.runtime = new FakeRuntime(this) as unknown as Excel.Runtime;
    this.application = new FakeApplication(this) as unknown as Excel.Application;
    this.trackedObjects = new FakeTrackedObjects() as unknown as OfficeExtension.TrackedObjects;
  }

  get debugInfo(): { pendingStatements: string[] } {
    return { pendingStatements: this.queue.map((q) => q.location) };
  }

  /** @internal */
  _register(proxy: ProxyBase): void {
    this.created.push(proxy);
  }

  /** @internal */
  _enqueue(op: QueuedOp): void {
    this.queue.push(op);
  }

  /** @internal runs after the current sync succeeds (loaded values become readable). */
  _afterSync(fn: () => void): void {
    this.afterSync.push(fn);
  }

  /** @internal true when queued work would make a round trip. */
  _hasPendingActions(): boolean {
    return this.queue.some((q) => q.action);
  }

  /** Sends the queued operations to the workbook. */
  sync<T>(passThroughValue?: T): Promise<T> {
    this._env.stats.syncs++;
    if (this._runStats) this._runStats.syncs++;
    return this._flush().then(() => passThroughValue as T);
  }

  /** @internal executes the queue (also used for the implicit sync at the end of a run). */
  async _flush(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    // The request leaves now; the answer arrives later (never synchronously).
    await Promise.resolve();
    if (ops.some((o) => o.action)) {
      this._env.stats.roundTrips++;
      if (this._runStats) this._runStats.roundTrips++;
    }
    this.afterSync = [];
    const model = this._env.model;
    for (const op of ops) {
      try {
        model.as('api', op.run);
      } catch (e) {
        this.afterSync = [];
        throw toRichError(e, op.location);
      }
    }
    const done = this.afterSync;
    this.afterSync = [];
    for (const fn of done) fn();
  }

  /** @internal called when the Excel.run that owns this context ends. */
  _endRun(): void {
    for (const p of this.created) p._valid = false;
    this.created = [];
  }

  /** OfficeExtension.ClientRequestContext.load(object, option). */
  load(
    object: OfficeExtension.ClientObject,
    option?: string | string[] | OfficeExtension.LoadOption,
  ): void {
    (object as unknown as { load: (o: unknown) => void }).load(option);
  }

  trace(_message: string): void {
    // Office.js adds a trace message to the request; nothing to do here.
  }
}

/** Rejects writes that Office.js refuses on the client (null for a whole property). */
export function assertNotNull(value: unknown, location: string): void {
  if (value === null || value === undefined) {
    throw richError('InvalidArgument', location, 'null is not a valid value for a property');
  }
}

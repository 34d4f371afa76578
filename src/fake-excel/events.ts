/**
 * Event delivery: turns model changes into Office.js event arguments and calls the handlers
 * registered with `onChanged.add(…)` & co.
 *
 * As in Excel:
 * - handlers run later, never inside the write (here: on a macrotask after the change);
 * - the add-in's own writes fire events too, with triggerSource 'ThisLocalAddin'; a person's
 *   edits have 'Unknown'; `source` is always 'Local' (no co-authoring);
 * - `context.runtime.enableEvents = false` switches delivery off for the whole add-in runtime
 *   until it is switched back on (it is not scoped to one Excel.run);
 * - `details` (valueBefore/valueAfter) only for a single-cell edit;
 * - a handler that throws does not stop other handlers (errors are kept in `errors`).
 */
import { formatRect } from './addressing';
import type { ModelChange } from './model';

export type FakeEventName =
  | 'onChanged'
  | 'onSelectionChanged'
  | 'onActivated'
  | 'onDeactivated'
  | 'onAdded'
  | 'onDeleted'
  | 'onFormatChanged';

/** Where a handler was registered: one worksheet, or the worksheet collection. */
export type EventScope = { kind: 'worksheet'; sheetId: string } | { kind: 'worksheets' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyHandler = (args: any) => Promise<any>;

interface Subscription {
  id: number;
  scope: EventScope;
  event: FakeEventName;
  handler: AnyHandler;
}

/** Builds the getRange/getRangeOrNullObject functions of event args (supplied by the proxies). */
export type RangeGetterFactory = (
  sheetId: string,
  address: string,
) => {
  getRange: (ctx: Excel.RequestContext) => Excel.Range;
  getRangeOrNullObject: (ctx: Excel.RequestContext) => Excel.Range;
};

/** A delivered event, kept for tests and the playground's event log. */
export interface DeliveredEvent {
  event: FakeEventName;
  scope: EventScope['kind'];
  args: Record<string, unknown>;
}

export class EventHub {
  /** context.runtime.enableEvents: add-in-wide, persists across runs. */
  enableEvents = true;
  /** Errors thrown (or rejected) by handlers. */
  readonly errors: unknown[] = [];
  /** Every event delivered, in order. */
  readonly log: DeliveredEvent[] = [];
  private subs: Subscription[] = [];
  private nextId = 1;
  private inFlight = 0;
  private pending = new Set<Promise<unknown>>();
  private idle: (() => void)[] = [];

  constructor(private readonly rangeGetters: RangeGetterFactory) {}

  add(scope: EventScope, event: FakeEventName, handler: AnyHandler): number {
    const id = this.nextId++;
    this.subs.push({ id, scope, event, handler });
    return id;
  }

  remove(id: number): void {
    this.subs = this.subs.filter((s) => s.id !== id);
  }

  /** Removes by handler function (EventHandlers.remove(handler)). */
  removeHandler(scope: EventScope, event: FakeEventName, handler: AnyHandler): void {
    this.subs = this.subs.filter(
      (s) => !(s.event === event && s.handler === handler && sameScope(s.scope, scope)),
    );
  }

  /** Number of registered handlers (for tests). */
  get handlerCount(): number {
    return this.subs.length;
  }

  /** Called for every model change, at the moment it happens. */
  handle(change: ModelChange): void {
    if (!this.enableEvents) return;
    for (const { event, sheetId, args } of this.toEvents(change)) {
      const targets = this.subs.filter(
        (s) =>
          s.event === event &&
          (s.scope.kind === 'worksheets' || (sheetId !== undefined && s.scope.sheetId === sheetId)),
      );
      for (const sub of targets) this.schedule(sub, args);
    }
  }

  private schedule(sub: Subscription, args: Record<string, unknown>): void {
    this.inFlight++;
    setTimeout(() => {
      this.log.push({ event: sub.event, scope: sub.scope.kind, args });
      let p: Promise<unknown>;
      try {
        p = Promise.resolve(sub.handler(args));
      } catch (e) {
        p = Promise.reject(e);
      }
      const tracked = p.catch((e: unknown) => {
        this.errors.push(e);
      });
      this.pending.add(tracked);
      void tracked.finally(() => {
        this.pending.delete(tracked);
        this.inFlight--;
        if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
      });
    }, 0);
  }

  /** Resolves once every scheduled handler has run and its promise has settled. */
  settle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private toEvents(
    change: ModelChange,
  ): { event: FakeEventName; sheetId?: string; args: Record<string, unknown> }[] {
    const triggerSource = change.source === 'api' ? 'ThisLocalAddin' : 'Unknown';
    const withRange = (sheetId: string, address: string, extra: Record<string, unknown>) => {
      const getters = this.rangeGetters(sheetId, address);
      return { worksheetId: sheetId, address, ...extra, ...getters };
    };
    switch (change.type) {
      case 'cellsChanged': {
        const address = formatRect(change.rect);
        const args = withRange(change.sheetId, address, {
          type: 'WorksheetChanged',
          changeType: 'RangeEdited',
          source: 'Local',
          triggerSource,
          ...(change.details ? { details: { ...change.details } } : {}),
        });
        return [{ event: 'onChanged', sheetId: change.sheetId, args }];
      }
      case 'rowsInserted':
      case 'rowsDeleted':
      case 'columnsInserted':
      case 'columnsDeleted': {
        const changeType = {
          rowsInserted: 'RowInserted',
          rowsDeleted: 'RowDeleted',
          columnsInserted: 'ColumnInserted',
          columnsDeleted: 'ColumnDeleted',
        }[change.type];
        const args = withRange(change.sheetId, formatRect(change.rect), {
          type: 'WorksheetChanged',
          changeType,
          source: 'Local',
          triggerSource,
        });
        return [{ event: 'onChanged', sheetId: change.sheetId, args }];
      }
      case 'cellsInserted':
      case 'cellsDeleted': {
        const inserted = change.type === 'cellsInserted';
        const args = withRange(change.sheetId, formatRect(change.rect), {
          type: 'WorksheetChanged',
          changeType: inserted ? 'CellInserted' : 'CellDeleted',
          source: 'Local',
          triggerSource,
          changeDirectionState: inserted
            ? { insertShiftDirection: change.direction }
            : { deleteShiftDirection: change.direction },
        });
        return [{ event: 'onChanged', sheetId: change.sheetId, args }];
      }
      case 'formatChanged': {
        const args = withRange(change.sheetId, formatRect(change.rect), {
          type: 'WorksheetFormatChanged',
          source: 'Local',
        });
        return [{ event: 'onFormatChanged', sheetId: change.sheetId, args }];
      }
      case 'selectionChanged':
        return [
          {
            event: 'onSelectionChanged',
            sheetId: change.sheetId,
            args: {
              type: 'WorksheetSelectionChanged',
              worksheetId: change.sheetId,
              address: formatRect(change.rect),
            },
          },
        ];
      case 'sheetAdded':
        return [
          {
            event: 'onAdded',
            args: { type: 'WorksheetAdded', worksheetId: change.sheetId, source: 'Local' },
          },
        ];
      case 'sheetDeleted':
        return [
          {
            event: 'onDeleted',
            args: { type: 'WorksheetDeleted', worksheetId: change.sheetId, source: 'Local' },
          },
        ];
      case 'sheetActivated':
        return [
          {
            event: 'onActivated',
            sheetId: change.sheetId,
            args: { type: 'WorksheetActivated', worksheetId: change.sheetId },
          },
        ];
      case 'sheetDeactivated':
        return [
          {
            event: 'onDeactivated',
            sheetId: change.sheetId,
            args: { type: 'WorksheetDeactivated', worksheetId: change.sheetId },
          },
        ];
      default:
        return [];
    }
  }
}

function sameScope(a: EventScope, b: EventScope): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'worksheets' || a.sheetId === (b as { sheetId: string }).sheetId;
}

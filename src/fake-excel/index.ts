/**
 * A faithful fake of the Excel JavaScript API (Office.js) for tests and the browser playground.
 *
 * ```ts
 * const fake = createFakeExcel({ sheets: ['部门整体绩效目标表'] });
 * await fake.Excel.run(async (context) => {
 *   const r = context.workbook.worksheets.getItem('部门整体绩效目标表').getRange('A1');
 *   r.values = [['部门（单位）名称']];
 *   await context.sync();
 * });
 * fake.workbook.getCell('部门整体绩效目标表', 'A1').value; // '部门（单位）名称'
 * fake.user.type('部门整体绩效目标表', 'B2', '8167.74');   // fires onChanged, triggerSource 'Unknown'
 * await fake.settle();                                     // wait for event handlers
 * ```
 *
 * See docs/FAKE-EXCEL.md for what is modelled and where it differs from Excel. No Node-only
 * APIs are used here: the module bundles for the browser.
 */
import { type DeliveredEvent, EventHub } from './events';
import { ExcelEnums, type ExcelEnumsType } from './enums';
import { FakeRichApiError } from './errors';
import { FakeWorkbookModel, type FakeWorkbookOptions } from './model';
import { ProxyBase } from './proxies/base';
import {
  type FakeExcelStats,
  FakeRequestContext,
  type FakeRuntimeEnv,
  createStats,
} from './proxies/context';
import { makeRange } from './proxies/worksheet';
import { FakeUser } from './user';

export interface FakeExcelOptions extends FakeWorkbookOptions {
  /**
   * Which Excel to imitate where they differ: 'web' rejects names.add with a constant string
   * (OfficeDev/office-js#1918); 'desktop' accepts it. Default 'desktop'.
   */
  platform?: 'desktop' | 'web';
}

/** The `Excel` namespace as the fake provides it: run() plus the enums. */
export type FakeExcelNamespace = Pick<typeof Excel, 'run'> & ExcelEnumsType;

export interface FakeExcel {
  /** Use like the global `Excel`: `fake.Excel.run(async (context) => …)`. */
  Excel: FakeExcelNamespace;
  /** The workbook itself; its accessors do not count as syncs. */
  workbook: FakeWorkbookModel;
  /** What a person does in Excel. */
  user: FakeUser;
  /** Sync and round-trip counters. */
  stats: FakeExcelStats;
  /** Delivered events, handler errors, enableEvents state. */
  events: {
    readonly log: DeliveredEvent[];
    readonly errors: unknown[];
    readonly enabled: boolean;
    readonly handlerCount: number;
  };
  /** Resolves when every pending event handler has run and settled. */
  settle(): Promise<void>;
}

/** Creates an independent fake Excel with one workbook. */
export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const model = new FakeWorkbookModel(options);
  const stats = createStats();
  const hub = new EventHub((sheetId, address) => {
    const resolve = (ctx: Excel.RequestContext, nullable: boolean) => {
      const fctx = ctx as unknown as FakeRequestContext;
      const range = makeRange(fctx, () => {
        const sheet = model.findSheet(sheetId);
        if (!sheet) {
          if (nullable) return null;
          throw new FakeRichApiError('ItemNotFound', {
            location: 'WorksheetChangedEventArgs.getRange',
          });
        }
        return model.resolveAddress(address, sheet);
      });
      return range as unknown as Excel.Range;
    };
    return {
      getRange: (ctx) => resolve(ctx, false),
      getRangeOrNullObject: (ctx) => resolve(ctx, true),
    };
  });
  model.onChange((c) => hub.handle(c));
  const env: FakeRuntimeEnv = {
    model,
    events: hub,
    stats,
    platform: options.platform ?? 'desktop',
  };

  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1] as (context: Excel.RequestContext) => Promise<T>;
    const first = args.length > 1 ? args[0] : undefined;
    let ctx: FakeRequestContext | undefined;
    if (first instanceof FakeRequestContext) ctx = first;
    else if (first instanceof ProxyBase) ctx = first._ctx;
    else if (Array.isArray(first) && first[0] instanceof ProxyBase)
      ctx = (first[0] as ProxyBase)._ctx;
    else if (first && typeof first === 'object' && 'previousObjects' in (first as object)) {
      const prev = (first as { previousObjects?: unknown }).previousObjects;
      if (prev instanceof FakeRequestContext) ctx = prev;
      else if (prev instanceof ProxyBase) ctx = prev._ctx;
      else if (Array.isArray(prev) && prev[0] instanceof ProxyBase)
        ctx = (prev[0] as ProxyBase)._ctx;
    }
    ctx ??= new FakeRequestContext(env);
    if (typeof batch !== 'function') {
      throw new FakeRichApiError('InvalidArgument', { location: 'Excel.run' });
    }
    stats.runs++;
    const runStats = { syncs: 0, roundTrips: 0 };
    stats.perRun.push(runStats);
    const previous = ctx._runStats;
    ctx._runStats = runStats;
    try {
      const p = batch(ctx as unknown as Excel.RequestContext);
      if (!p || typeof (p as Promise<T>).then !== 'function') {
        throw new FakeRichApiError('RunMustReturnPromise', { location: 'Excel.run' });
      }
      const result = await p;
      // Office.js syncs whatever is still queued when the batch's promise resolves.
      await ctx._flush();
      return result;
    } finally {
      ctx._endRun();
      ctx._runStats = previous;
    }
  }

  const Excel = { ...ExcelEnums, run } as unknown as FakeExcelNamespace;
  return {
    Excel,
    workbook: model,
    user: new FakeUser(model),
    stats,
    events: {
      get log() {
        return hub.log;
      },
      get errors() {
        return hub.errors;
      },
      get enabled() {
        return hub.enableEvents;
      },
      get handlerCount() {
        return hub.handlerCount;
      },
    },
    settle: () => hub.settle(),
  };
}

/**
 * Installs `fake.Excel` as the global `Excel` (for code that uses `Excel.run` or enum values
 * such as `Excel.InsertShiftDirection.down` directly). Returns a function that restores the
 * previous global.
 */
export function installExcelGlobal(fake: FakeExcel): () => void {
  const g = globalThis as unknown as { Excel?: unknown };
  const previous = g.Excel;
  g.Excel = fake.Excel;
  return () => {
    g.Excel = previous;
  };
}

export { FakeWorkbookModel } from './model';
export type { CellSnapshot, SheetSnapshot, ModelChange } from './model';
export { FakeUser, type UserEditResult } from './user';
export { FakeRichApiError } from './errors';
export type { FakeExcelStats } from './proxies/context';
export { formatValue } from './numberFormat';
export { parseTypedInput, type ParsedInput } from './inputParsing';
export { parseAddress, formatAddress, columnName, columnIndex, type Rect } from './addressing';

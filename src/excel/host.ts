/**
 * createExcelHost: the AddinApi over Excel. Every Office.js call of the product goes through
 * here (and the modules it uses in src/excel/). Pass the real `Excel` global in the add-in, the
 * fake's `Excel` in tests and the playground.
 *
 * Round trips (see docs/EXCEL-ADAPTER.md): insert 2; an edit 1 read + at most 1 write of marks;
 * full check 2 reads + at most 1 write; a fix 1 (write and read together) + at most 1; add/delete
 * row 2 + at most 1. 导入 / 滚动到下一年 / 导出 (transfer.ts): previews 0–1, apply 2, export 1.
 * A selection change costs nothing: its event args say where the selection is.
 */
import { parseRange, rangeAddr } from '../core/form/a1';
import { computeLayout } from '../core/form/layout';
import type { SectionId } from '../core/form/types';
import type { Checker } from '../core/rules/engine';
import type { Finding } from '../core/rules/types';
import { snapshotFromCells } from '../core/snapshot/build';
import type { FormSnapshot } from '../core/snapshot/types';
import type {
  AddinApi,
  CheckResult,
  FormStatus,
  InsertOptions,
  OperationResult,
} from '../taskpane/api';
import { checkCounts } from '../taskpane/findings';
import { createCoalescer, realTimers, type Coalescer, type Timers } from './coalesce';
import { EXPORT_SHEET_BASE, freeSheetName, queueExportSheet } from './export-sheet';
import {
  FORM_NAMES,
  FORM_NAME_SET,
  MARKER_NAMES,
  precedentsOf,
  refFromNameFormula,
  sectionsForChange,
  type Precedents,
} from './form-names';
import { locateNames, type Located } from './locate';
import {
  MARK_STYLE,
  desiredMarks,
  diffMarks,
  markFormula,
  parseMarkFormula,
  type MarkSeverity,
  type SheetMark,
} from './marks';
import { MSG } from './messages';
import { insertFormLayout, type ExcelLike } from './insert';
import { formPlace, queueSheetRead, type SheetRead } from './read';
import { createTransfer } from './transfer';
import {
  queueDeleteRows,
  queueInsertRow,
  headerRows,
  queueTableRules,
  shiftTable,
  tableAt,
  tablesFromRefs,
  type TablePos,
} from './rows';
import { INDICATOR_TABLES } from '../core/form/spec';

export type { ExcelLike } from './insert';

export interface ExcelHostOptions {
  /** A fresh incremental checker (src/excel/index.ts passes the whole catalogue). */
  createChecker: () => Checker;
  /** How long a burst of edits is collected before one check runs (ms, default 120). */
  coalesceMs?: number;
  timers?: Timers;
  now?: () => number;
  /** Show the inserted form (default true); the sheet that was active is never changed. */
  activateNewSheet?: boolean;
  /** Errors of live checks (they have no caller to reject to). */
  onError?: (e: unknown) => void;
}

export interface ExcelHost extends AddinApi {
  /** Registers the change and activation handlers (subscribe() does it on first use). */
  start(): Promise<void>;
  /** Removes the handlers and stops live checking. */
  dispose(): Promise<void>;
  /** Resolves when no live check is scheduled or running. */
  idle(): Promise<void>;
  /** Counters for tests and the bench. */
  readonly stats: { liveRuns(): number; checks: number; lastReadBytes: number };
}

type LiveItem =
  | { kind: 'changed'; sheetId: string; address: string; changeType: string }
  | { kind: 'activated'; sheetId: string };

interface Current {
  sheetId: string;
  sheetName: string;
  refs: Record<string, string>;
  /** What the form's formula cells read (an edit there changes them too). */
  precedents: Precedents;
  snapshot: FormSnapshot | null;
  result: CheckResult;
}

type Bi = { zh: string; en: string };
const ok = (message: Bi): OperationResult => ({ ok: true, message });
const fail = (message: Bi): OperationResult => ({ ok: false, message });
/** A message with a second sentence added (when an operation worked but its marks did not). */
const withNote = (m: Bi, note: Bi | null): Bi =>
  note ? { zh: `${m.zh}${note.zh}`, en: `${m.en} ${note.en}` } : m;

/**
 * The findings were read, checked and given to the pane, but the marks could not be written
 * (a protected sheet): the message says so in both languages.
 */
export class MarksNotWrittenError extends Error {
  readonly text: Bi;
  constructor(readonly reason: unknown) {
    const text = MSG.marksNotWritten(reason);
    super(`${text.zh} / ${text.en}`);
    this.name = 'MarksNotWrittenError';
    this.text = text;
  }
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

/** Queues one mark (see marks.ts for why it is a conditional format). */
function queueMark(sheet: Excel.Worksheet, address: string, severity: MarkSeverity): void {
  const cf = sheet.getRange(address).conditionalFormats.add('Custom');
  cf.custom.rule.formula = markFormula(address, severity);
  const s = MARK_STYLE[severity];
  const fmt = cf.custom.format;
  fmt.fill.color = s.fill;
  fmt.font.color = s.fontColor;
  fmt.font.bold = s.bold;
  fmt.font.italic = s.italic;
  for (const e of EDGES) {
    const b = fmt.borders.getItem(e);
    b.style = s.borderStyle;
    b.color = s.borderColor;
  }
}

export { insertFormLayout };

export function createExcelHost(excel: ExcelLike, options: ExcelHostOptions): ExcelHost {
  const now = options.now ?? (() => Date.now());
  const onError = options.onError ?? (() => {});
  const listeners = new Set<(r: CheckResult) => void>();
  const selectionListeners = new Set<(address: string | null) => void>();
  /** The last selection Excel reported (sheet and address), from the event args alone. */
  let selection: { sheetId: string; address: string } | null = null;
  /** What the selection listeners were last told. */
  let toldSelection: string | null | undefined;
  const checkers = new Map<string, Checker>();
  let current: Current | null = null;
  let formSheets: string[] = [];
  let marksSuspended = false;
  let started: Promise<void> | null = null;
  let handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];
  const stats = { liveRuns: () => live.runs(), checks: 0, lastReadBytes: 0 };

  // One operation at a time: Excel.run batches of different operations never interleave.
  let chain: Promise<unknown> = Promise.resolve();
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const p = chain.then(fn, fn);
    chain = p.catch(() => undefined);
    return p;
  }

  const notify = (r: CheckResult) => {
    for (const l of [...listeners]) {
      try {
        l(r);
      } catch (e) {
        onError(e);
      }
    }
  };

  /** Tells the selection listeners where the selection is on the checked sheet, when it changed. */
  const notifySelection = () => {
    const address =
      selection && current && selection.sheetId === current.sheetId ? selection.address : null;
    if (address === toldSelection) return;
    toldSelection = address;
    for (const l of [...selectionListeners]) {
      try {
        l(address);
      } catch (e) {
        onError(e);
      }
    }
  };

  /** Status, snapshot and findings of a sheet read. */
  function evaluate(
    r: SheetRead,
    changed: SectionId[] | 'all',
  ): { result: CheckResult; snapshot: FormSnapshot | null; located: Located | null } {
    const { kind, refs, bad, located } = formPlace(r);
    let findings: Finding[] = [];
    let snapshot: FormSnapshot | null = null;
    if (kind !== 'noForm') {
      snapshot = snapshotFromCells(refs, r.cell, r.sheetName);
      let checker = checkers.get(r.sheetId);
      if (!checker || changed === 'all' || kind !== 'ok') {
        checker = checker ?? options.createChecker();
        checkers.set(r.sheetId, checker);
        findings = checker.checkAll(snapshot);
      } else findings = checker.checkChanged(snapshot, changed);
      // A sheet renamed since the last check is listed by its new name only.
      if (current && current.sheetId === r.sheetId && current.sheetName !== r.sheetName)
        formSheets = formSheets.filter((s) => s !== current!.sheetName);
      if (!formSheets.includes(r.sheetName)) formSheets = [...formSheets, r.sheetName];
    } else {
      checkers.delete(r.sheetId);
      formSheets = formSheets.filter((s) => s !== r.sheetName);
    }
    stats.checks++;
    stats.lastReadBytes = r.bytes;
    const status: FormStatus = {
      kind,
      sheetName: r.sheetName,
      year: snapshot?.year ?? null,
      missingNames: kind === 'noForm' ? [] : bad,
      canRepair: kind !== 'noForm' && !!located && bad.some((n) => n in located.refs),
      formSheets,
    };
    return {
      result: { status, findings, counts: checkCounts(findings), at: now() },
      snapshot,
      located,
    };
  }

  /** Writes only the marks that changed; one round trip, or none when nothing changed. */
  async function writeMarks(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    onSheet: SheetMark[],
    findings: Finding[],
  ): Promise<number> {
    const wanted = marksSuspended ? new Map<string, MarkSeverity>() : desiredMarks(findings);
    const diff = diffMarks(onSheet, wanted);
    if (diff.remove.length === 0 && diff.add.length === 0) return 0;
    const all = sheet.getRange().conditionalFormats;
    for (const m of diff.remove) all.getItem(m.id).delete();
    for (const a of diff.add) queueMark(sheet, a.address, a.severity);
    await context.sync();
    return diff.remove.length + diff.add.length;
  }

  /** Which other sheets hold a form (one more round trip, for FormStatus.formSheets). */
  async function refreshFormSheets(
    context: Excel.RequestContext,
    sheets: Excel.WorksheetCollection,
    exceptId: string,
  ): Promise<void> {
    const probes = sheets.items
      .filter((s) => s.id !== exceptId)
      .map((s) => ({
        name: s.name,
        items: MARKER_NAMES.map((n) => {
          const item = s.names.getItemOrNullObject(n);
          item.load('name');
          return item;
        }),
      }));
    if (probes.length) await context.sync();
    formSheets = sheets.items
      .filter(
        (s) =>
          s.id === exceptId ||
          probes.some((p) => p.name === s.name && p.items.some((i) => !i.isNullObject)),
      )
      .map((s) => s.name)
      .filter((n) => n !== undefined);
  }

  /**
   * Reads a sheet (the loads may already be queued behind writes of the same request), checks it,
   * and marks it. `full` also looks at the other sheets for FormStatus.formSheets.
   */
  async function checkSheet(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    changed: SectionId[] | 'all',
    opts: { full?: boolean; queued?: () => SheetRead } = {},
  ): Promise<CheckResult> {
    const take = opts.queued ?? queueSheetRead(sheet);
    let sheets: Excel.WorksheetCollection | null = null;
    if (opts.full) {
      sheets = context.workbook.worksheets;
      sheets.load('items/name,items/id');
    }
    await context.sync();
    const r = take();
    if (sheets) await refreshFormSheets(context, sheets, r.sheetId);
    const { result, snapshot } = evaluate(r, changed);
    let marksFailed: unknown = null;
    try {
      await writeMarks(
        context,
        sheet,
        r.marks,
        result.status.kind === 'noForm' ? [] : result.findings,
      );
    } catch (e) {
      marksFailed = e;
    }
    current = {
      sheetId: r.sheetId,
      sheetName: r.sheetName,
      refs: r.refs,
      precedents: precedentsOf(snapshot, r.sheetName),
      snapshot,
      result,
    };
    // The pane gets the list even when the marks could not be written (a protected sheet).
    notify(result);
    notifySelection();
    if (marksFailed) throw new MarksNotWrittenError(marksFailed);
    return result;
  }

  /**
   * checkSheet after an operation's own writes: marks that cannot be written do not make the
   * operation fail (it happened); they add a note to its message.
   */
  async function checkAfterWrite(...args: Parameters<typeof checkSheet>): Promise<Bi | null> {
    try {
      await checkSheet(...args);
      return null;
    } catch (e) {
      if (e instanceof MarksNotWrittenError) return e.text;
      throw e;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Live checking

  async function liveRun(items: LiveItem[]): Promise<void> {
    await exclusive(async () => {
      try {
        await liveCheck(items);
      } catch (e) {
        // The sheet may have been deleted or renamed: start afresh on the next event. (When only
        // the marks could not be written, the check itself is current.)
        if (!(e instanceof MarksNotWrittenError)) current = null;
        throw e;
      }
    });
  }

  async function liveCheck(items: LiveItem[]): Promise<void> {
    const cur = current;
    const activated = items.some((i) => i.kind === 'activated');
    const changes = items.filter(
      (i): i is Extract<LiveItem, { kind: 'changed' }> => i.kind === 'changed',
    );
    if (activated || !cur) {
      await excel.run((ctx) =>
        checkSheet(ctx, ctx.workbook.worksheets.getActiveWorksheet(), 'all', { full: true }),
      );
      return;
    }
    const mine = changes.filter((c) => c.sheetId === cur.sheetId);
    if (mine.length === 0) return;
    const structural = mine.some((c) => c.changeType !== 'RangeEdited');
    if (!structural && cur.result.status.kind === 'noForm') return;
    const sections: SectionId[] | 'all' =
      structural || cur.result.status.kind !== 'ok'
        ? 'all'
        : sectionsForChange(
            mine.map((c) => c.address),
            cur.refs,
            cur.precedents,
          );
    // An edit outside every named cell and everything the form's formulas read cannot change a
    // finding: no round trip at all.
    if (sections !== 'all' && sections.length === 0) return;
    await excel.run((ctx) =>
      checkSheet(ctx, ctx.workbook.worksheets.getItem(cur.sheetId), sections),
    );
  }

  const live: Coalescer<LiveItem> = createCoalescer(
    liveRun,
    options.coalesceMs ?? 120,
    options.timers ?? realTimers,
    onError,
  );

  // Handlers only record: no sync inside an event handler (it has hung Excel on the web).
  const onChanged = async (e: Excel.WorksheetChangedEventArgs) => {
    if (e.triggerSource === 'ThisLocalAddin') return;
    live.push({
      kind: 'changed',
      sheetId: e.worksheetId,
      address: e.address,
      changeType: e.changeType,
    });
  };
  const onActivated = async (e: Excel.WorksheetActivatedEventArgs) => {
    // The new sheet's selection is not known until the user selects something there.
    if (selection && selection.sheetId !== e.worksheetId) selection = null;
    notifySelection();
    live.push({ kind: 'activated', sheetId: e.worksheetId });
  };
  // The event args say where the selection is: no sync, no round trip, no check.
  const onSelectionChanged = async (e: Excel.WorksheetSelectionChangedEventArgs) => {
    if (typeof e.address !== 'string') return;
    selection = { sheetId: e.worksheetId, address: e.address.replace(/^.*!/, '') };
    notifySelection();
  };

  function start(): Promise<void> {
    if (!started) {
      started = excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets;
        handlers = [
          ws.onChanged.add(onChanged),
          ws.onActivated.add(onActivated),
          ws.onSelectionChanged.add(onSelectionChanged),
        ];
        await ctx.sync();
      });
      started.catch((e) => {
        started = null;
        onError(e);
      });
    }
    return started;
  }

  async function dispose(): Promise<void> {
    live.cancel();
    const hs = handlers;
    handlers = [];
    started = null;
    for (const h of hs) {
      h.remove();
      await h.context.sync();
    }
  }

  // ---------------------------------------------------------------------------------------
  // Operations

  async function insertForm(o: InsertOptions): Promise<OperationResult & { sheetName?: string }> {
    const year = Number(o?.year);
    if (!Number.isInteger(year) || year < 1900 || year > 2200) return fail(MSG.badYear(o?.year));
    const layout = computeLayout({ year, common: !!o.common });
    try {
      const name = await exclusive(() =>
        insertFormLayout(excel, layout, { activate: options.activateNewSheet !== false }),
      );
      if (!formSheets.includes(name)) formSheets = [...formSheets, name];
      if (options.activateNewSheet !== false && started)
        live.push({ kind: 'activated', sheetId: '' });
      return { ...ok(MSG.inserted(name, year)), sheetName: name };
    } catch (e) {
      return fail(MSG.insertFailed(e));
    }
  }

  function checkAll(): Promise<CheckResult> {
    return exclusive(() => {
      marksSuspended = false;
      return excel.run((ctx) =>
        checkSheet(ctx, ctx.workbook.worksheets.getActiveWorksheet(), 'all', { full: true }),
      );
    });
  }

  /** The sheet findings point into: the last checked one, else the active sheet. */
  function formSheet(ctx: Excel.RequestContext): Excel.Worksheet {
    return current
      ? ctx.workbook.worksheets.getItem(current.sheetId)
      : ctx.workbook.worksheets.getActiveWorksheet();
  }

  function selectCell(address: string): Promise<void> {
    // A bad address (not from a finding) is reported, never thrown at the pane.
    if (typeof address !== 'string' || !parseRange(address)) {
      onError(new Error(`selectCell: not a cell address: ${String(address)}`));
      return Promise.resolve();
    }
    return exclusive(() =>
      excel.run(async (ctx) => {
        const sheet = formSheet(ctx);
        sheet.activate();
        sheet.getRange(address.replace(/^.*!/, '')).select();
        await ctx.sync();
      }),
    ).catch(onError);
  }

  function applyFix(finding: Finding): Promise<OperationResult> {
    const fix = finding?.fix;
    if (!fix) return Promise.resolve(fail(MSG.noFix()));
    return exclusive(async () => {
      const cur = current;
      if (!cur) return fail(MSG.fixWrongSheet());
      try {
        const note = await excel.run(async (ctx) => {
          const sheet = ctx.workbook.worksheets.getItem(cur.sheetId);
          const range = sheet.getRange(fix.address);
          ctx.runtime.enableEvents = false;
          // A number typed into a text-formatted cell would stay text: give it back a number format.
          const before = findCell(cur.snapshot, fix.address);
          if (typeof fix.value === 'number' && before?.numberFormat === '@')
            range.numberFormat = [['General']];
          range.values = [[fix.value]];
          ctx.runtime.enableEvents = true;
          const queued = queueSheetRead(sheet);
          const sections = sectionsForChange([fix.address], cur.refs, cur.precedents);
          return checkAfterWrite(
            ctx,
            sheet,
            sections === 'all' || sections.length === 0 ? 'all' : sections,
            { queued },
          );
        });
        return ok(withNote(MSG.fixApplied(fix.address, fix.label), note));
      } catch (e) {
        return fail(MSG.fixFailed(e));
      }
    });
  }

  /** Reads the active sheet's names and selection for a row operation (first round trip). */
  async function rowContext(ctx: Excel.RequestContext) {
    const sheet = ctx.workbook.worksheets.getActiveWorksheet();
    sheet.load('id,name');
    sheet.names.load('items/name,items/type,items/formula');
    const sel = ctx.workbook.getSelectedRange();
    sel.load('rowIndex,rowCount');
    const cfs = sheet.getRange().conditionalFormats;
    cfs.load('items/id,items/type,items/customOrNullObject/rule/formula');
    await ctx.sync();
    const refs: Record<string, string> = {};
    for (const n of sheet.names.items)
      if (FORM_NAME_SET.has(n.name) && n.type === 'Range') {
        const ref = refFromNameFormula(n.formula, sheet.name);
        if (ref) refs[n.name] = ref;
      }
    const customFormats = cfs.items
      .filter(
        (c) => c.type === 'Custom' && c.customOrNullObject && !c.customOrNullObject.isNullObject,
      )
      .map((c) => ({ id: c.id, formula: c.customOrNullObject.rule.formula }));
    const tables = tablesFromRefs(refs);
    const top = sel.rowIndex + 1;
    const bottom = sel.rowIndex + sel.rowCount;
    return { sheet, refs, tables, top, bottom, customFormats, table: tableAt(tables, top, bottom) };
  }

  function rowOperation(kind: 'add' | 'delete'): Promise<OperationResult> {
    return exclusive(async () => {
      try {
        return await excel.run(async (ctx): Promise<OperationResult> => {
          const rc = await rowContext(ctx);
          if (Object.keys(rc.refs).length === 0) return fail(MSG.noForm());
          const t = rc.table;
          if (!t) return fail(MSG.notInTable());
          const label = INDICATOR_TABLES[t.id].label;
          const others = Object.values(rc.tables).filter(
            (x): x is TablePos => !!x && x.id !== t.id,
          );
          const n = rc.bottom - rc.top + 1;
          if (kind === 'delete' && t.last - t.first + 1 - n < 1) return fail(MSG.lastRow(label));
          let message: Bi;
          ctx.runtime.enableEvents = false;
          if (kind === 'add') {
            const at = rc.bottom + 1;
            const grown = queueInsertRow(rc.sheet, rc.sheet.name, t, at);
            queueTableRules(
              rc.sheet,
              grown,
              [grown, ...others.map((o) => shiftTable(o, at, 1))],
              rc.customFormats,
            );
            message = MSG.rowAdded(label, at);
          } else {
            const shrunk = queueDeleteRows(rc.sheet, rc.sheet.name, t, rc.top, rc.bottom);
            const moved = others.map((o) => (o.first > rc.bottom ? shiftTable(o, rc.top, -n) : o));
            queueTableRules(rc.sheet, shrunk, [shrunk, ...moved], rc.customFormats);
            message = MSG.rowsDeleted(label, rc.top, rc.bottom);
          }
          ctx.runtime.enableEvents = true;
          // Re-read in the same request as the writes, then mark: names and rows have moved.
          const queued = queueSheetRead(rc.sheet);
          return ok(withNote(message, await checkAfterWrite(ctx, rc.sheet, 'all', { queued })));
        });
      } catch (e) {
        return fail(MSG.rowOpFailed(e));
      }
    });
  }

  function exportFindings(): Promise<OperationResult & { sheetName?: string }> {
    return exclusive(async () => {
      try {
        return await excel.run(async (ctx) => {
          let cur = current;
          if (!cur) {
            await checkSheet(ctx, ctx.workbook.worksheets.getActiveWorksheet(), 'all', {
              full: true,
            });
            cur = current!;
          }
          if (cur.result.status.kind === 'noForm') return fail(MSG.noForm());
          const sheets = ctx.workbook.worksheets;
          sheets.load('items/name');
          await ctx.sync();
          const name = freeSheetName(
            EXPORT_SHEET_BASE,
            sheets.items.map((s) => s.name),
          );
          ctx.runtime.enableEvents = false;
          queueExportSheet(ctx.workbook, name, cur.result.findings, cur.sheetName);
          ctx.runtime.enableEvents = true;
          await ctx.sync();
          return { ...ok(MSG.exported(name, cur.result.findings.length)), sheetName: name };
        });
      } catch (e) {
        return fail(MSG.exportFailed(e));
      }
    });
  }

  function repairNames(): Promise<OperationResult> {
    return exclusive(async () => {
      try {
        return await excel.run(async (ctx): Promise<OperationResult> => {
          const sheet = ctx.workbook.worksheets.getActiveWorksheet();
          const take = queueSheetRead(sheet);
          await ctx.sync();
          const r = take();
          const bad = FORM_NAMES.map((n) => n.name).filter((n) => !(n in r.refs));
          if (bad.length === 0) return ok(MSG.namesOk());
          const located = r.grid ? locateNames(r.grid) : null;
          const fixable = located ? bad.filter((n) => located.refs[n]) : [];
          if (!located || fixable.length === 0) return fail(MSG.cannotRepair(bad));
          const annual = INDICATOR_TABLES.annual.name;
          if (fixable.includes(annual)) await refineLastTable(ctx, sheet, located, annual);
          const rebuilt = fixable.filter((n) => located.refs[n]);
          if (rebuilt.length === 0) return fail(MSG.cannotRepair(bad));
          ctx.runtime.enableEvents = false;
          const broken = new Set(r.broken);
          for (const n of rebuilt) {
            if (broken.has(n)) sheet.names.getItem(n).delete();
            const def = FORM_NAMES.find((x) => x.name === n)!;
            sheet.names.add(n, sheet.getRange(located.refs[n]), def.label);
          }
          ctx.runtime.enableEvents = true;
          const queued = queueSheetRead(sheet);
          const note = await checkAfterWrite(ctx, sheet, 'all', { queued });
          return ok(
            withNote(
              MSG.repaired(
                rebuilt,
                bad.filter((n) => !located.refs[n]),
              ),
              note,
            ),
          );
        });
      } catch (e) {
        return fail(MSG.repairFailed(e));
      }
    });
  }

  function clearMarks(): Promise<OperationResult> {
    return exclusive(async () => {
      const wasSuspended = marksSuspended;
      marksSuspended = true;
      try {
        return await excel.run(async (ctx) => {
          const sheets = ctx.workbook.worksheets;
          sheets.load('items/name');
          await ctx.sync();
          const perSheet = sheets.items.map((s) => {
            const cfs = s.getRange().conditionalFormats;
            cfs.load('items/id,items/type,items/customOrNullObject/rule/formula');
            return { s, cfs };
          });
          await ctx.sync();
          let n = 0;
          for (const { cfs } of perSheet)
            for (const cf of cfs.items) {
              const c = cf.customOrNullObject;
              if (cf.type !== 'Custom' || !c || c.isNullObject) continue;
              if (parseMarkFormula(c.rule.formula)) {
                cf.delete();
                n++;
              }
            }
          if (n) await ctx.sync();
          return ok(MSG.marksCleared(n));
        });
      } catch (e) {
        // Nothing was cleared: marks keep following the findings.
        marksSuspended = wasSuspended;
        return fail(MSG.clearFailed(e));
      }
    });
  }

  function subscribe(listener: (r: CheckResult) => void): () => void {
    listeners.add(listener);
    void start().catch(onError);
    return () => {
      listeners.delete(listener);
    };
  }

  function subscribeSelection(listener: (address: string | null) => void): () => void {
    selectionListeners.add(listener);
    void start().catch(onError);
    if (toldSelection) listener(toldSelection);
    return () => {
      selectionListeners.delete(listener);
    };
  }

  const transfer = createTransfer(excel, {
    exclusive,
    activate: options.activateNewSheet !== false,
    inserted: (name) => {
      if (!formSheets.includes(name)) formSheets = [...formSheets, name];
      if (options.activateNewSheet !== false && started)
        live.push({ kind: 'activated', sheetId: '' });
    },
  });

  return {
    ...transfer,
    insertForm,
    checkAll,
    selectCell,
    applyFix,
    addIndicatorRow: () => rowOperation('add'),
    deleteIndicatorRow: () => rowOperation('delete'),
    exportFindings,
    repairNames,
    clearMarks,
    subscribe,
    subscribeSelection,
    start,
    dispose,
    idle: async () => {
      await live.idle();
      await chain;
    },
    stats,
  };
}

/**
 * The annual table is the last thing on the sheet, and the used range may reach a row or column
 * past it (a border drawn on the last row can count as a format of the row below). The section
 * label's merged area in column A carries the label's fill down to the table's last row: the
 * last row whose column-A fill equals the label's is the table's end. One more round trip, only
 * when repairing that name.
 */
async function refineLastTable(
  ctx: Excel.RequestContext,
  sheet: Excel.Worksheet,
  located: Located,
  tableName: string,
): Promise<void> {
  const r = parseRange(located.refs[tableName]);
  if (!r) return;
  const labelRow = r.top - headerRows('annual');
  const label = sheet.getRange(`A${labelRow}`).format.fill;
  label.load('color');
  const first = sheet.getRange(`A${r.top}`).format.fill;
  first.load('color');
  const probes: { row: number; fill: Excel.RangeFill }[] = [];
  for (let row = Math.max(r.top, r.bottom - 3); row <= r.bottom; row++) {
    const fill = sheet.getRange(`A${row}`).format.fill;
    fill.load('color');
    probes.push({ row, fill });
  }
  await ctx.sync();
  // Not even the first row below the header carries the label's fill: every row of the table
  // was deleted. A name over the blank row below would be a table that is not there.
  if (first.color !== label.color) {
    delete located.refs[tableName];
    return;
  }
  const last = [...probes].reverse().find((p) => p.fill.color === label.color);
  if (last && last.row < r.bottom)
    located.refs[tableName] = rangeAddr({ ...r, bottom: last.row }, true);
}

function findCell(snapshot: FormSnapshot | null, address: string) {
  if (!snapshot) return undefined;
  for (const c of Object.values(snapshot.fields)) if (c.address === address) return c;
  for (const rows of Object.values(snapshot.tables))
    for (const row of rows)
      for (const c of Object.values(row.cells)) if (c?.address === address) return c;
  return undefined;
}

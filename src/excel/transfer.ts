/**
 * 导入 / 滚动到下一年 / 导出 in the add-in. Each operation first returns a preview (what was
 * found, what will change) and changes nothing; the matching apply call then inserts a fresh form
 * on a NEW sheet. Existing sheets are never written to.
 *
 * Round trips: preview from the sheet 1 (the used range), from pasted text 0; roll-forward
 * preview 1, export 1 (the active sheet's read); apply 2 (the insertion's: sheet names, then the
 * new sheet painted with its content in the same value block as the empty form's).
 */
import { computeLayout } from '../core/form/layout';
import { FUNDING_BLOCKS, fundingName, type FundingColumnKey } from '../core/form/spec';
import { importRows, type ImportResult } from '../core/import/from-rows';
import { parsePastedTable } from '../core/import/pasted-text';
import { snapshotFromCells } from '../core/snapshot/build';
import { exportCsv, exportForm } from '../core/transfer/export';
import {
  inputFieldNames,
  placeValues,
  valuesFromSnapshot,
  type FormValues,
} from '../core/transfer/form-values';
import { valuesFromImport } from '../core/transfer/from-import';
import { gridFromValues } from '../core/transfer/grid';
import { planRollForward, type RollForwardPlan } from '../core/transfer/roll-forward';
import { formatNumber } from '../core/values';
import type { RawCell } from '../core/values/types';
import type {
  ExportData,
  ImportPreview,
  OperationResult,
  PreviewField,
  RollPreview,
} from '../taskpane/api';
import { insertFormLayout, type ExcelLike } from './insert';
import { TMSG } from './messages';
import { formPlace, queueSheetRead } from './read';

type Bi = { zh: string; en: string };

/** How many characters of a value the import preview shows. */
export const PREVIEW_CHARS = 40;
/** Budget years an import may be placed in (as insertForm accepts). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

// -----------------------------------------------------------------------------------------
// Pure helpers (reading a sheet or pasted text, and typing what was found, are in the core:
// gridFromValues, parsePastedTable, valuesFromImport)

/** How many fields of `v` hold something. */
const filled = (v: FormValues) => Object.values(v.fields).filter((c) => c.value !== null).length;

/** A value for a preview line: at most `max` characters, '…' when cut. */
export function clip(text: string, max = PREVIEW_CHARS): { text: string; truncated: boolean } {
  const chars = [...text];
  return chars.length > max
    ? { text: `${chars.slice(0, max).join('')}…`, truncated: true }
    : { text, truncated: false };
}

/** A cell's content as the form shows it: '18.94%' for 0.1894 in a percent format. */
export function cellText(c: RawCell | undefined): string {
  if (!c || c.value === null) return '';
  if (typeof c.value === 'number' && c.numberFormat?.includes('%'))
    return `${formatNumber(c.value * 100, 10)}%`;
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return typeof c.value === 'number' ? formatNumber(c.value) : c.value;
}

const REFERENCE = computeLayout({ year: 2000, rows: { longTerm: 1, annual: 1 } });
const INPUTS = inputFieldNames(REFERENCE);

/** What an import found, for the pane: the input fields it will fill, table sizes, what is missing. */
export function importPreviewOf(
  res: ImportResult,
  source: ImportPreview['source'],
  id: string,
): ImportPreview {
  const fields: PreviewField[] = [];
  for (const n of REFERENCE.names) {
    if (n.kind !== 'field' || !INPUTS.has(n.name) || !(n.name in res.fields)) continue;
    const { text, truncated } = clip(res.fields[n.name]);
    fields.push({ name: n.name, label: { zh: n.label, en: n.labelEn }, value: text, truncated });
  }
  const tables = { longTerm: res.tables.longTerm.length, annual: res.tables.annual.length };
  const found = res.matched.length > 0;
  return {
    ok: found,
    id,
    message: found
      ? TMSG.importFound(
          source,
          fields.filter((f) => f.value !== '').length,
          tables,
          res.missing.length,
        )
      : TMSG.importNothing(source),
    source,
    year: res.year,
    fields,
    tables,
    missing: res.missing,
  };
}

/**
 * The rows of a roll-forward preview: every change of the plan with its values as the form shows
 * them. The plan's changes name the place and hold raw values (0.8 for 80%); the texts come from
 * the cells, visited in the plan's order (funding, then the annual table row by row).
 */
export function rollPreviewRows(before: FormValues, plan: RollForwardPlan): RollPreview['changes'] {
  const after = plan.values;
  const cells: [RawCell | undefined, RawCell | undefined][] = [
    [{ value: before.year }, { value: after.year }],
  ];
  const differs = (a: RawCell | undefined, b: RawCell | undefined) =>
    (a?.value ?? null) !== (b?.value ?? null);
  for (const block of FUNDING_BLOCKS)
    for (const item of block.items) {
      if (item.total) continue;
      for (const k of ['Prev2', 'Prev1', 'Current'] as FundingColumnKey[]) {
        const name = fundingName(block.key, item.key, k);
        if (differs(before.fields[name], after.fields[name]))
          cells.push([before.fields[name], after.fields[name]]);
      }
    }
  before.tables.annual.forEach((row, i) => {
    const out = after.tables.annual[i] ?? {};
    for (const k of ['prev2', 'prev1', 'target'] as const)
      if (differs(row[k], out[k])) cells.push([row[k], out[k]]);
  });
  const same = cells.length === plan.changes.length;
  return plan.changes.map((c, i) => ({
    where: { zh: c.where, en: c.whereEn },
    from: same ? cellText(cells[i][0]) : cellText({ value: c.from }),
    to: same ? cellText(cells[i][1]) : cellText({ value: c.to }),
  }));
}

/** Counts for the roll-forward preview. */
export function rollCounts(changes: RollPreview['changes']): RollPreview['counts'] {
  const cleared = changes.filter((c) => c.to === '' && c.from !== '').length;
  return { total: changes.length, cleared, moved: changes.length - cleared };
}

// -----------------------------------------------------------------------------------------
// Over Excel

export interface TransferDeps {
  /** Runs one operation at a time (the host's queue). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Show the new sheet (default true). */
  activate: boolean;
  /** Called with the new sheet's name after an insertion (the host re-checks and lists it). */
  inserted(sheetName: string): void;
}

export interface TransferApi {
  previewImportFromSheet(): Promise<ImportPreview>;
  previewImportFromText(text: string): Promise<ImportPreview>;
  applyImport(
    id: string,
    options: { year: number },
  ): Promise<OperationResult & { sheetName?: string }>;
  previewRollForward(): Promise<RollPreview>;
  applyRollForward(id: string): Promise<OperationResult & { sheetName?: string }>;
  exportData(): Promise<ExportData>;
}

const fail = (message: Bi): OperationResult => ({ ok: false, message });

export function createTransfer(excel: ExcelLike, deps: TransferDeps): TransferApi {
  let seq = 0;
  /** The last preview of each kind: apply writes exactly what was shown. */
  let pendingImport: { id: string; res: ImportResult } | null = null;
  let pendingRoll: { id: string; plan: RollForwardPlan } | null = null;

  const emptyImport = (source: ImportPreview['source'], message: Bi): ImportPreview => ({
    ok: false,
    id: '',
    message,
    source,
    year: null,
    fields: [],
    tables: { longTerm: 0, annual: 0 },
    missing: [],
  });

  function remember(res: ImportResult, source: ImportPreview['source']): ImportPreview {
    const id = `import-${++seq}`;
    const preview = importPreviewOf(res, source, id);
    pendingImport = preview.ok ? { id, res } : null;
    return preview;
  }

  function previewImportFromSheet(): Promise<ImportPreview> {
    return deps.exclusive(async () => {
      try {
        return await excel.run(async (ctx) => {
          const sheet = ctx.workbook.worksheets.getActiveWorksheet();
          sheet.load('name');
          const used = sheet.getUsedRangeOrNullObject(true);
          used.load('values,numberFormat');
          await ctx.sync();
          const source = { kind: 'sheet' as const, name: sheet.name };
          if (used.isNullObject) return emptyImport(source, TMSG.emptySheet(sheet.name));
          return remember(importRows(gridFromValues(used.values, used.numberFormat)), source);
        });
      } catch (e) {
        return emptyImport({ kind: 'sheet', name: '' }, TMSG.readFailed(e));
      }
    });
  }

  function previewImportFromText(text: string): Promise<ImportPreview> {
    const source = { kind: 'text' as const, name: '' };
    if (typeof text !== 'string' || text.trim() === '')
      return Promise.resolve(emptyImport(source, TMSG.emptyText()));
    return Promise.resolve(remember(importRows(parsePastedTable(text)), source));
  }

  /** Inserts a form holding `v` on a new sheet (2 round trips). */
  async function insertValues(v: FormValues): Promise<string> {
    const { layout, cells } = placeValues(v);
    const name = await deps.exclusive(() =>
      insertFormLayout(excel, layout, { cells, activate: deps.activate }),
    );
    deps.inserted(name);
    return name;
  }

  async function applyImport(
    id: string,
    options: { year: number },
  ): Promise<OperationResult & { sheetName?: string }> {
    const p = pendingImport;
    if (!p || p.id !== id) return fail(TMSG.previewStale());
    const year = Number(options?.year);
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
      return fail(TMSG.badYear(options?.year));
    const v = valuesFromImport(p.res, { year });
    try {
      const sheetName = await insertValues(v);
      pendingImport = null;
      return {
        ok: true,
        message: TMSG.imported(sheetName, year, filled(v), {
          longTerm: v.tables.longTerm.length,
          annual: v.tables.annual.length,
        }),
        sheetName,
      };
    } catch (e) {
      return fail(TMSG.insertFailed(e));
    }
  }

  /** The active sheet's form content (1 round trip), or why there is none. */
  async function readActiveForm(): Promise<
    { ok: true; values: FormValues; sheetName: string } | { ok: false; message: Bi }
  > {
    return deps.exclusive(() =>
      excel.run(async (ctx) => {
        const take = queueSheetRead(ctx.workbook.worksheets.getActiveWorksheet());
        await ctx.sync();
        const r = take();
        const place = formPlace(r);
        if (place.kind === 'noForm')
          return { ok: false as const, message: TMSG.noForm(r.sheetName) };
        const snapshot = snapshotFromCells(place.refs, r.cell, r.sheetName);
        if (snapshot.year === null)
          return { ok: false as const, message: TMSG.noYear(r.sheetName) };
        const inputs = inputFieldNames(computeLayout({ year: snapshot.year }));
        return {
          ok: true as const,
          values: valuesFromSnapshot(snapshot, inputs),
          sheetName: r.sheetName,
        };
      }),
    );
  }

  async function previewRollForward(): Promise<RollPreview> {
    const none = (message: Bi): RollPreview => ({
      ok: false,
      id: '',
      message,
      sheetName: '',
      fromYear: null,
      toYear: null,
      newSheetName: '',
      changes: [],
      counts: { total: 0, moved: 0, cleared: 0 },
    });
    try {
      const form = await readActiveForm();
      if (!form.ok) return none(form.message);
      const plan = planRollForward(form.values);
      const changes = rollPreviewRows(form.values, plan);
      const id = `roll-${++seq}`;
      pendingRoll = { id, plan };
      const counts = rollCounts(changes);
      return {
        ok: true,
        id,
        message: TMSG.rollPlanned(form.sheetName, form.values.year, counts),
        sheetName: form.sheetName,
        fromYear: form.values.year,
        toYear: plan.values.year,
        newSheetName: computeLayout({ year: plan.values.year }).sheetName,
        changes,
        counts,
      };
    } catch (e) {
      return none(TMSG.readFailed(e));
    }
  }

  async function applyRollForward(id: string): Promise<OperationResult & { sheetName?: string }> {
    const p = pendingRoll;
    if (!p || p.id !== id) return fail(TMSG.previewStale());
    try {
      const sheetName = await insertValues(p.plan.values);
      pendingRoll = null;
      return { ok: true, message: TMSG.rolled(sheetName, p.plan.values.year), sheetName };
    } catch (e) {
      return fail(TMSG.insertFailed(e));
    }
  }

  async function exportData(): Promise<ExportData> {
    const none = (message: Bi): ExportData => ({
      ok: false,
      message,
      sheetName: '',
      year: null,
      fileName: '',
      json: '',
      csv: '',
      indicators: 0,
    });
    try {
      const form = await readActiveForm();
      if (!form.ok) return none(form.message);
      const e = exportForm(form.values);
      return {
        ok: true,
        message: TMSG.exportReady(form.sheetName, e.indicators.length),
        sheetName: form.sheetName,
        year: e.year,
        fileName: exportFileName(form.sheetName, e.year),
        json: `${JSON.stringify(e, null, 2)}\n`,
        csv: exportCsv(e),
        indicators: e.indicators.length,
      };
    } catch (e) {
      return none(TMSG.readFailed(e));
    }
  }

  return {
    previewImportFromSheet,
    previewImportFromText,
    applyImport,
    previewRollForward,
    applyRollForward,
    exportData,
  };
}

/** A file name (without extension) for the exported data: the sheet's name when it is usable. */
export function exportFileName(sheetName: string, year: number): string {
  const safe = sheetName.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '');
  return safe || `绩效目标表${year}`;
}

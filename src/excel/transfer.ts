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
import type { IndicatorColumnKey, IndicatorTableId } from '../core/form/types';
import { excelTypedValue } from '../core/import/excel-input';
import { importRows, type ImportResult } from '../core/import/from-rows';
import { parseWordTableText } from '../core/import/word-text';
import { snapshotFromCells } from '../core/snapshot/build';
import { exportCsv, exportForm } from '../core/transfer/export';
import {
  inputFieldNames,
  placeValues,
  valuesFromSnapshot,
  type FormValues,
  type TableRowValues,
} from '../core/transfer/form-values';
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
// Pure helpers

/**
 * The text that, typed into Excel, gives back this cell: a number as digits ('18.94%' when its
 * format is a percentage), TRUE/FALSE, and text as it is — with a leading apostrophe when Excel
 * would otherwise read it as a number, so a number stored as text stays text.
 */
export function typedText(value: unknown, numberFormat?: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    return typeof numberFormat === 'string' && numberFormat.includes('%')
      ? `${formatNumber(value * 100, 10)}%`
      : formatNumber(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const s = String(value);
  const typed = excelTypedValue(s);
  return typed.value === s && !typed.numberFormat && !typed.formula ? s : `'${s}`;
}

const norm = (s: string) => s.replace(/[\s\u3000\u00a0]/g, '');

/**
 * A sheet's cells as the rows importRows reads. A used range is a rectangle: rows are padded
 * with blanks on the right, while importRows takes a table row's LAST cells as its columns (as a
 * Word table's text export gives them). So trailing blanks are cut, and inside each indicator
 * table (from a header row holding 三级指标 to the next one) every row is padded back to the
 * table's own width: a row whose last cells are empty keeps its columns in place. A cell holding
 * only blanks (U+3000) is content, as typed, and is kept.
 */
export function importGrid(values: unknown[][], formats: unknown[][] = []): string[][] {
  const texts = values.map((row, i) => row.map((v, j) => typedText(v, formats[i]?.[j])));
  return alignTableRows(alignByHeaders(texts));
}

const FUNDING_ITEM_LABELS = new Set(
  FUNDING_BLOCKS.flatMap((b) => b.items.map((i) => norm(i.label.zh))),
);
const YEAR_HEADER = /^\d{4}年$/;

/**
 * A sheet laid out like the form itself (the add-in's template, or a hand-made copy) has merged
 * cells: a value spanning E:F leaves F empty, so a row's cells are not in the order importRows
 * expects (the Word export's: one cell per column). Where the header rows give each column's
 * place — 当年金额 / 占比 / the two years over the funding rows; 一级指标 … 指标分类 (with the years
 * and 预期当年实现值 of the annual table) over an indicator table — the rows below are rewritten to
 * hold just those cells, in order. Where the header's places do not line up (a Word table pasted
 * as it is, whose header cells span several body cells), rows are left as they are.
 */
export function alignByHeaders(rows: string[][]): string[][] {
  const out = rows.map((r) => [...r]);
  const at = (r: number, want: (c: string) => boolean) =>
    (rows[r] ?? []).findIndex((c) => want(norm(c)));
  const increasing = (p: number[]) => p.every((x, i) => x >= 0 && (i === 0 || x > p[i - 1]));

  // Funding: item rows between the 当年金额 header and 部门职能概述.
  const h = rows.findIndex((r) => r.some((c) => norm(c) === '当年金额'));
  if (h >= 0) {
    const years = (rows[h + 1] ?? [])
      .map((c, j) => (YEAR_HEADER.test(norm(c)) ? j : -1))
      .filter((j) => j >= 0);
    const cols = [at(h, (c) => c === '当年金额'), at(h, (c) => c === '占比'), ...years.slice(0, 2)];
    const end = rows.findIndex((r, i) => i > h && r.some((c) => norm(c) === '部门职能概述'));
    if (cols.length === 4 && cols.every((j) => j >= 0))
      for (let r = h + 2; r < (end < 0 ? rows.length : end); r++) {
        const label = rows[r].findIndex((c) => FUNDING_ITEM_LABELS.has(norm(c)));
        if (label >= 0 && label < Math.min(...cols))
          out[r] = [...rows[r].slice(0, label + 1), ...cols.map((j) => rows[r][j] ?? '')];
      }
  }

  // Indicator tables: every row from a 三级指标 header to the next one.
  const headers = rows
    .map((r, i) => (r.some((c) => norm(c) === '三级指标') ? i : -1))
    .filter((i) => i >= 0);
  headers.forEach((start, k) => {
    const end = k + 1 < headers.length ? headers[k + 1] : rows.length;
    const head = (text: string) => at(start, (c) => c === text);
    const yearCols: number[] = [];
    let target = -1;
    for (let r = start; r <= start + 2 && r < end; r++) {
      rows[r].forEach((c, j) => {
        if (YEAR_HEADER.test(norm(c))) yearCols.push(j);
      });
      if (r > start && target < 0) target = at(r, (c) => c === '预期当年实现值');
    }
    const annual = yearCols.length >= 2;
    if (target < 0) target = head('指标值');
    const cols = [
      head('一级指标'),
      head('二级指标'),
      head('三级指标'),
      ...(annual ? yearCols.slice(0, 2) : []),
      target,
      head('指标值确定依据'),
      head('指标分类'),
    ];
    if (!increasing(cols)) return;
    for (let r = start; r < end; r++)
      out[r] = [...rows[r].slice(0, cols[0]), ...cols.map((j) => rows[r][j] ?? '')];
  });
  return out;
}

/**
 * Cuts each row's trailing empty cells, then pads every row of an indicator table to the width
 * of the table's widest row.
 */
export function alignTableRows(rows: string[][]): string[][] {
  const out = rows.map((r) => {
    let end = r.length;
    while (end > 0 && r[end - 1] === '') end--;
    return r.slice(0, end);
  });
  const headers = out
    .map((r, i) => (r.some((c) => norm(c) === '三级指标') ? i : -1))
    .filter((i) => i >= 0);
  headers.forEach((start, k) => {
    const end = k + 1 < headers.length ? headers[k + 1] : rows.length;
    const width = Math.max(...out.slice(start, end).map((r) => r.length));
    for (let i = start; i < end; i++) while (out[i].length < width) out[i].push('');
  });
  return out;
}

/**
 * Pasted text → rows. The text export of a Word table (one cell per line, each cell's first line
 * starting with a tab, an empty line after each row) is read by parseWordTableText; anything
 * else is taken as tab-separated rows, as Excel and Word put a copied table on the clipboard
 * (Excel quotes a cell holding a line break: "a""b" is a"b).
 */
export function parsePastedTable(text: string): string[][] {
  const t = text.replace(/\r\n?/g, '\n');
  const lines = t.split('\n').filter((l) => l.trim() !== '');
  const wordStyle = lines.filter((l) => l.startsWith('\t') && !l.slice(1).includes('\t')).length;
  if (lines.length && wordStyle * 2 >= lines.length) return parseWordTableText(t);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && atStart) {
      quoted = true;
      atStart = false;
    } else if (ch === '\t') {
      row.push(cell);
      cell = '';
      atStart = true;
    } else if (ch === '\n') {
      row.push(cell);
      if (row.some((c) => c !== '')) rows.push(row);
      row = [];
      cell = '';
      atStart = true;
    } else {
      cell += ch;
      atStart = false;
    }
  }
  row.push(cell);
  if (row.some((c) => c !== '')) rows.push(row);
  return alignTableRows(rows);
}

/** What Excel stores when `text` is typed into a cell of the layout formatted `numberFormat`. */
function typedIn(text: string, numberFormat: string | undefined): RawCell {
  if (numberFormat === '@') return { value: text };
  const typed = excelTypedValue(text);
  // Text that starts with '=' is imported as text, never as a formula.
  if (typed.formula) return { value: text };
  return typed;
}

/**
 * An import result as form content for a year: input fields and table cells hold what Excel
 * stores when their text is typed in (so '\u30008167.74' stays text and is reported, '18.94%' becomes
 * 0.1894 with a percent format). Totals and shares are not carried: the template computes them.
 */
export function formValuesFromImport(res: ImportResult, year: number): FormValues {
  const layout = computeLayout({ year, rows: { longTerm: 1, annual: 1 } });
  const inputs = inputFieldNames(layout);
  const formatOf = new Map(
    layout.names.map((n) => {
      const cell = layout.cells.find((c) => c.address === n.ref.replace(/\$/g, ''));
      return [n.name, cell?.style.numberFormat] as const;
    }),
  );
  const fields: Record<string, RawCell> = {};
  for (const [name, text] of Object.entries(res.fields)) {
    if (!inputs.has(name) || text === '') continue;
    fields[name] = typedIn(text, formatOf.get(name));
  }
  const table = (id: IndicatorTableId): TableRowValues[] =>
    res.tables[id].map((row) => {
      const out: TableRowValues = {};
      for (const [k, text] of Object.entries(row) as [IndicatorColumnKey, string][])
        if (text !== '') out[k] = typedIn(text, undefined);
      return out;
    });
  return { year, fields, tables: { longTerm: table('longTerm'), annual: table('annual') } };
}

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
          return remember(importRows(importGrid(used.values, used.numberFormat)), source);
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
    const v = formValuesFromImport(p.res, year);
    try {
      const sheetName = await insertValues(v);
      pendingImport = null;
      return {
        ok: true,
        message: TMSG.imported(sheetName, year, Object.keys(v.fields).length, {
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

/**
 * Building a FormSnapshot from cells, whatever adapter read them. Adapters resolve the form's
 * names to addresses and hand over the cells; this module knows what the cells mean.
 */
import { addr, parseRange } from '../form/a1';
import { indicatorColumnLetter } from '../form/layout';
import { BUDGET_YEAR, INDICATOR_TABLES } from '../form/spec';
import { colNumber } from '../form/a1';
import type { IndicatorColumnKey, IndicatorTableId } from '../form/types';
import type { RawCell } from '../values/types';
import type { FormSnapshot, IndicatorRow, SnapCell } from './types';

const TABLE_IDS: IndicatorTableId[] = ['longTerm', 'annual'];

function isBlank(c: RawCell | undefined): boolean {
  if (!c) return true;
  const v = c.value;
  return (
    v === null ||
    v === undefined ||
    (typeof v === 'string' && v.replace(/[\s\u3000\u00a0]/g, '') === '')
  );
}

function readYear(c: RawCell | undefined): number | null {
  if (!c) return null;
  const s =
    typeof c.value === 'number'
      ? String(c.value)
      : String(c.value ?? '').replace(/[\s\u3000年]/g, '');
  const d = s.replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  if (!/^\d{4}$/.test(d)) return null;
  const y = Number(d);
  return y >= 1900 && y <= 2200 ? y : null;
}

/**
 * @param refs the form's names → A1 references on its sheet (as the layout or the workbook says)
 * @param getCell the cell at an A1 address ('E7'); undefined for an empty or unread cell
 */
export function snapshotFromCells(
  refs: Record<string, string>,
  getCell: (address: string) => RawCell | undefined,
  sheetName?: string,
): FormSnapshot {
  const fields: Record<string, SnapCell> = {};
  const tableNames = new Set(TABLE_IDS.map((t) => INDICATOR_TABLES[t].name));
  for (const [name, ref] of Object.entries(refs)) {
    if (tableNames.has(name)) continue;
    const r = parseRange(ref);
    if (!r) continue;
    const address = addr(r.top, r.left);
    const cell = getCell(address);
    fields[name] = {
      address,
      value: cell?.value ?? null,
      formula: cell?.formula,
      numberFormat: cell?.numberFormat,
    };
  }
  const tables = {} as Record<IndicatorTableId, IndicatorRow[]>;
  for (const id of TABLE_IDS) {
    tables[id] = [];
    const ref = refs[INDICATOR_TABLES[id].name];
    const r = ref ? parseRange(ref) : null;
    if (!r) continue;
    const cols = INDICATOR_TABLES[id].columns.map((c) => ({
      key: c.key,
      col: colNumber(indicatorColumnLetter(id, c.key)),
    }));
    let prev: IndicatorRow | null = null;
    for (let row = r.top; row <= r.bottom; row++) {
      const cells: Partial<Record<IndicatorColumnKey, SnapCell>> = {};
      let any = false;
      for (const { key, col } of cols) {
        const address = addr(row, col);
        const c = getCell(address);
        cells[key] = {
          address,
          value: c?.value ?? null,
          formula: c?.formula,
          numberFormat: c?.numberFormat,
        };
        if (!isBlank(c)) any = true;
      }
      const inherited: IndicatorColumnKey[] = [];
      if (any && prev) {
        // A blank 一级/二级 under a filled one continues it (merged cells keep only the top value).
        const l1Blank = isBlank(cells.level1);
        if (l1Blank && !isBlank(prev.cells.level1)) {
          cells.level1 = { ...prev.cells.level1!, address: cells.level1!.address };
          inherited.push('level1');
        }
        if (isBlank(cells.level2) && !isBlank(prev.cells.level2) && l1Blank) {
          cells.level2 = { ...prev.cells.level2!, address: cells.level2!.address };
          inherited.push('level2');
        }
      }
      const ir: IndicatorRow = { table: id, index: row - r.top, row, cells, inherited };
      tables[id].push(ir);
      prev = any ? ir : prev;
    }
  }
  return { year: readYear(fields[BUDGET_YEAR.name]), sheetName, fields, tables };
}

/** True when a snapshot row holds nothing at all (a spare row). */
export function isEmptyRow(row: IndicatorRow): boolean {
  return Object.entries(row.cells).every(
    ([k, c]) => row.inherited.includes(k as IndicatorColumnKey) || isBlank(c),
  );
}

export { isBlank };

/**
 * Indicator-table helpers of the basic rules: what kind of row a snapshot row is (a spare row,
 * a leftover placeholder or an indicator), the value columns of each table, column names.
 */
import { BASIS_CHOICES, CATEGORY_CHOICES, INDICATOR_TABLES } from '../../form/spec';
import type { Bilingual, IndicatorColumnKey, IndicatorTableId } from '../../form/types';
import type { FormSnapshot, IndicatorRow, SnapCell } from '../../snapshot/types';
import { compactCell, isPlaceholderText } from './basic-text';

export const TABLE_IDS: readonly IndicatorTableId[] = ['longTerm', 'annual'];

/** The value columns of each table, in order. */
export const VALUE_KEYS: Record<IndicatorTableId, readonly IndicatorColumnKey[]> = {
  longTerm: ['target'],
  annual: ['prev2', 'prev1', 'target'],
};

const BASIS_SET: ReadonlySet<string> = new Set(BASIS_CHOICES);
const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORY_CHOICES);

export type RowKind = 'spare' | 'placeholder' | 'indicator';

/** Column keys of each table, in order (read once: the spec's getters are not free). */
export const COLUMN_KEYS: Record<IndicatorTableId, readonly IndicatorColumnKey[]> = {
  longTerm: INDICATOR_TABLES.longTerm.columns.map((c) => c.key),
  annual: INDICATOR_TABLES.annual.columns.map((c) => c.key),
};

/**
 * - `spare`: nothing but blanks, filled-down 一级/二级 and a valid 指标值确定依据 / 指标分类 (a row
 *   left over with the defaults): ignored by every rule.
 * - `placeholder`: a row whose only own content is a placeholder mark (……, 略 …) besides 一级/二级
 *   and valid 依据 / 分类: a leftover "more rows may be added here".
 * - `indicator`: anything else, including a 一级/二级 with nothing under it (incomplete).
 */
export function rowKind(row: IndicatorRow): RowKind {
  // Most rows have a real 三级指标, which settles it at once.
  const inherited = row.inherited;
  const l3 = compactCell(row.cells.level3);
  if (l3 !== '' && !isPlaceholderText(l3)) return 'indicator';
  let placeholder = l3 !== '';
  let group = false;
  const keys = COLUMN_KEYS[row.table] ?? COLUMN_KEYS.annual;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === 'level3' || (inherited.length && inherited.includes(k))) continue;
    const c = compactCell(row.cells[k]);
    if (c === '') continue;
    if (isPlaceholderText(c)) placeholder = true;
    else if (k === 'level1' || k === 'level2') group = true;
    else if (k === 'basis' && BASIS_SET.has(c)) continue;
    else if (k === 'category' && CATEGORY_SET.has(c)) continue;
    else return 'indicator';
  }
  if (placeholder) return 'placeholder';
  return group ? 'indicator' : 'spare';
}

/** A cell the row really holds (not a filled-down copy of the one above), or undefined. */
export function ownCell(row: IndicatorRow, key: IndicatorColumnKey): SnapCell | undefined {
  return row.inherited.includes(key) ? undefined : row.cells[key];
}

/** Calls `fn` for each row of both tables that is not a spare row. */
export function forEachFilledRow(
  snapshot: FormSnapshot,
  fn: (row: IndicatorRow, kind: Exclude<RowKind, 'spare'>) => void,
): void {
  for (const id of TABLE_IDS) {
    const rows = snapshot.tables?.[id];
    if (!rows) continue;
    for (const row of rows) {
      const kind = rowKind(row);
      if (kind !== 'spare') fn(row, kind);
    }
  }
}

/** A column's header as the form prints it, for messages: '一级指标', '2022年', '预期当年实现值'. */
export function columnName(
  table: IndicatorTableId,
  key: IndicatorColumnKey,
  year: number | null,
): Bilingual {
  if (year === null && (key === 'prev2' || key === 'prev1')) {
    return key === 'prev2'
      ? { zh: '前年指标值', en: 'value two years back' }
      : { zh: '上年指标值', en: "last year's value" };
  }
  const col = INDICATOR_TABLES[table].columns.find((c) => c.key === key);
  const h = col ? col.header(year ?? 0) : { zh: key, en: key };
  if (key === 'prev2' || key === 'prev1') return { zh: `${h.zh}指标值`, en: `${h.en} value` };
  return h;
}

export const TABLE_NAME: Record<IndicatorTableId, Bilingual> = {
  longTerm: INDICATOR_TABLES.longTerm.label,
  annual: INDICATOR_TABLES.annual.label,
};

/** How a message names a row: its 三级指标 in quotes, or its sheet row. */
export function rowName(row: IndicatorRow): Bilingual {
  const cell = row.cells.level3;
  const t = compactCell(cell);
  if (t !== '' && !isPlaceholderText(t)) {
    const shown = t.length > 24 ? `${t.slice(0, 24)}…` : t;
    return { zh: `“${shown}”`, en: `"${shown}"` };
  }
  return { zh: `第 ${row.row} 行`, en: `row ${row.row}` };
}

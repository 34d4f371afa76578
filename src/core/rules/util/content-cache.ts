/**
 * Caches shared by the content rules. Every cache is keyed by content (a cell's value and number
 * format, a label's text, a goal text), never by object identity, so a snapshot built afresh or
 * edited in place can never see a stale entry; and each is bounded, so a long session cannot
 * grow it without limit. Reading a cell, a label or a text is pure, which is what makes this
 * sound.
 */
import type { SnapCell } from '../../snapshot/types';
import type { ParsedValue, ValueHint } from '../../values/types';
import type { RuleContext } from '../types';

/** A Map that forgets everything when it grows past `max` entries (cheap and bounded). */
export class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): V {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, value);
    return value;
  }
  get size(): number {
    return this.map.size;
  }
}

const EMPTY: ParsedValue = Object.freeze({ kind: 'empty' }) as ParsedValue;
const parsed = new BoundedCache<ParsedValue>(20000);

interface CellEntry {
  value: unknown;
  numberFormat: string | undefined;
  byHint: Partial<Record<ValueHint, ParsedValue>>;
}
/** First level: by cell object, checked against the cell's current content on every read. */
const byCell = new WeakMap<SnapCell, CellEntry>();

/**
 * `ctx.parse(cell, hint)`, remembered across rules and runs: by the cell object while its value
 * and number format are unchanged, else by content (only the value and the number format decide
 * a reading, see src/core/values/parse.ts).
 */
export function parseValue(
  ctx: RuleContext,
  cell: SnapCell | undefined,
  hint: ValueHint = 'indicator',
): ParsedValue {
  if (!cell) return EMPTY;
  const v = cell.value;
  if (v === null || v === undefined) return EMPTY;
  let entry = byCell.get(cell);
  if (!entry || entry.value !== v || entry.numberFormat !== cell.numberFormat) {
    entry = { value: v, numberFormat: cell.numberFormat, byHint: {} };
    byCell.set(cell, entry);
  }
  const known = entry.byHint[hint];
  if (known) return known;
  const t = typeof v;
  let result: ParsedValue;
  if (t !== 'string' && t !== 'number' && t !== 'boolean') result = ctx.parse(cell, hint);
  else {
    const key = `${hint}\u0001${t}\u0001${cell.numberFormat ?? ''}\u0001${String(v)}`;
    result = parsed.get(key) ?? parsed.set(key, ctx.parse(cell, hint));
  }
  entry.byHint[hint] = result;
  return result;
}

/**
 * Funding-block helpers of the basic rules: the block's cells by meaning, what each holds as a
 * number (in 万元, or percentage points for a share), the block's total, and number formatting
 * for messages.
 */
import {
  FUNDING_BLOCKS,
  fundingName,
  type FundingBlockKey,
  type FundingBlockSpec,
  type FundingColumnKey,
  type FundingItemSpec,
} from '../../form/spec';
import type { Bilingual } from '../../form/types';
import type { SnapCell } from '../../snapshot/types';
import { formatPercent, makeUnit, roundTo, toCellNumber } from '../../values';
import type { RuleContext } from '../types';

export type FundingType = 'amount' | 'share';

export interface FundingField {
  name: string;
  block: FundingBlockSpec;
  item: FundingItemSpec;
  column: FundingColumnKey;
  type: FundingType;
}

/** Every cell of the funding block, block by block, row by row, column by column. */
export const FUNDING_FIELDS: readonly FundingField[] = FUNDING_BLOCKS.flatMap((block) =>
  block.items.flatMap((item) =>
    (['Current', 'Share', 'Prev2', 'Prev1'] as FundingColumnKey[]).map((column) => ({
      name: fundingName(block.key, item.key, column),
      block,
      item,
      column,
      type: (column === 'Share' ? 'share' : 'amount') as FundingType,
    })),
  ),
);

/** The amount columns: the budget year and the two history years. */
export const AMOUNT_COLUMNS: readonly Exclude<FundingColumnKey, 'Share'>[] = [
  'Current',
  'Prev2',
  'Prev1',
];

const WAN_YUAN = makeUnit('万', 'CNY');

export type FundingValue =
  | { kind: 'empty'; formula: boolean }
  /** value: 万元 for an amount, percentage points for a share. */
  | { kind: 'number'; value: number; storedAsText: boolean; formula: boolean; cellNumber: number }
  /** Text that is not a number, or an Excel error value (`error` is its code). */
  | { kind: 'invalid'; text: string; error: string | null; formula: boolean };

/**
 * What a funding cell holds, as a number where it reads as one. Amounts written with a yuan unit
 * count in 万元 ('1.5亿元' → 15000); a share is in percentage points ('18.94%' or 0.1894 with a
 * % format → 18.94). `cellNumber` is the number the cell should hold (a share as a fraction).
 */
export function readFunding(
  ctx: RuleContext,
  cell: SnapCell | undefined,
  type: FundingType,
): FundingValue {
  const formula = typeof cell?.formula === 'string' && cell.formula !== '';
  const raw = cell?.value;
  if (!cell || raw === null || raw === undefined || raw === '') return { kind: 'empty', formula };
  if (typeof raw === 'boolean')
    return { kind: 'invalid', text: raw ? 'TRUE' : 'FALSE', error: null, formula };
  if (type === 'amount' && typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { kind: 'invalid', text: String(raw), error: null, formula };
    return { kind: 'number', value: raw, storedAsText: false, formula, cellNumber: raw };
  }
  // What a value means does not depend on where it is: remembered across cells, rules and checks.
  const key = `${type}\u0001${cell.numberFormat ?? ''}\u0001${typeof raw}\u0001${raw}`;
  let meaning = MEANINGS.get(key);
  if (meaning === undefined) {
    meaning = meaningOf(ctx, cell, type);
    if (MEANINGS.size >= 4096) MEANINGS.clear();
    MEANINGS.set(key, meaning);
  }
  return { ...meaning, formula } as FundingValue;
}

type Meaning = DistributiveOmit<FundingValue, 'formula'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
const MEANINGS = new Map<string, Meaning>();

function meaningOf(ctx: RuleContext, cell: SnapCell, type: FundingType): Meaning {
  const raw = cell.value;
  const p = ctx.parse(cell, type === 'share' ? 'percent' : 'number');
  switch (p.kind) {
    case 'empty':
      return { kind: 'empty' };
    case 'error':
      return { kind: 'invalid', text: p.code, error: p.code };
    case 'number':
      if (type === 'amount')
        return {
          kind: 'number',
          value: p.value,
          storedAsText: p.storedAsText,
          cellNumber: p.value,
        };
      break;
    case 'percent':
      if (type === 'share') {
        const cellNumber = toCellNumber(p);
        if (cellNumber !== null)
          return { kind: 'number', value: p.value, storedAsText: p.storedAsText, cellNumber };
      }
      break;
    case 'amount':
      if (type === 'amount') {
        const n = toCellNumber(p, WAN_YUAN);
        if (n !== null)
          return { kind: 'number', value: n, storedAsText: p.storedAsText, cellNumber: n };
      }
      break;
  }
  return { kind: 'invalid', text: typeof raw === 'string' ? raw : String(raw), error: null };
}

/** The funding cell of a block, item and column, or undefined when its name is missing. */
export function fundingCell(
  ctx: RuleContext,
  block: FundingBlockKey,
  item: string,
  column: FundingColumnKey,
): SnapCell | undefined {
  return ctx.snapshot.fields?.[fundingName(block, item, column)];
}

export interface BlockColumn {
  block: FundingBlockSpec;
  column: Exclude<FundingColumnKey, 'Share'>;
  /** The three rows (cell may be undefined when its name is missing). */
  parts: { item: FundingItemSpec; cell: SnapCell | undefined; value: FundingValue }[];
  total: { item: FundingItemSpec; cell: SnapCell | undefined; value: FundingValue };
  /** Sum of the parts that read as numbers (empty = 0); null when a part is not a number. */
  sum: number | null;
  /** True when no part holds anything. */
  partsEmpty: boolean;
  /** True when a part is a number Excel stores as text (SUM and N() ignore it). */
  partsAsText: boolean;
  /**
   * The block's total as the form means it: a typed 合计 as typed; a formula 合计 as computed,
   * except that when parts are stored as text the sum of their meanings counts (the formula
   * will show it once they are converted); an empty 合计 is the sum of the parts, when any.
   * Null when unknown.
   */
  meant: number | null;
}

/** One column (budget year or a history year) of a block: its parts, total and sums. */
export function blockColumn(
  ctx: RuleContext,
  block: FundingBlockSpec,
  column: Exclude<FundingColumnKey, 'Share'>,
): BlockColumn {
  const parts = block.items
    .filter((i) => !i.total)
    .map((item) => {
      const cell = fundingCell(ctx, block.key, item.key, column);
      return { item, cell, value: readFunding(ctx, cell, 'amount') };
    });
  const totalItem = block.items.find((i) => i.total)!;
  const totalCell = fundingCell(ctx, block.key, totalItem.key, column);
  const total = { item: totalItem, cell: totalCell, value: readFunding(ctx, totalCell, 'amount') };
  let sum: number | null = 0;
  let partsEmpty = true;
  let partsAsText = false;
  for (const p of parts) {
    if (p.value.kind === 'empty') continue;
    partsEmpty = false;
    if (p.value.kind === 'invalid') sum = null;
    else {
      if (p.value.storedAsText) partsAsText = true;
      if (sum !== null) sum += p.value.value;
    }
  }
  if (sum !== null) sum = roundTo(sum, 9);
  let meant: number | null = null;
  const t = total.value;
  if (t.kind === 'number') meant = t.formula && partsAsText ? sum : t.value;
  else if (t.kind === 'empty' && !partsEmpty) meant = sum;
  return { block, column, parts, total, sum, partsEmpty, partsAsText, meant };
}

/** Differences below this (万元, or percentage points) are rounding. */
export const TOLERANCE = 0.005 + 1e-9;

const AMOUNT_FORMAT = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 6,
});

/** An amount in 万元 as a message shows it: 8167.74 → '8,167.74', 8000 → '8,000.00'. */
export function fmtAmount(n: number): string {
  return AMOUNT_FORMAT.format(n);
}

/** Percentage points as a message shows them, as the form writes them: 18.94 → '18.94%', 100 → '100%'. */
export function fmtPoints(n: number, decimals = 2): string {
  return formatPercent(n, decimals);
}

/** How a message names a funding column: '当年金额', '2022年', … */
export function columnLabel(column: FundingColumnKey, year: number | null): Bilingual {
  switch (column) {
    case 'Current':
      return { zh: '当年金额', en: 'budget year' };
    case 'Share':
      return { zh: '占比', en: 'share' };
    case 'Prev2':
      return year === null
        ? { zh: '前年金额', en: 'two years back' }
        : { zh: `${year - 2}年金额`, en: `${year - 2}` };
    case 'Prev1':
      return year === null
        ? { zh: '上年金额', en: 'last year' }
        : { zh: `${year - 1}年金额`, en: `${year - 1}` };
  }
}

/** '收入构成/财政拨款' … how a message names a funding row. */
export function rowLabel(block: FundingBlockSpec, item: FundingItemSpec): Bilingual {
  return {
    zh: `${block.label.zh}·${item.label.zh}`,
    en: `${block.label.en} / ${item.label.en}`,
  };
}

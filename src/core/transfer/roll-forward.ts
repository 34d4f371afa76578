/**
 * 滚动到下一年: a year-Y form becomes a year-Y+1 form. History moves one column left (the old
 * expected values become the Y-1 actuals, the old Y-1 becomes Y-2), this year's amounts and
 * targets are cleared for the user to fill in, and every year shown in the form moves on (the
 * headers are formulas on the year cell). Texts and the long-term table are carried over as they
 * are, for the user to revise. Pure: the caller shows `changes` before writing anything.
 */
import { FUNDING_BLOCKS, INDICATOR_TABLES, fundingName, type FundingColumnKey } from '../form/spec';
import type { RawCell } from '../values/types';
import type { FormValues, TableRowValues } from './form-values';

export interface Change {
  /** Where, in words: '部门总体资金情况/收入构成/财政拨款/2024年金额' or '年度绩效指标/第3行/2024年'. */
  where: string;
  whereEn: string;
  from: RawCell['value'];
  to: RawCell['value'];
  /** Number formats of the values, where they have one (0.8 with '0%' shows as 80%). */
  fromFormat?: string;
  toFormat?: string;
}

export interface RollForwardPlan {
  values: FormValues;
  changes: Change[];
}

const EMPTY: RawCell = { value: null };
const val = (c: RawCell | undefined) => (c ? c.value : null);

/** A change from one cell to another, with the number formats that say how to show them. */
function change(where: string, whereEn: string, from?: RawCell, to?: RawCell): Change {
  const c: Change = { where, whereEn, from: val(from), to: val(to) };
  if (from?.numberFormat && typeof from.value === 'number') c.fromFormat = from.numberFormat;
  if (to?.numberFormat && typeof to.value === 'number') c.toFormat = to.numberFormat;
  return c;
}

export function planRollForward(v: FormValues): RollForwardPlan {
  const Y = v.year;
  const next: FormValues = {
    year: Y + 1,
    fields: { ...v.fields },
    tables: { longTerm: v.tables.longTerm, annual: [] },
  };
  const changes: Change[] = [{ where: '预算年度', whereEn: 'Budget year', from: Y, to: Y + 1 }];
  const move = (name: string, from: RawCell | undefined, where: string, whereEn: string) => {
    const before = val(v.fields[name]);
    const after = val(from);
    next.fields[name] = from ?? EMPTY;
    if (before !== after && !(before === null && after === null))
      changes.push(change(where, whereEn, v.fields[name], from));
  };

  for (const block of FUNDING_BLOCKS)
    for (const item of block.items) {
      if (item.total) continue; // 合计 and 占比 are formulas
      const n = (k: FundingColumnKey) => fundingName(block.key, item.key, k);
      const at = `部门总体资金情况/${block.label.zh}/${item.label.zh}`;
      const atEn = `Funding/${block.label.en}/${item.label.en}`;
      move(n('Prev2'), v.fields[n('Prev1')], `${at}/${Y - 1}年金额`, `${atEn}/${Y - 1}`);
      move(n('Prev1'), v.fields[n('Current')], `${at}/${Y}年金额`, `${atEn}/${Y}`);
      move(n('Current'), undefined, `${at}/当年金额（${Y + 1}年）`, `${atEn}/budget year ${Y + 1}`);
    }

  const label = INDICATOR_TABLES.annual.label;
  v.tables.annual.forEach((row, i) => {
    const out: TableRowValues = { ...row, prev2: row.prev1, prev1: row.target, target: undefined };
    next.tables.annual.push(out);
    const name = String(row.level3?.value ?? `第${i + 1}行`);
    const rec = (k: 'prev2' | 'prev1' | 'target', col: string, colEn: string) => {
      const before = val(row[k]);
      const after = val(out[k]);
      if (before !== after)
        changes.push(
          change(`${label.zh}/${name}/${col}`, `${label.en}/${name}/${colEn}`, row[k], out[k]),
        );
    };
    rec('prev2', `${Y - 1}年`, `${Y - 1}`);
    rec('prev1', `${Y}年`, `${Y}`);
    rec('target', '预期当年实现值', 'expected value');
  });
  return { values: next, changes };
}

/**
 * execution-carryover: 预算执行率 (spent ÷ budget) and 结转结余率 (left over ÷ budget) of one year
 * share one budget, so together they cannot pass 100% by more than rounding (0.05 points).
 * Checked per column of the annual table (Y-2, Y-1, 预期当年实现值) and for the long-term values.
 */
import type { IndicatorColumnKey, IndicatorTableId } from '../../form/types';
import type { Rule, RuleContext } from '../types';
import {
  type LabeledRow,
  VALUE_KEYS,
  columnName,
  fmt,
  labeledRows,
  tableName,
} from '../util/content-indicators';
import { parseValue } from '../util/content-cache';

const ROUNDING = 0.05;
const EXECUTION = /预算执行率$/;
const CARRYOVER = /结转结余率$|^结余率$/;

function percentOf(ctx: RuleContext, r: LabeledRow, key: IndicatorColumnKey) {
  const cell = r.row.cells[key];
  if (!cell) return null;
  const p = parseValue(ctx, cell, 'percent');
  return p.kind === 'percent' ? { value: p.value, cell } : null;
}

function checkTable(ctx: RuleContext, table: IndicatorTableId): void {
  let exec: LabeledRow | undefined;
  let carry: LabeledRow | undefined;
  for (const r of labeledRows(ctx.snapshot, table)) {
    if (!exec && EXECUTION.test(r.label)) exec = r;
    else if (!carry && CARRYOVER.test(r.label)) carry = r;
  }
  if (!exec || !carry) return;
  const tName = tableName(table);
  for (const key of VALUE_KEYS[table]) {
    const e = percentOf(ctx, exec, key);
    const c = percentOf(ctx, carry, key);
    if (!e || !c) continue;
    const sum = e.value + c.value;
    if (sum <= 100 + ROUNDING) continue;
    const col = columnName(key, table, ctx.snapshot.year);
    const room = Math.max(0, 100 - e.value);
    const where =
      table === 'annual'
        ? { zh: `${tName.zh}（${col.zh}）`, en: `Annual indicators (${col.en})` }
        : { zh: tName.zh, en: 'Long-term indicators' };
    ctx.report({
      section: table,
      cells: [e.cell.address, c.cell.address],
      message: {
        zh:
          `${where.zh}：预算执行率 ${fmt(e.value)}% 与结转结余率 ${fmt(c.value)}% 之和为 ` +
          `${fmt(sum)}%，超过 100%：按预算执行率 ${fmt(e.value)}%，结转结余率至多为 ${fmt(room)}%`,
        en:
          `${where.en}: budget execution ${fmt(e.value)}% and carry-over ` +
          `${fmt(c.value)}% add up to ${fmt(sum)}%, over 100%: with ${fmt(e.value)}% executed, ` +
          `carry-over can be at most ${fmt(room)}%`,
      },
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'execution-carryover',
    severity: 'warning',
    sections: ['annual', 'longTerm'],
    description: {
      zh: '同一年的预算执行率与结转结余率之和不应超过 100%',
      en: 'Budget execution rate plus carry-over rate of one year cannot exceed 100%',
    },
    fixable: false,
  },
  check(ctx) {
    checkTable(ctx, 'annual');
    checkTable(ctx, 'longTerm');
  },
};

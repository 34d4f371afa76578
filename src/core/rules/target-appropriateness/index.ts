/**
 * target-appropriateness (annual table): is the 预期当年实现值 a sensible target given the two
 * history years?
 *
 * 1. Direction. Where a higher value is better, a target below the Y-1 value is a warning;
 *    where lower is better, a target above it. The direction comes from the 三级指标's wording;
 *    the table (DIRECTION_TABLE in ../util/content-indicators.ts) is:
 *
 *    | wording                                                    | better |
 *    |------------------------------------------------------------|--------|
 *    | …控制率 (公用经费/在职人员/会议费控制率: actual ÷ budget)     | lower  |
 *    | 结转结余率, …结余率                                         | lower  |
 *    | …调整率 (预算调整率)                                        | lower  |
 *    | 三公/经费/费用/支出/成本 … 变动率/变化率/增长率               | lower  |
 *    | 执行率, 完成率, 覆盖率, 开展率, 应用率, 合格率, 达标率, 准确率, 及时率, 知晓率, 办结率, 到位率, 满意率, 满意度 | higher |
 *    | 增长率, 增速, 增幅, …增长 (output growth)                    | higher |
 *    | output amounts: 完成…/实现… with an amount, or any amount under 履职效能 | higher |
 *
 *    Anything else (储备率, qualitative indicators, 变动率 of non-costs) has no direction.
 * 2. Trend. A target whose change over Y-1 is more than 3× the Y-2 → Y-1 change and more than
 *    20 percentage points (percentages, growth) or 50% of the Y-1 value (amounts, numbers) is a
 *    warning, whatever the direction.
 *
 * Only like is compared with like: percentages with percentages, growth with growth, amounts of
 * one currency after unit conversion. A comparison target (`≥95%`) is read by its operand. One
 * finding per row: the direction problem if there is one, else the trend problem.
 */
import type { SnapCell } from '../../snapshot/types';
import type { ParsedValue } from '../../values/types';
import type { Rule, RuleContext } from '../types';
import {
  type LabeledRow,
  type NumView,
  columnName,
  comparable,
  displayValue,
  fmt,
  labeledRows,
  numericView,
  rowDirection,
} from '../util/content-indicators';
import { parseValue } from '../util/content-cache';

/** A value as the user sees it, computed only for a message. */
const shown = (x: { cell: SnapCell; p: ParsedValue }): string => displayValue(x.cell, x.p);

const JUMP_FACTOR = 3;
const JUMP_POINTS = 20;
const JUMP_RELATIVE = 0.5;
const EPS = 1e-9;

function viewOf(ctx: RuleContext, r: LabeledRow, key: 'prev2' | 'prev1' | 'target') {
  const cell = r.row.cells[key];
  if (!cell) return null;
  const p = parseValue(ctx, cell);
  const v = numericView(p, r);
  return v ? { v, cell, p } : null;
}

/** A change for a message: `+3.23 个百分点` for points, `+10%` relative for amounts. */
function change(family: NumView['family'], d: number, base: number) {
  const sign = d > 0 ? '+' : d < 0 ? '-' : '';
  if (family === 'percent' || family === 'growth') {
    return {
      zh: `${sign}${fmt(Math.abs(d))} 个百分点`,
      en: `${sign}${fmt(Math.abs(d))} points`,
    };
  }
  const rel =
    base !== 0 ? `${sign}${fmt(Math.abs(d / base) * 100, 1)}%` : `${sign}${fmt(Math.abs(d))}`;
  return { zh: rel, en: rel };
}

function checkRow(ctx: RuleContext, r: LabeledRow): void {
  const t = viewOf(ctx, r, 'target');
  const p1 = viewOf(ctx, r, 'prev1');
  if (!t || !p1 || p1.v.op !== '=') return;
  const tp = comparable(t.v, p1.v);
  if (!tp) return;
  const [tv, pv] = tp;
  const year = ctx.snapshot.year;
  const y1 = columnName('prev1', 'annual', year);
  const y2 = columnName('prev2', 'annual', year);
  const eps = EPS * Math.max(1, Math.abs(pv));
  const dir = rowDirection(r, t.v.family);
  if (dir) {
    const worse = dir.direction === 'higher' ? tv < pv - eps : tv > pv + eps;
    if (worse) {
      const higher = dir.direction === 'higher';
      ctx.report({
        section: 'annual',
        cells: [t.cell.address, p1.cell.address],
        message: {
          zh:
            `“${r.display}”${higher ? '越高越好' : '越低越好'}（${dir.why.zh}），预期当年实现值 ` +
            `${shown(t)} ${higher ? '低于' : '高于'}${y1.zh}实际的 ${shown(p1)}：` +
            `目标应${higher ? '不低于' : '不高于'} ${shown(p1)}`,
          en:
            `For “${r.display}” ${higher ? 'higher' : 'lower'} is better (${dir.why.en}), yet the ` +
            `target ${shown(t)} is ${higher ? 'below' : 'above'} the ${y1.en} actual ${shown(p1)}: ` +
            `the target should be ${higher ? 'at least' : 'at most'} ${shown(p1)}`,
        },
      });
      return;
    }
  }
  const p2 = viewOf(ctx, r, 'prev2');
  if (!p2 || p2.v.op !== '=') return;
  const pp = comparable(p1.v, p2.v);
  if (!pp) return;
  const d1 = pv - pp[1];
  const d2 = tv - pv;
  const points = t.v.family === 'percent' || t.v.family === 'growth';
  const big = points
    ? Math.abs(d2) > JUMP_POINTS
    : pv !== 0 && Math.abs(d2) > JUMP_RELATIVE * Math.abs(pv);
  if (!big || Math.abs(d2) <= JUMP_FACTOR * Math.abs(d1) + eps) return;
  const c1 = change(t.v.family, d1, pp[1]);
  const c2 = change(t.v.family, d2, pv);
  ctx.report({
    section: 'annual',
    cells: [t.cell.address, p1.cell.address, p2.cell.address],
    message: {
      zh:
        `“${r.display}”预期当年实现值 ${shown(t)} 偏离近两年趋势：${y2.zh} ${shown(p2)} → ` +
        `${y1.zh} ${shown(p1)}（${c1.zh}），而预期较上年变化 ${c2.zh}：请核对目标值`,
      en:
        `The target ${shown(t)} of “${r.display}” breaks with the trend: ${y2.en} ${shown(p2)} → ` +
        `${y1.en} ${shown(p1)} (${c1.en}), while the target changes by ${c2.en}; check the target`,
    },
  });
}

export const rule: Rule = {
  meta: {
    id: 'target-appropriateness',
    severity: 'warning',
    sections: ['annual'],
    description: {
      zh: '年度预期值应适当：越高越好的指标不低于上年实际、越低越好的指标不高于上年实际，且不应大幅偏离近两年趋势',
      en: 'Annual targets are sensible: not worse than the Y-1 actual (by the direction of the indicator) and not far off the Y-2 → Y-1 trend',
    },
    fixable: false,
  },
  check(ctx) {
    for (const r of labeledRows(ctx.snapshot, 'annual')) checkRow(ctx, r);
  },
};

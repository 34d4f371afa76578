/**
 * unit-consistency: a unit named in the 三级指标 (`完成实际利用外资万美元`) agrees with the unit
 * written in its values (`1050.72亿美元` is 10,000 times larger: error, with the factor); without
 * such a unit, one row's values use one unit across the years (warning).
 *
 * No fix is offered: whether the label or the values are wrong is for the user to say.
 * Money units are read by src/core/values; count units with a magnitude (`万人次`) by
 * ../util/content-units.ts.
 */
import type { IndicatorColumnKey, IndicatorTableId } from '../../form/types';
import type { SnapCell } from '../../snapshot/types';
import type { ParsedValue } from '../../values/types';
import type { Rule, RuleContext } from '../types';
import {
  type LabeledRow,
  columnName,
  displayValue,
  fmtFactor,
  labeledRows,
  listValues,
  valueCells,
} from '../util/content-indicators';
import { countUnitInLabel, readCount } from '../util/content-units';
import { parseValue } from '../util/content-cache';

/** A value as the user sees it, computed only for a message. */
const shown = (x: { cell: SnapCell; p: ParsedValue }): string => displayValue(x.cell, x.p);

/** A unit as this rule compares them: a kind (currency or counted word), a magnitude, a text. */
interface AnyUnit {
  kind: string;
  magnitude: number;
  text: string;
}

function moneyUnitOf(p: ParsedValue): AnyUnit | null {
  const v = p.kind === 'comparison' ? p.operand : p;
  return v.kind === 'amount'
    ? { kind: v.unit.currency, magnitude: v.unit.magnitude, text: v.unit.text }
    : null;
}

function unitOfCell(cell: SnapCell, p: ParsedValue): AnyUnit | null {
  const money = moneyUnitOf(p);
  if (money) return money;
  if (p.kind !== 'text' && p.kind !== 'unparseable') return null;
  const count = readCount(cell.value);
  return count
    ? { kind: `count:${count.unit.word}`, magnitude: count.unit.magnitude, text: count.unit.text }
    : null;
}

function labelUnitOf(r: LabeledRow): AnyUnit | null {
  if (r.labelUnit)
    return { kind: r.labelUnit.currency, magnitude: r.labelUnit.magnitude, text: r.labelUnit.text };
  const count = countUnitInLabel(r.label);
  return count
    ? { kind: `count:${count.word}`, magnitude: count.magnitude, text: count.text }
    : null;
}

const same = (a: AnyUnit, b: AnyUnit) => a.kind === b.kind && a.magnitude === b.magnitude;

/** `10,000 倍` / `1/10,000` and the English for how `value` compares to `label`. */
function factorText(value: AnyUnit, label: AnyUnit): { zh: string; en: string } {
  if (value.kind !== label.kind) {
    return value.kind.startsWith('count:') || label.kind.startsWith('count:')
      ? { zh: '计量对象不同', en: 'a different measure' }
      : { zh: '币种不同', en: 'a different currency' };
  }
  const f = value.magnitude / label.magnitude;
  return f >= 1
    ? { zh: `是${label.text}的 ${fmtFactor(f)} 倍`, en: `${fmtFactor(f)} times larger` }
    : {
        zh: `是${label.text}的 1/${fmtFactor(1 / f)}`,
        en: `${fmtFactor(1 / f)} times smaller`,
      };
}

interface Seen {
  key: IndicatorColumnKey;
  cell: SnapCell;
  unit: AnyUnit;
  p: ParsedValue;
}

function checkRow(ctx: RuleContext, r: LabeledRow, table: IndicatorTableId): void {
  const year = ctx.snapshot.year;
  const seen: Seen[] = [];
  for (const { key, cell } of valueCells(r)) {
    const p = parseValue(ctx, cell);
    const unit = unitOfCell(cell, p);
    if (unit) seen.push({ key, cell, unit, p });
  }
  if (seen.length === 0) return;
  const labelCell = r.row.cells.level3!;
  const declared = labelUnitOf(r);
  if (declared) {
    const bad = seen.filter((s) => !same(s.unit, declared));
    if (bad.length === 0) return;
    const first = bad[0];
    const factor = factorText(first.unit, declared);
    const list = listValues(
      bad.map((b) => ({ key: b.key, shown: shown(b) })),
      table,
      year,
    );
    ctx.report({
      section: table,
      cells: [...bad.map((b) => b.cell.address), labelCell.address],
      message: {
        zh:
          `三级指标“${r.display}”的单位是${declared.text}，而${list.zh} 用的是` +
          `${first.unit.text}（${factor.zh}）：三级指标与指标值的单位应一致，请核对哪一处有误`,
        en:
          `The indicator “${r.display}” is in ${declared.text}, but its values (${list.en}) are ` +
          `in ${first.unit.text}, ${factor.en}: the label and the values should use the same ` +
          `unit; check which one is wrong`,
      },
    });
    return;
  }
  if (table !== 'annual' || seen.length < 2) return;
  const ref = seen.find((s) => s.key === 'target') ?? seen[seen.length - 1];
  const bad = seen.filter((s) => !same(s.unit, ref.unit));
  if (bad.length === 0) return;
  const first = bad[0];
  const firstCol = columnName(first.key, table, year);
  const refCol = columnName(ref.key, table, year);
  const factor = factorText(first.unit, ref.unit);
  ctx.report({
    severity: 'warning',
    section: table,
    cells: [...bad.map((b) => b.cell.address), ref.cell.address],
    message: {
      zh:
        `“${r.display}”一行的值单位不一：${firstCol.zh}“${shown(first)}”用${first.unit.text}，` +
        `${refCol.zh}“${shown(ref)}”用${ref.unit.text}（${factor.zh}）：同一指标各年应使用同一单位`,
      en:
        `The values of “${r.display}” mix units: ${firstCol.en} “${shown(first)}” is in ` +
        `${first.unit.text}, ${refCol.en} “${shown(ref)}” in ${ref.unit.text} (${factor.en}); ` +
        `use one unit across the years`,
    },
  });
}

export const rule: Rule = {
  meta: {
    id: 'unit-consistency',
    severity: 'error',
    sections: ['annual', 'longTerm'],
    description: {
      zh: '三级指标中写明的计量单位（如“万美元”）应与指标值的单位一致；同一指标各年的值应使用同一单位',
      en: 'A unit named in the level-3 indicator (e.g. 万美元) must match the unit of its values; one row uses one unit across years',
    },
    fixable: false,
  },
  check(ctx) {
    for (const table of ['longTerm', 'annual'] as const)
      for (const r of labeledRows(ctx.snapshot, table)) checkRow(ctx, r, table);
  },
};

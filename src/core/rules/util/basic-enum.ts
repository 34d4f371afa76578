/**
 * The enumeration check shared by level1-enum, basis-enum and category-enum: the cell's text,
 * blanks removed, is one of the choices; a near miss gets the choice it stands for as a fix.
 * Reported once, on the cell that really holds the text (not on filled-down copies).
 */
import type { Bilingual, IndicatorColumnKey } from '../../form/types';
import type { RuleContext } from '../types';
import { TABLE_NAME, forEachFilledRow, ownCell } from './basic-rows';
import { cellString, compact, nearMiss, preview } from './basic-text';

export interface EnumSpec {
  key: IndicatorColumnKey;
  /** The column's name in messages, e.g. { zh: '指标分类', en: 'Category' }. */
  what: Bilingual;
  choices: readonly string[];
  /** Known misspellings → the choice they stand for. */
  variants?: Readonly<Record<string, string>>;
}

export function checkEnum(ctx: RuleContext, spec: EnumSpec): void {
  const list = spec.choices.join('、');
  forEachFilledRow(ctx.snapshot, (row) => {
    const cell = ownCell(row, spec.key);
    if (!cell) return;
    const value = compact(cellString(cell));
    if (value === '' || spec.choices.includes(value)) return;
    const shown = preview(cellString(cell));
    const where = TABLE_NAME[row.table];
    const right = nearMiss(value, spec.choices, spec.variants);
    if (right === null) {
      ctx.report({
        section: row.table,
        cells: [cell.address],
        message: {
          zh: `${where.zh}的${spec.what.zh}“${shown}”不在可选范围内：应为 ${list} 之一`,
          en: `${where.en}: ${spec.what.en} "${shown}" is not one of the choices: use one of ${list}`,
        },
      });
      return;
    }
    ctx.report({
      section: row.table,
      cells: [cell.address],
      message: {
        zh: `${where.zh}的${spec.what.zh}“${shown}”写法有误：应为“${right}”`,
        en: `${where.en}: ${spec.what.en} "${shown}" is misspelt: it should be ${right}`,
      },
      fix: {
        address: cell.address,
        value: right,
        label: { zh: `改为“${right}”`, en: `Change to ${right}` },
      },
    });
  });
}

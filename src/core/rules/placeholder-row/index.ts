/**
 * placeholder-row: a row whose only content is '……' (or …, ..., ——, 略, 等) besides its 一级/二级
 * and a valid 指标值确定依据 / 指标分类: the template's "more rows may be added here" left in a
 * filled form. The user deletes the row or fills it in; neither is a one-cell fix.
 */
import type { Rule } from '../types';
import type { IndicatorColumnKey } from '../../form/types';
import { TABLE_NAME, forEachFilledRow, ownCell } from '../util/basic-rows';
import { cellString, compactCell, isPlaceholderText, preview } from '../util/basic-text';

/** Where the placeholder mark is looked for, in order (for the message). */
const MARK_KEYS: IndicatorColumnKey[] = ['level3', 'target', 'prev1', 'prev2', 'level2', 'level1'];

export const rule: Rule = {
  meta: {
    id: 'placeholder-row',
    severity: 'warning',
    sections: ['longTerm', 'annual'],
    description: {
      zh: '表格中不应留有只含“……”的占位行。',
      en: 'No placeholder rows holding only "……" are left in the tables.',
    },
    fixable: false,
  },
  check(ctx) {
    forEachFilledRow(ctx.snapshot, (row, kind) => {
      if (kind !== 'placeholder') return;
      const level3 = row.cells.level3;
      const markCell = MARK_KEYS.map((k) => ownCell(row, k)).find((c) =>
        isPlaceholderText(compactCell(c)),
      );
      const mark = markCell ? preview(cellString(markCell)) : '……';
      const where = TABLE_NAME[row.table];
      ctx.report({
        section: row.table,
        cells: level3 ? [level3.address] : [],
        message: {
          zh: `${where.zh}第 ${row.row} 行只有占位符“${mark}”：请删除该行，或填写完整的指标`,
          en: `${where.en} row ${row.row} holds only the placeholder "${mark}": delete the row or fill in a complete indicator`,
        },
      });
    });
  },
};

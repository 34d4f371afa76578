/**
 * duplicate-indicator: the same 三级指标 twice in one table (blanks, character width and
 * conversion residue aside). Reported on the second occurrence, naming the first.
 */
import type { Rule } from '../types';
import { TABLE_IDS, TABLE_NAME } from '../util/basic-rows';
import {
  cellString,
  compact,
  isPlaceholderText,
  preview,
  withoutResidue,
} from '../util/basic-text';

export const rule: Rule = {
  meta: {
    id: 'duplicate-indicator',
    severity: 'warning',
    sections: ['longTerm', 'annual'],
    description: {
      zh: '同一张表中不应重复出现相同的三级指标。',
      en: 'The same level-3 indicator does not appear twice in one table.',
    },
    fixable: false,
  },
  check(ctx) {
    for (const id of TABLE_IDS) {
      const seen = new Map<string, string>();
      for (const row of ctx.snapshot.tables?.[id] ?? []) {
        const cell = row.cells.level3;
        if (!cell || row.inherited.includes('level3')) continue;
        const text = cellString(cell);
        if (text === '') continue;
        const key = compact(withoutResidue(text));
        // A real 三级指标 makes its row an indicator row: no need to ask what kind of row it is.
        if (key === '' || isPlaceholderText(key)) continue;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, cell.address);
          continue;
        }
        const where = TABLE_NAME[id];
        const name = preview(withoutResidue(text), 30);
        ctx.report({
          section: id,
          cells: [cell.address, first],
          message: {
            zh: `${where.zh}中三级指标“${name}”重复出现（与 ${first} 相同）：请删除重复的一行或改为不同的指标`,
            en: `${where.en}: level 3 "${name}" appears twice (same as ${first}): delete the repeated row or make it a different indicator`,
          },
        });
      }
    }
  },
};

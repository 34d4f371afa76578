/**
 * level2-placement: a known 二级指标 sits under its own 一级 (预算执行 under 管理效率, 人才支撑
 * under 可持续发展能力 …), and 核心业务产出N (N in any digits, full-width too) under 履职效能.
 * Department-specific 二级 names are not judged. Reported once, on the cell that holds the 二级.
 */
import { LEVEL1_CHOICES, LEVEL2_BY_LEVEL1 } from '../../form/spec';
import type { Rule } from '../types';
import { TABLE_NAME, forEachFilledRow, ownCell } from '../util/basic-rows';
import { compactCell, nearMiss } from '../util/basic-text';

const CORE_OUTPUT = /^核心业务产出\d*$/;
const CORE_LEVEL1 = '履职效能';

/** 二级 → its 一级, for the fixed names (核心业务产出N goes by its pattern). */
const LEVEL1_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(LEVEL2_BY_LEVEL1).flatMap(([l1, l2s]) =>
    l2s.filter((l2) => !CORE_OUTPUT.test(l2)).map((l2) => [l2, l1] as [string, string]),
  ),
);

export const rule: Rule = {
  meta: {
    id: 'level2-placement',
    severity: 'warning',
    sections: ['longTerm', 'annual'],
    description: {
      zh: '共性二级指标应位于其所属的一级指标下，核心业务产出应位于履职效能下。',
      en: 'A common level-2 indicator sits under its own level 1; core outputs sit under 履职效能.',
    },
    fixable: false,
  },
  check(ctx) {
    // Where the 一级 a row reads was really written (a filled-down copy points at its own row).
    const level1At: Partial<Record<string, string>> = {};
    forEachFilledRow(ctx.snapshot, (row) => {
      const own1 = ownCell(row, 'level1');
      if (own1) level1At[row.table] = own1.address;
      const cell = ownCell(row, 'level2');
      if (!cell) return;
      const l2 = compactCell(cell);
      const owner = CORE_OUTPUT.test(l2) ? CORE_LEVEL1 : LEVEL1_OF.get(l2);
      if (!owner) return;
      const l1At = level1At[row.table];
      const written = compactCell(row.cells.level1);
      // Judge only a 一级 that is, or plainly means, one of the six (level1-enum reports the rest).
      const l1 = LEVEL1_CHOICES.includes(written) ? written : nearMiss(written, LEVEL1_CHOICES);
      if (l1 === null || l1 === owner) return;
      const where = TABLE_NAME[row.table];
      ctx.report({
        section: row.table,
        cells: [cell.address, ...(l1At ? [l1At] : [])],
        message: {
          zh: `${where.zh}的二级指标“${l2}”属于一级指标“${owner}”，却放在“${l1}”下：应移到“${owner}”下`,
          en: `${where.en}: level 2 "${l2}" belongs under "${owner}" but sits under "${l1}": move it under "${owner}"`,
        },
      });
    });
  },
};

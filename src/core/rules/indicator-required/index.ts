/**
 * indicator-required: every indicator row has its 一级, 二级, 三级 (filled-down 一级/二级 count),
 * its value(s), 指标值确定依据 and 指标分类. In the annual table a missing history value (Y-2, Y-1)
 * is a warning — a new indicator may have none — while a missing 预期当年实现值 is an error.
 * Spare rows are ignored; placeholder rows ('……') are placeholder-row's.
 */
import type { IndicatorColumnKey } from '../../form/types';
import type { IndicatorRow } from '../../snapshot/types';
import type { Rule } from '../types';
import { TABLE_NAME, columnName, forEachFilledRow, rowName } from '../util/basic-rows';
import { isBlankCell } from '../util/basic-text';

/** Required in both tables ('target' is the long-term 指标值 and the annual 预期当年实现值). */
const REQUIRED: IndicatorColumnKey[] = [
  'level1',
  'level2',
  'level3',
  'target',
  'basis',
  'category',
];
const HISTORY: IndicatorColumnKey[] = ['prev2', 'prev1'];

export const rule: Rule = {
  meta: {
    id: 'indicator-required',
    severity: 'error',
    sections: ['longTerm', 'annual'],
    description: {
      zh: '每行指标应填写一级、二级、三级指标、指标值、指标值确定依据和指标分类。',
      en: 'Each indicator row has its level 1, 2 and 3, value(s), basis and category.',
    },
    fixable: false,
  },
  check(ctx) {
    const year = ctx.snapshot.year;
    const report = (
      row: IndicatorRow,
      keys: IndicatorColumnKey[],
      severity: 'error' | 'warning',
    ): void => {
      const table = row.table;
      const who = rowName(row);
      const where = TABLE_NAME[table];
      const n = {
        zh: keys.map((k) => columnName(table, k, year).zh).join('、'),
        en: keys.map((k) => columnName(table, k, year).en).join(', '),
      };
      ctx.report({
        section: table,
        severity,
        incomplete: true,
        cells: keys.flatMap((k) => (row.cells[k] ? [row.cells[k]!.address] : [])),
        message:
          severity === 'error'
            ? {
                zh: `${where.zh}${who.zh}缺少${n.zh}：每行指标都应填写完整`,
                en: `${where.en}, ${who.en}: ${n.en} missing; every indicator row needs it`,
              }
            : {
                zh: `${where.zh}${who.zh}缺少${n.zh}：应填写近两年的实际值，新设指标无历史值时请注明`,
                en: `${where.en}, ${who.en}: ${n.en} missing; give the actual values of the last two years (say so when the indicator is new)`,
              },
      });
    };
    forEachFilledRow(ctx.snapshot, (row, kind) => {
      if (kind !== 'indicator') return;
      let missing: IndicatorColumnKey[] | null = null;
      for (const k of REQUIRED) if (isBlankCell(row.cells[k])) (missing ??= []).push(k);
      if (missing) report(row, missing, 'error');
      if (row.table !== 'annual') return;
      let history: IndicatorColumnKey[] | null = null;
      for (const k of HISTORY) if (isBlankCell(row.cells[k])) (history ??= []).push(k);
      if (history) report(row, history, 'warning');
    });
  },
};

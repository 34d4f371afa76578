/**
 * conversion-residue: what converting a Word document to text or pasting from a web page leaves
 * in a cell — '[bookmark: _GoBack]' and other '[…: …]' markers, HTML/XML tags, '&nbsp;', Word's
 * end-of-cell mark U+0007, the replacement character U+FFFD. The fix is the same text with the
 * residue removed and everything else kept exactly.
 */
import type { SectionId } from '../../form/types';
import type { SnapCell } from '../../snapshot/types';
import { hasResidue } from '../../values';
import type { Rule, RuleContext } from '../types';
import { SECTION_ORDER } from '../engine';
import { fieldSection } from '../util/basic-fields';
import { COLUMN_KEYS, TABLE_IDS } from '../util/basic-rows';
import { MAY_HOLD_RESIDUE, preview, withoutResidue } from '../util/basic-text';

/** The first piece of residue in `s` as a message shows it, or null. */
function firstResidue(s: string): string | null {
  const found = hasResidue(s);
  if (found) return found;
  if (s.includes('\u0007')) return '\\u0007';
  if (s.includes('\uFFFD')) return '\uFFFD';
  return null;
}

function checkCell(ctx: RuleContext, cell: SnapCell | undefined, section: SectionId): void {
  if (!cell || cell.formula || typeof cell.value !== 'string') return;
  const s = cell.value;
  if (!MAY_HOLD_RESIDUE.test(s)) return;
  const found = firstResidue(s);
  if (found === null) return;
  const cleaned = withoutResidue(s);
  if (cleaned === s) return;
  const what =
    found === '\\u0007'
      ? { zh: 'Word 单元格结束符（U+0007）', en: "Word's end-of-cell mark (U+0007)" }
      : found === '\uFFFD'
        ? { zh: '乱码替换字符“\uFFFD”', en: 'the replacement character U+FFFD' }
        : { zh: `“${preview(found, 30)}”`, en: `"${preview(found, 30)}"` };
  const after = preview(cleaned, 30);
  ctx.report({
    section,
    cells: [cell.address],
    message: {
      zh: `单元格中有文档转换残留${what.zh}，应删除；删除后为“${after}”`,
      en: `The cell holds conversion residue ${what.en}, which should be removed, leaving "${after}"`,
    },
    fix: {
      address: cell.address,
      value: cleaned,
      label: { zh: '删除转换残留', en: 'Remove the residue' },
    },
  });
}

export const rule: Rule = {
  meta: {
    id: 'conversion-residue',
    severity: 'warning',
    sections: [...SECTION_ORDER],
    description: {
      zh: '文本或表格单元格中不应有文档转换残留，如 [bookmark: _GoBack]、HTML 标记、&nbsp;。',
      en: 'No conversion residue such as [bookmark: _GoBack], HTML tags or &nbsp; in text or table cells.',
    },
    fixable: true,
  },
  check(ctx) {
    const fields = ctx.snapshot.fields ?? {};
    for (const name of Object.keys(fields)) checkCell(ctx, fields[name], fieldSection(name));
    for (const id of TABLE_IDS) {
      for (const row of ctx.snapshot.tables?.[id] ?? []) {
        for (const key of COLUMN_KEYS[id]) {
          if (row.inherited.length && row.inherited.includes(key)) continue;
          checkCell(ctx, row.cells[key], id);
        }
      }
    }
  },
};

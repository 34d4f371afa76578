/** The findings list as a worksheet: 问题清单, one row per finding, formatted like a table. */
import { addr, quoteSheet } from '../core/form/a1';
import { COLORS, FONT } from '../core/form/layout';
import type { Finding } from '../core/rules/types';
import { SECTION_LABEL, SEVERITY_LABEL } from './messages';
import { charsToPoints } from './paint-plan';
import { thinBorders } from './paint';

export const EXPORT_SHEET_BASE = '问题清单';
export const EXPORT_HEADER = ['序号', '严重程度', '部分', '单元格', '规则', '问题说明', '建议修改'];
const WIDTHS = [6, 9, 16, 9, 22, 60, 30];

/** '问题清单', then '问题清单 (2)', '问题清单 (3)' … the first name not taken (case-insensitive). */
export function freeSheetName(base: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** The rows of the list (header first), all text but the running number. */
export function findingRows(findings: Finding[], formSheet: string): (string | number)[][] {
  return [
    EXPORT_HEADER,
    ...findings.map((f, i) => [
      i + 1,
      SEVERITY_LABEL[f.severity].zh,
      SECTION_LABEL[f.section]?.zh ?? f.section,
      f.cells.length ? `${formSheet}!${f.cells.join(',')}` : '',
      f.ruleId,
      f.message.zh,
      f.fix ? f.fix.label.zh : '',
    ]),
  ];
}

/** Queues the list on a new sheet (not activated: the user stays on the form). */
export function queueExportSheet(
  workbook: Excel.Workbook,
  name: string,
  findings: Finding[],
  formSheet: string,
): Excel.Worksheet {
  const sheet = workbook.worksheets.add(name);
  const rows = findingRows(findings, formSheet);
  const n = rows.length;
  const last = addr(n, EXPORT_HEADER.length);
  const all = sheet.getRange(`A1:${last}`);
  // Text format first, so a message that starts with '=' or looks like a number stays text.
  all.numberFormat = rows.map((r) => r.map((_, j) => (j === 0 ? '0' : '@')));
  all.values = rows;
  all.format.font.name = FONT;
  all.format.font.size = 10;
  all.format.verticalAlignment = 'Top';
  all.format.wrapText = true;
  thinBorders(all, `A1:${last}`, '#7F7F7F');
  const header = sheet.getRange(`A1:${addr(1, EXPORT_HEADER.length)}`);
  header.format.font.bold = true;
  header.format.fill.color = COLORS.sectionFill;
  header.format.horizontalAlignment = 'Center';
  WIDTHS.forEach((w, j) => {
    const col = addr(1, j + 1).replace(/\d+$/, '');
    sheet.getRange(`${col}:${col}`).format.columnWidth = charsToPoints(w);
  });
  findings.forEach((f, i) => {
    const row = i + 2;
    const sev = sheet.getRange(`B${row}`);
    if (f.severity === 'error') sev.format.font.color = COLORS.errorFont;
    else if (f.severity === 'warning') sev.format.font.color = COLORS.warningFont;
    if (f.cells.length)
      sheet.getRange(`D${row}`).hyperlink = {
        documentReference: `${quoteSheet(formSheet)}!${f.cells[0].split(':')[0]}`,
        textToDisplay: rows[row - 1][3] as string,
      };
  });
  sheet.freezePanes.freezeRows(1);
  return sheet;
}

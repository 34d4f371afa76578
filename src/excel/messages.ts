/** The adapter's user-facing messages: Chinese first, with the English version. */
import type { Bilingual, SectionId } from '../core/form/types';
import type { Severity } from '../core/rules/types';

export const SECTION_LABEL: Record<SectionId, Bilingual> = {
  header: { zh: '基本信息', en: 'Header' },
  funding: { zh: '部门总体资金情况', en: 'Overall funding' },
  functions: { zh: '部门职能概述', en: 'Functions' },
  annualTasks: { zh: '年度工作任务', en: 'Annual tasks' },
  longTermGoals: { zh: '长期目标', en: 'Long-term goals' },
  longTerm: { zh: '长期绩效指标', en: 'Long-term indicators' },
  annualGoals: { zh: '年度目标', en: 'Annual goals' },
  annual: { zh: '年度绩效指标', en: 'Annual indicators' },
};

export const SEVERITY_LABEL: Record<Severity, Bilingual> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info: { zh: '提示', en: 'Info' },
};

/** Excel refuses writes to a protected (or read-only) sheet with the code AccessDenied. */
const isAccessDenied = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'AccessDenied';

const PROTECTED: Bilingual = {
  zh: '工作表受保护（或为只读），Excel 拒绝了修改；请先在“审阅”选项卡中点“撤销工作表保护”',
  en: 'the sheet is protected (or read-only) and Excel refused the change; unprotect it first (Review → Unprotect Sheet)',
};

/** Why an Excel call failed, in the message's language (Excel's own text is English only). */
const errText = (e: unknown, lang: 'zh' | 'en' = 'en') =>
  isAccessDenied(e) ? PROTECTED[lang] : e instanceof Error ? e.message : String(e);

export const MSG = {
  inserted: (sheet: string, year: number): Bilingual => ({
    zh: `已在新工作表“${sheet}”中插入 ${year} 年度部门整体绩效目标表。`,
    en: `Inserted the ${year} performance goal table into the new worksheet "${sheet}".`,
  }),
  insertFailed: (e: unknown): Bilingual => ({
    zh: `插入模板失败：${errText(e, 'zh')}`,
    en: `Could not insert the form: ${errText(e)}`,
  }),
  badYear: (year: unknown): Bilingual => ({
    zh: `预算年度“${String(year)}”无效，请输入 1900 至 2200 之间的四位年份。`,
    en: `Budget year "${String(year)}" is not valid: enter a four-digit year between 1900 and 2200.`,
  }),
  noForm: (): Bilingual => ({
    zh: '当前工作表中没有部门整体绩效目标表。',
    en: 'The active worksheet holds no performance goal table.',
  }),
  notInTable: (): Bilingual => ({
    zh: '请先选中“长期绩效指标”或“年度绩效指标”表格中的一行（表头以下）。',
    en: 'Select a row of the long-term or annual indicator table first (below its header).',
  }),
  rowAdded: (table: Bilingual, row: number): Bilingual => ({
    zh: `已在“${table.zh}”中第 ${row} 行插入一行指标。`,
    en: `Added an indicator row to ${table.en} at row ${row}.`,
  }),
  rowsDeleted: (table: Bilingual, first: number, last: number): Bilingual => ({
    zh:
      first === last
        ? `已删除“${table.zh}”第 ${first} 行。`
        : `已删除“${table.zh}”第 ${first}–${last} 行。`,
    en:
      first === last
        ? `Deleted row ${first} of ${table.en}.`
        : `Deleted rows ${first}–${last} of ${table.en}.`,
  }),
  lastRow: (table: Bilingual): Bilingual => ({
    zh: `“${table.zh}”至少要保留一行，不能全部删除。`,
    en: `${table.en} must keep at least one row.`,
  }),
  rowOpFailed: (e: unknown): Bilingual => ({
    zh: `操作失败：${errText(e, 'zh')}`,
    en: `The operation failed: ${errText(e)}`,
  }),
  noFix: (): Bilingual => ({
    zh: '此问题没有可一键修复的建议。',
    en: 'This finding has no one-click fix.',
  }),
  fixWrongSheet: (): Bilingual => ({
    zh: '该问题属于另一张工作表，请先重新检查当前表。',
    en: 'This finding belongs to another worksheet: check the active one again first.',
  }),
  fixApplied: (address: string, label: Bilingual): Bilingual => ({
    zh: `已修复 ${address}：${label.zh}`,
    en: `Fixed ${address}: ${label.en}`,
  }),
  fixFailed: (e: unknown): Bilingual => ({
    zh: `修复失败：${errText(e, 'zh')}`,
    en: `The fix failed: ${errText(e)}`,
  }),
  exported: (sheet: string, n: number): Bilingual => ({
    zh: `已将 ${n} 条问题写入新工作表“${sheet}”。`,
    en: `Wrote ${n} findings to the new worksheet "${sheet}".`,
  }),
  exportFailed: (e: unknown): Bilingual => ({
    zh: `导出问题清单失败：${errText(e, 'zh')}`,
    en: `Could not export the findings: ${errText(e)}`,
  }),
  namesOk: (): Bilingual => ({
    zh: '所有名称完好，无需修复。',
    en: 'Every name is in place: nothing to repair.',
  }),
  repaired: (fixed: string[], notFound: string[]): Bilingual => ({
    zh:
      `已重建 ${fixed.length} 个名称。` +
      (notFound.length
        ? `以下名称无法根据标签定位，请检查对应标签是否被删除或移动：${notFound.join('、')}。`
        : ''),
    en:
      `Rebuilt ${fixed.length} names.` +
      (notFound.length
        ? ` These could not be located from the labels (was a label deleted or moved?): ${notFound.join(', ')}.`
        : ''),
  }),
  cannotRepair: (notFound: string[]): Bilingual => ({
    zh: `无法根据标签重建名称（找不到对应标签）：${notFound.join('、')}。`,
    en: `Cannot rebuild the names from the labels (labels not found): ${notFound.join(', ')}.`,
  }),
  repairFailed: (e: unknown): Bilingual => ({
    zh: `修复名称失败：${errText(e, 'zh')}`,
    en: `Could not repair the names: ${errText(e)}`,
  }),
  marksCleared: (n: number): Bilingual => ({
    zh: n ? `已清除 ${n} 处标记，单元格恢复原有格式。` : '当前没有标记。',
    en: n ? `Removed ${n} marks; the cells show their own formats again.` : 'There were no marks.',
  }),
  clearFailed: (e: unknown): Bilingual => ({
    zh: `清除标记失败：${errText(e, 'zh')}`,
    en: `Could not remove the marks: ${errText(e)}`,
  }),
  marksNotWritten: (e: unknown): Bilingual =>
    isAccessDenied(e)
      ? {
          zh: '工作表受保护，问题无法在单元格上标出（问题清单已更新）；撤销工作表保护（审阅 → 撤销工作表保护）后点“全部检查”即可标出。',
          en: 'The sheet is protected, so the problems could not be marked on the cells (the list is up to date); unprotect it (Review → Unprotect Sheet) and click Check all to mark them.',
        }
      : {
          zh: `问题无法在单元格上标出（问题清单已更新）：${errText(e, 'zh')}`,
          en: `The problems could not be marked on the cells (the list is up to date): ${errText(e)}`,
        },
  validationTitle: (): Bilingual => ({ zh: '请从列表中选择', en: 'Choose from the list' }),
  validationMessage: (choices: string[]): Bilingual => ({
    zh: `可选值：${choices.join('、')}`,
    en: `Allowed values: ${choices.join(', ')}`,
  }),
};

/** Messages of 导入 / 滚动到下一年 / 导出. */
export const TMSG = {
  importFound: (
    source: { kind: 'sheet' | 'text'; name: string },
    fields: number,
    tables: { longTerm: number; annual: number },
    missing: number,
  ): Bilingual => ({
    zh:
      `${source.kind === 'sheet' ? `在工作表“${source.name}”中` : '在粘贴的文本中'}找到 ${fields} 项内容、` +
      `长期绩效指标 ${tables.longTerm} 行、年度绩效指标 ${tables.annual} 行` +
      (missing ? `；${missing} 项未找到。` : '，表中各项都已找到。'),
    en:
      `Found ${fields} fields, ${tables.longTerm} long-term and ${tables.annual} annual indicator rows ` +
      `${source.kind === 'sheet' ? `on the sheet "${source.name}"` : 'in the pasted text'}` +
      (missing ? `; ${missing} not found.` : '; every part of the form was found.'),
  }),
  importNothing: (source: { kind: 'sheet' | 'text'; name: string }): Bilingual => ({
    zh: `${source.kind === 'sheet' ? `工作表“${source.name}”` : '粘贴的文本'}中没有找到绩效目标表的标签（如“部门（单位）名称”“年度绩效指标”）。`,
    en: `No label of the goal table (such as 部门（单位）名称 or 年度绩效指标) was found ${source.kind === 'sheet' ? `on the sheet "${source.name}"` : 'in the pasted text'}.`,
  }),
  emptySheet: (sheet: string): Bilingual => ({
    zh: `工作表“${sheet}”是空的：请先把表格粘贴到工作表中，或使用“粘贴文本”。`,
    en: `The sheet "${sheet}" is empty: paste the table into it first, or use "Paste text".`,
  }),
  emptyText: (): Bilingual => ({
    zh: '请先粘贴表格的文本。',
    en: 'Paste the table’s text first.',
  }),
  readFailed: (e: unknown): Bilingual => ({
    zh: `读取工作表失败：${errText(e, 'zh')}`,
    en: `Could not read the worksheet: ${errText(e)}`,
  }),
  previewStale: (): Bilingual => ({
    zh: '预览已过期，请重新预览后再确认。',
    en: 'This preview is no longer current: preview again, then confirm.',
  }),
  badYear: (year: unknown): Bilingual => MSG.badYear(year),
  insertFailed: (e: unknown): Bilingual => ({
    zh: `创建新工作表失败：${errText(e, 'zh')}`,
    en: `Could not create the new worksheet: ${errText(e)}`,
  }),
  imported: (
    sheet: string,
    year: number,
    fields: number,
    tables: { longTerm: number; annual: number },
  ): Bilingual => ({
    zh: `已将导入的内容填入新工作表“${sheet}”（${year} 年度）：${fields} 项内容、长期绩效指标 ${tables.longTerm} 行、年度绩效指标 ${tables.annual} 行。`,
    en: `Filled the new worksheet "${sheet}" (budget year ${year}) with the imported content: ${fields} fields, ${tables.longTerm} long-term and ${tables.annual} annual indicator rows.`,
  }),
  noForm: (sheet: string): Bilingual => ({
    zh: `当前工作表“${sheet}”中没有部门整体绩效目标表。`,
    en: `The active worksheet "${sheet}" holds no performance goal table.`,
  }),
  noYear: (sheet: string): Bilingual => ({
    zh: `工作表“${sheet}”中的预算年度不是有效年份，请先填写预算年度。`,
    en: `The budget year on "${sheet}" is not a valid year: fill it in first.`,
  }),
  rollPlanned: (
    sheet: string,
    year: number,
    counts: { total: number; moved: number; cleared: number },
  ): Bilingual => ({
    zh: `将由“${sheet}”（${year} 年度）生成 ${year + 1} 年度的新表：共 ${counts.total} 处变化，其中 ${counts.cleared} 处清空待填。原工作表保持不变。`,
    en: `A ${year + 1} form will be made from "${sheet}" (${year}): ${counts.total} changes, ${counts.cleared} of them cleared for you to fill in. The original sheet stays as it is.`,
  }),
  rolled: (sheet: string, year: number): Bilingual => ({
    zh: `已生成 ${year} 年度的新工作表“${sheet}”，原工作表未改动。`,
    en: `Created the ${year} form on the new worksheet "${sheet}"; the original sheet is unchanged.`,
  }),
  exportReady: (sheet: string, indicators: number): Bilingual => ({
    zh: `已从“${sheet}”导出 ${indicators} 行指标的数据，可下载或复制。`,
    en: `Exported the data of "${sheet}" (${indicators} indicator rows): download or copy it.`,
  }),
};

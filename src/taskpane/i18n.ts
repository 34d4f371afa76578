/**
 * Every string of the task pane, Chinese first with its English version.
 * 任务窗格的全部文字：中文在前，附英文。
 *
 * Components never hold literal text: they call `messages(lang)` and use its fields.
 */
import type { SectionId } from '../core/form/types';
import type { Severity } from '../core/rules/types';
import type { Lang } from './api';

export type { Lang };

/** Which findings the list shows. */
export type FindingFilter = 'all' | 'errors' | 'errorsAndWarnings';

export interface Messages {
  productName: string;
  productSubtitle: string;
  /** Label of the live region and of the status line. */
  statusLabel: string;
  statusLoading: string;
  statusNotChecked: string;
  statusNoForm: string;
  statusNoFormHere: (sheetName: string) => string;
  statusOk: (sheetName: string, year: number | null) => string;
  statusMissingNames: (count: number, canRepair: boolean) => string;
  statusFormSheets: (count: number) => string;
  repairNames: string;
  repairNamesAria: (count: number) => string;

  insertTitle: string;
  budgetYear: string;
  budgetYearHint: (min: number, max: number) => string;
  budgetYearInvalid: (min: number, max: number) => string;
  prefillCommon: string;
  prefillCommonHint: string;
  insertButton: string;

  rowsTitle: string;
  rowsHint: string;
  addRow: string;
  deleteRow: string;

  checksTitle: string;
  checkAll: string;
  exportFindings: string;
  clearMarks: string;
  lastChecked: (time: string) => string;
  neverChecked: string;
  filterLabel: string;
  filters: Record<FindingFilter, string>;
  severity: Record<Severity, string>;
  severityCount: (severity: Severity, count: number) => string;
  countsAria: (counts: Record<Severity, number> & { incomplete?: number }) => string;
  announceChecked: (counts: Record<Severity, number> & { incomplete?: number }) => string;
  /** The neutral badge beside the severity counts. */
  incompleteCount: (count: number) => string;
  /** The collapsed group of findings that only say "not filled in yet". */
  incompleteTitle: (count: number) => string;
  incompleteHint: string;
  /** The tag of such a finding (instead of its severity). */
  incompleteTag: string;
  /** No real problems, only content still to fill in. */
  onlyIncomplete: string;
  /** The card of the findings about the cell(s) selected in Excel. */
  selectedCell: (address: string) => string;
  selectedMore: (count: number) => string;
  sections: Record<SectionId, string>;
  groupAria: (section: string, counts: Partial<Record<Severity, number>>) => string;
  listAria: (section: string, severity: Severity, count: number) => string;
  findingsListLabel: string;
  noFindings: string;
  noFindingsForFilter: string;
  noFormFindings: string;
  notCheckedYet: string;
  goToCell: (address: string) => string;
  moreCells: (count: number) => string;
  noCell: string;
  applyFix: string;
  applyFixAria: (fixLabel: string, address: string) => string;
  working: string;
  operationFailed: (detail: string) => string;
  dismiss: string;

  transferTitle: string;
  transferHint: string;
  importFromSheet: string;
  importFromText: string;
  pasteLabel: string;
  pastePlaceholder: string;
  previewImport: string;
  rollForward: string;
  exportData: string;
  cancel: string;
  close: string;
  importDialogTitle: string;
  importSource: (kind: 'sheet' | 'text', name: string) => string;
  importYearFound: (year: number) => string;
  importYearMissing: string;
  importTables: (longTerm: number, annual: number) => string;
  foundHeading: (count: number) => string;
  missingHeading: (count: number) => string;
  nothingMissing: string;
  colField: string;
  colContent: string;
  emptyValue: string;
  importNote: string;
  importConfirm: string;
  rollDialogTitle: (from: number | null, to: number | null) => string;
  rollCounts: (c: { total: number; moved: number; cleared: number }) => string;
  rollNote: (sheet: string, newSheet: string) => string;
  colWhere: string;
  colFrom: string;
  colTo: string;
  rollConfirm: (year: number | null) => string;
  exportDialogTitle: string;
  exportFormat: string;
  previewRows: (shown: number, total: number) => string;
  previewLines: (shown: number, total: number) => string;
  download: (format: string) => string;
  copyToClipboard: string;
  copied: (format: string) => string;
  copyFailed: string;
  downloaded: (file: string) => string;
  downloadFailed: (detail: string) => string;
  scrollRegion: (what: string) => string;
}

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const SEVERITY_EN: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};
const SEVERITY_EN_PLURAL: Record<Severity, string> = {
  error: 'errors',
  warning: 'warnings',
  info: 'notes',
};

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

const zh: Messages = {
  productName: '部门整体绩效目标表',
  productSubtitle: '填报与检查',
  statusLabel: '工作簿状态',
  statusLoading: '正在读取工作簿…',
  statusNotChecked: '尚未检查当前工作表',
  statusNoForm: '未检测到绩效目标表',
  statusNoFormHere: (sheet) => `当前工作表“${sheet}”中没有绩效目标表`,
  statusOk: (sheet, year) => (year === null ? sheet : `${sheet} · ${year}年度`),
  statusMissingNames: (n, canRepair) =>
    canRepair ? `名称缺失 ${n} 个，可修复` : `名称缺失 ${n} 个，无法自动修复，请重新插入模板`,
  statusFormSheets: (n) => `工作簿中有 ${n} 张目标表`,
  repairNames: '修复名称',
  repairNamesAria: (n) => `修复名称（缺失 ${n} 个）`,

  insertTitle: '插入模板',
  budgetYear: '预算年度',
  budgetYearHint: (min, max) => `${min}–${max} 年`,
  budgetYearInvalid: (min, max) => `请输入 ${min} 到 ${max} 之间的年份`,
  prefillCommon: '预填共性指标',
  prefillCommonHint: '运行成本、管理效率等通用指标，预填后可修改',
  insertButton: '插入模板',

  rowsTitle: '指标行',
  rowsHint: '先在长期或年度绩效指标表中选中一行',
  addRow: '添加指标行',
  deleteRow: '删除指标行',

  checksTitle: '检查结果',
  checkAll: '全部检查',
  exportFindings: '导出问题清单',
  clearMarks: '清除标记',
  lastChecked: (time) => `上次检查：${time}`,
  neverChecked: '尚未检查',
  filterLabel: '显示',
  filters: { all: '全部', errors: '仅错误', errorsAndWarnings: '错误和警告' },
  severity: SEVERITY_ZH,
  severityCount: (s, n) => `${SEVERITY_ZH[s]} ${n}`,
  countsAria: (c) =>
    `错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个` +
    (c.incomplete ? `，待填写 ${c.incomplete} 项` : ''),
  announceChecked: (c) =>
    `检查完成：错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个` +
    (c.incomplete ? `，待填写 ${c.incomplete} 项` : ''),
  incompleteCount: (n) => `待填写 ${n}`,
  incompleteTitle: (n) => `待填写（${n} 项）`,
  incompleteHint: '必填的内容尚未填写。填写后对应的条目会自动消失，单元格不会被标红。',
  incompleteTag: '待填写',
  onlyIncomplete: '除待填写的内容外，未发现问题',
  selectedCell: (a) => `所选单元格 ${a}`,
  selectedMore: (n) => `另有 ${n} 项，见下方检查结果`,
  sections: {
    header: '部门信息',
    funding: '部门总体资金情况',
    functions: '部门职能概述',
    annualTasks: '年度工作任务',
    longTermGoals: '长期目标',
    longTerm: '长期绩效指标',
    annualGoals: '年度目标',
    annual: '年度绩效指标',
  },
  groupAria: (section, c) =>
    `${section}：` +
    SEVERITIES.filter((s) => c[s])
      .map((s) => `${SEVERITY_ZH[s]} ${c[s]} 个`)
      .join('，'),
  listAria: (section, s, n) => `${section} · ${SEVERITY_ZH[s]}（${n} 个）`,
  findingsListLabel: '问题清单',
  noFindings: '未发现问题',
  noFindingsForFilter: '当前筛选条件下没有问题',
  noFormFindings: '当前工作表没有绩效目标表。可先插入模板，或切换到含目标表的工作表。',
  notCheckedYet: '点击“全部检查”检查当前工作表。',
  goToCell: (a) => `转到单元格 ${a}`,
  moreCells: (n) => `等 ${n} 个单元格`,
  noCell: '整表',
  applyFix: '一键修复',
  applyFixAria: (label, a) => `一键修复 ${a}：${label}`,
  working: '正在处理…',
  operationFailed: (d) => `操作未完成：${d}`,
  dismiss: '关闭消息',

  transferTitle: '导入、滚动与导出',
  transferHint: '每一步都先预览，确认后才在新工作表中生成；已有的工作表不会被改动。',
  importFromSheet: '从当前工作表导入',
  importFromText: '粘贴文本导入',
  pasteLabel: '粘贴去年表格的文本（Word 表格导出的文本，或从表格复制的单元格）',
  pastePlaceholder: '在此粘贴…',
  previewImport: '预览导入',
  rollForward: '滚动到下一年',
  exportData: '导出数据',
  cancel: '取消',
  close: '关闭',
  importDialogTitle: '导入预览',
  importSource: (kind, name) => (kind === 'sheet' ? `来源：工作表“${name}”` : '来源：粘贴的文本'),
  importYearFound: (y) => `识别到的预算年度：${y} 年`,
  importYearMissing: '未能识别预算年度，请确认下面的年份。',
  importTables: (lt, an) => `长期绩效指标 ${lt} 行，年度绩效指标 ${an} 行`,
  foundHeading: (n) => `已找到（${n} 项）`,
  missingHeading: (n) => `未找到（${n} 项）`,
  nothingMissing: '表中各项都已找到。',
  colField: '字段',
  colContent: '内容（前 40 个字）',
  emptyValue: '（空）',
  importNote:
    '确认后插入一张新的目标表并填入以上内容，按 Excel 录入的方式保存；合计与占比由模板公式计算。',
  importConfirm: '导入到新工作表',
  rollDialogTitle: (from, to) => (from === null ? '滚动到下一年' : `滚动到下一年：${from} → ${to}`),
  rollCounts: (c) => `共 ${c.total} 处变化：${c.moved} 处移动，${c.cleared} 处清空待填`,
  rollNote: (sheet, newSheet) => `原工作表“${sheet}”保持不变；新表插入到新工作表“${newSheet}”。`,
  colWhere: '位置',
  colFrom: '原值',
  colTo: '新值',
  rollConfirm: (y) => (y === null ? '生成新表' : `生成 ${y} 年度新表`),
  exportDialogTitle: '导出预览',
  exportFormat: '格式',
  previewRows: (shown, total) => `前 ${shown} 行，共 ${total} 行`,
  previewLines: (shown, total) => `前 ${shown} 行，共 ${total} 行`,
  download: (f) => `下载 ${f} 文件`,
  copyToClipboard: '复制到剪贴板',
  copied: (f) => `已将 ${f} 复制到剪贴板。`,
  copyFailed: '无法访问剪贴板，请改用下载。',
  downloaded: (file) => `已开始下载“${file}”。`,
  downloadFailed: (d) => `下载失败：${d}`,
  scrollRegion: (what) => `${what}（可滚动）`,
};

const en: Messages = {
  productName: 'Department performance goal table',
  productSubtitle: 'Fill in & check',
  statusLabel: 'Workbook status',
  statusLoading: 'Reading the workbook…',
  statusNotChecked: 'The active sheet has not been checked yet',
  statusNoForm: 'No performance goal table found',
  statusNoFormHere: (sheet) => `The active sheet “${sheet}” holds no goal table`,
  statusOk: (sheet, year) => (year === null ? sheet : `${sheet} · budget year ${year}`),
  statusMissingNames: (n, canRepair) =>
    canRepair
      ? `${n} missing name${n === 1 ? '' : 's'}, repairable`
      : `${n} missing name${n === 1 ? '' : 's'}; cannot repair, please insert the form again`,
  statusFormSheets: (n) => `${n} goal tables in this workbook`,
  repairNames: 'Repair names',
  repairNamesAria: (n) => `Repair names (${n} missing)`,

  insertTitle: 'Insert the form',
  budgetYear: 'Budget year',
  budgetYearHint: (min, max) => `${min}–${max}`,
  budgetYearInvalid: (min, max) => `Enter a year between ${min} and ${max}`,
  prefillCommon: 'Pre-fill common indicators',
  prefillCommonHint: 'Running cost, management efficiency and other shared indicators; editable',
  insertButton: 'Insert form',

  rowsTitle: 'Indicator rows',
  rowsHint: 'Select a row of the long-term or annual indicator table first',
  addRow: 'Add indicator row',
  deleteRow: 'Delete indicator row',

  checksTitle: 'Findings',
  checkAll: 'Check all',
  exportFindings: 'Export findings',
  clearMarks: 'Clear marks',
  lastChecked: (time) => `Last checked ${time}`,
  neverChecked: 'Not checked yet',
  filterLabel: 'Show',
  filters: { all: 'All', errors: 'Errors only', errorsAndWarnings: 'Errors & warnings' },
  severity: SEVERITY_EN,
  severityCount: (s, n) => `${SEVERITY_EN[s]} ${n}`,
  countsAria: (c) =>
    `${c.error} errors, ${c.warning} warnings, ${c.info} notes` +
    (c.incomplete ? `, ${c.incomplete} still to fill in` : ''),
  announceChecked: (c) =>
    `Check finished: ${c.error} errors, ${c.warning} warnings, ${c.info} notes` +
    (c.incomplete ? `, ${c.incomplete} still to fill in` : ''),
  incompleteCount: (n) => `To fill in ${n}`,
  incompleteTitle: (n) => `Still to fill in (${n})`,
  incompleteHint:
    'Required content not filled in yet. Each item goes away once it is filled in; these cells are not marked.',
  incompleteTag: 'To fill in',
  onlyIncomplete: 'No problems besides what is still to fill in',
  selectedCell: (a) => `Selected cell ${a}`,
  selectedMore: (n) => `${n} more in the results below`,
  sections: {
    header: 'Department',
    funding: 'Overall funding',
    functions: 'Functions',
    annualTasks: 'Annual work tasks',
    longTermGoals: 'Long-term goals',
    longTerm: 'Long-term indicators',
    annualGoals: 'Annual goals',
    annual: 'Annual indicators',
  },
  groupAria: (section, c) =>
    `${section}: ` +
    SEVERITIES.filter((s) => c[s])
      .map((s) => `${c[s]} ${SEVERITY_EN_PLURAL[s]}`)
      .join(', '),
  listAria: (section, s, n) => `${section} · ${SEVERITY_EN_PLURAL[s]} (${n})`,
  findingsListLabel: 'Findings',
  noFindings: 'No problems found',
  noFindingsForFilter: 'Nothing matches this filter',
  noFormFindings:
    'The active sheet holds no goal table. Insert the form, or switch to a sheet that has one.',
  notCheckedYet: 'Click “Check all” to check the active sheet.',
  goToCell: (a) => `Go to cell ${a}`,
  moreCells: (n) => `+${n} more`,
  noCell: 'Whole form',
  applyFix: 'Fix',
  applyFixAria: (label, a) => `Fix ${a}: ${label}`,
  working: 'Working…',
  operationFailed: (d) => `The operation did not finish: ${d}`,
  dismiss: 'Dismiss message',

  transferTitle: 'Import, roll forward, export',
  transferHint:
    'Each step shows a preview first and only creates a new sheet once you confirm; existing sheets are never changed.',
  importFromSheet: 'Import from the active sheet',
  importFromText: 'Import pasted text',
  pasteLabel:
    "Paste last year's table as text (a Word table's text export, or cells copied from a table)",
  pastePlaceholder: 'Paste here…',
  previewImport: 'Preview import',
  rollForward: 'Roll forward to next year',
  exportData: 'Export data',
  cancel: 'Cancel',
  close: 'Close',
  importDialogTitle: 'Import preview',
  importSource: (kind, name) =>
    kind === 'sheet' ? `Source: the sheet “${name}”` : 'Source: the pasted text',
  importYearFound: (y) => `Budget year found: ${y}`,
  importYearMissing: 'No budget year was found: please check the year below.',
  importTables: (lt, an) => `${lt} long-term and ${an} annual indicator rows`,
  foundHeading: (n) => `Found (${n})`,
  missingHeading: (n) => `Not found (${n})`,
  nothingMissing: 'Every part of the form was found.',
  colField: 'Field',
  colContent: 'Content (first 40 characters)',
  emptyValue: '(empty)',
  importNote:
    'Confirming inserts a new form holding this content, stored as Excel stores typed text; totals and shares are computed by the template.',
  importConfirm: 'Import into a new sheet',
  rollDialogTitle: (from, to) =>
    from === null ? 'Roll forward to next year' : `Roll forward: ${from} → ${to}`,
  rollCounts: (c) =>
    `${c.total} changes: ${c.moved} moved, ${c.cleared} cleared for you to fill in`,
  rollNote: (sheet, newSheet) =>
    `The sheet “${sheet}” stays as it is; the new form goes to the new sheet “${newSheet}”.`,
  colWhere: 'Where',
  colFrom: 'Before',
  colTo: 'After',
  rollConfirm: (y) => (y === null ? 'Create the new form' : `Create the ${y} form`),
  exportDialogTitle: 'Export preview',
  exportFormat: 'Format',
  previewRows: (shown, total) => `First ${shown} of ${total} rows`,
  previewLines: (shown, total) => `First ${shown} of ${total} lines`,
  download: (f) => `Download ${f} file`,
  copyToClipboard: 'Copy to clipboard',
  copied: (f) => `Copied the ${f} to the clipboard.`,
  copyFailed: 'The clipboard is not available here: please download instead.',
  downloaded: (file) => `Started downloading “${file}”.`,
  downloadFailed: (d) => `The download failed: ${d}`,
  scrollRegion: (what) => `${what} (scrollable)`,
};

export function messages(lang: Lang): Messages {
  return lang === 'en' ? en : zh;
}

/**
 * The pane's language from Office's display language (`Office.context.displayLanguage`, e.g.
 * 'zh-CN', 'en-US'): English when it starts with 'en', Chinese otherwise (and when unknown).
 */
export function detectLanguage(officeDisplayLanguage?: string): Lang {
  return (officeDisplayLanguage ?? '').trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** A time of day as HH:MM:SS (24-hour, local time). */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

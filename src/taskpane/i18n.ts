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
  countsAria: (counts: Record<Severity, number>) => string;
  announceChecked: (counts: Record<Severity, number>) => string;
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
  countsAria: (c) => `错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个`,
  announceChecked: (c) => `检查完成：错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个`,
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
  countsAria: (c) => `${c.error} errors, ${c.warning} warnings, ${c.info} notes`,
  announceChecked: (c) =>
    `Check finished: ${c.error} errors, ${c.warning} warnings, ${c.info} notes`,
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

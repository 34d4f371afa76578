/**
 * Test helpers for the pane: a scripted AddinApi (a test double of the interface, recording
 * calls and letting a test push live results) and findings modelled on the seed's mistakes.
 * Used by the *.test.tsx files only.
 */
import { FluentProvider, RendererProvider, createDOMRenderer } from '@fluentui/react-components';
import { act, render } from '@testing-library/react';
import { computeLayout } from '../core/form/layout';
import { checkForm } from '../core/rules/catalogue';
import type { Finding } from '../core/rules/types';
import { snapshotFromCells } from '../core/snapshot/build';
import type {
  AddinApi,
  CheckResult,
  ExportData,
  FormStatus,
  ImportPreview,
  OperationResult,
  RollPreview,
} from './api';
import App, { type AppProps } from './App';
import { checkCounts } from './findings';
import { paneTheme } from './theme';

export const OK_STATUS: FormStatus = {
  kind: 'ok',
  sheetName: '绩效目标表2024',
  year: 2024,
  missingNames: [],
  canRepair: false,
  formSheets: ['绩效目标表2024'],
};

/** Findings like those the checker reports on the seed form. */
export const SEED_FINDINGS: Finding[] = [
  {
    ruleId: 'indicator-category',
    severity: 'error',
    section: 'annual',
    cells: ['J58'],
    message: {
      zh: '指标分类“绩效创新性”不是可选值（绩效基本型、绩效创新型）',
      en: 'Category “绩效创新性” is not one of 绩效基本型, 绩效创新型',
    },
    fix: {
      address: 'J58',
      value: '绩效创新型',
      label: { zh: '改为“绩效创新型”', en: 'Change to 绩效创新型' },
    },
  },
  {
    ruleId: 'indicator-unit',
    severity: 'warning',
    section: 'annual',
    cells: ['D57', 'E57', 'F57', 'G57'],
    message: {
      zh: '三级指标的单位是万美元，指标值的单位是亿美元（相差 10000 倍）',
      en: 'The indicator names 万美元 but its values are in 亿美元 (10,000× apart)',
    },
  },
  {
    ruleId: 'number-as-text',
    severity: 'warning',
    section: 'funding',
    cells: ['C7'],
    message: { zh: '数字以文本形式存储：“　8167.74”', en: 'Number stored as text: “　8167.74”' },
    fix: {
      address: 'C7',
      value: 8167.74,
      label: { zh: '转换为数字 8167.74', en: 'Convert to 8167.74' },
    },
  },
  {
    ruleId: 'goal-vs-indicator',
    severity: 'warning',
    section: 'longTermGoals',
    cells: ['A20', 'F31'],
    message: {
      zh: '长期目标写社会消费品零售总额增长 10%，长期绩效指标为 7.5%',
      en: 'The long-term goal says +10%, the long-term indicator says 7.5%',
    },
  },
  {
    ruleId: 'placeholder-row',
    severity: 'info',
    section: 'annual',
    cells: ['B70'],
    message: { zh: '占位行“……”未删除', en: 'Placeholder row “……” left in the form' },
  },
  {
    ruleId: 'funding-total',
    severity: 'error',
    section: 'funding',
    cells: ['C10', 'C7', 'C8', 'C9'],
    message: { zh: '收入合计不等于各项之和', en: 'Income total is not the sum of its rows' },
  },
];

/**
 * What the checker says about a freshly inserted form with the common indicators: every finding
 * only says something is not filled in yet (Finding.incomplete), 107 of them.
 */
export function freshFormFindings(): Finding[] {
  const layout = computeLayout({ year: 2025, common: true });
  const refs = Object.fromEntries(layout.names.map((n) => [n.name, n.ref]));
  const at = new Map(layout.cells.map((c) => [c.address, c]));
  const snapshot = snapshotFromCells(
    refs,
    (address) => {
      const c = at.get(address);
      if (!c) return undefined;
      const value = c.formula ? c.text || null : (c.value ?? null);
      return { value, formula: c.formula, numberFormat: c.style.numberFormat };
    },
    layout.sheetName,
  );
  return checkForm(snapshot);
}

/** What previewImportFromSheet answers: the seed found on the active sheet, 联系电话 missing. */
export const IMPORT_PREVIEW: ImportPreview = {
  ok: true,
  id: 'import-1',
  message: {
    zh: '在工作表“Sheet1”中找到 3 项内容、长期绩效指标 40 行、年度绩效指标 40 行；1 项未找到。',
    en: 'Found 3 fields, 40 long-term and 40 annual indicator rows on the sheet "Sheet1"; 1 not found.',
  },
  source: { kind: 'sheet', name: 'Sheet1' },
  year: 2024,
  fields: [
    {
      name: 'Dept_Name',
      label: { zh: '部门（单位）名称', en: 'Department (unit) name' },
      value: '\u3000鄂州市商务局',
      truncated: false,
    },
    {
      name: 'Fund_Income_Fiscal_Current',
      label: {
        zh: '部门总体资金情况/收入构成/财政拨款/当年金额',
        en: 'Funding/Income/Fiscal appropriation/Current year',
      },
      value: '\u30008167.74',
      truncated: false,
    },
    {
      name: 'Fund_Income_SpecialAccount_Current',
      label: {
        zh: '部门总体资金情况/收入构成/财政专户管理资金/当年金额',
        en: 'Funding/Income/Special account/Current year',
      },
      value: '',
      truncated: false,
    },
    {
      name: 'Text_AnnualTasks',
      label: { zh: '年度工作任务', en: 'Annual work tasks' },
      value: '1、2024年全市商务发展的主要预期目标是：社会消费品零售总额增长10%，外贸进出口…',
      truncated: true,
    },
  ],
  tables: { longTerm: 40, annual: 40 },
  missing: ['联系电话'],
};

/** What previewRollForward answers: 2024 → 2025 with a few changes. */
export const ROLL_PREVIEW: RollPreview = {
  ok: true,
  id: 'roll-1',
  message: {
    zh: '将由“绩效目标表2024”（2024 年度）生成 2025 年度的新表：共 4 处变化，其中 2 处清空待填。原工作表保持不变。',
    en: 'A 2025 form will be made from "绩效目标表2024" (2024): 4 changes, 2 of them cleared for you to fill in. The original sheet stays as it is.',
  },
  sheetName: '绩效目标表2024',
  fromYear: 2024,
  toYear: 2025,
  newSheetName: '绩效目标表2025',
  changes: [
    { where: { zh: '预算年度', en: 'Budget year' }, from: '2024', to: '2025' },
    {
      where: {
        zh: '部门总体资金情况/支出构成/人员类项目支出/2024年金额',
        en: 'Funding/Expenditure/Personnel/2024',
      },
      from: '1774.61\u3000',
      to: '1546.73',
    },
    {
      where: {
        zh: '部门总体资金情况/支出构成/人员类项目支出/当年金额（2025年）',
        en: 'Funding/Expenditure/Personnel/budget year 2025',
      },
      from: '1546.73',
      to: '',
    },
    {
      where: {
        zh: '年度绩效指标/完成外贸进出口亿元人民币/预期当年实现值',
        en: 'Annual indicators/完成外贸进出口亿元人民币/expected value',
      },
      from: '64.57亿元人民币',
      to: '',
    },
  ],
  counts: { total: 4, moved: 2, cleared: 2 },
};

const CSV_LINES = [
  '表,一级指标,二级指标,三级指标,值列,运算符,数值,单位,原文,指标值确定依据,指标分类',
  '长期绩效指标,运行成本,公用经费控制,公用经费控制率,指标值,＝,88.86,%,88.86%,计划标准,绩效基本型',
  '年度绩效指标,履职效能,核心业务产出2,完成外贸进出口亿元人民币,2023年,＝,58.7,亿元,58.7亿元人民币,计划标准,绩效创新性',
  '年度绩效指标,满意度,服务对象满意度,"消费券使用客户满意度,线上",预期当年实现值,≥,90,%,≥90%,计划标准,绩效基本型',
];

/** What exportData answers. */
export const EXPORT_DATA: ExportData = {
  ok: true,
  message: {
    zh: '已从“绩效目标表2024”导出 3 行指标的数据，可下载或复制。',
    en: 'Exported the data of "绩效目标表2024" (3 indicator rows): download or copy it.',
  },
  sheetName: '绩效目标表2024',
  year: 2024,
  fileName: '绩效目标表2024',
  json: `${JSON.stringify(
    {
      format: 'perf-goal-table/v1',
      year: 2024,
      department: { name: '鄂州市商务局', preparer: '张赛球', phone: '027-60265422' },
    },
    null,
    2,
  )}\n`,
  csv: `\uFEFF${CSV_LINES.join('\r\n')}\r\n`,
  indicators: 3,
};

export function checkResult(
  findings: Finding[] = SEED_FINDINGS,
  at = 1_700_000_000_000,
  status: FormStatus = OK_STATUS,
): CheckResult {
  return { status, findings, counts: checkCounts(findings), at };
}

const done = (zh: string, en: string): OperationResult => ({ ok: true, message: { zh, en } });

export interface FakeApi {
  api: AddinApi;
  calls: Record<string, unknown[][]>;
  /** Listeners currently subscribed. */
  listeners: Set<(r: CheckResult) => void>;
  /** What checkAll() answers next. */
  setNext(result: CheckResult): void;
  /** Pushes a live result to every subscriber, as the host does after an edit. */
  emit(result: CheckResult): void;
  /** Selection listeners currently subscribed. */
  selectionListeners: Set<(address: string | null) => void>;
  /** Says the user selected `address` on the form's sheet (null: elsewhere), as the host does. */
  select(address: string | null): void;
}

/**
 * A scripted AddinApi. `overrides` replace single operations (e.g. one that never resolves, to
 * see the button busy).
 */
export function fakeApi(
  initial: CheckResult = checkResult(),
  overrides: Partial<AddinApi> = {},
): FakeApi {
  let next = initial;
  const listeners = new Set<(r: CheckResult) => void>();
  const selectionListeners = new Set<(address: string | null) => void>();
  const calls: Record<string, unknown[][]> = {};
  const record =
    <A extends unknown[], R>(name: string, fn: (...args: A) => R) =>
    (...args: A): R => {
      (calls[name] ??= []).push(args);
      return fn(...args);
    };
  const base: AddinApi = {
    insertForm: async (o) => ({
      ...done(`已插入工作表“绩效目标表${o.year}”`, `Inserted sheet 绩效目标表${o.year}`),
      sheetName: `绩效目标表${o.year}`,
    }),
    checkAll: async () => next,
    selectCell: async () => undefined,
    applyFix: async (f) => done(`已修复 ${f.fix?.address}`, `Fixed ${f.fix?.address}`),
    addIndicatorRow: async () => done('已在第 58 行下方添加指标行', 'Added a row below row 58'),
    deleteIndicatorRow: async () => ({
      ok: false,
      message: { zh: '请先选中指标表中的一行', en: 'Select a row of an indicator table first' },
    }),
    exportFindings: async () => ({
      ...done('已导出到“问题清单”', 'Exported to 问题清单'),
      sheetName: '问题清单',
    }),
    repairNames: async () => done('已修复 3 个名称', 'Repaired 3 names'),
    clearMarks: async () => done('已清除标记', 'Marks cleared'),
    previewImportFromSheet: async () => IMPORT_PREVIEW,
    previewImportFromText: async () => ({
      ...IMPORT_PREVIEW,
      id: 'import-2',
      source: { kind: 'text', name: '' },
      year: null,
    }),
    applyImport: async (_id, o) => ({
      ...done(
        `已将导入的内容填入新工作表“绩效目标表${o.year}”`,
        `Filled the new worksheet 绩效目标表${o.year}`,
      ),
      sheetName: `绩效目标表${o.year}`,
    }),
    previewRollForward: async () => ROLL_PREVIEW,
    applyRollForward: async () => ({
      ...done('已生成 2025 年度的新工作表“绩效目标表2025”', 'Created 绩效目标表2025'),
      sheetName: '绩效目标表2025',
    }),
    exportData: async () => EXPORT_DATA,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribeSelection: (listener) => {
      selectionListeners.add(listener);
      return () => selectionListeners.delete(listener);
    },
  };
  const merged = { ...base, ...overrides };
  const api = Object.fromEntries(
    Object.entries(merged).map(([name, fn]) => [
      name,
      record(name, fn as (...a: unknown[]) => unknown),
    ]),
  ) as unknown as AddinApi;
  return {
    api,
    calls,
    listeners,
    setNext: (r) => {
      next = r;
    },
    emit: (r) => {
      act(() => {
        for (const l of [...listeners]) l(r);
      });
    },
    selectionListeners,
    select: (address) => {
      act(() => {
        for (const l of [...selectionListeners]) l(address);
      });
    },
  };
}

/**
 * Renders the pane as index.tsx does. Fluent's CSS rules are not inserted into jsdom: they
 * change nothing a test looks at, and jsdom's getComputedStyle (used by role queries) walks
 * every rule for every element, which makes each query take seconds.
 */
export function renderPane(props: AppProps) {
  const renderer = createDOMRenderer(document, { unstable_filterCSSRule: () => false });
  return render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      <FluentProvider theme={paneTheme}>
        <App announceDelayMs={20} {...props} />
      </FluentProvider>
    </RendererProvider>,
  );
}

/**
 * Test helpers for the pane: a scripted AddinApi (a test double of the interface, recording
 * calls and letting a test push live results) and findings modelled on the seed's mistakes.
 * Used by the *.test.tsx files only.
 */
import { FluentProvider, RendererProvider, createDOMRenderer } from '@fluentui/react-components';
import { act, render } from '@testing-library/react';
import type { Finding } from '../core/rules/types';
import type { AddinApi, CheckResult, FormStatus, OperationResult } from './api';
import App, { type AppProps } from './App';
import { countBySeverity } from './findings';
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

export function checkResult(
  findings: Finding[] = SEED_FINDINGS,
  at = 1_700_000_000_000,
  status: FormStatus = OK_STATUS,
): CheckResult {
  return { status, findings, counts: countBySeverity(findings), at };
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
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
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

/** @jest-environment jsdom */
import {
  act,
  configure,
  fireEvent,
  getDefaultNormalizer,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import type { Finding } from '../core/rules/types';
import type { OperationResult } from './api';
import { detectLanguage } from './i18n';
import { defaultBudgetYear } from './InsertPanel';
import {
  OK_STATUS,
  SEED_FINDINGS,
  checkResult,
  fakeApi,
  freshFormFindings,
  renderPane,
} from './testing';

// Role queries skip jsdom's slow visibility check. Nothing hidden could match by mistake:
// collapsed groups and filtered-out findings are not rendered at all.
configure({ defaultHidden: true });

/** Text exactly as written, ideographic spaces (U+3000) included. */
const verbatim = { normalizer: getDefaultNormalizer({ trim: false, collapseWhitespace: false }) };

/** The finding items currently listed, in document order. */
function items(): HTMLElement[] {
  return screen.queryAllByRole('listitem');
}

/** The group headers (section name + counts), in document order. */
function groupHeaders(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-section]')];
}

describe('language', () => {
  test('Chinese by default', async () => {
    const { api } = fakeApi();
    renderPane({ api });
    expect(screen.getByRole('heading', { level: 1 })).toHaveProperty(
      'textContent',
      '部门整体绩效目标表',
    );
    expect(screen.getByText('填报与检查')).toBeTruthy();
    expect(screen.getByRole('button', { name: /插入模板/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /添加指标行/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /删除指标行/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /全部检查/ })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: '预填共性指标' })).toBeTruthy();
    expect(await screen.findByText(SEED_FINDINGS[0].message.zh)).toBeTruthy();
    expect(screen.getByTestId('taskpane').getAttribute('lang')).toBe('zh-CN');
  });

  test("English when Office's display language is en-US", async () => {
    const { api } = fakeApi();
    renderPane({ api, lang: detectLanguage('en-US') });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Department performance goal table',
    );
    expect(screen.getByRole('button', { name: /Insert form/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Check all/ })).toBeTruthy();
    expect(await screen.findByText(SEED_FINDINGS[0].message.en)).toBeTruthy();
    expect(screen.queryByText(SEED_FINDINGS[0].message.zh)).toBeNull();
    expect(screen.queryByText('插入模板')).toBeNull();
  });

  test('detectLanguage', () => {
    expect(detectLanguage('en-US')).toBe('en');
    expect(detectLanguage('EN-gb')).toBe('en');
    expect(detectLanguage('en')).toBe('en');
    expect(detectLanguage('zh-CN')).toBe('zh');
    expect(detectLanguage('zh-TW')).toBe('zh');
    expect(detectLanguage('fr-FR')).toBe('zh');
    expect(detectLanguage('')).toBe('zh');
    expect(detectLanguage(undefined)).toBe('zh');
  });
});

describe('status line', () => {
  test('says what it sees: the form and its year', async () => {
    const { api } = fakeApi();
    renderPane({ api });
    const line = screen.getByTestId('status-line');
    await waitFor(() => expect(line.textContent).toContain('绩效目标表2024 · 2024年度'));
  });

  test('no form anywhere', async () => {
    const status = {
      ...OK_STATUS,
      kind: 'noForm' as const,
      sheetName: 'Sheet1',
      year: null,
      formSheets: [],
    };
    const { api } = fakeApi(checkResult([], 1, status));
    renderPane({ api });
    const line = screen.getByTestId('status-line');
    await waitFor(() => expect(line.textContent).toContain('未检测到绩效目标表'));
    expect(screen.getByText(/当前工作表没有绩效目标表/)).toBeTruthy();
  });

  test('several forms in the workbook', async () => {
    const status = {
      ...OK_STATUS,
      formSheets: ['绩效目标表2024', '绩效目标表2024 (2)', '下属单位'],
    };
    const { api } = fakeApi(checkResult([], 1, status));
    renderPane({ api });
    const line = screen.getByTestId('status-line');
    await waitFor(() => expect(line.textContent).toContain('工作簿中有 3 张目标表'));
  });

  test('damaged names: says how many and repairs them on request', async () => {
    const status = {
      ...OK_STATUS,
      kind: 'damaged' as const,
      missingNames: ['Fund_Income_Fiscal_Current', 'Text_Functions'],
      canRepair: true,
    };
    const fake = fakeApi(checkResult([], 1, status));
    renderPane({ api: fake.api });
    const line = screen.getByTestId('status-line');
    await waitFor(() => expect(line.textContent).toContain('名称缺失 2 个，可修复'));
    fake.setNext(checkResult([], 2, OK_STATUS));
    fireEvent.click(within(line).getByRole('button', { name: /修复名称/ }));
    expect(await screen.findByText('已修复 3 个名称')).toBeTruthy();
    expect(fake.calls.repairNames).toHaveLength(1);
    // Nothing was pushed by the host meanwhile: the pane re-checks and the status is ok again.
    await waitFor(() => expect(line.textContent).toContain('2024年度'));
    expect(line.textContent).not.toContain('名称缺失');
  });
});

describe('插入模板', () => {
  test('defaults to next calendar year with common indicators', async () => {
    const fake = fakeApi();
    renderPane({ api: fake.api });
    const year = screen.getByRole('spinbutton', { name: '预算年度' }) as HTMLInputElement;
    expect(year.value).toBe(String(new Date().getFullYear() + 1));
    expect(defaultBudgetYear(new Date(2025, 5, 1))).toBe(2026);
    fireEvent.click(screen.getByRole('button', { name: /插入模板/ }));
    await screen.findByText(/已插入工作表/);
    expect(fake.calls.insertForm).toEqual([[{ year: new Date().getFullYear() + 1, common: true }]]);
  });

  test('calls insertForm with the chosen year and common choice, shows the result', async () => {
    const fake = fakeApi();
    renderPane({ api: fake.api });
    const year = screen.getByRole('spinbutton', { name: '预算年度' });
    fireEvent.change(year, { target: { value: '2027' } });
    fireEvent.blur(year);
    fireEvent.click(screen.getByRole('checkbox', { name: '预填共性指标' }));
    fireEvent.click(screen.getByRole('button', { name: /插入模板/ }));
    expect(await screen.findByText('已插入工作表“绩效目标表2027”')).toBeTruthy();
    expect(fake.calls.insertForm).toEqual([[{ year: 2027, common: false }]]);
  });

  test('a year out of range is refused with a message, nothing is inserted', async () => {
    const fake = fakeApi();
    renderPane({ api: fake.api });
    const year = screen.getByRole('spinbutton', { name: '预算年度' });
    fireEvent.change(year, { target: { value: '20x5' } });
    fireEvent.blur(year);
    expect(await screen.findByText(/请输入 2000 到 2099 之间的年份/)).toBeTruthy();
    const button = screen.getByRole('button', { name: /插入模板/ });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(fake.calls.insertForm).toBeUndefined();
  });

  test('the button is disabled while inserting, other buttons are not', async () => {
    let finish: (r: OperationResult) => void = () => undefined;
    const fake = fakeApi(undefined, {
      insertForm: () =>
        new Promise((resolve) => {
          finish = resolve;
        }),
    });
    renderPane({ api: fake.api });
    const insert = screen.getByRole('button', { name: /插入模板/ });
    fireEvent.click(insert);
    await waitFor(() => expect(insert.getAttribute('aria-disabled')).toBe('true'));
    expect(
      screen.getByRole('button', { name: /全部检查/ }).getAttribute('aria-disabled'),
    ).toBeNull();
    fireEvent.click(insert); // a second click does not insert twice
    expect(fake.calls.insertForm).toHaveLength(1);
    await act(async () => finish({ ok: true, message: { zh: '已插入', en: 'Inserted' } }));
    await waitFor(() => expect(insert.getAttribute('aria-disabled')).toBeNull());
    expect(screen.getByText('已插入')).toBeTruthy();
  });

  test('a host that throws gives a message, not a crash', async () => {
    const fake = fakeApi(undefined, {
      insertForm: async () => {
        throw new Error('InvalidOperation');
      },
    });
    renderPane({ api: fake.api });
    fireEvent.click(screen.getByRole('button', { name: /插入模板/ }));
    expect(await screen.findByText('操作未完成：InvalidOperation')).toBeTruthy();
  });
});

describe('指标行', () => {
  test('add and delete show the host’s message', async () => {
    const fake = fakeApi();
    renderPane({ api: fake.api });
    fireEvent.click(screen.getByRole('button', { name: /添加指标行/ }));
    expect(await screen.findByText('已在第 58 行下方添加指标行')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /删除指标行/ }));
    expect(await screen.findByText('请先选中指标表中的一行')).toBeTruthy();
    expect(fake.calls.addIndicatorRow).toHaveLength(1);
    expect(fake.calls.deleteIndicatorRow).toHaveLength(1);
  });
});

describe('检查结果', () => {
  test('counts per severity, groups by section in form order, then by severity', async () => {
    const { api } = fakeApi();
    renderPane({ api });
    await screen.findByText(SEED_FINDINGS[0].message.zh);
    const counts = screen.getByRole('group', { name: '错误 2 个，警告 3 个，提示 1 个' });
    expect(counts.textContent).toBe('错误 2警告 3提示 1');

    const headers = groupHeaders().map((h) => h.textContent);
    expect(headers).toEqual([
      '部门总体资金情况错误 1警告 1',
      '长期目标警告 1',
      '年度绩效指标错误 1警告 1提示 1',
    ]);
    // Within 年度绩效指标: error, then warning, then info.
    const annual = screen.getByRole('list', { name: '年度绩效指标 · 错误（1 个）' });
    expect(within(annual).getAllByRole('listitem')).toHaveLength(1);
    const severities = items().map((li) => li.getAttribute('data-severity'));
    expect(severities).toEqual(['error', 'warning', 'warning', 'error', 'warning', 'info']);
    // Each finding names its cells and says its severity in words, not colour alone.
    const unit = items()[4];
    expect(unit.textContent).toContain('警告');
    expect(unit.textContent).toContain('D57、E57、F57 等 4 个单元格');
  });

  test('a group collapses and expands from its header', async () => {
    const { api } = fakeApi();
    renderPane({ api });
    await screen.findByText(SEED_FINDINGS[0].message.zh);
    const header = screen.getByRole('button', { name: /^长期目标/ });
    expect(header.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(header);
    await waitFor(() => expect(screen.queryByText(SEED_FINDINGS[3].message.zh)).toBeNull());
    expect(header.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByText(SEED_FINDINGS[0].message.zh)).toBeTruthy();
    fireEvent.click(header);
    expect(await screen.findByText(SEED_FINDINGS[3].message.zh)).toBeTruthy();
  });

  test('clicking a finding selects its first cell', async () => {
    const fake = fakeApi();
    renderPane({ api: fake.api });
    const message = await screen.findByText(SEED_FINDINGS[5].message.zh);
    const button = message.closest('button') as HTMLButtonElement;
    expect(button.type).toBe('button'); // a real button: Tab reaches it, Enter and Space press it
    fireEvent.click(button);
    await waitFor(() => expect(fake.calls.selectCell).toEqual([['C10']]));
  });

  test('一键修复 applies the fix of that finding only', async () => {
    const fake = fakeApi();
    renderPane({ api: fake.api });
    await screen.findByText(SEED_FINDINGS[0].message.zh);
    const fixButtons = screen.getAllByRole('button', { name: /^一键修复/ });
    expect(fixButtons).toHaveLength(2); // only the findings that have a fix
    const fix = screen.getByRole('button', { name: '一键修复 J58：改为“绩效创新型”' });
    fireEvent.click(fix);
    expect(await screen.findByText('已修复 J58')).toBeTruthy();
    expect(fake.calls.applyFix).toEqual([[SEED_FINDINGS[0]]]);
    expect(fake.calls.selectCell).toBeUndefined();
  });

  test('after a fix the list shows the host’s re-check', async () => {
    const fake = fakeApi();
    renderPane({ api: fake.api });
    await screen.findByText(SEED_FINDINGS[0].message.zh);
    const rest = SEED_FINDINGS.slice(1);
    fake.setNext(checkResult(rest, 1_700_000_000_500));
    fireEvent.click(screen.getByRole('button', { name: /一键修复 J58/ }));
    await waitFor(() => expect(screen.queryByText(SEED_FINDINGS[0].message.zh)).toBeNull());
    expect(items()).toHaveLength(5);
  });

  test('filter: 全部 / 仅错误 / 错误和警告', async () => {
    const { api } = fakeApi();
    renderPane({ api });
    await screen.findByText(SEED_FINDINGS[0].message.zh);
    expect(items()).toHaveLength(6);
    fireEvent.click(screen.getByRole('radio', { name: '仅错误' }));
    expect(items().map((li) => li.getAttribute('data-severity'))).toEqual(['error', 'error']);
    expect(groupHeaders().map((h) => h.textContent)).toEqual([
      '部门总体资金情况错误 1',
      '年度绩效指标错误 1',
    ]);
    fireEvent.click(screen.getByRole('radio', { name: '错误和警告' }));
    expect(items()).toHaveLength(5);
    expect(screen.queryByText(SEED_FINDINGS[4].message.zh)).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: '全部' }));
    expect(items()).toHaveLength(6);
    // The totals do not change with the filter.
    expect(screen.getByRole('group', { name: '错误 2 个，警告 3 个，提示 1 个' })).toBeTruthy();
  });

  test('a filter that hides everything says so', async () => {
    const { api } = fakeApi(checkResult(SEED_FINDINGS.filter((f) => f.severity !== 'error')));
    renderPane({ api });
    await screen.findByText(SEED_FINDINGS[1].message.zh);
    fireEvent.click(screen.getByRole('radio', { name: '仅错误' }));
    expect(screen.getByText('当前筛选条件下没有问题')).toBeTruthy();
  });

  test('no findings: says so', async () => {
    const { api } = fakeApi(checkResult([]));
    renderPane({ api });
    expect(await screen.findByText('未发现问题')).toBeTruthy();
    expect(screen.getByRole('button', { name: /导出问题清单/ }).getAttribute('aria-disabled')).toBe(
      'true',
    );
  });

  test('全部检查 re-checks and shows when it ran; export and clear report back', async () => {
    const fake = fakeApi(checkResult([], new Date(2024, 0, 1, 9, 5, 7).getTime()));
    renderPane({ api: fake.api, autoCheck: false });
    expect(screen.getByText('尚未检查')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /全部检查/ }));
    expect(await screen.findByText('上次检查：09:05:07')).toBeTruthy();
    fake.setNext(checkResult(SEED_FINDINGS, new Date(2024, 0, 1, 9, 6, 0).getTime()));
    fireEvent.click(screen.getByRole('button', { name: /全部检查/ }));
    expect(await screen.findByText('上次检查：09:06:00')).toBeTruthy();
    expect(items()).toHaveLength(6);
    fireEvent.click(screen.getByRole('button', { name: /导出问题清单/ }));
    expect(await screen.findByText('已导出到“问题清单”')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /清除标记/ }));
    expect(await screen.findByText('已清除标记')).toBeTruthy();
    expect(fake.calls.checkAll).toHaveLength(2);
    expect(fake.calls.exportFindings).toHaveLength(1);
    expect(fake.calls.clearMarks).toHaveLength(1);
    // Clearing marks keeps the list: the findings are still true.
    expect(items()).toHaveLength(6);
  });
});

describe('待填写: what is only not filled in yet', () => {
  const counts = () =>
    document.querySelector<HTMLElement>(
      '[data-testid="findings-panel"] [role="group"][aria-label^="错误"]',
    )!;
  /** The count badge of a severity (the badge, not its icon, carries data-tone). */
  const badge = (severity: string) =>
    counts().querySelector<HTMLElement>(`[data-tone][data-severity="${severity}"]`)!;

  test('a freshly inserted form looks calm: no red badge, one collapsed group, no list of errors', async () => {
    const fresh = freshFormFindings();
    expect(fresh.length).toBeGreaterThan(100);
    expect(fresh.every((f) => f.incomplete)).toBe(true);
    expect(fresh.some((f) => f.severity === 'error')).toBe(true);
    const { api } = fakeApi(checkResult(fresh));
    renderPane({ api });
    const toggle = await screen.findByRole('button', { name: `待填写（${fresh.length} 项）` });
    expect(counts().getAttribute('aria-label')).toBe(
      `错误 0 个，警告 0 个，提示 0 个，待填写 ${fresh.length} 项`,
    );
    // The severity badges count only real problems: all zero, grey; the 待填写 badge is neutral.
    for (const s of ['error', 'warning', 'info'])
      expect([badge(s).textContent, badge(s).getAttribute('data-tone')]).toEqual([
        expect.stringMatching(/ 0$/),
        'neutral',
      ]);
    const pending = counts().querySelector('[data-incomplete="true"]')!;
    expect(pending.textContent).toBe(`待填写 ${fresh.length}`);
    expect(pending.getAttribute('data-tone')).toBe('neutral');
    // Nothing is listed as a problem; the group is closed.
    expect(screen.getByText('除待填写的内容外，未发现问题')).toBeTruthy();
    expect(items()).toHaveLength(0);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(groupHeaders()).toHaveLength(0);
  });

  test('opened, it lists them by section with a neutral tag; each still goes to its cell', async () => {
    const fresh = freshFormFindings();
    const fake = fakeApi(checkResult(fresh));
    renderPane({ api: fake.api });
    fireEvent.click(await screen.findByRole('button', { name: /^待填写（/ }));
    expect(items()).toHaveLength(fresh.length);
    for (const li of items()) {
      expect(li.getAttribute('data-incomplete')).toBe('true');
      expect(li.textContent).toContain('待填写');
      expect(li.textContent).not.toMatch(/^错误|^警告/);
    }
    const first = fresh[0];
    const list = screen.getByRole('list', { name: /^部门信息 · 待填写/ });
    fireEvent.click(within(list).getAllByRole('button')[0]);
    await waitFor(() => expect(fake.calls.selectCell).toEqual([[first.cells[0]]]));
  });

  test('beside real problems: those are listed and counted, the rest waits below, closed', async () => {
    const pending: Finding[] = [
      {
        ruleId: 'header-required',
        severity: 'error',
        section: 'header',
        cells: ['B4'],
        message: { zh: '填报人未填写', en: 'Preparer not filled in' },
        incomplete: true,
      },
      {
        ruleId: 'text-required',
        severity: 'warning',
        section: 'functions',
        cells: ['B15'],
        message: { zh: '部门职能概述未填写', en: 'Functions not filled in' },
        incomplete: true,
      },
    ];
    const { api } = fakeApi(checkResult([...SEED_FINDINGS, ...pending]));
    renderPane({ api, lang: 'en' });
    await screen.findByText(SEED_FINDINGS[0].message.en);
    expect(
      screen.getByRole('group', { name: '2 errors, 3 warnings, 1 notes, 2 still to fill in' }),
    ).toBeTruthy();
    expect(items()).toHaveLength(SEED_FINDINGS.length);
    expect(screen.queryByText('Preparer not filled in')).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Still to fill in (2)' });
    // Below the real findings.
    const lastGroup = groupHeaders().pop()!;
    expect(
      lastGroup.compareDocumentPosition(toggle) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    fireEvent.click(toggle);
    expect(screen.getByText('Preparer not filled in')).toBeTruthy();
    expect(items()).toHaveLength(SEED_FINDINGS.length + 2);
    // The severity filter is about problems: the group stays.
    fireEvent.click(screen.getByRole('radio', { name: 'Errors only' }));
    expect(screen.getByText('Functions not filled in')).toBeTruthy();
  });

  test('the announcement counts them apart', async () => {
    const { api } = fakeApi(checkResult(freshFormFindings()));
    renderPane({ api, announceDelayMs: 10 });
    const live = screen.getByRole('status');
    await waitFor(() =>
      expect(live.textContent).toBe('检查完成：错误 0 个，警告 0 个，提示 0 个，待填写 107 项'),
    );
  });
});

describe('所选单元格: the findings of the cell selected in Excel', () => {
  const card = () => screen.queryByTestId('selection-card');

  test('selecting a cell with a finding shows its message and 一键修复 at the top', async () => {
    const fake = fakeApi();
    renderPane({ api: fake.api });
    await screen.findByText(SEED_FINDINGS[0].message.zh);
    expect(fake.selectionListeners.size).toBe(1);
    expect(card()).toBeNull();
    fake.select('J58');
    const c = within(card()!);
    expect(c.getByRole('heading', { name: '所选单元格 J58' })).toBeTruthy();
    expect(c.getByText(SEED_FINDINGS[0].message.zh)).toBeTruthy();
    expect(c.getAllByRole('listitem')).toHaveLength(1);
    // At the top: before every other part of the pane.
    const sections = [...document.querySelectorAll('main section')];
    expect(sections[0]).toBe(card());
    fireEvent.click(c.getByRole('button', { name: '一键修复 J58：改为“绩效创新型”' }));
    expect(await c.findByText('已修复 J58')).toBeTruthy();
    expect(fake.calls.applyFix).toEqual([[SEED_FINDINGS[0]]]);
  });

  test('a merged cell or a block shows every finding inside it; problems before 待填写', async () => {
    const pending: Finding = {
      ruleId: 'indicator-required',
      severity: 'error',
      section: 'annual',
      cells: ['F57'],
      message: { zh: '预期值未填写', en: 'Target not filled in' },
      incomplete: true,
    };
    const fake = fakeApi(checkResult([pending, ...SEED_FINDINGS]));
    renderPane({ api: fake.api, lang: 'en' });
    await screen.findByText(SEED_FINDINGS[0].message.en);
    fake.select('E57:F57');
    const c = within(card()!);
    expect(c.getByRole('heading', { name: 'Selected cell E57:F57' })).toBeTruthy();
    const listed = c.getAllByRole('listitem');
    expect(listed.map((li) => li.getAttribute('data-rule'))).toEqual([
      'indicator-unit',
      'indicator-required',
    ]);
    expect(listed[1].textContent).toContain('To fill in');
  });

  test('no card for a cell without findings, another sheet, whole rows, or after the fix', async () => {
    const fake = fakeApi();
    renderPane({ api: fake.api });
    await screen.findByText(SEED_FINDINGS[0].message.zh);
    fake.select('A1');
    expect(card()).toBeNull();
    fake.select('C7');
    expect(card()).not.toBeNull();
    fake.select(null);
    expect(card()).toBeNull();
    fake.select('7:7');
    expect(card()).toBeNull();
    fake.select('J58');
    expect(card()).not.toBeNull();
    // The finding is gone after a re-check: so is the card.
    fake.emit(checkResult(SEED_FINDINGS.slice(1), 1_700_000_000_900));
    expect(card()).toBeNull();
  });

  test('no card for the cell the pane itself selected (the finding is in view already)', async () => {
    const fake = fakeApi();
    renderPane({ api: fake.api });
    const message = await screen.findByText(SEED_FINDINGS[5].message.zh);
    fireEvent.click(message.closest('button')!);
    await waitFor(() => expect(fake.calls.selectCell).toEqual([['C10']]));
    fake.select('C10:D10'); // Excel reports the merged area the pane's selection took in
    expect(card()).toBeNull();
    // The user selecting the cell again in Excel gets the card.
    fake.select('C10:D10');
    expect(within(card()!).getByText(SEED_FINDINGS[5].message.zh)).toBeTruthy();
  });

  test('unmount unsubscribes', async () => {
    const fake = fakeApi();
    const view = renderPane({ api: fake.api });
    await screen.findByText(SEED_FINDINGS[0].message.zh);
    view.unmount();
    expect(fake.selectionListeners.size).toBe(0);
  });
});

describe('live results', () => {
  test('subscription updates the list; unmount unsubscribes', async () => {
    const fake = fakeApi(checkResult([], 1));
    const view = renderPane({ api: fake.api });
    expect(await screen.findByText('未发现问题')).toBeTruthy();
    expect(fake.listeners.size).toBe(1);

    fake.emit(checkResult([SEED_FINDINGS[2]], 2));
    expect(screen.getByText(SEED_FINDINGS[2].message.zh, verbatim)).toBeTruthy();
    expect(screen.getByRole('group', { name: '错误 0 个，警告 1 个，提示 0 个' })).toBeTruthy();

    fake.emit(checkResult([], 3));
    expect(screen.queryByText(SEED_FINDINGS[2].message.zh, verbatim)).toBeNull();
    expect(screen.getByText('未发现问题')).toBeTruthy();

    view.unmount();
    expect(fake.listeners.size).toBe(0);
  });

  test('an older result arriving late does not overwrite a newer one', async () => {
    const fake = fakeApi(checkResult([], 1));
    renderPane({ api: fake.api });
    await screen.findByText('未发现问题');
    fake.emit(checkResult([SEED_FINDINGS[0]], 10));
    fake.emit(checkResult([], 5));
    expect(screen.getByText(SEED_FINDINGS[0].message.zh)).toBeTruthy();
  });

  test('counts are announced politely once results settle, not on every edit', async () => {
    const fake = fakeApi(checkResult([], 1));
    renderPane({ api: fake.api, announceDelayMs: 50 });
    const live = screen.getByRole('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(live.textContent).toBe('检查完成：错误 0 个，警告 0 个，提示 0 个'));
    // A burst of edits: only the last state is announced.
    fake.emit(checkResult([SEED_FINDINGS[1]], 2));
    fake.emit(checkResult([SEED_FINDINGS[1], SEED_FINDINGS[2]], 3));
    fake.emit(checkResult([SEED_FINDINGS[0], SEED_FINDINGS[1]], 4));
    expect(live.textContent).toBe('检查完成：错误 0 个，警告 0 个，提示 0 个');
    await waitFor(() => expect(live.textContent).toBe('检查完成：错误 1 个，警告 1 个，提示 0 个'));
  });
});

describe('safety', () => {
  test('cell text is shown as text, never as HTML', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const finding: Finding = {
      ruleId: 'residue',
      severity: 'warning',
      section: 'functions',
      cells: ['A14'],
      message: { zh: `单元格含有残留标记：${evil}`, en: `Residue in the cell: ${evil}` },
      fix: { address: 'A14', value: '', label: { zh: `删除 ${evil}`, en: `Remove ${evil}` } },
    };
    const { api } = fakeApi(checkResult([finding]));
    const view = renderPane({ api });
    expect(await screen.findByText(`单元格含有残留标记：${evil}`)).toBeTruthy();
    expect(screen.getByText(`删除 ${evil}`)).toBeTruthy();
    expect(view.container.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });
});

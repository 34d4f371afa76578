/** @jest-environment jsdom */
/**
 * 导入 / 滚动到下一年 / 导出 in the pane, with the scripted AddinApi: every flow shows its preview
 * first, nothing is applied until the confirm button, and 取消 / Esc apply nothing.
 */
import {
  act,
  configure,
  fireEvent,
  getDefaultNormalizer,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { TextEncoder } from 'util';
import type { ImportPreview } from './api';
import { parseCsv } from './csv';
import {
  EXPORT_DATA,
  IMPORT_PREVIEW,
  ROLL_PREVIEW,
  checkResult,
  fakeApi,
  renderPane,
  type FakeApi,
} from './testing';

configure({ defaultHidden: true });

// Fluent's Textarea observes its size; jsdom has no ResizeObserver (browsers all do).
beforeAll(() => {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

/** A Blob's bytes (jsdom's Blob has no arrayBuffer(): read it as a browser of its time would). */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(blob);
  });
}

const verbatim = { normalizer: getDefaultNormalizer({ trim: false, collapseWhitespace: false }) };

function panel() {
  return within(screen.getByTestId('transfer-panel'));
}

async function open(fake: FakeApi, button: RegExp, dialogTestId: string) {
  renderPane({ api: fake.api, autoCheck: false });
  fireEvent.click(panel().getByRole('button', { name: button }));
  return within(await screen.findByTestId(dialogTestId));
}

describe('导入', () => {
  test('from the active sheet: preview lists what was found and not found; confirm imports', async () => {
    const fake = fakeApi();
    const dialog = await open(fake, /从当前工作表导入/, 'import-dialog');
    expect(dialog.getByText('导入预览')).toBeTruthy();
    expect(
      dialog.getByText('来源：工作表“Sheet1” · 长期绩效指标 40 行，年度绩效指标 40 行'),
    ).toBeTruthy();
    expect(dialog.getByText('识别到的预算年度：2024 年')).toBeTruthy();
    // Field label → value, as found (U+3000 kept), long values cut.
    const found = within(dialog.getByTestId('import-found'));
    const rows = found.getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['部门（单位）名称', '\u3000鄂州市商务局'],
      ['部门总体资金情况/收入构成/财政拨款/当年金额', '\u30008167.74'],
      ['部门总体资金情况/收入构成/财政专户管理资金/当年金额', '（空）'],
      ['年度工作任务', IMPORT_PREVIEW.fields[3].value],
    ]);
    expect(found.getByText('\u3000鄂州市商务局', verbatim)).toBeTruthy();
    expect(dialog.getByText('已找到（3 项）')).toBeTruthy();
    expect(dialog.getByText('未找到（1 项）')).toBeTruthy();
    expect(within(dialog.getByTestId('import-missing')).getByText('联系电话')).toBeTruthy();
    // The table scrolls by keyboard too.
    expect(dialog.getByRole('region', { name: '已找到（3 项）（可滚动）' }).tabIndex).toBe(0);
    // Nothing has been applied yet.
    expect(fake.calls.previewImportFromSheet).toHaveLength(1);
    expect(fake.calls.applyImport).toBeUndefined();

    fireEvent.click(dialog.getByRole('button', { name: '导入到新工作表' }));
    await waitFor(() => expect(screen.queryByTestId('import-dialog')).toBeNull());
    expect(fake.calls.applyImport).toEqual([['import-1', { year: 2024 }]]);
    expect(await panel().findByText('已将导入的内容填入新工作表“绩效目标表2024”')).toBeTruthy();
  });

  test('取消 and Esc close the preview without importing', async () => {
    const fake = fakeApi();
    let dialog = await open(fake, /从当前工作表导入/, 'import-dialog');
    fireEvent.click(dialog.getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByTestId('import-dialog')).toBeNull());
    fireEvent.click(panel().getByRole('button', { name: /从当前工作表导入/ }));
    dialog = within(await screen.findByTestId('import-dialog'));
    fireEvent.keyDown(dialog.getByRole('button', { name: '取消' }), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('import-dialog')).toBeNull());
    expect(fake.calls.applyImport).toBeUndefined();
  });

  test('pasted text: the text goes to the preview; a year not found is asked for', async () => {
    const fake = fakeApi();
    renderPane({ api: fake.api, autoCheck: false });
    const toggle = panel().getByRole('button', { name: /粘贴文本导入/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const preview = panel().getByRole('button', { name: /预览导入/ });
    fireEvent.click(preview); // nothing pasted yet: nothing happens
    expect(fake.calls.previewImportFromText).toBeUndefined();
    const area = panel().getByRole('textbox', { name: /粘贴去年表格的文本/ });
    const text = '\t部门（单位）\n名称\n\t\u3000鄂州市商务局\n\n';
    fireEvent.change(area, { target: { value: text } });
    fireEvent.click(preview);
    const dialog = within(await screen.findByTestId('import-dialog'));
    expect(fake.calls.previewImportFromText).toEqual([[text]]);
    expect(
      dialog.getByText('来源：粘贴的文本 · 长期绩效指标 40 行，年度绩效指标 40 行'),
    ).toBeTruthy();
    expect(dialog.getByText('未能识别预算年度，请确认下面的年份。')).toBeTruthy();
    const year = dialog.getByRole('spinbutton', { name: '预算年度' });
    fireEvent.change(year, { target: { value: '2023' } });
    fireEvent.blur(year);
    fireEvent.click(dialog.getByRole('button', { name: '导入到新工作表' }));
    await waitFor(() => expect(fake.calls.applyImport).toEqual([['import-2', { year: 2023 }]]));
    await waitFor(() => expect(screen.queryByTestId('import-dialog')).toBeNull());
    // A successful import empties the text box.
    expect((area as HTMLTextAreaElement).value).toBe('');
  });

  test('an invalid year disables the confirm button', async () => {
    const fake = fakeApi();
    const dialog = await open(fake, /从当前工作表导入/, 'import-dialog');
    const year = dialog.getByRole('spinbutton', { name: '预算年度' });
    fireEvent.change(year, { target: { value: '20' } });
    fireEvent.blur(year);
    const confirm = dialog.getByRole('button', { name: '导入到新工作表' });
    await waitFor(() => expect(confirm.getAttribute('aria-disabled')).toBe('true'));
    fireEvent.click(confirm);
    expect(fake.calls.applyImport).toBeUndefined();
  });

  test('nothing found: the message, no dialog', async () => {
    const nothing: ImportPreview = {
      ...IMPORT_PREVIEW,
      ok: false,
      id: '',
      fields: [],
      message: {
        zh: '工作表“Sheet1”中没有找到绩效目标表的标签（如“部门（单位）名称”“年度绩效指标”）。',
        en: 'No label of the goal table was found on the sheet "Sheet1".',
      },
    };
    const fake = fakeApi(checkResult(), { previewImportFromSheet: async () => nothing });
    renderPane({ api: fake.api, autoCheck: false });
    fireEvent.click(panel().getByRole('button', { name: /从当前工作表导入/ }));
    expect(await panel().findByText(nothing.message.zh)).toBeTruthy();
    expect(screen.queryByTestId('import-dialog')).toBeNull();
  });

  test('a failing host is reported, not thrown', async () => {
    const fake = fakeApi(checkResult(), {
      previewImportFromSheet: async () => {
        throw new Error('RichApi.Error: busy');
      },
    });
    renderPane({ api: fake.api, autoCheck: false });
    fireEvent.click(panel().getByRole('button', { name: /从当前工作表导入/ }));
    expect(await panel().findByText('操作未完成：RichApi.Error: busy')).toBeTruthy();
  });
});

describe('滚动到下一年', () => {
  test('preview: 位置 / 原值 / 新值 with counts; confirm creates the new form', async () => {
    const fake = fakeApi();
    const dialog = await open(fake, /滚动到下一年/, 'roll-dialog');
    expect(dialog.getByText('滚动到下一年：2024 → 2025')).toBeTruthy();
    expect(dialog.getByTestId('roll-counts').textContent).toBe(
      '共 4 处变化：2 处移动，2 处清空待填',
    );
    expect(
      dialog.getByText('原工作表“绩效目标表2024”保持不变；新表插入到新工作表“绩效目标表2025”。'),
    ).toBeTruthy();
    const table = within(dialog.getByTestId('roll-changes'));
    expect(table.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      '位置',
      '原值',
      '新值',
    ]);
    const rows = table.getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['预算年度', '2024', '2025'],
      ['部门总体资金情况/支出构成/人员类项目支出/2024年金额', '1774.61\u3000', '1546.73'],
      ['部门总体资金情况/支出构成/人员类项目支出/当年金额（2025年）', '1546.73', '（空）'],
      ['年度绩效指标/完成外贸进出口亿元人民币/预期当年实现值', '64.57亿元人民币', '（空）'],
    ]);
    expect(fake.calls.applyRollForward).toBeUndefined();
    fireEvent.click(dialog.getByRole('button', { name: '生成 2025 年度新表' }));
    await waitFor(() => expect(fake.calls.applyRollForward).toEqual([['roll-1']]));
    await waitFor(() => expect(screen.queryByTestId('roll-dialog')).toBeNull());
    expect(await panel().findByText('已生成 2025 年度的新工作表“绩效目标表2025”')).toBeTruthy();
  });

  test('while the new form is being created the dialog stays and cannot be applied twice', async () => {
    let finish: (v: { ok: boolean; message: { zh: string; en: string } }) => void = () => {};
    const fake = fakeApi(checkResult(), {
      applyRollForward: () =>
        new Promise((resolve) => {
          finish = resolve;
        }),
    });
    const dialog = await open(fake, /滚动到下一年/, 'roll-dialog');
    const confirm = dialog.getByRole('button', { name: '生成 2025 年度新表' });
    fireEvent.click(confirm);
    await waitFor(() => expect(confirm.getAttribute('aria-disabled')).toBe('true'));
    fireEvent.click(confirm);
    fireEvent.keyDown(confirm, { key: 'Escape' });
    expect(screen.getByTestId('roll-dialog')).toBeTruthy();
    expect(fake.calls.applyRollForward).toHaveLength(1);
    await act(async () => finish({ ok: true, message: { zh: '好了', en: 'Done' } }));
    await waitFor(() => expect(screen.queryByTestId('roll-dialog')).toBeNull());
  });

  test('no form on the active sheet: the host’s message', async () => {
    const fake = fakeApi(checkResult(), {
      previewRollForward: async () => ({
        ...ROLL_PREVIEW,
        ok: false,
        id: '',
        changes: [],
        message: {
          zh: '当前工作表“Sheet1”中没有部门整体绩效目标表。',
          en: 'The active worksheet "Sheet1" holds no performance goal table.',
        },
      }),
    });
    renderPane({ api: fake.api, autoCheck: false });
    fireEvent.click(panel().getByRole('button', { name: /滚动到下一年/ }));
    expect(await panel().findByText('当前工作表“Sheet1”中没有部门整体绩效目标表。')).toBeTruthy();
    expect(screen.queryByTestId('roll-dialog')).toBeNull();
  });
});

describe('导出', () => {
  const realCreate = URL.createObjectURL;
  const realRevoke = URL.revokeObjectURL;
  afterEach(() => {
    URL.createObjectURL = realCreate;
    URL.revokeObjectURL = realRevoke;
    jest.restoreAllMocks();
    delete (navigator as { clipboard?: unknown }).clipboard;
  });

  test('previews the first CSV rows, then downloads the file made in the pane', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:pane/1';
    });
    URL.revokeObjectURL = jest.fn();
    const clicked: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    const fake = fakeApi();
    const dialog = await open(fake, /导出数据/, 'export-dialog');
    const table = within(dialog.getByTestId('export-csv-preview'));
    expect(table.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(
      parseCsv(EXPORT_DATA.csv)[0],
    );
    expect(table.getAllByRole('columnheader')[0].textContent).toBe('表'); // no BOM shown
    const rows = table.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    // A quoted field with a comma is one cell.
    expect(within(rows[2]).getAllByRole('cell')[3].textContent).toBe('消费券使用客户满意度,线上');
    expect(table.getByText('前 3 行，共 3 行')).toBeTruthy();

    fireEvent.click(dialog.getByRole('button', { name: /下载 CSV 文件/ }));
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('绩效目标表2024.csv');
    expect(clicked[0].href).toBe('blob:pane/1');
    expect(clicked[0].isConnected).toBe(false); // the link is removed again
    expect(blobs[0].type).toBe('text/csv;charset=utf-8');
    // UTF-8 with its byte-order mark, so Excel opens the Chinese right.
    expect([...(await bytesOf(blobs[0]))]).toEqual([...new TextEncoder().encode(EXPORT_DATA.csv)]);
    expect([...(await bytesOf(blobs[0])).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(dialog.getByTestId('export-status').textContent).toBe(
      '已开始下载“绩效目标表2024.csv”。',
    );
  });

  test('JSON: preview of its lines, download as .json, copy to the clipboard', async () => {
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const fake = fakeApi();
    const dialog = await open(fake, /导出数据/, 'export-dialog');
    fireEvent.click(dialog.getByRole('radio', { name: 'JSON' }));
    const pre = dialog.getByTestId('export-json-preview');
    expect(pre.textContent).toBe(EXPORT_DATA.json.trimEnd());
    expect(dialog.getByText('前 9 行，共 9 行')).toBeTruthy();
    fireEvent.click(dialog.getByRole('button', { name: '复制到剪贴板' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(EXPORT_DATA.json));
    expect(await dialog.findByText('已将 JSON 复制到剪贴板。')).toBeTruthy();
    fireEvent.click(dialog.getByRole('radio', { name: 'CSV' }));
    fireEvent.click(dialog.getByRole('button', { name: '复制到剪贴板' }));
    // Pasted text gets no byte-order mark.
    await waitFor(() =>
      expect(writeText).toHaveBeenLastCalledWith(EXPORT_DATA.csv.replace(/^\uFEFF/, '')),
    );
    fireEvent.click(dialog.getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.queryByTestId('export-dialog')).toBeNull());
  });

  test('without a clipboard it says to download instead', async () => {
    const execCommand = jest.fn(() => false);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    const fake = fakeApi();
    const dialog = await open(fake, /导出数据/, 'export-dialog');
    fireEvent.click(dialog.getByRole('button', { name: '复制到剪贴板' }));
    expect(await dialog.findByText('无法访问剪贴板，请改用下载。')).toBeTruthy();
    expect(execCommand).toHaveBeenCalledWith('copy');
    delete (document as { execCommand?: unknown }).execCommand;
  });
});

test('English', async () => {
  const fake = fakeApi();
  renderPane({ api: fake.api, lang: 'en', autoCheck: false });
  expect(panel().getByRole('heading', { name: 'Import, roll forward, export' })).toBeTruthy();
  fireEvent.click(panel().getByRole('button', { name: /Roll forward to next year/ }));
  const dialog = within(await screen.findByTestId('roll-dialog'));
  expect(dialog.getByText('Roll forward: 2024 → 2025')).toBeTruthy();
  expect(dialog.getByText('Funding/Expenditure/Personnel/2024')).toBeTruthy();
  expect(dialog.getByTestId('roll-counts').textContent).toBe(
    '4 changes: 2 moved, 2 cleared for you to fill in',
  );
  fireEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(screen.queryByTestId('roll-dialog')).toBeNull());
  fireEvent.click(panel().getByRole('button', { name: /Import from the active sheet/ }));
  const imp = within(await screen.findByTestId('import-dialog'));
  expect(imp.getByText('Department (unit) name')).toBeTruthy();
  expect(imp.getByRole('button', { name: 'Import into a new sheet' })).toBeTruthy();
  expect(fake.calls.applyRollForward).toBeUndefined();
});

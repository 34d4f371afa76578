/**
 * The playground's own words (the task pane has its own in src/taskpane/i18n.ts). Chinese by
 * default; ?lang=en switches both the playground and the pane to English.
 */
import type { Lang } from '../taskpane/api';

export interface PlaygroundStrings {
  banner: string;
  bannerOther: string;
  help: string;
  otherLanguage: string;
  otherLanguageHref: string;
  toolbarLabel: string;
  insertRows: string;
  insertRowsTitle: string;
  deleteRows: string;
  deleteRowsTitle: string;
  undo: string;
  undoTitle: string;
  loadSample: string;
  loadSampleTitle: string;
  nameBox: string;
  formulaBar: string;
  gridLabel: string;
  editorLabel: (address: string) => string;
  sheetTabs: string;
  paneLabel: string;
  working: string;
  nothingToUndo: string;
  dismiss: string;
  badAddress: (text: string) => string;
}

const zh: PlaygroundStrings = {
  banner: '演示环境：模拟工作簿，并非真正的 Excel',
  bannerOther: 'Playground: simulated workbook, not real Excel',
  help:
    '右侧是真实的任务窗格。先点“插入模板”，再点“载入示例”或直接在表格中输入：单击选择，直接打字，' +
    'Enter/Tab 确认，Esc 取消，Delete 清除，Ctrl+V 粘贴，Ctrl+Z 撤销。',
  otherLanguage: 'English',
  otherLanguageHref: '?lang=en',
  toolbarLabel: '工作表操作',
  insertRows: '插入行',
  insertRowsTitle: '在选中行的上方插入同样多的行（如同右键行号 → 插入）',
  deleteRows: '删除行',
  deleteRowsTitle: '删除选中的行（如同右键行号 → 删除）',
  undo: '撤销',
  undoTitle: '撤销上一次编辑（Ctrl+Z）',
  loadSample: '载入示例：鄂州市商务局 2024',
  loadSampleTitle:
    '把示例表（鄂州市商务局 2024 年度）的内容逐格输入、成块粘贴到当前工作表的目标表中',
  nameBox: '名称框',
  formulaBar: '编辑栏',
  gridLabel: '模拟工作表',
  editorLabel: (a) => `单元格 ${a}`,
  sheetTabs: '工作表',
  paneLabel: '任务窗格',
  working: '正在处理…',
  nothingToUndo: '没有可撤销的操作。',
  dismiss: '关闭',
  badAddress: (t) => `“${t}”不是有效的单元格地址。`,
};

const en: PlaygroundStrings = {
  banner: 'Playground: simulated workbook, not real Excel',
  bannerOther: '演示环境：模拟工作簿，并非真正的 Excel',
  help:
    'The real task pane is on the right. Click “Insert form”, then “Load sample” or type into ' +
    'the grid: click to select, type, Enter/Tab to commit, Esc to cancel, Delete to clear, ' +
    'Ctrl+V to paste, Ctrl+Z to undo.',
  otherLanguage: '中文',
  otherLanguageHref: '?lang=zh',
  toolbarLabel: 'Sheet actions',
  insertRows: 'Insert rows',
  insertRowsTitle: 'Insert as many rows above the selection as are selected (row header → Insert)',
  deleteRows: 'Delete rows',
  deleteRowsTitle: 'Delete the selected rows (row header → Delete)',
  undo: 'Undo',
  undoTitle: 'Undo the last edit (Ctrl+Z)',
  loadSample: 'Load sample: 鄂州市商务局 2024',
  loadSampleTitle:
    "Types and pastes the sample form (鄂州市商务局, budget year 2024) into the active sheet's form",
  nameBox: 'Name box',
  formulaBar: 'Formula bar',
  gridLabel: 'Simulated worksheet',
  editorLabel: (a) => `Cell ${a}`,
  sheetTabs: 'Sheets',
  paneLabel: 'Task pane',
  working: 'Working…',
  nothingToUndo: 'Nothing to undo.',
  dismiss: 'Dismiss',
  badAddress: (t) => `"${t}" is not a valid cell address.`,
};

export function playgroundStrings(lang: Lang): PlaygroundStrings {
  return lang === 'en' ? en : zh;
}

/** ?lang=en → 'en'; anything else → 'zh'. */
export function langFromSearch(search: string): Lang {
  const v = new URLSearchParams(search).get('lang');
  return v && v.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/**
 * Task pane entry: waits for Office.js, then renders <App /> (inside Fluent UI's provider) over
 * the Excel host (src/excel). 任务窗格入口：Office.js 就绪后，在 Excel 宿主之上渲染 <App />。
 *
 * Instead of a blank pane, it says what is wrong when Office.js could not be loaded (e.g. the
 * CDN is blocked on an intranet), when the page is opened outside Excel, or when this Excel is
 * too old for the add-in (ExcelApi 1.9, see manifest.xml).
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { createAddinHost } from '../excel';
import App from './App';
import { detectLanguage } from './i18n';
import { paneTheme } from './theme';

const REQUIRED_EXCEL_API = '1.9';

function mount(): HTMLElement {
  const root = document.getElementById('root');
  if (root) return root;
  const div = document.createElement('div');
  div.id = 'root';
  document.body.appendChild(div);
  return div;
}

function showProblem(container: HTMLElement, zh: string, en: string): void {
  container.textContent = '';
  for (const text of [zh, en]) {
    const p = document.createElement('p');
    p.textContent = text;
    container.appendChild(p);
  }
  container.setAttribute('role', 'alert');
}

const container = mount();

if (typeof Office === 'undefined') {
  showProblem(
    container,
    '无法加载 Office.js：网络可能无法访问 Microsoft 的 CDN。请让管理员用 OFFICE_JS=local 重新构建加载项。',
    'Office.js could not be loaded: Microsoft’s CDN may be unreachable. Ask your administrator to rebuild the add-in with OFFICE_JS=local.',
  );
} else {
  Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel || typeof Excel === 'undefined') {
      showProblem(
        container,
        '此页面是 Excel 加载项的任务窗格，请在 Excel 中打开（开始 → 打开绩效目标表）。',
        'This page is the task pane of an Excel add-in: open it in Excel (Home → Open goal table).',
      );
      return;
    }
    if (!Office.context.requirements.isSetSupported('ExcelApi', REQUIRED_EXCEL_API)) {
      showProblem(
        container,
        `此 Excel 版本不支持 ExcelApi ${REQUIRED_EXCEL_API}，请升级到 Microsoft 365 或 Excel 2021 及以上版本，或使用 Excel 网页版。`,
        `This Excel does not support ExcelApi ${REQUIRED_EXCEL_API}: use Microsoft 365, Excel 2021 or later, or Excel on the web.`,
      );
      return;
    }
    const api = createAddinHost(Excel);
    createRoot(container).render(
      <FluentProvider theme={paneTheme}>
        <App api={api} lang={detectLanguage(Office.context.displayLanguage)} />
      </FluentProvider>,
    );
  });
}

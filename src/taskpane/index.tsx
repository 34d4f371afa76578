/**
 * Task pane entry: waits for Office.js, then renders <App /> inside Fluent UI's provider.
 * 任务窗格入口：等待 Office.js 就绪后渲染 <App />。
 *
 * If Office.js could not be loaded (e.g. the CDN is blocked on an intranet), the pane says so
 * and how to fix it instead of staying blank.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { createAddinHost } from '../excel';
import App from './App';
import { detectLanguage } from './i18n';
import { paneTheme } from './theme';

function mount(): HTMLElement {
  const root = document.getElementById('root');
  if (root) return root;
  const div = document.createElement('div');
  div.id = 'root';
  document.body.appendChild(div);
  return div;
}

function showOfficeJsMissing(container: HTMLElement): void {
  container.textContent = '';
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent =
    '无法加载 Office.js：网络可能无法访问 Microsoft 的 CDN。请让管理员用 OFFICE_JS=local 重新构建加载项。' +
    ' / Office.js could not be loaded: Microsoft’s CDN may be unreachable. Ask your administrator to rebuild the add-in with OFFICE_JS=local.';
  container.appendChild(p);
}

const container = mount();

if (typeof Office === 'undefined') {
  showOfficeJsMissing(container);
} else {
  Office.onReady(() => {
    createRoot(container).render(
      <FluentProvider theme={paneTheme}>
        <App api={createAddinHost(Excel)} lang={detectLanguage(Office.context.displayLanguage)} />
      </FluentProvider>,
    );
  });
}

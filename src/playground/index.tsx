/**
 * Playground entry: a fake Excel workbook, the real Excel adapter over it, and the page with the
 * simulated grid beside the real task pane. No Office.js and no network: everything runs in the
 * page. ?lang=en shows the playground and the pane in English.
 *
 * For tests and curious users, `window.pgtPlayground` holds the fake Excel and the host;
 * `await pgtPlayground.settle()` waits until every event was delivered and every live check done.
 */
import { FluentProvider } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { createAddinHost } from '../excel';
import { createFakeExcel } from '../fake-excel';
import { paneTheme } from '../taskpane/theme';
import { Playground } from './Playground';
import { langFromSearch } from './strings';

declare global {
  interface Window {
    pgtPlayground?: {
      fake: ReturnType<typeof createFakeExcel>;
      host: ReturnType<typeof createAddinHost>;
      settle: () => Promise<void>;
    };
  }
}

const lang = langFromSearch(window.location.search);
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
document.title =
  lang === 'zh'
    ? '演示环境 · 部门整体绩效目标表（模拟工作簿）'
    : 'Playground · Department performance goal table (simulated workbook)';

// A new workbook as Excel in Chinese opens it: one sheet, 等线 11.
const fake = createFakeExcel({ sheets: ['Sheet1'], defaultFont: { name: '等线', size: 11 } });
const host = createAddinHost(fake.Excel, {
  onError: (e) => console.error('加载项实时检查出错 / live check failed:', e),
});

window.pgtPlayground = {
  fake,
  host,
  async settle() {
    for (let i = 0; i < 5; i++) {
      await fake.settle();
      await host.idle();
    }
  },
};

const container =
  document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
createRoot(container).render(
  <FluentProvider theme={paneTheme} style={{ height: '100%' }}>
    <Playground fake={fake} api={host} lang={lang} />
  </FluentProvider>,
);

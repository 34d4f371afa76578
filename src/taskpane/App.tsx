/**
 * The task pane: header with what the add-in sees, the findings of the cell selected in Excel,
 * 插入模板, 导入/滚动/导出, 指标行, 检查结果.
 * 任务窗格：状态、所选单元格的问题、插入模板、导入与导出、指标行、检查结果。
 *
 * It talks to its host only through the AddinApi it is given (Excel in the add-in, the fake
 * Excel in the playground and tests) and never calls Office.js itself. Every call is async; a
 * button is disabled only while its own operation runs, so typing in Excel is never blocked.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '../core/rules/types';
import type { AddinApi, CheckResult, InsertOptions, Lang, OperationResult } from './api';
import { findingsAt, selectionCovers } from './findings';
import { FindingsPanel } from './FindingsPanel';
import { messages } from './i18n';
import { InsertPanel } from './InsertPanel';
import { ResultMessage, type Notice } from './ResultMessage';
import { RowTools } from './RowTools';
import { SelectionCard } from './SelectionCard';
import { StatusBar } from './StatusBar';
import { TransferPanel, type TransferHandlers } from './TransferPanel';
import { FONT_STACK } from './theme';
import { errorText } from './useAsync';

export interface AppProps {
  api: AddinApi;
  /** Chinese by default; see detectLanguage() in i18n.ts. */
  lang?: Lang;
  /** Check the active sheet once on mount, so the pane says at once what it sees (default true). */
  autoCheck?: boolean;
  /** Quiet time before counts are announced to screen readers after results change. */
  announceDelayMs?: number;
}

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100%',
    width: '100%',
    minWidth: '280px',
    fontFamily: FONT_STACK,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  main: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export default function App({
  api,
  lang = 'zh',
  autoCheck = true,
  announceDelayMs = 700,
}: AppProps) {
  const styles = useStyles();
  const t = messages(lang);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [loading, setLoading] = useState(autoCheck);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** The cells selected in Excel on the checked sheet (null: elsewhere or unknown). */
  const [selection, setSelection] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState({ text: '', nonce: 0 });
  const resultRef = useRef<CheckResult | null>(null);
  const mounted = useRef(true);
  const forceAnnounce = useRef(false);
  const lastAnnounced = useRef('');
  const tRef = useRef(t);

  useEffect(() => {
    tRef.current = t;
  }, [t]);

  /** Keeps the newest result: a slower, older check never overwrites a newer one. */
  const accept = useCallback((r: CheckResult) => {
    if (!mounted.current) return;
    const current = resultRef.current;
    if (current && r.at < current.at) return;
    resultRef.current = r;
    setResult(r);
  }, []);

  useEffect(() => {
    mounted.current = true;
    const unsubscribe = api.subscribe(accept);
    if (autoCheck) {
      setLoading(true);
      api
        .checkAll()
        .then(accept, (e: unknown) => {
          if (mounted.current) {
            setNotice({ ok: false, text: tRef.current.operationFailed(errorText(e)) });
          }
        })
        .finally(() => {
          if (mounted.current) setLoading(false);
        });
    }
    return () => {
      mounted.current = false;
      unsubscribe();
    };
  }, [api, autoCheck, accept]);

  /** The cell the pane itself just selected (a finding was clicked): no card for that one. */
  const paneSelected = useRef<string | null>(null);
  useEffect(
    () =>
      api.subscribeSelection((address) => {
        const own = paneSelected.current;
        paneSelected.current = null;
        // The user already sees that finding in the list; a card appearing above would move it.
        setSelection(own && address && selectionCovers(address, own) ? null : address);
      }),
    [api],
  );
  const selected = useMemo(
    () => findingsAt(result?.findings ?? [], selection),
    [result, selection],
  );

  // Screen readers hear the counts once results have settled, not on every keystroke.
  useEffect(() => {
    if (!result) return;
    const text = t.announceChecked(result.counts);
    const timer = setTimeout(() => {
      if (text === lastAnnounced.current && !forceAnnounce.current) return;
      forceAnnounce.current = false;
      lastAnnounced.current = text;
      setAnnouncement((prev) => ({ text, nonce: prev.nonce + 1 }));
    }, announceDelayMs);
    return () => clearTimeout(timer);
  }, [result, t, announceDelayMs]);

  /**
   * After an operation that changes the sheet: the host's live check usually reports through
   * subscribe; if nothing arrived meanwhile, ask for a check so the pane is never stale.
   */
  const refreshUnlessReported = useCallback(
    (before: number) => {
      if ((resultRef.current?.at ?? 0) > before) return;
      api.checkAll().then(accept, () => undefined);
    },
    [api, accept],
  );

  const afterChange = useCallback(
    async (op: () => Promise<OperationResult>): Promise<OperationResult> => {
      const before = resultRef.current?.at ?? 0;
      const r = await op();
      if (r.ok) refreshUnlessReported(before);
      return r;
    },
    [refreshUnlessReported],
  );

  const handlers = useMemo(
    () => ({
      insert: (options: InsertOptions) => afterChange(() => api.insertForm(options)),
      addRow: () => afterChange(() => api.addIndicatorRow()),
      deleteRow: () => afterChange(() => api.deleteIndicatorRow()),
      repair: () => afterChange(() => api.repairNames()),
      fix: (finding: Finding) => afterChange(() => api.applyFix(finding)),
      exportFindings: () => api.exportFindings(),
      clearMarks: () => api.clearMarks(),
      checkAll: async () => {
        forceAnnounce.current = true;
        accept(await api.checkAll());
      },
    }),
    [api, accept, afterChange],
  );

  const transfer = useMemo<TransferHandlers>(
    () => ({
      previewImportFromSheet: () => api.previewImportFromSheet(),
      previewImportFromText: (text) => api.previewImportFromText(text),
      applyImport: (id, options) => afterChange(() => api.applyImport(id, options)),
      previewRollForward: () => api.previewRollForward(),
      applyRollForward: (id) => afterChange(() => api.applyRollForward(id)),
      exportData: () => api.exportData(),
    }),
    [api, afterChange],
  );

  const select = useCallback(
    (address: string) => {
      paneSelected.current = address;
      api.selectCell(address).catch((e: unknown) => {
        if (mounted.current) setNotice({ ok: false, text: t.operationFailed(errorText(e)) });
      });
    },
    [api, t],
  );

  return (
    <div className={styles.root} lang={lang === 'zh' ? 'zh-CN' : 'en'} data-testid="taskpane">
      <StatusBar t={t} lang={lang} result={result} loading={loading} onRepair={handlers.repair} />
      <main className={styles.main}>
        {selection && selected.length > 0 && (
          <SelectionCard
            address={selection}
            findings={selected}
            t={t}
            lang={lang}
            onSelect={select}
            onFix={handlers.fix}
          />
        )}
        <ResultMessage notice={notice} onDismiss={() => setNotice(null)} t={t} />
        <InsertPanel t={t} lang={lang} onInsert={handlers.insert} />
        <TransferPanel t={t} lang={lang} handlers={transfer} />
        <RowTools t={t} lang={lang} onAdd={handlers.addRow} onDelete={handlers.deleteRow} />
        <FindingsPanel
          t={t}
          lang={lang}
          result={result}
          onCheckAll={handlers.checkAll}
          onExport={handlers.exportFindings}
          onClearMarks={handlers.clearMarks}
          onSelect={select}
          onFix={handlers.fix}
        />
      </main>
      <div className={styles.visuallyHidden} role="status" aria-live="polite" aria-atomic="true">
        <span key={announcement.nonce}>{announcement.text}</span>
      </div>
    </div>
  );
}

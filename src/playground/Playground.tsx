/**
 * The playground page: a banner saying it is a simulation, a toolbar, the formula bar, the
 * simulated worksheet with its sheet tabs, and on the right the real task pane (<App />,
 * unchanged) talking to the real Excel adapter over the fake Excel.
 *
 * Everything a person does in the grid goes through FakeUser (fake.user), so the add-in receives
 * the same events as in Excel. The grid re-renders when the workbook model reports a change
 * (at most once per animation frame), and only the rows that changed.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import {
  ArrowUndo16Regular,
  DocumentTable16Regular,
  TableDeleteRow16Regular,
  TableInsertRow16Regular,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatRect, type Rect } from '../fake-excel/addressing';
import type { FakeExcel } from '../fake-excel';
import type { AddinApi, Lang } from '../taskpane/api';
import App from '../taskpane/App';
import { FONT_STACK } from '../taskpane/theme';
import { areaOf, contentText, formatClipboard, parseClipboard, step } from './editing';
import { FormulaBar } from './FormulaBar';
import { Grid, type EditState } from './Grid';
import { loadSample } from './sample';
import { SheetTabs } from './SheetTabs';
import { playgroundStrings } from './strings';
import { buildSheetView, extentOf, reuseRows, type SheetView } from './view';

export interface PlaygroundProps {
  fake: FakeExcel;
  /** The add-in's host (createAddinHost(fake.Excel)); the pane and 载入示例 use it. */
  api: AddinApi;
  lang: Lang;
  /** Width of the task pane in px (Excel's default is about 350–400). */
  paneWidth?: number;
}

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    fontFamily: FONT_STACK,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  banner: {
    display: 'flex',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    columnGap: '12px',
    padding: '6px 12px',
    backgroundColor: '#FFF4CE',
    borderBottom: '1px solid #E8D48A',
    color: '#4A3B00',
    fontSize: tokens.fontSizeBase200,
  },
  bannerTitle: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  bannerOther: { color: '#6B5A1E' },
  help: { flexBasis: '100%', color: '#5C4D12' },
  langLink: { marginLeft: 'auto', color: tokens.colorBrandForegroundLink },
  body: { display: 'flex', flex: 1, minHeight: 0 },
  workbook: { display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 },
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: '6px',
    padding: '6px 8px',
    borderBottom: '1px solid #E0E0E0',
    backgroundColor: '#F7F7F7',
  },
  notice: {
    marginLeft: '8px',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    maxWidth: '60ch',
  },
  noticeError: { color: tokens.colorPaletteRedForeground1 },
  pane: {
    flex: 'none',
    overflowY: 'auto',
    borderLeft: '1px solid #D0D0D0',
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/** Re-renders on model changes, at most once per frame; selection changes counted apart. */
function useWorkbookVersion(fake: FakeExcel): { content: number; selection: number } {
  const [v, setV] = useState({ content: 0, selection: 0 });
  useEffect(() => {
    let content = false;
    let selection = false;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      frame = 0;
      timer = undefined;
      const dc = content ? 1 : 0;
      const ds = selection ? 1 : 0;
      content = false;
      selection = false;
      if (dc || ds) setV((s) => ({ content: s.content + dc, selection: s.selection + ds }));
    };
    const off = fake.workbook.onChange((c) => {
      if (c.type === 'selectionChanged') selection = true;
      else content = true;
      if (!frame) {
        frame = requestAnimationFrame(flush);
        // Frames pause in background tabs; changes still show when the tab comes back.
        timer = setTimeout(flush, 200);
      }
    });
    return () => {
      off();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [fake]);
  return v;
}

type Notice = { text: string; error: boolean } | null;

export function Playground({ fake, api, lang, paneWidth = 380 }: PlaygroundProps) {
  const styles = useStyles();
  const s = playgroundStrings(lang);
  const model = fake.workbook;
  const version = useWorkbookVersion(fake);
  const [editing, setEditingState] = useState<EditState | null>(null);
  const editingRef = useRef<EditState | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const focusGrid = useRef<(() => void) | null>(null);
  const lastSelection = useRef(new Map<string, string>());
  const prevView = useRef<SheetView | null>(null);

  const sheet = model.sheet(model.activeSheetId);
  const selection: Rect =
    model.selection.sheetId === sheet.id
      ? model.selection.rect
      : { row: 0, col: 0, rowCount: 1, colCount: 1 };
  const extent = extentOf(model, sheet);

  const view = useMemo(() => {
    const next = reuseRows(prevView.current, buildSheetView(model, sheet, extent));
    prevView.current = next;
    return next;
    // The model is mutable: `version.content` says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version.content, sheet.id, extent.rows, extent.cols]);

  useEffect(() => {
    lastSelection.current.set(sheet.id, formatRect(selection));
  });

  const setEditing = useCallback((e: EditState | null) => {
    editingRef.current = e;
    setEditingState(e);
  }, []);

  // An edit belongs to one sheet and cell: switching sheets (e.g. the add-in inserted one)
  // or the add-in moving the selection cancels it, as Excel does.
  useEffect(() => {
    const e = editingRef.current;
    if (
      e &&
      (e.row !== areaOf(view.merges, selection.row, selection.col).row ||
        e.col !== areaOf(view.merges, selection.row, selection.col).col)
    )
      setEditing(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sheet.id, selection.row, selection.col]);

  const say = useCallback(
    (text: string | { zh: string; en: string } | null, error = false) => {
      if (text === null) setNotice(null);
      else setNotice({ text: typeof text === 'string' ? text : text[lang], error });
    },
    [lang],
  );

  const select = useCallback(
    (rect: Rect) => {
      const sh = model.sheet(model.activeSheetId);
      fake.user.select(sh.name, formatRect(rect));
    },
    [fake, model],
  );

  const contentOf = useCallback(
    (row: number, col: number) => {
      const sh = model.sheet(model.activeSheetId);
      const c = model.snapshotCell(sh, row, col);
      return contentText(c.value, c.formula, c.numberFormat);
    },
    [model],
  );

  const commit = useCallback(
    (edit: EditState, move: { dRow: number; dCol: number } | null) => {
      const cur = editingRef.current;
      if (!cur || cur.row !== edit.row || cur.col !== edit.col || cur.where !== edit.where) return;
      setEditing(null);
      const sh = model.sheet(model.activeSheetId);
      const address = formatRect({ row: cur.row, col: cur.col, rowCount: 1, colCount: 1 });
      const r = fake.user.type(sh.name, address, cur.text);
      if (!r.ok) say(r.message, true);
      else if (r.warning) say(r.warning);
      else say(null);
      if (move) {
        const ex = extentOf(model, sh);
        select(step(sh.merges, cur.row, cur.col, move.dRow, move.dCol, ex));
      }
    },
    [fake, model, say, select, setEditing],
  );

  const onClear = useCallback(
    (rect: Rect) => {
      const sh = model.sheet(model.activeSheetId);
      const r = fake.user.clear(sh.name, formatRect(rect));
      if (!r.ok) say(r.message, true);
    },
    [fake, model, say],
  );

  const onPaste = useCallback(
    (at: Rect, text: string) => {
      const rows = parseClipboard(text);
      if (rows.length === 0) return;
      const sh = model.sheet(model.activeSheetId);
      const topLeft = formatRect({ row: at.row, col: at.col, rowCount: 1, colCount: 1 });
      const r = fake.user.paste(sh.name, topLeft, rows);
      if (!r.ok) {
        say(r.message, true);
        return;
      }
      say(null);
      const cols = Math.max(...rows.map((x) => x.length));
      select({ row: at.row, col: at.col, rowCount: rows.length, colCount: cols });
    },
    [fake, model, say, select],
  );

  const copyText = useCallback(
    (rect: Rect) => {
      const sh = model.sheet(model.activeSheetId);
      const ex = extentOf(model, sh);
      const rows: string[][] = [];
      for (let r = rect.row; r < Math.min(rect.row + rect.rowCount, ex.rows); r++) {
        const row: string[] = [];
        for (let c = rect.col; c < Math.min(rect.col + rect.colCount, ex.cols); c++)
          row.push(model.text(sh, r, c));
        rows.push(row);
      }
      return formatClipboard(rows);
    },
    [model],
  );

  const current = useCallback(() => {
    const sh = model.sheet(model.activeSheetId);
    const ex = extentOf(model, sh);
    return {
      selection:
        model.selection.sheetId === sh.id
          ? model.selection.rect
          : { row: 0, col: 0, rowCount: 1, colCount: 1 },
      merges: sh.merges,
      rows: ex.rows,
      cols: ex.cols,
    };
  }, [model]);

  const undo = useCallback(() => {
    setEditing(null);
    if (!fake.user.undoLast()) say(s.nothingToUndo);
    else say(null);
  }, [fake, say, s, setEditing]);

  const rowsOp = (kind: 'insert' | 'delete') => {
    const sh = model.sheet(model.activeSheetId);
    const rect = model.selection.rect;
    if (rect.rowCount > 10_000) {
      say(
        {
          zh: '请先选中要插入或删除的行。',
          en: 'Select the rows to insert or delete first.',
        },
        true,
      );
      return;
    }
    setEditing(null);
    const r =
      kind === 'insert'
        ? fake.user.insertRows(sh.name, rect.row + 1, rect.rowCount)
        : fake.user.deleteRows(sh.name, rect.row + 1, rect.rowCount);
    if (!r.ok) say(r.message, true);
    else {
      // Excel keeps the selection where it was: on the inserted rows, or on the rows that
      // moved up into the deleted ones' place.
      fake.user.select(sh.name, formatRect(rect));
      say(null);
    }
    focusGrid.current?.();
  };

  const runSample = async () => {
    setEditing(null);
    setBusy(true);
    say(s.working);
    try {
      const r = await loadSample(fake, api, undefined, { onProgress: (m) => say(m) });
      say(r.message, !r.ok);
    } finally {
      setBusy(false);
    }
  };

  const goTo = useCallback(
    (text: string) => {
      const sh = model.sheet(model.activeSheetId);
      try {
        const { rect } = model.resolveAddress(text.toUpperCase(), sh);
        select(rect);
        return true;
      } catch {
        say(s.badAddress(text), true);
        return false;
      }
    },
    [model, s, say, select],
  );

  const switchSheet = useCallback(
    (id: string) => {
      const target = model.sheet(id);
      if (target.id === model.activeSheetId) return;
      setEditing(null);
      fake.user.select(target.name, lastSelection.current.get(target.id) ?? 'A1');
      focusGrid.current?.();
    },
    [fake, model, setEditing],
  );

  const active = areaOf(view.merges, selection.row, selection.col);
  const activeAddress = formatRect({ row: active.row, col: active.col, rowCount: 1, colCount: 1 });
  // Recomputed on content or selection changes (the version numbers re-render this component).
  const content = contentOf(active.row, active.col);
  const sheets = model.sheets
    .filter((x) => x.visibility === 'Visible')
    .map((x) => ({ id: x.id, name: x.name }));

  return (
    <div className={styles.page} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className={styles.banner} role="note" data-testid="simulation-banner">
        <span className={styles.bannerTitle}>{s.banner}</span>
        <span className={styles.bannerOther} lang={lang === 'zh' ? 'en' : 'zh-CN'}>
          {s.bannerOther}
        </span>
        <a className={styles.langLink} href={s.otherLanguageHref}>
          {s.otherLanguage}
        </a>
        <span className={styles.help}>{s.help}</span>
      </header>
      <div className={styles.body}>
        <div className={styles.workbook}>
          <div className={styles.toolbar} role="toolbar" aria-label={s.toolbarLabel}>
            <Button
              size="small"
              icon={<TableInsertRow16Regular />}
              title={s.insertRowsTitle}
              onClick={() => rowsOp('insert')}
            >
              {s.insertRows}
            </Button>
            <Button
              size="small"
              icon={<TableDeleteRow16Regular />}
              title={s.deleteRowsTitle}
              onClick={() => rowsOp('delete')}
            >
              {s.deleteRows}
            </Button>
            <Button
              size="small"
              icon={<ArrowUndo16Regular />}
              title={s.undoTitle}
              disabledFocusable={fake.user.undoDepth === 0}
              onClick={undo}
            >
              {s.undo}
            </Button>
            <Button
              size="small"
              appearance="primary"
              icon={<DocumentTable16Regular />}
              title={s.loadSampleTitle}
              disabledFocusable={busy}
              onClick={() => void runSample()}
            >
              {s.loadSample}
            </Button>
            {notice && (
              <span
                className={`${styles.notice} ${notice.error ? styles.noticeError : ''}`}
                role={notice.error ? 'alert' : 'status'}
                data-testid="playground-notice"
                title={notice.text}
              >
                {notice.text}
              </span>
            )}
          </div>
          <FormulaBar
            strings={s}
            address={activeAddress}
            row={active.row}
            col={active.col}
            content={content}
            editing={editing}
            onEditChange={setEditing}
            onCommit={commit}
            onGoTo={goTo}
            focusGrid={() => focusGrid.current?.()}
          />
          <Grid
            view={view}
            selection={selection}
            editing={editing}
            strings={s}
            onSelect={select}
            onEditChange={setEditing}
            onCommit={commit}
            contentOf={contentOf}
            onClear={onClear}
            onPaste={onPaste}
            copyText={copyText}
            onUndo={undo}
            focusRef={focusGrid}
            current={current}
          />
          <SheetTabs
            label={s.sheetTabs}
            sheets={sheets}
            activeId={sheet.id}
            onSelect={switchSheet}
          />
        </div>
        <aside className={styles.pane} style={{ width: paneWidth }} aria-label={s.paneLabel}>
          <App api={api} lang={lang} />
        </aside>
      </div>
    </div>
  );
}

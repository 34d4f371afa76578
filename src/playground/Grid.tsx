/**
 * The simulated worksheet: column letters, row numbers and the cells of a SheetView, with
 * Excel's selection and in-cell editing. Every cell element carries `data-address` (its A1
 * address; a merged area carries its top-left address), so tests can drive the grid.
 *
 * Keyboard and mouse: click selects (Shift+click and dragging extend), typing starts editing
 * (IME input included: a hidden text area keeps the focus), double-click or F2 edits the
 * content, Enter / Tab commit and move, Esc cancels, Delete clears, arrows move (Shift extends),
 * Ctrl+V pastes Excel's tab-separated text, Ctrl+C copies, Ctrl+Z undoes.
 *
 * Edits are not applied here: they are reported through the callbacks, which use FakeUser.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useRef, type CSSProperties } from 'react';
import { formatRect, type Rect } from '../fake-excel/addressing';
import { areaOf, spanning, step } from './editing';
import type { PlaygroundStrings } from './strings';
import { columnName, type CellView, type Edge, type RowView, type SheetView } from './view';

export const HEADER_HEIGHT = 22;
export const ROW_HEADER_WIDTH = 44;
const SELECTION_COLOR = '#107C41';

/** What is being edited in the grid (or in the formula bar). */
export interface EditState {
  row: number;
  col: number;
  text: string;
  /** 'enter': started by typing (arrows commit and move); 'edit': F2 / double-click. */
  mode: 'enter' | 'edit';
  /** Where the text is being typed. */
  where: 'cell' | 'formulaBar';
}

export interface GridProps {
  view: SheetView;
  selection: Rect;
  editing: EditState | null;
  strings: PlaygroundStrings;
  onSelect: (rect: Rect) => void;
  onEditChange: (edit: EditState | null) => void;
  /** Commits the edit; then moves by (dRow, dCol) when given. */
  onCommit: (edit: EditState, move: { dRow: number; dCol: number } | null) => void;
  /** F2 / double-click: the text to start from. */
  contentOf: (row: number, col: number) => string;
  onClear: (rect: Rect) => void;
  onPaste: (at: Rect, text: string) => void;
  copyText: (rect: Rect) => string;
  onUndo: () => void;
  /** Receives the focus target, so the formula bar can give the focus back. */
  focusRef: React.MutableRefObject<(() => void) | null>;
  /**
   * The workbook's selection and merged areas right now. Key and mouse handlers use these, not
   * the rendered props: the grid re-renders on the next frame, a fast typist is quicker.
   */
  current: () => { selection: Rect; merges: readonly Rect[]; rows: number; cols: number };
}

function shadow(edges: {
  right: Edge | null;
  bottom: Edge | null;
  top: Edge | null;
  left: Edge | null;
}) {
  const parts: string[] = [];
  if (edges.right) parts.push(`inset -${edges.right.width}px 0 0 ${edges.right.color}`);
  if (edges.bottom) parts.push(`inset 0 -${edges.bottom.width}px 0 ${edges.bottom.color}`);
  if (edges.top) parts.push(`inset 0 ${edges.top.width}px 0 ${edges.top.color}`);
  if (edges.left) parts.push(`inset ${edges.left.width}px 0 0 ${edges.left.color}`);
  return parts.length ? parts.join(', ') : undefined;
}

const JUSTIFY: Record<CellView['vAlign'], CSSProperties['justifyContent']> = {
  top: 'flex-start',
  center: 'center',
  bottom: 'flex-end',
};

const Cell = memo(function Cell({ cell }: { cell: CellView }) {
  const inner: CSSProperties = {
    boxSizing: 'border-box',
    width: cell.width,
    height: cell.height,
    overflow: 'hidden',
    display: 'flex',
    flexDirection: 'column',
    justifyContent: JUSTIFY[cell.vAlign],
    padding: `0 ${3 + cell.indent * 9}px 0 ${3 + cell.indent * 9}px`,
    textAlign: cell.hAlign,
    whiteSpace: cell.wrap ? 'pre-wrap' : 'pre',
    overflowWrap: cell.wrap ? 'anywhere' : undefined,
    fontFamily: cell.fontFamily,
    fontSize: cell.fontSize,
    lineHeight: 1.25,
    fontWeight: cell.bold ? 700 : 400,
    fontStyle: cell.italic ? 'italic' : undefined,
    textDecoration:
      [cell.underline ? 'underline' : '', cell.strike ? 'line-through' : ''].join(' ').trim() ||
      undefined,
    color: cell.color,
    outline: cell.cfBorder
      ? `${cell.cfBorder.width}px ${cell.cfBorder.style} ${cell.cfBorder.color}`
      : undefined,
    outlineOffset: cell.cfBorder ? -cell.cfBorder.width : undefined,
  };
  return (
    <td
      data-address={cell.address}
      data-cf={cell.cf ? 'applied' : undefined}
      rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
      colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
      style={{
        padding: 0,
        backgroundColor: cell.fill ?? '#FFFFFF',
        boxShadow: shadow(cell),
        verticalAlign: 'top',
      }}
    >
      <div style={inner}>{cell.text}</div>
    </td>
  );
});

const headerStyle: CSSProperties = {
  position: 'sticky',
  boxSizing: 'border-box',
  padding: 0,
  fontWeight: 400,
  fontSize: 12,
  color: '#444',
  backgroundColor: '#F3F3F3',
  boxShadow: 'inset -1px -1px 0 #C8C8C8',
  textAlign: 'center',
  userSelect: 'none',
};
const headerSelected: CSSProperties = {
  backgroundColor: '#D3F0E0',
  color: '#0B5A2E',
  boxShadow: `inset -1px -2px 0 ${SELECTION_COLOR}`,
};

const Row = memo(function Row({ row, selected }: { row: RowView; selected: boolean }) {
  return (
    <tr style={{ height: row.height }}>
      <th
        scope="row"
        data-row={row.row + 1}
        style={{
          ...headerStyle,
          left: 0,
          zIndex: 2,
          ...(selected
            ? { ...headerSelected, boxShadow: `inset -2px -1px 0 ${SELECTION_COLOR}` }
            : {}),
        }}
      >
        {row.row + 1}
      </th>
      {row.cells.map((c) => (
        <Cell key={c.address} cell={c} />
      ))}
    </tr>
  );
});

/** Left/top (px, from the grid's corner) and size of a rectangle of cells. */
function boxOf(view: SheetView, rect: Rect) {
  const lastRow = Math.min(rect.row + rect.rowCount, view.rowCount);
  const lastCol = Math.min(rect.col + rect.colCount, view.colCount);
  let left = ROW_HEADER_WIDTH;
  for (let c = 0; c < rect.col && c < view.colCount; c++) left += view.colWidths[c];
  let top = HEADER_HEIGHT;
  for (let r = 0; r < rect.row && r < view.rowCount; r++) top += view.rows[r].height;
  let width = 0;
  for (let c = rect.col; c < lastCol; c++) width += view.colWidths[c];
  let height = 0;
  for (let r = rect.row; r < lastRow; r++) height += view.rows[r].height;
  return { left, top, width, height };
}

const ADDRESS_RE = /^([A-Z]+)(\d+)$/;
function cellFromAddress(address: string): { row: number; col: number } | null {
  const m = ADDRESS_RE.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function Grid(props: GridProps) {
  const { view, selection, editing, strings } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);
  const drag = useRef<{ anchor: Rect } | null>(null);
  /** The end of a Shift+arrow extension (the active cell stays the anchor). */
  const extentEnd = useRef<Rect | null>(null);
  const latest = useRef(props);
  latest.current = props;

  const active = areaOf(view.merges, selection.row, selection.col);
  const activeAddress = formatRect({ row: active.row, col: active.col, rowCount: 1, colCount: 1 });

  const focusEditor = useCallback(() => {
    editor.current?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    props.focusRef.current = focusEditor;
  }, [props.focusRef, focusEditor]);

  // Keep the active cell in view. A step off the edge scrolls just enough (arrow keys); a jump
  // to a cell far away (a finding clicked in the pane) puts it a third of the way down.
  const selKey = `${view.sheetId}|${selection.row}|${selection.col}`;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const box = boxOf(view, active);
    const top = el.scrollTop + HEADER_HEIGHT;
    const bottom = el.scrollTop + el.clientHeight;
    const height = Math.min(box.height, el.clientHeight - HEADER_HEIGHT);
    const far = box.top + box.height < top - 40 || box.top > bottom + 40;
    if (far)
      el.scrollTop = Math.max(0, box.top - HEADER_HEIGHT - (el.clientHeight - HEADER_HEIGHT) / 3);
    else if (box.top < top) el.scrollTop = box.top - HEADER_HEIGHT;
    else if (box.top + height > bottom) el.scrollTop = box.top + height - el.clientHeight;
    const left = el.scrollLeft + ROW_HEADER_WIDTH;
    const width = Math.min(box.width, el.clientWidth - ROW_HEADER_WIDTH);
    if (box.left < left) el.scrollLeft = box.left - ROW_HEADER_WIDTH;
    else if (box.left + width > el.scrollLeft + el.clientWidth)
      el.scrollLeft = box.left + width - el.clientWidth;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selKey]);

  const select = useCallback((rect: Rect) => {
    extentEnd.current = null;
    latest.current.onSelect(rect);
  }, []);

  const startEdit = useCallback((mode: EditState['mode'], text: string) => {
    const p = latest.current;
    const { selection: sel, merges } = p.current();
    const a = areaOf(merges, sel.row, sel.col);
    p.onEditChange({ row: a.row, col: a.col, text, mode, where: 'cell' });
  }, []);

  // Put the caret at the end when editing starts from F2 / double-click.
  const editKey = editing ? `${editing.row}|${editing.col}|${editing.mode}|${editing.where}` : '';
  useLayoutEffect(() => {
    const el = editor.current;
    if (!el || !editing || editing.where !== 'cell') return;
    if (document.activeElement !== el) el.focus({ preventScroll: true });
    if (editing.mode === 'edit') el.setSelectionRange(el.value.length, el.value.length);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editKey]);

  const cellAt = (target: EventTarget | null) => {
    const el = (target as HTMLElement | null)?.closest?.('td[data-address]') as HTMLElement | null;
    return el ? cellFromAddress(el.dataset.address ?? '') : null;
  };

  const onMouseDown = (e: React.MouseEvent) => {
    if (e.button !== 0) return;
    const target = e.target as HTMLElement;
    const p = latest.current;
    const commitPending = () => {
      if (p.editing) p.onCommit(p.editing, null);
    };
    const rowHeader = target.closest('th[data-row]') as HTMLElement | null;
    const colHeader = target.closest('th[data-col]') as HTMLElement | null;
    if (rowHeader || colHeader) {
      e.preventDefault();
      commitPending();
      const address = rowHeader
        ? `${rowHeader.dataset.row}:${rowHeader.dataset.row}`
        : `${colHeader!.dataset.col}:${colHeader!.dataset.col}`;
      const m = /^(\d+):/.exec(address);
      const rect: Rect = m
        ? { row: Number(m[1]) - 1, col: 0, rowCount: 1, colCount: 16384 }
        : {
            row: 0,
            col: cellFromAddress(`${colHeader!.dataset.col}1`)!.col,
            rowCount: 1048576,
            colCount: 1,
          };
      select(rect);
      focusEditor();
      return;
    }
    const cell = cellAt(e.target);
    if (!cell) return;
    e.preventDefault();
    const now = p.current();
    const area = areaOf(now.merges, cell.row, cell.col);
    if (p.editing && (p.editing.row !== area.row || p.editing.col !== area.col)) commitPending();
    else if (p.editing) {
      focusEditor();
      return;
    }
    if (e.shiftKey) {
      const anchor = areaOf(now.merges, now.selection.row, now.selection.col);
      latest.current.onSelect(spanning(now.merges, anchor, area));
    } else {
      select(area);
      drag.current = { anchor: area };
    }
    focusEditor();
  };

  const onMouseOver = (e: React.MouseEvent) => {
    if (!drag.current || (e.buttons & 1) === 0) {
      drag.current = null;
      return;
    }
    const cell = cellAt(e.target);
    if (!cell) return;
    const p = latest.current;
    const now = p.current();
    const area = areaOf(now.merges, cell.row, cell.col);
    const rect = spanning(now.merges, drag.current.anchor, area);
    const s = now.selection;
    if (
      rect.row !== s.row ||
      rect.col !== s.col ||
      rect.rowCount !== s.rowCount ||
      rect.colCount !== s.colCount
    )
      p.onSelect(rect);
  };

  useEffect(() => {
    const up = () => {
      drag.current = null;
    };
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  const onDoubleClick = (e: React.MouseEvent) => {
    const cell = cellAt(e.target);
    if (!cell) return;
    const p = latest.current;
    const area = areaOf(p.current().merges, cell.row, cell.col);
    p.onEditChange({
      row: area.row,
      col: area.col,
      text: p.contentOf(area.row, area.col),
      mode: 'edit',
      where: 'cell',
    });
  };

  const move = (dRow: number, dCol: number, extend: boolean) => {
    const now = latest.current.current();
    const limits = { rows: now.rows, cols: now.cols };
    const anchor = areaOf(now.merges, now.selection.row, now.selection.col);
    if (!extend) {
      select(step(now.merges, anchor.row, anchor.col, dRow, dCol, limits));
      return;
    }
    const from = extentEnd.current ?? anchor;
    const to = step(now.merges, from.row, from.col, dRow, dCol, limits);
    extentEnd.current = to;
    latest.current.onSelect(spanning(now.merges, anchor, to));
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    const p = latest.current;
    if (composing.current || e.nativeEvent.isComposing || e.keyCode === 229) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const ed = p.editing && p.editing.where === 'cell' ? p.editing : null;
    if (ed) {
      if (e.key === 'Enter' && e.altKey) {
        e.preventDefault();
        const el = e.currentTarget;
        const at = el.selectionStart ?? ed.text.length;
        const end = el.selectionEnd ?? at;
        const text = `${ed.text.slice(0, at)}\n${ed.text.slice(end)}`;
        p.onEditChange({ ...ed, text });
        requestAnimationFrame(() => el.setSelectionRange(at + 1, at + 1));
        return;
      }
      if (e.key === 'Enter') {
        e.preventDefault();
        p.onCommit(ed, { dRow: e.shiftKey ? -1 : 1, dCol: 0 });
        return;
      }
      if (e.key === 'Tab') {
        e.preventDefault();
        p.onCommit(ed, { dRow: 0, dCol: e.shiftKey ? -1 : 1 });
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        p.onEditChange(null);
        return;
      }
      if (ed.mode === 'enter' && e.key.startsWith('Arrow')) {
        e.preventDefault();
        const d = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[
          e.key
        ] as [number, number] | undefined;
        if (d) p.onCommit(ed, { dRow: d[0], dCol: d[1] });
        return;
      }
      if (e.key === 'F2') {
        e.preventDefault();
        p.onEditChange({ ...ed, mode: ed.mode === 'enter' ? 'edit' : 'enter' });
      }
      return;
    }
    // Not editing.
    const arrows: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (arrows[e.key]) {
      e.preventDefault();
      move(arrows[e.key][0], arrows[e.key][1], e.shiftKey);
      return;
    }
    if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      const back = e.shiftKey ? -1 : 1;
      move(e.key === 'Enter' ? back : 0, e.key === 'Tab' ? back : 0, false);
      return;
    }
    if (e.key === 'Delete') {
      e.preventDefault();
      p.onClear(p.current().selection);
      return;
    }
    if (e.key === 'Backspace') {
      e.preventDefault();
      startEdit('enter', '');
      return;
    }
    if (e.key === 'F2') {
      e.preventDefault();
      const now = p.current();
      const a = areaOf(now.merges, now.selection.row, now.selection.col);
      p.onEditChange({
        row: a.row,
        col: a.col,
        text: p.contentOf(a.row, a.col),
        mode: 'edit',
        where: 'cell',
      });
      return;
    }
    if (ctrl && (e.key === 'z' || e.key === 'Z')) {
      e.preventDefault();
      p.onUndo();
      return;
    }
    // Printable keys fall through to the text area; onChange starts editing.
  };

  const onChange = (e: React.ChangeEvent<HTMLTextAreaElement>) => {
    const p = latest.current;
    const text = e.target.value;
    if (p.editing && p.editing.where === 'cell') p.onEditChange({ ...p.editing, text });
    else if (text !== '') startEdit('enter', text);
  };

  const onPaste = (e: React.ClipboardEvent<HTMLTextAreaElement>) => {
    const p = latest.current;
    if (p.editing && p.editing.where === 'cell') return; // pasted into the edited text
    e.preventDefault();
    const text = e.clipboardData.getData('text/plain');
    if (text) p.onPaste(p.current().selection, text);
  };

  const onCopy = (e: React.ClipboardEvent<HTMLTextAreaElement>) => {
    const p = latest.current;
    if (p.editing && p.editing.where === 'cell') return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', p.copyText(p.current().selection));
  };

  // A selection that cuts a merged area shows the whole area (whole rows/columns stay as they are).
  const shown =
    selection.rowCount * selection.colCount <= 100_000
      ? spanning(view.merges, selection, selection)
      : selection;
  const selBox = boxOf(view, shown);
  const activeBox = boxOf(view, active);
  const editingHere =
    editing && editing.where === 'cell' && editing.row === active.row && editing.col === active.col;
  const editCell = editingHere
    ? view.rows[active.row]?.cells.find((c) => c.row === active.row && c.col === active.col)
    : undefined;
  const multi = selection.rowCount > 1 || selection.colCount > 1;
  const selectedCols = new Set<number>();
  for (let c = selection.col; c < Math.min(selection.col + selection.colCount, view.colCount); c++)
    selectedCols.add(c);
  const totalWidth = ROW_HEADER_WIDTH + view.colWidths.reduce((a, b) => a + b, 0);

  return (
    <div
      ref={scroller}
      data-testid="grid"
      style={{ position: 'relative', overflow: 'auto', flex: 1, minHeight: 0, background: '#FFF' }}
      onMouseDown={onMouseDown}
      onMouseOver={onMouseOver}
      onDoubleClick={onDoubleClick}
    >
      <table
        aria-label={strings.gridLabel}
        style={{
          tableLayout: 'fixed',
          borderCollapse: 'separate',
          borderSpacing: 0,
          width: totalWidth,
          cursor: 'cell',
        }}
      >
        <colgroup>
          <col style={{ width: ROW_HEADER_WIDTH }} />
          {view.colWidths.map((w, c) => (
            <col key={c} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr style={{ height: HEADER_HEIGHT }}>
            <th style={{ ...headerStyle, top: 0, left: 0, zIndex: 3 }} aria-hidden="true" />
            {view.colWidths.map((_, c) => (
              <th
                key={c}
                scope="col"
                data-col={columnName(c)}
                style={{
                  ...headerStyle,
                  top: 0,
                  zIndex: 2,
                  ...(selectedCols.has(c) ? headerSelected : {}),
                }}
              >
                {columnName(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <Row
              key={row.row}
              row={row}
              selected={row.row >= selection.row && row.row < selection.row + selection.rowCount}
            />
          ))}
        </tbody>
      </table>
      <div
        data-testid="selection"
        data-address={formatRect(selection)}
        aria-hidden="true"
        style={{
          position: 'absolute',
          left: selBox.left - 1,
          top: selBox.top - 1,
          width: selBox.width + 1,
          height: selBox.height + 1,
          border: `2px solid ${SELECTION_COLOR}`,
          boxSizing: 'border-box',
          background: multi ? 'rgba(16, 124, 65, 0.08)' : undefined,
          pointerEvents: 'none',
          zIndex: 1,
        }}
      />
      <textarea
        ref={editor}
        data-testid="cell-editor"
        aria-label={strings.editorLabel(activeAddress)}
        spellCheck={false}
        autoComplete="off"
        value={editingHere ? editing.text : ''}
        onChange={onChange}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onCopy={onCopy}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={() => {
          composing.current = false;
        }}
        style={
          editingHere
            ? {
                position: 'absolute',
                left: activeBox.left,
                top: activeBox.top,
                width: Math.max(activeBox.width, 120),
                minHeight: activeBox.height,
                height: Math.max(activeBox.height, 24),
                boxSizing: 'border-box',
                margin: 0,
                padding: '1px 3px',
                border: `2px solid ${SELECTION_COLOR}`,
                outline: 'none',
                resize: 'none',
                overflow: 'hidden',
                fontFamily: editCell?.fontFamily,
                fontSize: editCell?.fontSize ?? 14.7,
                lineHeight: 1.25,
                background: '#FFFFFF',
                color: '#000000',
                zIndex: 4,
              }
            : {
                position: 'absolute',
                left: activeBox.left,
                top: activeBox.top,
                width: 1,
                height: 1,
                padding: 0,
                border: 0,
                opacity: 0,
                resize: 'none',
                overflow: 'hidden',
                pointerEvents: 'none',
              }
        }
      />
    </div>
  );
}

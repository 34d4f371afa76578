/**
 * The name box (the active cell's address; type an address and press Enter to go there) and the
 * formula bar (the active cell's content; editing there commits like Excel: Enter commits and
 * moves down, Tab right, Alt+Enter breaks the line, Esc cancels).
 */
import { useEffect, useState, type CSSProperties } from 'react';
import type { EditState } from './Grid';
import type { PlaygroundStrings } from './strings';

export interface FormulaBarProps {
  strings: PlaygroundStrings;
  /** The active cell's address ('E7'). */
  address: string;
  /** The active cell (0-based). */
  row: number;
  col: number;
  /** What the active cell holds (formula or value as Excel shows it in the formula bar). */
  content: string;
  editing: EditState | null;
  onEditChange: (edit: EditState | null) => void;
  onCommit: (edit: EditState, move: { dRow: number; dCol: number } | null) => void;
  /** Goes to an address typed into the name box; false when it is not an address. */
  onGoTo: (address: string) => boolean;
  /** Gives the focus back to the grid. */
  focusGrid: () => void;
}

const box: CSSProperties = {
  boxSizing: 'border-box',
  height: 26,
  border: '1px solid #C8C8C8',
  borderRadius: 2,
  padding: '2px 6px',
  font: 'inherit',
  fontSize: 13,
  background: '#FFF',
  color: '#1F1F1F',
};

export function FormulaBar(props: FormulaBarProps) {
  const { strings, address, content, editing } = props;
  const [nameText, setNameText] = useState<string | null>(null);
  useEffect(() => setNameText(null), [address]);
  const barEditing = editing && editing.where === 'formulaBar' ? editing : null;
  const shown =
    editing && editing.row === props.row && editing.col === props.col ? editing.text : content;

  const start = (): EditState =>
    barEditing ?? {
      row: props.row,
      col: props.col,
      text:
        editing && editing.row === props.row && editing.col === props.col ? editing.text : content,
      mode: 'edit',
      where: 'formulaBar',
    };

  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 6,
        padding: '4px 8px',
        borderBottom: '1px solid #E0E0E0',
        background: '#FAFAFA',
      }}
    >
      <input
        data-testid="name-box"
        aria-label={strings.nameBox}
        value={nameText ?? address}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setNameText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (props.onGoTo((nameText ?? address).trim())) {
              setNameText(null);
              props.focusGrid();
            }
          } else if (e.key === 'Escape') {
            setNameText(null);
            props.focusGrid();
          }
        }}
        onBlur={() => setNameText(null)}
        style={{ ...box, width: 96, textAlign: 'center', fontFamily: 'Consolas, monospace' }}
      />
      <span aria-hidden="true" style={{ color: '#666', fontStyle: 'italic', padding: '0 4px' }}>
        fx
      </span>
      <textarea
        data-testid="formula-bar"
        aria-label={strings.formulaBar}
        rows={1}
        spellCheck={false}
        value={shown}
        onFocus={() => {
          if (!barEditing) props.onEditChange(start());
        }}
        onChange={(e) => props.onEditChange({ ...start(), text: e.target.value })}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing || e.keyCode === 229) return;
          const ed = start();
          if (e.key === 'Enter' && e.altKey) {
            e.preventDefault();
            const el = e.currentTarget;
            const at = el.selectionStart ?? ed.text.length;
            const end = el.selectionEnd ?? at;
            props.onEditChange({ ...ed, text: `${ed.text.slice(0, at)}\n${ed.text.slice(end)}` });
            requestAnimationFrame(() => el.setSelectionRange(at + 1, at + 1));
          } else if (e.key === 'Enter' || e.key === 'Tab') {
            e.preventDefault();
            const back = e.shiftKey ? -1 : 1;
            props.onCommit(
              ed,
              e.key === 'Enter' ? { dRow: back, dCol: 0 } : { dRow: 0, dCol: back },
            );
            props.focusGrid();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            props.onEditChange(null);
            props.focusGrid();
          }
        }}
        onBlur={() => {
          // Clicking elsewhere (but not Esc, which already ended the edit) keeps what was typed.
          if (barEditing) props.onCommit(barEditing, null);
        }}
        style={{
          ...box,
          flex: 1,
          resize: 'none',
          overflow: 'hidden',
          whiteSpace: 'pre',
          lineHeight: '20px',
          padding: '1px 6px',
        }}
      />
    </div>
  );
}

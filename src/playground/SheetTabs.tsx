/**
 * Sheet tabs under the grid: one per visible sheet, the active one raised. Clicking a tab
 * activates that sheet the way a person does (fires onActivated and onSelectionChanged); the
 * sheets the add-in inserts (the form, 问题清单) appear here as soon as they exist.
 */
import type { KeyboardEvent } from 'react';

export interface SheetTabsProps {
  label: string;
  sheets: { id: string; name: string }[];
  activeId: string;
  onSelect: (id: string) => void;
}

export function SheetTabs({ label, sheets, activeId, onSelect }: SheetTabsProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const i = sheets.findIndex((s) => s.id === activeId);
    const next = sheets[(i + (e.key === 'ArrowRight' ? 1 : sheets.length - 1)) % sheets.length];
    if (next) {
      e.preventDefault();
      onSelect(next.id);
      const el = e.currentTarget.querySelector<HTMLElement>(`[data-sheet-id="${next.id}"]`);
      el?.focus();
    }
  };
  return (
    <div
      role="tablist"
      aria-label={label}
      data-testid="sheet-tabs"
      onKeyDown={onKeyDown}
      style={{
        display: 'flex',
        alignItems: 'flex-start',
        gap: 2,
        padding: '0 8px',
        minHeight: 30,
        overflowX: 'auto',
        borderTop: '1px solid #D0D0D0',
        background: '#F0F0F0',
      }}
    >
      {sheets.map((s) => {
        const active = s.id === activeId;
        return (
          <button
            key={s.id}
            type="button"
            role="tab"
            aria-selected={active}
            tabIndex={active ? 0 : -1}
            data-sheet={s.name}
            data-sheet-id={s.id}
            onClick={() => onSelect(s.id)}
            style={{
              font: 'inherit',
              fontSize: 13,
              padding: '5px 14px',
              marginTop: active ? -1 : 0,
              border: '1px solid #C8C8C8',
              borderTop: active ? '1px solid #FFF' : '1px solid #C8C8C8',
              borderBottom: active ? '3px solid #107C41' : '1px solid #C8C8C8',
              borderRadius: '0 0 4px 4px',
              background: active ? '#FFFFFF' : '#E8E8E8',
              color: active ? '#0B5A2E' : '#333',
              fontWeight: active ? 600 : 400,
              cursor: 'pointer',
              whiteSpace: 'nowrap',
            }}
          >
            {s.name}
          </button>
        );
      })}
    </div>
  );
}

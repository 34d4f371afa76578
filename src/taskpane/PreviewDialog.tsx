/**
 * The shell of every preview: a modal Fluent Dialog (focus kept inside, Esc or 取消 closes it
 * without changing anything) and a scrollable table that the keyboard can scroll too.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { Messages } from './i18n';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(640px, calc(100vw - 16px))', padding: tokens.spacingHorizontalL },
  content: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  actions: { flexWrap: 'wrap', rowGap: tokens.spacingVerticalS },
  scroll: {
    maxHeight: '40vh',
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  caption: {
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground3,
  },
  th: {
    position: 'sticky',
    top: 0,
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    whiteSpace: 'nowrap',
  },
  td: {
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
});

export interface PreviewDialogProps {
  open: boolean;
  title: string;
  t: Messages;
  /** Closes without doing anything (Esc, 取消, or a click outside). Ignored while busy. */
  onDismiss: () => void;
  children: ReactNode;
  /** The button that makes the change; without it the dialog only has 关闭. */
  confirm?: { label: string; onConfirm: () => void; busy: boolean; disabled?: boolean };
  /** Further buttons before the primary one (download, copy). */
  actions?: ReactNode;
  testId?: string;
}

export function PreviewDialog({
  open,
  title,
  t,
  onDismiss,
  children,
  confirm,
  actions,
  testId,
}: PreviewDialogProps) {
  const styles = useStyles();
  const contentId = useId();
  const busy = confirm?.busy ?? false;
  return (
    <Dialog
      open={open}
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!data.open && !busy) onDismiss();
      }}
    >
      <DialogSurface className={styles.surface} aria-describedby={contentId} data-testid={testId}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent id={contentId} className={styles.content}>
            {children}
          </DialogContent>
          <DialogActions className={styles.actions}>
            {actions}
            {confirm && (
              <Button
                appearance="primary"
                icon={busy ? <Spinner size="tiny" /> : undefined}
                disabledFocusable={busy || confirm.disabled}
                onClick={() => {
                  if (!busy && !confirm.disabled) confirm.onConfirm();
                }}
              >
                {confirm.label}
              </Button>
            )}
            <Button appearance="secondary" disabledFocusable={busy} onClick={onDismiss}>
              {confirm ? t.cancel : t.close}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** A table in a scrollable region (reachable with Tab, scrolled with the arrow keys). */
export function ScrollTable({
  label,
  caption,
  columns,
  rows,
  t,
  testId,
}: {
  /** What the table holds, for screen readers. */
  label: string;
  /** Shown above the rows (e.g. '前 8 行，共 161 行'). */
  caption?: string;
  columns: string[];
  rows: ReactNode[][];
  t: Messages;
  testId?: string;
}) {
  const styles = useStyles();
  return (
    <div
      className={styles.scroll}
      role="region"
      aria-label={t.scrollRegion(label)}
      tabIndex={0}
      data-testid={testId}
    >
      <table className={styles.table}>
        {caption && <caption className={styles.caption}>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className={styles.th}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, i) => (
            <tr key={i}>
              {cells.map((c, j) => (
                <td key={j} className={styles.td}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

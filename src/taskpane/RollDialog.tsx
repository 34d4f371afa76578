/**
 * 滚动到下一年 preview: every change (位置 / 原值 / 新值) with counts, before the year-Y+1 form is
 * created on a new sheet. The old sheet is never changed.
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang, RollPreview } from './api';
import type { Messages } from './i18n';
import { PreviewDialog, ScrollTable } from './PreviewDialog';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  counts: { fontWeight: tokens.fontWeightSemibold },
});

export function RollDialog({
  preview,
  t,
  lang,
  busy,
  onConfirm,
  onDismiss,
}: {
  preview: RollPreview;
  t: Messages;
  lang: Lang;
  busy: boolean;
  onConfirm: () => void;
  onDismiss: () => void;
}) {
  const styles = useStyles();
  const empty = <span className={styles.muted}>{t.emptyValue}</span>;
  return (
    <PreviewDialog
      open
      title={t.rollDialogTitle(preview.fromYear, preview.toYear)}
      t={t}
      onDismiss={onDismiss}
      testId="roll-dialog"
      confirm={{ label: t.rollConfirm(preview.toYear), busy, onConfirm }}
    >
      <Text className={styles.counts} data-testid="roll-counts">
        {t.rollCounts(preview.counts)}
      </Text>
      <Text>{t.rollNote(preview.sheetName, preview.newSheetName)}</Text>
      <ScrollTable
        t={t}
        label={t.rollCounts(preview.counts)}
        columns={[t.colWhere, t.colFrom, t.colTo]}
        rows={preview.changes.map((c) => [
          c.where[lang],
          c.from === '' ? empty : c.from,
          c.to === '' ? empty : c.to,
        ])}
        testId="roll-changes"
      />
    </PreviewDialog>
  );
}

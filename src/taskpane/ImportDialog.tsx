/**
 * 导入预览: what the import found (field → its first 40 characters), the table sizes, what it
 * could not find and the budget year, before anything is written. 导入到新工作表 inserts the form.
 */
import {
  Field,
  MessageBar,
  MessageBarBody,
  SpinButton,
  Text,
  makeStyles,
  tokens,
  type SpinButtonOnChangeData,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ImportPreview, Lang } from './api';
import type { Messages } from './i18n';
import {
  MAX_BUDGET_YEAR,
  MIN_BUDGET_YEAR,
  defaultBudgetYear,
  parseBudgetYear,
} from './InsertPanel';
import { PreviewDialog, ScrollTable } from './PreviewDialog';

const useStyles = makeStyles({
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  missing: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  year: { width: '120px' },
});

export function ImportDialog({
  preview,
  t,
  lang,
  busy,
  onConfirm,
  onDismiss,
}: {
  preview: ImportPreview;
  t: Messages;
  lang: Lang;
  busy: boolean;
  onConfirm: (year: number) => void;
  onDismiss: () => void;
}) {
  const styles = useStyles();
  const [year, setYear] = useState<number | null>(preview.year ?? defaultBudgetYear());
  const [yearText, setYearText] = useState<string | null>(null);
  const onYearChange = (_: unknown, data: SpinButtonOnChangeData) => {
    if (data.value !== undefined && data.value !== null) {
      setYear(Math.min(MAX_BUDGET_YEAR, Math.max(MIN_BUDGET_YEAR, Math.round(data.value))));
      setYearText(null);
    } else {
      const text = data.displayValue ?? '';
      setYear(parseBudgetYear(text));
      setYearText(text);
    }
  };
  const found = preview.fields.filter((f) => f.value !== '').length;
  return (
    <PreviewDialog
      open
      title={t.importDialogTitle}
      t={t}
      onDismiss={onDismiss}
      testId="import-dialog"
      confirm={{
        label: t.importConfirm,
        busy,
        disabled: year === null,
        onConfirm: () => {
          if (year !== null) onConfirm(year);
        },
      }}
    >
      <Text>{preview.message[lang]}</Text>
      <Text className={styles.muted}>
        {t.importSource(preview.source.kind, preview.source.name)}
        {' · '}
        {t.importTables(preview.tables.longTerm, preview.tables.annual)}
      </Text>
      {preview.year === null ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t.importYearMissing}</MessageBarBody>
        </MessageBar>
      ) : (
        <Text>{t.importYearFound(preview.year)}</Text>
      )}
      <h3 className={styles.heading}>{t.foundHeading(found)}</h3>
      <ScrollTable
        t={t}
        label={t.foundHeading(found)}
        columns={[t.colField, t.colContent]}
        rows={preview.fields.map((f) => [
          f.label[lang],
          f.value === '' ? <span className={styles.muted}>{t.emptyValue}</span> : f.value,
        ])}
        testId="import-found"
      />
      <h3 className={styles.heading}>{t.missingHeading(preview.missing.length)}</h3>
      {preview.missing.length ? (
        <ul className={styles.missing} data-testid="import-missing">
          {preview.missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : (
        <Text className={styles.muted}>{t.nothingMissing}</Text>
      )}
      <Text size={200} className={styles.muted}>
        {t.importNote}
      </Text>
      <Field
        label={t.budgetYear}
        validationState={year === null ? 'error' : 'none'}
        validationMessage={
          year === null ? t.budgetYearInvalid(MIN_BUDGET_YEAR, MAX_BUDGET_YEAR) : undefined
        }
      >
        <SpinButton
          className={styles.year}
          value={year}
          displayValue={yearText ?? undefined}
          min={MIN_BUDGET_YEAR}
          max={MAX_BUDGET_YEAR}
          onChange={onYearChange}
        />
      </Field>
    </PreviewDialog>
  );
}

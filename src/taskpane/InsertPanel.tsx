/** 插入模板: budget year, 预填共性指标, and the primary button. */
import {
  Button,
  Checkbox,
  Field,
  SpinButton,
  Spinner,
  makeStyles,
  tokens,
  type SpinButtonOnChangeData,
} from '@fluentui/react-components';
import { TableAdd20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { InsertOptions, OperationResult } from './api';
import type { Lang, Messages } from './i18n';
import { ResultMessage, noticeFrom, type Notice } from './ResultMessage';
import { Section } from './Section';
import { useOperation } from './useAsync';

export const MIN_BUDGET_YEAR = 2000;
export const MAX_BUDGET_YEAR = 2099;

/** Next calendar year: budgets are prepared the year before. */
export function defaultBudgetYear(now: Date = new Date()): number {
  return Math.min(MAX_BUDGET_YEAR, Math.max(MIN_BUDGET_YEAR, now.getFullYear() + 1));
}

/** A typed year, or null when it is not a whole year in range. Full-width digits are accepted. */
export function parseBudgetYear(text: string): number | null {
  const ascii = text.trim().replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  if (!/^\d{4}$/.test(ascii)) return null;
  const year = Number(ascii);
  return year >= MIN_BUDGET_YEAR && year <= MAX_BUDGET_YEAR ? year : null;
}

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  year: { width: '120px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function InsertPanel({
  t,
  lang,
  onInsert,
  initialYear,
}: {
  t: Messages;
  lang: Lang;
  onInsert: (options: InsertOptions) => Promise<OperationResult>;
  initialYear?: number;
}) {
  const styles = useStyles();
  const [year, setYear] = useState<number | null>(initialYear ?? defaultBudgetYear());
  const [yearText, setYearText] = useState<string | null>(null);
  const [common, setCommon] = useState(true);
  const [notice, setNotice] = useState<Notice | null>(null);
  const insert = useOperation(onInsert);

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

  const submit = async () => {
    if (year === null) return;
    setNotice(null);
    const outcome = await insert.run({ year, common });
    if (outcome) setNotice(noticeFrom(outcome, lang, t));
  };

  const invalid = year === null;
  return (
    <Section title={t.insertTitle} icon={<TableAdd20Regular />} testId="insert-panel">
      <div className={styles.row}>
        <Field
          label={t.budgetYear}
          validationState={invalid ? 'error' : 'none'}
          validationMessage={
            invalid ? t.budgetYearInvalid(MIN_BUDGET_YEAR, MAX_BUDGET_YEAR) : undefined
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
        <Checkbox
          checked={common}
          onChange={(_, data) => setCommon(data.checked === true)}
          label={t.prefillCommon}
          title={t.prefillCommonHint}
        />
      </div>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={insert.busy ? <Spinner size="tiny" /> : <TableAdd20Regular />}
          disabledFocusable={insert.busy || invalid}
          onClick={() => void submit()}
        >
          {t.insertButton}
        </Button>
      </div>
      <ResultMessage notice={notice} onDismiss={() => setNotice(null)} t={t} />
    </Section>
  );
}

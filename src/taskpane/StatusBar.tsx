/**
 * The pane's header: product name and one compact line saying what the add-in sees in the
 * workbook (no form / the form and its year / damaged names, with 修复名称 / several forms).
 */
import { Button, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircle16Filled,
  DocumentTable20Filled,
  Info16Filled,
  Warning16Filled,
  Wrench16Regular,
} from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import type { CheckResult, OperationResult } from './api';
import type { Lang, Messages } from './i18n';
import { ResultMessage, noticeFrom, type Notice } from './ResultMessage';
import { useOperation } from './useAsync';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  brand: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  mark: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
    width: '32px',
    height: '32px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  subtitle: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  status: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    minHeight: '28px',
  },
  ok: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorNeutralForeground1 },
  damaged: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    color: tokens.colorNeutralForeground1,
  },
  part: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  okIcon: { color: tokens.colorBrandForeground1, flexShrink: 0 },
  warnIcon: { color: tokens.colorStatusWarningForeground3, flexShrink: 0 },
  infoIcon: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  sep: { color: tokens.colorNeutralForeground3 },
  repair: { marginLeft: 'auto' },
});

export function StatusBar({
  t,
  lang,
  result,
  loading,
  onRepair,
}: {
  t: Messages;
  lang: Lang;
  result: CheckResult | null;
  loading: boolean;
  onRepair: () => Promise<OperationResult>;
}) {
  const styles = useStyles();
  const [notice, setNotice] = useState<Notice | null>(null);
  const repair = useOperation(onRepair);

  const doRepair = async () => {
    setNotice(null);
    const outcome = await repair.run();
    if (outcome) setNotice(noticeFrom(outcome, lang, t));
  };

  const status = result?.status;
  const sheets = status?.formSheets ?? [];
  let tone: 'neutral' | 'ok' | 'damaged' = 'neutral';
  let line: ReactNode;
  if (!status) {
    line = loading ? (
      <span className={styles.part}>
        <Spinner size="extra-tiny" aria-hidden="true" />
        {t.statusLoading}
      </span>
    ) : (
      <span className={styles.part}>
        <Info16Filled aria-hidden="true" className={styles.infoIcon} />
        {t.statusNotChecked}
      </span>
    );
  } else if (status.kind === 'noForm') {
    line = (
      <>
        <span className={styles.part}>
          <Info16Filled aria-hidden="true" className={styles.infoIcon} />
          {sheets.length === 0 || !status.sheetName
            ? t.statusNoForm
            : t.statusNoFormHere(status.sheetName)}
        </span>
        {sheets.length > 0 && (
          <span className={styles.part} title={sheets.join('、')}>
            <span className={styles.sep} aria-hidden="true">
              ·
            </span>
            {t.statusFormSheets(sheets.length)}
          </span>
        )}
      </>
    );
  } else {
    tone = status.kind === 'ok' ? 'ok' : 'damaged';
    line = (
      <>
        <span className={styles.part}>
          {status.kind === 'ok' ? (
            <CheckmarkCircle16Filled aria-hidden="true" className={styles.okIcon} />
          ) : (
            <Warning16Filled aria-hidden="true" className={styles.warnIcon} />
          )}
          {t.statusOk(status.sheetName, status.year)}
        </span>
        {status.kind === 'damaged' && (
          <span className={styles.part} title={status.missingNames.join(', ')}>
            <span className={styles.sep} aria-hidden="true">
              ·
            </span>
            {t.statusMissingNames(status.missingNames.length, status.canRepair)}
          </span>
        )}
        {sheets.length > 1 && (
          <span className={styles.part} title={sheets.join('、')}>
            <span className={styles.sep} aria-hidden="true">
              ·
            </span>
            {t.statusFormSheets(sheets.length)}
          </span>
        )}
        {status.kind === 'damaged' && status.canRepair && (
          <Button
            className={styles.repair}
            size="small"
            appearance="primary"
            icon={repair.busy ? <Spinner size="extra-tiny" /> : <Wrench16Regular />}
            disabledFocusable={repair.busy}
            aria-label={t.repairNamesAria(status.missingNames.length)}
            onClick={() => void doRepair()}
          >
            {t.repairNames}
          </Button>
        )}
      </>
    );
  }

  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <span className={styles.mark} aria-hidden="true">
          <DocumentTable20Filled />
        </span>
        <div className={styles.titles}>
          <h1 className={styles.title}>{t.productName}</h1>
          <span className={styles.subtitle}>{t.productSubtitle}</span>
        </div>
      </div>
      <div
        className={mergeClasses(
          styles.status,
          tone === 'ok' && styles.ok,
          tone === 'damaged' && styles.damaged,
        )}
        role="group"
        aria-label={t.statusLabel}
        data-testid="status-line"
        data-kind={status?.kind ?? 'unknown'}
      >
        {line}
      </div>
      <ResultMessage notice={notice} onDismiss={() => setNotice(null)} t={t} />
    </header>
  );
}

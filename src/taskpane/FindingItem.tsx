/**
 * One finding: severity (icon + word; 待填写 for a finding that only says "not filled in yet"), its
 * cell(s), its message; pressing it (click, Enter or Space) takes the user to its first cell;
 * 一键修复 applies its fix. Message and fix label are rendered as text, never as HTML.
 */
import {
  Button,
  Spinner,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { Wrench16Regular } from '@fluentui/react-icons';
import type { Finding } from '../core/rules/types';
import { findingKeys } from './findings';
import type { Lang, Messages } from './i18n';
import { IncompleteTag, SeverityTag } from './Severity';
import { useOperation } from './useAsync';

/** How many addresses are spelled out before “等 N 个单元格”. */
const MAX_CELLS_SHOWN = 3;

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '3px',
    overflow: 'hidden',
  },
  error: { borderLeftColor: tokens.colorStatusDangerForeground1 },
  warning: { borderLeftColor: tokens.colorStatusWarningForeground3 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  incomplete: { borderLeftColor: tokens.colorNeutralStroke1 },
  select: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    width: '100%',
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    background: 'none',
    textAlign: 'start',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
  },
  noCell: { cursor: 'default', ':hover': { backgroundColor: 'transparent' } },
  top: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
  },
  cells: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  message: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  fixRow: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    minWidth: 0,
  },
  fixLabel: {
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
});

interface ItemHandlers {
  t: Messages;
  lang: Lang;
  onSelect: (address: string) => void;
  onFix: (finding: Finding) => Promise<void>;
}

/** A labelled list of findings, each keyed so it keeps its focus when others come and go. */
export function FindingList({
  findings,
  label,
  ...handlers
}: ItemHandlers & { findings: readonly Finding[]; label: string }) {
  const styles = useStyles();
  const keys = findingKeys(findings);
  return (
    <ul role="list" className={styles.list} aria-label={label}>
      {findings.map((f, i) => (
        <FindingItem key={keys[i]} finding={f} {...handlers} />
      ))}
    </ul>
  );
}

/** 'E7、E8、E9 等 5 个单元格' — the addresses a finding is about, shortened. */
export function cellsText(cells: readonly string[], t: Messages, lang: Lang): string {
  if (cells.length === 0) return t.noCell;
  const sep = lang === 'zh' ? '、' : ', ';
  const shown = cells.slice(0, MAX_CELLS_SHOWN).join(sep);
  return cells.length > MAX_CELLS_SHOWN ? `${shown} ${t.moreCells(cells.length)}` : shown;
}

export function FindingItem({
  finding,
  t,
  lang,
  onSelect,
  onFix,
}: ItemHandlers & { finding: Finding }) {
  const styles = useStyles();
  const fix = useOperation(onFix);
  const first = finding.cells[0];
  const incomplete = finding.incomplete === true;
  const message = finding.message[lang] || finding.message.zh || finding.message.en;
  const content = (
    <>
      <span className={styles.top}>
        {incomplete ? <IncompleteTag t={t} /> : <SeverityTag severity={finding.severity} t={t} />}{' '}
        <span className={styles.cells}>{cellsText(finding.cells, t, lang)}</span>
      </span>{' '}
      <span className={styles.message}>{message}</span>
    </>
  );

  return (
    <li
      className={mergeClasses(
        styles.item,
        incomplete ? styles.incomplete : styles[finding.severity],
      )}
      data-severity={finding.severity}
      data-incomplete={incomplete ? 'true' : undefined}
      data-rule={finding.ruleId}
      data-cell={first}
    >
      {first ? (
        <button
          type="button"
          className={styles.select}
          title={t.goToCell(first)}
          onClick={() => onSelect(first)}
        >
          {content}
        </button>
      ) : (
        <div className={mergeClasses(styles.select, styles.noCell)}>{content}</div>
      )}
      {finding.fix && (
        <div className={styles.fixRow}>
          <Tooltip content={finding.fix.label[lang]} relationship="inaccessible" withArrow>
            <Button
              size="small"
              appearance="outline"
              icon={fix.busy ? <Spinner size="extra-tiny" /> : <Wrench16Regular />}
              disabledFocusable={fix.busy}
              aria-label={t.applyFixAria(finding.fix.label[lang], finding.fix.address)}
              onClick={() => void fix.run(finding)}
            >
              {t.applyFix}
            </Button>
          </Tooltip>
          <span className={styles.fixLabel} aria-hidden="true">
            {finding.fix.label[lang]}
          </span>
        </div>
      )}
    </li>
  );
}

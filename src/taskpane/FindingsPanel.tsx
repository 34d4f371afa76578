/**
 * 检查结果: counts per severity, 全部检查 / 导出问题清单 / 清除标记, a severity filter, and the
 * findings grouped by section (collapsible) and, within a section, by severity. Findings that only
 * say something is not filled in yet (Finding.incomplete) are not mixed in: they are counted by a
 * neutral 待填写 badge and listed in one collapsed group 「待填写（N 项）」 below the others, so a
 * freshly inserted form looks calm.
 */
import { Button, Radio, RadioGroup, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import {
  ArrowClockwise16Regular,
  ArrowExportLtr16Regular,
  CheckmarkCircle20Filled,
  ChevronDown16Regular,
  ChevronRight16Regular,
  DismissCircle16Regular,
  DocumentBulletList20Regular,
  Edit16Regular,
} from '@fluentui/react-icons';
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { SectionId } from '../core/form/types';
import type { Finding } from '../core/rules/types';
import type { CheckResult, OperationResult } from './api';
import { FindingList } from './FindingItem';
import { filterFindings, groupFindings, splitIncomplete, type SectionGroup } from './findings';
import { formatTime, type FindingFilter, type Lang, type Messages } from './i18n';
import { ResultMessage, noticeFrom, useFixNotice } from './ResultMessage';
import { Section } from './Section';
import { SeverityCounts, SeverityIcon } from './Severity';
import { useOperation } from './useAsync';

const FILTERS: FindingFilter[] = ['all', 'errors', 'errorsAndWarnings'];

const useStyles = makeStyles({
  time: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
    whiteSpace: 'nowrap',
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  filter: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalXS,
  },
  filterLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  radios: { flexWrap: 'wrap' },
  groups: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  group: {
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  groupHeading: { margin: 0, fontSize: 'inherit', fontWeight: 'inherit' },
  groupToggle: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    width: '100%',
    margin: 0,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    background: 'none',
    textAlign: 'start',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground2Pressed },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
  },
  chevron: { flexShrink: 0, color: tokens.colorNeutralForeground3 },
  groupTitle: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
  },
  severityCaption: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    marginBottom: tokens.spacingVerticalXXS,
  },
  empty: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
  emptyOk: { color: tokens.colorBrandForeground1, flexShrink: 0 },
  hint: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
});

export interface FindingsPanelProps {
  t: Messages;
  lang: Lang;
  result: CheckResult | null;
  onCheckAll: () => Promise<void>;
  onExport: () => Promise<OperationResult>;
  onClearMarks: () => Promise<OperationResult>;
  onSelect: (address: string) => void;
  onFix: (finding: Finding) => Promise<OperationResult>;
}

export function FindingsPanel({
  t,
  lang,
  result,
  onCheckAll,
  onExport,
  onClearMarks,
  onSelect,
  onFix,
}: FindingsPanelProps) {
  const styles = useStyles();
  const filterLabelId = useId();
  const [filter, setFilter] = useState<FindingFilter>('all');
  const [collapsed, setCollapsed] = useState<ReadonlySet<SectionId>>(new Set());
  const [incompleteOpen, setIncompleteOpen] = useState(false);
  const { notice, setNotice, fix } = useFixNotice(onFix, lang, t);
  const check = useOperation(onCheckAll);
  const exporter = useOperation(onExport);
  const clearer = useOperation(onClearMarks);

  const { problems, incomplete } = useMemo(() => splitIncomplete(result?.findings ?? []), [result]);
  const groups = useMemo(() => groupFindings(filterFindings(problems, filter)), [problems, filter]);
  const hasFindings = (result?.findings.length ?? 0) > 0;
  const counts = result?.counts ?? { error: 0, warning: 0, info: 0, incomplete: 0 };

  const toggle = (section: SectionId) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(section)) next.delete(section);
      else next.add(section);
      return next;
    });
  };

  const runCheck = async () => {
    setNotice(null);
    const outcome = await check.run();
    if (outcome && !outcome.ok) setNotice({ ok: false, text: t.operationFailed(outcome.error) });
  };
  const runOp = async (op: typeof exporter) => {
    setNotice(null);
    const outcome = await op.run();
    if (outcome) setNotice(noticeFrom(outcome, lang, t));
  };
  const time = result ? (
    <time className={styles.time} dateTime={new Date(result.at).toISOString()}>
      {t.lastChecked(formatTime(result.at))}
    </time>
  ) : (
    <span className={styles.time}>{t.neverChecked}</span>
  );

  let body: ReactNode;
  if (!result) {
    body = <div className={styles.empty}>{t.notCheckedYet}</div>;
  } else if (result.status.kind === 'noForm' && !hasFindings) {
    body = <div className={styles.empty}>{t.noFormFindings}</div>;
  } else if (problems.length === 0) {
    body = (
      <div className={styles.empty}>
        <CheckmarkCircle20Filled aria-hidden="true" className={styles.emptyOk} />
        {hasFindings ? t.onlyIncomplete : t.noFindings}
      </div>
    );
  } else if (groups.length === 0) {
    body = <div className={styles.empty}>{t.noFindingsForFilter}</div>;
  } else {
    body = (
      <div className={styles.groups} role="group" aria-label={t.findingsListLabel}>
        {groups.map((g) => (
          <FindingGroup
            key={g.section}
            group={g}
            open={!collapsed.has(g.section)}
            onToggle={() => toggle(g.section)}
            t={t}
            lang={lang}
            onSelect={onSelect}
            onFix={fix}
          />
        ))}
      </div>
    );
  }

  return (
    <Section
      title={t.checksTitle}
      icon={<DocumentBulletList20Regular />}
      aside={time}
      testId="findings-panel"
    >
      <SeverityCounts counts={counts} incomplete={counts.incomplete} t={t} asGroup />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={check.busy ? <Spinner size="tiny" /> : <ArrowClockwise16Regular />}
          disabledFocusable={check.busy}
          onClick={() => void runCheck()}
        >
          {t.checkAll}
        </Button>
        <Button
          icon={exporter.busy ? <Spinner size="tiny" /> : <ArrowExportLtr16Regular />}
          disabledFocusable={exporter.busy || !hasFindings}
          onClick={() => void runOp(exporter)}
        >
          {t.exportFindings}
        </Button>
        <Button
          icon={clearer.busy ? <Spinner size="tiny" /> : <DismissCircle16Regular />}
          disabledFocusable={clearer.busy}
          onClick={() => void runOp(clearer)}
        >
          {t.clearMarks}
        </Button>
      </div>
      <ResultMessage notice={notice} onDismiss={() => setNotice(null)} t={t} />
      <div className={styles.filter}>
        <span id={filterLabelId} className={styles.filterLabel}>
          {t.filterLabel}
        </span>
        <RadioGroup
          className={styles.radios}
          layout="horizontal"
          aria-labelledby={filterLabelId}
          value={filter}
          onChange={(_, data) => setFilter(data.value as FindingFilter)}
        >
          {FILTERS.map((f) => (
            <Radio key={f} value={f} label={t.filters[f]} />
          ))}
        </RadioGroup>
      </div>
      {body}
      {result && incomplete.length > 0 && (
        <IncompleteGroup
          findings={incomplete}
          open={incompleteOpen}
          onToggle={() => setIncompleteOpen((o) => !o)}
          t={t}
          lang={lang}
          onSelect={onSelect}
          onFix={fix}
        />
      )}
    </Section>
  );
}

/**
 * A group of the list: a heading whose button shows and hides its content (disclosure pattern:
 * aria-expanded + aria-controls).
 */
function Disclosure({
  id,
  title,
  open,
  onToggle,
  children,
}: {
  /** data-group of the group ('funding', 'incomplete' …). */
  id: string;
  title: ReactNode;
  open: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  const panelId = useId();
  const Chevron = open ? ChevronDown16Regular : ChevronRight16Regular;
  return (
    <div className={styles.group} data-group={id}>
      <h3 className={styles.groupHeading}>
        <button
          type="button"
          className={styles.groupToggle}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={onToggle}
        >
          <Chevron aria-hidden="true" className={styles.chevron} />
          {title}
        </button>
      </h3>
      {open && (
        <div id={panelId} className={styles.panel}>
          {children}
        </div>
      )}
    </div>
  );
}

interface GroupProps {
  open: boolean;
  onToggle: () => void;
  t: Messages;
  lang: Lang;
  onSelect: (address: string) => void;
  onFix: (finding: Finding) => Promise<void>;
}

/**
 * 「待填写（N 项）」: the findings that only say something is not filled in yet, collapsed by
 * default; opened, they are listed by section, each still taking the user to its cell.
 */
function IncompleteGroup({
  findings,
  open,
  onToggle,
  ...items
}: GroupProps & { findings: Finding[] }) {
  const styles = useStyles();
  const { t } = items;
  const sections = useMemo(() => groupFindings(findings), [findings]);
  const title = (
    <span className={styles.groupTitle} data-incomplete-title="">
      <Edit16Regular aria-hidden="true" className={styles.chevron} />
      {t.incompleteTitle(findings.length)}
    </span>
  );
  return (
    <Disclosure id="incomplete" title={title} open={open} onToggle={onToggle}>
      <div className={styles.hint}>{t.incompleteHint}</div>
      {sections.map((g) => {
        const all = g.bySeverity.flatMap((sg) => sg.findings);
        const name = t.sections[g.section] ?? g.section;
        return (
          <div key={g.section}>
            <div className={styles.severityCaption} aria-hidden="true">
              {name} · {all.length}
            </div>
            <FindingList
              findings={all}
              label={`${name} · ${t.incompleteTitle(all.length)}`}
              {...items}
            />
          </div>
        );
      })}
    </Disclosure>
  );
}

/** One section's findings: its heading with counts, then one list per severity. */
function FindingGroup({ group, open, onToggle, ...items }: GroupProps & { group: SectionGroup }) {
  const styles = useStyles();
  const { t } = items;
  const sectionName = t.sections[group.section] ?? group.section;
  const title = (
    <span className={styles.groupTitle} data-section={group.section}>
      {sectionName}
      <SeverityCounts counts={group.counts} t={t} hideZero size="small" />
    </span>
  );
  return (
    <Disclosure id={group.section} title={title} open={open} onToggle={onToggle}>
      {group.bySeverity.map((sg) => (
        <div key={sg.severity}>
          {group.bySeverity.length > 1 && (
            <div className={styles.severityCaption} aria-hidden="true">
              <SeverityIcon severity={sg.severity} />
              {t.severity[sg.severity]} · {sg.findings.length}
            </div>
          )}
          <FindingList
            findings={sg.findings}
            label={t.listAria(sectionName, sg.severity, sg.findings.length)}
            {...items}
          />
        </div>
      ))}
    </Disclosure>
  );
}

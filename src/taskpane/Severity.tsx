/**
 * How a severity looks: an icon of its own shape plus its word (错误 / 警告 / 提示), so it never
 * relies on colour alone.
 */
import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  Edit16Regular,
  ErrorCircle16Filled,
  Info16Filled,
  Warning16Filled,
} from '@fluentui/react-icons';
import type { Severity } from '../core/rules/types';
import { SEVERITY_ORDER } from './findings';
import type { Messages } from './i18n';

const useStyles = makeStyles({
  tag: {
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: 'nowrap',
  },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground3 },
  info: { color: tokens.colorBrandForeground1 },
  incomplete: { color: tokens.colorNeutralForeground2 },
  icon: { flexShrink: 0 },
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'center',
  },
});

const ICONS = {
  error: ErrorCircle16Filled,
  warning: Warning16Filled,
  info: Info16Filled,
} as const;

const BADGE_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export function SeverityIcon({ severity, className }: { severity: Severity; className?: string }) {
  const styles = useStyles();
  const Icon = ICONS[severity];
  return (
    <Icon
      aria-hidden="true"
      className={mergeClasses(styles.icon, styles[severity], className)}
      data-severity={severity}
    />
  );
}

/** Icon + word, e.g. ⊗ 错误. */
export function SeverityTag({ severity, t }: { severity: Severity; t: Messages }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.tag, styles[severity])}>
      <SeverityIcon severity={severity} />
      {t.severity[severity]}
    </span>
  );
}

/** ✎ 待填写: the neutral tag of a finding that only says something is not filled in yet. */
export function IncompleteTag({ t }: { t: Messages }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.tag, styles.incomplete)} data-incomplete="true">
      <Edit16Regular aria-hidden="true" className={styles.icon} />
      {t.incompleteTag}
    </span>
  );
}

/**
 * 错误 N · 警告 N · 提示 N as badges, and 待填写 N as a neutral one when `incomplete` is given and
 * above zero. With `hideZero`, severities without findings are left out.
 * With `asGroup`, the badges form a labelled group (错误 N 个，警告 N 个，提示 N 个) for screen
 * readers; without it (e.g. inside a button) the badges' own words are read.
 */
export function SeverityCounts({
  counts,
  incomplete = 0,
  t,
  hideZero = false,
  size = 'medium',
  asGroup = false,
}: {
  counts: Partial<Record<Severity, number>>;
  incomplete?: number;
  t: Messages;
  hideZero?: boolean;
  size?: 'small' | 'medium';
  asGroup?: boolean;
}) {
  const styles = useStyles();
  const shown = SEVERITY_ORDER.filter((s) => !hideZero || (counts[s] ?? 0) > 0);
  const full = {
    error: counts.error ?? 0,
    warning: counts.warning ?? 0,
    info: counts.info ?? 0,
    incomplete,
  };
  return (
    <span
      className={styles.badges}
      role={asGroup ? 'group' : undefined}
      aria-label={asGroup ? t.countsAria(full) : undefined}
    >
      {shown.map((s) => {
        // A severity without findings is shown in grey: only real problems get colour.
        const zero = (counts[s] ?? 0) === 0;
        return (
          <Badge
            key={s}
            appearance={zero ? 'outline' : 'tint'}
            color={zero ? 'informative' : BADGE_COLOR[s]}
            size={size}
            shape="rounded"
            icon={
              zero ? (
                <SeverityIcon severity={s} className={styles.incomplete} />
              ) : (
                <SeverityIcon severity={s} />
              )
            }
            data-severity={s}
            data-tone={zero ? 'neutral' : BADGE_COLOR[s]}
            aria-hidden={asGroup ? true : undefined}
          >
            {t.severityCount(s, counts[s] ?? 0)}
          </Badge>
        );
      })}
      {incomplete > 0 && (
        <Badge
          appearance="outline"
          color="informative"
          size={size}
          shape="rounded"
          icon={<Edit16Regular aria-hidden="true" />}
          data-incomplete="true"
          data-tone="neutral"
          aria-hidden={asGroup ? true : undefined}
        >
          {t.incompleteCount(incomplete)}
        </Badge>
      )}
    </span>
  );
}

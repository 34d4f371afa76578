/**
 * How a severity looks: an icon of its own shape plus its word (错误 / 警告 / 提示), so it never
 * relies on colour alone.
 */
import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
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

/**
 * 错误 N · 警告 N · 提示 N as badges. With `hideZero`, severities without findings are left out.
 * With `asGroup`, the badges form a labelled group (错误 N 个，警告 N 个，提示 N 个) for screen
 * readers; without it (e.g. inside a button) the badges' own words are read.
 */
export function SeverityCounts({
  counts,
  t,
  hideZero = false,
  size = 'medium',
  asGroup = false,
}: {
  counts: Partial<Record<Severity, number>>;
  t: Messages;
  hideZero?: boolean;
  size?: 'small' | 'medium';
  asGroup?: boolean;
}) {
  const styles = useStyles();
  const shown = SEVERITY_ORDER.filter((s) => !hideZero || (counts[s] ?? 0) > 0);
  const full = { error: counts.error ?? 0, warning: counts.warning ?? 0, info: counts.info ?? 0 };
  return (
    <span
      className={styles.badges}
      role={asGroup ? 'group' : undefined}
      aria-label={asGroup ? t.countsAria(full) : undefined}
    >
      {shown.map((s) => (
        <Badge
          key={s}
          appearance="tint"
          color={BADGE_COLOR[s]}
          size={size}
          shape="rounded"
          icon={<SeverityIcon severity={s} />}
          data-severity={s}
          aria-hidden={asGroup ? true : undefined}
        >
          {t.severityCount(s, counts[s] ?? 0)}
        </Badge>
      ))}
    </span>
  );
}

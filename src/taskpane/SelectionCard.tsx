/**
 * 所选单元格 E7: when the user selects cells in Excel that have findings, their messages (and
 * 一键修复 where there is one) at the top of the pane — kept in view when the pane is scrolled — so
 * a message is reachable from its cell.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { TargetArrow20Regular } from '@fluentui/react-icons';
import type { Finding } from '../core/rules/types';
import type { OperationResult } from './api';
import { FindingList } from './FindingItem';
import type { Lang, Messages } from './i18n';
import { ResultMessage, useFixNotice } from './ResultMessage';
import { Section } from './Section';

/** How many findings the card lists; the others are in the results below. */
export const SELECTION_CARD_MAX = 4;

const useStyles = makeStyles({
  // Stays in view at the top of the pane while the pane is scrolled (to the findings list, say).
  sticky: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    maxHeight: '45vh',
    overflowY: 'auto',
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow8,
  },
  more: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
});

export function SelectionCard({
  address,
  findings,
  t,
  lang,
  onSelect,
  onFix,
}: {
  /** The selection as Excel reports it ('E7', 'E7:F7'). */
  address: string;
  /** The findings about its cells (findingsAt), problems first. */
  findings: Finding[];
  t: Messages;
  lang: Lang;
  onSelect: (address: string) => void;
  onFix: (finding: Finding) => Promise<OperationResult>;
}) {
  const styles = useStyles();
  const { notice, setNotice, fix } = useFixNotice(onFix, lang, t);
  const shown = findings.slice(0, SELECTION_CARD_MAX);
  return (
    <div className={styles.sticky}>
      <Section
        title={t.selectedCell(address)}
        icon={<TargetArrow20Regular />}
        testId="selection-card"
      >
        <FindingList
          findings={shown}
          label={t.selectedCell(address)}
          t={t}
          lang={lang}
          onSelect={onSelect}
          onFix={fix}
        />
        {findings.length > shown.length && (
          <div className={styles.more}>{t.selectedMore(findings.length - shown.length)}</div>
        )}
        <ResultMessage notice={notice} onDismiss={() => setNotice(null)} t={t} />
      </Section>
    </div>
  );
}

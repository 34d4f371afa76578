/**
 * The outcome of one operation (inserted, row added, could not …), shown under its buttons.
 * Text only: whatever the host says is rendered as text, never as HTML.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Finding } from '../core/rules/types';
import type { OperationResult } from './api';
import type { Lang, Messages } from './i18n';
import { errorText, type Outcome } from './useAsync';

/** What a panel shows after an operation. */
export interface Notice {
  ok: boolean;
  text: string;
}

/** The notice for an operation's outcome, in the pane's language. */
export function noticeFrom(
  outcome: Outcome<OperationResult> | undefined,
  lang: Lang,
  t: Messages,
): Notice | null {
  if (!outcome) return null;
  if (!outcome.ok) return { ok: false, text: t.operationFailed(outcome.error) };
  const message = outcome.value?.message;
  const text = message ? message[lang] || message.zh || message.en : '';
  return { ok: Boolean(outcome.value?.ok), text };
}

/**
 * A panel's notice, and a 一键修复 handler that shows the fix's outcome in it (a host that throws
 * gives a message, not a crash).
 */
export function useFixNotice(
  onFix: (finding: Finding) => Promise<OperationResult>,
  lang: Lang,
  t: Messages,
) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const fix = async (finding: Finding) => {
    setNotice(null);
    try {
      setNotice(noticeFrom({ ok: true, value: await onFix(finding) }, lang, t));
    } catch (e) {
      setNotice(noticeFrom({ ok: false, error: errorText(e) }, lang, t));
    }
  };
  return { notice, setNotice, fix };
}

const useStyles = makeStyles({
  bar: { marginTop: '8px' },
  body: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export function ResultMessage({
  notice,
  onDismiss,
  t,
}: {
  notice: Notice | null;
  onDismiss: () => void;
  t: Messages;
}) {
  const styles = useStyles();
  if (!notice || !notice.text) return null;
  return (
    <MessageBar
      className={styles.bar}
      intent={notice.ok ? 'success' : 'error'}
      politeness={notice.ok ? 'polite' : 'assertive'}
      layout="multiline"
    >
      <MessageBarBody className={styles.body}>{notice.text}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            size="small"
            aria-label={t.dismiss}
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}

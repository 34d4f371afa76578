/** 指标行: add or delete the selected indicator row. */
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import {
  TableDeleteRow20Regular,
  TableInsertRow20Regular,
  TableSimple20Regular,
} from '@fluentui/react-icons';
import { useState } from 'react';
import type { OperationResult } from './api';
import type { Lang, Messages } from './i18n';
import { ResultMessage, noticeFrom, type Notice } from './ResultMessage';
import { Section } from './Section';
import { useOperation } from './useAsync';

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function RowTools({
  t,
  lang,
  onAdd,
  onDelete,
}: {
  t: Messages;
  lang: Lang;
  onAdd: () => Promise<OperationResult>;
  onDelete: () => Promise<OperationResult>;
}) {
  const styles = useStyles();
  const [notice, setNotice] = useState<Notice | null>(null);
  const add = useOperation(onAdd);
  const del = useOperation(onDelete);

  const run = async (op: typeof add) => {
    setNotice(null);
    const outcome = await op.run();
    if (outcome) setNotice(noticeFrom(outcome, lang, t));
  };

  return (
    <Section title={t.rowsTitle} icon={<TableSimple20Regular />} testId="row-tools">
      <Text size={200} className={styles.hint}>
        {t.rowsHint}
      </Text>
      <div className={styles.actions}>
        <Button
          icon={add.busy ? <Spinner size="tiny" /> : <TableInsertRow20Regular />}
          disabledFocusable={add.busy}
          onClick={() => void run(add)}
        >
          {t.addRow}
        </Button>
        <Button
          icon={del.busy ? <Spinner size="tiny" /> : <TableDeleteRow20Regular />}
          disabledFocusable={del.busy}
          onClick={() => void run(del)}
        >
          {t.deleteRow}
        </Button>
      </div>
      <ResultMessage notice={notice} onDismiss={() => setNotice(null)} t={t} />
    </Section>
  );
}

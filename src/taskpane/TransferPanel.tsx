/**
 * 导入、滚动与导出: bring last year's form in (from the active sheet or pasted text), roll a form
 * forward to the next year, export its data. Each first shows a preview dialog; only its confirm
 * button changes the workbook (always by adding a new sheet).
 */
import {
  Button,
  Field,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowExportLtr20Regular,
  ArrowImport20Regular,
  CalendarArrowRight20Regular,
  ClipboardPaste20Regular,
  DocumentTable20Regular,
} from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { ExportData, ImportPreview, Lang, OperationResult, RollPreview } from './api';
import { ExportDialog } from './ExportDialog';
import type { Messages } from './i18n';
import { ImportDialog } from './ImportDialog';
import { ResultMessage, noticeFrom, type Notice } from './ResultMessage';
import { RollDialog } from './RollDialog';
import { Section } from './Section';
import { useOperation, type Outcome } from './useAsync';

export interface TransferHandlers {
  previewImportFromSheet: () => Promise<ImportPreview>;
  previewImportFromText: (text: string) => Promise<ImportPreview>;
  applyImport: (id: string, options: { year: number }) => Promise<OperationResult>;
  previewRollForward: () => Promise<RollPreview>;
  applyRollForward: (id: string) => Promise<OperationResult>;
  exportData: () => Promise<ExportData>;
}

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  paste: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  textarea: { minHeight: '120px' },
});

export function TransferPanel({
  t,
  lang,
  handlers,
}: {
  t: Messages;
  lang: Lang;
  handlers: TransferHandlers;
}) {
  const styles = useStyles();
  const pasteId = useId();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [text, setText] = useState('');
  const [importPreview, setImportPreview] = useState<ImportPreview | null>(null);
  const [rollPreview, setRollPreview] = useState<RollPreview | null>(null);
  const [exported, setExported] = useState<ExportData | null>(null);

  const fromSheet = useOperation(handlers.previewImportFromSheet);
  const fromText = useOperation(handlers.previewImportFromText);
  const applyImport = useOperation(handlers.applyImport);
  const roll = useOperation(handlers.previewRollForward);
  const applyRoll = useOperation(handlers.applyRollForward);
  const exportOp = useOperation(handlers.exportData);

  /** A preview's outcome: its dialog when it found something, else its message. */
  function show<P extends { ok: boolean; message: { zh: string; en: string } }>(
    outcome: Outcome<P> | undefined,
    open: (p: P) => void,
  ) {
    if (!outcome) return;
    if (!outcome.ok) setNotice({ ok: false, text: t.operationFailed(outcome.error) });
    else if (!outcome.value.ok) setNotice({ ok: false, text: outcome.value.message[lang] });
    else open(outcome.value);
  }

  const previewSheet = async () => {
    setNotice(null);
    show(await fromSheet.run(), setImportPreview);
  };
  const previewText = async () => {
    setNotice(null);
    show(await fromText.run(text), setImportPreview);
  };
  const previewRoll = async () => {
    setNotice(null);
    show(await roll.run(), setRollPreview);
  };
  const previewExport = async () => {
    setNotice(null);
    show(await exportOp.run(), setExported);
  };

  const confirmImport = async (year: number) => {
    if (!importPreview) return;
    const outcome = await applyImport.run(importPreview.id, { year });
    if (!outcome) return;
    setImportPreview(null);
    setNotice(noticeFrom(outcome, lang, t));
    if (outcome.ok && outcome.value.ok) setText('');
  };
  const confirmRoll = async () => {
    if (!rollPreview) return;
    const outcome = await applyRoll.run(rollPreview.id);
    if (!outcome) return;
    setRollPreview(null);
    setNotice(noticeFrom(outcome, lang, t));
  };

  const busyIcon = (busy: boolean, icon: JSX.Element) => (busy ? <Spinner size="tiny" /> : icon);
  const noText = text.trim() === '';

  return (
    <Section title={t.transferTitle} icon={<DocumentTable20Regular />} testId="transfer-panel">
      <Text size={200} className={styles.hint}>
        {t.transferHint}
      </Text>
      <div className={styles.actions}>
        <Button
          icon={busyIcon(fromSheet.busy, <ArrowImport20Regular />)}
          disabledFocusable={fromSheet.busy}
          onClick={() => void previewSheet()}
        >
          {t.importFromSheet}
        </Button>
        <Button
          icon={<ClipboardPaste20Regular />}
          aria-expanded={pasteOpen}
          aria-controls={pasteId}
          onClick={() => setPasteOpen((o) => !o)}
        >
          {t.importFromText}
        </Button>
      </div>
      {pasteOpen && (
        <div className={styles.paste} id={pasteId}>
          <Field label={t.pasteLabel}>
            <Textarea
              className={styles.textarea}
              value={text}
              placeholder={t.pastePlaceholder}
              resize="vertical"
              onChange={(_, d) => setText(d.value)}
            />
          </Field>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={busyIcon(fromText.busy, <ArrowImport20Regular />)}
              disabledFocusable={fromText.busy || noText}
              onClick={() => {
                if (!noText) void previewText();
              }}
            >
              {t.previewImport}
            </Button>
          </div>
        </div>
      )}
      <div className={styles.actions}>
        <Button
          icon={busyIcon(roll.busy, <CalendarArrowRight20Regular />)}
          disabledFocusable={roll.busy}
          onClick={() => void previewRoll()}
        >
          {t.rollForward}
        </Button>
        <Button
          icon={busyIcon(exportOp.busy, <ArrowExportLtr20Regular />)}
          disabledFocusable={exportOp.busy}
          onClick={() => void previewExport()}
        >
          {t.exportData}
        </Button>
      </div>
      <ResultMessage notice={notice} onDismiss={() => setNotice(null)} t={t} />
      {importPreview && (
        <ImportDialog
          key={importPreview.id}
          preview={importPreview}
          t={t}
          lang={lang}
          busy={applyImport.busy}
          onConfirm={(year) => void confirmImport(year)}
          onDismiss={() => setImportPreview(null)}
        />
      )}
      {rollPreview && (
        <RollDialog
          preview={rollPreview}
          t={t}
          lang={lang}
          busy={applyRoll.busy}
          onConfirm={() => void confirmRoll()}
          onDismiss={() => setRollPreview(null)}
        />
      )}
      {exported && (
        <ExportDialog data={exported} t={t} lang={lang} onDismiss={() => setExported(null)} />
      )}
    </Section>
  );
}

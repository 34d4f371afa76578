/**
 * 导出 preview: the first rows of the CSV (or lines of the JSON) exactly as they will be saved,
 * then 下载 (a file made in the pane, no network) or 复制到剪贴板.
 */
import {
  Button,
  Radio,
  RadioGroup,
  Field,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, Copy20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { ExportData, Lang } from './api';
import { parseCsv } from './csv';
import type { Messages } from './i18n';
import { PreviewDialog, ScrollTable } from './PreviewDialog';
import { copyText, saveText } from './save';
import { errorText } from './useAsync';

/** Rows (after the header) and JSON lines the preview shows. */
export const PREVIEW_CSV_ROWS = 8;
export const PREVIEW_JSON_LINES = 24;

type Format = 'csv' | 'json';
const MIME: Record<Format, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
};

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  pre: {
    margin: 0,
    maxHeight: '40vh',
    overflow: 'auto',
    padding: tokens.spacingHorizontalS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  status: { minHeight: tokens.lineHeightBase300 },
});

export function ExportDialog({
  data,
  t,
  lang,
  onDismiss,
}: {
  data: ExportData;
  t: Messages;
  lang: Lang;
  onDismiss: () => void;
}) {
  const styles = useStyles();
  const [format, setFormat] = useState<Format>('csv');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const csvRows = useMemo(() => parseCsv(data.csv), [data.csv]);
  const jsonLines = useMemo(() => data.json.replace(/\n$/, '').split('\n'), [data.json]);
  const label = format.toUpperCase();
  const text = format === 'csv' ? data.csv : data.json;
  const file = `${data.fileName}.${format}`;

  const download = () => {
    try {
      saveText(file, text, MIME[format]);
      setStatus({ ok: true, text: t.downloaded(file) });
    } catch (e) {
      setStatus({ ok: false, text: t.downloadFailed(errorText(e)) });
    }
  };
  const copy = async () => {
    // The byte-order mark is for files; pasted text does not want it.
    const ok = await copyText(text.replace(/^\uFEFF/, ''));
    setStatus(ok ? { ok: true, text: t.copied(label) } : { ok: false, text: t.copyFailed });
  };

  return (
    <PreviewDialog
      open
      title={t.exportDialogTitle}
      t={t}
      onDismiss={onDismiss}
      testId="export-dialog"
      actions={
        <>
          <Button appearance="primary" icon={<ArrowDownload20Regular />} onClick={download}>
            {t.download(label)}
          </Button>
          <Button icon={<Copy20Regular />} onClick={() => void copy()}>
            {t.copyToClipboard}
          </Button>
        </>
      }
    >
      <Text>{data.message[lang]}</Text>
      <Field label={t.exportFormat}>
        <RadioGroup
          layout="horizontal"
          value={format}
          onChange={(_, d) => {
            setFormat(d.value as Format);
            setStatus(null);
          }}
        >
          <Radio value="csv" label="CSV" />
          <Radio value="json" label="JSON" />
        </RadioGroup>
      </Field>
      {format === 'csv' ? (
        <ScrollTable
          t={t}
          label={`CSV · ${file}`}
          caption={t.previewRows(
            Math.min(PREVIEW_CSV_ROWS, Math.max(0, csvRows.length - 1)),
            Math.max(0, csvRows.length - 1),
          )}
          columns={csvRows[0] ?? []}
          rows={csvRows.slice(1, 1 + PREVIEW_CSV_ROWS)}
          testId="export-csv-preview"
        />
      ) : (
        <>
          <Text size={200} className={styles.muted}>
            {t.previewLines(Math.min(PREVIEW_JSON_LINES, jsonLines.length), jsonLines.length)}
          </Text>
          <pre
            className={styles.pre}
            tabIndex={0}
            role="region"
            aria-label={t.scrollRegion(`JSON · ${file}`)}
            data-testid="export-json-preview"
          >
            {jsonLines.slice(0, PREVIEW_JSON_LINES).join('\n')}
          </pre>
        </>
      )}
      <Text
        role="status"
        aria-live="polite"
        className={styles.status}
        data-testid="export-status"
        style={status && !status.ok ? { color: tokens.colorPaletteRedForeground1 } : undefined}
      >
        {status?.text ?? ''}
      </Text>
    </PreviewDialog>
  );
}

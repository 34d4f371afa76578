/** The three output formats of `pgt check`: a readable table, JSON, CSV. */
import type { Severity } from '../core/rules/types';
import type { FileReport, ReportedFinding } from './check';
import { alignedTable, csv } from './text';

export type Lang = 'zh' | 'en';
export type Format = 'text' | 'json' | 'csv';

const SEVERITY: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

const VIA: Record<Lang, Record<string, string>> = {
  zh: { names: '按名称定位', labels: '按标签定位', 'names+labels': '按名称和标签定位' },
  en: {
    names: 'found by names',
    labels: 'found by labels',
    'names+labels': 'found by names and labels',
  },
};

interface Counts {
  error: number;
  warning: number;
  info: number;
}

function count(findings: ReportedFinding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

function countText(c: Counts, lang: Lang): string {
  return lang === 'zh'
    ? `错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}`
    : `${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} info`;
}

function fixText(f: ReportedFinding, lang: Lang): string {
  if (!f.fix) return '';
  return lang === 'zh'
    ? `修正：${f.fix.label.zh}（${f.fix.address} → ${f.fix.value}）`
    : `Fix: ${f.fix.label.en} (${f.fix.address} → ${f.fix.value})`;
}

/** A problem with the file (or a whole sheet of it) rather than a finding of the checker. */
export const isFileProblem = (f: ReportedFinding) => f.ruleId.startsWith('file/');

/** The readable report: per file its forms, one aligned row per finding, a summary; a total. */
export function textReport(reports: FileReport[], lang: Lang): string {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const out: string[] = [];
  for (const r of reports) {
    out.push(`${L('文件：', 'File: ')}${r.file}`);
    const bySheet = new Map<string | null, ReportedFinding[]>();
    for (const f of r.findings) {
      if (isFileProblem(f)) {
        out.push(`  ${L('无法检查：', 'Cannot check: ')}${f.message[lang]}`);
        continue;
      }
      const list = bySheet.get(f.sheet);
      if (list) list.push(f);
      else bySheet.set(f.sheet, [f]);
    }
    const sheets = [
      ...r.forms.map((f) => f.sheet),
      ...[...bySheet.keys()].filter((s): s is string => s !== null),
    ];
    for (const sheet of [...new Set(sheets)]) {
      const form = r.forms.find((f) => f.sheet === sheet);
      const list = bySheet.get(sheet) ?? [];
      out.push(
        `  ${L('工作表', 'Sheet')} “${sheet}”${form ? (lang === 'zh' ? `（${VIA.zh[form.via]}）` : ` (${VIA.en[form.via]})`) : ''}${L('：', ': ')}${list.length ? countText(count(list), lang) : L('未发现问题', 'no findings')}`,
      );
      if (!list.length) continue;
      const rows = [
        [L('级别', 'Level'), L('单元格', 'Cells'), L('规则', 'Rule'), L('说明', 'Message')],
        ...list.map((f) => [
          SEVERITY[lang][f.severity],
          f.cells.join(',') || '—',
          f.ruleId,
          f.message[lang].replace(/\s*\n\s*/g, ' ') + (f.fix ? `  ${fixText(f, lang)}` : ''),
        ]),
      ];
      out.push(alignedTable(rows, '    '));
    }
    const c = count(r.findings);
    const n = r.forms.length;
    out.push(
      lang === 'zh'
        ? `  小结：${n} 份表，${countText(c, lang)}${r.unusable ? '；有无法使用的内容' : ''}`
        : `  Summary: ${n} form${n === 1 ? '' : 's'}, ${countText(c, lang)}${r.unusable ? '; some content could not be used' : ''}`,
    );
    out.push('');
  }
  const all = reports.flatMap((r) => r.findings);
  const forms = reports.reduce((n, r) => n + r.forms.length, 0);
  const bad = reports.filter((r) => r.unusable).length;
  out.push(
    lang === 'zh'
      ? `总计：${reports.length} 个文件，${forms} 份表，${countText(count(all), lang)}${bad ? `；${bad} 个文件无法完整检查` : ''}`
      : `Total: ${reports.length} file${reports.length === 1 ? '' : 's'}, ${forms} form${forms === 1 ? '' : 's'}, ${countText(count(all), lang)}${bad ? `; ${bad} file${bad === 1 ? '' : 's'} could not be fully checked` : ''}`,
  );
  return `${out.join('\n')}\n`;
}

/** One JSON array of findings. */
export function jsonReport(reports: FileReport[]): string {
  const rows = reports.flatMap((r) =>
    r.findings.map((f) => ({
      file: f.file,
      sheet: f.sheet,
      cells: f.cells,
      ruleId: f.ruleId,
      severity: f.severity,
      message: { zh: f.message.zh, en: f.message.en },
      fix: f.fix,
    })),
  );
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** CSV (RFC 4180, UTF-8 with BOM), one row per finding, both languages of the message. */
export function csvReport(reports: FileReport[], lang: Lang): string {
  const header =
    lang === 'zh'
      ? [
          '文件',
          '工作表',
          '单元格',
          '级别',
          '规则',
          '说明',
          '说明（英文）',
          '修正单元格',
          '修正值',
          '修正说明',
        ]
      : [
          'File',
          'Sheet',
          'Cells',
          'Severity',
          'Rule',
          'Message',
          'Message (Chinese)',
          'Fix cell',
          'Fix value',
          'Fix',
        ];
  const rows = reports.flatMap((r) =>
    r.findings.map((f) => [
      f.file,
      f.sheet ?? '',
      f.cells.join(' '),
      SEVERITY[lang][f.severity],
      f.ruleId,
      lang === 'zh' ? f.message.zh : f.message.en,
      lang === 'zh' ? f.message.en : f.message.zh,
      f.fix?.address ?? '',
      f.fix ? f.fix.value : '',
      f.fix ? f.fix.label[lang] : '',
    ]),
  );
  return csv([header, ...rows]);
}

/**
 * 导出: the form's data as structured JSON and CSV, each indicator value split into operator
 * (≥, ＞, ＝, ＜, ≤ or 定性), number and unit, as budget systems import them.
 */
import {
  FUNDING_BLOCKS,
  HEADER_FIELDS,
  INDICATOR_TABLES,
  TEXT_SECTIONS,
  fundingName,
} from '../form/spec';
import type { IndicatorColumnKey, IndicatorTableId } from '../form/types';
import { formatNumber, parseCell, trimBlank } from '../values';
import type { ParsedValue, RawCell } from '../values/types';
import type { FormValues } from './form-values';

export type ExportOperator = '≥' | '＞' | '＝' | '＜' | '≤' | '定性';

export interface SplitValue {
  /** The text as typed. */
  text: string;
  operator: ExportOperator;
  /** The number, or null for a qualitative value. */
  number: number | null;
  /** '%', '亿元', '万美元', '' for a bare number; '' for a qualitative value. */
  unit: string;
  /** What the value is: 'percent', 'amount', 'growth', 'number', 'grade', 'text', 'empty'. */
  kind: ParsedValue['kind'];
}

const OPS: Record<string, ExportOperator> = { '≥': '≥', '>': '＞', '=': '＝', '<': '＜', '≤': '≤' };

function cellText(c: RawCell | undefined): string {
  if (!c || c.value === null) return '';
  if (typeof c.value === 'number' && c.numberFormat?.includes('%'))
    return `${formatNumber(c.value * 100, 6)}%`;
  return trimBlank(String(c.value));
}

export function splitValue(c: RawCell | undefined): SplitValue {
  const text = cellText(c);
  const p = c ? parseCell(c, 'indicator') : ({ kind: 'empty' } as ParsedValue);
  const base = { text, kind: p.kind };
  const numeric = (q: ParsedValue, operator: ExportOperator): SplitValue => {
    switch (q.kind) {
      case 'percent':
        return { ...base, operator, number: q.value, unit: '%' };
      case 'amount':
        return { ...base, operator, number: q.value, unit: q.unit.text };
      case 'number':
        return { ...base, operator, number: q.value, unit: '' };
      case 'growth':
        return { ...base, operator, number: q.value, unit: '%' };
      default:
        return { ...base, operator: '定性', number: null, unit: '' };
    }
  };
  if (p.kind === 'comparison') return numeric(p.operand, OPS[p.op]);
  return numeric(p, '＝');
}

export interface ExportedIndicator {
  table: IndicatorTableId;
  level1: string;
  level2: string;
  level3: string;
  values: Partial<Record<'prev2' | 'prev1' | 'target', SplitValue>>;
  basis: string;
  category: string;
}

export interface ExportedForm {
  format: 'perf-goal-table/v1';
  year: number;
  department: { name: string; preparer: string; phone: string };
  funding: Record<string, Record<string, number | null>>;
  texts: Record<string, string>;
  indicators: ExportedIndicator[];
}

const num = (c: RawCell | undefined): number | null => {
  if (!c) return null;
  const p = parseCell(c, 'number');
  return p.kind === 'number'
    ? p.value
    : p.kind === 'percent'
      ? p.value
      : p.kind === 'amount'
        ? p.value
        : null;
};

export function exportForm(v: FormValues): ExportedForm {
  const f = (name: string) => cellText(v.fields[name]);
  const funding: ExportedForm['funding'] = {};
  for (const block of FUNDING_BLOCKS)
    for (const item of block.items) {
      if (item.total) continue;
      funding[`${block.key}.${item.key}`] = {
        current: num(v.fields[fundingName(block.key, item.key, 'Current')]),
        prev2: num(v.fields[fundingName(block.key, item.key, 'Prev2')]),
        prev1: num(v.fields[fundingName(block.key, item.key, 'Prev1')]),
      };
    }
  const [name, preparer, phone] = HEADER_FIELDS.map((h) => f(h.name));
  const texts = Object.fromEntries(Object.values(TEXT_SECTIONS).map((t) => [t.id, f(t.name)]));
  const indicators: ExportedIndicator[] = [];
  for (const id of ['longTerm', 'annual'] as IndicatorTableId[]) {
    // 一级/二级 of vertically merged cells are blank below their first row: carry them down.
    let last = { level1: '', level2: '' };
    for (const row of v.tables[id]) {
      const raw = (k: IndicatorColumnKey) =>
        cellText(row[k]).replace(/\s+/g, k === 'level3' ? ' ' : '');
      const l1 = raw('level1');
      last = { level1: l1 || last.level1, level2: raw('level2') || (l1 ? '' : last.level2) };
      const values: ExportedIndicator['values'] = { target: splitValue(row.target) };
      if (id === 'annual') {
        values.prev2 = splitValue(row.prev2);
        values.prev1 = splitValue(row.prev1);
      }
      indicators.push({
        table: id,
        level1: last.level1,
        level2: last.level2,
        level3: raw('level3'),
        values,
        basis: raw('basis'),
        category: raw('category'),
      });
    }
  }
  return {
    format: 'perf-goal-table/v1',
    year: v.year,
    department: { name, preparer, phone },
    funding,
    texts,
    indicators,
  };
}

const CSV_HEAD = [
  '表',
  '一级指标',
  '二级指标',
  '三级指标',
  '值列',
  '运算符',
  '数值',
  '单位',
  '原文',
  '指标值确定依据',
  '指标分类',
];

function csvCell(s: string | number | null): string {
  const t = s === null ? '' : String(s);
  // Guard against formula injection when the CSV is opened in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(t) && !/^[+-]?\d/.test(t) ? `'${t}` : t;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV's rows (header first), one per indicator value, before quoting. */
export function csvRows(e: ExportedForm): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [CSV_HEAD];
  for (const i of e.indicators) {
    const cols: ['prev2' | 'prev1' | 'target', string][] =
      i.table === 'annual'
        ? [
            ['prev2', `${e.year - 2}年`],
            ['prev1', `${e.year - 1}年`],
            ['target', '预期当年实现值'],
          ]
        : [['target', '指标值']];
    for (const [k, label] of cols) {
      const v = i.values[k]!;
      rows.push([
        INDICATOR_TABLES[i.table].label.zh,
        i.level1,
        i.level2,
        i.level3,
        label,
        v.kind === 'empty' ? '' : v.operator,
        v.number,
        v.unit,
        v.text,
        i.basis,
        i.category,
      ]);
    }
  }
  return rows;
}

const csvText = (rows: (string | number | null)[][]) =>
  '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

/** One row per indicator value; UTF-8 with BOM so Excel opens the Chinese right. */
export function exportCsv(e: ExportedForm): string {
  return csvText(csvRows(e));
}

/**
 * Several forms (one per sheet) in one CSV: each row starts with its sheet (工作表), so the rows of
 * all forms can be filtered and imported together.
 */
export function exportCsvSheets(forms: { sheet: string; form: ExportedForm }[]): string {
  const rows: (string | number | null)[][] = [['工作表', ...CSV_HEAD]];
  for (const { sheet, form } of forms)
    for (const r of csvRows(form).slice(1)) rows.push([sheet, ...r]);
  return csvText(rows);
}

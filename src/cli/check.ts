/**
 * `pgt check`: finds every form in each workbook, reads it once, runs the rule catalogue and
 * turns findings into rows that name the file, the sheet and the sheet's own cell addresses.
 * A file that cannot be used becomes one row saying why; the other files are still checked.
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import { join, relative, resolve } from 'path';
import type { Bilingual } from '../core/form/types';
import { checkForm } from '../core/rules/catalogue';
import type { Finding, Fix, Severity } from '../core/rules/types';
import type { FormSnapshot } from '../core/snapshot/types';
import { XlsxProblem, formatBytes, problem } from '../xlsx/errors';
import { findForms, type FoundForm } from '../xlsx/forms';
import { DEFAULT_LIMITS, type ReadLimits } from '../xlsx/limits';
import { readWorkbook } from '../xlsx/read';

export interface ReportedFinding {
  file: string;
  /** The sheet the finding is on; null for a problem with the whole file. */
  sheet: string | null;
  cells: string[];
  ruleId: string;
  severity: Severity;
  message: Bilingual;
  fix: Fix | null;
}

export interface FileReport {
  file: string;
  /** The forms found: sheet and how its fields were found. */
  forms: { sheet: string; via: FoundForm['via'] }[];
  findings: ReportedFinding[];
  /** True when the file (or a sheet of it) could not be used. */
  unusable: boolean;
}

export interface CheckOptions {
  limits?: ReadLimits;
  /** The checker; the whole catalogue by default. */
  check?: (snapshot: FormSnapshot) => Finding[];
}

/** Rule ids of the CLI's own notes (not rules of the catalogue). */
export const NOTE_RULES = {
  labels: 'pgt/found-by-labels',
  uncomputed: 'pgt/formula-not-computed',
} as const;

/** How much of a formula a note quotes. */
const MAX_FORMULA_SHOWN = 200;

function fileProblem(file: string, p: XlsxProblem, sheet: string | null = null): ReportedFinding {
  return {
    file,
    sheet,
    cells: [],
    ruleId: `file/${p.code}`,
    severity: 'error',
    message: p.text,
    fix: null,
  };
}

function toProblem(e: unknown): XlsxProblem {
  if (e instanceof XlsxProblem) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return problem(
    'corrupt',
    `文件无法读取（${msg}）；请在 Excel 中打开后重新另存为 .xlsx`,
    `The file cannot be read (${msg}); open it in Excel and save it again as .xlsx`,
  );
}

/** Checks one workbook held in memory. `file` is how reports name it. */
export function checkBuffer(file: string, buf: Buffer, opts: CheckOptions = {}): FileReport {
  const report: FileReport = { file, forms: [], findings: [], unusable: false };
  const check = opts.check ?? checkForm;
  let forms: FoundForm[];
  let wb;
  try {
    wb = readWorkbook(buf, opts.limits ?? DEFAULT_LIMITS);
    forms = findForms(wb);
  } catch (e) {
    report.unusable = true;
    report.findings.push(fileProblem(file, toProblem(e)));
    return report;
  }
  for (const s of wb.sheets)
    if (s.problem) {
      report.unusable = true;
      report.findings.push(fileProblem(file, s.problem, s.name));
    }
  if (!forms.length) {
    // A sheet too large to read already says why nothing was found.
    if (report.unusable) return report;
    report.unusable = true;
    report.findings.push(
      fileProblem(
        file,
        problem(
          'no-form',
          '未找到绩效目标表：工作簿中没有带绩效目标表名称或标签（部门总体资金情况、长期绩效指标、年度绩效指标……）的工作表',
          'No performance goal table found: no sheet carries the form’s names or labels (部门总体资金情况, 长期绩效指标, 年度绩效指标 …)',
        ),
      ),
    );
    return report;
  }
  for (const form of forms) {
    report.forms.push({ sheet: form.sheet, via: form.via });
    if (form.via !== 'names') {
      const broken = form.broken.length ? `（失效的名称：${form.broken.join('、')}）` : '';
      const brokenEn = form.broken.length ? ` (broken names: ${form.broken.join(', ')})` : '';
      report.findings.push({
        file,
        sheet: form.sheet,
        cells: [],
        ruleId: NOTE_RULES.labels,
        severity: 'info',
        message: {
          zh: `表中${form.via === 'labels' ? '没有' : '缺少部分'}绩效目标表的名称${broken}，已按标签定位字段${form.missing.length ? `；未找到：${form.missing.join('、')}` : ''}`,
          en: `The sheet ${form.via === 'labels' ? 'has none' : 'lacks some'} of the form’s names${brokenEn}; fields were found by their labels${form.missing.length ? `; not found: ${form.missing.join(', ')}` : ''}`,
        },
        fix: null,
      });
    }
    for (const u of wb.uncomputed.filter((x) => x.sheet === form.sheet)) {
      // A hostile file's formula may be 100 KB long: the report shows its beginning.
      const formula =
        u.formula.length > MAX_FORMULA_SHOWN
          ? `${u.formula.slice(0, MAX_FORMULA_SHOWN)}…`
          : u.formula;
      report.findings.push({
        file,
        sheet: form.sheet,
        cells: [u.address],
        ruleId: NOTE_RULES.uncomputed,
        severity: 'info',
        message: {
          zh: `公式 ${formula} 没有保存计算结果，本工具也无法计算（${u.reason}），按空值检查；请在 Excel 中打开并保存后再检查`,
          en: `Formula ${formula} has no saved result and could not be computed here (${u.reason}); checked as empty. Open and save the file in Excel, then check again`,
        },
        fix: null,
      });
    }
    for (const f of check(form.snapshot))
      report.findings.push({
        file,
        sheet: form.sheet,
        cells: f.cells.map(form.toSheet),
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        fix: f.fix ? { ...f.fix, address: form.toSheet(f.fix.address) } : null,
      });
  }
  return report;
}

/** Checks one file on disk: size limit first, then one read of its bytes. */
export function checkFile(path: string, file: string, opts: CheckOptions = {}): FileReport {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const fail = (p: XlsxProblem): FileReport => ({
    file,
    forms: [],
    findings: [fileProblem(file, p)],
    unusable: true,
  });
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile())
      return fail(problem('not-a-file', `不是文件：${file}`, `Not a file: ${file}`));
    size = st.size;
  } catch {
    return fail(problem('not-found', `找不到文件：${file}`, `File not found: ${file}`));
  }
  if (size === 0)
    return fail(problem('empty', '文件是空的（0 字节）', 'The file is empty (0 bytes)'));
  if (size > limits.maxFileBytes)
    return fail(
      problem(
        'too-large',
        `文件过大（${formatBytes(size)}，上限 ${formatBytes(limits.maxFileBytes)}），拒绝读取`,
        `The file is too large (${formatBytes(size)}, limit ${formatBytes(limits.maxFileBytes)}); refused`,
      ),
    );
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    return fail(
      problem(
        'not-found',
        `文件无法打开：${(e as Error).message}`,
        `The file cannot be opened: ${(e as Error).message}`,
      ),
    );
  }
  return checkBuffer(file, buf, opts);
}

/** checkFile, with any unexpected failure reported for that file instead of ending the run. */
export function checkFileSafely(path: string, file: string, opts: CheckOptions = {}): FileReport {
  try {
    return checkFile(path, file, opts);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return {
      file,
      forms: [],
      unusable: true,
      findings: [
        fileProblem(
          file,
          problem(
            'corrupt',
            `检查这个文件时出错（${msg}）；其他文件照常检查`,
            `Checking this file failed (${msg}); the other files are still checked`,
          ),
        ),
      ],
    };
  }
}

export interface Target {
  /** Absolute path. */
  path: string;
  /** As reports show it: relative to the working folder when inside it. */
  file: string;
}

/**
 * The files to check: given files as they are (whatever their extension — the content decides),
 * folders searched recursively for .xlsx, skipping Office lock files (~$…). Paths that do not
 * exist come back as targets too, so the report says so.
 */
export function collectTargets(
  args: string[],
  cwd: string,
): { targets: Target[]; emptyDirs: string[] } {
  const targets: Target[] = [];
  const emptyDirs: string[] = [];
  const seen = new Set<string>();
  const show = (abs: string, given?: string) => {
    if (given !== undefined) return given;
    const rel = relative(cwd, abs);
    return rel && !rel.startsWith('..') ? rel : abs;
  };
  const add = (abs: string, given?: string) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    targets.push({ path: abs, file: show(abs, given) });
  };
  const walk = (dir: string, out: string[]) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p, out);
      else if (e.isFile() && /\.xlsx$/i.test(e.name) && !e.name.startsWith('~$')) out.push(p);
    }
  };
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) {
      const found: string[] = [];
      walk(abs, found);
      if (!found.length) emptyDirs.push(arg);
      for (const f of found) add(f);
    } else add(abs, arg);
  }
  return { targets, emptyDirs };
}

/**
 * pgt — 部门整体绩效目标表命令行工具 / command-line tool for the department performance goal table.
 *
 *   pgt template -o 目标表.xlsx [--year 2025] [--common] [--force]
 *   pgt names [--year 2025] [--common] [--json]
 *   pgt check FILE|DIR... [--format text|json|csv] [--fail-on error|warning] [--lang zh|en]
 *   pgt import SOURCE -o OUT.xlsx [--year Y] [--dry-run] [--force]
 *   pgt export FILE.xlsx [--format json|csv] [-o OUT]
 *   pgt roll FILE.xlsx -o NEXT.xlsx [--dry-run]
 *
 * `main(argv, io)` runs one command and resolves to the exit status; nothing here calls
 * process.exit, so tests run it in-process with an in-memory IO.
 */
import { computeLayout } from '../core/form/layout';
import { writeTemplate } from '../xlsx/write';
import { checkFileSafely, collectTargets, type CheckOptions, type FileReport } from './check';
import { exportCommand } from './export';
import { importCommand } from './import';
import { processIO, type CliIO } from './io';
import { progressBar } from './progress';
import { csvReport, jsonReport, textReport } from './report';
import { rollCommand } from './roll';
import { alignedTable } from './text';
import {
  CommandError,
  checkOutput,
  langOption,
  parseOptions,
  writeOutput,
  yearOption,
} from './transfer-io';

export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

export const USAGE = `pgt — 部门整体绩效目标表命令行工具 / performance goal table command-line tool

用法 / Usage:
  pgt template -o 目标表.xlsx [--year 2025] [--common] [--force]
      写出空白绩效目标表（.xlsx）/ write the empty form as .xlsx
        -o, --output FILE   输出文件 / output file (.xlsx)
        --year YEAR         预算年度，默认明年 / budget year, next year by default
        --common            预填共性指标 / pre-fill the common indicators
        --force             覆盖已有文件 / overwrite an existing file
  pgt names [--year 2025] [--common] [--json]
      列出表中全部名称、单元格和中文标签 / list every name with its cell and Chinese label
  pgt check FILE|DIR... [--format text|json|csv] [--fail-on error|warning] [--lang zh|en]
      检查已填写的表；目录中的 .xlsx 逐个检查 / check filled forms; folders are searched for .xlsx
  pgt import SOURCE -o 新表.xlsx [--year Y] [--sheet NAME] [--formulas] [--dry-run] [--force]
      按标签导入已填写的表（Word 表格导出的 .txt 或 .xlsx），先列出匹配结果再写出新表
      / import a filled form (a Word table's .txt export or an .xlsx) by its labels; shows the matches first
  pgt export FILE.xlsx [--format json|csv] [-o OUT] [--sheet NAME] [--force]
      导出表中数据（指标值拆分为运算符、数值、单位）/ export the data (operator, number, unit split)
  pgt roll FILE.xlsx -o 下一年.xlsx [--sheet NAME] [--dry-run] [--force]
      滚动到下一年，先列出全部变化；原文件不改动 / roll forward to next year; lists every change first

退出码 / Exit status:
  0  没有达到 --fail-on 级别的问题 / nothing at the --fail-on level (default: error)
     import/export/roll：完成 / done
  1  有达到该级别的问题 / findings at or above it
  2  文件无法使用或参数错误 / unusable input or bad arguments

  pgt --help | pgt --version
`;

function version(): string {
  try {
    // dist-cli/cli/main.js and src/cli/main.ts both sit two folders below the package root.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('../../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** The budget year of --year; next year by default. */
function readYear(raw: string | undefined, io: CliIO): number {
  return yearOption(raw) ?? io.now().getFullYear() + 1;
}

function noPositionals(positionals: string[]): void {
  if (positionals.length)
    throw new CommandError(
      `多余的参数：${positionals.join(' ')}`,
      `Unexpected arguments: ${positionals.join(' ')}`,
      true,
    );
}

async function templateCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    output: { type: 'string', short: 'o' },
    year: { type: 'string' },
    common: { type: 'boolean' },
    force: { type: 'boolean' },
    lang: { type: 'string' },
  });
  const lang = langOption(values.lang as string | undefined);
  noPositionals(positionals);
  const output = values.output as string | undefined;
  if (!output)
    throw new CommandError(
      '请用 -o 指定输出文件，例如 -o 目标表.xlsx',
      'Give the output file with -o, e.g. -o form.xlsx',
      true,
    );
  const force = Boolean(values.force);
  const path = checkOutput(output, io.cwd, {
    force,
    inputs: [],
    ext: /\.xlsx$/i,
    extName: '.xlsx',
  });
  const year = readYear(values.year as string | undefined, io);
  const layout = computeLayout({ year, common: Boolean(values.common) });
  writeOutput(path, output, await writeTemplate(layout), force);
  const fields = layout.names.filter((n) => n.kind === 'field').length;
  io.stdout(
    lang === 'zh'
      ? `已写入 ${output}：${year} 年度部门整体绩效目标表，工作表“${layout.sheetName}”，${layout.lastRow} 行，${fields} 个字段名称和 2 个指标表名称。\n`
      : `Wrote ${output}: the ${year} department performance goal table, sheet “${layout.sheetName}”, ${layout.lastRow} rows, ${fields} field names and 2 table names.\n`,
  );
  return EXIT.ok;
}

/** What `pgt names --json` prints: one entry per name. */
export interface NameEntry {
  name: string;
  address: string;
  label: string;
  labelEn: string;
  kind: 'field' | 'table';
  /** For tables: the column headers in order, with their column letters. */
  columns?: { key: string; header: string; headerEn: string; column: string }[];
}

export function nameEntries(year: number, common: boolean): NameEntry[] {
  const layout = computeLayout({ year, common });
  return layout.names.map((n) => {
    const e: NameEntry = {
      name: n.name,
      address: n.ref.replace(/\$/g, ''),
      label: n.label,
      labelEn: n.labelEn,
      kind: n.kind,
    };
    if (n.kind === 'table') {
      const t = Object.values(layout.tables).find((x) => x.name === n.name)!;
      e.columns = t.columns.map((c) => ({
        key: c.key,
        header: c.header,
        headerEn: c.headerEn,
        column: c.col,
      }));
    }
    return e;
  });
}

async function namesCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    year: { type: 'string' },
    common: { type: 'boolean' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
  });
  const lang = langOption(values.lang as string | undefined);
  noPositionals(positionals);
  const year = readYear(values.year as string | undefined, io);
  const entries = nameEntries(year, Boolean(values.common));
  if (values.json) {
    io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
    return EXIT.ok;
  }
  const rows = [
    lang === 'zh' ? ['名称', '单元格', '标签'] : ['Name', 'Cell', 'Label'],
    ...entries.flatMap((e) => {
      const row = [e.name, e.address, lang === 'zh' ? e.label : e.labelEn];
      if (!e.columns) return [row];
      const cols = e.columns
        .map((c) => `${c.column} ${lang === 'zh' ? c.header : c.headerEn}`)
        .join(lang === 'zh' ? '，' : ', ');
      return [row, ['', '', `${lang === 'zh' ? '列：' : 'Columns: '}${cols}`]];
    }),
  ];
  io.stdout(
    `${lang === 'zh' ? `${year} 年度绩效目标表的名称（均为工作表级名称）` : `Names of the ${year} form (all scoped to the form's sheet)`}\n${alignedTable(rows)}\n`,
  );
  return EXIT.ok;
}

async function checkCommand(args: string[], io: CliIO, opts: CheckOptions): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    lang: { type: 'string' },
  });
  const lang = langOption(values.lang as string | undefined);
  const format = (values.format as string | undefined) ?? 'text';
  if (!['text', 'json', 'csv'].includes(format))
    throw new CommandError(
      `--format 只能是 text、json 或 csv，收到“${format}”`,
      `--format must be text, json or csv, got “${format}”`,
      true,
    );
  const failOn = (values['fail-on'] as string | undefined) ?? 'error';
  if (failOn !== 'error' && failOn !== 'warning')
    throw new CommandError(
      `--fail-on 只能是 error 或 warning，收到“${failOn}”`,
      `--fail-on must be error or warning, got “${failOn}”`,
      true,
    );
  if (!positionals.length)
    throw new CommandError('请给出要检查的文件或目录', 'Give the files or folders to check', true);

  const { targets, emptyDirs } = collectTargets(positionals, io.cwd);
  for (const d of emptyDirs)
    io.stderr(`目录中没有 .xlsx 文件：${d}\nNo .xlsx files in folder: ${d}\n`);
  const progress = progressBar(io, targets.length);
  const reports: FileReport[] = [];
  for (const t of targets) {
    reports.push(checkFileSafely(t.path, t.file, opts));
    progress.tick(t.file);
  }
  progress.done();

  if (format === 'json') io.stdout(jsonReport(reports));
  else if (format === 'csv') io.stdout(csvReport(reports, lang));
  else io.stdout(textReport(reports, lang));
  if (format !== 'text')
    for (const r of reports)
      for (const f of r.findings.filter((x) => x.ruleId.startsWith('file/')))
        io.stderr(
          `${r.file}${f.sheet ? ` [${f.sheet}]` : ''}: ${f.message.zh}\n  ${f.message.en}\n`,
        );

  if (emptyDirs.length || reports.some((r) => r.unusable)) return EXIT.unusable;
  const failing = failOn === 'warning' ? ['error', 'warning'] : ['error'];
  return reports.some((r) => r.findings.some((f) => failing.includes(f.severity)))
    ? EXIT.findings
    : EXIT.ok;
}

/** Runs one pgt command; resolves to the exit status. */
export async function main(
  argv: string[],
  io: CliIO = processIO(),
  opts: CheckOptions = {},
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'template':
        return await templateCommand(rest, io);
      case 'names':
        return await namesCommand(rest, io);
      case 'check':
        return await checkCommand(rest, io, opts);
      case 'import':
        return await importCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'roll':
        return await rollCommand(rest, io);
      case '-h':
      case '--help':
      case 'help':
        io.stdout(USAGE);
        return EXIT.ok;
      case '-v':
      case '--version':
        io.stdout(`pgt ${version()}\n`);
        return EXIT.ok;
      case undefined:
        io.stderr(USAGE);
        return EXIT.unusable;
      default:
        throw new CommandError(`未知命令“${command}”`, `Unknown command “${command}”`, true);
    }
  } catch (e) {
    if (e instanceof CommandError) {
      io.stderr(`${e.zh}\n${e.en}\n${e.usage ? `\n${USAGE}` : ''}`);
      return EXIT.unusable;
    }
    const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
    io.stderr(`内部错误 / Internal error: ${msg}\n`);
    return EXIT.unusable;
  }
}

/** Entry point of bin/pgt.js. */
export function runCli(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(
        `内部错误 / Internal error: ${e instanceof Error ? e.message : String(e)}\n`,
      );
      process.exitCode = EXIT.unusable;
    },
  );
}

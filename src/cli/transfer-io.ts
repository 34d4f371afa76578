/**
 * What the pgt commands share: argument parsing with bilingual errors, reading an input file
 * within the reader's limits, reading the forms of a workbook, writing an output without
 * clobbering anything unasked (and the -o / --dry-run of the commands that write a workbook), and
 * showing a cell's value in one line.
 */
import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from 'fs';
import { resolve } from 'path';
import { parseArgs, type ParseArgsConfig } from 'util';
import { formatNumber } from '../core/values';
import type { RawCell } from '../core/values/types';
import { XlsxProblem, formatBytes } from '../xlsx/errors';
import { findForms, type FoundForm } from '../xlsx/forms';
import { DEFAULT_LIMITS, type ReadLimits } from '../xlsx/limits';
import { readWorkbook, type WorkbookData } from '../xlsx/read';
import type { CliIO } from './io';
import type { Lang } from './report';
import { truncate } from './text';

export const EXIT_OK = 0;
export const EXIT_UNUSABLE = 2;

/** A problem the user can act on: printed in Chinese and English, exit status 2. */
export class CommandError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    /** Bad arguments: point to the usage. */
    readonly usage = false,
  ) {
    super(`${zh} / ${en}`);
  }
}

/** Runs a command body; a CommandError becomes its message on stderr and exit status 2. */
export async function guard(io: CliIO, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (!(e instanceof CommandError)) throw e;
    io.stderr(
      `${e.zh}\n${e.en}\n${e.usage ? '用法见 pgt --help / See pgt --help for usage\n' : ''}`,
    );
    return EXIT_UNUSABLE;
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseOptions(
  args: string[],
  options: Options,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args, options, allowPositionals: true, strict: true });
    return {
      values: r.values as Record<string, string | boolean | undefined>,
      positionals: r.positionals,
    };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new CommandError(`参数错误：${msg}`, `Bad arguments: ${msg}`, true);
  }
}

/** One input file: exactly one positional argument. */
export function oneInput(positionals: string[], what: { zh: string; en: string }): string {
  if (positionals.length === 0) throw new CommandError(`请给出${what.zh}`, `Give ${what.en}`, true);
  if (positionals.length > 1)
    throw new CommandError(
      `只能给出一个${what.zh}，收到：${positionals.join(' ')}`,
      `Give one ${what.en}, got: ${positionals.join(' ')}`,
      true,
    );
  return positionals[0];
}

export function yearOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{4}$/.test(raw) || Number(raw) < 1990 || Number(raw) > 2100)
    throw new CommandError(
      `--year 应为 1990–2100 之间的四位年份，收到“${raw}”`,
      `--year must be a four-digit year between 1990 and 2100, got “${raw}”`,
      true,
    );
  return Number(raw);
}

export function langOption(raw: string | undefined): Lang {
  if (raw === undefined || raw === 'zh' || raw === 'en') return raw ?? 'zh';
  throw new CommandError(
    `--lang 只能是 zh 或 en，收到“${raw}”`,
    `--lang must be zh or en, got “${raw}”`,
    true,
  );
}

/** The bytes of an input file, refused with a clear message when missing, empty or too large. */
export function readInput(path: string, file: string, limits: ReadLimits = DEFAULT_LIMITS): Buffer {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new CommandError(`不是文件：${file}`, `Not a file: ${file}`);
    size = st.size;
  } catch (e) {
    if (e instanceof CommandError) throw e;
    throw new CommandError(`找不到文件：${file}`, `File not found: ${file}`);
  }
  if (size === 0)
    throw new CommandError(`文件是空的（0 字节）：${file}`, `The file is empty (0 bytes): ${file}`);
  if (size > limits.maxFileBytes)
    throw new CommandError(
      `文件过大（${formatBytes(size)}，上限 ${formatBytes(limits.maxFileBytes)}），拒绝读取：${file}`,
      `The file is too large (${formatBytes(size)}, limit ${formatBytes(limits.maxFileBytes)}); refused: ${file}`,
    );
  try {
    return readFileSync(path);
  } catch (e) {
    const msg = (e as Error).message;
    throw new CommandError(
      `文件无法打开：${file}（${msg}）`,
      `The file cannot be opened: ${file} (${msg})`,
    );
  }
}

/** An XlsxProblem (or any failure of the reader) as a CommandError naming the file. */
export function fileError(file: string, e: unknown): CommandError {
  if (e instanceof XlsxProblem)
    return new CommandError(`${file}：${e.text.zh}`, `${file}: ${e.text.en}`);
  const msg = e instanceof Error ? e.message : String(e);
  return new CommandError(
    `${file}：文件无法读取（${msg}）；请在 Excel 中打开后重新另存为 .xlsx`,
    `${file}: the file cannot be read (${msg}); open it in Excel and save it again as .xlsx`,
  );
}

export function readXlsx(
  buf: Buffer,
  file: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): WorkbookData {
  try {
    return readWorkbook(buf, limits);
  } catch (e) {
    throw fileError(file, e);
  }
}

/**
 * The forms of a workbook on disk, or only the one on `sheet`. Refused with a clear message when
 * there is none.
 */
export function readForms(
  path: string,
  file: string,
  sheet?: string,
): { wb: WorkbookData; forms: FoundForm[] } {
  const wb = readXlsx(readInput(path, file), file);
  let forms: FoundForm[];
  try {
    forms = findForms(wb);
  } catch (e) {
    throw fileError(file, e);
  }
  const skipped = wb.sheets.filter((s) => s.problem);
  if (sheet !== undefined) {
    const f = forms.find((x) => x.sheet === sheet);
    if (!f)
      throw new CommandError(
        `工作表“${sheet}”中没有绩效目标表；有表的工作表：${forms.map((x) => x.sheet).join('、') || '无'}`,
        `Sheet “${sheet}” holds no performance goal table; sheets with one: ${forms.map((x) => x.sheet).join(', ') || 'none'}`,
      );
    return { wb, forms: [f] };
  }
  if (!forms.length) {
    if (skipped.length) throw fileError(file, skipped[0].problem);
    throw new CommandError(
      `${file}：未找到绩效目标表：工作簿中没有带绩效目标表名称或标签（部门总体资金情况、长期绩效指标、年度绩效指标……）的工作表`,
      `${file}: no performance goal table found: no sheet carries the form’s names or labels (部门总体资金情况, 长期绩效指标, 年度绩效指标 …)`,
    );
  }
  return { wb, forms };
}

/** Same file? (Both paths exist or the output does not; symbolic links resolved.) */
function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return existsSync(b) && realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/**
 * Checks an output path before any work is shown or done: an .xlsx name where one is required,
 * never one of the inputs, and no existing file unless --force.
 */
export function checkOutput(
  output: string,
  cwd: string,
  opts: { force: boolean; inputs: string[]; ext?: RegExp; extName?: string },
): string {
  const path = resolve(cwd, output);
  if (opts.ext && !opts.ext.test(output))
    throw new CommandError(
      `输出文件须以 ${opts.extName} 结尾：${output}`,
      `The output file must end in ${opts.extName}: ${output}`,
      true,
    );
  if (opts.inputs.some((i) => sameFile(i, path)))
    throw new CommandError(
      `输出文件不能是输入文件本身：${output}；原文件不会被修改，请另取一个文件名`,
      `The output cannot be the input file itself: ${output}; the original is never modified, choose another name`,
      true,
    );
  if (!opts.force && existsSync(path))
    throw new CommandError(
      `文件已存在：${output}；如需覆盖请加 --force`,
      `The file exists: ${output}; add --force to overwrite it`,
    );
  return path;
}

/**
 * -o, --dry-run and --force of a command that writes a new workbook made from `input`: -o is
 * required unless --dry-run (`missing` says so), and is checked before any work (checkOutput).
 */
export function workbookOutput(
  values: Record<string, string | boolean | undefined>,
  cwd: string,
  input: string,
  missing: { zh: string; en: string },
): { output: string | undefined; outPath: string | null; dryRun: boolean; force: boolean } {
  const dryRun = Boolean(values['dry-run']);
  const force = Boolean(values.force);
  const output = values.output as string | undefined;
  if (!output && !dryRun) throw new CommandError(missing.zh, missing.en, true);
  const outPath = output
    ? checkOutput(output, cwd, {
        force: force || dryRun,
        inputs: [input],
        ext: /\.xlsx$/i,
        extName: '.xlsx',
      })
    : null;
  return { output, outPath, dryRun, force };
}

/** What a dry run prints: nothing was written, and what a real run would write. */
export function dryRunNote(output: string | undefined, lang: Lang): string {
  return lang === 'zh'
    ? `演练（--dry-run）：没有写入任何文件${output ? `；实际运行将写入 ${output}` : ''}。\n`
    : `Dry run (--dry-run): nothing was written${output ? `; a real run writes ${output}` : ''}.\n`;
}

export function writeOutput(
  path: string,
  file: string,
  data: Buffer | string,
  force: boolean,
): void {
  try {
    writeFileSync(path, data, { flag: force ? 'w' : 'wx' });
  } catch (e) {
    if ((e as { code?: string }).code === 'EEXIST')
      throw new CommandError(
        `文件已存在：${file}；如需覆盖请加 --force`,
        `The file exists: ${file}; add --force to overwrite it`,
      );
    const msg = (e as Error).message;
    throw new CommandError(`无法写入 ${file}：${msg}`, `Cannot write ${file}: ${msg}`);
  }
}

/** A value on one line for a table on the terminal: percentages as such, line breaks as spaces. */
export function showValue(
  value: RawCell['value'] | undefined,
  numberFormat: string | undefined,
  lang: Lang,
  width = 36,
): string {
  if (value === null || value === undefined || value === '')
    return lang === 'zh' ? '（空）' : '(empty)';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number')
    return numberFormat?.includes('%')
      ? `${formatNumber(value * 100, 6)}%`
      : formatNumber(value, 6);
  const line = value.replace(/[\r\n\t]+/g, ' ');
  // Blanks at either end (U+3000 around a number: why Excel keeps it as text) stay visible.
  return /^\s|\s$/.test(line) ? `“${truncate(line, width - 2)}”` : truncate(line, width);
}

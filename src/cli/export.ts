/**
 * `pgt export FILE.xlsx [--format json|csv] [-o OUT] [--sheet NAME] [--force]`
 *
 * Writes the data of the form(s) in a workbook as structured JSON or CSV, each indicator value
 * split into operator (≥, ＞, ＝, ＜, ≤ or 定性), number and unit, as budget systems import them.
 * One form per sheet: with one form JSON is one object, with several an array (each object names
 * its sheet); CSV gets a leading 工作表 column when there are several.
 */
import { resolve } from 'path';
import { computeLayout } from '../core/form/layout';
import { exportCsv, exportCsvSheets, exportForm, type ExportedForm } from '../core/transfer/export';
import { inputFieldNames, valuesFromSnapshot } from '../core/transfer/form-values';
import type { FoundForm } from '../xlsx/forms';
import type { CliIO } from './io';
import type { Lang } from './report';
import {
  CommandError,
  EXIT_OK,
  checkOutput,
  guard,
  langOption,
  oneInput,
  parseOptions,
  readForms,
  writeOutput,
} from './transfer-io';

/** What `pgt export --format json` writes for one form: the export with the sheet it came from. */
export type ExportedSheet = { format: ExportedForm['format']; sheet: string } & Omit<
  ExportedForm,
  'format'
>;

/** The form's input names (the same for every year and table size). */
export const INPUT_NAMES = inputFieldNames(computeLayout({ year: 2000 }));

/** A form's year, or a clear refusal: the history columns are named by it. */
export function formYear(form: FoundForm, file: string): number {
  if (form.snapshot.year !== null) return form.snapshot.year;
  throw new CommandError(
    `${file}，工作表“${form.sheet}”：未能读取预算年度（“预算年度”右侧的单元格为空或不是年份）；请先填写预算年度`,
    `${file}, sheet “${form.sheet}”: the budget year could not be read (the cell right of 预算年度 is empty or not a year); fill it in first`,
  );
}

/** Notes on how forms were found, for stderr. */
export function formNotes(forms: FoundForm[], lang: Lang): string {
  return forms
    .filter((f) => f.via !== 'names')
    .map((f) =>
      lang === 'zh'
        ? `工作表“${f.sheet}”缺少绩效目标表的名称，已按标签定位字段${f.missing.length ? `；未找到：${f.missing.join('、')}` : ''}\n`
        : `Sheet “${f.sheet}” lacks the form’s names; fields were found by their labels${f.missing.length ? `; not found: ${f.missing.join(', ')}` : ''}\n`,
    )
    .join('');
}

export function exportSheets(forms: FoundForm[], file: string): ExportedSheet[] {
  return forms.map((f) => {
    formYear(f, file);
    const { format, ...rest } = exportForm(valuesFromSnapshot(f.snapshot, INPUT_NAMES));
    return { format, sheet: f.sheet, ...rest };
  });
}

export function exportCommand(args: string[], io: CliIO): Promise<number> {
  return guard(io, async () => {
    const { values, positionals } = parseOptions(args, {
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      sheet: { type: 'string' },
      force: { type: 'boolean' },
      lang: { type: 'string' },
    });
    const lang = langOption(values.lang as string | undefined);
    const format = (values.format as string | undefined) ?? 'json';
    if (format !== 'json' && format !== 'csv')
      throw new CommandError(
        `--format 只能是 json 或 csv，收到“${format}”`,
        `--format must be json or csv, got “${format}”`,
        true,
      );
    const file = oneInput(positionals, {
      zh: '要导出的工作簿（.xlsx）',
      en: 'the workbook to export (.xlsx)',
    });
    const inPath = resolve(io.cwd, file);
    const output = values.output as string | undefined;
    const force = Boolean(values.force);
    const outPath = output ? checkOutput(output, io.cwd, { force, inputs: [inPath] }) : null;

    const { forms } = readForms(inPath, file, values.sheet as string | undefined);
    const sheets = exportSheets(forms, file);
    let text: string;
    if (format === 'json')
      text = `${JSON.stringify(sheets.length === 1 ? sheets[0] : sheets, null, 2)}\n`;
    else if (sheets.length === 1) text = exportCsv(sheets[0]);
    else text = exportCsvSheets(sheets.map((s) => ({ sheet: s.sheet, form: s })));

    const notes = formNotes(forms, lang);
    if (!outPath) {
      io.stdout(text);
      if (notes) io.stderr(notes);
      return EXIT_OK;
    }
    writeOutput(outPath, output!, text, force);
    const indicators = sheets.reduce((n, s) => n + s.indicators.length, 0);
    io.stdout(
      notes +
        (lang === 'zh'
          ? `已写入 ${output}（${format.toUpperCase()}）：${sheets.length} 张表（${sheets.map((s) => `${s.sheet}，${s.year} 年度`).join('；')}），共 ${indicators} 个指标。\n`
          : `Wrote ${output} (${format.toUpperCase()}): ${sheets.length} form(s) (${sheets.map((s) => `${s.sheet}, ${s.year}`).join('; ')}), ${indicators} indicators.\n`),
    );
    return EXIT_OK;
  });
}

/**
 * `pgt roll FILE.xlsx -o NEXT.xlsx [--sheet NAME] [--dry-run] [--force]`
 *
 * 滚动到下一年: turns the year-Y form(s) of a workbook into year-Y+1 forms in a new workbook. The
 * Y-1 history takes the old expected values, Y-2 the old Y-1, this year's amounts and targets are
 * cleared, and the years in the headers move on. Every change is printed (位置 / 原值 / 新值)
 * before anything is written; the original file is never modified.
 */
import { resolve } from 'path';
import { INDICATOR_TABLES } from '../core/form/spec';
import { placeValues, valuesFromSnapshot } from '../core/transfer/form-values';
import { planRollForward, type RollForwardPlan } from '../core/transfer/roll-forward';
import type { FoundForm } from '../xlsx/forms';
import { writeForms } from '../xlsx/write';
import { INPUT_NAMES, formNotes, formYear } from './export';
import type { CliIO } from './io';
import type { Lang } from './report';
import { alignedTable } from './text';
import {
  EXIT_OK,
  dryRunNote,
  guard,
  langOption,
  oneInput,
  parseOptions,
  readForms,
  showValue,
  workbookOutput,
  writeOutput,
} from './transfer-io';

export interface RolledForm {
  form: FoundForm;
  year: number;
  plan: RollForwardPlan;
  /** The rolled form's sheet: the old name with its year moved on, or the layout's. */
  sheetName: string;
}

/** '商务局2024' → '商务局2025'; a name without the year gets the template's name for Y+1. */
export function nextSheetName(sheet: string, year: number): string {
  const i = sheet.lastIndexOf(String(year));
  if (i < 0) return `绩效目标表${year + 1}`;
  return sheet.slice(0, i) + String(year + 1) + sheet.slice(i + 4);
}

export function planRoll(forms: FoundForm[], file: string): RolledForm[] {
  const used = new Set<string>();
  return forms.map((form) => {
    const year = formYear(form, file);
    const plan = planRollForward(valuesFromSnapshot(form.snapshot, INPUT_NAMES));
    // As the writer names sheets: at most 31 characters, a repeated name numbered.
    let sheetName = nextSheetName(form.sheet, year).slice(0, 31);
    for (let i = 2; used.has(sheetName.toLowerCase()); i++)
      sheetName = `${sheetName.slice(0, 28)}(${i})`;
    used.add(sheetName.toLowerCase());
    return { form, year, plan, sheetName };
  });
}

/** The changes of one form, aligned: 位置 / 原值 / 新值. */
export function changeTable(r: RolledForm, lang: Lang): string {
  const zh = lang === 'zh';
  const rows = [
    zh ? ['位置', '原值', '新值'] : ['Where', 'Before', 'After'],
    ...r.plan.changes.map((c) => [
      zh ? c.where : c.whereEn,
      showValue(c.from, c.fromFormat, lang, 24),
      showValue(c.to, c.toFormat, lang, 24),
    ]),
  ];
  return alignedTable(rows, '  ');
}

export function rollCommand(args: string[], io: CliIO): Promise<number> {
  return guard(io, async () => {
    const { values, positionals } = parseOptions(args, {
      output: { type: 'string', short: 'o' },
      sheet: { type: 'string' },
      'dry-run': { type: 'boolean' },
      force: { type: 'boolean' },
      lang: { type: 'string' },
    });
    const lang = langOption(values.lang as string | undefined);
    const zh = lang === 'zh';
    const file = oneInput(positionals, {
      zh: '要滚动到下一年的工作簿（.xlsx）',
      en: 'the workbook to roll forward (.xlsx)',
    });
    const inPath = resolve(io.cwd, file);
    const { output, outPath, dryRun, force } = workbookOutput(values, io.cwd, inPath, {
      zh: '请用 -o 指定新工作簿，例如 -o 目标表2025.xlsx（或加 --dry-run 只查看变化）',
      en: 'Give the new workbook with -o, e.g. -o form2025.xlsx (or add --dry-run to see the changes only)',
    });

    const { forms } = readForms(inPath, file, values.sheet as string | undefined);
    const rolled = planRoll(forms, file);
    const notes = formNotes(forms, lang);
    if (notes) io.stdout(notes);
    for (const r of rolled) {
      const n = r.plan.changes.length;
      io.stdout(
        zh
          ? `工作表“${r.form.sheet}”：${r.year} 年度 → ${r.year + 1} 年度（新工作表“${r.sheetName}”），${n} 处变化：\n`
          : `Sheet “${r.form.sheet}”: ${r.year} → ${r.year + 1} (new sheet “${r.sheetName}”), ${n} changes:\n`,
      );
      io.stdout(`${changeTable(r, lang)}\n`);
    }
    io.stdout(
      zh
        ? `表头中的年份随之更新；部门信息、部门职能概述、年度工作任务、长期目标、年度目标和${INDICATOR_TABLES.longTerm.label.zh}原样保留，请按新年度修改。\n`
        : `The years in the headers move on; the department details, functions, tasks, goals and ${INDICATOR_TABLES.longTerm.label.en.toLowerCase()} are carried over as they are, for you to revise.\n`,
    );
    if (dryRun || !outPath) {
      io.stdout(dryRunNote(output, lang));
      return EXIT_OK;
    }
    const buf = await writeForms(
      rolled.map((r) => {
        const { layout, cells } = placeValues(r.plan.values);
        return { layout, fill: cells, sheetName: r.sheetName };
      }),
    );
    writeOutput(outPath, output!, buf, force);
    io.stdout(
      zh
        ? `已写入 ${output}：${rolled.map((r) => `工作表“${r.sheetName}”（${r.year + 1} 年度）`).join('、')}；原文件 ${file} 未改动。\n`
        : `Wrote ${output}: ${rolled.map((r) => `sheet “${r.sheetName}” (${r.year + 1})`).join(', ')}; the original ${file} is unchanged.\n`,
    );
    return EXIT_OK;
  });
}

/**
 * `pgt import SOURCE -o OUT.xlsx [--year Y] [--sheet NAME] [--formulas] [--dry-run] [--force]`
 *
 * Brings last year's form in from a Word table's text export (.txt) or a workbook (a table pasted
 * from Word, a hand-made sheet, an older form): finds its sections and fields by their labels,
 * prints what it matched (field → where in the source) and what it could not find, and only then
 * writes a fresh template sized to the imported tables, every value stored as Excel stores typed
 * text — so the new file checks like the original (numbers wrapped in U+3000 stay text).
 */
import { resolve } from 'path';
import { INDICATOR_TABLES } from '../core/form/spec';
import type { IndicatorTableId, Layout } from '../core/form/types';
import { hasFormArrangement } from '../core/import/arrangement';
import { importRows, type ImportResult } from '../core/import/from-rows';
import { parseWordTableText } from '../core/import/word-text';
import { placeValues } from '../core/transfer/form-values';
import type { RawCell } from '../core/values/types';
import {
  MIN_SECTIONS,
  importYear,
  isComputedField,
  numbersStoredAsText,
  sectionsFound,
  valuesFromImport,
} from '../core/transfer/from-import';
import { GridTooLarge, gridFromCells, wordTextLines, type SourceGrid } from '../core/transfer/grid';
import { showsFormArrangement } from '../xlsx/locate';
import { writeForms } from '../xlsx/write';
import type { CliIO } from './io';
import type { Lang } from './report';
import { alignedTable } from './text';
import {
  CommandError,
  EXIT_OK,
  dryRunNote,
  guard,
  langOption,
  oneInput,
  parseOptions,
  readInput,
  readXlsx,
  showValue,
  workbookOutput,
  writeOutput,
  yearOption,
} from './transfer-io';

/** A source read as a grid, with how to name a place in it. */
export interface ImportSource {
  kind: 'text' | 'xlsx';
  /** The sheet read, for a workbook. */
  sheet?: string;
  grid: SourceGrid;
  /** Other sheets of the workbook that look like forms too. */
  otherForms: string[];
  /**
   * Whether the source shows the form's arrangement of labels (hasFormArrangement): a list of
   * findings (问题清单) names every section too, but is no form to import.
   */
  arranged: boolean;
}

/**
 * The largest used range read as a grid: a form is about 100 rows by 9 columns; label search scans
 * the grid once per label, so a sheet far beyond that is refused rather than scanned for minutes.
 */
const MAX_GRID_CELLS = 200_000;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b]);
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Known formats that are neither a workbook nor text, with what to do instead. */
const OTHER_FORMATS: { magic: string; zh: string; en: string }[] = [
  { magic: '{\\rtf', zh: 'RTF 文档', en: 'an RTF document' },
  { magic: '%PDF', zh: 'PDF 文件', en: 'a PDF file' },
];

const SAVE_AS_HINT = {
  zh: '请在 Word 中把表格“另存为”纯文本（.txt），或把表格复制到 Excel 后另存为 .xlsx，再导入',
  en: 'save the table from Word as plain text (.txt), or copy it into Excel and save as .xlsx, then import that',
};

/** Text of a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK. */
export function decodeText(buf: Buffer): string | null {
  const decode = (enc: string, b: Buffer) => {
    try {
      return new TextDecoder(enc, { fatal: true }).decode(b);
    } catch {
      return null;
    }
  };
  let text: string | null;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    text = decode('utf-8', buf.subarray(3));
  else if (buf[0] === 0xff && buf[1] === 0xfe) text = decode('utf-16le', buf.subarray(2));
  else if (buf[0] === 0xfe && buf[1] === 0xff) text = decode('utf-16be', buf.subarray(2));
  else text = decode('utf-8', buf) ?? decode('gb18030', buf);
  if (text === null) return null;
  // Text has no control characters but tabs, line ends and page breaks (a stray one is tolerated).
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x08 || (c >= 0x0e && c <= 0x1f) || c === 0x7f) controls++;
  }
  return controls > Math.max(2, text.length / 1000) ? null : text;
}

function notRecognised(file: string, what?: { zh: string; en: string }): CommandError {
  return new CommandError(
    `${file}：${what ? `这是${what.zh}，` : ''}无法导入：既不是 .xlsx 工作簿，也不是 Word 表格导出的文本；${SAVE_AS_HINT.zh}`,
    `${file}: ${what ? `this is ${what.en}; ` : ''}cannot import it: neither an .xlsx workbook nor the text export of a Word table; ${SAVE_AS_HINT.en}`,
  );
}

/** Reads a source file as a grid of texts; a workbook's best-matching sheet (or `sheet`). */
export function readSource(buf: Buffer, file: string, sheet?: string): ImportSource {
  const head = buf.subarray(0, 8);
  if (head.subarray(0, 2).equals(ZIP_MAGIC) || head.equals(CFB_MAGIC)) {
    if (buf.includes('word/document.xml'))
      throw notRecognised(file, { zh: ' Word 文档（.docx）', en: 'a Word document (.docx)' });
    return readWorkbookSource(buf, file, sheet);
  }
  const other = OTHER_FORMATS.find(
    (f) => buf.subarray(0, f.magic.length).toString('latin1') === f.magic,
  );
  if (other) throw notRecognised(file, other);
  if (sheet !== undefined)
    throw new CommandError(
      '--sheet 只适用于 .xlsx 来源',
      '--sheet applies to .xlsx sources only',
      true,
    );
  const text = decodeText(buf);
  if (text === null) throw notRecognised(file);
  const rows = parseWordTableText(text);
  return {
    kind: 'text',
    grid: { rows, at: wordTextLines(text) },
    otherForms: [],
    arranged: hasFormArrangement({ top: 1, left: 1, values: rows }),
  };
}

function readWorkbookSource(buf: Buffer, file: string, sheet?: string): ImportSource {
  const wb = readXlsx(buf, file);
  const sheets = wb.sheets.filter((s) => sheet === undefined || s.name === sheet);
  if (sheet !== undefined && !sheets.length)
    throw new CommandError(
      `工作簿中没有工作表“${sheet}”；有：${wb.sheets.map((s) => s.name).join('、')}`,
      `The workbook has no sheet “${sheet}”; it has: ${wb.sheets.map((s) => s.name).join(', ')}`,
    );
  const tried: { name: string; grid: SourceGrid; score: number; arranged: boolean }[] = [];
  let refused: CommandError | null = null;
  for (const s of sheets) {
    if (s.problem) {
      refused ??= new CommandError(
        `${file}：${s.problem.text.zh}`,
        `${file}: ${s.problem.text.en}`,
      );
      continue;
    }
    try {
      const grid = gridFromCells({ cells: s.cells, merges: s.merges }, MAX_GRID_CELLS);
      tried.push({
        name: s.name,
        grid,
        score: sectionsFound(importRows(grid.rows)),
        arranged: showsFormArrangement(s),
      });
    } catch (e) {
      if (!(e instanceof GridTooLarge)) throw e;
      refused ??= new CommandError(
        `${file}：工作表“${s.name}”的已用区域过大（${e.rows} 行 × ${e.cols} 列），不像一张绩效目标表；请删除表格以外的内容`,
        `${file}: the used range of sheet “${s.name}” is too large (${e.rows} rows × ${e.cols} columns) for a form; delete what lies outside the table`,
      );
    }
  }
  if (!tried.length) throw refused ?? notRecognised(file);
  // A sheet in the form's arrangement before any other; then the one that shows most of the
  // form's sections; the first of equals.
  const best = tried.reduce((a, b) =>
    (b.arranged === a.arranged ? b.score > a.score : b.arranged) ? b : a,
  );
  return {
    kind: 'xlsx',
    sheet: best.name,
    grid: best.grid,
    otherForms: tried
      .filter((t) => t !== best && t.arranged && t.score >= MIN_SECTIONS)
      .map((t) => t.name),
    arranged: best.arranged,
  };
}

/** Where a field's value was taken from (as importRows read it), else its label's place. */
function valueAt(
  src: ImportSource,
  m: { row: number; col: number; valueCol?: number },
): string | number | undefined {
  const at = src.grid.at[m.row];
  const v = m.valueCol !== undefined && m.valueCol >= 0 ? at?.[m.valueCol] : undefined;
  return v || at?.[m.col];
}

function place(src: ImportSource, at: string | number | undefined, lang: Lang): string {
  if (at === undefined) return '';
  if (typeof at === 'number') return lang === 'zh' ? `第 ${at} 行` : `line ${at}`;
  return at;
}

const shortLabel = (label: string) =>
  label.replace(/^部门总体资金情况\//, '').replace(/^Overall funding\//, '');

/** The preview: what was found where, what was not, and what the new form will hold. */
export function importPreview(
  src: ImportSource,
  res: ImportResult,
  layout: Layout,
  opts: { lang: Lang; formulas: boolean; cells: Map<string, RawCell> },
): string {
  const { lang } = opts;
  const zh = lang === 'zh';
  const out: string[] = [];
  const byName = new Map(res.matched.map((m) => [m.name, m]));
  const rows: string[][] = [zh ? ['字段', '来源位置', '导入的值'] : ['Field', 'Source', 'Value']];
  let found = 0;
  for (const n of layout.names) {
    const m = byName.get(n.name);
    if (!m) continue;
    found++;
    const label = shortLabel(zh ? n.label : n.labelEn);
    if (n.kind === 'table') {
      const id = (Object.keys(layout.tables) as IndicatorTableId[]).find(
        (t) => layout.tables[t].name === n.name,
      )!;
      const count = res.tables[id].length;
      rows.push([
        label,
        place(src, src.grid.at[m.row]?.[m.col], lang),
        zh ? `${count} 行` : `${count} rows`,
      ]);
      continue;
    }
    const address = n.ref.replace(/\$/g, '');
    const cell = opts.cells.get(address);
    const shown =
      opts.formulas && isComputedField(n.name)
        ? zh
          ? '（由公式计算）'
          : '(computed by formula)'
        : showValue(cell?.value, cell?.numberFormat, lang);
    rows.push([label, place(src, valueAt(src, m), lang), shown]);
  }
  out.push(
    zh
      ? `找到 ${found} 项${res.missing.length ? `，未找到 ${res.missing.length} 项` : '，全部找到'}：`
      : `Found ${found}${res.missing.length ? `, not found ${res.missing.length}` : ', nothing missing'}:`,
  );
  out.push(alignedTable(rows, '  '));
  if (res.missing.length)
    out.push(
      `${zh ? '未找到（新表中这些位置留空）：' : 'Not found (left empty in the new form):'}\n${res.missing.map((m) => `  ${m}`).join('\n')}`,
    );
  return `${out.join('\n')}\n`;
}

function sourceLine(src: ImportSource, file: string, lang: Lang): string {
  if (lang === 'zh')
    return src.kind === 'text'
      ? `来源：${file}（Word 表格导出的文本）`
      : `来源：${file}，工作表“${src.sheet}”`;
  return src.kind === 'text'
    ? `Source: ${file} (text export of a Word table)`
    : `Source: ${file}, sheet “${src.sheet}”`;
}

export function importCommand(args: string[], io: CliIO): Promise<number> {
  return guard(io, async () => {
    const { values, positionals } = parseOptions(args, {
      output: { type: 'string', short: 'o' },
      year: { type: 'string' },
      sheet: { type: 'string' },
      formulas: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      force: { type: 'boolean' },
      lang: { type: 'string' },
    });
    const lang = langOption(values.lang as string | undefined);
    const zh = lang === 'zh';
    const source = oneInput(positionals, {
      zh: '要导入的文件（Word 表格导出的 .txt，或 .xlsx）',
      en: 'the file to import (a Word table’s text export, or an .xlsx)',
    });
    const formulas = Boolean(values.formulas);
    const yearOpt = yearOption(values.year as string | undefined);
    const srcPath = resolve(io.cwd, source);
    const { output, outPath, dryRun, force } = workbookOutput(values, io.cwd, srcPath, {
      zh: '请用 -o 指定输出文件，例如 -o 目标表.xlsx（或加 --dry-run 只查看匹配结果）',
      en: 'Give the output file with -o, e.g. -o form.xlsx (or add --dry-run to see the matches only)',
    });

    const src = readSource(readInput(srcPath, source), source, values.sheet as string | undefined);
    const res = importRows(src.grid.rows);
    const where = {
      zh: `${source}${src.sheet ? `（工作表“${src.sheet}”）` : ''}`,
      en: `${source}${src.sheet ? ` (sheet “${src.sheet}”)` : ''}`,
    };
    if (sectionsFound(res) < MIN_SECTIONS)
      throw new CommandError(
        `${where.zh}：未找到绩效目标表的标签（部门（单位）名称、部门总体资金情况、部门职能概述、长期绩效指标、年度绩效指标……），无法导入`,
        `${where.en}: none of the form’s labels found (部门（单位）名称, 部门总体资金情况, 部门职能概述, 长期绩效指标, 年度绩效指标 …); nothing to import`,
      );
    if (!src.arranged)
      throw new CommandError(
        `${where.zh}：不是绩效目标表：其中虽有表的标签，但不是表的排列（部门总体资金情况、部门职能概述、年度工作任务……在同一列中按顺序各出现一次），像是问题清单之类的列表；无法导入`,
        `${where.en}: no performance goal table here: the form’s labels appear, but not in the form’s arrangement (部门总体资金情况, 部门职能概述, 年度工作任务 … once each, in order, in one column), as in a findings list (问题清单); nothing to import`,
      );
    const year = importYear(res, yearOpt);
    if (year === null)
      throw new CommandError(
        `${source}：未能识别预算年度（来源中没有“长期目标：（截止YYYY年）”，也没有“近两年收支金额”下的年份）；请用 --year 指定，例如 --year 2024`,
        `${source}: the budget year could not be read (no “长期目标：（截止YYYY年）” and no years under “近两年收支金额”); give it with --year, e.g. --year 2024`,
        true,
      );

    const v = valuesFromImport(res, { year, keepComputed: !formulas });
    const { layout, cells } = placeValues(v);

    io.stdout(`${sourceLine(src, source, lang)}\n`);
    if (src.otherForms.length)
      io.stdout(
        zh
          ? `（工作簿中的其他表：${src.otherForms.join('、')}；用 --sheet 选择）\n`
          : `(Other forms in the workbook: ${src.otherForms.join(', ')}; choose one with --sheet)\n`,
      );
    const yearNote =
      yearOpt === undefined
        ? zh
          ? '（从来源中识别）'
          : ' (read from the source)'
        : res.year !== null && res.year !== yearOpt
          ? zh
            ? `（--year 指定；来源中为 ${res.year} 年，如需转为下一年度请用 pgt roll）`
            : ` (from --year; the source says ${res.year}; to turn it into next year’s form use pgt roll)`
          : zh
            ? '（--year 指定）'
            : ' (from --year)';
    io.stdout(zh ? `预算年度：${year}${yearNote}\n` : `Budget year: ${year}${yearNote}\n`);
    io.stdout(importPreview(src, res, layout, { lang, formulas, cells }));

    const typedTotals = Object.keys(v.fields).filter(
      (n) => isComputedField(n) && v.fields[n].value !== null,
    );
    const computedInSource = Object.keys(res.fields).filter(
      (n) => isComputedField(n) && res.fields[n].replace(/[\s\u3000\u00a0]/g, '') !== '',
    );
    if (typedTotals.length)
      io.stdout(
        zh
          ? '合计和占比按来源中填写的值写入（不是公式）；加 --formulas 则由模板公式自动计算。\n'
          : 'Totals and shares are written as the source typed them (not formulas); add --formulas to let the template’s formulas compute them.\n',
      );
    else if (formulas && computedInSource.length)
      io.stdout(
        zh
          ? '合计和占比由模板公式计算，来源中填写的值没有导入。\n'
          : 'Totals and shares are computed by the template’s formulas; the values the source typed were not imported.\n',
      );
    const refs = new Map(layout.names.map((n) => [n.name, n.ref.replace(/\$/g, '')]));
    const asText = numbersStoredAsText(v).map((n) => refs.get(n)!);
    if (asText.length)
      io.stdout(
        zh
          ? `以文本形式存储的数字（带全角空格等，Excel 求和时会忽略；pgt check 会逐个提示转换）：${asText.join('、')}\n`
          : `Numbers stored as text (ideographic spaces and the like; Excel ignores them in sums; pgt check offers to convert each): ${asText.join(', ')}\n`,
      );

    const lt = v.tables.longTerm.length;
    const an = v.tables.annual.length;
    if (dryRun || !outPath) {
      io.stdout(dryRunNote(output, lang));
      return EXIT_OK;
    }
    const buf = await writeForms([{ layout, fill: cells }]);
    writeOutput(outPath, output!, buf, force);
    io.stdout(
      zh
        ? `已写入 ${output}：${year} 年度部门整体绩效目标表，工作表“${layout.sheetName}”，${INDICATOR_TABLES.longTerm.label.zh} ${lt} 行，${INDICATOR_TABLES.annual.label.zh} ${an} 行。可用 pgt check ${output} 检查。\n`
        : `Wrote ${output}: the ${year} department performance goal table, sheet “${layout.sheetName}”, ${lt} long-term and ${an} annual indicator rows. Check it with pgt check ${output}.\n`,
    );
    return EXIT_OK;
  });
}

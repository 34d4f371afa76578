/**
 * Reads an .xlsx held in memory into plain data: every worksheet's cells (value, formula, number
 * format), merged ranges, and the workbook's defined names. One pass over each part, after the
 * zip's central directory has passed the limits (see zip.ts); sheets over the row or cell limit
 * are refused with a clear message instead of filling memory.
 *
 * Formula cells that carry no cached result are evaluated (formula.ts) so they are judged by
 * their values, as Excel would show them.
 */
import { addr, colNumber } from '../core/form/a1';
import { EXCEL_ERRORS } from '../core/values';
import type { RawCell } from '../core/values/types';
import { XlsxProblem, problem } from './errors';
import {
  UnsupportedFormula,
  evaluateFormula,
  isFormulaError,
  translateFormula,
  type EvalContext,
  type Scalar,
} from './formula';
import { DEFAULT_LIMITS, type ReadLimits } from './limits';
import { attrs, elements, firstElement, stringItemText, unescapeXml, xmlText } from './xml';
import { openZip, type ZipArchive } from './zip';

export interface CellData extends RawCell {
  /** False for a formula cell whose file carried no result (the value was computed here). */
  cached?: boolean;
}

export interface SheetData {
  name: string;
  /** Position among the workbook's sheets (what a defined name's localSheetId refers to). */
  index: number;
  cells: Map<string, CellData>;
  merges: string[];
  maxRow: number;
  maxCol: number;
  /** Why the sheet was not read (too large); its cells are then empty. */
  problem?: XlsxProblem;
}

export interface DefinedNameData {
  name: string;
  /** The sheet index it is scoped to; undefined for a workbook-scoped name. */
  localSheetId?: number;
  /** Reference text as stored, e.g. "'绩效目标表2025'!$B$2". */
  ref: string;
}

export interface WorkbookData {
  sheets: SheetData[];
  names: DefinedNameData[];
  /** Formula cells without a cached value that could not be computed here (address per sheet). */
  uncomputed: { sheet: string; address: string; formula: string; reason: string }[];
}

/** Excel's error values: a cell holding one is an error to the formulas that read it. */
const EXCEL_ERROR_VALUES: ReadonlySet<string> = new Set(EXCEL_ERRORS);

const REL_OFFICE_DOC = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;

/** Built-in number formats (ECMA-376 18.8.30) that matter for reading values. */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

function relsOf(zip: ZipArchive, partName: string): { type: string; target: string }[] {
  const dir = partName.includes('/') ? partName.slice(0, partName.lastIndexOf('/') + 1) : '';
  const relsName = `${dir}_rels/${partName.slice(dir.length)}.rels`;
  const buf = zip.read(relsName);
  if (!buf) return [];
  const xml = xmlText(buf, relsName);
  const out: { type: string; target: string; id: string }[] = [];
  for (const e of elements(xml, 'Relationship')) {
    const a = attrs(e.attrs);
    if (a.TargetMode === 'External') continue;
    out.push({ id: a.Id, type: a.Type ?? '', target: resolvePart(dir, a.Target ?? '') });
  }
  return out;
}

function relsById(
  zip: ZipArchive,
  partName: string,
): Map<string, { type: string; target: string }> {
  const dir = partName.includes('/') ? partName.slice(0, partName.lastIndexOf('/') + 1) : '';
  const relsName = `${dir}_rels/${partName.slice(dir.length)}.rels`;
  const map = new Map<string, { type: string; target: string }>();
  const buf = zip.read(relsName);
  if (!buf) return map;
  const xml = xmlText(buf, relsName);
  for (const e of elements(xml, 'Relationship')) {
    const a = attrs(e.attrs);
    if (a.TargetMode === 'External') continue;
    map.set(a.Id, { type: a.Type ?? '', target: resolvePart(dir, a.Target ?? '') });
  }
  return map;
}

function resolvePart(dir: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : dir + target;
  const parts: string[] = [];
  for (const p of raw.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

function readSharedStrings(zip: ZipArchive, part: string | undefined): string[] {
  if (!part) return [];
  const buf = zip.read(part);
  if (!buf) return [];
  const xml = xmlText(buf, part);
  const out: string[] = [];
  for (const si of elements(xml, 'si')) out.push(si.inner ? stringItemText(si.inner) : '');
  return out;
}

/** Number format of each cellXfs index (undefined for General). */
function readStyles(zip: ZipArchive, part: string | undefined): (string | undefined)[] {
  if (!part) return [];
  const buf = zip.read(part);
  if (!buf) return [];
  const xml = xmlText(buf, part);
  const custom = new Map<number, string>();
  const numFmts = firstElement(xml, 'numFmts');
  if (numFmts?.inner)
    for (const f of elements(numFmts.inner, 'numFmt')) {
      const a = attrs(f.attrs);
      custom.set(Number(a.numFmtId), a.formatCode ?? '');
    }
  const out: (string | undefined)[] = [];
  const xfs = firstElement(xml, 'cellXfs');
  if (xfs?.inner)
    for (const xf of elements(xfs.inner, 'xf')) {
      const id = Number(attrs(xf.attrs).numFmtId ?? 0);
      const code = custom.get(id) ?? BUILTIN_FORMATS[id];
      out.push(code && code !== 'General' ? code : undefined);
    }
  return out;
}

const CELL_TAG = /<((?:[A-Za-z_][\w.-]*:)?)(row|c)\b([^>]*?)(\/?)>/g;
const F_RE = /<(?:[A-Za-z_][\w.-]*:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?f>)/;
const V_RE = /<(?:[A-Za-z_][\w.-]*:)?v\b[^>]*>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?v>/;
const IS_RE = /<(?:[A-Za-z_][\w.-]*:)?is\b[^>]*>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?is>/;
const ADDR_RE = /^([A-Za-z]{1,3})(\d{1,7})$/;

/** One attribute of a start tag's attribute text (unprefixed name), or undefined. */
function attr(text: string, name: string): string | undefined {
  let i = text.indexOf(`${name}=`);
  while (i >= 0) {
    const before = text.charCodeAt(i - 1);
    // A whole attribute name: preceded by white space (not 'xr:r=' or 'ht=').
    if (i > 0 && (before === 32 || before === 9 || before === 10 || before === 13)) {
      const q = text[i + name.length + 1];
      if (q === '"' || q === "'") {
        const end = text.indexOf(q, i + name.length + 2);
        if (end > 0) return text.slice(i + name.length + 2, end);
      }
    }
    i = text.indexOf(`${name}=`, i + 1);
  }
  return undefined;
}

function readSheet(
  xml: string,
  sheet: SheetData,
  strings: string[],
  formats: (string | undefined)[],
  limits: ReadLimits,
): void {
  const start = xml.search(/<(?:[A-Za-z_][\w.-]*:)?sheetData\b/);
  const endMatch = /<\/(?:[A-Za-z_][\w.-]*:)?sheetData>/.exec(xml);
  const end = endMatch ? endMatch.index : xml.length;
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  let row = 0;
  let col = 0;
  let rows = 0;
  let count = 0;
  const tooLarge = (what: string, whatEn: string) =>
    problem(
      'sheet-too-large',
      `工作表“${sheet.name}”过大（超过 ${what}），已跳过；绩效目标表只有百余行，请删除多余的行或把表格复制到新工作簿`,
      `Sheet “${sheet.name}” is too large (over ${whatEn}) and was skipped; the form has about a hundred rows, delete the extra rows or copy the form into a new workbook`,
    );
  if (start >= 0) {
    CELL_TAG.lastIndex = start;
    let m: RegExpExecArray | null;
    while ((m = CELL_TAG.exec(xml)) && m.index < end) {
      const a = m[3];
      if (m[2] === 'row') {
        const r = /\br="(\d+)"/.exec(a);
        row = r ? Number(r[1]) : row + 1;
        col = 0;
        if (++rows > limits.maxRows)
          throw tooLarge(`${limits.maxRows} 行`, `${limits.maxRows} rows`);
        if (m[4] !== '/' && row > sheet.maxRow) sheet.maxRow = row;
        continue;
      }
      if (++count > limits.maxCells)
        throw tooLarge(`${limits.maxCells} 个单元格`, `${limits.maxCells} cells`);
      let inner = '';
      if (m[4] !== '/') {
        const close = `</${m[1]}c>`;
        const c = xml.indexOf(close, CELL_TAG.lastIndex);
        const stop = c < 0 ? end : c;
        inner = xml.slice(CELL_TAG.lastIndex, stop);
        CELL_TAG.lastIndex = c < 0 ? end : c + close.length;
      }
      // The cell's r, s and t attributes (the hot path: no general attribute parsing here).
      const r = attr(a, 'r');
      const rm = r ? ADDR_RE.exec(r.includes('$') ? r.replace(/\$/g, '') : r) : null;
      if (rm) {
        col = colNumber(rm[1]);
        row = Number(rm[2]);
      } else col++;
      if (!inner) continue;
      const ca = { t: attr(a, 't'), s: attr(a, 's') };
      const cell: CellData = { value: null };
      const fm = F_RE.exec(inner);
      if (fm) {
        const fa = attrs(fm[1]);
        let formula = fm[2] !== undefined ? unescapeXml(fm[2]) : '';
        if (fa.t === 'shared' && fa.si !== undefined) {
          const master = shared.get(fa.si);
          if (formula) shared.set(fa.si, { formula, row, col });
          else if (master)
            formula = translateFormula(master.formula, row - master.row, col - master.col);
        }
        if (formula) cell.formula = `=${formula}`;
      }
      const vm = V_RE.exec(inner);
      const t = ca.t ?? 'n';
      if (t === 'inlineStr') {
        const is = IS_RE.exec(inner);
        cell.value = is ? stringItemText(is[1]) : '';
      } else if (vm) {
        const raw = unescapeXml(vm[1]);
        if (t === 's') {
          const text = strings[Number(raw)];
          // Excel would call the file damaged; reading the cell as empty would hide what it holds.
          if (text === undefined)
            throw problem(
              'corrupt',
              `文件已损坏：工作表“${sheet.name}”的单元格 ${addr(row, col)} 引用了不存在的共享字符串（第 ${raw} 项，共 ${strings.length} 项）；请在 Excel 中打开并另存为 .xlsx`,
              `The file is damaged: cell ${addr(row, col)} of sheet “${sheet.name}” refers to shared string ${raw}, which does not exist (the table has ${strings.length}); open it in Excel and save it again as .xlsx`,
            );
          cell.value = text;
        } else if (t === 'str' || t === 'd') cell.value = raw;
        else if (t === 'b') cell.value = raw === '1' || raw.toLowerCase() === 'true';
        else if (t === 'e') cell.value = raw;
        else {
          const n = Number(raw);
          cell.value = raw.trim() !== '' && Number.isFinite(n) ? n : raw;
        }
      } else if (cell.formula) cell.cached = false;
      const s = ca.s !== undefined ? formats[Number(ca.s)] : undefined;
      if (s) cell.numberFormat = s;
      if (cell.value === null && !cell.formula && !cell.numberFormat) continue;
      const address = addr(row, col);
      sheet.cells.set(address, cell);
      if (row > sheet.maxRow) sheet.maxRow = row;
      if (col > sheet.maxCol) sheet.maxCol = col;
    }
  }
  const mc = xml.indexOf('mergeCells', end);
  if (mc >= 0)
    for (const e of elements(xml, 'mergeCell', mc - 2)) {
      const ref = attrs(e.attrs).ref;
      if (ref) sheet.merges.push(ref.replace(/\$/g, '').toUpperCase());
    }
}

/** Splits "'Sheet 1'!$A$1:$B$2" into the sheet name and the A1 part. */
export function splitRef(ref: string): { sheet: string | null; range: string } {
  const s = ref.trim().replace(/^=/, '');
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { sheet: null, range: s.replace(/\$/g, '') };
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: s.slice(bang + 1).replace(/\$/g, '') };
}

/**
 * How many formula cells may be computed inside one another before the chain is restarted from
 * the deepest one (a chain of 10,000 formulas, each pointing at the next, must not exhaust the
 * stack), and how many cell values all formulas of a workbook may read in total (a 10 KB file
 * whose formulas sum the same 100,000-cell range hundreds of times must not take minutes).
 */
const MAX_COMPUTE_DEPTH = 200;
const MAX_CELL_READS = 2_000_000;

/** Thrown to unwind a chain of computations that got too deep; `cell` is computed first. */
class TooDeep {
  constructor(
    readonly sheet: SheetData,
    readonly address: string,
    readonly cell: CellData,
  ) {}
}

/** Computes formula cells that carry no cached result, across the workbook's sheets. */
function computeMissing(wb: WorkbookData): void {
  const byName = new Map(wb.sheets.map((s) => [s.name.toLowerCase(), s]));
  const pending = new Set<CellData>();
  for (const sheet of wb.sheets)
    for (const c of sheet.cells.values()) if (c.cached === false) pending.add(c);
  if (!pending.size) return;
  const busy = new Set<CellData>();
  let depth = 0;
  let reads = 0;

  const giveUp = (sheet: SheetData, address: string, c: CellData, reason: string) => {
    c.value = null;
    pending.delete(c);
    // One note per cell, however often it was reached.
    if (!wb.uncomputed.some((u) => u.sheet === sheet.name && u.address === address))
      wb.uncomputed.push({ sheet: sheet.name, address, formula: c.formula!, reason });
  };

  const valueOf = (sheet: SheetData, address: string): Scalar => {
    if (++reads > MAX_CELL_READS)
      throw new UnsupportedFormula('the workbook’s formulas read too many cells to compute here');
    const c = sheet.cells.get(address);
    if (!c) return null;
    if (c.cached === false && pending.has(c)) {
      if (busy.has(c)) giveUp(sheet, address, c, 'circular reference');
      else if (depth >= MAX_COMPUTE_DEPTH) throw new TooDeep(sheet, address, c);
      else compute(sheet, address, c);
    }
    if (typeof c.value === 'string' && EXCEL_ERROR_VALUES.has(c.value)) return { error: c.value };
    return c.value ?? null;
  };

  const ctxFor = (sheet: SheetData): EvalContext => ({
    cell(name, row, col) {
      const target = name === null ? sheet : byName.get(name.toLowerCase());
      if (!target) return { error: '#REF!' };
      return valueOf(target, addr(row, col));
    },
    name(n) {
      const key = n.toLowerCase();
      const local = wb.names.find(
        (d) => d.name.toLowerCase() === key && d.localSheetId === sheet.index,
      );
      const global = wb.names.find(
        (d) => d.name.toLowerCase() === key && d.localSheetId === undefined,
      );
      return (local ?? global)?.ref;
    },
  });

  /** Computes one cell; a TooDeep passes through and leaves the cell pending. */
  function compute(sheet: SheetData, address: string, c: CellData): void {
    busy.add(c);
    depth++;
    try {
      const v = evaluateFormula(c.formula!, ctxFor(sheet));
      if (pending.has(c)) {
        c.value = isFormulaError(v) ? v.error : v;
        pending.delete(c);
      }
    } catch (e) {
      if (!(e instanceof UnsupportedFormula)) throw e;
      giveUp(sheet, address, c, e.message);
    } finally {
      busy.delete(c);
      depth--;
    }
  }

  /** Computes a cell, first computing whatever lay too deep below it (an explicit stack). */
  function computeFrom(sheet: SheetData, address: string, c: CellData): void {
    const stack = [new TooDeep(sheet, address, c)];
    const deferred = new Set<CellData>();
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (!pending.has(top.cell)) {
        stack.pop();
        continue;
      }
      try {
        compute(top.sheet, top.address, top.cell);
        stack.pop();
      } catch (e) {
        if (!(e instanceof TooDeep)) throw e;
        // Met again while still waiting: the chain loops back on itself.
        if (deferred.has(e.cell)) giveUp(e.sheet, e.address, e.cell, 'circular reference');
        else {
          deferred.add(e.cell);
          stack.push(e);
        }
      }
    }
  }

  for (const sheet of wb.sheets)
    for (const [address, c] of sheet.cells) if (pending.has(c)) computeFrom(sheet, address, c);
}

/** Reads a workbook; throws an XlsxProblem for anything that is not a readable, safe .xlsx. */
export function readWorkbook(buf: Buffer, limits: ReadLimits = DEFAULT_LIMITS): WorkbookData {
  const zip = openZip(buf, limits);
  const root = relsOf(zip, '').find((r) => REL_OFFICE_DOC.test(r.type));
  const wbPart = root?.target ?? (zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined);
  const wbBuf = wbPart ? zip.read(wbPart) : undefined;
  const wbXml = wbBuf && wbPart ? xmlText(wbBuf, wbPart) : '';
  if (!/<(?:[A-Za-z_][\w.-]*:)?workbook\b/.test(wbXml.slice(0, 2000))) {
    if (wbPart && /\.bin$/i.test(wbPart))
      throw problem(
        'not-xlsx',
        '这是二进制格式的 .xlsb 工作簿；请在 Excel 中另存为 .xlsx 后再检查',
        'This is a binary .xlsb workbook; save it as .xlsx in Excel, then check it again',
      );
    const word = zip.has('word/document.xml');
    const ppt = zip.has('ppt/presentation.xml');
    // The package names its workbook part (or holds xl/workbook.xml), but that part is missing,
    // empty (0 bytes) or something else: a damaged workbook, as Excel would say, not another format.
    if (wbPart && !word && !ppt)
      throw problem(
        'corrupt',
        `文件已损坏：工作簿主体（${wbPart}）${wbBuf ? '为空或不是工作簿内容' : '缺失'}，无法读取；请在 Excel 中打开并另存为 .xlsx`,
        `The file is damaged: its workbook part (${wbPart}) is ${wbBuf ? 'empty or not a workbook' : 'missing'} and cannot be read; open it in Excel and save it again as .xlsx`,
      );
    throw problem(
      'not-xlsx',
      word || ppt
        ? `这是${word ? ' Word 文档' : ' PowerPoint 演示文稿'}，不是 Excel 工作簿（.xlsx）`
        : '压缩包里没有 Excel 工作簿内容，不是 .xlsx 文件',
      word || ppt
        ? `This is a ${word ? 'Word document' : 'PowerPoint presentation'}, not an Excel workbook (.xlsx)`
        : 'The archive holds no Excel workbook; it is not an .xlsx file',
    );
  }
  const rels = relsById(zip, wbPart!);
  let ssPart: string | undefined;
  let stylesPart: string | undefined;
  for (const r of rels.values()) {
    if (REL_SHARED_STRINGS.test(r.type)) ssPart = r.target;
    else if (REL_STYLES.test(r.type)) stylesPart = r.target;
  }
  const strings = readSharedStrings(zip, ssPart);
  const formats = readStyles(zip, stylesPart);

  const wb: WorkbookData = { sheets: [], names: [], uncomputed: [] };
  let index = 0;
  for (const s of elements(wbXml, 'sheet')) {
    const a = attrs(s.attrs);
    const rel = a.id ? rels.get(a.id) : undefined;
    const i = index++;
    if (!rel || !REL_WORKSHEET.test(rel.type)) continue;
    const sheet: SheetData = {
      name: a.name ?? `Sheet${i + 1}`,
      index: i,
      cells: new Map(),
      merges: [],
      maxRow: 0,
      maxCol: 0,
    };
    const part = zip.read(rel.target);
    const xml = part ? xmlText(part, rel.target) : '';
    if (!/<(?:[A-Za-z_][\w.-]*:)?worksheet\b/.test(xml.slice(0, 4000)))
      // A missing or empty (0-byte) sheet part would otherwise read as an empty form.
      sheet.problem = problem(
        'corrupt',
        `工作表“${sheet.name}”的数据${part ? '为空或不是工作表内容' : '缺失'}（${rel.target}），文件已损坏，已跳过该工作表；请在 Excel 中打开并另存为 .xlsx`,
        `The data of sheet “${sheet.name}” is ${part ? 'empty or not a worksheet' : 'missing'} (${rel.target}): the file is damaged and the sheet was skipped; open it in Excel and save it again as .xlsx`,
      );
    else
      try {
        readSheet(xml, sheet, strings, formats, limits);
      } catch (e) {
        if (!(e instanceof XlsxProblem) || e.code !== 'sheet-too-large') throw e;
        sheet.problem = e;
        sheet.cells.clear();
        sheet.merges = [];
      }
    wb.sheets.push(sheet);
  }
  const dn = firstElement(wbXml, 'definedNames');
  if (dn?.inner)
    for (const e of elements(dn.inner, 'definedName')) {
      const a = attrs(e.attrs);
      if (!a.name) continue;
      wb.names.push({
        name: a.name,
        localSheetId: a.localSheetId !== undefined ? Number(a.localSheetId) : undefined,
        ref: unescapeXml(e.inner ?? ''),
      });
    }
  computeMissing(wb);
  return wb;
}

/**
 * 载入示例：鄂州市商务局 2024 — fills the seed form's values into the form on the active sheet
 * the way a person would: it sizes the indicator tables with the pane's 添加指标行 / 删除指标行
 * (the same AddinApi calls the pane's buttons make), types the header, funding and text fields
 * one by one, and pastes each indicator table as blocks copied from Word. Every edit goes
 * through FakeUser, so Excel's input parsing applies (8167.74 after an ideographic space U+3000
 * stays text, '18.94%' becomes a percentage) and the add-in sees ordinary user edits.
 *
 * The values come from the bundled seed text (seed-data.ts) through the product's own Word
 * import: parseWordTableText → importRows → placeImport.
 */
import { parseRange } from '../core/form/a1';
import { BUDGET_YEAR } from '../core/form/spec';
import type { IndicatorTableId } from '../core/form/types';
import { importRows, placeImport } from '../core/import/from-rows';
import { parseWordTableText } from '../core/import/word-text';
import { TABLE_IDS, TABLE_NAME } from '../excel/form-names';
import type { FakeExcel } from '../fake-excel';
import type { AddinApi, OperationResult } from '../taskpane/api';
import { SEED_TEXT } from './seed-data';

/** A filled form as a person would enter it. */
export interface SampleForm {
  year: number;
  /** Input fields (no formula cells) in layout order: name → text as typed. */
  fields: { name: string; text: string }[];
  /** Per table: column letters in layout order and the body rows' texts ('' where empty). */
  tables: Record<IndicatorTableId, { columns: string[]; rows: string[][] }>;
}

/** The seed form (鄂州市商务局, 2024) read from the bundled Word text. */
export function seedSample(text: string = SEED_TEXT): SampleForm {
  const imported = importRows(parseWordTableText(text));
  const { layout, values } = placeImport(imported);
  const fields: SampleForm['fields'] = [];
  for (const n of layout.names) {
    if (n.kind !== 'field') continue;
    const text = values.get(n.ref.replace(/\$/g, ''));
    if (text !== undefined) fields.push({ name: n.name, text });
  }
  const tables = {} as SampleForm['tables'];
  for (const id of TABLE_IDS) {
    const t = layout.tables[id];
    const columns = t.columns.map((c) => c.col);
    const rows: string[][] = [];
    for (let r = t.firstRow; r <= t.lastRow; r++)
      rows.push(columns.map((col) => values.get(`${col}${r}`) ?? ''));
    // placeImport keeps one (empty) row for a table the text lacks.
    tables[id] = { columns, rows: rows.filter((row) => row.some((v) => v !== '')) };
  }
  return { year: layout.year, fields, tables };
}

type Bi = { zh: string; en: string };
const done = (ok: boolean, message: Bi): OperationResult => ({ ok, message });

/** Sheet-scoped names of a sheet → plain reference ('B19:I26'). */
export function formRefs(fake: FakeExcel, sheetName: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of fake.workbook.listNames(sheetName)) {
    if (n.scope !== sheetName) continue;
    const ref = n.formula.slice(n.formula.lastIndexOf('!') + 1).replace(/\$/g, '');
    if (parseRange(ref)) out[n.name] = ref;
  }
  return out;
}

/** Contiguous runs of column letters: ['B','C','D','E','H','I'] → [[0,4],[4,6]] (slice bounds). */
function columnRuns(columns: string[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= columns.length; i++) {
    const prev = parseRange(`${columns[i - 1]}1`)!.left;
    const next = i < columns.length ? parseRange(`${columns[i]}1`)!.left : -1;
    if (next !== prev + 1) {
      runs.push([start, i]);
      start = i;
    }
  }
  return runs;
}

export interface LoadSampleOptions {
  /** Told what is being done (for a progress line). */
  onProgress?: (message: Bi) => void;
}

/**
 * Fills `sample` into the form on the active sheet. Fails (changing nothing) when the active
 * sheet holds no form; the pane's 插入模板 inserts one.
 */
export async function loadSample(
  fake: FakeExcel,
  api: Pick<AddinApi, 'addIndicatorRow' | 'deleteIndicatorRow'>,
  sample: SampleForm = seedSample(),
  options: LoadSampleOptions = {},
): Promise<OperationResult> {
  const model = fake.workbook;
  const sheetName = model.sheet(model.activeSheetId).name;
  let refs = formRefs(fake, sheetName);
  if (TABLE_IDS.some((id) => !refs[TABLE_NAME[id]])) {
    return done(false, {
      zh: `当前工作表“${sheetName}”中没有绩效目标表：请先在右侧任务窗格中点“插入模板”。`,
      en: `The active sheet "${sheetName}" holds no form: click “Insert form” in the task pane first.`,
    });
  }
  const progress = options.onProgress ?? (() => {});
  try {
    // 1. Table sizes, with the pane's row operations (names, merges and rules follow).
    for (const id of TABLE_IDS) {
      const want = Math.max(1, sample.tables[id].rows.length);
      let body = parseRange(refs[TABLE_NAME[id]])!;
      let have = body.bottom - body.top + 1;
      if (have !== want) {
        progress({
          zh: `正在调整指标行数：${have} → ${want}…`,
          en: `Resizing the indicator table: ${have} → ${want} rows…`,
        });
      }
      while (have < want) {
        fake.user.select(sheetName, `B${body.bottom}`);
        const r = await api.addIndicatorRow();
        if (!r.ok) return r;
        refs = formRefs(fake, sheetName);
        body = parseRange(refs[TABLE_NAME[id]])!;
        have = body.bottom - body.top + 1;
      }
      if (have > want) {
        fake.user.select(sheetName, `B${body.top + want}:I${body.bottom}`);
        const r = await api.deleteIndicatorRow();
        if (!r.ok) return r;
        refs = formRefs(fake, sheetName);
      }
    }

    // 2. The budget year, then every input field, typed one by one.
    progress({ zh: '正在填写表头、资金和文字部分…', en: 'Typing the header, funding and texts…' });
    const yearRef = refs[BUDGET_YEAR.name];
    if (yearRef && model.getCell(sheetName, yearRef).value !== sample.year) {
      fake.user.type(sheetName, yearRef, String(sample.year));
    }
    let typed = 0;
    for (const f of sample.fields) {
      const ref = refs[f.name];
      if (!ref || f.text === '') continue;
      const r = fake.user.type(sheetName, ref, f.text);
      if (r.ok) typed++;
    }

    // 3. Each table pasted as blocks of contiguous columns (a merged value column is one cell).
    progress({ zh: '正在粘贴绩效指标…', en: 'Pasting the indicators…' });
    let pasted = 0;
    for (const id of TABLE_IDS) {
      const { columns, rows } = sample.tables[id];
      if (rows.length === 0) continue;
      const top = parseRange(refs[TABLE_NAME[id]])!.top;
      for (const [from, to] of columnRuns(columns)) {
        const block = rows.map((row) => row.slice(from, to));
        const r = fake.user.paste(sheetName, `${columns[from]}${top}`, block);
        if (!r.ok) return done(false, { zh: r.message, en: r.message });
      }
      pasted += rows.length;
    }
    fake.user.select(sheetName, refs[BUDGET_YEAR.name] ?? 'A1');
    return done(true, {
      zh: `已载入示例：输入 ${typed} 个单元格，粘贴 ${pasted} 行指标。`,
      en: `Sample loaded: ${typed} cells typed, ${pasted} indicator rows pasted.`,
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return done(false, {
      zh: `载入示例失败：${detail}`,
      en: `Loading the sample failed: ${detail}`,
    });
  }
}

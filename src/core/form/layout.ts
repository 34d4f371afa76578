/**
 * computeLayout: the form description (spec.ts) → every cell, merge, name, list rule and
 * conditional format of the sheet for one budget year. Pure; adapters paint what it returns.
 *
 * Grid: column A holds the section labels; B–I hold the fields. The year cell B2 drives every
 * year shown in the form through formulas, so headers follow when the year changes.
 */
import { absAddr, addr, colLetter } from './a1';
import {
  ANNUAL_HISTORY_HEADER,
  ANNUAL_VALUE_HEADER,
  BASIS_CHOICES,
  BUDGET_YEAR,
  CATEGORY_CHOICES,
  COMMON_DEFAULTS,
  COMMON_INDICATORS,
  DEFAULT_BLANK_ROWS,
  FORM_TITLE,
  FUNDING_BLOCKS,
  FUNDING_COLUMNS,
  FUNDING_HEADER,
  FUNDING_HISTORY_HEADER,
  FUNDING_SECTION,
  HEADER_FIELDS,
  INDICATOR_TABLES,
  LEVEL1_CHOICES,
  MONEY_UNIT_LABEL,
  TEXT_SECTIONS,
  YEAR_LABEL_NAMES,
  fundingName,
  type CommonIndicator,
  type TextSectionId,
} from './spec';
import type {
  CellStyle,
  ConditionalFormatSpec,
  IndicatorColumnKey,
  IndicatorTableId,
  Layout,
  LayoutCell,
  LayoutName,
  ListValidationSpec,
  TableLayout,
} from './types';

export interface LayoutOptions {
  /** Budget year Y (history columns Y-2, Y-1; long-term horizon Y+2). */
  year: number;
  /** Pre-fill the common indicators (共性指标). */
  common?: boolean;
  /** Body rows per indicator table; by default the common indicators or DEFAULT_BLANK_ROWS. */
  rows?: Partial<Record<IndicatorTableId, number>>;
}

export const FONT = '等线';
export const COLORS = {
  labelFill: '#E6EFEB',
  sectionFill: '#D3E4DD',
  formulaFill: '#F2F2F2',
  inputFill: '#FFFFFF',
  titleColor: '#0F4C3F',
  repeatFont: '#9AA5A1',
  errorFill: '#F8D7DA',
  errorFont: '#8A1C24',
  warningFill: '#FFF1C2',
  warningFont: '#6B4E00',
};

const NUM_AMOUNT = '#,##0.00';
const NUM_SHARE = '0.00%';

const COLUMN_WIDTHS = [10, 11, 15, 26, 12, 12, 14, 13, 12];
const FIRST_COL = 1; // A
const LAST_COL = 9; // I
/** Funding block columns. */
const FC = {
  category: 2,
  item: 3,
  itemEnd: 4,
  current: 5,
  currentEnd: 6,
  share: 7,
  prev2: 8,
  prev1: 9,
};
/** Indicator table columns (the long-term value spans E:G). */
const IC: Record<IndicatorColumnKey, number> = {
  level1: 2,
  level2: 3,
  level3: 4,
  prev2: 5,
  prev1: 6,
  target: 7,
  basis: 8,
  category: 9,
};
const YEAR_CELL = { row: 2, col: 2 };
const YEAR_REF = absAddr(YEAR_CELL.row, YEAR_CELL.col);

const base: CellStyle = {
  fontName: FONT,
  fontSize: 11,
  vAlign: 'middle',
  wrap: true,
  border: true,
};
const S = {
  title: {
    fontName: FONT,
    fontSize: 18,
    bold: true,
    fontColor: COLORS.titleColor,
    hAlign: 'center',
    vAlign: 'middle',
  },
  meta: { fontName: FONT, fontSize: 10, vAlign: 'middle' },
  section: { ...base, bold: true, hAlign: 'center', fill: COLORS.sectionFill, locked: true },
  label: { ...base, hAlign: 'center', fill: COLORS.labelFill, locked: true },
  rowLabel: { ...base, hAlign: 'left', fill: COLORS.labelFill, locked: true },
  input: { ...base, hAlign: 'left', fill: COLORS.inputFill, locked: false },
  inputText: { ...base, hAlign: 'left', fill: COLORS.inputFill, locked: false, numberFormat: '@' },
  longText: { ...base, hAlign: 'left', vAlign: 'top', fill: COLORS.inputFill, locked: false },
  amount: {
    ...base,
    hAlign: 'right',
    fill: COLORS.inputFill,
    locked: false,
    numberFormat: NUM_AMOUNT,
  },
  formulaAmount: {
    ...base,
    hAlign: 'right',
    fill: COLORS.formulaFill,
    locked: true,
    numberFormat: NUM_AMOUNT,
    bold: true,
  },
  formulaShare: {
    ...base,
    hAlign: 'right',
    fill: COLORS.formulaFill,
    locked: true,
    numberFormat: NUM_SHARE,
  },
  center: { ...base, hAlign: 'center', fill: COLORS.inputFill, locked: false },
} satisfies Record<string, CellStyle>;

class Builder {
  cells: LayoutCell[] = [];
  merges: string[] = [];
  names: LayoutName[] = [];
  validations: ListValidationSpec[] = [];
  conditionalFormats: ConditionalFormatSpec[] = [];
  rowHeights: Record<number, number> = {};

  cell(
    row: number,
    col: number,
    c: Omit<LayoutCell, 'address' | 'row' | 'col' | 'text'> & { text?: string },
  ) {
    const text = c.text ?? (c.value === undefined ? '' : String(c.value));
    this.cells.push({ address: addr(row, col), row, col, ...c, text });
  }

  /** A cell spanning several; the covered cells get the same style so borders print whole. */
  span(
    top: number,
    left: number,
    bottom: number,
    right: number,
    c: Parameters<Builder['cell']>[2],
  ) {
    this.cell(top, left, c);
    for (let r = top; r <= bottom; r++)
      for (let k = left; k <= right; k++) {
        if (r === top && k === left) continue;
        this.cell(r, k, { style: c.style, input: false, text: '' });
      }
    if (bottom > top || right > left) this.merges.push(`${addr(top, left)}:${addr(bottom, right)}`);
  }

  label(
    row: number,
    col: number,
    text: string,
    style: CellStyle = S.label,
    endRow = row,
    endCol = col,
  ) {
    this.span(row, col, endRow, endCol, { value: text, style, input: false });
  }
}

function tableRowCount(table: IndicatorTableId, opts: LayoutOptions): number {
  const given = opts.rows?.[table];
  if (given !== undefined) return Math.max(1, Math.floor(given));
  return opts.common ? COMMON_INDICATORS.length : DEFAULT_BLANK_ROWS;
}

/**
 * The cells and merges of one indicator body row. Used for the initial layout and by adapters
 * when the user adds a row, so a new row looks and behaves exactly like the others.
 */
export function indicatorRowCells(
  table: IndicatorTableId,
  row: number,
  values: Partial<Record<IndicatorColumnKey, string>> = {},
): { cells: LayoutCell[]; merges: string[] } {
  const b = new Builder();
  for (const col of INDICATOR_TABLES[table].columns) {
    const v = values[col.key];
    const style = col.key === 'basis' || col.key === 'category' ? S.center : S.input;
    const c = { value: v ?? undefined, style, input: true };
    if (table === 'longTerm' && col.key === 'target') b.span(row, IC.prev2, row, IC.target, c);
    else b.cell(row, IC[col.key], c);
  }
  return { cells: b.cells, merges: b.merges };
}

/** The column letter of an indicator column (long-term 'target' is the merged E:G → E). */
export function indicatorColumnLetter(table: IndicatorTableId, key: IndicatorColumnKey): string {
  return colLetter(table === 'longTerm' && key === 'target' ? IC.prev2 : IC[key]);
}

/** Conditional formats, list rules of an indicator body range. */
function tableRules(t: TableLayout): {
  validations: ListValidationSpec[];
  cfs: ConditionalFormatSpec[];
} {
  const col = (k: IndicatorColumnKey) => indicatorColumnLetter(t.id, k);
  const range = (k: IndicatorColumnKey) => `$${col(k)}$${t.firstRow}:$${col(k)}$${t.lastRow}`;
  const validations = [
    { range: range('level1'), choices: LEVEL1_CHOICES },
    { range: range('basis'), choices: BASIS_CHOICES },
    { range: range('category'), choices: CATEGORY_CHOICES },
  ];
  const cfs: ConditionalFormatSpec[] = (['level1', 'level2'] as const).map((k) => ({
    range: range(k),
    // Relative to the range's top-left: this cell equals the one above → shown muted, as if merged.
    formula: `=AND(${col(k)}${t.firstRow}<>"",${col(k)}${t.firstRow}=${col(k)}${t.firstRow - 1})`,
    kind: 'repeat',
    message: {
      zh: '与上一行相同（视同合并单元格）',
      en: 'Same as the row above (reads as merged)',
    },
  }));
  return { validations, cfs };
}

export function computeLayout(opts: LayoutOptions): Layout {
  const Y = opts.year;
  const b = new Builder();
  const yearFormula = (offset: number, suffix = '年') =>
    `=${YEAR_REF}${offset < 0 ? offset : `+${offset}`}&"${suffix}"`;

  // 1. Title and the year / unit line.
  b.span(1, FIRST_COL, 1, LAST_COL, { value: FORM_TITLE.zh, style: S.title, input: false });
  b.rowHeights[1] = 36;
  b.cell(2, 1, {
    value: BUDGET_YEAR.label.zh,
    style: { ...S.meta, hAlign: 'right' },
    input: false,
  });
  b.cell(YEAR_CELL.row, YEAR_CELL.col, {
    value: Y,
    style: { ...S.meta, hAlign: 'left', numberFormat: '0', bold: true, locked: false },
    input: true,
  });
  b.span(2, 8, 2, 9, {
    value: MONEY_UNIT_LABEL.zh,
    style: { ...S.meta, hAlign: 'right' },
    input: false,
  });
  b.names.push({
    name: BUDGET_YEAR.name,
    ref: YEAR_REF,
    kind: 'field',
    section: 'header',
    type: 'year',
    label: BUDGET_YEAR.label.zh,
    labelEn: BUDGET_YEAR.label.en,
  });

  // 2. Header: name; preparer and phone.
  const [nameF, prepF, phoneF] = HEADER_FIELDS;
  const field = (row: number, col: number, endCol: number, f: (typeof HEADER_FIELDS)[number]) => {
    b.span(row, col, row, endCol, {
      style: f.type === 'phone' ? S.inputText : S.input,
      input: true,
    });
    b.names.push({
      name: f.name,
      ref: absAddr(row, col),
      kind: 'field',
      section: 'header',
      type: f.type,
      label: f.label.zh,
      labelEn: f.label.en,
    });
  };
  b.label(3, 1, nameF.formLabel, S.section);
  field(3, 2, 9, nameF);
  b.label(4, 1, prepF.formLabel, S.section);
  field(4, 2, 4, prepF);
  b.label(4, 5, phoneF.formLabel, S.label, 4, 6);
  field(4, 7, 9, phoneF);
  b.rowHeights[3] = 24;
  b.rowHeights[4] = 24;

  // 3. Funding block.
  const fTop = 5;
  const fBody = fTop + 2;
  const fEnd = fBody + FUNDING_BLOCKS.reduce((n, bl) => n + bl.items.length, 0) - 1;
  b.label(fTop, 1, FUNDING_SECTION.zh, S.section, fEnd, 1);
  b.label(fTop, FC.category, FUNDING_HEADER.zh, S.label, fTop + 1, FC.itemEnd);
  b.label(fTop, FC.current, FUNDING_COLUMNS[0].label(Y).zh, S.label, fTop + 1, FC.currentEnd);
  b.label(fTop, FC.share, FUNDING_COLUMNS[1].label(Y).zh, S.label, fTop + 1, FC.share);
  b.label(fTop, FC.prev2, FUNDING_HISTORY_HEADER.zh, S.label, fTop, FC.prev1);
  for (const [k, col, offset] of [
    ['fundPrev2', FC.prev2, -2],
    ['fundPrev1', FC.prev1, -1],
  ] as const) {
    b.cell(fTop + 1, col, {
      formula: yearFormula(offset),
      text: `${Y + offset}年`,
      style: S.label,
      input: false,
    });
    b.names.push({
      name: YEAR_LABEL_NAMES[k],
      ref: absAddr(fTop + 1, col),
      kind: 'field',
      section: 'funding',
      type: 'label',
      label: `${FUNDING_SECTION.zh}/${FUNDING_HISTORY_HEADER.zh}/表头（${Y + offset}年）`,
      labelEn: `${FUNDING_SECTION.en}/${FUNDING_HISTORY_HEADER.en}/header Y${offset}`,
    });
  }
  let r = fBody;
  for (const block of FUNDING_BLOCKS) {
    const first = r;
    const last = r + block.items.length - 1;
    const totalRow = last;
    b.label(first, FC.category, block.label.zh, S.label, last, FC.category);
    for (const item of block.items) {
      b.label(
        r,
        FC.item,
        item.label.zh,
        item.total ? { ...S.rowLabel, bold: true, hAlign: 'center' } : S.rowLabel,
        r,
        FC.itemEnd,
      );
      const cols: [(typeof FUNDING_COLUMNS)[number]['key'], number][] = [
        ['Current', FC.current],
        ['Share', FC.share],
        ['Prev2', FC.prev2],
        ['Prev1', FC.prev1],
      ];
      for (const [ck, col] of cols) {
        const name = fundingName(block.key, item.key, ck);
        const colLabel = FUNDING_COLUMNS.find((c) => c.key === ck)!.label(Y);
        const a = (row: number) => `${colLetter(col)}${row}`;
        if (ck === 'Share') {
          const cur = (row: number) => `${colLetter(FC.current)}${row}`;
          const tot = `$${colLetter(FC.current)}$${totalRow}`;
          b.cell(r, col, {
            formula: `=IF(N(${tot})=0,"",ROUND(N(${cur(r)})/${tot},4))`,
            style: S.formulaShare,
            input: false,
          });
        } else if (item.total) {
          const f = `=SUM(${a(first)}:${a(last - 1)})`;
          if (ck === 'Current')
            b.span(r, col, r, FC.currentEnd, { formula: f, style: S.formulaAmount, input: false });
          else b.cell(r, col, { formula: f, style: S.formulaAmount, input: false });
        } else if (ck === 'Current') {
          b.span(r, col, r, FC.currentEnd, { style: S.amount, input: true });
        } else {
          b.cell(r, col, { style: S.amount, input: true });
        }
        b.names.push({
          name,
          ref: absAddr(r, col),
          kind: 'field',
          section: 'funding',
          type: ck === 'Share' ? 'share' : 'amount',
          label: `${FUNDING_SECTION.zh}/${block.label.zh}/${item.label.zh}/${ck === 'Prev2' || ck === 'Prev1' ? `${colLabel.zh}金额` : colLabel.zh}`,
          labelEn: `${FUNDING_SECTION.en}/${block.label.en}/${item.label.en}/${colLabel.en}`,
        });
      }
      b.rowHeights[r] = 22;
      r++;
    }
  }
  // Funding conditional formats: they show even where the add-in is not loaded.
  const [inc, exp] = FUNDING_BLOCKS;
  const incTotal = fBody + inc.items.length - 1;
  const expFirst = incTotal + 1;
  const expTotal = expFirst + exp.items.length - 1;
  for (const col of [FC.current, FC.prev2, FC.prev1]) {
    const L = colLetter(col);
    for (const [first, total] of [
      [fBody, incTotal],
      [expFirst, expTotal],
    ]) {
      b.conditionalFormats.push({
        range: absAddr(total, col),
        formula: `=ROUND(N(${L}${total})-SUM(${L}${first}:${L}${total - 1}),2)<>0`,
        kind: 'error',
        message: { zh: '合计不等于各项之和', en: 'Total is not the sum of its rows' },
      });
    }
    for (const total of [incTotal, expTotal])
      b.conditionalFormats.push({
        range: absAddr(total, col),
        formula: `=ROUND(N($${L}$${incTotal})-N($${L}$${expTotal}),2)<>0`,
        kind: 'error',
        message: {
          zh: '收入合计与支出合计不相等',
          en: 'Income total differs from expenditure total',
        },
      });
    b.conditionalFormats.push({
      range: `$${L}$${fBody}:$${L}$${expTotal}`,
      formula: `=ISTEXT(${L}${fBody})`,
      kind: 'warning',
      message: { zh: '数字存储为文本', en: 'Number stored as text' },
    });
  }
  b.conditionalFormats.push({
    range: `$${colLetter(FC.share)}$${fBody}:$${colLetter(FC.share)}$${expTotal}`,
    formula: `=ISTEXT(${colLetter(FC.share)}${fBody})`,
    kind: 'warning',
    message: { zh: '占比存储为文本', en: 'Share stored as text' },
  });
  r = fEnd + 1;

  // 4–6. Text sections.
  const textSection = (id: TextSectionId) => {
    const spec = TEXT_SECTIONS[id];
    const lbl = spec.label(Y);
    if (id === 'longTermGoals') {
      b.cell(r, 1, {
        formula: `="长期目标：（截止"&(${YEAR_REF}+2)&"年）"`,
        text: lbl.zh,
        style: S.section,
        input: false,
      });
      b.names.push({
        name: YEAR_LABEL_NAMES.longTermHorizon,
        ref: absAddr(r, 1),
        kind: 'field',
        section: 'longTermGoals',
        type: 'label',
        label: '长期目标/表头',
        labelEn: 'Long-term goals/header',
      });
    } else b.label(r, 1, lbl.zh, S.section);
    b.span(r, 2, r, LAST_COL, { style: S.longText, input: true });
    b.names.push({
      name: spec.name,
      ref: absAddr(r, 2),
      kind: 'field',
      section: id,
      type: 'longText',
      label: id === 'longTermGoals' ? '长期目标' : lbl.zh.replace(/：$/, ''),
      labelEn: lbl.en,
    });
    b.rowHeights[r] = spec.height;
    r++;
  };
  textSection('functions');
  textSection('annualTasks');
  textSection('longTermGoals');

  // 7. Long-term indicators.
  const tables = {} as Record<IndicatorTableId, TableLayout>;
  const indicatorTable = (id: IndicatorTableId, headerRows: number) => {
    const spec = INDICATOR_TABLES[id];
    const n = tableRowCount(id, opts);
    const hFirst = r;
    const hLast = r + headerRows - 1;
    const first = hLast + 1;
    const last = first + n - 1;
    b.label(hFirst, 1, spec.label.zh, S.section, last, 1);
    const colHeader = (k: IndicatorColumnKey) => spec.columns.find((c) => c.key === k)!.header(Y);
    for (const k of ['level1', 'level2', 'level3'] as const)
      b.label(hFirst, IC[k], colHeader(k).zh, S.label, hLast, IC[k]);
    if (id === 'longTerm')
      b.label(hFirst, IC.prev2, colHeader('target').zh, S.label, hLast, IC.target);
    else {
      b.label(hFirst, IC.prev2, ANNUAL_VALUE_HEADER.zh, S.label, hFirst, IC.target);
      b.label(hFirst + 1, IC.prev2, ANNUAL_HISTORY_HEADER.zh, S.label, hFirst + 1, IC.prev1);
      b.label(hFirst + 1, IC.target, colHeader('target').zh, S.label, hLast, IC.target);
      for (const [k, col, offset] of [
        ['annualPrev2', IC.prev2, -2],
        ['annualPrev1', IC.prev1, -1],
      ] as const) {
        b.cell(hLast, col, {
          formula: yearFormula(offset),
          text: `${Y + offset}年`,
          style: S.label,
          input: false,
        });
        b.names.push({
          name: YEAR_LABEL_NAMES[k],
          ref: absAddr(hLast, col),
          kind: 'field',
          section: 'annual',
          type: 'label',
          label: `${spec.label.zh}/${ANNUAL_HISTORY_HEADER.zh}/表头（${Y + offset}年）`,
          labelEn: `${spec.label.en}/header Y${offset}`,
        });
      }
    }
    b.label(hFirst, IC.basis, colHeader('basis').zh, S.label, hLast, IC.basis);
    b.label(hFirst, IC.category, colHeader('category').zh, S.label, hLast, IC.category);
    for (let i = hFirst; i <= hLast; i++) b.rowHeights[i] = 22;

    const rows: CommonIndicator[] = opts.common ? COMMON_INDICATORS : [];
    for (let i = 0; i < n; i++) {
      const c = rows[i];
      const values = c
        ? { level1: c.level1, level2: c.level2, level3: c.level3 || undefined, ...COMMON_DEFAULTS }
        : {};
      const row = indicatorRowCells(id, first + i, values);
      b.cells.push(...row.cells);
      b.merges.push(...row.merges);
    }
    const t: TableLayout = {
      id,
      name: spec.name,
      headerFirstRow: hFirst,
      headerLastRow: hLast,
      firstRow: first,
      lastRow: last,
      columns: spec.columns.map((c) => ({
        key: c.key,
        col: indicatorColumnLetter(id, c.key),
        header: c.header(Y).zh,
        headerEn: c.header(Y).en,
      })),
    };
    tables[id] = t;
    b.names.push({
      name: spec.name,
      ref: `${absAddr(first, IC.level1)}:${absAddr(last, IC.category)}`,
      kind: 'table',
      section: id,
      type: 'table',
      label: spec.label.zh,
      labelEn: spec.label.en,
      columns: t.columns.map((c) => ({ key: c.key, header: c.header, headerEn: c.headerEn })),
    });
    const rules = tableRules(t);
    b.validations.push(...rules.validations);
    b.conditionalFormats.push(...rules.cfs);
    r = last + 1;
  };
  indicatorTable('longTerm', 1);

  // 8. Annual goals, 9. annual indicators.
  textSection('annualGoals');
  indicatorTable('annual', 3);

  const lastRow = r - 1;
  return {
    year: Y,
    sheetName: `绩效目标表${Y}`,
    columns: COLUMN_WIDTHS.map((width, i) => ({ letter: colLetter(i + 1), width })),
    rowHeights: b.rowHeights,
    cells: b.cells,
    merges: b.merges,
    names: b.names,
    validations: b.validations,
    conditionalFormats: b.conditionalFormats,
    tables,
    print: {
      paperSize: 'A4',
      orientation: 'portrait',
      repeatRows: '$1:$2',
      fitToWidth: 1,
      area: `$A$1:$${colLetter(LAST_COL)}$${lastRow}`,
    },
    lastRow,
    lastCol: colLetter(LAST_COL),
  };
}

/** The rules a table body needs after its row range changed (rows added or deleted). */
export function tableRulesFor(t: TableLayout) {
  return tableRules(t);
}

/** Budget year cell address, for adapters that need to read the year before anything else. */
export const BUDGET_YEAR_ADDRESS = addr(YEAR_CELL.row, YEAR_CELL.col);

import { computeLayout } from '../core/form/layout';
import { excelTypedValue } from '../core/import/excel-input';
import { importRows } from '../core/import/from-rows';
import { planRollForward } from '../core/transfer/roll-forward';
import { keepsAsText, paintPlan, withCells } from './paint-plan';
import {
  alignByHeaders,
  alignTableRows,
  clip,
  exportFileName,
  formValuesFromImport,
  importGrid,
  parsePastedTable,
  rollCounts,
  rollPreviewRows,
  typedText,
} from './transfer';

describe('typedText: a cell back to the text that types it', () => {
  it.each([
    [8167.74, 'General', { value: 8167.74 }],
    [0.1894, '0.00%', { value: 0.1894, numberFormat: '0.00%' }],
    [1, '0%', { value: 1, numberFormat: '0%' }],
    [0.004, '0.0%', { value: 0.004, numberFormat: '0.0%' }],
    ['\u30008167.74', 'General', { value: '\u30008167.74' }],
    // A number stored as text stays text (the mistake is kept, to be reported).
    ['1546.73', '@', { value: '1546.73', numberFormat: '@' }],
    ['=SUM(A1)', '@', { value: '=SUM(A1)', numberFormat: '@' }],
    ["'quoted", 'General', { value: "'quoted", numberFormat: '@' }],
    ['58.7亿元人民币', 'General', { value: '58.7亿元人民币' }],
    [true, 'General', { value: true }],
  ])('%j (%s)', (value, format, expected) => {
    expect(excelTypedValue(typedText(value, format))).toEqual(expected);
  });
  it('empty cells are empty', () => {
    expect(typedText('', 'General')).toBe('');
    expect(typedText(null)).toBe('');
  });
});

describe('alignTableRows / importGrid', () => {
  it('cuts the padding of a rectangle and re-pads each table to its own width', () => {
    const rows = alignTableRows([
      ['部门（单位）名称', '局', '', '', '', ''],
      ['长期绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '依据', '分类', '', ''],
      ['', '产出', '数量', '人次', '500', '计划标准', '绩效基本型', '', ''],
      ['', '', '', '……', '', '', '', '', ''],
      ['年度绩效指标', '一级指标', '二级指标', '三级指标', '', '指标值', '依据', '分类', ''],
      ['', '', '', '', '近两年指标值', '预期当年实现值', '', '', ''],
      ['', '', '', '', '2022年', '2023年', '', '', ''],
      ['', '效益', '社会', '满意度', '80%', '85%', '90%', '计划标准', '绩效基本型'],
      ['', '', '', '……', '', '', '', '', ''],
    ]);
    expect(rows[0]).toEqual(['部门（单位）名称', '局']);
    expect(rows[3]).toEqual(['', '', '', '……', '', '', '']);
    expect(rows[8]).toEqual(['', '', '', '……', '', '', '', '', '']);
    const res = importRows(rows);
    expect(res.tables.longTerm[1]).toEqual({ level3: '……' });
    expect(res.tables.annual).toEqual([
      {
        level1: '效益',
        level2: '社会',
        level3: '满意度',
        prev2: '80%',
        prev1: '85%',
        target: '90%',
        basis: '计划标准',
        category: '绩效基本型',
      },
      { level3: '……' },
    ]);
  });

  it('keeps a cell holding only U+3000 (it was typed) and reads numbers with their formats', () => {
    expect(
      importGrid(
        [
          ['单位资金', '\u3000', 0.1894, '', ''],
          [12, 'x', '', '', ''],
        ],
        [
          ['General', 'General', '0.00%', 'General', 'General'],
          ['General', 'General', 'General', 'General', 'General'],
        ],
      ),
    ).toEqual([
      ['单位资金', '\u3000', '18.94%'],
      ['12', 'x'],
    ]);
  });
});

describe('alignByHeaders: columns from the header where merges leave gaps', () => {
  it('takes each column where its header is (a layout like the template, shifted)', () => {
    const rows = alignByHeaders([
      ['', '总体资金情况', '', '', '当年金额', '', '占比', '近两年收支金额', ''],
      ['', '', '', '', '', '', '', '2022年', '2023年'],
      ['', '收入构成', '财政拨款', '', '100', '', '100%', '90', '95'],
      ['部门职能概述', '职能'],
      ['长期绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '', '', '依据', ''],
      ['', '产出', '数量', '人次', '500', '', '', '计划标准', '绩效基本型'],
    ]);
    expect(rows[2]).toEqual(['', '收入构成', '财政拨款', '100', '100%', '90', '95']);
    expect(rows[3]).toEqual(['部门职能概述', '职能']);
    // No 指标分类 header: the table's rows are left as they are.
    expect(rows[5]).toEqual(['', '产出', '数量', '人次', '500', '', '', '计划标准', '绩效基本型']);
    const full = alignByHeaders([
      [
        '长期绩效指标',
        '一级指标',
        '二级指标',
        '三级指标',
        '指标值',
        '',
        '',
        '指标值确定依据',
        '指标分类',
      ],
      ['', '产出', '数量', '人次', '500', '', '', '计划标准', '绩效基本型'],
    ]);
    expect(full[1]).toEqual(['', '产出', '数量', '人次', '500', '计划标准', '绩效基本型']);
  });
  it('leaves a Word table pasted as it is alone (its header cells span several columns)', () => {
    const word = [
      [
        '年度绩效指标',
        '一级\n指标',
        '二级指标',
        '三级指标',
        '',
        '指标值',
        '指标值确定依据',
        '指标分类',
      ],
      ['', '', '', '', '近两年指标值', '预期当年实现值', '', ''],
      ['', '', '', '', '2022 年', '2023 年', '', '', ''],
      ['', '运行', '公用', '率', '85%', '88%', '80%', '计划标准', '绩效基本型'],
    ];
    expect(alignByHeaders(word)).toEqual(word);
  });
});

describe('parsePastedTable', () => {
  it('reads a Word table’s text export', () => {
    expect(parsePastedTable('\t填报人\n\t张赛球\u3000\n\n\t联系电话\n\t027\n\n')).toEqual([
      ['填报人', '张赛球\u3000'],
      ['联系电话', '027'],
    ]);
  });
  it('reads tab-separated rows as Excel copies them, quoted line breaks and quotes included', () => {
    expect(
      parsePastedTable('部门（单位）名称\t市局\t\t\r\n"一级\n指标"\t"说""明"\t\t\r\n\t\t\t\r\n'),
    ).toEqual([
      ['部门（单位）名称', '市局'],
      ['一级\n指标', '说"明'],
    ]);
  });
  it('gives nothing for nothing', () => {
    expect(parsePastedTable('')).toEqual([]);
  });
});

describe('formValuesFromImport', () => {
  it('stores what Excel stores for the typed text; only input fields, never formulas', () => {
    const v = formValuesFromImport(
      {
        year: 2024,
        fields: {
          Dept_Phone: '027-60265422\u3000',
          Fund_Income_Fiscal_Current: '\u30008167.74',
          Fund_Expense_Personnel_Current: '1546.73',
          Fund_Income_Total_Current: '8167.74',
          Fund_Income_Fiscal_Share: '100%',
          Fund_Income_Own_Current: '',
          Text_Functions: '=HYPERLINK("x")',
        },
        tables: { longTerm: [{ level3: '率', target: '88.86%' }], annual: [] },
        matched: [],
        missing: [],
      },
      2025,
    );
    expect(v).toEqual({
      year: 2025,
      fields: {
        Dept_Phone: { value: '027-60265422\u3000' },
        Fund_Income_Fiscal_Current: { value: '\u30008167.74' },
        Fund_Expense_Personnel_Current: { value: 1546.73 },
        Text_Functions: { value: '=HYPERLINK("x")' },
      },
      tables: {
        longTerm: [{ level3: { value: '率' }, target: { value: 0.8886, numberFormat: '0.00%' } }],
        annual: [],
      },
    });
  });
});

describe('withCells: content in the insertion’s value block', () => {
  const layout = computeLayout({ year: 2024, rows: { longTerm: 1, annual: 1 } });
  const plan = withCells(
    paintPlan(layout),
    new Map([
      ['E7', { value: '\u30008167.74' }],
      ['E11', { value: 1546.73, numberFormat: 'General' }],
      ['E19', { value: 0.8886, numberFormat: '0.00%' }],
      ['B3', { value: '=HYPERLINK("x")' }],
      ['D19', { value: '2024-01-31' }],
      ['H7', { value: null }],
      ['Z99', { value: 'outside' }],
    ]),
  );
  const at = (a: string) => {
    const col = a.charCodeAt(0) - 65;
    const row = Number(a.slice(1)) - 1;
    return { f: plan.formulas[row][col], nf: plan.numberFormats[row][col] };
  };
  it('writes values, keeps text text, keeps the layout’s format unless the cell has its own', () => {
    expect(at('E7')).toEqual({ f: '\u30008167.74', nf: '#,##0.00' });
    expect(at('E11')).toEqual({ f: 1546.73, nf: '#,##0.00' });
    expect(at('E19')).toEqual({ f: 0.8886, nf: '0.00%' });
    // Text Excel would read as a formula or a date gets the apostrophe that keeps it text.
    expect(at('B3').f).toBe('\'=HYPERLINK("x")');
    expect(at('D19').f).toBe("'2024-01-31");
    expect(at('H7').f).toBe('');
    // Formulas of the layout are untouched.
    expect(at('E10').f).toBe('=SUM(E7:E9)');
    expect(paintPlan(layout).formulas[6][4]).toBe(''); // the plan itself is not changed
  });
  it('keepsAsText', () => {
    expect(keepsAsText('58.7亿元人民币')).toBe(true);
    expect(keepsAsText('\u30008167.74')).toBe(true);
    expect(keepsAsText('027-60265422\u3000')).toBe(true);
    expect(keepsAsText('027-60265422')).toBe(false);
    expect(keepsAsText('1e5')).toBe(false);
    expect(keepsAsText('(12)')).toBe(false);
    expect(keepsAsText('TRUE')).toBe(false);
    expect(keepsAsText("'x")).toBe(false);
  });
});

describe('roll-forward preview rows', () => {
  it('shows values as the form does, and counts what is cleared', () => {
    const before = {
      year: 2024,
      fields: {
        Fund_Income_Fiscal_Current: { value: 100 },
        Fund_Income_Fiscal_Prev1: { value: 90 },
        Fund_Income_Fiscal_Prev2: { value: 80 },
      },
      tables: {
        longTerm: [],
        annual: [
          {
            level3: { value: '满意度' },
            prev1: { value: 0.85, numberFormat: '0%' },
            target: { value: 0.9, numberFormat: '0%' },
          },
        ],
      },
    };
    const plan = planRollForward(before);
    const rows = rollPreviewRows(before, plan);
    expect(rows.map((r) => [r.where.zh, r.from, r.to])).toEqual([
      ['预算年度', '2024', '2025'],
      ['部门总体资金情况/收入构成/财政拨款/2023年金额', '80', '90'],
      ['部门总体资金情况/收入构成/财政拨款/2024年金额', '90', '100'],
      ['部门总体资金情况/收入构成/财政拨款/当年金额（2025年）', '100', ''],
      ['年度绩效指标/满意度/2023年', '', '85%'],
      ['年度绩效指标/满意度/2024年', '85%', '90%'],
      ['年度绩效指标/满意度/预期当年实现值', '90%', ''],
    ]);
    expect(rollCounts(rows)).toEqual({ total: 7, moved: 5, cleared: 2 });
  });
});

describe('small helpers', () => {
  it('clip counts characters, not UTF-16 units', () => {
    expect(clip('一二三', 2)).toEqual({ text: '一二…', truncated: true });
    expect(clip('一二', 2)).toEqual({ text: '一二', truncated: false });
  });
  it('exportFileName', () => {
    expect(exportFileName('绩效目标表2024', 2024)).toBe('绩效目标表2024');
    expect(exportFileName('a/b: c', 2024)).toBe('a_b_c');
    expect(exportFileName('///', 2025)).toBe('绩效目标表2025');
  });
});

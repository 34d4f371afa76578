import { alignByHeaders, alignGrid, alignTableRows, headerColumns } from './align';
import { importRows } from './from-rows';

describe('alignTableRows', () => {
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

describe('alignGrid: the same clean-up on column indices', () => {
  /** The template's funding header and a row, as a used range gives them (merged parts blank). */
  const sheet = [
    [
      '部门总体资金情况',
      '总体资金情况',
      '',
      '',
      '当年金额',
      '',
      '占比',
      '近两年收支金额',
      '',
      '备注',
    ],
    ['', '', '', '', '', '', '', '2022年', '2023年'],
    ['', '收入构成', '财政拨款', '', '100', '', '100%', '90', '95', '已核'],
    ['部门职能概述', '职能', '', '', '', '', '', '', ''],
  ];
  it('tells where each kept text came from, so a caller can name the source cell', () => {
    const g = alignGrid(sheet);
    expect(g.rows[2]).toEqual(['', '收入构成', '财政拨款', '100', '100%', '90', '95']);
    expect(g.cols[2]).toEqual([0, 1, 2, 4, 6, 7, 8]);
    // A row no header places keeps its cells, trailing blanks cut.
    expect(g.rows[3]).toEqual(['部门职能概述', '职能']);
    expect(g.cols[3]).toEqual([0, 1]);
    expect(headerColumns(sheet)[3]).toBeNull();
  });
  it('leaves out what `skipped` says (the covered cells of merged areas) in rows it does not place', () => {
    const g = alignGrid(
      [
        ['部门（单位）名称', '', '', '市局'],
        ['填报人', '李四', '', '联系电话', '', '027'],
      ],
      { skipped: (r, c) => (r === 0 && c >= 1 && c <= 2) || (r === 1 && c === 4) },
    );
    expect(g.rows).toEqual([
      ['部门（单位）名称', '市局'],
      ['填报人', '李四', '', '联系电话', '027'],
    ]);
    expect(g.cols).toEqual([
      [0, 3],
      [0, 1, 2, 3, 5],
    ]);
  });
  it('pads a table row with its own cut blanks first, then with padding (-1)', () => {
    const g = alignGrid([
      ['长期绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '依据', '分类', 'x'],
      ['', '产出', '', '', '', '', ''],
    ]);
    expect(g.rows[1]).toHaveLength(8);
    expect(g.cols[1]).toEqual([0, 1, 2, 3, 4, 5, 6, -1]);
  });
});

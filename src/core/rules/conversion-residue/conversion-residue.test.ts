import { runRule } from '../engine';
import { fieldAddress, makeSnapshot, tableAddress, testRule } from '../test-kit';
import { rule } from '.';

const at = (name: string) => fieldAddress(name);
const row = (level3: string) => ({
  level1: '运行成本',
  level2: '项目支出成本控制',
  level3,
  prev2: '86.52%',
  prev1: '46.81%',
  target: '80%',
  basis: '计划标准',
  category: '绩效基本型',
});

testRule(rule, {
  valid: [
    {
      name: 'clean texts and cells',
      snapshot: {
        fields: {
          Dept_Name: '鄂州市商务局',
          Text_Functions: '1.负责商务工作；\n2.指导县（区）商务工作。',
        },
        annual: [row('“三公”经费变动率')],
      },
    },
    {
      name: 'brackets, ampersands and comparison signs that are not residue',
      snapshot: {
        fields: { Text_AnnualTasks: 'R&D 投入增长 <5%，[注：按上年口径] a<b' },
        annual: [{ ...row('会议费控制率'), target: '<5%' }],
      },
    },
    { name: 'an empty form', snapshot: {} },
  ],
  invalid: [
    {
      name: 'the seed’s [bookmark: _GoBack] in a 三级指标',
      snapshot: { annual: [row('[bookmark: _GoBack]“三公”经费变动率')] },
      findings: [
        {
          cells: [tableAddress('annual', 0, 'level3')],
          severity: 'warning',
          zh: '单元格中有文档转换残留“[bookmark: _GoBack]”，应删除；删除后为““三公”经费变动率”',
          en: 'conversion residue "[bookmark: _GoBack]"',
          fix: {
            address: tableAddress('annual', 0, 'level3'),
            value: '“三公”经费变动率',
            label: { zh: '删除转换残留', en: 'Remove the residue' },
          },
        },
      ],
    },
    {
      name: 'HTML line breaks and entities in text fields; the rest kept exactly',
      snapshot: {
        fields: {
          Dept_Name: '\u3000鄂州市&nbsp;商务局',
          Text_Functions: '1.负责商务工作；<br/>  2.指导工作。',
        },
      },
      findings: [
        {
          cells: [at('Dept_Name')],
          fix: {
            address: at('Dept_Name'),
            value: '\u3000鄂州市 商务局',
            label: { zh: '删除转换残留', en: 'Remove the residue' },
          },
        },
        {
          cells: [at('Text_Functions')],
          zh: '“<br/>”',
          fix: {
            address: at('Text_Functions'),
            value: '1.负责商务工作；\n  2.指导工作。',
            label: { zh: '删除转换残留', en: 'Remove the residue' },
          },
        },
      ],
    },
    {
      name: 'Word’s end-of-cell mark and the replacement character',
      snapshot: {
        annual: [{ ...row('会议费控制率'), basis: '计划标准\u0007' }],
        fields: { Text_AnnualGoals: '增长10%\uFFFD。' },
      },
      findings: [
        {
          cells: [at('Text_AnnualGoals')],
          zh: '乱码替换字符',
          fix: {
            address: at('Text_AnnualGoals'),
            value: '增长10%。',
            label: { zh: '删除转换残留', en: 'Remove the residue' },
          },
        },
        {
          cells: [tableAddress('annual', 0, 'basis')],
          zh: 'Word 单元格结束符',
          fix: {
            address: tableAddress('annual', 0, 'basis'),
            value: '计划标准',
            label: { zh: '删除转换残留', en: 'Remove the residue' },
          },
        },
      ],
    },
    {
      name: 'XML tags in a long-term value',
      snapshot: { longTerm: [{ ...row('会议费控制率'), target: '<w:t>96.58%</w:t>' }] },
      findings: [
        {
          cells: [tableAddress('longTerm', 0, 'target')],
          fix: {
            address: tableAddress('longTerm', 0, 'target'),
            value: '96.58%',
            label: { zh: '删除转换残留', en: 'Remove the residue' },
          },
        },
      ],
    },
    {
      name: 'a filled-down 一级 is reported once, where it is written',
      snapshot: {
        annual: [
          { ...row('会议费控制率'), level1: '[bookmark: _GoBack]运行成本' },
          { ...row('公用经费控制率'), level1: null, level2: null },
        ],
      },
      findings: [{ cells: [tableAddress('annual', 0, 'level1', { annual: [{}, {}] })] }],
    },
  ],
});

describe('conversion-residue sections', () => {
  it('reports a finding in the section of its cell', () => {
    const found = runRule(
      rule,
      makeSnapshot({
        fields: { Dept_Preparer: '张<b>赛球</b>', Text_LongTermGoals: '目标&nbsp;一' },
        longTerm: [row('[bookmark: x]公用经费控制率')],
      }),
    );
    expect(found.map((f) => f.section)).toEqual(['header', 'longTermGoals', 'longTerm']);
  });
});

import { tableAddress, testRule } from '../test-kit';
import { annualRow, longTermRow } from '../util/basic-fixtures';
import { rule } from '.';

testRule(rule, {
  valid: [
    { name: 'complete rows', snapshot: { annual: [annualRow()], longTerm: [longTermRow()] } },
    {
      name: 'filled-down 一级 and 二级 count',
      snapshot: {
        annual: [
          annualRow(),
          annualRow({ level1: null, level2: null, level3: '“三公”经费变动率' }),
        ],
      },
    },
    { name: 'spare rows are ignored', snapshot: { annual: [annualRow(), {}, {}] } },
    {
      name: 'a spare row holding only the default 依据 and 分类',
      snapshot: { annual: [annualRow(), { basis: '计划标准', category: '绩效基本型' }] },
    },
    {
      name: 'a placeholder row is placeholder-row’s',
      snapshot: {
        annual: [annualRow(), { level3: '……', basis: '计划标准', category: '绩效基本型' }],
      },
    },
    {
      name: 'qualitative values and zero count as present',
      snapshot: { annual: [annualRow({ prev2: '健全', prev1: 0, target: '健全' })] },
    },
  ],
  invalid: [
    {
      name: 'an annual row without its expected value and category',
      snapshot: { annual: [annualRow({ target: null, category: null })] },
      findings: [
        {
          cells: [tableAddress('annual', 0, 'target'), tableAddress('annual', 0, 'category')],
          severity: 'error',
          zh: '年度绩效指标“会议费控制率”缺少预期当年实现值、指标分类',
          en: 'Expected this year, Category missing',
          fix: null,
        },
      ],
    },
    {
      name: 'missing history values are a warning',
      snapshot: { annual: [annualRow({ prev2: null, prev1: '\u3000' })] },
      findings: [
        {
          cells: [tableAddress('annual', 0, 'prev2'), tableAddress('annual', 0, 'prev1')],
          severity: 'warning',
          zh: '缺少2022年指标值、2023年指标值',
        },
      ],
    },
    {
      name: 'a row without 三级指标 is named by its sheet row',
      snapshot: { longTerm: [longTermRow({ level3: null })] },
      findings: [
        {
          cells: [tableAddress('longTerm', 0, 'level3')],
          zh: /长期绩效指标第 \d+ 行缺少三级指标/,
        },
      ],
    },
    {
      name: 'a new group without 二级 (一级 given, so nothing is filled down)',
      snapshot: {
        annual: [
          annualRow(),
          annualRow({ level1: '管理效率', level2: null, level3: '预算执行率' }),
        ],
      },
      findings: [
        { cells: [tableAddress('annual', 1, 'level2', { annual: [{}, {}] })], zh: '缺少二级指标' },
      ],
    },
    {
      name: 'a template row with 一级 and 二级 but nothing under them',
      snapshot: {
        longTerm: [
          {
            level1: '履职效能',
            level2: '核心业务产出1',
            basis: '计划标准',
            category: '绩效基本型',
          },
        ],
      },
      findings: [
        {
          cells: [tableAddress('longTerm', 0, 'level3'), tableAddress('longTerm', 0, 'target')],
          zh: '缺少三级指标、指标值',
        },
      ],
    },
    {
      name: 'both kinds in one row',
      snapshot: { annual: [annualRow({ prev1: null, basis: null })] },
      findings: [
        { severity: 'error', cells: [tableAddress('annual', 0, 'basis')] },
        { severity: 'warning', cells: [tableAddress('annual', 0, 'prev1')] },
      ],
    },
  ],
});

import { tableAddress, testRule } from '../test-kit';
import { annualRow, longTermRow } from '../util/basic-fixtures';
import { rule } from '.';

const annual2 = { annual: [{}, {}] };
const longTerm2 = { longTerm: [{}, {}] };

testRule(rule, {
  valid: [
    { name: 'complete rows', snapshot: { annual: [annualRow()], longTerm: [longTermRow()] } },
    { name: 'a spare row', snapshot: { annual: [annualRow(), {}] } },
    {
      name: 'an indicator whose history values are dashes is not a placeholder row',
      snapshot: { annual: [annualRow({ prev2: '—', prev1: '—' })] },
    },
    {
      name: 'a 三级指标 ending in 等 is text',
      snapshot: { annual: [annualRow({ level3: '消费券、以旧换新等' })] },
    },
  ],
  invalid: [
    {
      name: 'the seed’s annual placeholder: …… with filled-down levels and default 依据/分类',
      snapshot: {
        annual: [annualRow(), { level3: '……', basis: '计划标准', category: '绩效基本型' }],
      },
      findings: [
        {
          cells: [tableAddress('annual', 1, 'level3', annual2)],
          severity: 'warning',
          zh: /年度绩效指标第 \d+ 行只有占位符“……”：请删除该行，或填写完整的指标/,
          en: 'delete the row or fill in',
          fix: null,
        },
      ],
    },
    {
      name: 'the seed’s long-term placeholder: …… alone',
      snapshot: { longTerm: [longTermRow(), { level3: '……' }] },
      findings: [{ cells: [tableAddress('longTerm', 1, 'level3', longTerm2)] }],
    },
    {
      name: 'other marks: ..., …, ——, 略, 等',
      snapshot: {
        annual: [
          { level1: '运行成本', level2: '公用经费控制', level3: '...' },
          { level3: '…' },
          { level3: '——' },
          { level3: '略' },
          { level3: '等' },
        ],
      },
      findings: [{ zh: '“...”' }, { zh: '“…”' }, { zh: '“——”' }, { zh: '“略”' }, { zh: '“等”' }],
    },
    {
      name: 'a placeholder in the values with an empty 三级指标 still points at the 三级指标 cell',
      snapshot: { annual: [annualRow(), { target: '……' }] },
      findings: [{ cells: [tableAddress('annual', 1, 'level3', annual2)], zh: '“……”' }],
    },
  ],
});

import { runRule } from '../engine';
import { makeSnapshot, tableAddress, testRule, type SnapshotInput } from '../test-kit';
import { rule } from '.';

const annual = (rows: SnapshotInput['annual']): SnapshotInput => ({ annual: rows });
const at = (input: SnapshotInput, i: number, key: 'level3' | 'prev2' | 'prev1' | 'target') =>
  tableAddress('annual', i, key, input);

const usd = annual([
  {
    level3: '完成实际利用外资万美元',
    prev2: '901.13亿美元',
    prev1: '955.2亿美元',
    target: '1050.72亿美元',
  },
]);
const onePrev = annual([
  {
    level3: '完成实际利用外资万美元',
    prev2: '901.13亿美元',
    prev1: '955.2万美元',
    target: '1050.72',
  },
]);
const cnySmaller = annual([{ level3: '外贸进出口（亿元）', target: '645700万元' }]);
const currency = annual([{ level3: '完成实际利用外资万美元', target: '5亿元' }]);
const mixed = annual([
  { level3: '外贸进出口额', prev2: '53.36亿元', prev1: '587000万元', target: '64.57亿元' },
]);
const counts = annual([{ level3: '接待游客万人次', prev1: '35.6万人次', target: '380000人次' }]);
const countsMixed = annual([
  { level3: '举办展会场数', prev2: '12场', prev1: '1.5万场', target: '15场' },
]);
const longTerm: SnapshotInput = {
  longTerm: [{ level3: '完成实际利用外资万美元', target: '1050.72亿美元' }],
};

testRule(rule, {
  valid: [
    {
      name: 'values in the unit the label names',
      snapshot: annual([
        {
          level3: '完成实际利用外资万美元',
          prev2: '901.13万美元',
          prev1: '955.2万美元',
          target: '1050.72万美元',
        },
      ]),
    },
    {
      name: 'bare numbers under a label with a unit',
      snapshot: annual([
        { level3: '完成实际利用外资万美元', prev2: 901.13, prev1: 955.2, target: 1050.72 },
      ]),
    },
    {
      name: '亿元人民币 in the label and 亿元 in the values are the same unit',
      snapshot: annual([
        { level3: '完成外贸进出口亿元人民币', prev1: '58.7亿元', target: '64.57亿元人民币' },
      ]),
    },
    {
      name: 'one unit across the years when the label names none',
      snapshot: annual([
        { level3: '外贸进出口额', prev2: '53.36亿元', prev1: '58.7亿元', target: '64.57亿元' },
      ]),
    },
    {
      name: 'percentages and grades carry no unit',
      snapshot: annual([
        { level3: '预算执行率', prev2: '95%', prev1: '96%', target: '99%' },
        { level3: '工作计划健全性', prev2: '健全', prev1: '健全', target: '健全' },
      ]),
    },
    {
      name: 'a count in the unit the label declares',
      snapshot: annual([{ level3: '接待游客万人次', prev1: '35.6万人次', target: 38 }]),
    },
    {
      name: 'a count word in a label is not a declared unit',
      snapshot: annual([{ level3: '服务企业户数', target: '1.2万户' }]),
    },
    {
      name: 'the long-term value in the label’s unit',
      snapshot: { longTerm: [{ level3: '完成实际利用外资万美元', target: '1155.8万美元' }] },
    },
    { name: 'an empty form', snapshot: {} },
  ],
  invalid: [
    {
      name: '万美元 in the label, 亿美元 in every value (the seed)',
      snapshot: usd,
      findings: [
        {
          severity: 'error',
          cells: [
            at(usd, 0, 'prev2'),
            at(usd, 0, 'prev1'),
            at(usd, 0, 'target'),
            at(usd, 0, 'level3'),
          ],
          zh: /单位是万美元.*2022年 901\.13亿美元、2023年 955\.2亿美元、预期当年实现值 1050\.72亿美元 用的是亿美元（是万美元的 10,000 倍）/,
          en: /10,000 times larger/,
          fix: null,
        },
      ],
    },
    {
      name: 'only the values that disagree are named',
      snapshot: onePrev,
      findings: [{ cells: [at(onePrev, 0, 'prev2'), at(onePrev, 0, 'level3')], zh: /10,000 倍/ }],
    },
    {
      name: 'a value in a smaller unit than the label',
      snapshot: cnySmaller,
      findings: [
        {
          cells: [at(cnySmaller, 0, 'target'), at(cnySmaller, 0, 'level3')],
          zh: /单位是亿元.*用的是万元（是亿元的 1\/10,000）/,
          en: /10,000 times smaller/,
        },
      ],
    },
    {
      name: 'a different currency',
      snapshot: currency,
      findings: [{ severity: 'error', zh: /币种不同/, en: /different currency/ }],
    },
    {
      name: 'values of one row in different units, no unit in the label (warning)',
      snapshot: mixed,
      findings: [
        {
          severity: 'warning',
          cells: [at(mixed, 0, 'prev1'), at(mixed, 0, 'target')],
          zh: /2023年“587000万元”用万元，预期当年实现值“64\.57亿元”用亿元/,
          en: /mix units/,
        },
      ],
    },
    {
      name: 'a count in a unit 10,000 times smaller than the label’s',
      snapshot: counts,
      findings: [
        {
          cells: [at(counts, 0, 'target'), at(counts, 0, 'level3')],
          zh: /单位是万人次.*用的是人次（是万人次的 1\/10,000）/,
        },
      ],
    },
    {
      name: 'counts of one row in different magnitudes',
      snapshot: countsMixed,
      findings: [
        {
          severity: 'warning',
          cells: [at(countsMixed, 0, 'prev1'), at(countsMixed, 0, 'target')],
          zh: /万场/,
        },
      ],
    },
    {
      name: 'the long-term table too',
      snapshot: longTerm,
      findings: [
        {
          cells: [
            tableAddress('longTerm', 0, 'target', longTerm),
            tableAddress('longTerm', 0, 'level3', longTerm),
          ],
          zh: /指标值 1050\.72亿美元 用的是亿美元/,
        },
      ],
    },
  ],
});

describe('unit-consistency on damaged input', () => {
  it('reports nothing for error values and odd cell contents', () => {
    const s = makeSnapshot(
      annual([
        { level3: '完成实际利用外资万美元', prev2: '#REF!', prev1: { value: true }, target: '' },
        { level3: 42 as never, target: '5亿元' },
      ]),
    );
    expect(runRule(rule, s)).toEqual([]);
  });
});

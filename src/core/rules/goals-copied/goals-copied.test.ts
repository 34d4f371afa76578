import { fieldAddress, testRule } from '../test-kit';
import { rule, wordsOf } from '.';

const at = (name: string) => fieldAddress(name);
const LONG =
  '1.全市社会消费品零售总额年均增长8%。\n2.外贸进出口总额达到80亿元，年均增长10%。\n3.实际利用外资年均增长10%。';
const ANNUAL =
  '1.2024年全市社会消费品零售总额增长10%。\n2.2024年外贸进出口64.57亿元，同比增长10%。';

testRule(rule, {
  valid: [
    {
      name: 'different goals',
      snapshot: { fields: { Text_LongTermGoals: LONG, Text_AnnualGoals: ANNUAL } },
    },
    { name: 'one of them empty', snapshot: { fields: { Text_LongTermGoals: LONG } } },
    {
      name: 'a short phrase shared by both is no copy',
      snapshot: {
        fields: {
          Text_LongTermGoals: '稳步增长',
          Text_AnnualGoals: '社会消费品零售总额稳步增长10%',
        },
      },
    },
    {
      name: 'numbers differing only by a decimal point are different',
      snapshot: {
        fields: {
          Text_LongTermGoals: '外贸进出口65.7亿元',
          Text_AnnualGoals: '外贸进出口6.57亿元',
        },
      },
    },
  ],
  invalid: [
    {
      name: 'the seed: the annual goals repeat the long-term goals',
      snapshot: {
        fields: {
          Text_LongTermGoals: LONG,
          Text_AnnualGoals: `\u3000${LONG.replace(/。/g, '. ')}`,
        },
      },
      findings: [
        {
          cells: [at('Text_AnnualGoals'), at('Text_LongTermGoals')],
          severity: 'warning',
          zh: '年度目标与长期目标逐字相同',
          en: 'word for word',
          fix: null,
        },
      ],
    },
    {
      name: 'full-width punctuation and spaces do not hide a copy',
      snapshot: {
        fields: {
          Text_LongTermGoals: '1．社会消费品零售总额增长10％，外贸进出口增长12％',
          Text_AnnualGoals: '1. 社会消费品零售总额增长10%, 外贸进出口增长12%',
        },
      },
      findings: [{ zh: '逐字相同' }],
    },
    {
      name: 'the annual goals hold the whole long-term goals and more',
      snapshot: {
        fields: {
          Text_LongTermGoals: LONG,
          Text_AnnualGoals: `${LONG}\n4.完成商务领域安全生产目标。`,
        },
      },
      findings: [{ zh: '年度目标完整包含了长期目标的全部文字' }],
    },
  ],
});

describe('wordsOf', () => {
  it('keeps words, numbers and decimal points, drops blanks and punctuation', () => {
    expect(wordsOf('1．社会消费品\u3000零售总额增长10.5％。')).toBe('1社会消费品零售总额增长10.5%');
  });
});

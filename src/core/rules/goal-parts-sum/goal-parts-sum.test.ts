import { fieldAddress, testRule, type SnapshotInput } from '../test-kit';
import { rule } from '.';

const annualGoals = (text: string): SnapshotInput => ({ fields: { Text_AnnualGoals: text } });
const wrongSum = annualGoals(
  '2.2024年全市预计完成外贸进出口65.7亿元，同比增长12%，其中：出口35.6亿元，同比增长12%；进口30.6亿元，同比增长12%。',
);
const over: SnapshotInput = {
  fields: { Text_LongTermGoals: '外贸进出口65.7亿元，其中出口70亿元，进口增长5%。' },
};
const growth: SnapshotInput = {
  fields: {
    Text_AnnualTasks:
      '外贸进出口65.7亿元，同比增长15%，其中：出口35.6亿元，同比增长12%；进口30.1亿元，同比增长11%。',
  },
};

testRule(rule, {
  valid: [
    {
      name: 'the seed’s parts: 35.6 + 30.1 = 65.7',
      snapshot: annualGoals(
        '2.2024年全市预计完成外贸进出口65.7亿元，同比增长12%，其中：出口35.6亿元，同比增长12%；进口30.1亿元，同比增长12%。',
      ),
    },
    {
      name: 'parts in another unit, and a total growth between the parts’',
      snapshot: annualGoals(
        '外贸进出口65.7亿元，增长11.5%，其中出口356000万元，增长12%；进口301000万元，增长11%。',
      ),
    },
    {
      name: 'within the rounding of the figures: 35.6 + 30.2 against 65.7',
      snapshot: annualGoals('外贸进出口65.7亿元，其中出口35.6亿元、进口30.2亿元。'),
    },
    {
      name: 'one part smaller than the total',
      snapshot: annualGoals('外贸进出口65.7亿元，其中出口35.6亿元。'),
    },
    {
      name: 'a total given as a bound',
      snapshot: annualGoals('外贸进出口突破60亿元，其中出口35.6亿元、进口30.1亿元。'),
    },
    { name: 'no parts', snapshot: annualGoals('外贸进出口65.7亿元，同比增长12%。') },
    { name: 'an empty form', snapshot: {} },
  ],
  invalid: [
    {
      name: 'parts that do not add up to the total',
      snapshot: wrongSum,
      findings: [
        {
          severity: 'warning',
          cells: [fieldAddress('Text_AnnualGoals', wrongSum)],
          zh: '年度目标写“外贸进出口65.7亿元”，其中 出口35.6亿元 + 进口30.6亿元 = 66.2亿元：各部分之和应等于总数 65.7亿元',
          en: /add up to 66\.2亿元; they should add up to 65\.7亿元/,
          fix: null,
        },
      ],
    },
    {
      name: 'a single part above the total (long-term goals)',
      snapshot: over,
      findings: [
        {
          cells: [fieldAddress('Text_LongTermGoals', over)],
          zh: /^长期目标写“外贸进出口65\.7亿元”，其中 出口70亿元 已达 70亿元，超过总数/,
        },
      ],
    },
    {
      name: 'a total growth outside its parts’ growth (年度工作任务)',
      snapshot: growth,
      findings: [
        {
          cells: [fieldAddress('Text_AnnualTasks', growth)],
          zh: /^年度工作任务写“外贸进出口同比增长15%”.*总体增速应在各部分增速之间（11%–12%）/,
        },
      ],
    },
  ],
});

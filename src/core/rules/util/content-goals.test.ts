import { seedSnapshot } from '../../../../test/fixtures/seed';
import {
  cleanSubject,
  extractGoalStatements,
  findQuantities,
  goalStatements,
  indicatorSubject,
  quoteAmount,
  quoteGrowth,
  splitClauses,
  splitItems,
  subjectMatch,
  subjectVariants,
} from './content-goals';

/** A statement as a compact line, for readable expectations. */
function line(st: ReturnType<typeof extractGoalStatements>[number]): string {
  const parts = [st.subject];
  if (st.amount) parts.push(`${st.amount.value}${st.amount.unit.text}`);
  if (st.growth) parts.push(`${st.growth.value >= 0 ? '+' : ''}${st.growth.value}%`);
  if (st.partOf !== undefined) parts.push(`part of #${st.partOf}`);
  return parts.join(' ');
}
const lines = (text: string) => extractGoalStatements(text).map(line);

describe('splitItems', () => {
  it('splits lines and removes the numbering, including 1.2024年 (item 1, year 2024)', () => {
    expect(splitItems('1.2024年实现A。\n2、B增长5%\n（3）C\n\n')).toEqual([
      '2024年实现A。',
      'B增长5%',
      'C',
    ]);
  });
  it('splits numbered items inside one line after a sentence end or a colon', () => {
    expect(splitItems('任务是: 一是促进消费。二是扩大开放。3.优化环境')).toEqual([
      '任务是:',
      '促进消费。',
      '扩大开放。',
      '优化环境',
    ]);
  });
  it('does not take a decimal at the start of a line for an item number', () => {
    expect(splitItems('3.5亿元用于建设')).toEqual(['3.5亿元用于建设']);
  });
  it('folds full-width characters and U+3000, and drops conversion residue', () => {
    expect(splitItems('\u3000１．[bookmark: _GoBack]外贸进出口６５．７亿元')).toEqual([
      '外贸进出口65.7亿元',
    ]);
  });
  it('takes anything that is not a string as no text', () => {
    expect(splitItems(null)).toEqual([]);
    expect(splitItems(42)).toEqual([]);
    expect(splitItems('')).toEqual([]);
  });
});

describe('splitClauses', () => {
  it('splits at commas, colons, semicolons and 、, counting sentences at 。', () => {
    expect(
      splitClauses('A65.7亿元，同比增长12%，其中：出口35.6亿元；进口30.1亿元。B增长5%'),
    ).toEqual([
      { text: 'A65.7亿元', item: 0, sentence: 0 },
      { text: '同比增长12%', item: 0, sentence: 0 },
      { text: '其中', item: 0, sentence: 0 },
      { text: '出口35.6亿元', item: 0, sentence: 0 },
      { text: '进口30.1亿元', item: 0, sentence: 0 },
      { text: 'B增长5%', item: 0, sentence: 1 },
    ]);
  });
  it('keeps a thousands separator inside a number', () => {
    expect(splitClauses('收入8,167.74万元,同比增长3%').map((c) => c.text)).toEqual([
      '收入8,167.74万元',
      '同比增长3%',
    ]);
  });
});

describe('findQuantities', () => {
  const q = (s: string) =>
    findQuantities(s).map((x) =>
      x.amount
        ? `amount ${x.amount.value} ${x.amount.unit.text} ${x.amount.qualifier} “${x.amount.text}”`
        : `growth ${x.growth!.value} ${x.growth!.qualifier} “${x.growth!.text}”`,
    );
  it('reads money amounts with their unit', () => {
    expect(q('外贸进出口65.7亿元')).toEqual(['amount 65.7 亿元 exact “65.7亿元”']);
    expect(q('实际利用外资1155.8万美元')).toEqual(['amount 1155.8 万美元 exact “1155.8万美元”']);
    expect(q('完成58.7亿元人民币')).toEqual(['amount 58.7 亿元 exact “58.7亿元人民币”']);
    expect(q('投资8,000万元')).toEqual(['amount 8000 万元 exact “8,000万元”']);
    expect(q('收入500元')).toEqual(['amount 500 元 exact “500元”']);
  });
  it('reads qualifiers: 突破/以上 (at least), 以内 (at most), 约/左右 (about)', () => {
    expect(q('突破65亿元')).toEqual(['amount 65 亿元 atLeast “突破65亿元”']);
    expect(q('65亿元以上')).toEqual(['amount 65 亿元 atLeast “65亿元以上”']);
    expect(q('3亿元以内')).toEqual(['amount 3 亿元 atMost “3亿元以内”']);
    expect(q('约65亿元')).toEqual(['amount 65 亿元 about “约65亿元”']);
    expect(q('达到65亿元')).toEqual(['amount 65 亿元 exact “65亿元”']);
  });
  it('reads growth phrases as people write them', () => {
    expect(q('同比增长12%')).toEqual(['growth 12 exact “同比增长12%”']);
    expect(q('预计比上年同比增长10%')).toEqual(['growth 10 exact “比上年同比增长10%”']);
    expect(q('增长12%左右')).toEqual(['growth 12 about “增长12%左右”']);
    expect(q('较2023年增长8.5%')).toEqual(['growth 8.5 exact “较2023年增长8.5%”']);
    expect(q('增速达8.5%')).toEqual(['growth 8.5 exact “增速达8.5%”']);
    expect(q('增长率为10%以上')).toEqual(['growth 10 atLeast “增长率为10%以上”']);
    expect(q('同比下降3%')).toEqual(['growth -3 exact “同比下降3%”']);
  });
  it('remembers the base year a growth is measured from', () => {
    expect(findQuantities('比2022年增长21%')[0].growth).toMatchObject({
      value: 21,
      baseYear: 2022,
    });
    expect(findQuantities('同比增长10%')[0].growth?.baseYear).toBeUndefined();
  });
  it('does not read levels, points, years or increments as growth or amounts', () => {
    expect(q('覆盖率提高到95%')).toEqual([]);
    expect(q('满意度提高2个百分点')).toEqual([]);
    expect(q('2024年全市')).toEqual([]);
    expect(q('比上年增加5亿元')).toEqual([]);
    expect(q('消费券使用率95%')).toEqual([]);
  });
  it('reads an amount and a growth in one clause, in order', () => {
    expect(q('出口35.6亿元同比增长12%')).toEqual([
      'amount 35.6 亿元 exact “35.6亿元”',
      'growth 12 exact “同比增长12%”',
    ]);
  });
});

describe('cleanSubject', () => {
  it.each([
    ['2024年全市预计完成外贸进出口', '外贸进出口'],
    ['2024年全市实现社会消费品零售总额预计', '社会消费品零售总额'],
    ['2024年全市商务发展的主要预期目标是社会消费品零售总额', '社会消费品零售总额'],
    ['其中出口', '出口'],
    ['“外贸”进出口', '外贸进出口'],
    ['到2026年，累计', ''],
    ['2024年', ''],
    ['GDP', 'GDP'],
  ])('%s → %s', (raw, subject) => {
    expect(cleanSubject(raw)).toBe(subject);
  });
});

describe('extractGoalStatements', () => {
  it('reads subject, amount and growth, and attaches a subject-less growth to the statement before', () => {
    expect(lines('2.2024年全市预计完成外贸进出口65.7亿元，同比增长12%。')).toEqual([
      '外贸进出口 65.7亿元 +12%',
    ]);
  });
  it('reads 其中 parts as parts of the last total, each with its own growth', () => {
    expect(
      lines(
        '外贸进出口65.7亿元，同比增长12%，其中：出口35.6亿元，同比增长12%；进口30.1亿元，同比增长11%。',
      ),
    ).toEqual([
      '外贸进出口 65.7亿元 +12%',
      '出口 35.6亿元 +12% part of #0',
      '进口 30.1亿元 +11% part of #0',
    ]);
  });
  it('reads 其中 without a colon, and ends the parts at the end of the sentence', () => {
    expect(lines('进出口65.7亿元，其中出口35.6亿元、进口30.1亿元。社零增长10%')).toEqual([
      '进出口 65.7亿元',
      '出口 35.6亿元 part of #0',
      '进口 30.1亿元 part of #0',
      '社零 +10%',
    ]);
  });
  it('keeps subjects apart in a list of targets after a colon', () => {
    expect(
      lines(
        '1、2024年全市商务发展的主要预期目标是：社会消费品零售总额同比增长10%；外贸出口总额同比增长12%左右；实际利用外资同比增长10%。',
      ),
    ).toEqual(['社会消费品零售总额 +10%', '外贸出口总额 +12%', '实际利用外资 +10%']);
  });
  it('never carries a subject into the next numbered item', () => {
    expect(lines('1.外贸进出口65.7亿元。\n2.同比增长12%')).toEqual(['外贸进出口 65.7亿元']);
  });
  it('starts a new statement when a subject already has that kind of figure', () => {
    expect(lines('外贸进出口65.7亿元，70亿元')).toEqual([
      '外贸进出口 65.7亿元',
      '外贸进出口 70亿元',
    ]);
  });
  it('reads two figures without a delimiter between them as two subjects', () => {
    expect(lines('出口35.6亿元进口30.1亿元')).toEqual(['出口 35.6亿元', '进口 30.1亿元']);
  });
  it('skips 分别 clauses, which pair subjects and figures by position', () => {
    expect(lines('社会消费品零售总额、外贸进出口分别增长10%、12%')).toEqual([]);
  });
  it('skips figures about nothing named and texts without figures', () => {
    expect(lines('同比增长12%。')).toEqual([]);
    expect(lines('推进对外贸易创新发展，优化营商环境。')).toEqual([]);
    expect(lines('')).toEqual([]);
  });
  it('reads the seed’s 年度目标 and 年度工作任务', () => {
    const s = seedSnapshot();
    expect(lines(s.fields.Text_AnnualGoals.value as string)).toEqual([
      '社会消费品零售总额 +10%',
      '外贸进出口 65.7亿元 +12%',
      '出口 35.6亿元 +12% part of #1',
      '进口 30.1亿元 +12% part of #1',
      '实际利用外资 1155.8万美元 +10%',
    ]);
    expect(lines(s.fields.Text_AnnualTasks.value as string)).toEqual([
      '社会消费品零售总额 +10%',
      '外贸出口总额 +12%',
      '实际利用外资 +10%',
    ]);
  });
  it('quotes a figure with its subject as written', () => {
    const [st] = extractGoalStatements('2024年全市实现社会消费品零售总额预计比上年同比增长10%');
    expect(quoteGrowth(st)).toBe('社会消费品零售总额比上年同比增长10%');
    const [a] = extractGoalStatements('预计完成外贸进出口65.7亿元');
    expect(quoteAmount(a)).toBe('外贸进出口65.7亿元');
  });
  it('stays linear on a long text', () => {
    const text = '外贸进出口65.7亿元，同比增长12%。'.repeat(2000);
    const t0 = Date.now();
    expect(extractGoalStatements(text)).toHaveLength(2000);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
  it('remembers statements by text', () => {
    const text = '外贸进出口65.7亿元';
    expect(goalStatements(text)).toBe(goalStatements(text));
    expect(goalStatements(undefined)).toEqual([]);
  });
});

describe('indicatorSubject', () => {
  it.each([
    ['完成外贸进出口亿元人民币', '外贸进出口'],
    ['完成实际利用外资万美元', '实际利用外资'],
    ['实现社会消费品零售总额增长率', '社会消费品零售'],
    ['实现社会消费品零售总额稳步增长', '社会消费品零售'],
    ['外贸进出口额（亿元）', '外贸进出口'],
    ['外贸出口总额', '外贸出口'],
    ['[bookmark: _GoBack]“三公”经费变动率', '三公经费变动率'],
    ['预算执行率', '预算执行率'],
    ['增长率', ''],
    ['', ''],
  ])('%s → %s', (label, core) => {
    expect(indicatorSubject(label)).toBe(core);
  });
});

describe('subjectMatch', () => {
  it('matches a text subject that names the core at an allowed place', () => {
    expect(subjectMatch('外贸进出口', '外贸进出口')).toBe(5);
    expect(subjectMatch('外贸进出口总额', '外贸进出口')).toBe(5);
    expect(subjectMatch('社会消费品零售总额', '社会消费品零售')).toBe(7);
    expect(subjectMatch('鄂州市社会消费品零售总额', '社会消费品零售')).toBe(7);
    expect(subjectMatch('进出口总额', '外贸进出口')).toBe(3);
  });
  it('does not take 出口 for 进出口, nor a qualified or extended subject for the plain one', () => {
    expect(subjectMatch('外贸出口总额', '外贸进出口')).toBe(0);
    expect(subjectMatch('出口', '外贸进出口')).toBe(0);
    expect(subjectMatch('农村社会消费品零售总额', '社会消费品零售')).toBe(0);
    expect(subjectMatch('跨境电商进出口', '外贸进出口')).toBe(0);
    expect(subjectMatch('外贸进出口扶持资金', '外贸进出口')).toBe(0);
    expect(subjectMatch('实际利用外资金额', '实际利用外资')).toBe(6);
    expect(subjectMatch('', '外贸进出口')).toBe(0);
    expect(subjectMatch('外贸进出口', '')).toBe(0);
  });
  it('knows the optional qualifiers of a core', () => {
    expect(subjectVariants('外贸进出口')).toEqual(['外贸进出口', '进出口']);
    expect(subjectVariants('实际利用外资')).toEqual(['实际利用外资']);
    expect(subjectVariants('')).toEqual([]);
  });
});

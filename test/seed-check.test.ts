/**
 * The seed form (鄂州市商务局, 2024) checked with the whole catalogue: every mistake FORM.md lists is
 * found, on the right cells, and nothing else is reported. The full list is written out here; a
 * finding that appears or disappears fails this test.
 */
import { checkForm } from '../src/core/rules/catalogue';
import type { Finding } from '../src/core/rules/types';
import { seedSnapshot } from './fixtures/seed';

type Row = [Finding['severity'], string, string[], (string | number)?];

// Cells: funding E–I rows 7–14; 长期目标 B17; long-term table rows 19–58 (E = 指标值);
// 年度目标 B59; annual table rows 63–102 (E/F = 2022/2023, G = 预期当年实现值, I = 指标分类).
const EXPECTED: Row[] = [
  ['error', 'long-term-goal-vs-indicator', ['B17', 'E45']],
  ['error', 'long-term-goal-vs-indicator', ['B17', 'E46']],
  ['error', 'unit-consistency', ['E46', 'D46']],
  ['error', 'goal-vs-indicator', ['B59', 'G89']],
  ['error', 'goal-vs-indicator', ['B59', 'G90']],
  ['error', 'category-enum', ['I88'], '绩效创新型'],
  ['error', 'category-enum', ['I89'], '绩效创新型'],
  ['error', 'unit-consistency', ['E90', 'F90', 'G90', 'D90']],
  ['error', 'category-enum', ['I90'], '绩效创新型'],
  ['error', 'category-enum', ['I94'], '绩效创新型'],
  ['error', 'category-enum', ['I95'], '绩效创新型'],
  ['error', 'category-enum', ['I96'], '绩效创新型'],
  ['error', 'category-enum', ['I97'], '绩效创新型'],
  ['error', 'category-enum', ['I98'], '绩效创新型'],
  ['error', 'category-enum', ['I99'], '绩效创新型'],
  ['error', 'category-enum', ['I100'], '绩效创新型'],
  ['warning', 'number-stored-as-text', ['E7'], 8167.74],
  ['warning', 'number-stored-as-text', ['G7'], 1],
  ['warning', 'number-stored-as-text', ['H7'], 6289.58],
  ['warning', 'number-stored-as-text', ['I7'], 5347.75],
  ['warning', 'number-stored-as-text', ['E10'], 8167.74],
  ['warning', 'number-stored-as-text', ['H10'], 6289.58],
  ['warning', 'number-stored-as-text', ['I10'], 5347.75],
  ['warning', 'number-stored-as-text', ['G11'], 0.1894],
  ['warning', 'number-stored-as-text', ['H11'], 1648.54],
  ['warning', 'number-stored-as-text', ['I11'], 1774.61],
  ['warning', 'number-stored-as-text', ['E13'], 6372.66],
  ['warning', 'number-stored-as-text', ['G13'], 0.7802],
  ['warning', 'number-stored-as-text', ['H13'], 4383.72],
  ['warning', 'number-stored-as-text', ['I13'], 3339.29],
  ['warning', 'number-stored-as-text', ['E14'], 8167.74],
  ['warning', 'number-stored-as-text', ['H14'], 6289.58],
  ['warning', 'number-stored-as-text', ['I14'], 5347.75],
  ['warning', 'long-term-goal-vs-indicator', ['B17', 'E44']],
  ['warning', 'long-term-goal-vs-indicator', ['B17', 'E47']],
  ['warning', 'long-term-copied', ['E19', 'F63']],
  ['warning', 'long-term-copied', ['E20', 'F64']],
  ['warning', 'long-term-copied', ['E21', 'F65']],
  ['warning', 'long-term-copied', ['E22', 'F66']],
  ['warning', 'placeholder-row', ['D23']],
  ['warning', 'long-term-copied', ['E29', 'F73']],
  ['warning', 'execution-carryover', ['E30', 'E31']],
  ['warning', 'long-term-copied', ['E30', 'F74']],
  ['warning', 'long-term-copied', ['E31', 'F75']],
  ['warning', 'long-term-copied', ['E44', 'F88']],
  ['warning', 'long-term-copied', ['E45', 'F89']],
  ['warning', 'long-term-copied', ['E47', 'F91']],
  ['warning', 'long-term-copied', ['E57', 'F101']],
  ['warning', 'long-term-copied', ['E58', 'F102']],
  ['warning', 'goal-vs-indicator', ['B59', 'G89', 'F89']],
  ['warning', 'goals-copied', ['B59', 'B17']],
  ['warning', 'conversion-residue', ['D66'], '“三公”经费变动率'],
  ['warning', 'target-appropriateness', ['G66', 'F66']],
  ['warning', 'placeholder-row', ['D67']],
  ['warning', 'target-appropriateness', ['G73', 'F73']],
  ['warning', 'execution-carryover', ['F74', 'F75']],
  ['info', 'value-kind', ['E35']],
  ['info', 'value-kind', ['E79', 'F79', 'G79']],
];

describe('checking the seed form', () => {
  const findings = checkForm(seedSnapshot());
  const brief = findings.map((f): Row =>
    f.fix ? [f.severity, f.ruleId, f.cells, f.fix.value] : [f.severity, f.ruleId, f.cells],
  );

  it('reports exactly the expected findings, in order', () => {
    expect(brief).toEqual(EXPECTED);
  });

  const has = (ruleId: string, cells: string[], zh?: RegExp) =>
    findings.some(
      (f) =>
        f.ruleId === ruleId &&
        cells.every((c) => f.cells.includes(c)) &&
        (!zh || zh.test(f.message.zh)),
    );

  it('finds each mistake FORM.md lists', () => {
    // 指标分类 '绩效创新性' in the annual table (the long-term table says 绩效创新型), with a fix.
    const category = findings.filter((f) => f.ruleId === 'category-enum');
    expect(category).toHaveLength(10);
    expect(category.every((f) => f.fix?.value === '绩效创新型')).toBe(true);
    // 核心业务产出3: 三级指标 says 万美元, the values 亿美元 — in both tables.
    expect(has('unit-consistency', ['E46', 'D46'], /万美元.*亿美元.*10,000 倍/)).toBe(true);
    expect(has('unit-consistency', ['G90', 'D90'], /10,000 倍/)).toBe(true);
    // 年度目标 65.7亿元 vs the indicator's 64.57, and +12% vs the +10% over the Y-1 58.7.
    expect(has('goal-vs-indicator', ['B59', 'G89'], /65\.7亿元.*64\.57/)).toBe(true);
    expect(has('goal-vs-indicator', ['B59', 'G89', 'F89'], /12%.*10%/)).toBe(true);
    // 年度目标 1155.8万美元 vs 1050.72.
    expect(has('goal-vs-indicator', ['B59', 'G90'], /1155\.8万美元.*1050\.72/)).toBe(true);
    // 长期目标 社会消费品零售总额 +10% vs the long-term indicator's 7.5%.
    expect(has('long-term-goal-vs-indicator', ['B17', 'E44'], /10%.*7\.5%/)).toBe(true);
    // The '……' rows of both tables; the bookmark residue, with its fix.
    expect(has('placeholder-row', ['D23'])).toBe(true);
    expect(has('placeholder-row', ['D67'])).toBe(true);
    expect(findings.find((f) => f.ruleId === 'conversion-residue')?.fix?.value).toBe(
      '“三公”经费变动率',
    );
    // Numbers typed with U+3000 around them, stored as text, each with the number as its fix.
    expect(findings.filter((f) => f.ruleId === 'number-stored-as-text')).toHaveLength(17);
  });

  it('finds no arithmetic mistake in the funding block: its only findings are numbers stored as text', () => {
    const funding = findings.filter((f) => f.section === 'funding');
    expect(new Set(funding.map((f) => f.ruleId))).toEqual(new Set(['number-stored-as-text']));
  });

  it('does not match 外贸出口总额 (exports) in 年度工作任务 to the 外贸进出口 (trade) indicator', () => {
    expect(findings.some((f) => f.section === 'annualTasks')).toBe(false);
  });
});

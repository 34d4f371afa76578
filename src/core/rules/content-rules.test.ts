import fc from 'fast-check';
import { seedSnapshot } from '../../../test/fixtures/seed';
import type { IndicatorColumnKey } from '../form/types';
import type { FormSnapshot, IndicatorRow } from '../snapshot/types';
import { contentRules } from './content-rules';
import { runRules } from './engine';
import { makeSnapshot } from './test-kit';
import type { Finding } from './types';

/** What a seed finding must be: rule, severity, cells, and pieces of its Chinese message. */
type Expected = [ruleId: string, severity: Finding['severity'], cells: string[], zh: string[]];

/**
 * Every content finding on the seed form, in the order the checker shows them. Each was checked
 * by hand against the form (FORM.md, "Real mistakes in the seed"):
 * - goals against indicators: 外贸进出口 65.7 vs 64.57 (annual) and 58.7 (long-term), its +12% vs
 *   the +10% the annual values imply, 实际利用外资 1155.8 vs 1050.72 (in the label's 万美元), and
 *   长期目标's 社会消费品零售总额 +10% vs 7.5% in both long-term indicators of that subject. Not
 *   reported, rightly: 社零 +10% vs the annual 10%, 实际利用外资 +10% (1050.72 / 955.2), 外贸出口总额
 *   (not 外贸进出口), and the parts 35.6 + 30.1 = 65.7;
 * - 万美元 in the label, 亿美元 in the values, in both tables;
 * - 91.76% executed + 9.8% carried over = 101.56% in the Y-1 column and the long-term values;
 * - twelve long-term values equal to the Y-1 actual while this year's target differs (外资's
 *   long-term value equals this year's target, not Y-1; 培训完成率 and 储备率 differ from Y-1);
 * - targets worse than Y-1 where lower is better: “三公”经费变动率 80% > 46.81%, 预算调整率
 *   0.5% > 0.4%;
 * - 绩效目标合理性 given as 100% in both tables (info: a grade such as 合理 is expected).
 */
const SEED_FINDINGS: Expected[] = [
  ['long-term-goal-vs-indicator', 'error', ['B17', 'E45'], ['外贸进出口65.7亿元', '58.7亿元']],
  [
    'long-term-goal-vs-indicator',
    'error',
    ['B17', 'E46'],
    ['实际利用外资1155.8万美元', '1050.72万美元'],
  ],
  ['unit-consistency', 'error', ['E46', 'D46'], ['万美元', '1050.72亿美元', '10,000 倍']],
  ['goal-vs-indicator', 'error', ['B59', 'G89'], ['外贸进出口65.7亿元', '预期值为 64.57亿元']],
  [
    'goal-vs-indicator',
    'error',
    ['B59', 'G90'],
    ['实际利用外资1155.8万美元', '预期值为 1050.72万美元'],
  ],
  [
    'unit-consistency',
    'error',
    ['E90', 'F90', 'G90', 'D90'],
    ['901.13亿美元', '955.2亿美元', '1050.72亿美元', '10,000 倍'],
  ],
  [
    'long-term-goal-vs-indicator',
    'warning',
    ['B17', 'E44'],
    ['同比增长10%', '实现社会消费品零售总额增长率', '7.5%'],
  ],
  [
    'long-term-goal-vs-indicator',
    'warning',
    ['B17', 'E47'],
    ['同比增长10%', '实现社会消费品零售总额稳步增长', '增长7.5%'],
  ],
  ['long-term-copied', 'warning', ['E19', 'F63'], ['公用经费控制率', '88.86%', '80%']],
  ['long-term-copied', 'warning', ['E20', 'F64'], ['在职人员控制率', '95.65%', '90%']],
  ['long-term-copied', 'warning', ['E21', 'F65'], ['会议费控制率', '96.58%', '90%']],
  ['long-term-copied', 'warning', ['E22', 'F66'], ['三公', '46.81%', '80%']],
  ['long-term-copied', 'warning', ['E29', 'F73'], ['预算调整率', '0.4%', '0.5%']],
  ['execution-carryover', 'warning', ['E30', 'E31'], ['长期绩效指标', '91.76%', '9.8%', '101.56%']],
  ['long-term-copied', 'warning', ['E30', 'F74'], ['预算执行率', '91.76%', '99%']],
  ['long-term-copied', 'warning', ['E31', 'F75'], ['结转结余率', '9.8%', '0%']],
  ['long-term-copied', 'warning', ['E44', 'F88'], ['增长率', '7.5%', '10%']],
  ['long-term-copied', 'warning', ['E45', 'F89'], ['58.7亿元人民币', '64.57亿元人民币']],
  ['long-term-copied', 'warning', ['E47', 'F91'], ['稳步增长', '增长7.5%', '增长10%']],
  ['long-term-copied', 'warning', ['E57', 'F101'], ['消费券使用客户满意度', '80%', '85%']],
  ['long-term-copied', 'warning', ['E58', 'F102'], ['财政、商贸系统等满意度', '80%', '85%']],
  [
    'goal-vs-indicator',
    'warning',
    ['B59', 'G89', 'F89'],
    ['外贸进出口同比增长12%', '64.57亿元', '58.7亿元', '增长 10%'],
  ],
  ['target-appropriateness', 'warning', ['G66', 'F66'], ['三公', '80%', '46.81%']],
  ['target-appropriateness', 'warning', ['G73', 'F73'], ['预算调整率', '0.5%', '0.4%']],
  ['execution-carryover', 'warning', ['F74', 'F75'], ['2023年', '91.76%', '9.8%', '101.56%']],
  ['value-kind', 'info', ['E35'], ['绩效目标合理性', '合理', '100%']],
  ['value-kind', 'info', ['E79', 'F79', 'G79'], ['绩效目标合理性', '合理', '100%']],
];

describe('the content rules on the seed form', () => {
  const findings = runRules(contentRules, seedSnapshot());

  it('find exactly the listed mistakes, in order', () => {
    expect(findings.map((f) => [f.ruleId, f.severity, f.cells])).toEqual(
      SEED_FINDINGS.map(([id, severity, cells]) => [id, severity, cells]),
    );
  });

  it.each(SEED_FINDINGS.map((e, i) => [i, ...e] as const))(
    '#%i %s %s %j says %j',
    (i, _id, _severity, _cells, pieces) => {
      const f = findings[i];
      for (const piece of pieces) expect(f.message.zh).toContain(piece);
      expect(f.message.en.length).toBeGreaterThan(20);
      expect(f.fix).toBeUndefined();
    },
  );

  it('report each finding in the section of its first cell', () => {
    const sections = Object.fromEntries(findings.map((f) => [f.cells[0], f.section]));
    expect(sections).toMatchObject({
      B17: 'longTermGoals',
      B59: 'annualGoals',
      E46: 'longTerm',
      E90: 'annual',
      G66: 'annual',
    });
  });
});

describe('the content rule catalogue', () => {
  it('has unique ids and bilingual descriptions', () => {
    const ids = contentRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'unit-consistency',
      'value-kind',
      'target-appropriateness',
      'execution-carryover',
      'long-term-copied',
      'goal-vs-indicator',
      'long-term-goal-vs-indicator',
      'goal-parts-sum',
    ]);
    for (const r of contentRules) {
      expect(r.meta.description.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.meta.description.en).toMatch(/[a-z]/);
    }
  });

  it('never throws, whatever the cells hold', () => {
    const cellValue = fc.oneof(
      fc.constant(null),
      fc.double({ noNaN: false }),
      fc.boolean(),
      fc.constantFrom(
        '#REF!',
        '……',
        '　8167.74',
        '≥95%',
        '增长7.5%',
        '1050.72亿美元',
        '12..5%',
        '健全',
        '[bookmark: _GoBack]',
        '外贸进出口65.7亿元，其中：出口35.6亿元',
      ),
      fc.string(),
    );
    const label = fc.constantFrom(
      '预算执行率',
      '结转结余率',
      '完成实际利用外资万美元',
      '绩效目标合理性',
      '实现社会消费品零售总额增长率',
      '接待游客万人次',
      '',
      '……',
    );
    const row = fc.record({
      level3: fc.oneof(label, fc.string()),
      prev2: cellValue,
      prev1: cellValue,
      target: cellValue,
    });
    const text = fc.oneof(
      fc.string(),
      fc.constant('1.外贸进出口65.7亿元，同比增长12%，其中：出口35.6亿元；进口30.1亿元。'),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), text, (rows, t) => {
        const toCell = (v: unknown) =>
          typeof v === 'string' || v === null ? v : { value: v as number | boolean };
        const snap = makeSnapshot({
          fields: { Text_AnnualGoals: t, Text_LongTermGoals: t, Text_AnnualTasks: t },
          annual: rows.map((r) => ({
            level3: r.level3,
            prev2: toCell(r.prev2),
            prev1: toCell(r.prev1),
            target: toCell(r.target),
          })),
          longTerm: rows.map((r) => ({ level3: r.level3, target: toCell(r.target) })),
        });
        const found = runRules(contentRules, snap);
        // A rule that throws becomes an info finding without cells (engine.ts).
        expect(found.filter((f) => f.cells.length === 0)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('skips quietly what a damaged snapshot lacks', () => {
    const damaged = { year: null, fields: {}, tables: {} } as unknown as FormSnapshot;
    expect(runRules(contentRules, damaged)).toEqual([]);
    const noText = seedSnapshot();
    delete noText.fields.Text_AnnualGoals;
    delete noText.fields.Text_LongTermGoals;
    expect(runRules(contentRules, noText).some((f) => f.cells.includes('B59'))).toBe(false);
  });

  it('scale linearly with the number of rows', () => {
    const seed = seedSnapshot();
    /** The seed's tables repeated `times` times, with distinct labels and addresses. */
    const grown = (times: number): FormSnapshot => {
      const tables = { longTerm: [] as IndicatorRow[], annual: [] as IndicatorRow[] };
      let row = 200;
      for (let k = 0; k < times; k++) {
        for (const id of ['longTerm', 'annual'] as const) {
          for (const r of seed.tables[id]) {
            row++;
            const cells: IndicatorRow['cells'] = {};
            for (const [key, c] of Object.entries(r.cells)) {
              cells[key as IndicatorColumnKey] = {
                ...c,
                address: c.address.replace(/\d+$/, String(row)),
                value: key === 'level3' && typeof c.value === 'string' ? `${c.value}${k}` : c.value,
              };
            }
            tables[id].push({ ...r, row, cells });
          }
        }
      }
      return { ...seed, tables };
    };
    const timeOf = (s: FormSnapshot) => {
      runRules(contentRules, s);
      const t0 = performance.now();
      for (let i = 0; i < 3; i++) runRules(contentRules, s);
      return (performance.now() - t0) / 3;
    };
    const small = grown(5); // 400 rows
    const large = grown(50); // 4,000 rows
    const ratio = timeOf(large) / Math.max(timeOf(small), 0.05);
    // Ten times the rows: linear is ~10×; quadratic would be ~100×. Generous for a busy machine.
    expect(ratio).toBeLessThan(40);
  });
});

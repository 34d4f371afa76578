import fc from 'fast-check';
import { seedSnapshot } from '../../../test/fixtures/seed';
import { computeLayout } from '../form/layout';
import { runRule } from './engine';
import { makeSnapshot, type CellInput, type RowInput } from './test-kit';
import type { FormSnapshot } from '../snapshot/types';
import { basicRules } from './basic-rules';
import { runRules } from './engine';
import type { Finding, Fix } from './types';

/** What the test compares of a finding: rule, cells and fix. */
const brief = (f: Finding) => ({
  ruleId: f.ruleId,
  severity: f.severity,
  cells: f.cells,
  fix: f.fix ? { address: f.fix.address, value: f.fix.value } : null,
});

const convert = (address: string, value: number) => ({
  ruleId: 'number-stored-as-text',
  severity: 'warning',
  cells: [address],
  fix: { address, value },
});
const category = (address: string) => ({
  ruleId: 'category-enum',
  severity: 'error',
  cells: [address],
  fix: { address, value: '绩效创新型' },
});

/** Everything the basic rules find in the seed, in the order the checker lists it. */
const EXPECTED = [
  // 指标分类 '绩效创新性' in the annual table: each cell its own finding and fix (10 cells).
  ...['I88', 'I89', 'I90', 'I94', 'I95', 'I96', 'I97', 'I98', 'I99', 'I100'].map(category),
  // Funding numbers typed with U+3000 around them: text to Excel.
  convert('E7', 8167.74), // '\u30008167.74'
  convert('G7', 1), // '\u3000100%'
  convert('H7', 6289.58), // '6289.58\u3000'
  convert('I7', 5347.75),
  convert('E10', 8167.74), // 收入合计 '8167.74\u3000'
  convert('H10', 6289.58),
  convert('I10', 5347.75),
  convert('G11', 0.1894), // '\u300018.94%'
  convert('H11', 1648.54),
  convert('I11', 1774.61),
  convert('E13', 6372.66), // '\u30006372.66'
  convert('G13', 0.7802), // '\u300078.02%'
  convert('H13', 4383.72),
  convert('I13', 3339.29),
  convert('E14', 8167.74), // 支出合计
  convert('H14', 6289.58),
  convert('I14', 5347.75),
  // The long-term table's '……' row.
  { ruleId: 'placeholder-row', severity: 'warning', cells: ['D23'], fix: null },
  // 年度目标 repeats 长期目标 word for word.
  { ruleId: 'goals-copied', severity: 'warning', cells: ['B59', 'B17'], fix: null },
  {
    ruleId: 'conversion-residue',
    severity: 'warning',
    cells: ['D66'],
    fix: { address: 'D66', value: '“三公”经费变动率' },
  },
  // The annual table's '……' row (filled-down levels, default 依据/分类).
  { ruleId: 'placeholder-row', severity: 'warning', cells: ['D67'], fix: null },
];

/** The snapshot with one cell's value replaced, as applying a fix does. */
function applyFix(s: FormSnapshot, fix: Fix): FormSnapshot {
  const next: FormSnapshot = structuredClone(s);
  for (const cell of Object.values(next.fields))
    if (cell.address === fix.address) cell.value = fix.value;
  for (const rows of Object.values(next.tables))
    for (const row of rows)
      for (const cell of Object.values(row.cells))
        if (cell && cell.address === fix.address) cell.value = fix.value;
  return next;
}

describe('the basic rules on the seed form', () => {
  const seed = seedSnapshot();
  const found = runRules(basicRules, seed);

  it('find exactly what a reviewer finds', () => {
    expect(found.map(brief)).toEqual(EXPECTED);
  });

  it('find nothing wrong with the funding arithmetic (it is right, only stored as text)', () => {
    const arithmetic = ['funding-total', 'funding-balance', 'funding-share', 'funding-amount'];
    expect(found.filter((f) => arithmetic.includes(f.ruleId))).toEqual([]);
  });

  it('explain each finding in Chinese and English, with the expected value', () => {
    const at = (cell: string, rule: string) =>
      found.find((f) => f.cells[0] === cell && f.ruleId === rule)!;
    expect(at('E7', 'number-stored-as-text').message.zh).toContain(
      'Excel 求和时会忽略它；应为数字 8,167.74',
    );
    expect(at('G11', 'number-stored-as-text').message.en).toContain('the number 18.94%');
    expect(at('I88', 'category-enum').message.zh).toContain(
      '“绩效创新性”写法有误：应为“绩效创新型”',
    );
    expect(at('D66', 'conversion-residue').message.zh).toContain('[bookmark: _GoBack]');
    expect(at('D67', 'placeholder-row').message.zh).toContain('请删除该行，或填写完整的指标');
    for (const f of found) {
      expect(f.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(f.message.en).toMatch(/[A-Za-z]{3}/);
      expect(f.message.en).not.toBe(f.message.zh);
    }
  });

  it('after every one-click fix, only the findings without a fix remain', () => {
    let s = seed;
    for (const f of found) if (f.fix) s = applyFix(s, f.fix);
    expect(runRules(basicRules, s).map(brief)).toEqual(EXPECTED.filter((e) => e.fix === null));
  });

  it('every rule has a folder-style id, a bilingual description and distinct ids', () => {
    const ids = basicRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(19);
    for (const r of basicRules) {
      expect(r.meta.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/);
      expect(r.meta.description.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.meta.description.en).not.toBe('');
    }
  });
});

describe('the basic rules on any snapshot', () => {
  const names = computeLayout({ year: 2024 })
    .names.filter((n) => n.kind === 'field')
    .map((n) => n.name);
  const nasty: CellInput[] = [
    '#REF!',
    '#DIV/0!',
    '\u30008167.74',
    '１８．９４％',
    '……',
    '绩效创新性',
    '[bookmark: _GoBack]',
    '<br/>&nbsp;\u0007\uFFFD',
    '约8000',
    '-5',
    '1e400',
    '2024年',
    '履职\n效能',
    '核心业务产出３',
    '',
    '\u3000',
  ];
  const cell: fc.Arbitrary<CellInput> = fc.oneof(
    fc.constantFrom(...nasty),
    fc.constant(null),
    fc.string({ maxLength: 12 }),
    fc.double(),
    fc.integer(),
    fc.boolean().map((b) => ({ value: b })),
    fc.record({
      value: fc.oneof(fc.double(), fc.string({ maxLength: 6 }), fc.constant(null)),
      formula: fc.constantFrom('=SUM(E7:E9)', '=1/0'),
      numberFormat: fc.constantFrom('0.00%', '@', '#,##0.00', '"万元"0.00'),
    }),
  );
  const row: fc.Arbitrary<RowInput> = fc.record(
    {
      level1: cell,
      level2: cell,
      level3: cell,
      prev2: cell,
      prev1: cell,
      target: cell,
      basis: cell,
      category: cell,
    },
    { requiredKeys: [] },
  );

  it('never fail to finish, whatever the cells hold or lack', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...names), cell),
        fc.array(row, { maxLength: 6 }),
        fc.array(row, { maxLength: 6 }),
        fc.subarray(names, { maxLength: 8 }),
        (fields, longTerm, annual, missing) => {
          const s = makeSnapshot({ fields, longTerm, annual });
          for (const name of missing) delete s.fields[name];
          for (const rule of basicRules) {
            const out = runRule(rule, s);
            for (const f of out) {
              expect(f.message.zh).not.toMatch(/未能完成/);
              if (f.fix) expect(f.cells).toContain(f.fix.address);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

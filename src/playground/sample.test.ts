import fs from 'fs';
import path from 'path';
import { createAddinHost } from '../excel';
import { createFakeExcel } from '../fake-excel';
import type { CheckResult } from '../taskpane/api';
import { formRefs, loadSample, seedSample } from './sample';
import { SEED_TEXT } from './seed-data';

const SHARED_SEED = path.join(__dirname, '../../../shared/seeds/000_bab4630d52e5362f.txt');

describe('the bundled seed', () => {
  // ../shared sits beside the repository (as in CI), like test/fixtures/seed.ts expects.
  it('is the shared seed form, byte for byte (rerun gen-seed-data.mjs when it changes)', () => {
    expect(SEED_TEXT).toBe(fs.readFileSync(SHARED_SEED, 'utf8').replace(/\r\n?/g, '\n'));
  });

  it('reads as 鄂州市商务局 2024 with both indicator tables', () => {
    const s = seedSample();
    expect(s.year).toBe(2024);
    const field = (name: string) => s.fields.find((f) => f.name === name)?.text;
    expect(field('Dept_Name')).toBe('\u3000鄂州市商务局');
    expect(field('Fund_Income_Fiscal_Current')).toBe('\u30008167.74');
    expect(field('Fund_Expense_Operating_Current')).toBe('248.35');
    // Totals and shares are formulas in the form: the sample never types over them.
    expect(field('Fund_Income_Total_Current')).toBeUndefined();
    expect(field('Fund_Expense_Operating_Share')).toBeUndefined();
    expect(s.tables.longTerm.rows).toHaveLength(40);
    expect(s.tables.annual.rows).toHaveLength(40);
    expect(s.tables.longTerm.columns).toEqual(['B', 'C', 'D', 'E', 'H', 'I']);
    expect(s.tables.annual.columns).toEqual(['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
    expect(s.tables.annual.rows.some((r) => r[7] === '绩效创新性')).toBe(true);
  });
});

describe('载入示例', () => {
  async function rig() {
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    const host = createAddinHost(fake.Excel, { coalesceMs: 2 });
    const results: CheckResult[] = [];
    host.subscribe((r) => results.push(r));
    await host.start();
    const settle = async () => {
      for (let i = 0; i < 5; i++) {
        await fake.settle();
        await host.idle();
      }
    };
    return { fake, host, results, settle };
  }

  it('refuses, changing nothing, when the active sheet holds no form', async () => {
    const { fake, host } = await rig();
    const r = await loadSample(fake, host);
    expect(r.ok).toBe(false);
    expect(r.message.zh).toMatch(/没有绩效目标表.*插入模板/);
    expect(r.message.en).toMatch(/no form/);
    expect(fake.workbook.usedRange(fake.workbook.sheet('Sheet1'))).toBeNull();
  });

  it('sizes the tables, types and pastes the seed like a person, and the add-in checks it', async () => {
    const { fake, host, results, settle } = await rig();
    const inserted = await host.insertForm({ year: 2024, common: true });
    const sheet = inserted.sheetName!;
    await settle();
    const typedBefore = fake.stats.runs;
    const progress: string[] = [];
    const r = await loadSample(fake, host, seedSample(), {
      onProgress: (m) => progress.push(m.zh),
    });
    await settle();
    expect(r).toMatchObject({ ok: true });
    expect(r.message.zh).toMatch(/粘贴 80 行指标/);
    expect(progress.length).toBeGreaterThan(0);
    expect(fake.stats.runs).toBeGreaterThan(typedBefore);

    const refs = formRefs(fake, sheet);
    expect(refs.LongTerm_Indicators).toMatch(/^B\d+:I\d+$/);
    const rows = (ref: string) => {
      const [a, b] = ref.split(':').map((x) => Number(x.slice(1)));
      return b - a + 1;
    };
    expect(rows(refs.LongTerm_Indicators)).toBe(40);
    expect(rows(refs.Annual_Indicators)).toBe(40);

    const cell = (a: string) => fake.workbook.getCell(sheet, a);
    expect(cell(refs.Dept_Name).value).toBe('\u3000鄂州市商务局');
    // Excel's parsing: U+3000 keeps text, plain digits become numbers, formulas recalculate.
    expect(cell(refs.Fund_Income_Fiscal_Current).value).toBe('\u30008167.74');
    expect(cell(refs.Fund_Expense_Operating_Current).value).toBe(248.35);
    expect(cell(refs.Fund_Expense_Total_Current).formula).toMatch(/^=SUM\(/);
    const annualTop = Number(refs.Annual_Indicators.split(':')[0].slice(1));
    expect(cell(`I${annualTop}`).value).toBe('绩效基本型');
    expect(cell(`B${annualTop}`).value).toBe('运行\n成本');
    // Every edit reached the add-in as a user edit: the live check lists the seed's findings.
    const last = results[results.length - 1];
    expect(last.status).toMatchObject({ kind: 'ok', sheetName: sheet, year: 2024 });
    const rules = new Set(last.findings.map((f) => f.ruleId));
    expect(rules).toContain('category-enum');
    expect(rules).toContain('number-stored-as-text');
    const innovative = last.findings.filter((f) => f.ruleId === 'category-enum');
    for (const f of innovative) expect(cell(f.cells[0]).value).toBe('绩效创新性');
  });

  it('shrinks a table that has more rows than the sample', async () => {
    const { fake, host, settle } = await rig();
    const inserted = await host.insertForm({ year: 2024, common: false });
    await settle();
    const small = seedSample();
    small.tables.annual.rows = small.tables.annual.rows.slice(0, 3);
    const r = await loadSample(fake, host, small);
    await settle();
    expect(r.ok).toBe(true);
    const refs = formRefs(fake, inserted.sheetName!);
    const [a, b] = refs.Annual_Indicators.split(':').map((x) => Number(x.slice(1)));
    expect(b - a + 1).toBe(3);
  });
});

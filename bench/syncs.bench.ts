/**
 * Round trips (context.sync() requests that carried work, the automatic one at the end of
 * Excel.run included) of the Excel adapter's operations, measured on the fake Excel:
 * insertion at 40 and 400 indicator rows per table, one edit, a paste of 200 cells, a full check
 * and a one-click fix, on the seed form. Also the size of one read both ways (used range vs. each
 * name's own range), which is why the adapter reads the used range.
 */
import { computeLayout } from '../src/core/form/layout';
import { importRows, placeImport } from '../src/core/import/from-rows';
import { parseWordTableText } from '../src/core/import/word-text';
import { createAddinHost, type ExcelHost } from '../src/excel';
import { insertFormLayout } from '../src/excel/host';
import { queueSheetRead, readFieldsByNames } from '../src/excel/read';
import { createFakeExcel, type FakeExcel } from '../src/fake-excel';
import { seedText } from '../test/fixtures/seed';

interface Bench {
  fake: FakeExcel;
  host: ExcelHost;
  settle(): Promise<void>;
}

async function bench(): Promise<Bench> {
  const fake = createFakeExcel({ sheets: ['Sheet1'] });
  const host = createAddinHost(fake.Excel, { coalesceMs: 2 });
  host.subscribe(() => {});
  await host.start();
  return {
    fake,
    host,
    async settle() {
      for (let i = 0; i < 5; i++) {
        await fake.settle();
        await host.idle();
      }
    },
  };
}

/** Round trips of one step, after everything before it has settled. */
async function measure(b: Bench, step: () => unknown): Promise<number> {
  await b.settle();
  b.fake.stats.reset();
  await step();
  await b.settle();
  return b.fake.stats.roundTrips;
}

async function insertRows(n: number): Promise<number> {
  const b = await bench();
  const rt = await measure(b, () =>
    insertFormLayout(b.fake.Excel, computeLayout({ year: 2024, rows: { longTerm: n, annual: n } })),
  );
  await b.host.dispose();
  return rt;
}

export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  out.insert40 = await insertRows(40);
  out.insert400 = await insertRows(400);

  // The seed form, typed in as its author did, then checked.
  const res = importRows(parseWordTableText(seedText()));
  const { layout, values } = placeImport(res, { keepComputed: true });
  const b = await bench();
  const sheet = await insertFormLayout(b.fake.Excel, layout);
  for (const [a, t] of values) if (t !== '') b.fake.user.type(sheet, a, t);
  await b.settle();
  await b.host.checkAll();

  out.edit = await measure(b, () => b.fake.user.type(sheet, 'E12', '250'));
  const block = Array.from({ length: 25 }, (_, i) => [
    '管理效率',
    '预算执行',
    `预算执行率${i}`,
    '95%',
    '96%',
    '≥97%',
    '计划标准',
    '绩效基本型',
  ]);
  const liveBefore = b.host.stats.liveRuns();
  out.paste200 = await measure(b, () =>
    b.fake.user.paste(sheet, `B${layout.tables.annual.firstRow}`, block),
  );
  out.paste200Checks = b.host.stats.liveRuns() - liveBefore;
  out.fullCheck = await measure(b, () => b.host.checkAll());
  b.fake.user.type(sheet, 'H11', '　1648.54　');
  await b.settle();
  const last = await b.host.checkAll();
  const fixable = last.findings.find((f) => f.fix);
  out.fix = fixable ? await measure(b, () => b.host.applyFix(fixable)) : NaN;

  // One read of the form, both ways.
  await b.fake.Excel.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem(sheet);
    const take = queueSheetRead(s);
    b.fake.stats.reset();
    await ctx.sync();
    out.readSyncsUsedRange = b.fake.stats.syncs;
    out.readBytesUsedRange = take().bytes;
    b.fake.stats.reset();
    const byNames = await readFieldsByNames(ctx, s);
    out.readSyncsByNames = b.fake.stats.syncs;
    out.readBytesByNames = byNames.bytes;
  });
  await b.host.dispose();
  return out;
}

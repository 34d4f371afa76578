/**
 * A real spreadsheet program opens what `pgt template` writes: LibreOffice Calc (headless) loads
 * the template with the seed's funding numbers typed into the named cells, recalculates, saves as
 * .xlsx; the totals and shares it computed must be right, every sheet-scoped name must survive,
 * and `pgt check` must report the same on LibreOffice's file as on the original.
 *
 * LibreOffice keeps the cached results of an .xlsx by default ("recalculation on file load:
 * never"); the test's own user profile sets it to "always" (OOXMLRecalcMode = 0), and a copy of
 * the file with deliberately wrong cached results shows that the recalculation really happened.
 * CI installs LibreOffice (.ci/run); where `soffice` is missing this test fails and says so.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { memoryIO } from '../../src/cli/io';
import { main, nameEntries } from '../../src/cli/main';
import { computeLayout } from '../../src/core/form/layout';

jest.setTimeout(180_000);

const YEAR = 2024;
/** The seed's funding numbers (万元), by field name. */
const FUNDING: Record<string, number> = {
  Fund_Income_Fiscal_Current: 8167.74,
  Fund_Income_Fiscal_Prev2: 6289.58,
  Fund_Income_Fiscal_Prev1: 5347.75,
  Fund_Expense_Personnel_Current: 1546.73,
  Fund_Expense_Personnel_Prev2: 1648.54,
  Fund_Expense_Personnel_Prev1: 1774.61,
  Fund_Expense_Operating_Current: 248.35,
  Fund_Expense_Operating_Prev2: 257.32,
  Fund_Expense_Operating_Prev1: 233.85,
  Fund_Expense_Targeted_Current: 6372.66,
  Fund_Expense_Targeted_Prev2: 4383.72,
  Fund_Expense_Targeted_Prev1: 3339.29,
};

function soffice(): string {
  for (const bin of ['soffice', 'libreoffice']) {
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return bin;
  }
  throw new Error(
    'LibreOffice (soffice) is not installed, so the template cannot be checked in a real spreadsheet. ' +
      'Install it with `apt-get install -y libreoffice-calc` (.ci/run does this).',
  );
}

/** Types numbers into cells of the written file, as a person would (values only, no formulas). */
async function typeInto(file: string, out: string, values: Record<string, number>, stale = false) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const part = 'xl/worksheets/sheet1.xml';
  let xml = await zip.file(part)!.async('string');
  for (const [address, n] of Object.entries(values)) {
    const re = new RegExp(`<c r="${address}"( s="\\d+")?\\s*/>`);
    expect(xml).toMatch(re);
    xml = xml.replace(re, `<c r="${address}"$1><v>${n}</v></c>`);
  }
  // Wrong cached results in every formula of the funding block: only a recalculation fixes them.
  if (stale) {
    const formula = /(<c r="[E-I](?:[7-9]|1[0-4])"[^>]*>)(<f>[^<]*<\/f>)(<\/c>)/g;
    // 6 totals and 8 shares.
    expect(xml.match(formula)?.length).toBe(14);
    xml = xml.replace(formula, '$1$2<v>0.5</v>$3');
  }
  zip.file(part, xml);
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

describe('the template in LibreOffice Calc', () => {
  let dir: string;
  let bin: string;
  const addressOf = Object.fromEntries(nameEntries(YEAR, false).map((n) => [n.name, n.address]));
  const layout = computeLayout({ year: YEAR });

  beforeAll(async () => {
    bin = soffice();
    dir = mkdtempSync(join(tmpdir(), 'pgt-lo-'));
    const io = memoryIO({ cwd: dir });
    expect(await main(['template', '-o', 'template.xlsx', '--year', String(YEAR)], io)).toBe(0);
    const values = Object.fromEntries(
      Object.entries(FUNDING).map(([name, n]) => [addressOf[name], n]),
    );
    await typeInto(join(dir, 'template.xlsx'), join(dir, 'filled.xlsx'), values);
    await typeInto(join(dir, 'template.xlsx'), join(dir, 'stale.xlsx'), values, true);

    // A user profile of its own: recalculate .xlsx formulas on load, always.
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(
      join(profile, 'user', 'registrymodifications.xcu'),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
    );
    const r = spawnSync(
      bin,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        join(dir, 'lo'),
        join(dir, 'filled.xlsx'),
        join(dir, 'stale.xlsx'),
      ],
      { encoding: 'utf8', timeout: 150_000, env: { ...process.env, HOME: dir } },
    );
    if (!existsSync(join(dir, 'lo', 'filled.xlsx')) || !existsSync(join(dir, 'lo', 'stale.xlsx')))
      throw new Error(
        `LibreOffice did not convert the files (exit ${r.status}): ${r.stderr}${r.stdout}`,
      );
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function computed(file: string) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    return (name: string): unknown => {
      const v = ws.getCell(addressOf[name]).value;
      return v && typeof v === 'object' && 'result' in v ? v.result : v;
    };
  }

  it.each(['filled.xlsx', 'stale.xlsx'])(
    'LibreOffice computed the totals and shares of %s',
    async (file) => {
      const value = await computed(join(dir, 'lo', file));
      for (const col of ['Current', 'Prev2', 'Prev1'])
        for (const block of ['Income', 'Expense'])
          expect({ col, block, total: value(`Fund_${block}_Total_${col}`) }).toEqual({
            col,
            block,
            total: { Current: 8167.74, Prev2: 6289.58, Prev1: 5347.75 }[col],
          });
      const pct = (name: string) => `${((value(name) as number) * 100).toFixed(2)}%`;
      expect(pct('Fund_Expense_Personnel_Share')).toBe('18.94%');
      expect(pct('Fund_Expense_Operating_Share')).toBe('3.04%');
      expect(pct('Fund_Expense_Targeted_Share')).toBe('78.02%');
      expect(pct('Fund_Expense_Total_Share')).toBe('100.00%');
      expect(pct('Fund_Income_Fiscal_Share')).toBe('100.00%');
      expect(pct('Fund_Income_Total_Share')).toBe('100.00%');
      // The year headers are formulas of the budget year.
      expect(value('Hdr_Fund_Prev2')).toBe('2022年');
      expect(value('Hdr_LongTermGoals')).toBe('长期目标：（截止2026年）');
    },
  );

  it('every sheet-scoped name survived LibreOffice', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'lo', 'filled.xlsx')));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    const saved = new Map<string, { scope: string | undefined; ref: string }>();
    for (const m of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
      const name = /\bname="([^"]+)"/.exec(m[1])![1];
      saved.set(name, { scope: /\blocalSheetId="(\d+)"/.exec(m[1])?.[1], ref: m[2] });
    }
    for (const n of layout.names) {
      const s = saved.get(n.name);
      expect({ name: n.name, scope: s?.scope, ref: s?.ref.replace(/^'?[^!']+'?!/, '') }).toEqual({
        name: n.name,
        scope: '0',
        ref: n.ref,
      });
    }
  });

  it('pgt check reports the same on LibreOffice’s file as on the original', async () => {
    const run = async (file: string) => {
      const io = memoryIO({ cwd: dir });
      const code = await main(['check', file, '--format', 'json'], io);
      const rows = (JSON.parse(io.out) as { file: string }[]).map(({ file: _f, ...rest }) => rest);
      return { code, rows };
    };
    const original = await run('filled.xlsx');
    const saved = await run(join('lo', 'filled.xlsx'));
    expect(original.code).not.toBe(2);
    expect(original.rows.length).toBeGreaterThan(0);
    expect(saved).toEqual(original);
    // The funding block is right: no arithmetic finding on either.
    const arithmetic = original.rows.filter((r) =>
      /^(funding-total|funding-balance|funding-share)$/.test((r as { ruleId: string }).ruleId),
    );
    expect(arithmetic).toEqual([]);
  });
});

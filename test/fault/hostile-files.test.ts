/**
 * Hostile files for `pgt check`, beyond the refusals test/cli/bad-files.test.ts already covers
 * (renamed text, .xls, encryption, truncation, zip bombs by ratio and declared size, a 2-level
 * DOCTYPE, size and row limits, byte flips): formulas 10,000 deep or 100 KB long, formulas that
 * read millions of cells, broken shared strings, absurd dimensions, a real billion-laughs payload,
 * thousands of zip entries, an empty sheet part and a duplicated zip entry.
 *
 * Every file is checked in a child process with a capped heap and a timeout (a file that blew
 * the stack or the heap would kill the child, not jest): each finishes in bounded time, leaves
 * no memory behind, gets a clear message or is checked, and the other files of the same run are
 * still checked.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import { readWorkbook } from '../../src/xlsx/read';
import { cleanForm, editZip, writeOne } from '../cli/helpers';

jest.setTimeout(90_000);

const ROOT = join(__dirname, '..', '..');
/** Generous per-file bound; real times are well under a second. */
const MAX_MS_PER_FILE = 10_000;
/** The child's V8 heap cap: a file that needed more would crash it. */
const HEAP_CAP_MB = 256;
/** Memory a checked file may leave behind (after a garbage collection). */
const MAX_RETAINED_MB = 48;

const SHEET = 'xl/worksheets/sheet1.xml';

/** Adds rows after the form's own rows (the form ends well before row 100). */
const withRows = (good: Buffer, rows: string) =>
  editZip(good, (f) => {
    f[SHEET] = f[SHEET].replace('</sheetData>', `${rows}</sheetData>`);
  });

async function rezip(good: Buffer, edit: (zip: JSZip) => void | Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(good);
  await edit(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A formula cell without a cached value (pgt must compute it). */
const formulaCell = (address: string, formula: string) => `<c r="${address}"><f>${formula}</f></c>`;

/** Replaces every occurrence of one byte string by another of the same length. */
function replaceBytes(buf: Buffer, from: string, to: string): Buffer {
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  expect(a.length).toBe(b.length);
  const out = Buffer.from(buf);
  let n = 0;
  for (let i = out.indexOf(a); i >= 0; i = out.indexOf(a, i + 1)) {
    b.copy(out, i);
    n++;
  }
  expect(n).toBeGreaterThan(0);
  return out;
}

interface ChildFile {
  file: string;
  ms: number;
  heapGrowthMB: number;
  forms: number;
  ruleIds: string[];
  problems: { ruleId: string; sheet: string | null; message: { zh: string; en: string } }[];
  notes: { ruleId: string; cells: string[]; message: { zh: string; en: string } }[];
}
interface ChildOut {
  perFile: ChildFile[];
  cli: {
    code: number;
    rows: { file: string; ruleId: string; message: { zh: string; en: string } }[];
    stderr: string;
  };
  baselineHeapMB: number;
  maxRssMB: number;
}

let dir: string;
let good: Buffer;
let chain: Buffer;
let out: ChildOut;
const files: Record<string, Buffer> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pgt-hostile-'));
  good = await writeOne(cleanForm(true));
  files['good.xlsx'] = good;

  // 10,000 formulas, each the next one plus 1, none with a cached value: Excel computes it.
  let rows = '';
  for (let r = 101; r <= 10_100; r++)
    rows += `<row r="${r}">${formulaCell(`Z${r}`, `Z${r + 1}+1`)}</row>`;
  chain = await withRows(good, rows);
  files['chain-10000.xlsx'] = chain;

  // A 100 KB formula of brackets nested 50,000 deep, and a flat one of 20,000 terms.
  const nested = `${'('.repeat(50_000)}1${')'.repeat(50_000)}`;
  files['nested-100k.xlsx'] = await withRows(
    good,
    `<row r="100">${formulaCell('Z100', nested)}</row>`,
  );
  const flat = Array.from({ length: 20_000 }, () => 'Y100').join('+');
  files['flat-100k.xlsx'] = await withRows(
    good,
    `<row r="100"><c r="Y100"><v>1</v></c>${formulaCell('Z100', flat)}</row>`,
  );

  // 50 cells, each summing the same 100,000-cell range 150 times: 750 million reads unbounded.
  const sum = Array.from({ length: 150 }, () => 'SUM(A1:Y4000)').join('+');
  let sums = '';
  for (let r = 5001; r <= 5050; r++) sums += `<row r="${r}">${formulaCell(`Z${r}`, sum)}</row>`;
  files['sum-bomb.xlsx'] = await withRows(good, sums);

  // Shared strings: every index far out of range; the part missing altogether.
  files['sst-out-of-range.xlsx'] = await editZip(good, (f) => {
    f[SHEET] = f[SHEET].replace(/t="s"><v>\d+<\/v>/g, 't="s"><v>4294967295</v>');
  });
  files['sst-missing.xlsx'] = await rezip(good, (z) => {
    z.remove('xl/sharedStrings.xml');
  });

  // A sheet claiming the whole grid, with one cell in the very last one.
  files['huge-dimension.xlsx'] = await editZip(good, (f) => {
    f[SHEET] = f[SHEET].replace(
      /<dimension ref="[^"]*"\/>/,
      '<dimension ref="A1:XFD1048576"/>',
    ).replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>');
  });

  // The real billion laughs: ten levels of ten, 10^9 "lol"s if expanded.
  let dtd = '<!ENTITY lol0 "lol">';
  for (let i = 1; i <= 9; i++)
    dtd += `<!ENTITY lol${i} "${Array.from({ length: 10 }, () => `&lol${i - 1};`).join('')}">`;
  files['billion-laughs.xlsx'] = await editZip(good, (f) => {
    f['xl/workbook.xml'] = f['xl/workbook.xml'].replace(
      '<workbook',
      `<!DOCTYPE workbook [${dtd}]><workbook`,
    );
  });

  // Thousands of zip entries: over the limit, and just under it.
  const junk = (n: number) =>
    rezip(good, (z) => {
      for (let i = 0; i < n; i++) z.file(`xl/media/junk${i}.xml`, '<x/>');
    });
  files['entries-6000.xlsx'] = await junk(6000);
  files['entries-4900.xlsx'] = await junk(4900);

  // A 0-byte sheet part.
  files['empty-sheet-part.xlsx'] = await rezip(good, (z) => {
    z.file(SHEET, '');
  });

  // The sheet part twice: a second copy (named …sheet1.xmz, then renamed in the zip's bytes) that
  // says something else. Excel and pgt could each read a different one.
  const decoy = await rezip(good, async (z) => {
    const xml = await z.file(SHEET)!.async('string');
    z.file('xl/worksheets/sheet1.xmz', xml.replace('<sheetData>', '<sheetData><!-- decoy -->'));
  });
  files['duplicate-entry.xlsx'] = replaceBytes(
    decoy,
    'xl/worksheets/sheet1.xmz',
    'xl/worksheets/sheet1.xml',
  );

  for (const [name, buf] of Object.entries(files)) writeFileSync(join(dir, name), buf);

  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_CAP_MB}`,
      '--expose-gc',
      '--require',
      'tsx/cjs',
      join(__dirname, 'pgt-child.ts'),
      dir,
      ...Object.keys(files),
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 80_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.status !== 0 || !child.stdout)
    throw new Error(
      `child exited ${child.status} (${child.signal ?? 'no signal'}):\n${child.stderr.slice(0, 4000)}`,
    );
  out = JSON.parse(child.stdout) as ChildOut;
}, 90_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const result = (file: string): ChildFile => {
  const r = out.perFile.find((x) => x.file === file);
  if (!r) throw new Error(`no result for ${file}`);
  return r;
};

/** Checked: a form was found and read, and nothing about the file itself was reported. */
function expectChecked(file: string) {
  const r = result(file);
  expect({ file, forms: r.forms, problems: r.problems }).toEqual({ file, forms: 1, problems: [] });
}

/** Refused with one clear bilingual message. */
function expectRefused(file: string, ruleId: string, zh: RegExp, en: RegExp) {
  const r = result(file);
  expect(r.forms).toBe(0);
  expect(r.problems).toHaveLength(1);
  expect(r.problems[0].ruleId).toBe(ruleId);
  expect(r.problems[0].message.zh).toMatch(zh);
  expect(r.problems[0].message.en).toMatch(en);
  // No engine text or stack: the message is ours.
  expect(r.problems[0].message.en).not.toMatch(/Maximum call stack|heap|undefined|TypeError/);
  return r.problems[0];
}

describe('every hostile file in bounded time and memory', () => {
  it('each file finishes quickly and leaves no memory behind, under a capped heap', () => {
    expect(out.perFile.map((r) => r.file)).toEqual(Object.keys(files));
    for (const r of out.perFile) {
      expect([r.file, r.ms < MAX_MS_PER_FILE]).toEqual([r.file, true]);
      expect([r.file, r.heapGrowthMB < MAX_RETAINED_MB]).toEqual([r.file, true]);
    }
    // The child ran within its heap cap (it would have crashed otherwise) and a sane RSS.
    expect(out.maxRssMB).toBeLessThan(HEAP_CAP_MB + 256);
  });

  it('one run over all of them: bad files explained, exit status 2, the others still checked', () => {
    expect(out.cli.code).toBe(2);
    const rowsOf = (f: string) => out.cli.rows.filter((r) => r.file === f);
    // The clean form and the hostile-but-readable ones: no problem with the file itself.
    for (const f of ['good.xlsx', 'chain-10000.xlsx', 'flat-100k.xlsx', 'entries-4900.xlsx'])
      expect([f, rowsOf(f)]).toEqual([f, []]);
    for (const f of ['nested-100k.xlsx', 'sum-bomb.xlsx', 'huge-dimension.xlsx'])
      expect([f, rowsOf(f).filter((r) => r.ruleId.startsWith('file/'))]).toEqual([f, []]);
    // Each refused file has exactly its one row, also on stderr in both languages.
    for (const f of [
      'sst-out-of-range.xlsx',
      'sst-missing.xlsx',
      'billion-laughs.xlsx',
      'entries-6000.xlsx',
      'empty-sheet-part.xlsx',
      'duplicate-entry.xlsx',
    ]) {
      const rows = rowsOf(f);
      expect([f, rows.map((r) => r.ruleId.startsWith('file/'))]).toEqual([f, [true]]);
      expect(out.cli.stderr).toContain(rows[0].message.zh);
      expect(out.cli.stderr).toContain(rows[0].message.en);
    }
  });
});

describe('deep and long formulas', () => {
  it('a chain of 10,000 formulas is computed, not a stack overflow', () => {
    expectChecked('chain-10000.xlsx');
    expect(result('chain-10000.xlsx').notes).toEqual([]);
    // And computed right: Z10100 = Z10101 + 1 = 1, so Z101 = 10,000.
    const sheet = readWorkbook(chain).sheets[0];
    expect(sheet.cells.get('Z10100')?.value).toBe(1);
    expect(sheet.cells.get('Z101')?.value).toBe(10_000);
  });

  it('a formula nested 50,000 brackets deep is not computed, and the note says so briefly', () => {
    expectChecked('nested-100k.xlsx');
    const notes = result('nested-100k.xlsx').notes;
    expect(notes).toHaveLength(1);
    expect(notes[0].cells).toEqual(['Z100']);
    expect(notes[0].message.en).toMatch(/nested more than \d+ levels/);
    // The 100 KB formula is quoted by its beginning only.
    expect(notes[0].message.zh.length).toBeLessThan(400);
    expect(notes[0].message.zh).toContain('…');
  });

  it('a flat formula of 20,000 terms (100 KB) is computed', () => {
    expectChecked('flat-100k.xlsx');
    expect(result('flat-100k.xlsx').notes).toEqual([]);
  });

  it('formulas reading hundreds of millions of cells stop at a budget, each with a note', () => {
    expectChecked('sum-bomb.xlsx');
    const notes = result('sum-bomb.xlsx').notes;
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.length).toBeLessThanOrEqual(50);
    expect(new Set(notes.map((n) => n.cells[0])).size).toBe(notes.length); // one note per cell
    expect(notes.every((n) => /too many cells/.test(n.message.en))).toBe(true);
  });
});

describe('broken parts', () => {
  it('shared string indexes out of range: damaged, naming the cell', () => {
    const p = expectRefused(
      'sst-out-of-range.xlsx',
      'file/corrupt',
      /已损坏.*单元格 A1.*共享字符串/,
      /damaged.*cell A1.*shared string 4294967295/,
    );
    expect(p.message.zh).toContain('另存为');
  });

  it('no shared strings part at all: damaged', () => {
    expectRefused('sst-missing.xlsx', 'file/corrupt', /共享字符串/, /shared string/);
  });

  it('a 0-byte sheet part: that sheet is damaged, not an empty form full of findings', () => {
    const p = expectRefused('empty-sheet-part.xlsx', 'file/corrupt', /数据为空/, /empty/);
    expect(p.sheet).toBe('绩效目标表2025');
    expect(result('empty-sheet-part.xlsx').ruleIds).toEqual(['file/corrupt']);
  });

  it('an entry that appears twice in the zip: damaged (Excel and pgt might read different ones)', () => {
    expectRefused('duplicate-entry.xlsx', 'file/corrupt', /重复/, /twice/);
  });
});

describe('size tricks', () => {
  it('a dimension claiming the whole grid and a cell in XFD1048576 cost nothing', () => {
    expectChecked('huge-dimension.xlsx');
    const r = result('huge-dimension.xlsx');
    expect(r.ms).toBeLessThan(1000);
  });

  it('a billion-laughs DOCTYPE in workbook.xml is refused before any expansion', () => {
    expectRefused(
      'billion-laughs.xlsx',
      'file/unsafe-xml',
      /workbook\.xml.*DOCTYPE\/ENTITY/,
      /workbook\.xml.*entity-expansion/,
    );
    expect(result('billion-laughs.xlsx').ms).toBeLessThan(1000);
  });

  it('6,000 zip entries are refused; 4,900 are read', () => {
    expectRefused('entries-6000.xlsx', 'file/zip-bomb', /文件过多.*6\d{3}/, /Too many entries/);
    expectChecked('entries-4900.xlsx');
  });
});

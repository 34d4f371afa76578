/**
 * `pgt check` in-process: the seed's findings with the right cells, forms found by labels where
 * names are gone, formats (text, JSON, CSV), exit status and the progress bar.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { checkForm } from '../../src/core/rules/catalogue';
import { seedSnapshot } from '../fixtures/seed';
import {
  cleanForm,
  editZip,
  findingsListRows,
  plainWorkbook,
  shiftCol,
  shiftedForm,
  withPlainSheet,
  withoutNames,
  writeOne,
} from './helpers';
import { seedFormSheet, seedWorkbook } from './seed-workbook';
import { writeForms } from '../../src/xlsx/write';

jest.setTimeout(60_000);

interface Row {
  file: string;
  sheet: string | null;
  cells: string[];
  ruleId: string;
  severity: string;
  message: { zh: string; en: string };
  fix: { address: string; value: string | number; label: { zh: string; en: string } } | null;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pgt-check-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function check(args: string[], over: Parameters<typeof memoryIO>[0] = {}) {
  const io = memoryIO({ cwd: dir, ...over });
  const code = await main(['check', ...args], io);
  return { code, out: io.out, err: io.err };
}

async function checkJson(args: string[]) {
  const r = await check([...args, '--format', 'json']);
  return { ...r, rows: JSON.parse(r.out) as Row[] };
}

const SHEET = '绩效目标表2024';

describe('pgt check on a filled copy of the seed form', () => {
  beforeAll(async () => {
    writeFileSync(join(dir, 'seed.xlsx'), await seedWorkbook());
  });

  it('reports exactly the checker’s findings on the seed, with file, sheet and cells', async () => {
    const { code, rows } = await checkJson(['seed.xlsx']);
    const expected = checkForm(seedSnapshot()).map((f) => ({
      file: 'seed.xlsx',
      sheet: SHEET,
      cells: f.cells,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      fix: f.fix ?? null,
    }));
    expect(expected.length).toBeGreaterThan(10);
    expect(rows).toEqual(expected);
    expect(code).toBe(1);
  });

  it('finds the seed’s known mistakes at their cells', async () => {
    const { rows } = await checkJson(['seed.xlsx']);
    const has = (ruleId: string, cell: string) =>
      rows.some((r) => r.ruleId === ruleId && r.cells.includes(cell));
    // 绩效创新性 in the annual table, with a one-click fix.
    const category = rows.find((r) => r.ruleId === 'category-enum')!;
    expect(category.fix?.value).toBe('绩效创新型');
    expect(category.cells[0]).toMatch(/^I\d+$/);
    // Numbers typed with ideographic spaces: stored as text, e.g. 8167.74 in E7.
    expect(has('number-stored-as-text', 'E7')).toBe(true);
    // …… placeholder rows and the 万美元 / 亿美元 conflict.
    expect(rows.some((r) => r.ruleId === 'placeholder-row')).toBe(true);
    expect(rows.some((r) => r.ruleId === 'unit-consistency')).toBe(true);
  });

  it('finds the form by its labels when the names are gone, with the same findings', async () => {
    writeFileSync(join(dir, 'no-names.xlsx'), await withoutNames(await seedWorkbook()));
    const named = (await checkJson(['seed.xlsx'])).rows;
    const { rows } = await checkJson(['no-names.xlsx']);
    const note = rows.filter((r) => r.ruleId === 'pgt/found-by-labels');
    expect(note).toHaveLength(1);
    expect(note[0].severity).toBe('info');
    const rest = rows
      .filter((r) => r.ruleId !== 'pgt/found-by-labels')
      .map((r) => ({ ...r, file: 'x' }));
    expect(rest).toEqual(named.map((r) => ({ ...r, file: 'x' })));
  });

  it('uses labels for names broken to #REF! and names for the rest', async () => {
    const broken = await editZip(await seedWorkbook(), (f) => {
      f['xl/workbook.xml'] = f['xl/workbook.xml'].replace(
        /(<definedName name="(?:Fund_Income_Fiscal_Current|Annual_Indicators)"[^>]*>)[^<]*/g,
        "$1'绩效目标表2024'!#REF!",
      );
    });
    writeFileSync(join(dir, 'broken-names.xlsx'), broken);
    const named = (await checkJson(['seed.xlsx'])).rows;
    const { rows } = await checkJson(['broken-names.xlsx']);
    const note = rows.find((r) => r.ruleId === 'pgt/found-by-labels')!;
    expect(note.message.zh).toContain('Fund_Income_Fiscal_Current');
    expect(note.message.zh).toContain('Annual_Indicators');
    const rest = rows.filter((r) => r !== note).map((r) => ({ ...r, file: 'x' }));
    expect(rest).toEqual(named.map((r) => ({ ...r, file: 'x' })));
  });

  it('reports the sheet’s own cells for a form moved one column right, found by labels', async () => {
    writeFileSync(join(dir, 'shifted.xlsx'), await writeOne(shiftedForm(seedFormSheet(), 1)));
    const named = (await checkJson(['seed.xlsx'])).rows;
    const { rows } = await checkJson(['shifted.xlsx']);
    const right = (a: string) => a.replace(/^([A-Z]+)/, (c) => shiftCol(c, 1));
    const expected = named.map((r) => ({
      ...r,
      file: 'shifted.xlsx',
      cells: r.cells.map(right),
      fix: r.fix ? { ...r.fix, address: right(r.fix.address) } : null,
    }));
    const strip = (r: Row) => ({ ...r, message: undefined });
    expect(rows.filter((r) => r.ruleId !== 'pgt/found-by-labels').map(strip)).toEqual(
      expected.map(strip),
    );
  });
});

describe('an exported findings list (问题清单) beside the form', () => {
  it('is not taken for a second form, with the form’s names or without them', async () => {
    const seed = await seedWorkbook();
    const list = findingsListRows(SHEET);
    writeFileSync(join(dir, 'seed-only.xlsx'), seed);
    writeFileSync(join(dir, 'with-list.xlsx'), await withPlainSheet(seed, '问题清单', list));
    writeFileSync(
      join(dir, 'no-names-with-list.xlsx'),
      await withoutNames(await withPlainSheet(seed, '问题清单', list)),
    );
    const alone = (await checkJson(['seed-only.xlsx'])).rows.map((r) => ({ ...r, file: 'x' }));
    const named = await checkJson(['with-list.xlsx']);
    expect(named.rows.map((r) => ({ ...r, file: 'x' }))).toEqual(alone);
    expect(named.code).toBe(1);

    const unnamed = await checkJson(['no-names-with-list.xlsx']);
    expect(new Set(unnamed.rows.map((r) => r.sheet))).toEqual(new Set([SHEET]));
    const note = unnamed.rows.filter((r) => r.ruleId === 'pgt/found-by-labels');
    expect(note).toHaveLength(1);
    expect(unnamed.rows.filter((r) => r !== note[0]).map((r) => ({ ...r, file: 'x' }))).toEqual(
      alone,
    );
  });

  it('a workbook holding only the list has no form: exit 2', async () => {
    writeFileSync(
      join(dir, 'list-only.xlsx'),
      await withPlainSheet(await plainWorkbook(), '问题清单', findingsListRows(SHEET)),
    );
    const r = await check(['list-only.xlsx']);
    expect(r.code).toBe(2);
    expect(r.out).toContain('无法检查：未找到绩效目标表');
  });
});

describe('several forms in one workbook', () => {
  it('checks each sheet by its own sheet-scoped names', async () => {
    const seed = seedFormSheet();
    const both = await writeForms([seed, { ...cleanForm(true), sheetName: '第二张表' }]);
    writeFileSync(join(dir, 'two.xlsx'), both);
    const { rows, code } = await checkJson(['two.xlsx']);
    // Every name exists twice, once per sheet; the clean sheet has no findings.
    expect([...new Set(rows.map((r) => r.sheet))]).toEqual([SHEET]);
    expect(rows.map((r) => ({ ...r, file: 'x' }))).toEqual(
      (await checkJson(['seed.xlsx'])).rows.map((r) => ({ ...r, file: 'x' })),
    );
    const text = await check(['two.xlsx']);
    expect(text.out).toContain('工作表 “第二张表”（按名称定位）：未发现问题');
    expect(text.out).toContain('小结：2 份表');
    expect(code).toBe(1);
  });
});

describe('exit status and --fail-on', () => {
  beforeAll(async () => {
    writeFileSync(join(dir, 'clean.xlsx'), await writeOne(cleanForm(true)));
    writeFileSync(join(dir, 'warnings.xlsx'), await writeOne(cleanForm(false)));
  });

  it('exits 0 for a clean form and says so', async () => {
    const r = await check(['clean.xlsx']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('未发现问题');
    expect(r.out).toContain('总计：1 个文件，1 份表，错误 0，警告 0，提示 0');
  });

  it('exits 0 for warnings by default and 1 with --fail-on warning', async () => {
    const { rows } = await checkJson(['warnings.xlsx']);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.severity === 'warning')).toBe(true);
    expect((await check(['warnings.xlsx'])).code).toBe(0);
    expect((await check(['warnings.xlsx', '--fail-on', 'warning'])).code).toBe(1);
    expect((await check(['clean.xlsx', '--fail-on', 'warning'])).code).toBe(0);
  });

  it('exits 2 on bad arguments without checking anything', async () => {
    for (const args of [
      ['clean.xlsx', '--format', 'xml'],
      ['clean.xlsx', '--fail-on', 'info'],
      ['clean.xlsx', '--lang', 'fr'],
      ['clean.xlsx', '--colour'],
      [],
    ]) {
      const r = await check(args);
      expect({ args, code: r.code, out: r.out }).toEqual({ args, code: 2, out: '' });
      expect(r.err).toMatch(/用法 \/ Usage/);
    }
  });
});

describe('output formats', () => {
  beforeAll(async () => {
    writeFileSync(join(dir, 'seed.xlsx'), await seedWorkbook());
  });

  it('text: a summary per file and a total, in Chinese or English', async () => {
    const zh = await check(['seed.xlsx', 'clean.xlsx']);
    expect(zh.out).toMatch(/^文件：seed\.xlsx$/m);
    expect(zh.out).toMatch(
      /^ {2}工作表 “绩效目标表2024”（按名称定位）：错误 \d+，警告 \d+，提示 \d+$/m,
    );
    expect(zh.out).toMatch(/^ {2}小结：1 份表，错误 \d+/m);
    expect(zh.out).toMatch(/^总计：2 个文件，2 份表，错误 \d+，警告 \d+，提示 \d+$/m);
    expect(zh.out).toContain('修正：改为“绩效创新型”');
    // The columns line up: every finding row starts its rule id at the same display column.
    const rows = zh.out.split('\n').filter((l) => /^ {4}(错误|警告|提示) /.test(l));
    const header = zh.out.split('\n').find((l) => /^ {4}级别/.test(l))!;
    const col = (l: string, s: string) =>
      [...l.slice(0, l.indexOf(s))].reduce(
        (w, ch) => w + (/[\u4e00-\u9fff，（）“”：]/.test(ch) ? 2 : 1),
        0,
      );
    const ruleCol = col(header, '规则');
    for (const l of rows.slice(0, 5))
      expect(col(l, l.match(/ ([a-z0-9-]+\/?[a-z-]*) {2}/)![1])).toBe(ruleCol);

    const en = await check(['seed.xlsx', '--lang', 'en']);
    expect(en.out).toMatch(/^File: seed\.xlsx$/m);
    expect(en.out).toMatch(/^Total: 1 file, 1 form, \d+ errors, \d+ warnings, \d+ info$/m);
    expect(en.out).not.toMatch(/[错警]/);
  });

  it('JSON: one array of findings objects', async () => {
    const { rows } = await checkJson(['seed.xlsx']);
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual([
        'cells',
        'file',
        'fix',
        'message',
        'ruleId',
        'severity',
        'sheet',
      ]);
      expect(typeof r.message.zh).toBe('string');
      expect(typeof r.message.en).toBe('string');
    }
  });

  it('CSV: RFC 4180 with a UTF-8 byte order mark, same rows as JSON', async () => {
    const { out } = await check(['seed.xlsx', '--format', 'csv']);
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(out.endsWith('\r\n')).toBe(true);
    const table = parseCsv(out.slice(1));
    expect(table[0]).toEqual([
      '文件',
      '工作表',
      '单元格',
      '级别',
      '规则',
      '说明',
      '说明（英文）',
      '修正单元格',
      '修正值',
      '修正说明',
    ]);
    const { rows } = await checkJson(['seed.xlsx']);
    expect(table.slice(1)).toEqual(
      rows.map((r) => [
        r.file,
        r.sheet ?? '',
        r.cells.join(' '),
        { error: '错误', warning: '警告', info: '提示' }[r.severity],
        r.ruleId,
        r.message.zh,
        r.message.en,
        r.fix?.address ?? '',
        r.fix ? String(r.fix.value) : '',
        r.fix?.label.zh ?? '',
      ]),
    );
    // Messages hold commas and quotes, which are quoted and doubled.
    expect(out).toMatch(/"[^"\r\n]*,[^"\r\n]*"/);
  });
});

describe('folders and the progress bar', () => {
  let folder: string;
  beforeAll(async () => {
    folder = join(dir, 'inbox');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'a.xlsx'), await writeOne(cleanForm(true)));
    writeFileSync(join(folder, 'sub', 'b.XLSX'), await seedWorkbook());
    writeFileSync(join(folder, '~$a.xlsx'), Buffer.from('lock file of an open workbook'));
    writeFileSync(join(folder, 'notes.txt'), 'not a workbook');
  });

  it('checks every .xlsx under a folder, recursively, skipping ~$ lock files', async () => {
    const { rows, code } = await checkJson(['inbox']);
    const files = [...new Set(rows.map((r) => r.file))];
    expect(files).toEqual([join('inbox', 'sub', 'b.XLSX')]);
    const text = await check(['inbox']);
    expect(text.out).toContain(`文件：${join('inbox', 'a.xlsx')}`);
    expect(text.out).toContain('总计：2 个文件，2 份表');
    expect(text.out).not.toContain('~$');
    expect(code).toBe(1);
  });

  it('draws a progress bar on a terminal and none in a pipe', async () => {
    const tty = await check(['inbox', '--format', 'json'], { stderrIsTTY: true });
    expect(tty.err).toMatch(/\r\[[█░]+\] 2\/2 /);
    const pipe = await check(['inbox', '--format', 'json'], { stderrIsTTY: false });
    expect(pipe.err).toBe('');
    expect(JSON.parse(tty.out)).toEqual(JSON.parse(pipe.out));
  });

  it('says when a folder holds no .xlsx and exits 2', async () => {
    mkdirSync(join(dir, 'empty'), { recursive: true });
    const r = await check(['empty', 'clean.xlsx']);
    expect(r.err).toContain('目录中没有 .xlsx 文件：empty');
    expect(r.out).toContain('文件：clean.xlsx');
    expect(r.code).toBe(2);
  });
});

/** A strict RFC 4180 reader for the test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    } else while (i < text.length && text[i] !== ',' && text[i] !== '\r') field += text[i++];
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`bad CSV at ${i}`);
  }
  return rows;
}

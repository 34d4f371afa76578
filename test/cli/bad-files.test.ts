/**
 * Files that are not usable forms: each gets a clear Chinese and English message, exit status 2,
 * and the other files of the run are still checked.
 */
import { deflateRawSync } from 'zlib';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import fc from 'fast-check';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { DEFAULT_LIMITS } from '../../src/xlsx/limits';
import { readWorkbook } from '../../src/xlsx/read';
import { openZip } from '../../src/xlsx/zip';
import { checkBuffer } from '../../src/cli/check';
import { computeLayout } from '../../src/core/form/layout';
import { cleanForm, compoundFile, declareSize, editZip, plainWorkbook, writeOne } from './helpers';

jest.setTimeout(60_000);

let dir: string;
let good: Buffer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pgt-bad-'));
  good = await writeOne(cleanForm(true));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  file: string;
  sheet: string | null;
  ruleId: string;
  severity: string;
  message: { zh: string; en: string };
}

async function run(
  files: Record<string, Buffer | string>,
  extra: string[] = [],
  limits = DEFAULT_LIMITS,
) {
  const sub = mkdtempSync(join(dir, 'case-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(sub, name), content);
  const io = memoryIO({ cwd: sub });
  const code = await main(['check', ...Object.keys(files), '--format', 'json', ...extra], io, {
    limits,
  });
  return { code, rows: JSON.parse(io.out) as Row[], err: io.err };
}

/** Checks one bad file beside a good one: the bad one is explained, the good one still checked. */
async function expectRefused(
  name: string,
  content: Buffer | string,
  code: string,
  zh: RegExp,
  en: RegExp,
  limits = DEFAULT_LIMITS,
) {
  const r = await run({ [name]: content, 'good.xlsx': good }, [], limits);
  const bad = r.rows.filter((x) => x.file === name);
  expect(bad.map((x) => x.ruleId)).toEqual([`file/${code}`]);
  expect(bad[0].severity).toBe('error');
  expect(bad[0].message.zh).toMatch(zh);
  expect(bad[0].message.en).toMatch(en);
  // Also on stderr, in both languages.
  expect(r.err).toContain(bad[0].message.zh);
  expect(r.err).toContain(bad[0].message.en);
  expect(r.code).toBe(2);
  // The good file was checked (it is clean: no rows, and the text report lists it).
  expect(r.rows.filter((x) => x.file === 'good.xlsx')).toEqual([]);
  const io = memoryIO({ cwd: join(dir) });
  const sub = mkdtempSync(join(dir, 'text-'));
  writeFileSync(join(sub, name), content);
  writeFileSync(join(sub, 'good.xlsx'), good);
  io.cwd = sub;
  expect(await main(['check', name, 'good.xlsx'], io, { limits })).toBe(2);
  expect(io.out).toContain(`文件：${name}\n  无法检查：${bad[0].message.zh}`);
  expect(io.out).toMatch(/文件：good\.xlsx\n {2}工作表 “绩效目标表2025”（按名称定位）：未发现问题/);
  return bad[0];
}

describe('files that cannot be checked', () => {
  it('a text file renamed to .xlsx', async () => {
    await expectRefused(
      'renamed.xlsx',
      '部门,金额\n商务局,100\n',
      'not-xlsx',
      /不是 \.xlsx/,
      /Not an \.xlsx/,
    );
  });

  it('an old .xls workbook: save as .xlsx', async () => {
    await expectRefused(
      'old.xls',
      compoundFile(['Root Entry', 'Workbook', 'SummaryInformation']),
      'legacy-xls',
      /另存为.*\.xlsx/,
      /Save As/,
    );
  });

  it('a password-protected (encrypted) workbook', async () => {
    await expectRefused(
      'secret.xlsx',
      compoundFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']),
      'encrypted',
      /密码/,
      /password-protected/,
    );
  });

  it('a truncated download', async () => {
    await expectRefused(
      'cut.xlsx',
      good.subarray(0, Math.floor(good.length * 0.6)),
      'corrupt',
      /损坏或不完整.*截断/,
      /truncated/,
    );
  });

  it('a zip with damaged data', async () => {
    const damaged = Buffer.from(good);
    // Overwrite bytes inside the sheet's compressed data.
    const sheet = openZip(good, DEFAULT_LIMITS).entries.get('xl/worksheets/sheet1.xml')!;
    const start = sheet.localOffset + 30 + sheet.name.length + 100;
    for (let i = start; i < start + 60; i++) damaged[i] ^= 0x5a;
    await expectRefused('damaged.xlsx', damaged, 'corrupt', /损坏/, /damaged/);
  });

  it('an empty file', async () => {
    await expectRefused('empty.xlsx', Buffer.alloc(0), 'empty', /空的/, /empty/);
  });

  it('a Word document renamed to .xlsx', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file(
      '_rels/.rels',
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    );
    zip.file('word/document.xml', '<w:document/>');
    await expectRefused(
      'letter.xlsx',
      await zip.generateAsync({ type: 'nodebuffer' }),
      'not-xlsx',
      /Word 文档/,
      /Word document/,
    );
  });

  it('a 0-byte or foreign workbook.xml: a damaged workbook, not “not an .xlsx”', async () => {
    const withWorkbookXml = async (content: string) => {
      const zip = await JSZip.loadAsync(good);
      zip.file('xl/workbook.xml', content);
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    };
    const empty = await expectRefused(
      'empty-workbook.xlsx',
      await withWorkbookXml(''),
      'corrupt',
      /文件已损坏：工作簿主体（xl\/workbook\.xml）为空或不是工作簿内容/,
      /damaged: its workbook part \(xl\/workbook\.xml\) is empty or not a workbook/,
    );
    expect(empty.message.zh).not.toMatch(/不是 \.xlsx/);
    await expectRefused(
      'foreign-workbook.xlsx',
      await withWorkbookXml('<html><body>not a workbook</body></html>'),
      'corrupt',
      /工作簿主体.*为空或不是工作簿内容/,
      /empty or not a workbook/,
    );
    // The part the package names is gone altogether.
    const gone = await JSZip.loadAsync(good);
    gone.remove('xl/workbook.xml');
    await expectRefused(
      'no-workbook-part.xlsx',
      await gone.generateAsync({ type: 'nodebuffer' }),
      'corrupt',
      /工作簿主体（xl\/workbook\.xml）缺失/,
      /workbook part \(xl\/workbook\.xml\) is missing/,
    );
    // A zip that is no Office package at all is still “not an .xlsx”.
    const other = new JSZip();
    other.file('photos/readme.txt', 'holiday pictures');
    await expectRefused(
      'photos.xlsx',
      await other.generateAsync({ type: 'nodebuffer' }),
      'not-xlsx',
      /不是 \.xlsx 文件/,
      /not an \.xlsx file/,
    );
  });

  it('a workbook without a form', async () => {
    await expectRefused(
      'plain.xlsx',
      await plainWorkbook(),
      'no-form',
      /未找到绩效目标表/,
      /No performance goal table/,
    );
  });

  it('a file over the size limit', async () => {
    // The same workbook with 4 KB of trailing bytes: bigger than the limit, the good one is not.
    const big = Buffer.concat([good, Buffer.alloc(4096)]);
    await expectRefused('big.xlsx', big, 'too-large', /文件过大/, /too large/, {
      ...DEFAULT_LIMITS,
      maxFileBytes: good.length + 1024,
    });
  });

  it('a sheet over the row limit', async () => {
    const form = cleanForm(true);
    const long = await writeOne({
      ...form,
      layout: computeLayout({ year: 2025, rows: { annual: 300 } }),
    });
    const bad = await expectRefused('rows.xlsx', long, 'sheet-too-large', /过大.*行/, /rows/, {
      ...DEFAULT_LIMITS,
      maxRows: 200,
    });
    expect(bad.sheet).toBe('绩效目标表2025');
  });
});

describe('hostile files', () => {
  it('never throws on damaged copies of a good workbook', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (flips) => {
          const copy = Buffer.from(good);
          for (const [at, x] of flips) copy[at] ^= x;
          const r = checkBuffer('fuzz.xlsx', copy);
          // Either checked (a form found) or explained; never an exception.
          expect(r.forms.length > 0 || r.findings.some((f) => f.ruleId.startsWith('file/'))).toBe(
            true,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a path that does not exist is reported and the rest is checked', async () => {
    const sub = mkdtempSync(join(dir, 'missing-'));
    writeFileSync(join(sub, 'good.xlsx'), good);
    const io = memoryIO({ cwd: sub });
    const code = await main(['check', 'gone.xlsx', 'good.xlsx'], io);
    expect(code).toBe(2);
    expect(io.out).toContain('文件：gone.xlsx\n  无法检查：找不到文件：gone.xlsx');
    expect(io.out).toContain('文件：good.xlsx');
  });

  it('refuses a zip declaring more than the uncompressed limit, before inflating anything', async () => {
    const huge = declareSize(good, 'xl/worksheets/sheet1.xml', 300 * 1024 * 1024);
    await expectRefused('declared.xlsx', huge, 'zip-bomb', /压缩炸弹/, /zip bomb/);
  });

  it('refuses an absurd compression ratio (a zip bomb)', async () => {
    // 64 MB of one character deflates to about 64 KB: a ratio of about 1000.
    const zip = await JSZip.loadAsync(good);
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(64 * 1024 * 1024, 0x20));
    const bomb = await zip.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectRefused('bomb.xlsx', bomb, 'zip-bomb', /压缩比异常/, /compression ratio/);
  });

  it('stops inflating an entry that lies about its size', async () => {
    const zip = await JSZip.loadAsync(good);
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(4 * 1024 * 1024, 0x20));
    const liar = declareSize(
      await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
      'xl/worksheets/sheet1.xml',
      1000,
    );
    await expectRefused(
      'liar.xlsx',
      liar,
      'zip-bomb',
      /超过其声明的大小/,
      /beyond its declared size/,
    );
  });

  it('refuses XML with DOCTYPE/ENTITY declarations (entity expansion)', async () => {
    const laughs = await editZip(good, (f) => {
      f['xl/worksheets/sheet1.xml'] = f['xl/worksheets/sheet1.xml'].replace(
        '<worksheet',
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><worksheet',
      );
    });
    await expectRefused('laughs.xlsx', laughs, 'unsafe-xml', /DOCTYPE\/ENTITY/, /DOCTYPE\/ENTITY/);
  });

  it('a zip that is only an end record is reported, not thrown', () => {
    const endOnly = Buffer.alloc(22);
    endOnly.writeUInt32LE(0x06054b50, 0);
    const r = checkBuffer('x.xlsx', endOnly);
    expect(r.unusable).toBe(true);
    expect(r.findings[0].ruleId).toBe('file/corrupt');
  });

  it('reads a stored (uncompressed) entry and checks its CRC', () => {
    // A minimal zip with one stored entry whose CRC is wrong: reported as corrupt.
    const data = Buffer.from('<x/>');
    const name = Buffer.from('_rels/.rels');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(12345, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(12345, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    const cdOffset = local.length + name.length + data.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(cdOffset, 16);
    const zip = Buffer.concat([local, name, data, central, name, end]);
    expect(() => readWorkbook(zip)).toThrow(/校验失败/);
    expect(deflateRawSync(data).length).toBeGreaterThan(0);
  });
});

/**
 * The real command: `npm run build:cli` output run as `node bin/pgt.js`, with pipes (as in CI or
 * a shell redirect): the exit status, a report on stdout and no progress bar on stderr.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { cleanForm, writeOne } from './helpers';
import { seedWorkbook } from './seed-workbook';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'pgt.js');
let dir: string;

beforeAll(async () => {
  const build = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0)
    throw new Error(`npm run build:cli failed:\n${build.stdout}${build.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'pgt-spawn-'));
  writeFileSync(join(dir, 'seed.xlsx'), await seedWorkbook());
  writeFileSync(join(dir, 'clean.xlsx'), await writeOne(cleanForm(true)));
  writeFileSync(join(dir, 'notes.xlsx'), 'not a workbook');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pgt = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });

describe('node bin/pgt.js', () => {
  it('check: exit 1 for findings, the report on stdout, nothing on stderr in a pipe', () => {
    const r = pgt('check', 'seed.xlsx', 'clean.xlsx');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('文件：seed.xlsx');
    expect(r.stdout).toMatch(/总计：2 个文件，2 份表，错误 \d+/);
    expect(r.stderr).toBe('');
  });

  it('check: exit 0 for a clean form, 2 when a file is unusable', () => {
    expect(pgt('check', 'clean.xlsx').status).toBe(0);
    const bad = pgt('check', 'clean.xlsx', 'notes.xlsx', '--format', 'json');
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout)).toEqual([
      expect.objectContaining({ file: 'notes.xlsx', ruleId: 'file/not-xlsx' }),
    ]);
    expect(bad.stderr).toContain('notes.xlsx: 不是 .xlsx 工作簿');
  });

  it('template and names', () => {
    const t = pgt('template', '-o', 'out.xlsx', '--year', '2026');
    expect(t.status).toBe(0);
    expect(existsSync(join(dir, 'out.xlsx'))).toBe(true);
    const n = pgt('names', '--json', '--year', '2026');
    expect(n.status).toBe(0);
    expect(JSON.parse(n.stdout)[0]).toEqual(
      expect.objectContaining({ name: 'BudgetYear', address: 'B2' }),
    );
    const again = pgt('check', 'out.xlsx', '--format', 'json');
    expect(again.status).toBe(1);
  });
});

/**
 * `npm run bench`: one run measures everything and writes bench/results.json plus a table.
 * Targets come from the issue tracker (issue 9); a row that misses its target is marked ✗.
 */
import { execSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { cpus } from 'os';

type Metrics = Record<string, number>;
interface Row {
  key: string;
  label: string;
  value: number | undefined;
  unit: string;
  target?: { op: '<=' | '<'; limit: number };
}

const ROOT = join(__dirname, '..');

async function section(
  name: string,
  load: () => Promise<{ run: () => Promise<Metrics> }>,
): Promise<Metrics> {
  const t0 = Date.now();
  process.stderr.write(`bench: ${name} … `);
  const m = await (await load()).run();
  process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  return m;
}

function bundleSize(): Metrics {
  // Always measure a production build (npm start may have left a development one in dist/).
  const info = join(ROOT, 'dist', 'build-info.json');
  const mode = existsSync(info) ? JSON.parse(readFileSync(info, 'utf8')).mode : null;
  if (mode !== 'production') execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  const js = readdirSync(join(ROOT, 'dist')).filter((f) => /^taskpane.*\.js$/.test(f));
  let raw = 0;
  let gz = 0;
  for (const f of js) {
    const b = readFileSync(join(ROOT, 'dist', f));
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
  }
  return { taskpaneJsKB: raw / 1024, taskpaneJsGzipKB: gz / 1024 };
}

async function main() {
  const checker = await section('checker', () => import('./checker.bench'));
  const syncs = await section('syncs (fake Excel)', () => import('./syncs.bench'));
  const cli = await section('pgt check (200 forms)', () => import('./cli.bench'));
  const bundle = bundleSize();
  const all: Metrics = { ...checker, ...syncs, ...cli, ...bundle };

  const rows: Row[] = [
    {
      key: 'insert40',
      label: '插入模板（40 行指标）sync 次数 / insert, 40 rows',
      value: syncs.insert40,
      unit: 'syncs',
      target: { op: '<=', limit: 2 },
    },
    {
      key: 'insert400',
      label: '插入模板（400 行指标）sync 次数 / insert, 400 rows',
      value: syncs.insert400,
      unit: 'syncs',
      target: { op: '<=', limit: 2 },
    },
    {
      key: 'edit',
      label: '一次编辑 / one edit',
      value: syncs.edit,
      unit: 'syncs',
      target: { op: '<=', limit: 2 },
    },
    {
      key: 'paste200',
      label: '粘贴 200 个单元格 / paste of 200 cells',
      value: syncs.paste200,
      unit: 'syncs',
      target: { op: '<=', limit: 2 },
    },
    { key: 'fullCheck', label: '全部检查 / full check', value: syncs.fullCheck, unit: 'syncs' },
    { key: 'fix', label: '一键修复 / a fix', value: syncs.fix, unit: 'syncs' },
    {
      key: 'checkMs_40',
      label: '检查 40 行 / check, 40 rows (median)',
      value: checker.checkMs_40,
      unit: 'ms',
      target: { op: '<', limit: 1 },
    },
    {
      key: 'checkMs_400',
      label: '检查 400 行 / check, 400 rows',
      value: checker.checkMs_400,
      unit: 'ms',
    },
    {
      key: 'checkMs_4000',
      label: '检查 4,000 行 / check, 4,000 rows',
      value: checker.checkMs_4000,
      unit: 'ms',
    },
    {
      key: 'growthPerRow_4000_vs_40',
      label: '每行耗时比 4,000 : 40 / per-row cost ratio',
      value: checker.growthPerRow_4000_vs_40,
      unit: '×',
      target: { op: '<=', limit: 1.5 },
    },
    {
      key: 'pgtCheckMsPerForm',
      label: 'pgt check 每份 / per form',
      value: cli.pgtCheckMsPerForm,
      unit: 'ms',
    },
    {
      key: 'excelJsReadMsPerForm',
      label: 'ExcelJS 读取每份 / ExcelJS bare read',
      value: cli.excelJsReadMsPerForm,
      unit: 'ms',
    },
    {
      key: 'ratio',
      label: 'pgt check ÷ ExcelJS 读取 / ratio',
      value: cli.ratio,
      unit: '×',
      target: { op: '<=', limit: 1.5 },
    },
    {
      key: 'taskpaneJsGzipKB',
      label: '任务窗格 JS（gzip）/ task pane JS gzipped',
      value: bundle.taskpaneJsGzipKB,
      unit: 'KB',
      target: { op: '<', limit: 350 },
    },
  ];
  const fmt = (v: number | undefined) =>
    v === undefined ? '—' : v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toFixed(4);
  const ok = (r: Row) =>
    !r.target ||
    (r.value !== undefined &&
      (r.target.op === '<' ? r.value < r.target.limit : r.value <= r.target.limit));
  const table = [
    '| 指标 / Measure | 结果 / Result | 目标 / Target | |',
    '|---|---:|---:|:-:|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${fmt(r.value)} ${r.unit} | ${r.target ? `${r.target.op} ${r.target.limit} ${r.unit}` : ''} | ${r.target ? (ok(r) ? '✓' : '✗') : ''} |`,
    ),
  ].join('\n');
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    machine: `${cpus().length} cores`,
    metrics: all,
    targetsMet: rows.filter((r) => r.target).every(ok),
  };
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(ROOT, 'bench', 'results.md'), table + '\n');
  console.log(table);
  console.log(
    `\nbench/results.json written; targets ${results.targetsMet ? 'all met' : 'NOT all met'}.`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

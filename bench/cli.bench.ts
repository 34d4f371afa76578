/**
 * `pgt check` over a folder of 200 filled forms, beside ExcelJS's bare reading of the same files.
 * The forms are the seed form (test/fixtures/seed.ts) with varied names and numbers, written by
 * the same writer as `pgt template`; their totals and shares are formulas without cached results
 * (as ExcelJS writes them), so `check` computes them. Both measurements read the files from disk;
 * `check` is timed in-process through the CLI's own entry point (with its output collected in
 * memory), so it includes finding the files, reading, computing formulas, checking and reporting.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { memoryIO } from '../src/cli/io';
import { main } from '../src/cli/main';
import { writeForms } from '../src/xlsx/write';
import { seedFormSheet } from '../test/cli/seed-workbook';

export const FORMS = 200;
const PASSES = 3;

/** Writes `count` filled forms into `dir`: the seed with per-form variations. */
export async function writeFilledForms(dir: string, count = FORMS): Promise<string[]> {
  const base = seedFormSheet();
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const fill = new Map(base.fill);
    const k = 1 + (i % 17) / 100;
    // Vary the numbers (typed as numbers here, so the totals are the forms' own formulas).
    fill.set('B3', { value: `测试单位${i + 1}` });
    fill.set('E7', { value: Math.round(8167.74 * k * 100) / 100 });
    fill.set('E11', { value: Math.round(1546.73 * k * 100) / 100 });
    fill.set('E12', { value: Math.round(248.35 * k * 100) / 100 });
    fill.set('E13', { value: Math.round(6372.66 * k * 100) / 100 });
    for (const a of ['E10', 'E14', 'G7', 'G11', 'G12', 'G13']) fill.delete(a);
    const buf = await writeForms([{ layout: base.layout, fill }]);
    const file = join(dir, `form-${String(i + 1).padStart(3, '0')}.xlsx`);
    writeFileSync(file, buf);
    files.push(file);
  }
  return files;
}

export async function run(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'pgt-bench-'));
  try {
    const files = await writeFilledForms(dir);
    // One untimed pass of each path first (module loading, JIT, the files in the OS cache), then
    // alternating timed passes; each path's figure is its median pass.
    const excelPass = async () => {
      const t0 = process.hrtime.bigint();
      for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    const pgtPass = async () => {
      const io = memoryIO();
      const t0 = process.hrtime.bigint();
      const code = await main(['check', dir, '--format', 'json'], io);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const findings = JSON.parse(io.out) as { file: string }[];
      if (code === 2 || new Set(findings.map((f) => f.file)).size !== FORMS)
        throw new Error(
          `pgt check did not check the ${FORMS} bench forms (exit ${code}): ${io.err}`,
        );
      return ms;
    };
    await excelPass();
    await pgtPass();
    const excel: number[] = [];
    const pgt: number[] = [];
    for (let i = 0; i < PASSES; i++) {
      pgt.push(await pgtPass());
      excel.push(await excelPass());
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const pgtMs = median(pgt);
    const excelMs = median(excel);

    const pgtCheckMsPerForm = pgtMs / FORMS;
    const excelJsReadMsPerForm = excelMs / FORMS;
    return {
      pgtCheckMsPerForm,
      excelJsReadMsPerForm,
      ratio: pgtCheckMsPerForm / excelJsReadMsPerForm,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Run by hostile-files.test.ts in a child process (node --max-old-space-size=… --expose-gc
 * --require tsx/cjs), so that a file that exhausted memory or the stack would kill this process,
 * not the test runner. Usage: pgt-child.ts DIR FILE...
 *
 * 1. Checks each file alone (checkFileSafely, what `pgt check` does per file) and measures its
 *    time and the heap it leaves behind after a garbage collection.
 * 2. Runs the real `pgt check --format json` over all files together, as a user would.
 * Prints one JSON object on stdout.
 */
import { join } from 'path';
import { checkFileSafely } from '../../src/cli/check';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';

const gc = (globalThis as { gc?: () => void }).gc;
const heapMB = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

async function run(): Promise<void> {
  const [dir, ...files] = process.argv.slice(2);
  const baseline = heapMB();
  const perFile = [];
  for (const file of files) {
    const t0 = performance.now();
    const report = checkFileSafely(join(dir, file), file);
    const ms = performance.now() - t0;
    perFile.push({
      file,
      ms,
      heapGrowthMB: heapMB() - baseline,
      forms: report.forms.length,
      ruleIds: report.findings.map((f) => f.ruleId),
      problems: report.findings
        .filter((f) => f.ruleId.startsWith('file/'))
        .map((f) => ({ ruleId: f.ruleId, sheet: f.sheet, message: f.message })),
      notes: report.findings
        .filter((f) => f.ruleId.startsWith('pgt/'))
        .map((f) => ({ ruleId: f.ruleId, cells: f.cells, message: f.message })),
    });
  }
  const io = memoryIO({ cwd: dir });
  const code = await main(['check', ...files, '--format', 'json'], io);
  process.stdout.write(
    JSON.stringify({
      perFile,
      cli: { code, rows: JSON.parse(io.out), stderr: io.err },
      baselineHeapMB: baseline,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

run().catch((e) => {
  process.stderr.write(`pgt-child failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 3;
});

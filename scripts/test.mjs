// `npm test`: every check, in order, stopping at the first that fails:
// lint (ESLint + Prettier) → type check → unit and integration tests (jest) → production build →
// manifest validation → browser end-to-end tests. Ends with one closing line counting every test
// run: `tests: N passed, M failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const artifacts = path.join(root, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });
const jestJson = path.join(artifacts, 'jest-results.json');

let passed = 0;
let failed = 0;

function step(name, cmd, args, { count } = {}) {
  const t0 = Date.now();
  console.log(`\n==> ${name}`);
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: count === 'e2e' ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
  });
  if (count === 'e2e') {
    process.stdout.write(r.stdout ?? '');
    const m = /(\d+) passed, (\d+) failed\s*$/.exec((r.stdout ?? '').trim());
    if (m) {
      passed += Number(m[1]);
      failed += Number(m[2]);
    }
  }
  if (count === 'jest' && existsSync(jestJson)) {
    const j = JSON.parse(readFileSync(jestJson, 'utf8'));
    passed += j.numPassedTests;
    failed += j.numFailedTests;
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.log(`\n✗ ${name} failed (${secs} s)`);
    if (failed === 0) failed = 1;
    console.log(`tests: ${passed} passed, ${failed} failed`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${name} (${secs} s)`);
}

step('lint', 'npm', ['run', '--silent', 'lint']);
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('unit and integration tests (jest)', 'npx', ['jest', '--json', `--outputFile=${jestJson}`], {
  count: 'jest',
});
step('production build', 'npm', ['run', '--silent', 'build']);
step('manifest validation', 'npm', ['run', '--silent', 'validate']);
step('end-to-end tests (Chromium)', 'node', ['scripts/e2e.mjs'], { count: 'e2e' });
console.log(`\ntests: ${passed} passed, ${failed} failed`);

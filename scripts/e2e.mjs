#!/usr/bin/env node
// `npm run test:e2e`: end-to-end tests of the playground in headless Chromium.
// 端到端测试：在无头 Chromium 中驱动演示环境。
//
//   npm run test:e2e                     every test in test/e2e/*.e2e.mjs
//   npm run test:e2e -- 修复              only tests whose name contains "修复"
//   E2E_UPDATE_SCREENSHOT=1 npm run test:e2e
//                                        also copies the README screenshot to docs/
//   CHROMIUM_PATH=/path/to/chrome        another Chromium (default /usr/bin/chromium)
//   E2E_HEADED=1                         show the browser (needs a display)
//   E2E_DIST=folder                      test that build instead of dist/ (never builds it)
//
// 1. Builds dist/ (development mode) when it is missing or older than its sources.
// 2. Serves dist/ on a free port of 127.0.0.1 (scripts/start.mjs's static handler).
// 3. Runs every test file's tests one after another, each in a fresh browser context
//    (1600×1000). Every request must stay on the local server and the page must log no error;
//    a test that breaks either rule fails. Screenshots go to test-artifacts/e2e/ (gitignored).
// 4. Prints one line per test and a closing `N passed, M failed`; exits 1 when any failed.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createStaticHandler, distIsUpToDate, listen } from './start.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, 'dist');
const TEST_DIR = path.join(ROOT, 'test', 'e2e');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e');
const HOST = '127.0.0.1';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TEST_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 180_000);
export const VIEWPORT = { width: 1600, height: 1000 };

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function ensureBuild() {
  if (process.env.E2E_DIST) {
    if (fs.existsSync(path.join(DIST, 'playground.html'))) return;
    console.error(`${DIST} 中没有 playground.html / no playground.html in ${DIST}`);
    process.exit(1);
  }
  if (fs.existsSync(path.join(DIST, 'playground.html')) && distIsUpToDate(ROOT)) return;
  console.log('正在构建 dist/（开发模式）… / Building dist/ (development mode)…');
  const r = spawnSync('npm', ['run', 'build:dev'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0 || !fs.existsSync(path.join(DIST, 'playground.html'))) {
    console.error('构建失败 / build failed');
    process.exit(1);
  }
}

/** Collects the tests a file registers: `export default function (test) { test(name, fn) }`. */
async function loadTests(filter) {
  const files = fs
    .readdirSync(TEST_DIR)
    .filter((f) => f.endsWith('.e2e.mjs'))
    .sort();
  const tests = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(path.join(TEST_DIR, f)).href);
    if (typeof mod.default !== 'function') {
      throw new Error(
        `${f}: 需要 export default function (test) {…} / must export a default function`,
      );
    }
    mod.default((name, fn) => tests.push({ file: f, name, fn }));
  }
  // Numbered in file order, so a test's screenshot folder keeps its name when filtered.
  return tests
    .map((t, i) => ({ ...t, index: i }))
    .filter((t) => !filter || t.name.includes(filter) || t.file.includes(filter));
}

function slug(text) {
  return (
    text
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'test'
  );
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`超时 / timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runOne(browser, baseUrl, test) {
  const dir = path.join(ARTIFACTS, `${String(test.index + 1).padStart(2, '0')}-${slug(test.name)}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  const foreign = [];
  const consoleErrors = [];
  const origin = new URL(baseUrl).origin;
  // Nothing may leave the local server: record every other request and refuse it.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) {
      return route.continue();
    }
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('request', (r) => {
    const url = r.url();
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      host = '';
    }
    if (!url.startsWith('data:') && !url.startsWith('blob:') && host !== HOST) foreign.push(url);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  let shots = 0;
  const ctx = {
    page,
    baseUrl,
    dir,
    /** Saves a screenshot of the page as <dir>/<nn>-<name>.png and returns its path. */
    async shot(name) {
      shots++;
      const file = path.join(dir, `${String(shots).padStart(2, '0')}-${slug(name)}.png`);
      await page.screenshot({ path: file });
      return file;
    },
  };
  const started = Date.now();
  try {
    await withTimeout(test.fn(ctx), TEST_TIMEOUT_MS, test.name);
    if (foreign.length) {
      throw new Error(
        `请求离开了本机 / requests left ${HOST}:\n  ${[...new Set(foreign)].join('\n  ')}`,
      );
    }
    if (consoleErrors.length) {
      throw new Error(`页面报告了错误 / the page logged errors:\n  ${consoleErrors.join('\n  ')}`);
    }
    return { ok: true, ms: Date.now() - started };
  } catch (e) {
    try {
      await page.screenshot({ path: path.join(dir, 'failure.png') });
    } catch {
      // the page may be gone
    }
    return { ok: false, ms: Date.now() - started, error: e };
  } finally {
    await context.close();
  }
}

async function main() {
  const filter = process.argv[2];
  if (!fs.existsSync(CHROMIUM)) {
    console.error(
      `找不到 Chromium：${CHROMIUM}。请安装（apt-get install chromium fonts-wqy-zenhei）或设置 CHROMIUM_PATH。\n` +
        `Chromium not found at ${CHROMIUM}: install it (apt-get install chromium fonts-wqy-zenhei) or set CHROMIUM_PATH.`,
    );
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  ensureBuild();
  const tests = await loadTests(filter);
  if (tests.length === 0) {
    console.error(`没有找到测试 / no tests found${filter ? ` matching "${filter}"` : ''}`);
    console.log('0 passed, 0 failed');
    process.exit(1);
  }
  if (!filter) fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const server = http.createServer(createStaticHandler(DIST));
  const port = await listen(server, HOST, 0);
  const baseUrl = `http://${HOST}:${port}`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: !process.env.E2E_HEADED,
    args: CHROMIUM_ARGS,
  });
  console.log(`端到端测试 / end-to-end tests: ${tests.length}, ${baseUrl}, ${CHROMIUM}`);
  let passed = 0;
  let failed = 0;
  try {
    for (const t of tests) {
      const r = await runOne(browser, baseUrl, t);
      if (r.ok) {
        passed++;
        console.log(`  ✓ ${t.name} (${(r.ms / 1000).toFixed(1)} s)`);
      } else {
        failed++;
        console.log(`  ✗ ${t.name} (${(r.ms / 1000).toFixed(1)} s)`);
        const text = String(r.error?.stack ?? r.error)
          .split('\n')
          .map((l) => `      ${l}`)
          .join('\n');
        console.log(text);
      }
    }
  } finally {
    await browser.close();
    server.closeAllConnections?.();
    server.close();
  }
  console.log(`截图 / screenshots: ${path.relative(process.cwd(), ARTIFACTS) || ARTIFACTS}/`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(`端到端测试无法运行 / the end-to-end tests could not run: ${e?.stack ?? e}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  });
}

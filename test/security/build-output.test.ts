/**
 * What ships: the production build in dist/ (task pane and commands pages, their scripts, the
 * manifest written for the configured base URL) and the CLI in dist-cli/. See docs/SECURITY.md.
 *
 * - The pages' Content-Security-Policy lets scripts come only from the add-in's own origin (and
 *   Office.js's CDN when built with it), never 'unsafe-eval' or inline scripts; no requests
 *   anywhere but the own origin (connect-src 'self').
 * - No eval or new Function in the scripts (webpack's global-object fallback is switched off with
 *   output.environment.globalThis), no network or storage APIs (no telemetry).
 * - No host is named in the scripts, pages or manifest but the add-in's own and Office's CDN
 *   (XML namespace names and React's error-text link are listed as what they are).
 * - The manifest asks for ReadWriteDocument and adds no AppDomains.
 * - HyperFormula (GPLv3, used by the fake Excel of tests and the playground) is in neither the
 *   task pane bundle nor the CLI.
 *
 * dist/ is rebuilt (npm run build) only when it is missing or not a production build.
 */
import { execSync } from 'child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';

jest.setTimeout(600_000);

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const DIST_CLI = join(ROOT, 'dist-cli');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

interface BuildInfo {
  mode: string;
  officeJs: 'cdn' | 'local';
  officeJsUrl: string;
  baseUrl: string;
  pages: string[];
}

const read = (p: string) => readFileSync(p, 'utf8');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let info: BuildInfo;
/** The files of the add-in (not the playground demo), name → text. */
const shipped: Record<string, string> = {};
let scripts: string[];

beforeAll(async () => {
  const infoPath = join(DIST, 'build-info.json');
  const mode = existsSync(infoPath) ? (JSON.parse(read(infoPath)) as BuildInfo).mode : null;
  if (mode !== 'production') execSync('npm run build', { cwd: ROOT, stdio: 'pipe' });
  // Another process may be rebuilding dist/ right now (it is emptied first): wait for it.
  const wanted = ['build-info.json', 'taskpane.html', 'commands.html', 'manifest.xml'];
  for (let i = 0; i < 60 && !wanted.every((f) => existsSync(join(DIST, f))); i++) await sleep(1000);
  info = JSON.parse(read(infoPath)) as BuildInfo;
  expect(info.mode).toBe('production');
  scripts = readdirSync(DIST).filter((f) => /^(taskpane|commands).*\.js$/.test(f));
  expect(scripts.some((f) => f.startsWith('taskpane'))).toBe(true);
  for (const f of [...wanted.slice(1), ...scripts]) shipped[f] = read(join(DIST, f));
  for (const f of readdirSync(join(DIST, 'assets')).filter((x) => x.endsWith('.html')))
    shipped[`assets/${f}`] = read(join(DIST, 'assets', f));
  if (!existsSync(join(DIST_CLI, 'cli', 'main.js')))
    execSync(`"${process.execPath}" node_modules/typescript/bin/tsc -p tsconfig.cli.json`, {
      cwd: ROOT,
      stdio: 'pipe',
    });
});

const pages = () => Object.keys(shipped).filter((f) => /^(taskpane|commands)\.html$/.test(f));

/** The page's CSP meta, as directive → sources. */
function csp(html: string): Map<string, string[]> {
  const meta =
    /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=("([^"]*)"|'([^']*)')/i.exec(
      html,
    );
  if (!meta) throw new Error('no Content-Security-Policy meta');
  const policy = meta[2] ?? meta[3];
  const out = new Map<string, string[]>();
  for (const d of policy
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const [name, ...sources] = d.split(/\s+/);
    out.set(name.toLowerCase(), sources);
  }
  return out;
}

describe('Content-Security-Policy of the add-in pages', () => {
  it('scripts only from the own origin (and Office.js’s CDN when built with it), no eval', () => {
    const allowedScript = ["'self'", ...(info.officeJs === 'cdn' ? [OFFICE_CDN] : [])];
    for (const page of pages()) {
      const p = csp(shipped[page]);
      expect([page, p.get('script-src')]).toEqual([page, allowedScript]);
      expect([page, p.get('default-src')]).toEqual([page, ["'self'"]]);
      expect([page, p.get('connect-src')]).toEqual([page, ["'self'"]]);
      expect([page, p.get('object-src')]).toEqual([page, ["'none'"]]);
      expect([page, p.get('base-uri')]).toEqual([page, ["'self'"]]);
      const all = [...p.values()].flat();
      expect([page, all.filter((s) => /unsafe-eval|^\*$|^https?:$|^blob:$/.test(s))]).toEqual([
        page,
        [],
      ]);
    }
  });

  it('every script the pages load is the add-in’s own file or Office.js, none inline', () => {
    for (const page of pages()) {
      const html = shipped[page];
      const tags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(tags.length).toBeGreaterThan(0);
      for (const [, attrs, body] of tags) {
        const src = /\bsrc=["']?([^"'\s>]+)/.exec(attrs)?.[1];
        expect([page, src !== undefined, body.trim()]).toEqual([page, true, '']);
        const ok = src === info.officeJsUrl || /^[\w./-]+\.js$/.test(src!);
        expect([page, src, ok]).toEqual([page, src, true]);
      }
    }
  });
});

describe('the scripts', () => {
  it('use no eval and no new Function (webpack is told the pane has globalThis)', () => {
    for (const f of scripts) {
      const code = shipped[f];
      const hits = [
        ...code.matchAll(/\beval\s*\(|\bnew\s+Function\s*\(|\bset(?:Timeout|Interval)\(\s*["'`]/g),
      ].map((m) => code.slice(Math.max(0, m.index - 60), m.index + 60));
      expect([f, hits]).toEqual([f, []]);
    }
  });

  it('make no network requests and store nothing (no telemetry)', () => {
    const api =
      /\bfetch\s*\(|XMLHttpRequest|sendBeacon|new\s+(?:WebSocket|EventSource)\b|importScripts|localStorage|sessionStorage|indexedDB|document\.cookie/g;
    for (const f of scripts) {
      const hits = [...shipped[f].matchAll(api)].map((m) => m[0]);
      expect([f, hits]).toEqual([f, []]);
    }
  });

  it('do not include HyperFormula (GPLv3: only the fake Excel of tests and the playground use it)', () => {
    for (const f of scripts)
      expect([f, /hyperformula|gpl-v3/i.test(shipped[f])]).toEqual([f, false]);
    // The scan does see it where it is: the playground bundles the fake Excel.
    if (existsSync(join(DIST, 'playground.js')))
      expect(/hyperformula/i.test(read(join(DIST, 'playground.js')))).toBe(true);
  });
});

/** Hosts that may appear, and why. Anything else fails. */
function allowedHosts(): Map<string, string> {
  const own = new URL(info.baseUrl).host;
  const m = new Map<string, string>([[own, 'the add-in’s own origin']]);
  if (info.officeJs === 'cdn') m.set(new URL(OFFICE_CDN).host, 'Office.js (CDN build)');
  m.set('www.w3.org', 'XML/SVG/MathML namespace names in React DOM (identifiers, never fetched)');
  m.set('schemas.microsoft.com', 'manifest XML namespaces (identifiers)');
  m.set('reactjs.org', 'text of React’s minified error messages (never fetched)');
  return m;
}

describe('hosts named by what ships', () => {
  it('the scripts, pages and manifest name no host but the add-in’s own and Office’s CDN', () => {
    const allowed = allowedHosts();
    const seen = new Map<string, Set<string>>();
    for (const [f, text] of Object.entries(shipped)) {
      const body = f === 'manifest.xml' ? text.replace(/<!--[\s\S]*?-->/g, '') : text;
      for (const m of body.matchAll(/\b(?:https?|wss?|ftp):\/\/([A-Za-z0-9.-]+(?::\d+)?)/g)) {
        if (!seen.has(m[1])) seen.set(m[1], new Set());
        seen.get(m[1])!.add(f);
      }
    }
    const unknown = [...seen]
      .filter(([h]) => !allowed.has(h))
      .map(([h, fs]) => `${h} (${[...fs]})`);
    expect(unknown).toEqual([]);
    expect(seen.has(new URL(info.baseUrl).host)).toBe(true);
  });

  it('every URL the shipped manifest opens is https on the add-in’s own base URL', () => {
    const xml = shipped['manifest.xml'].replace(/<!--[\s\S]*?-->/g, '');
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const u of urls) expect([u, u.startsWith(`${info.baseUrl}/`)]).toEqual([u, true]);
    if (/^https:/.test(info.baseUrl)) for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });
});

describe('manifest permissions', () => {
  it.each([
    ['manifest.xml', () => read(join(ROOT, 'manifest.xml'))],
    ['dist/manifest.xml', () => shipped['manifest.xml']],
  ])('%s asks for ReadWriteDocument, the least that works, and no AppDomains', (_, get) => {
    const xml = get().replace(/<!--[\s\S]*?-->/g, '');
    expect([...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1])).toEqual([
      'ReadWriteDocument',
    ]);
    const domains = [...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]);
    for (const d of domains) expect(new URL(d).origin).toBe(new URL(info.baseUrl).origin);
    expect(domains).toEqual([]);
  });
});

describe('the CLI (dist-cli)', () => {
  it('does not include HyperFormula and opens no network connection', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d)) {
        const p = join(d, e);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.js')) files.push(p);
      }
    };
    walk(DIST_CLI);
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const code = read(f);
      const bad = [
        ...code.matchAll(
          /hyperformula|require\("(?:node:)?(?:https?|http2|net|tls|dgram|dns)"\)|\bfetch\s*\(/gi,
        ),
      ].map((m) => m[0]);
      expect([f.slice(ROOT.length + 1), bad]).toEqual([f.slice(ROOT.length + 1), []]);
    }
  });
});

/**
 * Build and serve: webpack.config.js's rules (CSP, Office.js source, ADDIN_BASE_URL), a real
 * webpack build of the commands page for an intranet (OFFICE_JS=local + ADDIN_BASE_URL), and
 * scripts/start.mjs serving that build (MIME types, no directory traversal, clean stop).
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

interface WebpackHelpers {
  (
    env?: Record<string, unknown>,
    argv?: { mode?: string },
  ): {
    devtool: string | false;
    entry: Record<string, string>;
    module: { rules: { use: { loader: string; options: Record<string, unknown> } }[] };
    plugins: { constructor: { name: string } }[];
  };
  OFFICE_JS_CDN: string;
  pages(root?: string): { name: string; entry: string; template: string }[];
  contentSecurityPolicy(mode: 'cdn' | 'local'): string;
  officeJsMode(value?: string): 'cdn' | 'local';
  normalizeBaseUrl(value?: string): string;
  rewriteManifestUrls(xml: string, baseUrl: string): string;
}

const config = jest.requireActual<WebpackHelpers>(path.join(ROOT, 'webpack.config.js'));

describe('webpack.config.js', () => {
  test('CSP: CDN origin only when Office.js comes from the CDN; never eval', () => {
    const cdn = config.contentSecurityPolicy('cdn');
    const local = config.contentSecurityPolicy('local');
    expect(cdn).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(local).toContain("script-src 'self';");
    for (const csp of [cdn, local]) {
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("img-src 'self' data:");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
    }
  });

  test('OFFICE_JS accepts cdn/local in any case and rejects anything else clearly', () => {
    expect(config.officeJsMode(undefined)).toBe('cdn');
    expect(config.officeJsMode(' LOCAL ')).toBe('local');
    expect(() => config.officeJsMode('intranet')).toThrow(
      /OFFICE_JS 只能是 cdn 或 local.*must be cdn or local/,
    );
  });

  test('ADDIN_BASE_URL is validated and rewrites every manifest URL', () => {
    expect(config.normalizeBaseUrl(undefined)).toBe('https://localhost:3000');
    expect(config.normalizeBaseUrl('https://intranet.example/addins/pgt/')).toBe(
      'https://intranet.example/addins/pgt',
    );
    expect(() => config.normalizeBaseUrl('intranet/pgt')).toThrow(
      /必须是 https:\/\/.*must be a full https/,
    );
    expect(() => config.normalizeBaseUrl('ftp://intranet/pgt')).toThrow(/ADDIN_BASE_URL/);

    expect(() => config.normalizeBaseUrl('https://intranet/pgt?x=1')).toThrow(/ADDIN_BASE_URL/);

    const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    const count = xml.split('https://localhost:3000/').length - 1;
    expect(count).toBeGreaterThanOrEqual(8);
    const out = config.rewriteManifestUrls(xml, 'https://oa.example.gov.cn/a&b/pgt/');
    expect(out).not.toContain('localhost');
    expect(out.split('https://oa.example.gov.cn/a&amp;b/pgt/').length - 1).toBe(count);
    expect(out).toContain('"https://oa.example.gov.cn/a&amp;b/pgt/taskpane.html"');
    expect(config.rewriteManifestUrls(xml, 'https://localhost:3000')).toBe(xml);
  });

  test('the playground page joins the build as soon as its entry and template exist', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pgt-pages-'));
    try {
      expect(config.pages(root).map((p) => p.name)).toEqual(['taskpane', 'commands']);
      fs.mkdirSync(path.join(root, 'src', 'playground'), { recursive: true });
      fs.writeFileSync(path.join(root, 'src', 'playground', 'index.tsx'), 'export {};\n');
      expect(() => config.pages(root)).toThrow(/playground\.html/);
      fs.writeFileSync(path.join(root, 'src', 'playground', 'playground.html'), '<!doctype html>');
      expect(config.pages(root)).toContainEqual({
        name: 'playground',
        entry: './src/playground/index.tsx',
        template: './src/playground/playground.html',
      });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('development builds use no eval-based source maps; TypeScript keeps ES modules', () => {
    for (const mode of ['development', 'production']) {
      const c = config({}, { mode });
      expect(String(c.devtool)).not.toMatch(/eval/);
      expect(c.entry).toMatchObject({
        taskpane: './src/taskpane/index.tsx',
        commands: './src/commands/commands.ts',
      });
      const ts = c.module.rules[0].use;
      expect(ts.loader).toBe('ts-loader');
      expect(ts.options).toEqual({ transpileOnly: true, compilerOptions: { module: 'esnext' } });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// A real build for an intranet, served by scripts/start.mjs.

function get(
  port: number,
  urlPath: string,
  method = 'GET',
): Promise<{ status: number; type: string; body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
          location: res.headers.location,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Starts scripts/start.mjs on `dir`; resolves once it prints its banner. */
function startServer(
  dir: string,
): Promise<{ proc: ChildProcess; port: number; out: () => string }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const proc = spawn(process.execPath, ['scripts/start.mjs', '--dir', dir], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 15000);
    const onData = (d: Buffer) => {
      out += d.toString('utf8');
      const m = /on 127\.0\.0\.1:(\d+)/.exec(out);
      if (m && out.includes('Ctrl+C')) {
        clearTimeout(timer);
        resolve({ proc, port: Number(m[1]), out: () => out });
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

function stopServer(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve(proc.exitCode);
    proc.once('exit', (code) => resolve(code));
    proc.kill('SIGTERM');
  });
}

describe('intranet build (OFFICE_JS=local, ADDIN_BASE_URL) served by npm start', () => {
  let out: string;
  let build: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'pgt-build-'));
    build = spawnSync(
      process.execPath,
      [
        require.resolve('webpack/bin/webpack.js'),
        '--mode',
        'production',
        '--env',
        'only=commands',
        '--env',
        `outDir=${out}`,
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          OFFICE_JS: 'local',
          ADDIN_BASE_URL: 'https://oa.example.gov.cn/pgt',
        },
      },
    );
  }, 120000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test('the build succeeds and writes pages, assets, manifest and a local Office.js', () => {
    expect({ status: build.status, stderr: build.stderr }).toEqual({ status: 0, stderr: '' });
    for (const f of ['commands.html', 'commands.js', 'manifest.xml', 'build-info.json']) {
      expect(fs.existsSync(path.join(out, f))).toBe(true);
    }
    for (const size of [16, 32, 64, 80, 128]) {
      expect(fs.existsSync(path.join(out, 'assets', `icon-${size}.png`))).toBe(true);
    }
    const local = path.join(out, 'office-js', 'office.js');
    expect(fs.readFileSync(local)).toEqual(
      fs.readFileSync(
        path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist', 'office.js'),
      ),
    );
    expect(JSON.parse(fs.readFileSync(path.join(out, 'build-info.json'), 'utf8'))).toMatchObject({
      mode: 'production',
      officeJs: 'local',
      baseUrl: 'https://oa.example.gov.cn/pgt',
      pages: ['commands'],
    });
  });

  test('the page loads the local Office.js under a CSP without the CDN and without eval', () => {
    const html = fs.readFileSync(path.join(out, 'commands.html'), 'utf8');
    expect(html).toMatch(/<script src="?office-js\/office\.js"?>/);
    expect(html).not.toContain('appsforoffice.microsoft.com');
    expect(html).toMatch(/Content-Security-Policy/);
    expect(html).toContain("script-src 'self';");
    expect(html).not.toContain('unsafe-eval');
    // Office.js first, then the deferred bundle.
    expect(html.indexOf('office-js/office.js')).toBeLessThan(html.indexOf('commands.js'));
  });

  test('dist/manifest.xml points at ADDIN_BASE_URL', () => {
    const xml = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    expect(xml).not.toContain('localhost');
    expect(xml).toContain('DefaultValue="https://oa.example.gov.cn/pgt/taskpane.html"');
    expect(xml).toContain('DefaultValue="https://oa.example.gov.cn/pgt/assets/icon-80.png"');
  });

  test('npm start serves the build with MIME types, nothing outside it, and stops on SIGTERM', async () => {
    // This build has only the commands page; '/' has nothing to redirect to yet.
    const bare = await startServer(out);
    try {
      expect((await get(bare.port, '/')).status).toBe(404);
      expect(bare.out()).toContain('没有 taskpane.html / no taskpane.html');
    } finally {
      await stopServer(bare.proc);
    }
    fs.writeFileSync(path.join(out, 'taskpane.html'), '<!doctype html><title>task pane</title>');
    const { proc, port, out: log } = await startServer(out);
    try {
      expect(log()).toContain(`任务窗格 / Task pane:  http://localhost:${port}/taskpane.html`);
      expect(log()).toContain('Upload My Add-in');
      expect(log()).toContain('npx office-addin-dev-certs install');

      const page = await get(port, '/commands.html');
      expect(page.status).toBe(200);
      expect(page.type).toBe('text/html; charset=utf-8');
      const office = await get(port, '/office-js/office.js', 'HEAD');
      expect(office).toMatchObject({
        status: 200,
        type: 'text/javascript; charset=utf-8',
        body: '',
      });
      expect((await get(port, '/assets/icon-32.png')).type).toBe('image/png');
      expect((await get(port, '/manifest.xml')).type).toBe('application/xml; charset=utf-8');

      for (const evil of [
        '/../package.json',
        '/%2e%2e/package.json',
        '/assets/..%2f..%2fpackage.json',
        '/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
        '/..%5c..%5cpackage.json',
      ]) {
        const r = await get(port, evil);
        expect({ evil, status: r.status }).toEqual({ evil, status: 404 });
        expect(r.body).not.toContain('perf-goal-table');
      }
      expect((await get(port, '/%E0%A4%A')).status).toBe(400);
      expect((await get(port, '/commands.html', 'POST')).status).toBe(405);
      expect((await get(port, '/assets/')).status).toBe(404); // no directory listing
      expect(await get(port, '/')).toMatchObject({ status: 302, location: '/taskpane.html' });
    } finally {
      expect(await stopServer(proc)).toBe(0);
    }
    expect(log()).toContain('Stopped.');
  }, 30000);

  test('npm start prints the playground address when the build has a playground', async () => {
    fs.writeFileSync(path.join(out, 'playground.html'), '<!doctype html><title>playground</title>');
    const { proc, port, out: log } = await startServer(out);
    try {
      expect(log()).toContain(`演示环境 / Playground: http://localhost:${port}/playground.html`);
      expect(await get(port, '/')).toMatchObject({ status: 302, location: '/playground.html' });
    } finally {
      await stopServer(proc);
    }
  }, 30000);
});

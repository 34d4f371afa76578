#!/usr/bin/env node
// `npm start`: build dist/ if it is out of date, then serve it on 127.0.0.1:3000.
// 启动本地服务：必要时先构建 dist/，然后在 127.0.0.1:3000 上提供 dist/。
//
//   npm start                       http on 127.0.0.1:3000 (PORT=… to change; a busy port → next)
//   npm start -- --https            https with the Office dev certificates, if they exist in
//                                   ~/.office-addin-dev-certs/ (npx office-addin-dev-certs install)
//   npm start -- --rebuild          always build first;  --no-build: never build
//   npm start -- --dir some/folder  serve that folder instead of dist/ (never builds)
//
// Non-interactive, no extra dependencies: a small static file server (GET/HEAD only, serves
// nothing outside dist/, correct MIME types). Stops cleanly on Ctrl+C (SIGINT) and SIGTERM.
//
// Usage data: this script loads no Office tooling. The tools it suggests (office-addin-debugging,
// office-addin-dev-certs) report through office-addin-usage-data, whose 3.x releases contain no
// reporting code; older releases send nothing unless ~/office-addin-usage-data.json opts in
// (`npx office-addin-usage-data off` writes the opt-out). See scripts/validate-manifest.mjs.
//
// Importable without side effects (e.g. by end-to-end tests):
//   import { createStaticHandler, listen, distIsUpToDate } from './start.mjs';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let DIST = path.join(ROOT, 'dist');
const HOST = '127.0.0.1';
const DEFAULT_PORT = 3000;
const PORT_TRIES = 20;

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function sendText(res, status, text, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(`${text}\n`);
}

/**
 * A request handler serving the files under `rootDir` and nothing else: GET/HEAD only, no
 * directory listings, no dot-files, no path (or symlink) leading outside `rootDir`.
 * `/` redirects to the first of `indexPages` that exists.
 */
export function createStaticHandler(
  rootDir,
  { indexPages = ['playground.html', 'taskpane.html'] } = {},
) {
  const root = fs.realpathSync(rootDir);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, '只支持 GET 和 HEAD / only GET and HEAD are allowed', {
        Allow: 'GET, HEAD',
      });
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      sendText(res, 400, '请求地址无效 / bad request path');
      return;
    }
    if (pathname === '/') {
      const page = indexPages.find((p) => fs.existsSync(path.join(root, p)));
      if (page) {
        res.writeHead(302, { Location: `/${page}` });
        res.end();
        return;
      }
    }
    const notFound = () => sendText(res, 404, `找不到 / not found: ${pathname}`);
    if (pathname.includes('\0')) return notFound();
    const target = path.resolve(root, `.${pathname}`);
    const rel = path.relative(root, target);
    if (
      rel.startsWith('..') ||
      path.isAbsolute(rel) ||
      rel.split(path.sep).some((s) => s.startsWith('.'))
    ) {
      return notFound();
    }
    let file;
    let stat;
    try {
      file = fs.realpathSync(target);
      const realRel = path.relative(root, file);
      if (realRel.startsWith('..') || path.isAbsolute(realRel)) return notFound();
      stat = fs.statSync(file);
      if (stat.isDirectory()) {
        file = path.join(file, 'index.html');
        stat = fs.statSync(file);
      }
    } catch {
      return notFound();
    }
    if (!stat.isFile()) return notFound();
    res.writeHead(200, {
      'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}

/**
 * Listens on `host:port`, or the next free port (up to `tries` ports). Resolves to the port.
 */
export function listen(server, host, port, tries = PORT_TRIES) {
  return new Promise((resolve, reject) => {
    let current = port;
    const attempt = () => {
      const onError = (err) => {
        server.off('listening', onListening);
        if (err.code === 'EADDRINUSE' && current < port + tries - 1) {
          current++;
          attempt();
        } else {
          reject(err);
        }
      };
      const onListening = () => {
        server.off('error', onError);
        resolve(server.address().port);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(current, host);
    };
    attempt();
  });
}

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(p)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, name)));
  }
  return newest;
}

/**
 * True when dist/ was built after the last change to its inputs, with the same OFFICE_JS and
 * ADDIN_BASE_URL as now (dist/build-info.json records them).
 */
export function distIsUpToDate(root = ROOT, env = process.env) {
  const infoFile = path.join(root, 'dist', 'build-info.json');
  let info;
  try {
    info = JSON.parse(fs.readFileSync(infoFile, 'utf8'));
  } catch {
    return false;
  }
  const officeJs = (env.OFFICE_JS ?? '').trim().toLowerCase() || 'cdn';
  const baseUrl = ((env.ADDIN_BASE_URL ?? '').trim() || 'https://localhost:3000').replace(
    /\/+$/,
    '',
  );
  if (info.officeJs !== officeJs || info.baseUrl.replace(/\/+$/, '') !== baseUrl) return false;
  for (const page of info.pages ?? []) {
    if (!fs.existsSync(path.join(root, 'dist', `${page}.html`))) return false;
  }
  if (
    fs.existsSync(path.join(root, 'src', 'playground', 'index.tsx')) &&
    !info.pages?.includes('playground')
  ) {
    return false;
  }
  const inputs = [
    'src',
    'assets',
    'manifest.xml',
    'webpack.config.js',
    'package.json',
    'tsconfig.json',
  ];
  const newest = Math.max(...inputs.map((p) => newestMtime(path.join(root, p))));
  return fs.statSync(infoFile).mtimeMs >= newest;
}

function build() {
  console.log('正在构建（开发模式）… / Building (development mode)…');
  const r = spawnSync('npm', ['run', 'build:dev'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) {
    console.error('构建失败，请查看上面的错误。 / The build failed: see the errors above.');
    process.exit(r.status ?? 1);
  }
}

function readCerts() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  if (!fs.existsSync(cert) || !fs.existsSync(key)) return undefined;
  return { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
}

function parseArgs(argv) {
  const opts = { https: false, build: 'auto', port: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--https') opts.https = true;
    else if (a === '--rebuild') opts.build = 'always';
    else if (a === '--no-build') opts.build = 'never';
    else if (a === '--port' && argv[i + 1]) opts.port = argv[++i];
    else if (a === '--dir' && argv[i + 1]) opts.dir = path.resolve(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log(
        '用法 / usage: npm start -- [--https] [--rebuild | --no-build] [--port 3000] [--dir folder]',
      );
      process.exit(0);
    } else {
      console.error(`未知参数 / unknown argument: ${a}`);
      process.exit(2);
    }
  }
  return opts;
}

function printBanner({ scheme, port, requestedPort, info, httpsWanted, certsFound }) {
  const base = `${scheme}://localhost:${port}`;
  const hasPlayground = fs.existsSync(path.join(DIST, 'playground.html'));
  const how = info ? `${info.mode}, Office.js: ${info.officeJs}` : '';
  const lines = [
    '',
    `部门整体绩效目标表 — 本地服务已启动 / local server running (${how})`,
    `  目录 / serving:  ${path.relative(process.cwd(), DIST) || DIST}/  on ${HOST}:${port}`,
  ];
  if (hasPlayground) {
    lines.push(`  演示环境 / Playground: ${base}/playground.html`);
  } else if (fs.existsSync(path.join(DIST, 'taskpane.html'))) {
    lines.push(`  任务窗格 / Task pane:  ${base}/taskpane.html`);
  } else {
    lines.push('  ! 目录中没有 taskpane.html / no taskpane.html in this folder');
  }
  lines.push(`  清单 / Manifest:       ${path.join(ROOT, 'manifest.xml')}`);
  if (port !== requestedPort) {
    lines.push(
      '',
      `  ! 端口 ${requestedPort} 已被占用，改用 ${port}；manifest.xml 中的地址仍是 ${requestedPort}，旁加载前请先释放该端口。`,
      `  ! Port ${requestedPort} is busy, using ${port}; manifest.xml still points at ${requestedPort}: free that port before sideloading.`,
    );
  }
  if (httpsWanted && !certsFound) {
    lines.push(
      '',
      '  ! 未找到 ~/.office-addin-dev-certs/localhost.crt 和 localhost.key，改用 http。请先运行 npx office-addin-dev-certs install。',
      '  ! ~/.office-addin-dev-certs/localhost.crt and localhost.key not found, serving http. Run npx office-addin-dev-certs install first.',
    );
  }
  if (scheme === 'http') {
    lines.push(
      '',
      '  注意：Excel 只从 https 加载加载项。在 Excel 中使用前，请运行 npm start -- --https。',
      '  Note: Excel loads add-ins over https only. To use it in Excel, run npm start -- --https.',
    );
  }
  lines.push(
    '',
    '在 Excel 中旁加载 manifest.xml：',
    '  • Windows 版 Excel（二选一）：',
    '    1) 共享文件夹目录：把 manifest.xml 放进一个共享文件夹（如 \\\\电脑名\\addins）；在 Excel 中依次点',
    '       文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录，添加该共享路径并勾选“显示在菜单中”，',
    '       重启 Excel 后：开始 → 加载项（或 插入 → 我的加载项）→ 共享文件夹 → 部门整体绩效目标表。',
    '    2) npx office-addin-debugging start manifest.xml —— 需要 https 开发证书：先运行',
    '       npx office-addin-dev-certs install（然后用 npm start -- --https）。',
    '  • Excel 网页版：插入 → 加载项 → 上传我的加载项 → 选择 manifest.xml。',
    '',
    'Sideload manifest.xml in Excel:',
    '  • Excel on Windows (either):',
    '    1) Shared-folder catalog: put manifest.xml in a shared folder (e.g. \\\\computer\\addins); in Excel:',
    '       File → Options → Trust Center → Trust Center Settings → Trusted Add-in Catalogs, add the share',
    '       and tick "Show in Menu"; restart Excel, then Home → Add-ins (or Insert → My Add-ins) →',
    '       SHARED FOLDER → Department Performance Goal Table.',
    '    2) npx office-addin-debugging start manifest.xml — it needs the https dev certificates: run',
    '       npx office-addin-dev-certs install first (then npm start -- --https).',
    '  • Excel on the web: Insert → Add-ins → Upload My Add-in → choose manifest.xml.',
    '',
    '按 Ctrl+C 停止。 / Press Ctrl+C to stop.',
    '',
  );
  console.log(lines.join('\n'));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const requestedPort = Number(opts.port ?? process.env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(requestedPort) || requestedPort < 1 || requestedPort > 65535) {
    console.error(
      `端口无效：${opts.port ?? process.env.PORT} / invalid port: ${opts.port ?? process.env.PORT}`,
    );
    process.exit(2);
  }

  if (opts.dir) {
    DIST = opts.dir;
    opts.build = 'never';
  }
  if (opts.build === 'always' || (opts.build === 'auto' && !distIsUpToDate())) build();
  else if (opts.build === 'auto')
    console.log('dist/ 已是最新，跳过构建。 / dist/ is up to date, not rebuilding.');
  if (!fs.existsSync(DIST)) {
    console.error(
      `${DIST} 不存在，请运行 npm run build。 / ${DIST} is missing: run npm run build.`,
    );
    process.exit(1);
  }
  let info;
  try {
    info = JSON.parse(fs.readFileSync(path.join(DIST, 'build-info.json'), 'utf8'));
  } catch {
    info = undefined;
  }

  const certs = opts.https ? readCerts() : undefined;
  const handler = createStaticHandler(DIST);
  const server = certs ? https.createServer(certs, handler) : http.createServer(handler);
  let port;
  try {
    port = await listen(server, HOST, requestedPort);
  } catch (err) {
    console.error(
      `无法监听 ${HOST}:${requestedPort}–${requestedPort + PORT_TRIES - 1}：${err.message}\n` +
        `Cannot listen on ${HOST}:${requestedPort}–${requestedPort + PORT_TRIES - 1}: ${err.message}`,
    );
    process.exit(1);
  }
  printBanner({
    scheme: certs ? 'https' : 'http',
    port,
    requestedPort,
    info,
    httpsWanted: opts.https,
    certsFound: Boolean(certs),
  });

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n收到 ${signal}，正在停止… / ${signal} received, stopping…`);
    server.close(() => {
      console.log('已停止。 / Stopped.');
      process.exit(0);
    });
    server.closeAllConnections?.();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(`启动失败 / start failed: ${e?.stack ?? e}`);
    process.exit(1);
  });
}

/**
 * Build of the Excel add-in (and, when present, the browser playground) into dist/.
 * 构建 Excel 加载项到 dist/。
 *
 *   npm run build        production (minified, tree-shaken)
 *   npm run build:dev    development (readable, faster)
 *
 * Environment:
 *   OFFICE_JS=cdn|local  where the pages load Office.js from (default cdn):
 *                          cdn   https://appsforoffice.microsoft.com/lib/1/hosted/office.js
 *                          local node_modules/@microsoft/office-js/dist/ is copied to
 *                                dist/office-js/ and the pages load office-js/office.js
 *                                (intranets without access to Microsoft's CDN)
 *   ADDIN_BASE_URL       where dist/ will be served (default https://localhost:3000); the
 *                        https://localhost:3000 prefix of every URL in manifest.xml is replaced
 *                        by it in dist/manifest.xml. May have a path: https://intranet/addins/pgt
 *
 * Output: dist/{taskpane,commands}.{html,js}, dist/assets/, dist/manifest.xml,
 * dist/build-info.json (mode, Office.js source, base URL; read by scripts/start.mjs and
 * scripts/validate-manifest.mjs), and dist/office-js/ with OFFICE_JS=local.
 *
 * No eval anywhere: `devtool` is 'source-map' in both modes (webpack's development default
 * 'eval' would break the pages' Content-Security-Policy, which has no 'unsafe-eval').
 */
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = __dirname;
const DEV_BASE_URL = 'https://localhost:3000';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_LOCAL = 'office-js/office.js';
const OFFICE_JS_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');

/**
 * The pages of the build. Each page is one webpack entry plus one HTML file made from its
 * template; every template gets `htmlWebpackPlugin.options.csp` and
 * `htmlWebpackPlugin.options.officeJsUrl`.
 *
 * >>> To add a page, add an object here. <<<  Optional per page: `csp` (a string) replaces the
 * default Content-Security-Policy for that page only.
 * The playground (src/playground/index.tsx + src/playground/playground.html) is added
 * automatically as soon as its entry file exists; it gets the same CSP and Office.js URL
 * parameters, its template decides whether to load Office.js at all.
 */
function pages(root = ROOT) {
  const list = [
    {
      name: 'taskpane',
      entry: './src/taskpane/index.tsx',
      template: './src/taskpane/taskpane.html',
    },
    {
      name: 'commands',
      entry: './src/commands/commands.ts',
      template: './src/commands/commands.html',
    },
  ];
  if (fs.existsSync(path.join(root, 'src', 'playground', 'index.tsx'))) {
    if (!fs.existsSync(path.join(root, 'src', 'playground', 'playground.html'))) {
      throw new Error(
        '有 src/playground/index.tsx 却没有 src/playground/playground.html（页面模板）。' +
          ' / src/playground/index.tsx exists but its page template src/playground/playground.html does not.',
      );
    }
    list.push({
      name: 'playground',
      entry: './src/playground/index.tsx',
      template: './src/playground/playground.html',
    });
  }
  return list;
}

/** 'cdn' (default) or 'local'; anything else is a configuration error with a clear message. */
function officeJsMode(value = process.env.OFFICE_JS) {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'cdn') return 'cdn';
  if (v === 'local') return 'local';
  throw new Error(
    `OFFICE_JS 只能是 cdn 或 local，而不是 "${value}"。 / OFFICE_JS must be cdn or local, not "${value}".`,
  );
}

/** The URL a page's <script> loads Office.js from. */
function officeJsUrl(mode) {
  return mode === 'local' ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;
}

/**
 * Validates and normalises ADDIN_BASE_URL: an absolute http(s) URL without query or fragment,
 * returned without a trailing slash.
 */
function normalizeBaseUrl(value = process.env.ADDIN_BASE_URL) {
  const raw = (value ?? '').trim();
  if (raw === '') return DEV_BASE_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new Error(
      `ADDIN_BASE_URL 必须是 https:// 开头的完整地址，例如 https://intranet.example/pgt，而不是 "${raw}"。` +
        ` / ADDIN_BASE_URL must be a full https:// URL such as https://intranet.example/pgt, not "${raw}".`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

function escapeXmlAttr(s) {
  return s
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Replaces the https://localhost:3000 prefix of every URL in the manifest by `baseUrl`. */
function rewriteManifestUrls(xml, baseUrl) {
  const base = normalizeBaseUrl(baseUrl);
  if (base === DEV_BASE_URL) return xml;
  return xml.split(`${DEV_BASE_URL}/`).join(`${escapeXmlAttr(base)}/`);
}

/**
 * The Content-Security-Policy of the pages (meta tag). Office.js's CDN origin is allowed for
 * scripts only when the pages load it from there. 'unsafe-inline' for styles: Fluent UI
 * (Griffel) and Office.js inject <style> elements. No 'unsafe-eval' anywhere.
 */
function contentSecurityPolicy(mode) {
  const scriptSrc = ["'self'"];
  if (mode === 'cdn') scriptSrc.push(new URL(OFFICE_JS_CDN).origin);
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

/** Emits dist/build-info.json describing how dist/ was built. */
class BuildInfoPlugin {
  constructor(info) {
    this.info = info;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('BuildInfoPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'BuildInfoPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const json = JSON.stringify({ ...this.info, builtAt: new Date().toISOString() }, null, 2);
          compilation.emitAsset('build-info.json', new webpack.sources.RawSource(`${json}\n`));
        },
      );
    });
  }
}

/**
 * webpack's config function. `env` (webpack --env) may hold `only=name,name` to build only
 * those pages and `outDir=path` to write somewhere else than dist/ (used by the build tests).
 */
function createConfig(env = {}, argv = {}) {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const officeJs = officeJsMode();
  const baseUrl = normalizeBaseUrl();
  const csp = contentSecurityPolicy(officeJs);
  const only = typeof env.only === 'string' ? env.only.split(',').map((s) => s.trim()) : undefined;
  const list = pages().filter((p) => !only || only.includes(p.name));
  if (list.length === 0) {
    throw new Error(`没有要构建的页面 / no page to build (only=${env.only})`);
  }
  const outDir = env.outDir ? path.resolve(ROOT, env.outDir) : path.join(ROOT, 'dist');
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  const copy = [
    { from: 'assets', to: 'assets' },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform: (content) => rewriteManifestUrls(content.toString('utf8'), baseUrl),
    },
  ];
  if (officeJs === 'local') {
    if (!fs.existsSync(path.join(OFFICE_JS_DIST, 'office.js'))) {
      throw new Error(
        '找不到 node_modules/@microsoft/office-js/dist/office.js，请先运行 npm ci。' +
          ' / node_modules/@microsoft/office-js/dist/office.js is missing: run npm ci first.',
      );
    }
    copy.push({
      from: OFFICE_JS_DIST,
      to: 'office-js',
      globOptions: { ignore: ['**/*.d.ts'] },
      // Already minified by Microsoft: without this, Terser would re-minify ~56 MB (minutes).
      info: { minimized: true },
    });
  }

  return {
    mode,
    context: ROOT,
    devtool: 'source-map',
    entry: Object.fromEntries(list.map((p) => [p.name, p.entry])),
    output: {
      path: outDir,
      filename: '[name].js',
      publicPath: '',
      clean: true,
      // Office's WebView2 and every browser that runs the pane have globalThis: this keeps webpack
      // from emitting its `new Function("return this")` fallback (the CSP has no unsafe-eval).
      environment: { globalThis: true },
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck`; keep ES modules so webpack can tree-shake.
            options: { transpileOnly: true, compilerOptions: { module: 'esnext' } },
          },
        },
      ],
    },
    optimization: {
      usedExports: true,
    },
    performance: {
      hints: mode === 'production' ? 'warning' : false,
      maxAssetSize: 2 * 1024 * 1024,
      maxEntrypointSize: 2 * 1024 * 1024,
      assetFilter: (name) => name.endsWith('.js') && !name.startsWith('office-js/'),
    },
    plugins: [
      ...list.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: `${p.name}.html`,
            template: p.template,
            chunks: [p.name],
            scriptLoading: 'defer',
            inject: 'head',
            csp: p.csp ?? csp,
            officeJsUrl: officeJsUrl(officeJs),
          }),
      ),
      new CopyWebpackPlugin({ patterns: copy }),
      new BuildInfoPlugin({
        version: pkg.version,
        mode,
        officeJs,
        officeJsUrl: officeJsUrl(officeJs),
        baseUrl,
        pages: list.map((p) => p.name),
      }),
    ],
    stats: 'errors-warnings',
  };
}

module.exports = createConfig;
Object.assign(module.exports, {
  DEV_BASE_URL,
  OFFICE_JS_CDN,
  OFFICE_JS_LOCAL,
  pages,
  officeJsMode,
  officeJsUrl,
  normalizeBaseUrl,
  rewriteManifestUrls,
  contentSecurityPolicy,
});

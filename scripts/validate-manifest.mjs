#!/usr/bin/env node
// 清单检查 / Manifest check — `npm run validate` (run it after `npm run build`).
//
//   node scripts/validate-manifest.mjs [--manifest manifest.xml] [--dist dist] [--offline]
//
// Offline, always:
//   - parses the manifest with office-addin-manifest (OfficeAddinManifest.readManifestFile);
//   - parses the XML itself and checks: the Id is a GUID; Hosts has Workbook; Permissions is
//     declared; the ExcelApi requirement set is declared; every resid resolves to a resource of
//     the right kind (bt:Image / bt:Url / bt:ShortString / bt:LongString), no resource id is
//     defined twice, string lengths are within Office's limits; every URL is https; every URL of
//     the add-in (icons, pages, support) maps to a file in dist/ and icons have the declared pixel
//     size; dist/manifest.xml carries the base URL dist/ was built for; the built pages have a
//     Content-Security-Policy without 'unsafe-eval' and load only scripts that exist.
// Online, only when not in CI (CI=true skips it), not --offline, and Microsoft's validation
// service answers within 2.5 s: `npx office-addin-manifest validate manifest.xml`, which sends
// the manifest to Microsoft. Otherwise the report says it was skipped.
//
// Usage data (telemetry): office-addin-manifest reports through office-addin-usage-data. The
// installed 3.x has no reporting code left (every report method is a no-op and it does not
// depend on applicationinsights). Older 1.x/2.x sent data only after an explicit opt-in kept in
// ~/office-addin-usage-data.json ("usageDataLevel": "on"); there is no environment switch. Before
// loading office-addin-manifest this script reads that setting through the package's own
// readUsageDataLevel() and refuses to load the tool if it is "on" (turn it off with
// `npx office-addin-usage-data off`), so nothing is ever sent from here.
//
// Exit code 0: no problems (warnings allowed); 1: problems found.
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const DEV_BASE_URL = 'https://localhost:3000';
const VALIDATION_HOST = 'validationgateway.omex.office.net';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = {
    manifest: path.join(ROOT, 'manifest.xml'),
    dist: path.join(ROOT, 'dist'),
    offline: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--offline') opts.offline = true;
    else if (a === '--manifest' && argv[i + 1]) opts.manifest = path.resolve(argv[++i]);
    else if (a === '--dist' && argv[i + 1]) opts.dist = path.resolve(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log(
        '用法 / usage: node scripts/validate-manifest.mjs [--manifest manifest.xml] [--dist dist] [--offline]',
      );
      process.exit(0);
    } else {
      console.error(`未知参数 / unknown argument: ${a}`);
      process.exit(2);
    }
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// A small, strict XML parser (elements, attributes, text, comments, CDATA, PIs, entities).

class XmlError extends Error {
  constructor(zh, en) {
    super(en);
    this.zh = zh;
    this.en = en;
  }
}

const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s, lineOf) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);|&/gi, (m, name, offset) => {
    if (m === '&')
      throw new XmlError(`第 ${lineOf(offset)} 行：裸露的 &`, `line ${lineOf(offset)}: bare &`);
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    if (!(name in ENTITIES)) throw new XmlError(`未知实体 &${name};`, `unknown entity &${name};`);
    return ENTITIES[name];
  });
}

/** Parses XML into { name, local, attrs, children, text, line }; throws XmlError with a line. */
export function parseXml(src) {
  const lineStarts = [0];
  for (let i = 0; i < src.length; i++) if (src[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (pos) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const fail = (pos, zh, en) => {
    throw new XmlError(`第 ${lineOf(pos)} 行：${zh}`, `line ${lineOf(pos)}: ${en}`);
  };
  let pos = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack = [];
  let root = null;
  const NAME = /[A-Za-z_][\w.\-:]*/y;
  const readName = () => {
    NAME.lastIndex = pos;
    const m = NAME.exec(src);
    if (!m) fail(pos, '此处应为名称', 'a name was expected here');
    pos += m[0].length;
    return m[0];
  };
  const skipWs = () => {
    while (pos < src.length && /\s/.test(src[pos])) pos++;
  };
  while (pos < src.length) {
    if (src.startsWith('<!--', pos)) {
      const end = src.indexOf('-->', pos + 4);
      if (end < 0) fail(pos, '注释没有结束', 'unterminated comment');
      if (src.slice(pos + 4, end).includes('--'))
        fail(pos, '注释中不能有 --', '"--" inside a comment');
      pos = end + 3;
    } else if (src.startsWith('<![CDATA[', pos)) {
      const end = src.indexOf(']]>', pos);
      if (end < 0 || !stack.length) fail(pos, 'CDATA 位置不对', 'misplaced CDATA');
      stack[stack.length - 1].text += src.slice(pos + 9, end);
      pos = end + 3;
    } else if (src.startsWith('<?', pos)) {
      const end = src.indexOf('?>', pos);
      if (end < 0) fail(pos, '处理指令没有结束', 'unterminated processing instruction');
      pos = end + 2;
    } else if (src.startsWith('<!', pos)) {
      fail(pos, '不支持 DOCTYPE', 'DOCTYPE is not allowed');
    } else if (src.startsWith('</', pos)) {
      const at = pos;
      pos += 2;
      const name = readName();
      skipWs();
      if (src[pos] !== '>') fail(pos, '结束标签缺少 >', 'end tag lacks >');
      pos++;
      const open = stack.pop();
      if (!open || open.name !== name) {
        fail(
          at,
          `结束标签 </${name}> 与 <${open?.name ?? '?'}> 不匹配`,
          `</${name}> does not close <${open?.name ?? '?'}>`,
        );
      }
    } else if (src[pos] === '<') {
      const at = pos;
      pos++;
      const name = readName();
      const el = {
        name,
        local: name.split(':').pop(),
        attrs: {},
        children: [],
        text: '',
        line: lineOf(at),
      };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else if (root) fail(at, '文档只能有一个根元素', 'more than one root element');
      else root = el;
      for (;;) {
        skipWs();
        if (src.startsWith('/>', pos)) {
          pos += 2;
          break;
        }
        if (src[pos] === '>') {
          pos++;
          stack.push(el);
          break;
        }
        if (pos >= src.length) fail(at, `标签 <${name}> 没有结束`, `unterminated tag <${name}>`);
        const attr = readName();
        skipWs();
        if (src[pos] !== '=') fail(pos, `属性 ${attr} 缺少 =`, `attribute ${attr} lacks =`);
        pos++;
        skipWs();
        const q = src[pos];
        if (q !== '"' && q !== "'")
          fail(pos, `属性 ${attr} 的值缺少引号`, `attribute ${attr} value is not quoted`);
        const end = src.indexOf(q, pos + 1);
        if (end < 0) fail(pos, `属性 ${attr} 的值没有结束`, `unterminated value of ${attr}`);
        if (attr in el.attrs) fail(pos, `属性 ${attr} 重复`, `duplicate attribute ${attr}`);
        el.attrs[attr] = decodeEntities(src.slice(pos + 1, end), (o) => lineOf(pos + 1 + o));
        pos = end + 1;
      }
    } else {
      const end = src.indexOf('<', pos);
      const text = src.slice(pos, end < 0 ? src.length : end);
      if (!stack.length) {
        if (text.trim()) fail(pos, '根元素之外有文本', 'text outside the root element');
      } else {
        stack[stack.length - 1].text += decodeEntities(text, (o) => lineOf(pos + o));
      }
      pos = end < 0 ? src.length : end;
    }
  }
  if (stack.length)
    fail(
      src.length - 1,
      `<${stack[stack.length - 1].name}> 没有结束`,
      `<${stack[stack.length - 1].name}> is not closed`,
    );
  if (!root) throw new XmlError('文件中没有 XML 元素', 'no XML element in the file');
  return root;
}

function* walk(el, parents = []) {
  yield [el, parents];
  for (const c of el.children) yield* walk(c, [...parents, el]);
}
const child = (el, local) => el?.children.find((c) => c.local === local);
const children = (el, local) => el?.children.filter((c) => c.local === local) ?? [];

// ---------------------------------------------------------------------------------------------
// Report

const findings = [];
const error = (zh, en) => findings.push({ level: 'error', zh, en });
const warn = (zh, en) => findings.push({ level: 'warning', zh, en });
const ok = (zh, en) => findings.push({ level: 'ok', zh, en });

function printReport(manifestPath, online) {
  const rel = path.relative(process.cwd(), manifestPath) || manifestPath;
  console.log(`\n清单检查 / Manifest check: ${rel}\n`);
  const mark = { ok: '  ✓', warning: '  ! 警告 / warning:', error: '  ✗ 错误 / error:' };
  for (const f of findings) console.log(`${mark[f.level]} ${f.zh}\n      ${f.en}`);
  console.log(`\n在线验证 / Online validation: ${online}`);
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.filter((f) => f.level === 'warning').length;
  if (errors) {
    console.log(
      `\n结果：失败，${errors} 个问题，${warnings} 个警告。 / Result: FAILED, ${errors} problem(s), ${warnings} warning(s).\n`,
    );
  } else {
    console.log(
      `\n结果：通过（${warnings} 个警告）。 / Result: passed (${warnings} warning(s)).\n`,
    );
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Checks

const RESOURCE_KINDS = {
  Images: 'Image',
  Urls: 'Url',
  ShortStrings: 'ShortString',
  LongStrings: 'LongString',
};
const MAX_LEN = { ShortString: 125, LongString: 250 };

/** Which kind of resource an element's resid must point to. */
function expectedKind(el) {
  switch (el.local) {
    case 'Image':
      return 'Image';
    case 'SourceLocation':
    case 'FunctionFile':
    case 'LearnMoreUrl':
    case 'Url':
      return 'Url';
    case 'Label':
    case 'Title':
      return 'ShortString';
    case 'Description':
      return 'LongString';
    default:
      return undefined;
  }
}

function collectResources(root) {
  const byId = new Map();
  const resources = child(child(root, 'VersionOverrides'), 'Resources');
  if (!resources) {
    error('VersionOverrides 中没有 <Resources>', 'VersionOverrides has no <Resources>');
    return byId;
  }
  for (const group of resources.children) {
    const kind = RESOURCE_KINDS[group.local];
    if (!kind) continue;
    for (const item of group.children) {
      const id = item.attrs.id;
      if (!id) {
        error(
          `第 ${item.line} 行的 <${item.name}> 没有 id`,
          `<${item.name}> on line ${item.line} has no id`,
        );
        continue;
      }
      if (byId.has(id)) {
        error(
          `资源 id "${id}" 定义了两次（第 ${byId.get(id).el.line} 行与第 ${item.line} 行）`,
          `resource id "${id}" is defined twice (lines ${byId.get(id).el.line} and ${item.line})`,
        );
        continue;
      }
      byId.set(id, { kind, el: item, used: false });
    }
  }
  return byId;
}

function checkResids(root, resources) {
  let count = 0;
  for (const [el] of walk(root)) {
    if (!('resid' in el.attrs)) continue;
    count++;
    const id = el.attrs.resid;
    const res = resources.get(id);
    const want = expectedKind(el);
    if (!res) {
      error(
        `第 ${el.line} 行 <${el.name}> 的 resid "${id}" 没有对应的资源`,
        `resid "${id}" of <${el.name}> on line ${el.line} is not defined in <Resources>`,
      );
    } else {
      res.used = true;
      if (want && res.kind !== want) {
        error(
          `第 ${el.line} 行 <${el.name}> 的 resid "${id}" 应指向 ${want}，实际是 ${res.kind}`,
          `resid "${id}" of <${el.name}> on line ${el.line} must name a ${want}, it names a ${res.kind}`,
        );
      }
    }
  }
  for (const [id, res] of resources) {
    if (!res.used) warn(`资源 "${id}" 未被使用`, `resource "${id}" is never used`);
  }
  return count;
}

function checkStringLengths(resources) {
  for (const [id, res] of resources) {
    const max = MAX_LEN[res.kind];
    if (!max) continue;
    const values = [['默认 / default', res.el.attrs.DefaultValue ?? '']];
    for (const o of children(res.el, 'Override'))
      values.push([o.attrs.Locale ?? '?', o.attrs.Value ?? '']);
    for (const [locale, v] of values) {
      if ([...v].length > max) {
        error(
          `${res.kind} "${id}"（${locale}）长 ${[...v].length} 字符，超过 ${max}`,
          `${res.kind} "${id}" (${locale}) is ${[...v].length} characters, over ${max}`,
        );
      }
      if (!v.trim())
        error(`${res.kind} "${id}"（${locale}）为空`, `${res.kind} "${id}" (${locale}) is empty`);
    }
  }
}

/** Every URL in the manifest: { url, where, size? (icons: expected pixel size) }. */
function collectUrls(root, resources) {
  const urls = [];
  const add = (el, where, size) => {
    for (const v of [
      el.attrs.DefaultValue,
      ...children(el, 'Override').map((o) => o.attrs.Value),
    ]) {
      if (v !== undefined) urls.push({ url: v, where, size, line: el.line });
    }
  };
  const top = (local, size) => {
    const el = child(root, local);
    if (el) add(el, local, size);
    return el;
  };
  if (!top('IconUrl', 32)) error('缺少 <IconUrl>', '<IconUrl> is missing');
  if (!top('HighResolutionIconUrl', 64))
    error('缺少 <HighResolutionIconUrl>', '<HighResolutionIconUrl> is missing');
  if (!top('SupportUrl')) warn('缺少 <SupportUrl>', '<SupportUrl> is missing');
  const source = child(child(root, 'DefaultSettings'), 'SourceLocation');
  if (source) add(source, 'DefaultSettings/SourceLocation');
  else
    error('缺少 <DefaultSettings><SourceLocation>', '<DefaultSettings><SourceLocation> is missing');

  // Icon sizes each bt:Image resource is used at.
  const sizesOf = new Map();
  for (const [el] of walk(root)) {
    if (el.local === 'Image' && el.attrs.resid && el.attrs.size) {
      const set = sizesOf.get(el.attrs.resid) ?? new Set();
      set.add(Number(el.attrs.size));
      sizesOf.set(el.attrs.resid, set);
    }
  }
  for (const [id, res] of resources) {
    if (res.kind === 'Image') {
      const sizes = [...(sizesOf.get(id) ?? [])];
      if (sizes.length > 1) {
        error(
          `图片 "${id}" 被用作不同尺寸 ${sizes.join('/')}`,
          `image "${id}" is used at different sizes ${sizes.join('/')}`,
        );
      }
      add(res.el, `bt:Image ${id}`, sizes[0]);
    } else if (res.kind === 'Url') {
      add(res.el, `bt:Url ${id}`);
    }
  }
  return urls;
}

function pngSize(file) {
  const { PNG } = require('pngjs');
  const png = PNG.sync.read(fs.readFileSync(file));
  return [png.width, png.height];
}

function checkUrls(urls, dist, haveDist) {
  let mapped = 0;
  for (const { url, where, size } of urls) {
    if (!/^https:\/\//i.test(url)) {
      error(
        `${where}: 地址必须以 https:// 开头：${url}`,
        `${where}: the URL must start with https://: ${url}`,
      );
      continue;
    }
    if (!url.startsWith(`${DEV_BASE_URL}/`)) {
      warn(`${where}: 外部地址，未检查：${url}`, `${where}: external URL, not checked: ${url}`);
      continue;
    }
    if (!haveDist) continue;
    const rel = decodeURIComponent(url.slice(DEV_BASE_URL.length + 1).split(/[?#]/)[0]);
    const file = path.join(dist, rel);
    if (!file.startsWith(dist + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      error(
        `${where}: ${url} 在 dist/ 中没有对应文件（应为 dist/${rel}）`,
        `${where}: ${url} has no file in dist/ (expected dist/${rel})`,
      );
      continue;
    }
    mapped++;
    if (size) {
      try {
        const [w, h] = pngSize(file);
        if (w !== size || h !== size) {
          error(
            `${where}: dist/${rel} 是 ${w}×${h} 像素，应为 ${size}×${size}`,
            `${where}: dist/${rel} is ${w}×${h} pixels, must be ${size}×${size}`,
          );
        }
      } catch (e) {
        error(
          `${where}: dist/${rel} 不是有效的 PNG（${e.message}）`,
          `${where}: dist/${rel} is not a valid PNG (${e.message})`,
        );
      }
    }
  }
  return mapped;
}

function readBuildInfo(dist) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dist, 'build-info.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function checkDistManifest(manifestPath, dist, info) {
  const built = path.join(dist, 'manifest.xml');
  if (!fs.existsSync(built)) {
    error(
      'dist/manifest.xml 不存在，请运行 npm run build',
      'dist/manifest.xml is missing: run npm run build',
    );
    return;
  }
  const isProjectManifest = path.resolve(manifestPath) === path.join(ROOT, 'manifest.xml');
  if (isProjectManifest && fs.statSync(built).mtimeMs + 1000 < fs.statSync(manifestPath).mtimeMs) {
    warn(
      'manifest.xml 比 dist/manifest.xml 新，请重新运行 npm run build',
      'manifest.xml is newer than dist/manifest.xml: run npm run build again',
    );
  }
  const base = info?.baseUrl ?? DEV_BASE_URL;
  let root;
  try {
    root = parseXml(fs.readFileSync(built, 'utf8'));
  } catch (e) {
    error(
      `dist/manifest.xml 不是有效的 XML：${e.zh ?? e.message}`,
      `dist/manifest.xml is not well-formed XML: ${e.message}`,
    );
    return;
  }
  const stray = [];
  for (const [el] of walk(root)) {
    for (const v of [el.attrs.DefaultValue, el.attrs.Value]) {
      if (v && /^https?:\/\//i.test(v) && v.startsWith(DEV_BASE_URL) && base !== DEV_BASE_URL)
        stray.push(v);
    }
  }
  if (stray.length) {
    error(
      `dist/manifest.xml 为 ${base} 构建，但仍含 ${stray.length} 个 ${DEV_BASE_URL} 地址`,
      `dist/manifest.xml was built for ${base} but still has ${stray.length} ${DEV_BASE_URL} URL(s)`,
    );
  } else {
    ok(`dist/manifest.xml 的地址指向 ${base}`, `dist/manifest.xml points at ${base}`);
  }
}

function checkPages(dist, pageFiles) {
  for (const page of pageFiles) {
    const file = path.join(dist, page);
    if (!fs.existsSync(file)) continue; // reported by checkUrls
    const html = fs.readFileSync(file, 'utf8');
    const csp =
      /http-equiv=["']?Content-Security-Policy["']?\s+content=("([^"]*)"|'([^']*)')/i.exec(html);
    if (!csp) {
      error(`${page} 没有 Content-Security-Policy`, `${page} has no Content-Security-Policy`);
      continue;
    }
    const policy = csp[2] ?? csp[3];
    if (/unsafe-eval/.test(policy))
      error(`${page} 的 CSP 允许 unsafe-eval`, `${page}'s CSP allows unsafe-eval`);
    for (const m of html.matchAll(/<script[^>]*\ssrc=("([^"]+)"|'([^']+)'|([^\s>]+))/gi)) {
      const src = m[2] ?? m[3] ?? m[4];
      if (/^https?:\/\//i.test(src)) {
        const origin = new URL(src).origin;
        if (!policy.includes(origin)) {
          error(
            `${page} 加载 ${src}，但 CSP 的 script-src 不允许 ${origin}`,
            `${page} loads ${src} but its CSP script-src does not allow ${origin}`,
          );
        }
        if (src !== OFFICE_JS_CDN)
          warn(`${page} 从外部加载脚本 ${src}`, `${page} loads an external script ${src}`);
      } else if (!fs.existsSync(path.join(dist, src.split(/[?#]/)[0]))) {
        error(
          `${page} 加载的脚本 ${src} 在 dist/ 中不存在`,
          `${page} loads ${src}, which is not in dist/`,
        );
      }
    }
  }
}

function checkNoEval(dist) {
  const hits = [];
  for (const name of fs.readdirSync(dist)) {
    if (!name.endsWith('.js')) continue;
    const js = fs.readFileSync(path.join(dist, name), 'utf8');
    if (/(^|[^\w$.])eval\s*\(/.test(js)) hits.push(name);
  }
  if (hits.length) {
    warn(
      `这些脚本调用 eval()，在 CSP 下会失败：${hits.join(', ')}`,
      `these bundles call eval(), which the CSP blocks: ${hits.join(', ')}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// office-addin-manifest (with usage data checked off first)

function usageDataIsOn() {
  try {
    const usage = require('office-addin-usage-data');
    const group = usage.groupName ?? 'office-addin-usage-data';
    const exists =
      typeof usage.groupNameExists === 'function' ? usage.groupNameExists(group) : false;
    return Boolean(exists && usage.readUsageDataLevel?.(group) === 'on');
  } catch {
    return false; // not installed: office-addin-manifest cannot report either
  }
}

async function readWithOfficeAddinManifest(manifestPath) {
  if (usageDataIsOn()) {
    error(
      'office-addin-usage-data 的使用数据开关为“开”，为避免发送数据未加载 office-addin-manifest；请运行 npx office-addin-usage-data off',
      'office-addin-usage-data reports usage data as ON; office-addin-manifest was not loaded so nothing is sent. Run: npx office-addin-usage-data off',
    );
    return undefined;
  }
  try {
    const { OfficeAddinManifest } = require('office-addin-manifest');
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    ok(
      `office-addin-manifest 已解析：${info.displayName} ${info.version}（${info.officeAppType}，${info.defaultLocale}）`,
      `parsed by office-addin-manifest: ${info.displayName} ${info.version} (${info.officeAppType}, ${info.defaultLocale})`,
    );
    return info;
  } catch (e) {
    error(
      `office-addin-manifest 无法解析清单：${e.message}`,
      `office-addin-manifest cannot read the manifest: ${e.message}`,
    );
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Online validation

function reachable(host, timeoutMs) {
  return new Promise((resolve) => {
    const socket = tls.connect({ host, port: 443, servername: host, timeout: timeoutMs });
    const done = (v) => {
      socket.destroy();
      resolve(v);
    };
    socket.once('secureConnect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

async function onlineValidation(manifestPath, opts) {
  const ci = process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
  if (ci) return '已跳过（CI）/ skipped (CI)';
  if (opts.offline) return '已跳过（--offline）/ skipped (--offline)';
  if (usageDataIsOn()) return '已跳过（使用数据开关为开）/ skipped (usage data is on)';
  if (!(await reachable(VALIDATION_HOST, 2500))) {
    return `已跳过（无法连接 ${VALIDATION_HOST}）/ skipped (${VALIDATION_HOST} is not reachable)`;
  }
  const r = spawnSync('npx', ['--no-install', 'office-addin-manifest', 'validate', manifestPath], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 90_000,
    shell: process.platform === 'win32',
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (out) console.log(out.replace(/^/gm, '    | '));
  if (r.status === 0) return '通过 / passed';
  if (/manifest is not valid/i.test(out)) {
    error(
      'Microsoft 在线验证未通过（详见上方输出）',
      "Microsoft's online validation failed (see the output above)",
    );
    return '未通过 / failed';
  }
  warn(
    'Microsoft 在线验证未能完成（服务不可用？）',
    "Microsoft's online validation did not complete (service unavailable?)",
  );
  return '未完成 / did not complete';
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const manifestPath = opts.manifest;
  if (!fs.existsSync(manifestPath)) {
    console.error(`找不到清单文件 / manifest not found: ${manifestPath}`);
    process.exit(1);
  }

  let root;
  try {
    root = parseXml(fs.readFileSync(manifestPath, 'utf8'));
  } catch (e) {
    error(
      `清单不是有效的 XML：${e.zh ?? e.message}`,
      `the manifest is not well-formed XML: ${e.message}`,
    );
    process.exit(printReport(manifestPath, '已跳过 / skipped') ? 1 : 0);
  }

  const info = await readWithOfficeAddinManifest(manifestPath);

  if (root.local !== 'OfficeApp' || root.attrs['xsi:type'] !== 'TaskPaneApp') {
    error(
      '根元素应为 <OfficeApp xsi:type="TaskPaneApp">',
      'the root must be <OfficeApp xsi:type="TaskPaneApp">',
    );
  }
  const id = child(root, 'Id')?.text.trim() ?? '';
  if (GUID.test(id)) ok(`Id 是 GUID：${id}`, `Id is a GUID: ${id}`);
  else error(`Id 不是 GUID："${id}"`, `Id is not a GUID: "${id}"`);
  if (info?.id && info.id !== id)
    error('两次解析得到的 Id 不同', 'the two parses disagree on the Id');

  const version = child(root, 'Version')?.text.trim() ?? '';
  if (!/^\d+(\.\d+){0,3}$/.test(version))
    error(`Version 格式不对："${version}"`, `Version is malformed: "${version}"`);
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const want = `${pkg.version}.0`.split('.').slice(0, 4).join('.');
    if (path.dirname(manifestPath) === ROOT && version !== want) {
      warn(
        `Version ${version} 与 package.json 的 ${pkg.version} 不一致`,
        `Version ${version} does not match package.json ${pkg.version}`,
      );
    }
  } catch {
    // no package.json next to the script: nothing to compare
  }

  const hosts = children(child(root, 'Hosts'), 'Host').map((h) => h.attrs.Name);
  if (hosts.includes('Workbook')) ok('宿主：Excel（Workbook）', 'host: Excel (Workbook)');
  else error('<Hosts> 中没有 Workbook（Excel）', '<Hosts> does not list Workbook (Excel)');

  const permissions = child(root, 'Permissions')?.text.trim();
  if (!permissions) error('缺少 <Permissions>', '<Permissions> is missing');
  else ok(`权限：${permissions}`, `permissions: ${permissions}`);

  const sets = children(child(child(root, 'Requirements'), 'Sets'), 'Set');
  const excelApi = sets.find((s) => s.attrs.Name === 'ExcelApi');
  if (excelApi?.attrs.MinVersion) {
    ok(
      `要求集：ExcelApi ${excelApi.attrs.MinVersion}`,
      `requirement set: ExcelApi ${excelApi.attrs.MinVersion}`,
    );
  } else {
    error(
      '未声明 ExcelApi 要求集（<Requirements><Sets><Set Name="ExcelApi" MinVersion=…>）',
      'no ExcelApi requirement set is declared (<Requirements><Sets><Set Name="ExcelApi" MinVersion=…>)',
    );
  }

  const resources = collectResources(root);
  const residCount = checkResids(root, resources);
  checkStringLengths(resources);
  if (!findings.some((f) => f.level === 'error' && /resid/.test(f.en))) {
    ok(`${residCount} 个 resid 都能解析到资源`, `all ${residCount} resids resolve to a resource`);
  }

  const dist = opts.dist;
  const haveDist = fs.existsSync(dist) && fs.statSync(dist).isDirectory();
  const urls = collectUrls(root, resources);
  if (!haveDist) {
    error(
      `找不到构建输出 ${path.relative(process.cwd(), dist) || dist}/，请先运行 npm run build`,
      `the build output ${path.relative(process.cwd(), dist) || dist}/ is missing: run npm run build first`,
    );
  }
  const mapped = checkUrls(urls, dist, haveDist);
  if (haveDist) {
    ok(`${mapped} 个地址在 dist/ 中都有对应文件`, `${mapped} URL(s) map to files in dist/`);
    const info2 = readBuildInfo(dist);
    if (info2) {
      ok(
        `dist/ 构建信息：${info2.mode}，Office.js 来自 ${info2.officeJs}`,
        `dist/ build: ${info2.mode}, Office.js from ${info2.officeJs}`,
      );
    }
    checkDistManifest(manifestPath, dist, info2);
    const pageFiles = [
      ...new Set(
        urls
          .filter(
            (u) => u.url.startsWith(`${DEV_BASE_URL}/`) && /\.html?$/i.test(u.url.split(/[?#]/)[0]),
          )
          .map((u) => u.url.slice(DEV_BASE_URL.length + 1).split(/[?#]/)[0]),
      ),
    ];
    checkPages(dist, pageFiles);
    checkNoEval(dist);
  }

  const online = await onlineValidation(manifestPath, opts);
  process.exit(printReport(manifestPath, online) ? 1 : 0);
}

main().catch((e) => {
  console.error(`清单检查出错 / the manifest check failed: ${e?.stack ?? e}`);
  process.exit(1);
});

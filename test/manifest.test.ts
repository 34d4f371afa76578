/**
 * @jest-environment jsdom
 *
 * Tests of the real manifest.xml (parsed with jsdom's DOMParser and with the real
 * office-addin-manifest in a child Node process: jest maps the package to a stub), of the icons
 * it names, and of `npm run validate` (scripts/validate-manifest.mjs) on good and broken input.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PNG } from 'pngjs';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const BASE = 'https://localhost:3000/';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';

const xml = fs.readFileSync(MANIFEST, 'utf8');
const doc = new DOMParser().parseFromString(xml, 'application/xml');

const all = (local: string, ns = '*'): Element[] =>
  Array.from(doc.getElementsByTagNameNS(ns, local));
const first = (local: string): Element => {
  const el = all(local)[0];
  if (!el) throw new Error(`<${local}> missing from manifest.xml`);
  return el;
};
const childEls = (el: Element, local: string): Element[] =>
  Array.from(el.children).filter((c) => c.localName === local);

function resources(kindContainer: string): Map<string, Element> {
  const map = new Map<string, Element>();
  for (const container of all(kindContainer, BT)) {
    for (const item of Array.from(container.children)) {
      const id = item.getAttribute('id');
      if (id) map.set(id, item);
    }
  }
  return map;
}

function assetFor(url: string): string {
  expect(url.startsWith(BASE)).toBe(true);
  return path.join(ROOT, url.slice(BASE.length));
}

function pngSize(file: string): [number, number] {
  const png = PNG.sync.read(fs.readFileSync(file));
  return [png.width, png.height];
}

describe('manifest.xml', () => {
  test('is well-formed XML with an OfficeApp TaskPaneApp root', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.localName).toBe('OfficeApp');
    expect(root.getAttribute('xsi:type')).toBe('TaskPaneApp');
  });

  test('the real office-addin-manifest reads it: Excel, ReadWriteDocument, zh-CN, GUID id', () => {
    const script = `
      require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])
        .then((i) => process.stdout.write(JSON.stringify(i)))
        .catch((e) => { console.error(e.message); process.exit(1); });`;
    const out = execFileSync(process.execPath, ['-e', script, MANIFEST], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const info = JSON.parse(out);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultLocale).toBe('zh-CN');
    expect(info.displayName).toBe('部门整体绩效目标表');
    expect(info.defaultSettings.sourceLocation).toBe(`${BASE}taskpane.html`);
  });

  test('has an English override for the display name and description', () => {
    for (const local of ['DisplayName', 'Description']) {
      const el = doc.documentElement.querySelector(`:scope > ${local}`);
      expect(el).not.toBeNull();
      const override = childEls(el as Element, 'Override').find(
        (o) => o.getAttribute('Locale') === 'en-US',
      );
      expect(override?.getAttribute('Value')).toMatch(/[A-Za-z]{3}/);
    }
  });

  test('declares the ExcelApi 1.9 requirement set', () => {
    const sets = all('Set').filter((s) => s.getAttribute('Name') === 'ExcelApi');
    expect(sets).toHaveLength(1);
    expect(sets[0].getAttribute('MinVersion')).toBe('1.9');
  });

  test('every resid resolves to a resource of the right kind', () => {
    const images = resources('Images');
    const urls = resources('Urls');
    const shorts = resources('ShortStrings');
    const longs = resources('LongStrings');
    const withResid = Array.from(doc.querySelectorAll('[resid]'));
    expect(withResid.length).toBeGreaterThan(10);
    for (const el of withResid) {
      const id = el.getAttribute('resid') as string;
      const kind =
        el.localName === 'Image'
          ? images
          : ['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(el.localName)
            ? urls
            : el.localName === 'Description'
              ? longs
              : shorts;
      expect({ resid: id, element: el.localName, defined: kind.has(id) }).toEqual({
        resid: id,
        element: el.localName,
        defined: true,
      });
    }
  });

  test('strings fit Office limits (ShortString ≤ 125, LongString ≤ 250) in both languages', () => {
    for (const [container, max] of [
      ['ShortStrings', 125],
      ['LongStrings', 250],
    ] as const) {
      for (const el of resources(container).values()) {
        const values = [
          el.getAttribute('DefaultValue') ?? '',
          ...childEls(el, 'Override').map((o) => o.getAttribute('Value') ?? ''),
        ];
        expect(values.length).toBeGreaterThanOrEqual(2);
        for (const v of values) {
          expect(v.trim().length).toBeGreaterThan(0);
          expect([...v].length).toBeLessThanOrEqual(max);
        }
      }
    }
  });

  test('a Home-tab button 打开绩效目标表 / Open goal table opens taskpane.html', () => {
    const tab = all('OfficeTab').find((t) => t.getAttribute('id') === 'TabHome');
    expect(tab).toBeDefined();
    const shorts = resources('ShortStrings');
    const group = childEls(tab as Element, 'Group')[0];
    const groupLabel = childEls(group, 'Label')[0].getAttribute('resid') as string;
    expect(shorts.get(groupLabel)?.getAttribute('DefaultValue')).toBe('绩效目标表');
    const control = childEls(group, 'Control')[0];
    expect(control.getAttribute('xsi:type')).toBe('Button');
    const label = shorts.get(childEls(control, 'Label')[0].getAttribute('resid') as string);
    expect(label?.getAttribute('DefaultValue')).toBe('打开绩效目标表');
    expect(childEls(label as Element, 'Override')[0].getAttribute('Value')).toBe('Open goal table');
    const action = childEls(control, 'Action')[0];
    expect(action.getAttribute('xsi:type')).toBe('ShowTaskpane');
    const url = resources('Urls').get(
      childEls(action, 'SourceLocation')[0].getAttribute('resid') as string,
    );
    expect(url?.getAttribute('DefaultValue')).toBe(`${BASE}taskpane.html`);
    const fn = resources('Urls').get(first('FunctionFile').getAttribute('resid') as string);
    expect(fn?.getAttribute('DefaultValue')).toBe(`${BASE}commands.html`);
  });

  test('all URLs are https://localhost:3000 and there are no extra AppDomains', () => {
    const values = Array.from(doc.querySelectorAll('[DefaultValue], [Value]'))
      .map((el) => el.getAttribute('DefaultValue') ?? el.getAttribute('Value') ?? '')
      .filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(values.length).toBeGreaterThanOrEqual(8);
    for (const v of values) expect(v.startsWith(BASE)).toBe(true);
    expect(all('AppDomain')).toHaveLength(0);
  });

  test('icons exist in assets/ with the pixel size the manifest uses them at', () => {
    expect(pngSize(assetFor(first('IconUrl').getAttribute('DefaultValue') as string))).toEqual([
      32, 32,
    ]);
    expect(
      pngSize(assetFor(first('HighResolutionIconUrl').getAttribute('DefaultValue') as string)),
    ).toEqual([64, 64]);
    const images = resources('Images');
    const uses = all('Image', BT).filter((el) => el.hasAttribute('size'));
    expect(new Set(uses.map((u) => u.getAttribute('size')))).toEqual(new Set(['16', '32', '80']));
    for (const use of uses) {
      const size = Number(use.getAttribute('size'));
      const res = images.get(use.getAttribute('resid') as string) as Element;
      expect(pngSize(assetFor(res.getAttribute('DefaultValue') as string))).toEqual([size, size]);
    }
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`))).toEqual([size, size]);
    }
  });

  test('icons are the product design: teal tile with a transparent outside and a white table', () => {
    const png = PNG.sync.read(fs.readFileSync(path.join(ROOT, 'assets', 'icon-64.png')));
    const at = (x: number, y: number) =>
      Array.from(png.data.subarray((y * 64 + x) * 4, (y * 64 + x) * 4 + 4));
    expect(at(0, 0)[3]).toBeLessThan(40); // rounded corner: transparent
    const [r, g, b, a] = at(4, 32); // left margin of the tile: deep teal
    expect(a).toBe(255);
    expect(g).toBeGreaterThan(r + 40);
    expect(g).toBeGreaterThan(b);
    expect(at(20, 16).slice(0, 3)).toEqual([255, 255, 255]); // header bar of the table
    const badge = at(47, 41); // amber check badge, above the check mark
    expect(badge[0]).toBeGreaterThan(200);
    expect(badge[2]).toBeLessThan(100);
  });
});

describe('npm run validate (scripts/validate-manifest.mjs)', () => {
  let work: string;

  /** A dist/ as the build makes it, minus the bundles' content. */
  function fakeDist(dir: string, manifestXml = xml): void {
    fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
    for (const f of fs.readdirSync(path.join(ROOT, 'assets'))) {
      fs.copyFileSync(path.join(ROOT, 'assets', f), path.join(dir, 'assets', f));
    }
    fs.writeFileSync(path.join(dir, 'manifest.xml'), manifestXml);
    const csp =
      "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'";
    for (const page of ['taskpane', 'commands']) {
      fs.writeFileSync(
        path.join(dir, `${page}.html`),
        `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${csp}">` +
          `<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>` +
          `<script defer src="${page}.js"></script></head><body></body></html>`,
      );
      fs.writeFileSync(path.join(dir, `${page}.js`), 'console.log(1);\n');
    }
  }

  function validate(manifestXml: string, dist?: string) {
    const file = path.join(work, `m-${Math.random().toString(36).slice(2)}.xml`);
    fs.writeFileSync(file, manifestXml);
    const distDir = dist ?? path.join(work, 'dist');
    const r = spawnSync(
      process.execPath,
      ['scripts/validate-manifest.mjs', '--manifest', file, '--dist', distDir, '--offline'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } },
    );
    return { code: r.status, out: `${r.stdout}${r.stderr}` };
  }

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'pgt-validate-'));
    fakeDist(path.join(work, 'dist'));
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test('passes the real manifest against a complete dist/', () => {
    const { code, out } = validate(xml);
    expect(out).toContain('结果：通过');
    expect(out).toContain('Result: passed');
    expect(out).toContain('ExcelApi 1.9');
    expect(out).toMatch(/skipped \(CI\)/);
    expect(code).toBe(0);
  });

  test('reports an undefined resid with its line, in Chinese and English', () => {
    const broken = xml.replace('<Label resid="Group.Label" />', '<Label resid="Group.Lable" />');
    const { code, out } = validate(broken);
    expect(code).toBe(1);
    expect(out).toMatch(/resid "Group.Lable" 没有对应的资源/);
    expect(out).toMatch(/resid "Group.Lable" of <Label> on line \d+ is not defined/);
    expect(out).toContain('resource "Group.Label" is never used');
  });

  test('reports an icon of the wrong pixel size and a URL with no built file', () => {
    const broken = xml
      .replace('assets/icon-16.png"', 'assets/icon-32.png"')
      .replace(`${BASE}commands.html`, `${BASE}command.html`);
    const { code, out } = validate(broken);
    expect(code).toBe(1);
    expect(out).toContain('is 32×32 pixels, must be 16×16');
    expect(out).toContain(`${BASE}command.html has no file in dist/`);
  });

  test('reports a non-GUID Id, a missing requirement set and an http URL', () => {
    const broken = xml
      .replace(/<Id>[^<]*<\/Id>/, '<Id>my-addin</Id>')
      .replace(/<Requirements>[\s\S]*?<\/Requirements>/, '')
      .replace(
        `${BASE}taskpane.html" />\n  </DefaultSettings>`,
        'http://localhost:3000/taskpane.html" />\n  </DefaultSettings>',
      );
    const { code, out } = validate(broken);
    expect(code).toBe(1);
    expect(out).toContain('Id is not a GUID: "my-addin"');
    expect(out).toContain('no ExcelApi requirement set is declared');
    expect(out).toContain('the URL must start with https://');
  });

  test('reports malformed XML with its line number', () => {
    const broken = xml.replace('</Hosts>\n  <Requirements>', '</Host>\n  <Requirements>');
    const { code, out } = validate(broken);
    expect(code).toBe(1);
    expect(out).toMatch(/line \d+: <\/Host> does not close <Hosts>/);
  });

  test('tells the user to build first when dist/ is missing', () => {
    const { code, out } = validate(xml, path.join(work, 'no-such-dist'));
    expect(code).toBe(1);
    expect(out).toContain('请先运行 npm run build');
    expect(out).toContain('run npm run build first');
  });

  test('flags a page whose CSP allows eval or does not allow its Office.js origin', () => {
    const dist = path.join(work, 'dist-bad-csp');
    fakeDist(dist);
    fs.writeFileSync(
      path.join(dist, 'taskpane.html'),
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-eval'">` +
        `<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>` +
        `<script defer src="taskpane.js"></script>`,
    );
    const { code, out } = validate(xml, dist);
    expect(code).toBe(1);
    expect(out).toContain("taskpane.html's CSP allows unsafe-eval");
    expect(out).toContain('its CSP script-src does not allow https://appsforoffice.microsoft.com');
  });
});

/**
 * The product's source (src/, tests excluded): nothing turns text into HTML or code, nothing talks
 * to the network, and neither the add-in nor the CLI can reach the fake Excel or HyperFormula
 * through its imports. (That cell text shows as text in the pane, never as HTML, is tested with
 * the real React pane in src/taskpane/App.test.tsx, "cell text is shown as text, never as HTML".)
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir = SRC): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|js|mjs)$/.test(e) && !/\.test\.tsx?$/.test(e)) out.push(p);
  }
  return out;
}

const rel = (p: string) => relative(ROOT, p);
const files = sourceFiles();

/** Lines matching a pattern, as 'file:line: text'. */
function grep(pattern: RegExp, only = files): string[] {
  const hits: string[] = [];
  for (const f of only)
    readFileSync(f, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (pattern.test(line)) hits.push(`${rel(f)}:${i + 1}: ${line.trim()}`);
      });
  return hits;
}

describe('src/ turns no text into HTML or code', () => {
  it('has no dangerouslySetInnerHTML, innerHTML/outerHTML assignment or similar', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(
      grep(
        /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*\+?=|insertAdjacentHTML|document\.write|createContextualFragment|\bsrcdoc\b|DOMParser/,
      ),
    ).toEqual([]);
  });

  it('has no eval, new Function or string timers', () => {
    expect(grep(/\beval\s*\(|\bnew\s+Function\s*\(|\bset(Timeout|Interval)\(\s*["'`]/)).toEqual([]);
  });

  it('makes no network requests (no telemetry, nothing leaves the machine)', () => {
    expect(
      grep(
        /\bfetch\s*\(|XMLHttpRequest|sendBeacon|new\s+(WebSocket|EventSource)\b|from ['"](node:)?(https?|http2|net|tls|dgram)['"]|require\(['"](node:)?(https?|net|tls)['"]\)/,
      ),
    ).toEqual([]);
  });
});

/** Resolves a relative import of a source file to a file of src/, if it is one. */
function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const c of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ])
    if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

/** Every src/ file and package an entry point reaches through static and dynamic imports. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const todo = [join(SRC, entry)];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const code = readFileSync(f, 'utf8');
    const specs = [
      ...code.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g),
      ...code.matchAll(/(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
      ...code.matchAll(/^import\s+['"]([^'"]+)['"]/gm),
    ].map((m) => m[1]);
    for (const s of specs) {
      if (s.startsWith('.')) {
        const r = resolveImport(f, s);
        if (r) todo.push(r);
      } else packages.add(s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]);
    }
  }
  return { files: seen, packages };
}

describe('what the add-in and the CLI can reach', () => {
  it.each(['taskpane/index.tsx', 'commands/commands.ts', 'cli/main.ts'])(
    '%s never imports the fake Excel or HyperFormula',
    (entry) => {
      const r = reach(entry);
      expect(r.files.size).toBeGreaterThan(entry.startsWith('commands') ? 0 : 10);
      expect([...r.files].map(rel).filter((f) => f.includes('fake-excel'))).toEqual([]);
      expect(r.packages.has('hyperformula')).toBe(false);
    },
  );

  it('the playground does (so the check above would see it)', () => {
    const r = reach('playground/index.tsx');
    expect([...r.files].some((f) => rel(f).includes('fake-excel'))).toBe(true);
  });
});

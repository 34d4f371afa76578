/**
 * Formula support for reading workbooks that carry no cached results (ExcelJS and other
 * generators write formulas without values): a small evaluator of Excel's formula language for
 * what this form uses — references and ranges (also on other sheets and through defined names),
 * arithmetic, `&`, comparisons and SUM, IF, N, ROUND, AND, OR, NOT, ISTEXT, ISNUMBER, ISBLANK,
 * ISERROR, IFERROR, ABS, MIN, MAX, AVERAGE, COUNT, COUNTA, VALUE, CONCATENATE, ROUNDUP, ROUNDDOWN
 * — with Excel's coercions (text in a SUM range is skipped, N(text) is 0, "x"&1 is "x1").
 * Anything else throws `UnsupportedFormula`; the reader then leaves the value empty and says so.
 *
 * Also: moving a shared formula from its master cell to another cell (`translateFormula`).
 */
import { colLetter, colNumber } from '../core/form/a1';

export type Scalar = number | string | boolean | null | { error: string };
interface RangeValue {
  range: Scalar[];
  /** A single-cell reference (dereferenced to its value where a scalar is needed). */
  single: boolean;
}
type Value = Scalar | RangeValue;

export class UnsupportedFormula extends Error {}

export interface EvalContext {
  /** The value of a cell (formula cells evaluated as needed); sheet null = the formula's sheet. */
  cell(sheet: string | null, row: number, col: number): Scalar;
  /** A defined name visible from the formula's sheet → reference text, or undefined. */
  name(name: string): string | undefined;
}

const isErr = (v: unknown): v is { error: string } =>
  typeof v === 'object' && v !== null && 'error' in v;
const isRange = (v: Value): v is RangeValue => typeof v === 'object' && v !== null && 'range' in v;
const err = (code: string) => ({ error: code });

// ---------------------------------------------------------------- shared formulas

const REF_RE = /(^|[^A-Za-z0-9_.$"])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/g;

/** Moves a formula written for one cell by (dRow, dCol): relative references shift, $ parts stay. */
export function translateFormula(formula: string, dRow: number, dCol: number): string {
  if (!dRow && !dCol) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(
            REF_RE,
            (_m, pre: string, cAbs: string, c: string, rAbs: string, r: string) => {
              const col = cAbs ? colNumber(c) : colNumber(c) + dCol;
              const row = rAbs ? Number(r) : Number(r) + dRow;
              if (col < 1 || row < 1) return `${pre}#REF!`;
              return `${pre}${cAbs}${colLetter(col)}${rAbs}${row}`;
            },
          ),
    )
    .join('');
}

// ---------------------------------------------------------------- tokens

type Tok =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'err'; v: string }
  | { t: 'ref'; sheet: string | null; a: string; b?: string }
  | { t: 'fn'; v: string }
  | { t: 'name'; v: string }
  | { t: 'op'; v: string };

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const SHEET = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*))!`;
const TOKEN_RE = new RegExp(
  [
    String.raw`(\s+)`,
    String.raw`(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)`,
    String.raw`("(?:[^"]|"")*")`,
    String.raw`(#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A))`,
    String.raw`(?:${SHEET})?(${CELL})(?::(${CELL}))?(?![\w(])`,
    String.raw`([A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*)(\s*\()?`,
    String.raw`(<>|<=|>=|[-+*/^&=<>%(),:])`,
  ].join('|'),
  'y',
);

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  TOKEN_RE.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    TOKEN_RE.lastIndex = pos;
    const m = TOKEN_RE.exec(src);
    if (!m) throw new UnsupportedFormula(`cannot read formula at "${src.slice(pos, pos + 10)}"`);
    pos = TOKEN_RE.lastIndex;
    if (m[1]) continue;
    if (m[2]) out.push({ t: 'num', v: Number(m[2]) });
    else if (m[3]) out.push({ t: 'str', v: m[3].slice(1, -1).replace(/""/g, '"') });
    else if (m[4]) out.push({ t: 'err', v: m[4] });
    else if (m[7]) {
      const sheet = m[5] !== undefined ? m[5].replace(/''/g, "'") : (m[6] ?? null);
      out.push({ t: 'ref', sheet, a: m[7], b: m[8] });
    } else if (m[9]) {
      const word = m[9];
      if (m[10]) out.push({ t: 'fn', v: word.toUpperCase().replace(/^_XLFN\./, '') });
      else if (/^(TRUE|FALSE)$/i.test(word))
        out.push({ t: 'bool', v: word.toUpperCase() === 'TRUE' });
      else out.push({ t: 'name', v: word });
    } else out.push({ t: 'op', v: m[11] });
  }
  return out;
}

// ---------------------------------------------------------------- parser → closures

type Node = (ctx: EvalContext) => Value;

/**
 * How deeply brackets, function calls and signs may nest (Excel allows 64 levels of functions).
 * A hostile formula nested thousands of levels deep is refused instead of exhausting the stack.
 */
const MAX_NESTING = 100;

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): Node {
    const n = this.comparison();
    if (this.i < this.toks.length) throw new UnsupportedFormula('unexpected token');
    return n;
  }

  private peekOp(...ops: string[]): string | null {
    const t = this.toks[this.i];
    return t && t.t === 'op' && ops.includes(t.v) ? t.v : null;
  }

  /**
   * A left-associative chain `a op b op c …` as one node that folds in a loop: a formula with
   * thousands of terms (`A1+A2+…`) costs no stack depth.
   */
  private binary(
    next: () => Node,
    ops: string[],
    apply: (op: string, a: Scalar, b: Scalar) => Scalar,
  ) {
    const first = next();
    const rest: { op: string; node: Node }[] = [];
    let op: string | null;
    while ((op = this.peekOp(...ops))) {
      this.i++;
      rest.push({ op, node: next() });
    }
    if (!rest.length) return first;
    return (ctx: EvalContext): Value => {
      let acc = scalar(first(ctx));
      for (const { op: o, node } of rest) {
        // Both sides are evaluated, as before; the first error wins.
        const b = scalar(node(ctx));
        if (isErr(acc)) continue;
        acc = isErr(b) ? b : apply(o, acc, b);
      }
      return acc;
    };
  }

  private comparison(): Node {
    return this.binary(() => this.concat(), ['=', '<>', '<', '>', '<=', '>='], compare);
  }

  private concat(): Node {
    return this.binary(
      () => this.additive(),
      ['&'],
      (_o, a, b) => text(a) + text(b),
    );
  }

  private additive(): Node {
    return this.binary(() => this.multiplicative(), ['+', '-'], arith);
  }

  private multiplicative(): Node {
    return this.binary(() => this.power(), ['*', '/'], arith);
  }

  private power(): Node {
    return this.binary(() => this.percent(), ['^'], arith);
  }

  private percent(): Node {
    let n = this.unary();
    while (this.peekOp('%')) {
      this.i++;
      const inner = n;
      n = (ctx) => {
        const v = num(scalar(inner(ctx)));
        return isErr(v) ? v : v / 100;
      };
    }
    return n;
  }

  /** Every nested part (brackets, function arguments, signs) passes here: depth is bounded. */
  private unary(): Node {
    if (++this.depth > MAX_NESTING)
      throw new UnsupportedFormula(`nested more than ${MAX_NESTING} levels deep`);
    try {
      const op = this.peekOp('-', '+');
      if (op) {
        this.i++;
        const inner = this.unary();
        return (ctx) => {
          const v = num(scalar(inner(ctx)));
          return isErr(v) ? v : op === '-' ? -v : v;
        };
      }
      return this.primary();
    } finally {
      this.depth--;
    }
  }

  private primary(): Node {
    const t = this.toks[this.i++];
    if (!t) throw new UnsupportedFormula('formula ends early');
    switch (t.t) {
      case 'num':
      case 'str':
      case 'bool': {
        const v = t.v;
        return () => v;
      }
      case 'err': {
        const v = t.v;
        return () => err(v);
      }
      case 'ref':
        return refNode(t.sheet, t.a, t.b);
      case 'name': {
        const name = t.v;
        return (ctx) => {
          const ref = ctx.name(name);
          if (!ref) return err('#NAME?');
          if (ref.includes('#REF!')) return err('#REF!');
          const toks = tokenize(ref.replace(/^=/, ''));
          if (toks.length !== 1 || toks[0].t !== 'ref')
            throw new UnsupportedFormula(`name ${name} is not a plain reference`);
          return refNode(toks[0].sheet, toks[0].a, toks[0].b)(ctx);
        };
      }
      case 'fn':
        return this.call(t.v);
      case 'op':
        if (t.v === '(') {
          const inner = this.comparison();
          if (!this.peekOp(')')) throw new UnsupportedFormula('missing )');
          this.i++;
          return inner;
        }
    }
    throw new UnsupportedFormula('unexpected token');
  }

  private call(name: string): Node {
    const args: Node[] = [];
    if (this.peekOp(')')) this.i++;
    else
      for (;;) {
        if (this.peekOp(',', ')')) args.push(() => null);
        else args.push(this.comparison());
        const sep = this.peekOp(',', ')');
        if (!sep) throw new UnsupportedFormula('bad argument list');
        this.i++;
        if (sep === ')') break;
      }
    const fn = FUNCTIONS[name];
    if (!fn) throw new UnsupportedFormula(`function ${name} is not supported`);
    return (ctx) => fn(args.map((a) => a(ctx)));
  }
}

function refNode(sheet: string | null, a: string, b?: string): Node {
  const p = parseCell(a);
  const q = b ? parseCell(b) : p;
  const top = Math.min(p.row, q.row);
  const bottom = Math.max(p.row, q.row);
  const left = Math.min(p.col, q.col);
  const right = Math.max(p.col, q.col);
  if ((bottom - top + 1) * (right - left + 1) > 100_000)
    throw new UnsupportedFormula('range too large to evaluate');
  return (ctx) => {
    const range: Scalar[] = [];
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) range.push(ctx.cell(sheet, r, c));
    return { range, single: !b };
  };
}

function parseCell(a: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a)!;
  return { col: colNumber(m[1]), row: Number(m[2]) };
}

// ---------------------------------------------------------------- coercions

function scalar(v: Value): Scalar {
  if (!isRange(v)) return v;
  if (v.range.length === 1) return v.range[0];
  return err('#VALUE!');
}

function num(v: Scalar): number | { error: string } {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = v.replace(/^ +| +$/g, '');
  if (s === '') return err('#VALUE!');
  const pct = s.endsWith('%');
  const body = (pct ? s.slice(0, -1) : s).replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return err('#VALUE!');
  return pct ? Number(body) / 100 : Number(body);
}

/** A number as Excel's General format shows it (15 significant digits). */
export function generalText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(15)));
}

function text(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'number') return generalText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isErr(v)) return v.error;
  return v;
}

function bool(v: Scalar): boolean | { error: string } {
  if (isErr(v)) return v;
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  return err('#VALUE!');
}

function arith(op: string, a: Scalar, b: Scalar): Scalar {
  const x = num(a);
  const y = num(b);
  if (isErr(x)) return x;
  if (isErr(y)) return y;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? err('#DIV/0!') : x / y;
    default: {
      const r = Math.pow(x, y);
      return Number.isFinite(r) ? r : err('#NUM!');
    }
  }
}

function compare(op: string, a: Scalar, b: Scalar): Scalar {
  // Excel: an empty cell compares as 0 with a number, as "" with text, as FALSE with a boolean.
  const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  let x: Scalar = a;
  let y: Scalar = b;
  if (x === null) x = typeof y === 'string' ? '' : typeof y === 'boolean' ? false : 0;
  if (y === null) y = typeof x === 'string' ? '' : typeof x === 'boolean' ? false : 0;
  let c: number;
  if (rank(x) !== rank(y)) c = rank(x) - rank(y);
  else if (typeof x === 'string') {
    const s = x.toLowerCase();
    const t = String(y).toLowerCase();
    c = s < t ? -1 : s > t ? 1 : 0;
  } else c = Number(x) - Number(y);
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
}

function roundTo(x: number, digits: number, mode: 'half' | 'up' | 'down'): number {
  const f = Math.pow(10, Math.trunc(digits));
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  const r =
    mode === 'half' ? Math.round(scaled) : mode === 'up' ? Math.ceil(scaled) : Math.floor(scaled);
  return (Math.sign(x) * r) / f;
}

/** The numbers of arguments as SUM sees them: in references only numbers count. */
function numbers(args: Value[]): number[] | { error: string } {
  const out: number[] = [];
  for (const a of args) {
    if (isRange(a)) {
      for (const v of a.range) {
        if (isErr(v)) return v;
        if (typeof v === 'number') out.push(v);
      }
    } else {
      const n = num(a);
      if (isErr(n)) return n;
      out.push(n);
    }
  }
  return out;
}

function logical(args: Value[]): boolean[] | { error: string } {
  const out: boolean[] = [];
  for (const a of args) {
    const vals = isRange(a) ? a.range.filter((v) => v !== null && typeof v !== 'string') : [a];
    for (const v of vals) {
      const b = bool(v);
      if (isErr(b)) return b;
      out.push(b);
    }
  }
  return out;
}

const first = (v: Value | undefined): Scalar =>
  v === undefined ? null : isRange(v) ? (v.range[0] ?? null) : v;

function rounding(mode: 'half' | 'up' | 'down') {
  return (a: Value[]): Scalar => {
    const x = num(scalar(a[0] ?? null));
    const d = num(scalar(a[1] ?? 0));
    if (isErr(x)) return x;
    if (isErr(d)) return d;
    return roundTo(x, d, mode);
  };
}

const FUNCTIONS: Record<string, (args: Value[]) => Scalar> = {
  SUM: (a) => {
    const n = numbers(a);
    return isErr(n) ? n : n.reduce((s, x) => s + x, 0);
  },
  MIN: (a) => {
    const n = numbers(a);
    return isErr(n) ? n : n.length ? Math.min(...n) : 0;
  },
  MAX: (a) => {
    const n = numbers(a);
    return isErr(n) ? n : n.length ? Math.max(...n) : 0;
  },
  AVERAGE: (a) => {
    const n = numbers(a);
    if (isErr(n)) return n;
    return n.length ? n.reduce((s, x) => s + x, 0) / n.length : err('#DIV/0!');
  },
  COUNT: (a) =>
    a.reduce<number>(
      (s, v) =>
        s +
        (isRange(v)
          ? v.range.filter((x) => typeof x === 'number').length
          : typeof v === 'number'
            ? 1
            : 0),
      0,
    ),
  COUNTA: (a) =>
    a.reduce<number>(
      (s, v) =>
        s +
        (isRange(v) ? v.range.filter((x) => x !== null && x !== '').length : v === null ? 0 : 1),
      0,
    ),
  ROUND: rounding('half'),
  ROUNDUP: rounding('up'),
  ROUNDDOWN: rounding('down'),
  ABS: (a) => {
    const x = num(scalar(a[0] ?? null));
    return isErr(x) ? x : Math.abs(x);
  },
  N: (a) => {
    const v = first(a[0]);
    if (isErr(v)) return v;
    return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : 0;
  },
  VALUE: (a) => {
    const v = scalar(a[0] ?? null);
    return num(typeof v === 'number' ? v : text(v));
  },
  IF: (a) => {
    const c = bool(scalar(a[0] ?? null));
    if (isErr(c)) return c;
    const v = c ? a[1] : a.length > 2 ? a[2] : false;
    const s = scalar(v ?? null);
    return s === null ? 0 : s;
  },
  IFERROR: (a) => {
    const v = scalar(a[0] ?? null);
    return isErr(v) ? scalar(a[1] ?? null) : v;
  },
  AND: (a) => {
    const b = logical(a);
    return isErr(b) ? b : b.length ? b.every(Boolean) : err('#VALUE!');
  },
  OR: (a) => {
    const b = logical(a);
    return isErr(b) ? b : b.length ? b.some(Boolean) : err('#VALUE!');
  },
  NOT: (a) => {
    const b = bool(scalar(a[0] ?? null));
    return isErr(b) ? b : !b;
  },
  ISTEXT: (a) => typeof first(a[0]) === 'string',
  ISNUMBER: (a) => typeof first(a[0]) === 'number',
  ISBLANK: (a) => first(a[0]) === null,
  ISERROR: (a) => isErr(first(a[0])),
  CONCATENATE: (a) => {
    let s = '';
    for (const v of a) {
      const x = scalar(v);
      if (isErr(x)) return x;
      s += text(x);
    }
    return s;
  },
};

const compiled = new Map<string, Node>();

/**
 * Evaluates a formula ('=SUM(E7:E9)' or without '=') in a context. Errors come back as
 * `{ error: '#DIV/0!' }`; a formula the evaluator cannot read throws UnsupportedFormula.
 */
export function evaluateFormula(formula: string, ctx: EvalContext): Scalar {
  const src = formula.replace(/^=/, '');
  let node = compiled.get(src);
  if (!node) {
    node = new Parser(tokenize(src)).parse();
    if (compiled.size > 5000) compiled.clear();
    compiled.set(src, node);
  }
  const v = scalar(node(ctx));
  return v === null ? 0 : v;
}

export { isErr as isFormulaError };

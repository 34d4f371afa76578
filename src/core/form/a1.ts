/** A1-address arithmetic. Pure helpers shared by the layout, the adapters and the checker. */

export function colLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function addr(row: number, col: number): string {
  return `${colLetter(col)}${row}`;
}

export function absAddr(row: number, col: number): string {
  return `$${colLetter(col)}$${row}`;
}

export interface CellRef {
  row: number;
  col: number;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Parses 'E7' or '$E$7'; null when it is not a single cell address. */
export function parseAddr(a: string): CellRef | null {
  const m = CELL_RE.exec(a.trim());
  if (!m) return null;
  return { col: colNumber(m[1]), row: Number(m[2]) };
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Parses 'B19:I40', '$B$19:$I$40', 'E7' or 'Sheet!A1:B2' (the sheet part is dropped). */
export function parseRange(a: string): RangeRef | null {
  const bang = a.lastIndexOf('!');
  const body = bang >= 0 ? a.slice(bang + 1) : a;
  const [p, q] = body.split(':');
  const s = parseAddr(p);
  if (!s) return null;
  const e = q === undefined ? s : parseAddr(q);
  if (!e) return null;
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}

export function rangeAddr(r: RangeRef, absolute = false): string {
  const f = absolute ? absAddr : addr;
  const a = f(r.top, r.left);
  const b = f(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** Strips '$' and a sheet prefix: "'表 1'!$E$7" → 'E7'. */
export function plainAddr(a: string): string {
  const bang = a.lastIndexOf('!');
  return (bang >= 0 ? a.slice(bang + 1) : a).replace(/\$/g, '');
}

/** Quotes a sheet name for a formula or reference when it needs it. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

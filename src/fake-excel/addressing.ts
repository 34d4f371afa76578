/**
 * A1-style addressing as Excel does it: parsing "Sheet1!A1:B2", "'My Sheet'!3:5", "A:C",
 * formatting addresses back (sheet names quoted when Excel quotes them), and the
 * rectangle arithmetic used by row insertion and deletion.
 *
 * Everything here is 0-based internally (row 0 is Excel row 1, column 0 is column A).
 * Pure functions, no DOM or Node APIs.
 */

/** Excel's grid size (Excel 2007 and later). */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

/** What an address string said: an optional sheet name and a rectangle. */
export interface ParsedAddress {
  sheetName?: string;
  rect: Rect;
  /** 'cells' for A1:B2, 'rows' for 3:5, 'columns' for A:C. */
  kind: 'cells' | 'rows' | 'columns';
}

/** Thrown by the parsers; the proxies turn it into an InvalidArgument RichApi error. */
export class AddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AddressError';
  }
}

/** 0 → 'A', 25 → 'Z', 26 → 'AA'. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** 'A' → 0, 'aa' → 26. Returns -1 for anything that is not 1–3 letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL_RE = /^\$?([A-Za-z]{1,3})$/;
const ROW_RE = /^\$?(\d{1,7})$/;

function parseCellPart(text: string): { row: number; col: number } | null {
  const m = CELL_RE.exec(text);
  if (!m) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col < 0 || col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return null;
  return { row, col };
}

/** Splits "Sheet1!A1" / "'It''s'!A1" into sheet name and the rest. */
export function splitSheetPrefix(address: string): { sheetName?: string; rest: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < text.length) {
      const ch = text[i];
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    if (text[i] !== "'" || text[i + 1] !== '!') {
      throw new AddressError(`Unterminated quoted sheet name in "${address}"`);
    }
    return { sheetName: name, rest: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf('!');
  if (bang >= 0) return { sheetName: text.slice(0, bang), rest: text.slice(bang + 1) };
  return { rest: text };
}

/**
 * Parses one area: "A1", "A1:B2", "$A$1", "B2:A1" (normalised), "A:C", "3:5", each optionally
 * prefixed by a sheet name. Multi-area addresses ("A1,B2") are rejected.
 */
export function parseAddress(address: string): ParsedAddress {
  if (typeof address !== 'string' || address.trim() === '') {
    throw new AddressError('Empty address');
  }
  const { sheetName, rest } = splitSheetPrefix(address);
  if (sheetName !== undefined && sheetName === '') throw new AddressError('Empty sheet name');
  if (rest.includes(',')) throw new AddressError(`Multi-area address "${address}"`);
  const parts = rest.split(':');
  if (parts.length > 2) throw new AddressError(`Bad range "${address}"`);
  const [a, b = a] = parts.map((p) => p.trim());
  const ca = parseCellPart(a);
  const cb = parseCellPart(b);
  if (ca && cb) {
    const row = Math.min(ca.row, cb.row);
    const col = Math.min(ca.col, cb.col);
    return {
      sheetName,
      kind: 'cells',
      rect: {
        row,
        col,
        rowCount: Math.max(ca.row, cb.row) - row + 1,
        colCount: Math.max(ca.col, cb.col) - col + 1,
      },
    };
  }
  if (parts.length === 2) {
    const ra = ROW_RE.exec(a);
    const rb = ROW_RE.exec(b);
    if (ra && rb) {
      const r1 = Number(ra[1]) - 1;
      const r2 = Number(rb[1]) - 1;
      if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS) {
        throw new AddressError(`Row out of range in "${address}"`);
      }
      const row = Math.min(r1, r2);
      return {
        sheetName,
        kind: 'rows',
        rect: { row, col: 0, rowCount: Math.max(r1, r2) - row + 1, colCount: MAX_COLS },
      };
    }
    const xa = COL_RE.exec(a);
    const xb = COL_RE.exec(b);
    if (xa && xb) {
      const c1 = columnIndex(xa[1]);
      const c2 = columnIndex(xb[1]);
      if (c1 >= MAX_COLS || c2 >= MAX_COLS) {
        throw new AddressError(`Column out of range in "${address}"`);
      }
      const col = Math.min(c1, c2);
      return {
        sheetName,
        kind: 'columns',
        rect: { row: 0, col, rowCount: MAX_ROWS, colCount: Math.max(c1, c2) - col + 1 },
      };
    }
  }
  throw new AddressError(`Invalid address "${address}"`);
}

/** True when the rectangle spans every column (whole rows). */
export function isEntireRows(rect: Rect): boolean {
  return rect.col === 0 && rect.colCount === MAX_COLS;
}

/** True when the rectangle spans every row (whole columns). */
export function isEntireColumns(rect: Rect): boolean {
  return rect.row === 0 && rect.rowCount === MAX_ROWS;
}

/** "A1", "A1:B2", "3:5", "A:C" – no sheet name, optionally absolute ($A$1). */
export function formatRect(rect: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  if (isEntireRows(rect) && !isEntireColumns(rect)) {
    return `${d}${rect.row + 1}:${d}${rect.row + rect.rowCount}`;
  }
  if (isEntireColumns(rect) && !isEntireRows(rect)) {
    return `${d}${columnName(rect.col)}:${d}${columnName(rect.col + rect.colCount - 1)}`;
  }
  if (isEntireColumns(rect) && isEntireRows(rect)) {
    return `${d}1:${d}${MAX_ROWS}`;
  }
  const first = `${d}${columnName(rect.col)}${d}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.colCount === 1) return first;
  const last = `${d}${columnName(rect.col + rect.colCount - 1)}${d}${rect.row + rect.rowCount}`;
  return `${first}:${last}`;
}

/**
 * Whether Excel writes the sheet name in quotes inside addresses and formulas: names with
 * spaces or punctuation, names starting with a digit, and names that read as a cell reference
 * (A1, R1C1) are quoted; plain names – including CJK names such as 部门整体绩效目标表 – are not.
 */
export function sheetNameNeedsQuotes(name: string): boolean {
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) return true;
  if (CELL_RE.test(name)) return true;
  if (/^[Rr](\d*)([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name)) return true;
  return false;
}

/** The sheet name as it appears before '!': quoted (with '' escapes) when needed. */
export function quoteSheetName(name: string): string {
  return sheetNameNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** "Sheet1!A1:B2" as Range.address returns it. */
export function formatAddress(sheetName: string, rect: Rect, absolute = false): string {
  return `${quoteSheetName(sheetName)}!${formatRect(rect, absolute)}`;
}

/** Checks a worksheet name against Excel's rules; returns an English reason or null. */
export function invalidSheetNameReason(name: unknown): string | null {
  if (typeof name !== 'string' || name.trim() === '') return 'Sheet name is empty';
  if (name.length > 31) return 'Sheet name is longer than 31 characters';
  if (/[:\\/?*[\]]/.test(name)) return 'Sheet name contains one of : \\ / ? * [ ]';
  if (name.startsWith("'") || name.endsWith("'")) {
    return 'Sheet name starts or ends with an apostrophe';
  }
  if (name.toLowerCase() === 'history') return '"History" is reserved';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Rectangle arithmetic

export function rectContains(outer: Rect, row: number, col: number): boolean {
  return (
    row >= outer.row &&
    row < outer.row + outer.rowCount &&
    col >= outer.col &&
    col < outer.col + outer.colCount
  );
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.col < b.col + b.colCount &&
    b.col < a.col + a.colCount
  );
}

export function intersectRects(a: Rect, b: Rect): Rect | null {
  if (!rectsIntersect(a, b)) return null;
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  return {
    row,
    col,
    rowCount: Math.min(a.row + a.rowCount, b.row + b.rowCount) - row,
    colCount: Math.min(a.col + a.colCount, b.col + b.colCount) - col,
  };
}

/** True when `inner` lies entirely inside `outer`. */
export function rectCovers(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.col + inner.colCount <= outer.col + outer.colCount
  );
}

export function boundingRect(a: Rect, b: Rect): Rect {
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return {
    row,
    col,
    rowCount: Math.max(a.row + a.rowCount, b.row + b.rowCount) - row,
    colCount: Math.max(a.col + a.colCount, b.col + b.colCount) - col,
  };
}

export function rectEquals(a: Rect, b: Rect): boolean {
  return (
    a.row === b.row && a.col === b.col && a.rowCount === b.rowCount && a.colCount === b.colCount
  );
}

/** `a` minus `b`, as up to four rectangles. */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const cut = intersectRects(a, b);
  if (!cut) return [a];
  const out: Rect[] = [];
  const aBottom = a.row + a.rowCount;
  const cutBottom = cut.row + cut.rowCount;
  if (cut.row > a.row) out.push({ ...a, rowCount: cut.row - a.row });
  if (cutBottom < aBottom) out.push({ ...a, row: cutBottom, rowCount: aBottom - cutBottom });
  if (cut.col > a.col) {
    out.push({ row: cut.row, col: a.col, rowCount: cut.rowCount, colCount: cut.col - a.col });
  }
  const aRight = a.col + a.colCount;
  const cutRight = cut.col + cut.colCount;
  if (cutRight < aRight) {
    out.push({ row: cut.row, col: cutRight, rowCount: cut.rowCount, colCount: aRight - cutRight });
  }
  return out;
}

/**
 * Where a row span [start, end] goes when `count` rows are inserted before row `at`, as Excel
 * moves references: rows at or below `at` move down, so a span that contains `at` strictly
 * after its first row grows, a span starting at `at` moves, and inserting directly below the
 * span (at = end + 1) leaves it alone.
 */
export function shiftSpanForInsert(
  start: number,
  end: number,
  at: number,
  count: number,
  limit = MAX_ROWS,
): { start: number; end: number } {
  return {
    start: start >= at ? Math.min(start + count, limit - 1) : start,
    end: end >= at ? Math.min(end + count, limit - 1) : end,
  };
}

/**
 * Where a row span goes when rows [at, at + count) are deleted; null when every row of the
 * span was deleted (Excel's #REF!).
 */
export function shiftSpanForDelete(
  start: number,
  end: number,
  at: number,
  count: number,
): { start: number; end: number } | null {
  const last = at + count - 1;
  if (start >= at && end <= last) return null;
  const map = (r: number, isStart: boolean): number => {
    if (r < at) return r;
    if (r > last) return r - count;
    return isStart ? at : at - 1;
  };
  return { start: map(start, true), end: map(end, false) };
}

/** Whole rows or columns inserted before `at`, or deleted starting at `at`. */
export interface GridChange {
  axis: 'row' | 'col';
  kind: 'insert' | 'delete';
  at: number;
  count: number;
}

/**
 * A rectangle after a structural change; null when every one of its rows (or columns) was
 * deleted. Rectangles spanning the whole other axis are unaffected (a whole-column rect does
 * not move when rows are inserted).
 */
export function shiftRect(rect: Rect, change: GridChange): Rect | null {
  const rows = change.axis === 'row';
  if (rows ? isEntireColumns(rect) : isEntireRows(rect)) return rect;
  const start = rows ? rect.row : rect.col;
  const end = start + (rows ? rect.rowCount : rect.colCount) - 1;
  const s =
    change.kind === 'insert'
      ? shiftSpanForInsert(start, end, change.at, change.count, rows ? MAX_ROWS : MAX_COLS)
      : shiftSpanForDelete(start, end, change.at, change.count);
  if (!s) return null;
  return rows
    ? { ...rect, row: s.start, rowCount: s.end - s.start + 1 }
    : { ...rect, col: s.start, colCount: s.end - s.start + 1 };
}

/**
 * A small tokenizer for Excel formula text and the rewrites the fake needs:
 *
 * - `toEngineFormula` / `fromEngineFormula`: translate between what Excel accepts and what
 *   HyperFormula parses (HyperFormula needs quotes around non-Latin sheet names such as
 *   部门整体绩效目标表, and reads the constants TRUE/FALSE only as functions TRUE()/FALSE()).
 * - `shiftRelativeReferences`: move relative references by an offset (conditional-format
 *   rules are written relative to the top-left cell of their range and apply to every cell).
 * - `adjustReferencesForRowInsert` / `...RowDelete`: move references the way Excel does when
 *   whole rows are inserted or deleted (for formulas the engine does not own: conditional
 *   format rules, validation list sources).
 *
 * Strings ("...") and quoted sheet names ('...') are never rewritten.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  columnIndex,
  columnName,
  quoteSheetName,
  shiftSpanForDelete,
  shiftSpanForInsert,
} from './addressing';

type Token =
  | { t: 'str'; text: string }
  | { t: 'sheet'; text: string; name: string }
  | { t: 'word'; text: string }
  | { t: 'err'; text: string }
  | { t: 'ws'; text: string }
  | { t: 'op'; text: string };

const WORD_CHAR = /[\p{L}\p{N}_.$\\]/u;

/** Splits formula text into tokens; concatenating `text` of all tokens gives the input back. */
export function tokenize(formula: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out.push({ t: 'str', text: formula.slice(i, Math.min(j + 1, n)) });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += formula[j];
        j++;
      }
      if (formula[j + 1] === '!') {
        out.push({ t: 'sheet', text: formula.slice(i, j + 2), name });
        i = j + 2;
      } else {
        out.push({ t: 'op', text: formula.slice(i, Math.min(j + 1, n)) });
        i = j + 1;
      }
      continue;
    }
    if (ch === '#') {
      const m = /^#(?:N\/A|[A-Z0-9/]+[!?]?)/i.exec(formula.slice(i));
      const text = m ? m[0] : '#';
      out.push({ t: 'err', text });
      i += text.length;
      continue;
    }
    if (WORD_CHAR.test(ch)) {
      let j = i;
      while (j < n && WORD_CHAR.test(formula[j])) j++;
      const word = formula.slice(i, j);
      if (formula[j] === '!') {
        out.push({ t: 'sheet', text: formula.slice(i, j + 1), name: word });
        i = j + 1;
      } else {
        out.push({ t: 'word', text: word });
        i = j;
      }
      continue;
    }
    if (/\s/.test(ch)) {
      let j = i;
      while (j < n && /\s/.test(formula[j])) j++;
      out.push({ t: 'ws', text: formula.slice(i, j) });
      i = j;
      continue;
    }
    out.push({ t: 'op', text: ch });
    i++;
  }
  return out;
}

/** Sheet names HyperFormula can read without quotes. */
function engineReadsUnquoted(name: string): boolean {
  return /^[A-Za-z0-9_\u00C0-\u02AF]+$/.test(name) && !/^\d/.test(name);
}

function nextSignificant(tokens: Token[], i: number): Token | undefined {
  for (let j = i + 1; j < tokens.length; j++) if (tokens[j].t !== 'ws') return tokens[j];
  return undefined;
}

/** Excel formula text → HyperFormula formula text. */
export function toEngineFormula(formula: string): string {
  const tokens = tokenize(formula);
  return tokens
    .map((tok, i) => {
      if (tok.t === 'sheet' && !tok.text.startsWith("'") && !engineReadsUnquoted(tok.name)) {
        return `'${tok.name.replace(/'/g, "''")}'!`;
      }
      if (tok.t === 'word' && /^(TRUE|FALSE)$/i.test(tok.text)) {
        const next = nextSignificant(tokens, i);
        const prev = tokens[i - 1];
        if (next?.text !== '(' && prev?.t !== 'sheet') return `${tok.text.toUpperCase()}()`;
      }
      return tok.text;
    })
    .join('');
}

/** HyperFormula formula text → the text Excel would show. */
export function fromEngineFormula(formula: string): string {
  const tokens = tokenize(formula);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok.t === 'sheet' && tok.text.startsWith("'")) {
      out.push(`${quoteSheetName(tok.name)}!`);
      continue;
    }
    if (
      tok.t === 'word' &&
      /^(TRUE|FALSE)$/.test(tok.text) &&
      tokens[i + 1]?.text === '(' &&
      tokens[i + 2]?.text === ')'
    ) {
      out.push(tok.text);
      i += 2;
      continue;
    }
    out.push(tok.text);
  }
  return out.join('');
}

// ---------------------------------------------------------------------------------------------
// References

interface CellPart {
  kind: 'cell';
  col: number;
  row: number;
  absCol: boolean;
  absRow: boolean;
}
interface RowPart {
  kind: 'row';
  row: number;
  absRow: boolean;
}
interface ColPart {
  kind: 'col';
  col: number;
  absCol: boolean;
}
type RefPart = CellPart | RowPart | ColPart;

function parseCellWord(word: string): CellPart | null {
  const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/.exec(word);
  if (!m) return null;
  const col = columnIndex(m[2]);
  const row = Number(m[4]) - 1;
  if (col < 0 || col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return null;
  return { kind: 'cell', col, row, absCol: m[1] === '$', absRow: m[3] === '$' };
}

function formatPart(p: RefPart): string {
  if (p.kind === 'cell') {
    return `${p.absCol ? '$' : ''}${columnName(p.col)}${p.absRow ? '$' : ''}${p.row + 1}`;
  }
  if (p.kind === 'row') return `${p.absRow ? '$' : ''}${p.row + 1}`;
  return `${p.absCol ? '$' : ''}${columnName(p.col)}`;
}

/** A reference found in a formula, with the token span it came from. */
interface FoundRef {
  start: number;
  end: number; // exclusive token index
  sheet?: string;
  first: RefPart;
  second?: RefPart;
}

/** Finds cell, cell-range, row-range and column-range references in a token list. */
function findReferences(tokens: Token[]): FoundRef[] {
  const refs: FoundRef[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    let sheet: string | undefined;
    if (tokens[j].t === 'sheet') {
      sheet = (tokens[j] as { name: string }).name;
      j++;
    }
    const tok = tokens[j];
    if (!tok || tok.t !== 'word' || tokens[j + 1]?.text === '(') {
      i = Math.max(j, i + 1);
      continue;
    }
    const colonNext = tokens[j + 1]?.text === ':' && tokens[j + 2]?.t === 'word';
    const second = colonNext ? tokens[j + 2].text : undefined;
    const c1 = parseCellWord(tok.text);
    if (c1) {
      const c2 = second !== undefined ? parseCellWord(second) : null;
      if (c2) refs.push({ start: i, end: j + 3, sheet, first: c1, second: c2 });
      else refs.push({ start: i, end: j + 1, sheet, first: c1 });
      i = refs[refs.length - 1].end;
      continue;
    }
    if (second !== undefined) {
      const r1 = /^(\$?)(\d{1,7})$/.exec(tok.text);
      const r2 = /^(\$?)(\d{1,7})$/.exec(second);
      if (r1 && r2) {
        refs.push({
          start: i,
          end: j + 3,
          sheet,
          first: { kind: 'row', row: Number(r1[2]) - 1, absRow: r1[1] === '$' },
          second: { kind: 'row', row: Number(r2[2]) - 1, absRow: r2[1] === '$' },
        });
        i = j + 3;
        continue;
      }
      const k1 = /^(\$?)([A-Za-z]{1,3})$/.exec(tok.text);
      const k2 = /^(\$?)([A-Za-z]{1,3})$/.exec(second);
      if (k1 && k2) {
        refs.push({
          start: i,
          end: j + 3,
          sheet,
          first: { kind: 'col', col: columnIndex(k1[2]), absCol: k1[1] === '$' },
          second: { kind: 'col', col: columnIndex(k2[2]), absCol: k2[1] === '$' },
        });
        i = j + 3;
        continue;
      }
    }
    i = j + 1;
  }
  return refs;
}

/**
 * Rewrites every reference in a formula. `map` gets each reference and returns its new text,
 * or null to keep it. Returns the formula unchanged when nothing was rewritten.
 */
function rewriteReferences(
  formula: string,
  map: (ref: FoundRef) => { first: RefPart; second?: RefPart } | 'REF' | null,
): string {
  const tokens = tokenize(formula);
  const refs = findReferences(tokens);
  if (refs.length === 0) return formula;
  const out: string[] = [];
  let k = 0;
  for (const ref of refs) {
    while (k < ref.start) out.push(tokens[k++].text);
    const next = map(ref);
    if (next === null) {
      while (k < ref.end) out.push(tokens[k++].text);
      continue;
    }
    const prefix = ref.sheet !== undefined ? `${quoteSheetName(ref.sheet)}!` : '';
    if (next === 'REF') out.push(`${prefix}#REF!`);
    else {
      out.push(
        prefix + formatPart(next.first) + (next.second ? `:${formatPart(next.second)}` : ''),
      );
    }
    k = ref.end;
  }
  while (k < tokens.length) out.push(tokens[k++].text);
  return out.join('');
}

/**
 * Moves relative references by (dRow, dCol): the formula of a conditional-format rule written
 * for the top-left cell, as it applies to another cell of the range. References that fall
 * off the grid become #REF!.
 */
export function shiftRelativeReferences(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return rewriteReferences(formula, (ref) => {
    const move = (p: RefPart): RefPart | null => {
      if (p.kind === 'cell') {
        const row = p.absRow ? p.row : p.row + dRow;
        const col = p.absCol ? p.col : p.col + dCol;
        if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLS) return null;
        return { ...p, row, col };
      }
      if (p.kind === 'row') {
        const row = p.absRow ? p.row : p.row + dRow;
        return row < 0 || row >= MAX_ROWS ? null : { ...p, row };
      }
      const col = p.absCol ? p.col : p.col + dCol;
      return col < 0 || col >= MAX_COLS ? null : { ...p, col };
    };
    const first = move(ref.first);
    const second = ref.second ? move(ref.second) : undefined;
    if (!first || second === null) return 'REF';
    return { first, second };
  });
}

function refersToSheet(ref: FoundRef, ownSheet: string, target: string): boolean {
  const sheet = ref.sheet ?? ownSheet;
  return sheet.toLowerCase() === target.toLowerCase();
}

/** A structural change: whole rows or columns inserted before `at`, or deleted from `at`. */
export interface StructuralChange {
  axis: 'row' | 'col';
  kind: 'insert' | 'delete';
  at: number;
  count: number;
}

/**
 * Adjusts references to sheet `target` for whole rows or columns inserted or deleted, as
 * Excel does: a reference range containing the insertion point (after its first line) grows,
 * one at or beyond it moves, one right before it stays; deleted lines shrink ranges and turn
 * references that lose every cell into #REF!. `ownSheet` is the sheet the formula lives on.
 */
export function adjustReferences(
  formula: string,
  ownSheet: string,
  target: string,
  change: StructuralChange,
): string {
  const { axis, kind, at, count } = change;
  return rewriteReferences(formula, (ref) => {
    if (!refersToSheet(ref, ownSheet, target)) return null;
    const a = ref.first;
    const b = ref.second ?? ref.first;
    if (axis === 'row' && a.kind === 'col') return null;
    if (axis === 'col' && a.kind === 'row') return null;
    const get = (p: RefPart): number =>
      axis === 'row' ? (p as CellPart | RowPart).row : (p as CellPart | ColPart).col;
    const set = (p: RefPart, v: number): RefPart =>
      (axis === 'row' ? { ...p, row: v } : { ...p, col: v }) as RefPart;
    const s1 = get(a);
    const s2 = get(b);
    const s =
      kind === 'insert'
        ? shiftSpanForInsert(s1, s2, at, count, axis === 'row' ? MAX_ROWS : MAX_COLS)
        : shiftSpanForDelete(s1, s2, at, count);
    if (!s) return 'REF';
    if (s.start === s1 && s.end === s2) return null;
    return ref.second
      ? { first: set(a, s.start), second: set(b, s.end) }
      : { first: set(a, s.start) };
  });
}

/** Rewrites sheet-name prefixes after a rename (quoted or not, case-insensitive). */
export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  return tokenize(formula)
    .map((tok) =>
      tok.t === 'sheet' && tok.name.toLowerCase() === oldName.toLowerCase()
        ? `${quoteSheetName(newName)}!`
        : tok.text,
    )
    .join('');
}

/** The identifiers a formula uses that are not references, functions or constants (names). */
export function referencedNames(formula: string): string[] {
  const tokens = tokenize(formula);
  const refs = findReferences(tokens);
  const inRef = new Set<number>();
  for (const r of refs) for (let k = r.start; k < r.end; k++) inRef.add(k);
  const names: string[] = [];
  tokens.forEach((tok, i) => {
    if (tok.t !== 'word' || inRef.has(i)) return;
    if (tokens[i - 1]?.t === 'sheet') return;
    if (nextSignificant(tokens, i)?.text === '(') return;
    if (/^[\d.]/.test(tok.text) || /^(TRUE|FALSE)$/i.test(tok.text)) return;
    names.push(tok.text);
  });
  return names;
}

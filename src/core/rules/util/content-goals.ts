/**
 * Reading quantified targets out of goal texts (年度目标, 年度工作任务, 长期目标) and matching their
 * subjects to indicators.
 *
 * A text such as
 *   `2.2024年全市预计完成外贸进出口65.7亿元，同比增长12%，其中：出口35.6亿元，同比增长12%；…`
 * becomes statements
 *   { subject: 外贸进出口, amount: 65.7亿元, growth: +12% }
 *   { subject: 出口, amount: 35.6亿元, growth: +12%, partOf: 0 } …
 *
 * How:
 * 1. Items: lines, and numbered items inside a line (`1.`, `2、`, `(3)`, `一是`, `①`) that follow
 *    a sentence end. A statement never inherits a subject across items.
 * 2. Clauses: split at `，,：:、；;` and at sentence ends `。!?` (a comma between digits, as in
 *    `8,167.74`, is a thousands separator, not a split).
 * 3. Quantities in a clause: money amounts (`65.7亿元`, `1155.8万美元`, `人民币5万元`) and growth
 *    (`同比增长12%`, `比上年同比增长10%`, `增长10%左右`, `下降3%`). An amount right after a growth
 *    verb (`增加5亿元`) is an increment, not a level, and is not read.
 * 4. Subject of a quantity: the clause text before it (after the previous quantity), cleaned of
 *    numbering, years, places (全市), verbs (预计, 完成, 实现) and connectives. A quantity without
 *    a subject (`，同比增长12%`) belongs to the statement before it in the same item.
 * 5. Parts: after `其中` until the end of the sentence, statements are parts of the last one
 *    that had an amount (`partOf`).
 * 6. A clause with 分别 (`A、B分别增长10%、12%`) pairs subjects and figures by position and is
 *    skipped rather than misread.
 *
 * Every pattern is compiled once here and matches in linear time.
 */
import { makeUnit, normalizeText, readNumberToken, stripResidue } from '../../values';
import type { Currency, Unit } from '../../values/types';
import { BoundedCache } from './content-cache';
import { normalizeLabel } from './content-indicators';

/** How a figure is meant: exactly, about (左右, 约), at least (以上, 突破), at most (以内). */
export type Qualifier = 'exact' | 'about' | 'atLeast' | 'atMost';

export interface GoalAmount {
  value: number;
  unit: Unit;
  /** As written, e.g. `65.7亿元`. */
  text: string;
  qualifier: Qualifier;
}

export interface GoalGrowth {
  /** Signed percentage points: `下降3%` → -3. */
  value: number;
  /** As written, e.g. `同比增长12%`. */
  text: string;
  qualifier: Qualifier;
  /** The year growth is measured from when the text names one (`比2022年增长21%` → 2022). */
  baseYear?: number;
}

export interface GoalStatement {
  /** What the figure is about, cleaned: `外贸进出口`, `社会消费品零售总额`. */
  subject: string;
  amount?: GoalAmount;
  growth?: GoalGrowth;
  /** Index (in the same list) of the total this statement is a part of (`其中：出口…`). */
  partOf?: number;
  /** 0-based item (line or numbered item) the statement is in. */
  item: number;
}

export interface Clause {
  /** Normalised text of the clause, without its delimiter. */
  text: string;
  item: number;
  /** 0-based sentence within the item (a sentence ends at `。!?`). */
  sentence: number;
}

// ---------------------------------------------------------------------------------------------
// 1–2. Items and clauses

/** An item marker at the start of an item: `1.` `2、` `(3)` `一是` `①`; `1.2024年` is item 1. */
const ITEM_MARKER =
  /^(?:\d{1,2}(?:、|\.(?=\d{4}年)|\.(?!\d))|\(\d{1,2}\)|[一二三四五六七八九十]{1,3}(?:是|、)|[①-⑳])/;

/** Where a new item starts inside a line: a marker right after a sentence end or a colon. */
const INLINE_ITEM =
  /(?<=[。;!?:])\s*(?=\d{1,2}(?:、|\.(?=\d{4}年)|\.(?!\d))|\(\d{1,2}\)|[一二三四五六七八九十]{1,3}是|[①-⑳])/g;

const LINE_BREAK = /\r\n|[\r\n\v\f\u2028\u2029\u0085]/;

/** The items of a text: lines, and numbered items inside a line. Markers are removed. */
export function splitItems(text: unknown): string[] {
  if (typeof text !== 'string' || text === '') return [];
  const items: string[] = [];
  for (const rawLine of stripResidue(text).split(LINE_BREAK)) {
    const line = normalizeText(rawLine);
    if (line === '') continue;
    for (const piece of line.split(INLINE_ITEM)) {
      const item = piece.trim().replace(ITEM_MARKER, '').trim();
      if (item !== '') items.push(item);
    }
  }
  return items;
}

const SENTENCE_END = new Set(['。', '!', '?']);
const CLAUSE_END = new Set([',', ':', ';', '、']);

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** A comma inside a number: a digit before, exactly three digits after. */
function isThousandsComma(s: string, i: number): boolean {
  return (
    isDigit(s[i - 1]) &&
    isDigit(s[i + 1]) &&
    isDigit(s[i + 2]) &&
    isDigit(s[i + 3]) &&
    !isDigit(s[i + 4])
  );
}

/** The clauses of a text, each tagged with its item and sentence. */
export function splitClauses(text: unknown): Clause[] {
  const out: Clause[] = [];
  splitItems(text).forEach((itemText, item) => {
    let sentence = 0;
    let start = 0;
    const push = (end: number) => {
      const t = itemText.slice(start, end).trim();
      if (t !== '') out.push({ text: t, item, sentence });
      start = end + 1;
    };
    for (let i = 0; i < itemText.length; i++) {
      const c = itemText[i];
      if (SENTENCE_END.has(c)) {
        push(i);
        sentence++;
      } else if (CLAUSE_END.has(c) && !(c === ',' && isThousandsComma(itemText, i))) {
        push(i);
      }
    }
    push(itemText.length);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// 3. Quantities

const MAGNITUDE_MULT: Readonly<Record<string, true>> = {
  万亿: true,
  十万: true,
  百万: true,
  千万: true,
  千: true,
  万: true,
  亿: true,
};

/** A money amount: qualifier, number, magnitude, currency, trailing qualifier. */
const AMOUNT =
  /(突破|超过|不低于|不少于|至少|不超过|不高于|约|近|达到|达)?([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(万亿|十万|百万|千万|千|万|亿)?(美元|美金|元|人民币)(人民币)?(左右|以上|以下|以内)?/g;

/** A growth phrase: optional comparison base, verb, number, %, trailing qualifier. */
const GROWTH =
  /((?:比|较)(?:上年度?|去年|上一年|同期|\d{4}年度?)?)?(同比|环比|年均)?(增长率|增长|增加|提高|提升|上升|增幅|增速|下降|减少|降低|下滑|降幅)(?:为|达到|达|了)?(约)?([+-]?\d+(?:\.\d+)?)%(左右|以上|及以上)?/g;

const BASE_YEAR = /(\d{4})年/;
const NEGATIVE_VERBS = new Set(['下降', '减少', '降低', '下滑', '降幅']);

/** A growth verb right before an amount makes it an increment (`比上年增加5亿元`). */
const INCREMENT_BEFORE = /(?:增长|增加|提高|提升|上升|增收|下降|减少|降低|下滑)(?:了|约|为)?$/;

function qualifierOf(prefix: string | undefined, suffix: string | undefined): Qualifier {
  if (suffix === '以上' || suffix === '及以上') return 'atLeast';
  if (suffix === '以下' || suffix === '以内') return 'atMost';
  if (suffix === '左右') return 'about';
  switch (prefix) {
    case '突破':
    case '超过':
    case '不低于':
    case '不少于':
    case '至少':
      return 'atLeast';
    case '不超过':
    case '不高于':
      return 'atMost';
    case '约':
    case '近':
      return 'about';
    default:
      return 'exact';
  }
}

interface Quantity {
  start: number;
  end: number;
  amount?: GoalAmount;
  growth?: GoalGrowth;
}

/** The money amounts and growth figures of one clause, in order. */
export function findQuantities(clause: string): Quantity[] {
  const found: Quantity[] = [];
  GROWTH.lastIndex = 0;
  for (let m = GROWTH.exec(clause); m !== null; m = GROWTH.exec(clause)) {
    const [whole, base, , verb, about, num, suffix] = m;
    const n = readNumberToken(num);
    if (n === null) continue;
    const value = NEGATIVE_VERBS.has(verb) ? -Math.abs(n) : n;
    const growth: GoalGrowth = {
      value: value === 0 ? 0 : value,
      text: whole,
      qualifier: qualifierOf(about, suffix),
    };
    const year = base ? BASE_YEAR.exec(base) : null;
    if (year) growth.baseYear = Number(year[1]);
    found.push({ start: m.index, end: m.index + whole.length, growth });
  }
  AMOUNT.lastIndex = 0;
  for (let m = AMOUNT.exec(clause); m !== null; m = AMOUNT.exec(clause)) {
    const [whole, prefix, num, magnitude = '', word, , suffix] = m;
    if (INCREMENT_BEFORE.test(clause.slice(Math.max(0, m.index - 4), m.index))) continue;
    const value = readNumberToken(num);
    if (value === null) continue;
    if (found.some((q) => q.start < m!.index + whole.length && m!.index < q.end)) continue;
    const currency: Currency = word === '美元' || word === '美金' ? 'USD' : 'CNY';
    const unit = makeUnit(MAGNITUDE_MULT[magnitude] ? magnitude : '', currency);
    const qualifier = qualifierOf(prefix, suffix);
    // 达/达到 are verbs, not part of the figure as written.
    const shown = prefix === '达' || prefix === '达到' ? whole.slice(prefix.length) : whole;
    found.push({
      start: m.index,
      end: m.index + whole.length,
      amount: { value, unit, text: shown, qualifier },
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// 4. Subjects

/** What may stand before a subject and is not part of it. */
const LEADING = new RegExp(
  '^(?:' +
    [
      '.*?(?:目标|任务)(?:是|为)',
      '(?:到|至|截至|截止到?|在)?\\d{4}年(?:度|底|末|内)?',
      '\\d{1,2}[、.]',
      '\\(\\d{1,2}\\)',
      '[一二三四五六七八九十]{1,3}是',
      '[①-⑳]',
      '全市|全省|全县|全区|全州|全国|本市|我市|本县|我县|本区|我区|本地区',
      '全年|年度|年内|当年|今年',
      '预计|预期|计划|力争|确保|争取|努力|实现|完成|达到|累计|共计|总计|合计|其中',
      '主要|同时|继续|的|是',
    ].join('|') +
    ')',
);

/** What may stand after a subject (before its figure) and is not part of it. */
const TRAILING = new RegExp(
  '(?:' +
    [
      '预计|预期|计划|力争|确保|争取|实现|完成|达到|达|为|约',
      '共计|累计|总计|合计|比上年度?|较上年度?|比去年|同比|环比|年均',
      '的|人民币|突破|超过|不低于|不少于|至少|不超过|控制在|保持|要|将|可|是',
    ].join('|') +
    ')$',
);

/** Quotes, brackets and punctuation that are never part of a subject. */
const SUBJECT_NOISE = /[\s“”"'‘’「」『』《》()[\]【】.。!?]/g;

/** The subject in a piece of clause text: `2024年全市预计完成外贸进出口` → `外贸进出口`. */
export function cleanSubject(raw: string): string {
  let s = normalizeText(raw).replace(SUBJECT_NOISE, '');
  for (let i = 0; i < 12; i++) {
    const next = s.replace(LEADING, '').replace(TRAILING, '');
    if (next === s) break;
    s = next;
  }
  return /[\u4e00-\u9fffA-Za-z]/.test(s) ? s : '';
}

const PARTS_MARK = /^(?:\d{4}年)?其中/;
const RESPECTIVELY = /分别/;

// ---------------------------------------------------------------------------------------------
// 5. Statements

/** The quantified statements of a goal text, in the order they are written. */
export function extractGoalStatements(text: unknown): GoalStatement[] {
  const out: GoalStatement[] = [];
  let item = -1;
  let sentence = -1;
  let current = -1; // index of the statement quantities without a subject attach to
  let partsOf = -1; // index of the total while inside 其中…
  for (const clause of splitClauses(text)) {
    if (clause.item !== item) {
      item = clause.item;
      current = -1;
      partsOf = -1;
    }
    if (clause.sentence !== sentence) {
      sentence = clause.sentence;
      partsOf = -1;
    }
    // `A、B分别增长10%、12%` pairs subjects and figures by position: too ambiguous to read.
    if (RESPECTIVELY.test(clause.text)) continue;
    const quantities = findQuantities(clause.text);
    if (PARTS_MARK.test(clause.text.replace(/\s/g, ''))) partsOf = lastTotal(out, item, current);
    let from = 0;
    for (const q of quantities) {
      const subject = cleanSubject(clause.text.slice(from, q.start));
      from = q.end;
      const kind: 'amount' | 'growth' = q.amount ? 'amount' : 'growth';
      const cur = current >= 0 ? out[current] : undefined;
      if (subject === '' || (cur && subject === cur.subject && cur[kind] === undefined)) {
        if (!cur) continue; // a figure about nothing named
        if (cur[kind] === undefined) {
          if (q.amount) cur.amount = q.amount;
          else cur.growth = q.growth;
          continue;
        }
      }
      const st: GoalStatement = { subject: subject || (cur ? cur.subject : ''), item };
      if (q.amount) st.amount = q.amount;
      else st.growth = q.growth;
      if (partsOf >= 0 && partsOf < out.length && st.subject !== out[partsOf].subject)
        st.partOf = partsOf;
      out.push(st);
      current = out.length - 1;
    }
  }
  return out;
}

const statementCache = new BoundedCache<readonly GoalStatement[]>(64);

/**
 * {@link extractGoalStatements}, remembered by text (goal texts rarely change between checks).
 * The result is shared: callers must not modify it.
 */
export function goalStatements(text: unknown): readonly GoalStatement[] {
  if (typeof text !== 'string') return [];
  return statementCache.get(text) ?? statementCache.set(text, extractGoalStatements(text));
}

/** The statement a 其中 list belongs to: the last one in the item with an amount, else `current`. */
function lastTotal(out: GoalStatement[], item: number, current: number): number {
  for (let i = out.length - 1; i >= 0 && out[i].item === item; i--) {
    if (out[i].amount && out[i].partOf === undefined) return i;
  }
  return current;
}

/** How a statement quotes its figure: subject + figure as written (`外贸进出口65.7亿元`). */
export function quoteAmount(st: GoalStatement): string {
  return `${st.subject}${st.amount ? st.amount.text : ''}`;
}

export function quoteGrowth(st: GoalStatement): string {
  return `${st.subject}${st.growth ? st.growth.text : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Matching subjects to indicators

const IND_LEADING = /^(?:完成|实现|预计|力争|确保|达到|全市|全年|年度)/;
const IND_UNIT =
  /(?:(?:万亿|十万|百万|千万|千|万|亿)?(?:美元|美金|元)(?:人民币)?|(?:万亿|十万|百万|千万|千|万|亿)人民币)$/;
const IND_GROWTH = /(?:同比)?(?:稳步|持续|快速|平稳|较快)?(?:增长率|增速|增幅|增长)$/;
const IND_TOTAL = /(?:总额|金额|总量|总值|规模|额)$/;
/** Bracketed notes and units in a 三级指标: `外贸进出口额(亿元)`. */
const IND_BRACKETS = /\([^()]*\)/g;

/**
 * The core subject of a 三级指标: what a goal text must name for the indicator to be about the
 * same thing. Verbs (完成, 实现), units (亿元人民币, 万美元), growth words (增长率, 稳步增长) and
 * total words (总额, 额) are removed:
 * `完成外贸进出口亿元人民币` → `外贸进出口`, `实现社会消费品零售总额增长率` → `社会消费品零售`,
 * `完成实际利用外资万美元` → `实际利用外资`. '' when nothing of two characters or more is left.
 */
export function indicatorSubject(level3: unknown): string {
  const key = typeof level3 === 'string' ? level3 : String(level3 ?? '');
  return subjectCache.get(key) ?? subjectCache.set(key, computeSubject(level3));
}

const subjectCache = new BoundedCache<string>(20000);

function computeSubject(level3: unknown): string {
  let s = normalizeLabel(level3).replace(IND_BRACKETS, '');
  for (let i = 0; i < 8; i++) {
    let next = s.replace(IND_LEADING, '').replace(IND_UNIT, '').replace(IND_GROWTH, '');
    const noTotal = next.replace(IND_TOTAL, '');
    if (noTotal.length >= 2) next = noTotal;
    if (next.length < 2) return '';
    if (next === s) break;
    s = next;
  }
  return s.length >= 2 ? s : '';
}

/** Leading qualifiers a text may leave out: `外贸进出口` is also written `进出口`. */
const OPTIONAL_QUALIFIER = /^(?:外贸|对外贸易|全社会)/;

/** The ways a goal text may name a core subject, longest first. */
export function subjectVariants(core: string): string[] {
  if (core === '') return [];
  const short = core.replace(OPTIONAL_QUALIFIER, '');
  return short !== core && short.length >= 3 ? [core, short] : [core];
}

/**
 * What may stand right before a subject inside a statement's subject: nothing, a place (鄂州市),
 * a year, a verb or a connective. Anything else qualifies the subject into another one:
 * `农村社会消费品零售总额` is not `社会消费品零售总额`, `跨境电商进出口` is not `外贸进出口`.
 */
const ALLOWED_BEFORE = /(?:^|[的是年市省县区州:,、]|实现|完成|预计|力争|确保|全年|累计)$/;

/**
 * What may follow the subject: nothing or a word for a total (`外贸进出口总额`, `实际利用外资金额`).
 * Anything else makes another subject: `外贸进出口扶持资金` is money for trade, not trade.
 */
const ALLOWED_AFTER = /^(?:总额|总值|总量|总规模|规模|金额|额|值|量)?$/;

/**
 * How well a statement's subject names an indicator's core subject: the length of the longest
 * variant of `core` that appears in `subject` with only a place, a year or a verb before it
 * and only a total-word after it, or 0 when none does.
 * `外贸出口总额` does not name `外贸进出口` (出口 is not 进出口); `出口` does not either.
 */
export function subjectMatch(subject: string, core: string): number {
  if (subject === '' || core === '') return 0;
  for (const v of subjectVariants(core)) {
    for (let at = subject.indexOf(v); at >= 0; at = subject.indexOf(v, at + 1)) {
      if (
        ALLOWED_BEFORE.test(subject.slice(0, at)) &&
        ALLOWED_AFTER.test(subject.slice(at + v.length))
      )
        return v.length;
    }
  }
  return 0;
}

import fc from 'fast-check';
import { formatAmount, formatNumber, formatParsed, formatPercent, toCellNumber } from './format';
import { parseCell } from './parse';
import type { ParsedValue, RawCell, Unit, ValueHint } from './types';

const HINTS: ValueHint[] = ['number', 'percent', 'indicator', 'text'];
const KINDS = [
  'empty',
  'number',
  'percent',
  'amount',
  'growth',
  'comparison',
  'grade',
  'text',
  'error',
  'unparseable',
];

/** Characters people and converters put in cells, to make generated strings look like values. */
const CELL_CHARS = [
  ...'0123456789.,+-%#!/ ',
  ...'０１２３４５６７８９．，＋－％＞＜＝',
  '\u3000',
  '\u00a0',
  '\u200b',
  '\t',
  '\n',
  '\ud800',
  ...'万亿元美人民币增长下降同比不低于以上≥≤<>=健全',
];

const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...CELL_CHARS), maxLength: 30 }),
);

const anyValue: fc.Arbitrary<RawCell['value']> = fc.oneof(
  anyString,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

const anyFormat = fc.option(
  fc.oneof(fc.constantFrom('General', '0.00', '0.00%', '0%', '"万元"0.00', '@'), anyString),
  { nil: undefined },
);

describe('parseCell on arbitrary input', () => {
  test('never throws and always returns a known kind', () => {
    fc.assert(
      fc.property(anyValue, anyFormat, fc.constantFrom(...HINTS), (value, numberFormat, hint) => {
        const parsed = parseCell({ value, numberFormat }, hint);
        expect(KINDS).toContain(parsed.kind);
        expect(typeof formatParsed(parsed)).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  test("hint 'text' returns only empty, grade, text or an Excel error", () => {
    fc.assert(
      fc.property(anyValue, anyFormat, (value, numberFormat) => {
        const kind = parseCell({ value, numberFormat }, 'text').kind;
        expect(['empty', 'grade', 'text', 'error']).toContain(kind);
      }),
      { numRuns: 1000 },
    );
  });

  test('numeric kinds always carry finite numbers', () => {
    fc.assert(
      fc.property(anyValue, anyFormat, fc.constantFrom(...HINTS), (value, numberFormat, hint) => {
        const parsed = parseCell({ value, numberFormat }, hint);
        const numbers: number[] = [];
        if ('value' in parsed) numbers.push(parsed.value);
        if (parsed.kind === 'comparison') numbers.push(parsed.operand.value);
        for (const n of numbers) expect(Number.isFinite(n)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

/** A finite number with 0–4 decimals, as people type them. */
const decimalNumber = fc
  .tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 }))
  .map(([k, d]) => (k / 10 ** d === 0 ? 0 : k / 10 ** d));

/** The same text as a user with a Chinese input method types it. */
function toFullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** Ways the same text arrives in a cell. */
const variants = (s: string): string[] => [
  s,
  toFullWidth(s),
  `\u3000${s}\u3000`,
  `\u3000${toFullWidth(s)}`,
  `\t${s}\u00a0`,
];

const UNITS: Unit[] = [
  { text: '元', currency: 'CNY', magnitude: 1 },
  { text: '万元', currency: 'CNY', magnitude: 1e4 },
  { text: '亿元', currency: 'CNY', magnitude: 1e8 },
  { text: '美元', currency: 'USD', magnitude: 1 },
  { text: '万美元', currency: 'USD', magnitude: 1e4 },
  { text: '亿美元', currency: 'USD', magnitude: 1e8 },
];

function parsedText(s: string): ParsedValue {
  return parseCell({ value: s });
}

describe('formatted values read back as the same value', () => {
  test('formatNumber', () => {
    fc.assert(
      fc.property(decimalNumber, (n) => {
        for (const text of variants(formatNumber(n))) {
          expect(parsedText(text)).toEqual({ kind: 'number', value: n, storedAsText: true });
          expect(toCellNumber(text)).toBe(n);
        }
      }),
    );
  });

  test('formatNumber with decimals keeps a number that already has that many', () => {
    fc.assert(
      fc.property(decimalNumber, (n) => {
        expect(parsedText(formatNumber(n, 4))).toEqual({
          kind: 'number',
          value: n,
          storedAsText: true,
        });
      }),
    );
  });

  test('formatPercent', () => {
    fc.assert(
      fc.property(decimalNumber, (points) => {
        for (const text of variants(formatPercent(points, 4))) {
          expect(parsedText(text)).toEqual({ kind: 'percent', value: points, storedAsText: true });
        }
      }),
    );
  });

  test('a %-formatted cell holding toCellNumber of a percentage shows the same percentage', () => {
    fc.assert(
      fc.property(decimalNumber, (points) => {
        const cellValue = toCellNumber(formatPercent(points, 4));
        expect(cellValue).not.toBeNull();
        expect(parseCell({ value: cellValue, numberFormat: '0.00%' })).toEqual({
          kind: 'percent',
          value: points,
          storedAsText: false,
        });
      }),
    );
  });

  test('formatAmount', () => {
    fc.assert(
      fc.property(decimalNumber, fc.constantFrom(...UNITS), (value, unit) => {
        for (const text of variants(formatAmount(value, unit))) {
          expect(parsedText(text)).toEqual({ kind: 'amount', value, unit, storedAsText: true });
        }
      }),
    );
  });

  test('formatParsed of growth and comparisons', () => {
    fc.assert(
      fc.property(decimalNumber, fc.constantFrom('≥', '>', '=', '<', '≤' as const), (n, op) => {
        const growth: ParsedValue = { kind: 'growth', value: n };
        expect(parsedText(formatParsed(growth))).toEqual(growth);
        const comparison: ParsedValue = {
          kind: 'comparison',
          op,
          operand: { kind: 'percent', value: n, storedAsText: true },
        };
        for (const text of variants(formatParsed(comparison))) {
          expect(parsedText(text)).toEqual(comparison);
        }
      }),
    );
  });
});

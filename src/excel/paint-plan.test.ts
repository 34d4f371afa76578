import { parseRange } from '../core/form/a1';
import { computeLayout } from '../core/form/layout';
import type { CellStyle } from '../core/form/types';
import { charsToPoints, formatOpCount, paintPlan, rectangles, rowHeightRuns } from './paint-plan';

const cellsOf = (ranges: string[]) =>
  ranges.flatMap((a) => {
    const r = parseRange(a)!;
    const out: string[] = [];
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) out.push(`${row}:${col}`);
    return out;
  });

describe('rectangles', () => {
  it('covers exactly the given cells, each once', () => {
    const cells = [
      { row: 1, col: 1 },
      { row: 1, col: 2 },
      { row: 2, col: 1 },
      { row: 2, col: 2 },
      { row: 3, col: 2 },
      { row: 5, col: 1 },
      { row: 5, col: 3 },
    ];
    const rects = rectangles(cells);
    const covered = cellsOf(
      rects.map(
        (r) =>
          `${String.fromCharCode(64 + r.left)}${r.top}:${String.fromCharCode(64 + r.right)}${r.bottom}`,
      ),
    );
    expect(covered.sort()).toEqual(cells.map((c) => `${c.row}:${c.col}`).sort());
    expect(new Set(covered).size).toBe(covered.length);
    expect(rects).toContainEqual({ top: 1, left: 1, bottom: 2, right: 2 });
  });

  it('stacks identical runs of consecutive rows into one rectangle', () => {
    const cells = Array.from({ length: 400 }, (_, i) => [
      { row: 10 + i, col: 2 },
      { row: 10 + i, col: 3 },
    ]).flat();
    expect(rectangles(cells)).toEqual([{ top: 10, left: 2, bottom: 409, right: 3 }]);
  });
});

describe('paintPlan', () => {
  it('costs the same number of format operations for 4, 40 and 400 indicator rows', () => {
    const ops = [4, 40, 400].map((n) =>
      formatOpCount(paintPlan(computeLayout({ year: 2024, rows: { longTerm: n, annual: n } }))),
    );
    expect(ops[1]).toBe(ops[0]);
    expect(ops[2]).toBe(ops[0]);
    expect(ops[0]).toBeLessThan(150);
  });

  it('gives every layout cell exactly its style, property by property', () => {
    const layout = computeLayout({ year: 2024, common: true });
    const plan = paintPlan(layout);
    const byCell = new Map<string, Record<string, unknown>>();
    const twice: string[] = []; // no cell is painted twice for one property
    for (const g of plan.formats)
      for (const key of cellsOf(g.ranges)) {
        const m = byCell.get(key) ?? {};
        if (m[g.prop] !== undefined) twice.push(`${key} ${g.prop}`);
        m[g.prop] = g.value;
        byCell.set(key, m);
      }
    expect(twice).toEqual([]);
    const expectProp = (s: CellStyle, p: string) =>
      ({
        fontName: s.fontName,
        fontSize: s.fontSize,
        bold: s.bold || undefined,
        fontColor: s.fontColor,
        fill: s.fill,
        hAlign: s.hAlign,
        vAlign: s.vAlign,
        wrap: s.wrap || undefined,
        border: s.border || undefined,
        unlocked: s.locked === false || undefined,
      })[p];
    const wrong: string[] = [];
    for (const c of layout.cells) {
      const got = byCell.get(`${c.row}:${c.col}`) ?? {};
      for (const p of [
        'fontName',
        'fontSize',
        'bold',
        'fontColor',
        'fill',
        'hAlign',
        'vAlign',
        'wrap',
        'border',
        'unlocked',
      ])
        if (got[p] !== expectProp(c.style, p)) wrong.push(`${c.address} ${p}`);
    }
    expect(wrong).toEqual([]);
  });

  it('puts formulas, constants and number formats in one block', () => {
    const layout = computeLayout({ year: 2024 });
    const plan = paintPlan(layout);
    expect(plan.block).toBe(`A1:I${layout.lastRow}`);
    expect(plan.formulas).toHaveLength(layout.lastRow);
    expect(plan.formulas[1][1]).toBe(2024); // B2, the budget year
    expect(plan.formulas[0][0]).toBe('部门整体绩效目标表');
    const e10 = layout.cells.find((c) => c.address === 'E10')!;
    expect(plan.formulas[9][4]).toBe(e10.formula);
    expect(plan.numberFormats[9][4]).toBe('#,##0.00');
    expect(plan.numberFormats[6][6]).toBe('0.00%'); // G7, a share
    expect(plan.numberFormats[0][0]).toBe('General');
  });
});

describe('sizes', () => {
  it('converts character widths to points and groups equal row heights', () => {
    expect(charsToPoints(10)).toBeCloseTo(56.25);
    expect(rowHeightRuns({ 1: 36, 3: 24, 4: 24, 5: 22, 7: 22 })).toEqual([
      { rows: '1:1', height: 36 },
      { rows: '3:4', height: 24 },
      { rows: '5:5', height: 22 },
      { rows: '7:7', height: 22 },
    ]);
  });
});

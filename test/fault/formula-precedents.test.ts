/**
 * Found by the sequence property (seed 101): after rows were inserted inside the funding block,
 * typing into one of the new rows changed the expenditure total (its SUM had grown over them) but
 * the edit touched no named cell, so no check ran and the pane kept listing the old findings.
 * Live checking now also follows what the form's formula cells read.
 */
import { computeLayout } from '../../src/core/form/layout';
import { formulaRanges } from '../../src/excel/form-names';
import { insertLayout, rig, type Rig } from '../excel/helpers';
import { cellsOf, expectInvariants } from './live-rig';

const layout = computeLayout({ year: 2024 });

async function form(): Promise<{ r: Rig; sheet: string }> {
  const r = rig();
  await r.ready;
  const sheet = await insertLayout(r, layout);
  await r.settle();
  await r.host.checkAll();
  return { r, sheet };
}

async function step(r: Rig, sheet: string, label: string, action: () => unknown) {
  r.fake.stats.reset();
  action();
  const left = cellsOf(r.fake, sheet);
  await r.settle();
  expectInvariants(r, sheet, left, label);
  return r.fake.stats.syncs;
}

describe('edits that change the form only through its formulas', () => {
  it('a number typed into rows inserted inside the expenditure block updates the list', async () => {
    const { r, sheet } = await form();
    await step(r, sheet, 'insert 3 rows at 12', () => r.fake.user.insertRows(sheet, 12, 3));
    // Row 14 is a new, unnamed row; the expenditure totals now sum over it.
    await step(r, sheet, 'type 1 into H14', () => r.fake.user.type(sheet, 'H14', '1'));
    expect(r.last().findings.some((f) => f.ruleId === 'funding-balance')).toBe(true);
  });

  it('a field typed as a reference to a cell outside the form follows that cell', async () => {
    const { r, sheet } = await form();
    await step(r, sheet, 'type =K3 into E7', () => r.fake.user.type(sheet, 'E7', '=K3'));
    const before = r.last().findings.length;
    await step(r, sheet, 'type text into K3', () => r.fake.user.type(sheet, 'K3', '\u3000100'));
    expect(r.last().findings.length).not.toBe(before);
    expect(r.last().findings.some((f) => f.cells.includes('E7'))).toBe(true);
  });

  it('a budget year read from another cell: editing that cell re-checks everything', async () => {
    const { r, sheet } = await form();
    await step(r, sheet, 'type =K5 into B2', () => r.fake.user.type(sheet, 'B2', '=K5'));
    await step(r, sheet, 'type 2025 into K5', () => r.fake.user.type(sheet, 'K5', '2025'));
    expect(r.last().status.year).toBe(2025);
  });

  it('an edit nothing reads still costs no round trip', async () => {
    const { r, sheet } = await form();
    const syncs = await step(r, sheet, 'type into L40', () => r.fake.user.type(sheet, 'L40', 'x'));
    expect(syncs).toBe(0);
  });
});

describe('formulaRanges', () => {
  const S = '绩效目标表2024';
  it('reads cells, ranges, whole rows and columns, with and without the own sheet', () => {
    expect(formulaRanges('=SUM($E$7:$E$9)+E10', S)).toEqual([
      { top: 7, left: 5, bottom: 9, right: 5 },
      { top: 10, left: 5, bottom: 10, right: 5 },
    ]);
    expect(formulaRanges(`=${S}!K3+'${S}'!B2`, S)).toHaveLength(2);
    expect(formulaRanges('=SUM(A:B)+SUM(3:4)', S)).toEqual([
      { top: 1, left: 1, bottom: 1048576, right: 2 },
      { top: 3, left: 1, bottom: 4, right: 16384 },
    ]);
  });

  it('leaves out other sheets, text and function names that look like cells', () => {
    expect(formulaRanges("=Sheet2!A1+'张三''s 表'!B2", S)).toEqual([]);
    expect(formulaRanges('="E7 is not a reference"&LOG10(100)', S)).toEqual([]);
  });

  it('cannot know what INDIRECT or OFFSET read', () => {
    expect(formulaRanges('=INDIRECT("K"&3)', S)).toBe('any');
    expect(formulaRanges('=SUM(OFFSET(E7,0,0,3,1))', S)).toBe('any');
  });
});

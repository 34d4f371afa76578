/**
 * Property-based fault tests of live checking on the fake Excel (issue 9): random cell contents of
 * every kind typed into random places of an inserted form, and random sequences of edits, pastes,
 * row insertions and deletions (inside and outside the indicator tables) and undo. After every
 * step the invariants of live-rig.ts hold: the checker answered, the marks match the findings,
 * the add-in changed no cell, and the names resolve or the status says they do not.
 *
 * Seeded and bounded: 30 and 40 runs (PGT_FC_SEED=<n> explores other seeds, PGT_FC_RUNS=<n> runs
 * more; a failure prints its seed).
 */
import fc from 'fast-check';
import type { UserEditResult } from '../../src/fake-excel';
import { insertLayout, rig, type Rig } from '../excel/helpers';
import {
  anyCell,
  assertProperty,
  cellText,
  cellsOf,
  expectInvariants,
  placesOf,
  smallLayout,
} from './live-rig';

jest.setTimeout(60_000);

const layout = smallLayout();
const places = placesOf(layout);
const tables = Object.values(layout.tables);

async function freshForm(): Promise<{ r: Rig; sheet: string }> {
  const r = rig();
  await r.ready;
  const sheet = await insertLayout(r, layout);
  await r.settle();
  await r.host.checkAll();
  return { r, sheet };
}

async function done(r: Rig): Promise<void> {
  await r.settle();
  await r.host.dispose();
}

/** Runs one person's action, waits for the add-in, and checks every invariant. */
async function step(r: Rig, sheet: string, label: string, action: () => unknown): Promise<void> {
  action();
  // What the person's action left, before the add-in's live check has run.
  const left = cellsOf(r.fake, sheet);
  await r.settle();
  expectInvariants(r, sheet, left, label);
}

describe('random contents typed into random places', () => {
  it('the checker answers, marks match, and every typed value stays exactly as typed', async () => {
    await assertProperty(
      fc.asyncProperty(
        fc.array(fc.tuple(anyCell(places), cellText), { minLength: 1, maxLength: 6 }),
        async (edits) => {
          const { r, sheet } = await freshForm();
          // What Excel stored for each cell the person typed into, as it was right after typing.
          const stored = new Map<string, unknown>();
          const cellNow = (a: string) => {
            const c = r.fake.workbook.getCell(sheet, a);
            return { value: c.value, formula: c.formula, numberFormat: c.numberFormat };
          };
          try {
            for (const [address, text] of edits) {
              const checks = r.host.stats.checks;
              let res: UserEditResult = { ok: true };
              await step(r, sheet, `type ${JSON.stringify(text)} into ${address}`, () => {
                res = r.fake.user.type(sheet, address, text);
              });
              // Text stays exactly as typed (Excel drops only a leading apostrophe).
              const cell = r.fake.workbook.getCell(sheet, address);
              if (res.ok && typeof cell.value === 'string' && !cell.formula)
                expect(cell.value).toBe(text.startsWith("'") ? text.slice(1) : text);
              // An accepted edit of a field or table cell was checked.
              const named = places.fields.includes(address) || places.tableCells.includes(address);
              if (res.ok && named) expect(r.host.stats.checks).toBeGreaterThan(checks);
              stored.set(address, cellNow(address));
            }
            // At the end, every cell still holds exactly what the person's last typing left there.
            for (const [address, cell] of stored)
              expect([address, cellNow(address)]).toEqual([address, cell]);
          } finally {
            await done(r);
          }
        },
      ),
      30,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Sequences of edits, pastes, row insertions and deletions, and undo.

type Action =
  | { kind: 'type'; address: string; text: string }
  | { kind: 'paste'; row: number; col: number; block: string[][] }
  | { kind: 'insertRows'; row: number; count: number }
  | { kind: 'deleteRows'; row: number; count: number }
  | { kind: 'undo' };

/** Rows inside a table body, just around the tables, in the funding block, and below the form. */
const interestingRows = fc.oneof(
  ...tables.map((t) => fc.integer({ min: t.firstRow, max: t.lastRow })),
  ...tables.map((t) => fc.constantFrom(t.headerFirstRow, t.lastRow + 1)),
  fc.integer({ min: 3, max: 14 }),
  fc.integer({ min: layout.lastRow + 1, max: layout.lastRow + 6 }),
);

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('type' as const),
      address: anyCell(places),
      text: cellText,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('paste' as const),
      row: interestingRows,
      col: fc.integer({ min: 2, max: 10 }),
      block: fc.array(fc.array(cellText, { minLength: 1, maxLength: 4 }), {
        minLength: 1,
        maxLength: 4,
      }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('insertRows' as const),
      row: interestingRows,
      count: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('deleteRows' as const),
      row: interestingRows,
      count: fc.integer({ min: 1, max: 4 }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'undo' as const }) },
);

const col = (n: number) => String.fromCharCode(64 + n);

function perform(r: Rig, sheet: string, a: Action): void {
  const u = r.fake.user;
  switch (a.kind) {
    case 'type':
      u.type(sheet, a.address, a.text);
      break;
    case 'paste':
      u.paste(sheet, `${col(a.col)}${a.row}`, a.block);
      break;
    case 'insertRows':
      u.insertRows(sheet, a.row, a.count);
      break;
    case 'deleteRows':
      u.deleteRows(sheet, a.row, a.count);
      break;
    case 'undo':
      u.undoLast();
  }
}

describe('random sequences of edits, pastes, row insertions and deletions, and undo', () => {
  it('after every step: answered, marks match, cells untouched, names resolve or status says damaged', async () => {
    await assertProperty(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 8 }), async (actions) => {
        const { r, sheet } = await freshForm();
        try {
          for (const [i, a] of actions.entries())
            await step(r, sheet, `step ${i + 1} ${JSON.stringify(a)}`, () => perform(r, sheet, a));
          // Whatever happened, 全部检查 still answers and agrees with the sheet.
          const all = await r.host.checkAll();
          expect(all.status.sheetName).toBe(sheet);
          expectInvariants(r, sheet, cellsOf(r.fake, sheet), 'full check at the end');
        } finally {
          await done(r);
        }
      }),
      40,
    );
  });
});

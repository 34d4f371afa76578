/** Shared set-up for the Excel adapter's tests on the fake Excel. */
import { parseRange } from '../../src/core/form/a1';
import type { Layout } from '../../src/core/form/types';
import { createAddinHost, type ExcelHost } from '../../src/excel';
import { insertFormLayout } from '../../src/excel/host';
import { desiredMarks, parseMarkFormula, type MarkSeverity } from '../../src/excel/marks';
import { snapshotFromCells } from '../../src/core/snapshot/build';
import type { FormSnapshot } from '../../src/core/snapshot/types';
import { createFakeExcel, type FakeExcel } from '../../src/fake-excel';
import type { CheckResult } from '../../src/taskpane/api';

export interface Rig {
  fake: FakeExcel;
  host: ExcelHost;
  /** Resolves once the change handlers are registered (one round trip, before any test step). */
  ready: Promise<void>;
  /** Every result the pane was given, in order. */
  results: CheckResult[];
  last(): CheckResult;
  /** Waits until events were delivered and every live check has finished. */
  settle(): Promise<void>;
}

const open: Rig[] = [];
afterEach(async () => {
  // Let scheduled live checks finish, then stop listening, so nothing outlives its test.
  for (const r of open.splice(0)) {
    await r.fake.settle();
    await r.host.idle();
    await r.host.dispose();
  }
});

export function rig(sheets = ['Sheet1']): Rig {
  const fake = createFakeExcel({ sheets });
  const errors: unknown[] = [];
  const host = createAddinHost(fake.Excel, { coalesceMs: 2, onError: (e) => errors.push(e) });
  const results: CheckResult[] = [];
  const r: Rig = {
    fake,
    host,
    ready: Promise.resolve(),
    results,
    last: () => results[results.length - 1],
    async settle() {
      for (let i = 0; i < 5; i++) {
        await fake.settle();
        await host.idle();
      }
      const real = errors.filter((e) => !String(e).includes('selectCell: not a cell'));
      if (real.length) throw real[0];
      if (fake.events.errors.length) throw fake.events.errors[0];
    },
  };
  host.subscribe((res) => results.push(res));
  r.ready = host.start();
  open.push(r);
  return r;
}

/** Inserts a layout (any number of rows) the way insertForm does; returns the sheet name. */
export function insertLayout(r: Rig, layout: Layout): Promise<string> {
  return insertFormLayout(r.fake.Excel, layout);
}

/** The add-in's marks on a sheet: address → severity, read from the conditional formats. */
export function marksOn(fake: FakeExcel, sheet: string): Record<string, MarkSeverity> {
  const out: Record<string, MarkSeverity> = {};
  for (const cf of fake.workbook.conditionalFormats(sheet)) {
    const m = parseMarkFormula(cf.formula);
    if (!m) continue;
    expect(cf.ranges).toEqual([m.address]); // a mark covers exactly its own cell
    expect(out[m.address]).toBeUndefined(); // one mark per cell
    out[m.address] = m.severity;
  }
  return out;
}

/** Sheet-scoped names of a sheet → plain reference ('$E$7'). */
export function namesOn(fake: FakeExcel, sheet: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of fake.workbook.listNames(sheet))
    if (n.scope === sheet) out[n.name] = n.formula.slice(n.formula.lastIndexOf('!') + 1);
  return out;
}

/** Values, formulas, number formats and own formats of every cell of a sheet. */
export function contentOf(fake: FakeExcel, sheet: string) {
  const snap = fake.workbook.snapshotSheet(sheet);
  return snap.cells.map((c) => ({
    a: c.address,
    v: c.value,
    f: c.formula,
    nf: c.numberFormat,
    fill: c.fillColor,
    font: c.fontColor,
    bold: c.bold,
  }));
}

export const cellsOfRange = (a: string): string[] => {
  const r = parseRange(a)!;
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++)
      out.push(`${String.fromCharCode(64 + col)}${row}`);
  return out;
};

/** A snapshot read straight from the fake's model (independent of the adapter's reader). */
export function snapshotOf(fake: FakeExcel, sheet: string): FormSnapshot {
  return snapshotFromCells(
    namesOn(fake, sheet),
    (address) => {
      const c = fake.workbook.getCell(sheet, address);
      return {
        value: c.value === '' ? null : c.value,
        formula: c.formula ?? undefined,
        numberFormat: c.numberFormat,
      };
    },
    sheet,
  );
}

/** The pane's list and the sheet agree: exactly the cells of error/warning findings are marked. */
export function expectMarksMatch(fake: FakeExcel, sheet: string, result: CheckResult) {
  expect(marksOn(fake, sheet)).toEqual(Object.fromEntries(desiredMarks(result.findings)));
}

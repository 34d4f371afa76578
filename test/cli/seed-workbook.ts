/**
 * The seed form (test/fixtures/seed.ts) as a filled .xlsx: the template for its year, sized to
 * its indicator rows, with every cell the seed holds written in — the way a person who typed the
 * Word table into the form would leave it (typed totals replace the formulas, numbers wrapped in
 * U+3000 stay text).
 */
import { seedCells } from '../fixtures/seed';
import { writeForms, type FormSheet } from '../../src/xlsx/write';

export function seedFormSheet(sheetName?: string): FormSheet {
  const { layout, cells } = seedCells();
  return { layout, fill: cells, sheetName };
}

export function seedWorkbook(): Promise<Buffer> {
  return writeForms([seedFormSheet()]);
}

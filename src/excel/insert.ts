/** Inserting a form (empty, or filled by import and roll forward) on a new worksheet. */
import type { Layout } from '../core/form/types';
import type { RawCell } from '../core/values/types';
import { freeSheetName } from './export-sheet';
import { queueLayout } from './paint';

/** What the adapter needs of Excel: `Excel.run` (the real one or the fake's). */
export interface ExcelLike {
  run: typeof Excel.run;
}

/**
 * Inserts a layout into a new worksheet in two round trips whatever its size: one to learn the
 * sheet names (to pick a free one: '绩效目标表2024', '绩效目标表2024 (2)' …), one that adds the
 * sheet and paints everything (with `cells`, the form's content too: import and roll forward).
 * Existing sheets are never written to. Returns the new sheet's name.
 */
export async function insertFormLayout(
  excel: ExcelLike,
  layout: Layout,
  opts: { activate?: boolean; cells?: Map<string, RawCell> } = {},
): Promise<string> {
  return excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    const name = freeSheetName(
      layout.sheetName,
      sheets.items.map((s) => s.name),
    );
    // Our own writes must not come back as edits to check.
    ctx.runtime.enableEvents = false;
    ctx.application.suspendScreenUpdatingUntilNextSync();
    const sheet = sheets.add(name);
    queueLayout(sheet, layout, opts.cells);
    if (opts.activate !== false) sheet.activate();
    ctx.runtime.enableEvents = true;
    await ctx.sync();
    return name;
  });
}

/**
 * The Excel adapter's entry point: the host wired to the whole rule catalogue. The add-in passes
 * the real `Excel` global; tests and the playground pass the fake's.
 */
import { createFormChecker } from '../core/rules/catalogue';
import { createExcelHost, type ExcelHost, type ExcelHostOptions, type ExcelLike } from './host';

export type { ExcelHost, ExcelHostOptions, ExcelLike } from './host';
export { createExcelHost } from './host';

/** The AddinApi over Excel with every rule of the catalogue. */
export function createAddinHost(
  excel: ExcelLike,
  options: Partial<ExcelHostOptions> = {},
): ExcelHost {
  return createExcelHost(excel, { createChecker: createFormChecker, ...options });
}

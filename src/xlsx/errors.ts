/**
 * Why a file cannot be read: a stable code for programs and a bilingual message for people.
 * Every problem with an input file becomes one of these; nothing else escapes the reader.
 */
import type { Bilingual } from '../core/form/types';

export type XlsxProblemCode =
  | 'not-found'
  | 'not-a-file'
  | 'empty'
  | 'too-large'
  | 'not-xlsx'
  | 'legacy-xls'
  | 'encrypted'
  | 'corrupt'
  | 'zip-bomb'
  | 'unsafe-xml'
  | 'sheet-too-large'
  | 'no-form';

export class XlsxProblem extends Error {
  readonly code: XlsxProblemCode;
  readonly text: Bilingual;

  constructor(code: XlsxProblemCode, text: Bilingual) {
    super(`${text.zh} / ${text.en}`);
    this.name = 'XlsxProblem';
    this.code = code;
    this.text = text;
  }
}

export function problem(code: XlsxProblemCode, zh: string, en: string): XlsxProblem {
  return new XlsxProblem(code, { zh, en });
}

/** Bytes in a readable unit, for messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

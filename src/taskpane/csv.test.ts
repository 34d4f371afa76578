import { csvRowCount, parseCsv } from './csv';

describe('parseCsv (export preview)', () => {
  it('reads quoted fields, doubled quotes, line breaks inside quotes and CRLF; drops the BOM', () => {
    const text = '\uFEFFa,b,c\r\n"x,y","say ""hi""","two\r\nlines"\r\n,,\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x,y', 'say "hi"', 'two\r\nlines'],
      ['', '', ''],
    ]);
    expect(csvRowCount(text)).toBe(3);
  });
  it('stops after maxRows, and reads a last line without a line break', () => {
    expect(parseCsv('1\n2\n3', 2)).toEqual([['1'], ['2']]);
    expect(parseCsv('1\n2')).toEqual([['1'], ['2']]);
    expect(parseCsv('')).toEqual([]);
  });
});

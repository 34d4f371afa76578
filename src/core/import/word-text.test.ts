import { parseWordTableText, readWordTable } from './word-text';

describe('parseWordTableText', () => {
  it('splits cells on tabs, rows on empty lines, and joins a cell’s continuation lines', () => {
    const text =
      '部门整体绩效目标表\n单位：万元\n\t部门（单位）\n名称\n\t\u3000鄂州市商务局\n\n\t填报人\n\t张赛球\n\n';
    expect(parseWordTableText(text)).toEqual([
      ['部门整体绩效目标表'],
      ['单位：万元'],
      ['部门（单位）\n名称', '\u3000鄂州市商务局'],
      ['填报人', '张赛球'],
    ]);
  });
  it('accepts CRLF line ends and empty input', () => {
    expect(parseWordTableText('\ta\r\n\tb\r\n\r\n')).toEqual([['a', 'b']]);
    expect(parseWordTableText('')).toEqual([]);
  });
  it('gives the line each cell starts on, in the shape of the cells', () => {
    const text = '标题\n\t部门（单位）\n名称\n\t商务局\n\n\t填报人\n\t\n';
    expect(readWordTable(text)).toEqual({
      rows: [['标题'], ['部门（单位）\n名称', '商务局'], ['填报人', '']],
      lines: [[1], [2, 4], [6, 7]],
    });
  });
});

import { parsePastedTable } from './pasted-text';

describe('parsePastedTable', () => {
  it('reads a Word table’s text export', () => {
    expect(parsePastedTable('\t填报人\n\t张赛球\u3000\n\n\t联系电话\n\t027\n\n')).toEqual([
      ['填报人', '张赛球\u3000'],
      ['联系电话', '027'],
    ]);
  });
  it('reads tab-separated rows as Excel copies them, quoted line breaks and quotes included', () => {
    expect(
      parsePastedTable('部门（单位）名称\t市局\t\t\r\n"一级\n指标"\t"说""明"\t\t\r\n\t\t\t\r\n'),
    ).toEqual([
      ['部门（单位）名称', '市局'],
      ['一级\n指标', '说"明'],
    ]);
  });
  it('gives nothing for nothing', () => {
    expect(parsePastedTable('')).toEqual([]);
  });
});

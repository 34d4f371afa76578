import { importRows } from './from-rows';

describe('importRows: a field’s value is the cell right of its label', () => {
  it('an empty field stays empty: the next field’s label is not its value', () => {
    // 填报人 left empty on a template: the next non-empty cell of the row is 联系电话's label.
    const res = importRows([
      ['部门（单位）名称', '市局'],
      ['填报人', '', '', '联系电话', '', '027-1234'],
    ]);
    expect(res.fields.Dept_Preparer).toBe('');
    expect(res.fields.Dept_Phone).toBe('027-1234');
    const where = Object.fromEntries(res.matched.map((m) => [m.name, [m.col, m.valueCol]]));
    expect(where).toMatchObject({ Dept_Name: [0, 1], Dept_Preparer: [0, -1], Dept_Phone: [3, 5] });
  });
  it('skips the empty cells a Word export keeps for merged spans', () => {
    const res = importRows([['填报人', '', '张三', '联系电话', '027']]);
    expect(res.fields.Dept_Preparer).toBe('张三');
    expect(res.matched.find((m) => m.name === 'Dept_Preparer')?.valueCol).toBe(2);
  });
});

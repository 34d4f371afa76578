import { fieldAddress, testRule } from '../test-kit';
import { rule } from '.';

const at = (name: string) => fieldAddress(name);
const HEADER = { Dept_Name: '鄂州市商务局', Dept_Preparer: '张赛球', Dept_Phone: '027-60265422' };

testRule(rule, {
  valid: [
    { name: 'all three filled', snapshot: { fields: HEADER } },
    {
      name: 'ideographic spaces around the values',
      snapshot: {
        fields: { ...HEADER, Dept_Name: '\u3000鄂州市商务局', Dept_Preparer: '张赛球\u3000' },
      },
    },
    {
      name: 'a phone typed as a number',
      snapshot: { fields: { ...HEADER, Dept_Phone: 13800138000 } },
    },
  ],
  invalid: [
    {
      name: 'a name of ideographic spaces only',
      snapshot: { fields: { ...HEADER, Dept_Name: '\u3000\u3000' } },
      findings: [
        {
          cells: [at('Dept_Name')],
          zh: '部门（单位）名称未填写',
          en: 'Department (unit) name is empty',
          fix: null,
        },
      ],
    },
    {
      name: 'an empty header',
      snapshot: {},
      findings: [
        { cells: [at('Dept_Name')] },
        { cells: [at('Dept_Preparer')], zh: '填报人未填写' },
        { cells: [at('Dept_Phone')], zh: '联系电话未填写' },
      ],
    },
    {
      name: 'a preparer of a line break and NBSP',
      snapshot: { fields: { ...HEADER, Dept_Preparer: ' \n\u00a0' } },
      findings: [{ cells: [at('Dept_Preparer')] }],
    },
  ],
});

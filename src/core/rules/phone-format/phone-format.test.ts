import { fieldAddress, testRule } from '../test-kit';
import { isPhoneNumber, rule } from '.';

const phone = (p: string | number | null) => ({ fields: { Dept_Phone: p } });
const at = fieldAddress('Dept_Phone');

testRule(rule, {
  valid: [
    { name: 'landline with area code', snapshot: phone('027-60265422') },
    {
      name: 'the seed’s, with a trailing ideographic space',
      snapshot: phone('027-60265422\u3000'),
    },
    { name: 'area code in parentheses', snapshot: phone('(027)60265422') },
    { name: 'full-width parentheses and digits', snapshot: phone('（０２７）６０２６５４２２') },
    { name: 'four-digit area code, seven-digit number', snapshot: phone('0276-1234567') },
    { name: 'with an extension', snapshot: phone('027-60265422-8001') },
    { name: 'with 转 extension', snapshot: phone('027-60265422转8001') },
    { name: 'a mobile number', snapshot: phone('13812345678') },
    { name: 'a mobile number typed as a number', snapshot: phone(13812345678) },
    { name: 'a mobile number in groups', snapshot: phone('138 1234 5678') },
    { name: 'a 400 number', snapshot: phone('400-123-4567') },
    { name: 'two numbers', snapshot: phone('027-60265422、13812345678') },
    { name: 'empty (header-required reports it)', snapshot: phone(null) },
  ],
  invalid: [
    {
      name: 'a local number without area code',
      snapshot: phone('60265422'),
      findings: [
        {
          cells: [at],
          severity: 'warning',
          zh: '联系电话“60265422”不像有效的电话号码：应为带区号的固定电话（如 027-60265422）',
          fix: null,
        },
      ],
    },
    {
      name: 'a mobile number one digit short',
      snapshot: phone('1381234567'),
      findings: [{ en: 'does not look like a phone number' }],
    },
    {
      name: 'a mobile number starting 12',
      snapshot: phone('12812345678'),
      findings: [{ cells: [at] }],
    },
    {
      name: 'a landline typed as a number lost its leading 0',
      snapshot: phone(2760265422),
      findings: [{ zh: '丢掉了开头的 0', en: 'dropped the leading 0' }],
    },
    {
      name: 'a name instead of a number',
      snapshot: phone('张赛球'),
      findings: [{ cells: [at] }],
    },
    {
      name: 'one good and one bad number',
      snapshot: phone('027-60265422，123'),
      findings: [{ cells: [at] }],
    },
  ],
});

describe('isPhoneNumber', () => {
  it.each(['02760265422', '010-12345678', '+86-13812345678', '800-810-8888', '0755-1234567'])(
    'accepts %s',
    (p) => expect(isPhoneNumber(p)).toBe(true),
  );
  it.each(['027-602654', '0276026542212345', '4001234', '2760265422', '1381234567x'])(
    'rejects %s',
    (p) => expect(isPhoneNumber(p)).toBe(false),
  );
});

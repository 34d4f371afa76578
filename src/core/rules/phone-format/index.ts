/**
 * phone-format: 联系电话 looks like a Chinese phone number — a landline with its area code
 * (027-60265422, (027)60265422, 0276-1234567, with an optional extension), an 11-digit mobile
 * number (1[3-9]…), or a 400/800 number. Full-width digits and blanks around it are tolerated;
 * several numbers may be separated by 、，；/.
 */
import { HEADER_FIELDS } from '../../form/spec';
import { normalizeText } from '../../values';
import type { Rule } from '../types';
import { cellString, preview } from '../util/basic-text';

const LANDLINE =
  /^(?:\+?86-?)?(?:\(0\d{2,3}\)|0\d{2,3})[-—–]?\d{3,4}-?\d{4}(?:(?:-|—|转|分机|ext\.?|x)\d{1,6})?$/i;
const MOBILE = /^(?:\+?86-?)?1[3-9]\d-?\d{4}-?\d{4}$/;
const SERVICE = /^[48]00-?\d{3}-?\d{4}$/;
const SEPARATORS = /[、,;/]|或/;

/** True when `one` (one number, normalised, blanks removed) is a plausible phone number. */
export function isPhoneNumber(one: string): boolean {
  const digits = one.replace(/\D/g, '');
  if (LANDLINE.test(one)) {
    const local = one.replace(/(?:-|—|转|分机|ext\.?|x)\d{1,6}$/i, '').replace(/\D/g, '');
    const withoutCountry = local.replace(/^86(?=0)/, '');
    return withoutCountry.length >= 10 && withoutCountry.length <= 12;
  }
  if (MOBILE.test(one)) return digits.replace(/^86/, '').length === 11;
  return SERVICE.test(one);
}

export const rule: Rule = {
  meta: {
    id: 'phone-format',
    severity: 'warning',
    sections: ['header'],
    description: {
      zh: '联系电话应为带区号的固定电话、11 位手机号或 400/800 电话。',
      en: 'The contact phone is a landline with area code, an 11-digit mobile or a 400/800 number.',
    },
    fixable: false,
  },
  check(ctx) {
    const spec = HEADER_FIELDS.find((f) => f.type === 'phone');
    const cell = spec ? ctx.snapshot.fields?.[spec.name] : undefined;
    if (!cell) return;
    const text = normalizeText(cellString(cell));
    if (text === '') return;
    const parts = text.split(SEPARATORS).map((p) => p.replace(/ /g, ''));
    if (parts.every((p) => p !== '' && isPhoneNumber(p))) return;
    // A number typed without separators becomes a number in Excel, which drops the leading 0.
    const lostZero =
      typeof cell.value === 'number' && isPhoneNumber(`0${text}`)
        ? {
            zh: '；Excel 把它当作数字存储，丢掉了开头的 0，请以文本输入（如 027-60265422）',
            en: '; Excel stored it as a number and dropped the leading 0: enter it as text (e.g. 027-60265422)',
          }
        : { zh: '', en: '' };
    ctx.report({
      cells: [cell.address],
      message: {
        zh: `联系电话“${preview(cellString(cell))}”不像有效的电话号码：应为带区号的固定电话（如 027-60265422）、11 位手机号或 400/800 电话${lostZero.zh}`,
        en: `The contact phone "${preview(cellString(cell))}" does not look like a phone number: use a landline with area code (e.g. 027-60265422), an 11-digit mobile or a 400/800 number${lostZero.en}`,
      },
    });
  },
};

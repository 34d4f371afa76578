import { computeLayout } from '../core/form/layout';
import {
  FORM_NAMES,
  parseWholeRowsOrCols,
  refFromNameFormula,
  sectionsForChange,
} from './form-names';

const refs = Object.fromEntries(computeLayout({ year: 2024 }).names.map((n) => [n.name, n.ref]));

describe('form names', () => {
  it('lists every name of the layout once', () => {
    const names = FORM_NAMES.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(computeLayout({ year: 2030, common: true }).names.map((n) => n.name));
  });

  it('maps edited addresses to the sections they can affect', () => {
    expect(sectionsForChange(['E7'], refs)).toEqual(['funding']);
    expect(sectionsForChange(['B3'], refs)).toEqual(['header']);
    expect(sectionsForChange(['K40', 'A1'], refs)).toEqual([]);
    expect(sectionsForChange(['B19:I20'], refs).toString()).toContain('longTerm');
    expect(sectionsForChange(['B2'], refs)).toBe('all'); // the year drives every header
    expect(sectionsForChange(['bogus'], refs)).toBe('all');
  });

  it('reads names as Office.js returns them', () => {
    expect(refFromNameFormula('=绩效目标表2024!$E$7', '绩效目标表2024')).toBe('$E$7');
    expect(refFromNameFormula("='表 1'!$B$19:$I$40", '表 1')).toBe('$B$19:$I$40');
    expect(refFromNameFormula('=Sheet1!#REF!', 'Sheet1')).toBeNull();
    expect(refFromNameFormula('=Other!$E$7', 'Sheet1')).toBeNull();
    expect(refFromNameFormula('="text"', 'Sheet1')).toBeNull();
  });

  it('parses whole rows and columns', () => {
    expect(parseWholeRowsOrCols('Sheet1!5:7')).toMatchObject({ top: 5, bottom: 7, left: 1 });
    expect(parseWholeRowsOrCols('B:C')).toMatchObject({ left: 2, right: 3, top: 1 });
  });
});

import { COLORS } from '../core/form/layout';
import type { Finding } from '../core/rules/types';
import {
  MARK_STYLE,
  desiredMarks,
  diffMarks,
  luminance,
  markFormula,
  parseMarkFormula,
} from './marks';

const finding = (severity: Finding['severity'], cells: string[]): Finding => ({
  ruleId: 'x',
  severity,
  section: 'funding',
  cells,
  message: { zh: '', en: '' },
});

describe('mark formulas', () => {
  it('round-trip address and severity, also after Excel moved the reference', () => {
    expect(parseMarkFormula(markFormula('E7', 'error'))).toEqual({
      address: 'E7',
      severity: 'error',
    });
    expect(parseMarkFormula('=AND(ROW(E8)>0,ISTEXT("PGT-MARK:warning"))')).toEqual({
      address: 'E8',
      severity: 'warning',
    });
    expect(parseMarkFormula('=AND(B19<>"",B19=B18)')).toBeNull();
    expect(parseMarkFormula(undefined)).toBeNull();
  });
});

describe('desiredMarks', () => {
  it('marks each cell once with its most severe finding and leaves info unpainted', () => {
    const m = desiredMarks([
      finding('warning', ['E7', 'E10']),
      finding('error', ['E10']),
      finding('info', ['B3']),
      finding('warning', ['B19:C19']),
    ]);
    expect(Object.fromEntries(m)).toEqual({
      E7: 'warning',
      E10: 'error',
      B19: 'warning',
      C19: 'warning',
    });
  });
});

describe('desiredMarks and empty required cells', () => {
  it('does not paint a cell whose only finding says it is not filled in yet', () => {
    const m = desiredMarks([
      { ...finding('error', ['B3']), incomplete: true },
      { ...finding('error', ['E7']), incomplete: true },
      finding('warning', ['E7']),
    ]);
    expect(Object.fromEntries(m)).toEqual({ E7: 'warning' });
  });
});

describe('diffMarks', () => {
  it('keeps marks that are still right, replaces changed ones, removes stale and doubled ones', () => {
    const d = diffMarks(
      [
        { id: '1', address: 'E7', severity: 'error' },
        { id: '2', address: 'E10', severity: 'warning' },
        { id: '3', address: 'H9', severity: 'error' },
        { id: '4', address: 'E7', severity: 'error' },
      ],
      new Map([
        ['E7', 'error'],
        ['E10', 'error'],
        ['G7', 'warning'],
      ]),
    );
    expect(d.remove.map((m) => m.id).sort()).toEqual(['2', '3', '4']);
    expect(d.add).toEqual([
      { address: 'E10', severity: 'error' },
      { address: 'G7', severity: 'warning' },
    ]);
  });

  it('changes nothing when the marks are already right', () => {
    const d = diffMarks(
      [{ id: '1', address: 'E7', severity: 'error' }],
      new Map([['E7', 'error']]),
    );
    expect(d).toEqual({ remove: [], add: [] });
  });
});

describe('mark styles', () => {
  it('tell errors from warnings without colour: border style and font weight/slant differ', () => {
    expect(MARK_STYLE.error.borderStyle).not.toBe(MARK_STYLE.warning.borderStyle);
    expect(MARK_STYLE.error.bold).not.toBe(MARK_STYLE.warning.bold);
    expect(MARK_STYLE.error.italic).not.toBe(MARK_STYLE.warning.italic);
    expect(MARK_STYLE.error.fill).toBe(COLORS.errorFill);
    expect(MARK_STYLE.warning.fill).toBe(COLORS.warningFill);
  });

  it('keep the marked text readable (contrast of font on fill at least 4.5:1)', () => {
    for (const s of Object.values(MARK_STYLE)) {
      const [a, b] = [luminance(s.fill), luminance(s.fontColor)];
      expect((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

import type { Finding } from '../core/rules/types';
import { cellsText } from './FindingItem';
import {
  MAX_SELECTED_CELLS,
  checkCounts,
  countBySeverity,
  filterFindings,
  findingKeys,
  findingsAt,
  groupFindings,
  selectionCovers,
  splitIncomplete,
} from './findings';
import { formatTime, messages } from './i18n';
import { defaultBudgetYear, parseBudgetYear } from './InsertPanel';
import { SEED_FINDINGS } from './testing';

describe('groupFindings', () => {
  test('sections in the form’s order, severities error → warning → info inside', () => {
    const groups = groupFindings(SEED_FINDINGS);
    expect(groups.map((g) => g.section)).toEqual(['funding', 'longTermGoals', 'annual']);
    const annual = groups[2];
    expect(annual.counts).toEqual({ error: 1, warning: 1, info: 1 });
    expect(annual.total).toBe(3);
    expect(annual.bySeverity.map((s) => s.severity)).toEqual(['error', 'warning', 'info']);
    const funding = groups[0];
    expect(funding.bySeverity.map((s) => [s.severity, s.findings.map((f) => f.ruleId)])).toEqual([
      ['error', ['funding-total']],
      ['warning', ['number-as-text']],
    ]);
  });

  test('keeps the incoming order within a severity and leaves empty sections out', () => {
    const f = (ruleId: string, cell: string): Finding => ({
      ruleId,
      severity: 'warning',
      section: 'header',
      cells: [cell],
      message: { zh: ruleId, en: ruleId },
    });
    const groups = groupFindings([f('b', 'C3'), f('a', 'C2')]);
    expect(groups).toHaveLength(1);
    expect(groups[0].bySeverity[0].findings.map((x) => x.ruleId)).toEqual(['b', 'a']);
    expect(groupFindings([])).toEqual([]);
  });

  test('filters', () => {
    expect(countBySeverity(filterFindings(SEED_FINDINGS, 'all'))).toEqual({
      error: 2,
      warning: 3,
      info: 1,
    });
    expect(countBySeverity(filterFindings(SEED_FINDINGS, 'errors'))).toEqual({
      error: 2,
      warning: 0,
      info: 0,
    });
    expect(countBySeverity(filterFindings(SEED_FINDINGS, 'errorsAndWarnings'))).toEqual({
      error: 2,
      warning: 3,
      info: 0,
    });
  });

  test('keys are unique and stable when other findings go away', () => {
    const dup = [SEED_FINDINGS[0], SEED_FINDINGS[0], SEED_FINDINGS[1]];
    const keys = findingKeys(dup);
    expect(new Set(keys).size).toBe(3);
    expect(findingKeys([SEED_FINDINGS[1]])[0]).toBe(keys[2]);
  });
});

describe('small helpers', () => {
  test('cellsText shortens long cell lists', () => {
    const zh = messages('zh');
    const en = messages('en');
    expect(cellsText(['E7'], zh, 'zh')).toBe('E7');
    expect(cellsText(['E7', 'E8'], en, 'en')).toBe('E7, E8');
    expect(cellsText(['A1', 'A2', 'A3', 'A4', 'A5'], zh, 'zh')).toBe('A1、A2、A3 等 5 个单元格');
    expect(cellsText([], zh, 'zh')).toBe('整表');
  });

  test('parseBudgetYear accepts full-width digits and refuses nonsense', () => {
    expect(parseBudgetYear('2025')).toBe(2025);
    expect(parseBudgetYear(' ２０２６ ')).toBe(2026);
    expect(parseBudgetYear('1999')).toBeNull();
    expect(parseBudgetYear('2100')).toBeNull();
    expect(parseBudgetYear('20x5')).toBeNull();
    expect(parseBudgetYear('')).toBeNull();
    expect(parseBudgetYear('2025.5')).toBeNull();
  });

  test('default budget year is next calendar year', () => {
    expect(defaultBudgetYear(new Date(2024, 11, 31))).toBe(2025);
    expect(defaultBudgetYear(new Date(2025, 0, 1))).toBe(2026);
  });

  test('formatTime is HH:MM:SS', () => {
    expect(formatTime(new Date(2024, 0, 1, 7, 3, 9).getTime())).toBe('07:03:09');
  });

  test('every message exists in both languages', () => {
    const zh = messages('zh');
    const en = messages('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(Object.keys(en.sections).sort()).toEqual(Object.keys(zh.sections).sort());
    for (const [k, v] of Object.entries(zh)) {
      if (typeof v === 'string') expect([k, v.length > 0]).toEqual([k, true]);
    }
  });
});

describe('checkCounts', () => {
  test('counts severities without the incomplete findings, which are counted apart', () => {
    const pending: Finding = { ...SEED_FINDINGS[0], ruleId: 'header-required', incomplete: true };
    const all = [...SEED_FINDINGS, pending, { ...pending, severity: 'warning' as const }];
    expect(checkCounts(all)).toEqual({ error: 2, warning: 3, info: 1, incomplete: 2 });
    const { problems, incomplete } = splitIncomplete(all);
    expect(problems).toEqual(SEED_FINDINGS);
    expect(incomplete.map((f) => f.severity)).toEqual(['error', 'warning']);
    expect(checkCounts([])).toEqual({ error: 0, warning: 0, info: 0, incomplete: 0 });
  });
});

describe('findingsAt', () => {
  const rules = (fs: Finding[]) => fs.map((f) => f.ruleId);
  test('the findings with a cell inside the selection, whatever its shape', () => {
    expect(rules(findingsAt(SEED_FINDINGS, 'C7'))).toEqual(['number-as-text', 'funding-total']);
    expect(rules(findingsAt(SEED_FINDINGS, 'C10:D10'))).toEqual(['funding-total']);
    expect(rules(findingsAt(SEED_FINDINGS, 'F31, B70'))).toEqual([
      'goal-vs-indicator',
      'placeholder-row',
    ]);
    expect(findingsAt(SEED_FINDINGS, 'Z1')).toEqual([]);
  });
  test('nothing for no selection, whole rows or columns, or a selection too large', () => {
    expect(findingsAt(SEED_FINDINGS, null)).toEqual([]);
    expect(findingsAt(SEED_FINDINGS, '7:7')).toEqual([]);
    expect(findingsAt(SEED_FINDINGS, 'C:C')).toEqual([]);
    expect(MAX_SELECTED_CELLS).toBeLessThan(9 * 100);
    expect(findingsAt(SEED_FINDINGS, 'A1:I100')).toEqual([]);
    expect(rules(findingsAt(SEED_FINDINGS, 'A1:J20'))).toHaveLength(3);
  });
  test('selectionCovers', () => {
    expect(selectionCovers('E7:F7', 'E7')).toBe(true);
    expect(selectionCovers('A1, E7', 'E7')).toBe(true);
    expect(selectionCovers('F7', 'E7')).toBe(false);
    expect(selectionCovers('7:7', 'E7')).toBe(false);
  });
});

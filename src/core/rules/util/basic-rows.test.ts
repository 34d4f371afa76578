import { computeLayout } from '../../form/layout';
import { makeSnapshot, type SnapshotInput } from '../test-kit';
import { FUNDING_FIELDS } from './basic-funding';
import { rowKind, rowName } from './basic-rows';

const kinds = (annual: SnapshotInput['annual']) =>
  makeSnapshot({ annual }).tables.annual.map(rowKind);

describe('rowKind', () => {
  it('tells spare rows, placeholders and indicators apart', () => {
    expect(
      kinds([
        { level1: '运行成本', level2: '公用经费控制', level3: '公用经费控制率', target: '80%' },
        {},
        { basis: '计划标准', category: '绩效基本型' },
        { level3: '……', basis: '计划标准', category: '绩效基本型' },
        { level3: '……', basis: '领导要求' },
        { level1: '履职效能', level2: '核心业务产出1' },
        { target: '90%' },
      ]),
    ).toEqual([
      'indicator',
      'spare',
      'spare',
      'placeholder',
      'indicator',
      'indicator',
      'indicator',
    ]);
  });
});

describe('rowName', () => {
  it('names a row by its 三级指标, or by its sheet row', () => {
    const [a, b] = makeSnapshot({ annual: [{ level3: '预算执行率' }, { level3: '……' }] }).tables
      .annual;
    expect(rowName(a).zh).toBe('“预算执行率”');
    expect(rowName(b)).toEqual({ zh: `第 ${b.row} 行`, en: `row ${b.row}` });
  });
});

describe('FUNDING_FIELDS', () => {
  it('are exactly the layout’s amount and share fields, with their types', () => {
    const layout = computeLayout({ year: 2024 });
    const fromLayout = layout.names
      .filter((n) => n.type === 'amount' || n.type === 'share')
      .map((n) => [n.name, n.type]);
    expect(FUNDING_FIELDS.map((f) => [f.name, f.type])).toEqual(fromLayout);
  });
});

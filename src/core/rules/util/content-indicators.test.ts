import { makeSnapshot } from '../test-kit';
import { parseCell } from '../../values';
import {
  comparable,
  displayLabel,
  displayValue,
  fmtFactor,
  isBoundedLabel,
  isGrowthLabel,
  isQualitativeLabel,
  isRateLabel,
  isSignedLabel,
  labeledRows,
  normalizeLabel,
  numericView,
  rangeOf,
  rangesConflict,
  rowDirection,
  suggestedGrade,
  valueCells,
} from './content-indicators';
import { countUnitInLabel, readCount } from './content-units';
import { BoundedCache } from './content-cache';

describe('labels', () => {
  it('normalises residue, blanks, quotes and full-width characters away', () => {
    expect(normalizeLabel('[bookmark: _GoBack]“三公”经费\u3000变动率')).toBe('三公经费变动率');
    expect(normalizeLabel('公用经费\n控制率')).toBe('公用经费控制率');
    expect(normalizeLabel(null)).toBe('');
    expect(displayLabel('“三公”经费变动率')).toBe('‘三公’经费变动率');
  });
  it('classifies indicators by their wording', () => {
    expect(isRateLabel('预算执行率')).toBe(true);
    expect(isRateLabel('行政效率')).toBe(false);
    expect(isBoundedLabel('政府采购执行率')).toBe(true);
    expect(isBoundedLabel('消费券使用客户满意度')).toBe(true);
    expect(isBoundedLabel('非税收入预算完成率')).toBe(false);
    expect(isBoundedLabel('公用经费控制率')).toBe(false);
    expect(isSignedLabel('三公经费变动率')).toBe(true);
    expect(isSignedLabel('预算执行率')).toBe(false);
    expect(isGrowthLabel('实现社会消费品零售总额稳步增长')).toBe(true);
    expect(isQualitativeLabel('绩效目标合理性')).toBe(true);
    expect(isQualitativeLabel('信息化建设情况')).toBe(true);
    expect(isQualitativeLabel('服务体制改革成效')).toBe(true);
    expect(suggestedGrade('绩效目标合理性')).toBe('合理');
    expect(suggestedGrade('信息化建设情况')).toBeNull();
  });
});

describe('labeledRows and valueCells', () => {
  const snap = makeSnapshot({
    annual: [
      {
        level1: '运行成本',
        level3: '公用经费控制率',
        prev2: '85%',
        prev1: '\u3000',
        target: '80%',
      },
      { level3: '……', target: '' },
      { level3: '完成实际利用外资万美元', target: '1050.72' },
      {},
    ],
  });
  it('keeps rows naming an indicator, with the unit the label names', () => {
    const rows = labeledRows(snap, 'annual');
    expect(rows.map((r) => r.label)).toEqual(['公用经费控制率', '完成实际利用外资万美元']);
    expect(rows[1].labelUnit?.text).toBe('万美元');
    expect(labeledRows(snap, 'annual')).toBe(labeledRows(snap, 'annual'));
  });
  it('lists the value cells that hold something', () => {
    const [row] = labeledRows(snap, 'annual');
    expect(valueCells(row).map((c) => c.key)).toEqual(['prev2', 'target']);
  });
  it('sees an edit made in place', () => {
    const s = makeSnapshot({ annual: [{ level3: '预算执行率' }] });
    expect(labeledRows(s, 'annual')[0].label).toBe('预算执行率');
    s.tables.annual[0].cells.level3!.value = '结转结余率';
    expect(labeledRows(s, 'annual')[0].label).toBe('结转结余率');
  });
  it('survives a damaged snapshot', () => {
    expect(labeledRows({ year: null, fields: {}, tables: {} } as never, 'annual')).toEqual([]);
  });
});

describe('numeric views', () => {
  const r = (label: string) => ({ label, labelUnit: null });
  it('reads percentages under a growth label as growth, bare numbers under a unit as amounts', () => {
    expect(numericView(parseCell({ value: '7.5%' }), r('社零增长率'))?.family).toBe('growth');
    expect(numericView(parseCell({ value: '7.5%' }), r('预算执行率'))?.family).toBe('percent');
    const [row] = labeledRows(makeSnapshot({ annual: [{ level3: '外贸进出口亿元' }] }), 'annual');
    expect(numericView(parseCell({ value: 64.57 }), row)).toMatchObject({
      family: 'amount',
      value: 64.57,
      unit: { text: '亿元' },
    });
    expect(numericView(parseCell({ value: '≥95%' }), r('执行率'))).toMatchObject({
      family: 'percent',
      value: 95,
      op: '≥',
    });
    expect(numericView(parseCell({ value: '健全' }), r('制度健全性'))).toBeNull();
  });
  it('compares like with like only, amounts after unit conversion', () => {
    const a = numericView(parseCell({ value: '58.7亿元' }), r('x'))!;
    const b = numericView(parseCell({ value: '587000万元' }), r('x'))!;
    const usd = numericView(parseCell({ value: '5亿美元' }), r('x'))!;
    const pct = numericView(parseCell({ value: '5%' }), r('x'))!;
    expect(comparable(a, b)).toEqual([5870000000, 5870000000]);
    expect(comparable(a, usd)).toBeNull();
    expect(comparable(a, pct)).toBeNull();
  });
  it('shows values as the user wrote them', () => {
    expect(
      displayValue(
        { address: 'E1', value: 0.8886, numberFormat: '0.00%' },
        parseCell({ value: 0.8886, numberFormat: '0.00%' }),
      ),
    ).toBe('88.86%');
    expect(
      displayValue(
        { address: 'E1', value: '\u300058.7亿元人民币' },
        parseCell({ value: '\u300058.7亿元人民币' }),
      ),
    ).toBe('58.7亿元人民币');
    expect(fmtFactor(10000)).toBe('10,000');
  });
});

describe('directions', () => {
  const rows = labeledRows(
    makeSnapshot({
      annual: [
        { level3: '高层次人才储备率' },
        { level3: '公用经费控制率' },
        { level3: '“三公”经费变动率' },
        { level3: '预算调整率' },
        { level3: '预算执行率' },
        { level3: '实现社会消费品零售总额增长率' },
        { level3: '完成外贸进出口亿元人民币' },
        { level1: '履职效能', level3: '招商引资到位资金' },
      ],
    }),
    'annual',
  );
  it('follows the direction table', () => {
    expect(rows.map((r) => rowDirection(r, 'amount')?.direction ?? null)).toEqual([
      null,
      'lower',
      'lower',
      'lower',
      'higher',
      'higher',
      'higher',
      'higher',
    ]);
    expect(rowDirection(rows[7], 'percent')).toBeNull();
  });
});

describe('ranges', () => {
  it('conflict only when no value satisfies both, with tolerance', () => {
    expect(rangesConflict(rangeOf(65.7, '='), rangeOf(64.57, '='), 0.3)).toBe(true);
    expect(rangesConflict(rangeOf(65.7, '='), rangeOf(64.57, '≥'), 0.3)).toBe(false);
    expect(rangesConflict(rangeOf(60, '='), rangeOf(64.57, '≥'), 0.3)).toBe(true);
    expect(rangesConflict(rangeOf(10, '='), rangeOf(10.4, '='), 0.5)).toBe(false);
  });
});

describe('count units', () => {
  it('reads a declared count unit only with a magnitude at the end of the label', () => {
    expect(countUnitInLabel('接待游客万人次')).toEqual({
      text: '万人次',
      word: '人次',
      magnitude: 1e4,
    });
    expect(countUnitInLabel('粮食产量(万吨)')).toMatchObject({ text: '万吨' });
    expect(countUnitInLabel('服务企业户数')).toBeNull();
    expect(countUnitInLabel('新增企业家')).toBeNull();
  });
  it('reads counts with their unit', () => {
    expect(readCount('35.6万人次')).toEqual({
      value: 35.6,
      unit: { text: '万人次', word: '人次', magnitude: 1e4 },
    });
    expect(readCount('120家')).toMatchObject({ value: 120, unit: { text: '家' } });
    expect(readCount('500千瓦时')).toMatchObject({ unit: { text: '千瓦时', magnitude: 1 } });
    expect(readCount('健全')).toBeNull();
    expect(readCount(12)).toBeNull();
  });
});

describe('BoundedCache', () => {
  it('forgets everything past its size instead of growing', () => {
    const c = new BoundedCache<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    c.set('c', 3);
    expect(c.size).toBe(1);
    expect(c.get('c')).toBe(3);
    expect(c.get('a')).toBeUndefined();
  });
});

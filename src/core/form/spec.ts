/**
 * The one declarative description of the 部门整体绩效目标表 (see shared/FORM.md).
 *
 * Everything about the form's content lives here: its sections in order, labels, field names,
 * the funding block's rows and columns, the indicator tables' columns, the enumerations and the
 * common indicators. `layout.ts` turns it into cells for a budget year; adapters never restate it.
 *
 * Field names are the form's public interface (other tools fill and read forms by name): ASCII,
 * self-explaining, and stable across versions. Never rename one; add new ones instead.
 */
import type { Bilingual, IndicatorColumnKey, IndicatorTableId } from './types';

export const FORM_TITLE: Bilingual = {
  zh: '部门整体绩效目标表',
  en: 'Department-wide performance goal table',
};
export const MONEY_UNIT_LABEL: Bilingual = { zh: '单位：万元', en: 'Unit: 10,000 yuan' };

/** The budget year cell: history columns and the long-term horizon are computed from it. */
export const BUDGET_YEAR = {
  name: 'BudgetYear',
  label: { zh: '预算年度', en: 'Budget year' },
};

export interface HeaderFieldSpec {
  key: 'name' | 'preparer' | 'phone';
  name: string;
  label: Bilingual;
  /** The label as printed in the form (may differ from the short label). */
  formLabel: string;
  type: 'text' | 'phone';
}

export const HEADER_FIELDS: HeaderFieldSpec[] = [
  {
    key: 'name',
    name: 'Dept_Name',
    label: { zh: '部门（单位）名称', en: 'Department (unit) name' },
    formLabel: '部门（单位）名称',
    type: 'text',
  },
  {
    key: 'preparer',
    name: 'Dept_Preparer',
    label: { zh: '填报人', en: 'Prepared by' },
    formLabel: '填报人',
    type: 'text',
  },
  {
    key: 'phone',
    name: 'Dept_Phone',
    label: { zh: '联系电话', en: 'Contact phone' },
    formLabel: '联系电话',
    type: 'phone',
  },
];

export type FundingBlockKey = 'Income' | 'Expense';
export type FundingColumnKey = 'Current' | 'Share' | 'Prev2' | 'Prev1';

export interface FundingItemSpec {
  key: string;
  label: Bilingual;
  /** The block's 合计 row. */
  total?: boolean;
  /** Must be filled (an empty optional row means 0). */
  required?: boolean;
}

export interface FundingBlockSpec {
  key: FundingBlockKey;
  label: Bilingual;
  items: FundingItemSpec[];
}

export const FUNDING_SECTION: Bilingual = { zh: '部门总体资金情况', en: 'Overall funding' };
export const FUNDING_HEADER: Bilingual = { zh: '总体资金情况', en: 'Funding' };
export const FUNDING_HISTORY_HEADER: Bilingual = { zh: '近两年收支金额', en: 'Last two years' };

export const FUNDING_BLOCKS: FundingBlockSpec[] = [
  {
    key: 'Income',
    label: { zh: '收入构成', en: 'Income' },
    items: [
      { key: 'Fiscal', label: { zh: '财政拨款', en: 'Fiscal appropriation' }, required: true },
      {
        key: 'SpecialAccount',
        label: { zh: '财政专户管理资金', en: 'Special fiscal account funds' },
      },
      { key: 'Own', label: { zh: '单位资金', en: "Unit's own funds" } },
      { key: 'Total', label: { zh: '合计', en: 'Total' }, total: true, required: true },
    ],
  },
  {
    key: 'Expense',
    label: { zh: '支出构成', en: 'Expenditure' },
    items: [
      { key: 'Personnel', label: { zh: '人员类项目支出', en: 'Personnel projects' } },
      { key: 'Operating', label: { zh: '运转类项目支出', en: 'Operating projects' } },
      { key: 'Targeted', label: { zh: '特定目标类项目支出', en: 'Targeted projects' } },
      { key: 'Total', label: { zh: '合计', en: 'Total' }, total: true, required: true },
    ],
  },
];

export const FUNDING_COLUMNS: { key: FundingColumnKey; label: (year: number) => Bilingual }[] = [
  { key: 'Current', label: () => ({ zh: '当年金额', en: 'Budget year amount' }) },
  { key: 'Share', label: () => ({ zh: '占比', en: 'Share' }) },
  { key: 'Prev2', label: (y) => ({ zh: `${y - 2}年`, en: `${y - 2}` }) },
  { key: 'Prev1', label: (y) => ({ zh: `${y - 1}年`, en: `${y - 1}` }) },
];

/** 'Fund_Income_Fiscal_Current' … the name of one funding cell. */
export function fundingName(
  block: FundingBlockKey,
  item: string,
  column: FundingColumnKey,
): string {
  return `Fund_${block}_${item}_${column}`;
}

export type TextSectionId = 'functions' | 'annualTasks' | 'longTermGoals' | 'annualGoals';

export interface TextSectionSpec {
  id: TextSectionId;
  name: string;
  label: (year: number) => Bilingual;
  /** Row height in points: long free text gets room to breathe. */
  height: number;
}

export const TEXT_SECTIONS: Record<TextSectionId, TextSectionSpec> = {
  functions: {
    id: 'functions',
    name: 'Text_Functions',
    label: () => ({ zh: '部门职能概述', en: 'Functions of the department' }),
    height: 150,
  },
  annualTasks: {
    id: 'annualTasks',
    name: 'Text_AnnualTasks',
    label: () => ({ zh: '年度工作任务', en: 'Annual work tasks' }),
    height: 120,
  },
  longTermGoals: {
    id: 'longTermGoals',
    name: 'Text_LongTermGoals',
    label: (y) => ({ zh: `长期目标：（截止${y + 2}年）`, en: `Long-term goals (to ${y + 2})` }),
    height: 90,
  },
  annualGoals: {
    id: 'annualGoals',
    name: 'Text_AnnualGoals',
    label: () => ({ zh: '年度目标：', en: 'Annual goals' }),
    height: 90,
  },
};

/** Names of the cells that carry years, so a checker can see they match the budget year. */
export const YEAR_LABEL_NAMES = {
  fundPrev2: 'Hdr_Fund_Prev2',
  fundPrev1: 'Hdr_Fund_Prev1',
  annualPrev2: 'Hdr_Annual_Prev2',
  annualPrev1: 'Hdr_Annual_Prev1',
  longTermHorizon: 'Hdr_LongTermGoals',
} as const;

export interface IndicatorColumnSpec {
  key: IndicatorColumnKey;
  header: (year: number) => Bilingual;
}

const COL_LEVEL1: IndicatorColumnSpec = {
  key: 'level1',
  header: () => ({ zh: '一级指标', en: 'Level 1' }),
};
const COL_LEVEL2: IndicatorColumnSpec = {
  key: 'level2',
  header: () => ({ zh: '二级指标', en: 'Level 2' }),
};
const COL_LEVEL3: IndicatorColumnSpec = {
  key: 'level3',
  header: () => ({ zh: '三级指标', en: 'Level 3' }),
};
const COL_BASIS: IndicatorColumnSpec = {
  key: 'basis',
  header: () => ({ zh: '指标值确定依据', en: 'Basis of the value' }),
};
const COL_CATEGORY: IndicatorColumnSpec = {
  key: 'category',
  header: () => ({ zh: '指标分类', en: 'Category' }),
};

export interface IndicatorTableSpec {
  id: IndicatorTableId;
  name: string;
  label: Bilingual;
  columns: IndicatorColumnSpec[];
}

export const INDICATOR_TABLES: Record<IndicatorTableId, IndicatorTableSpec> = {
  longTerm: {
    id: 'longTerm',
    name: 'LongTerm_Indicators',
    label: { zh: '长期绩效指标', en: 'Long-term indicators' },
    columns: [
      COL_LEVEL1,
      COL_LEVEL2,
      COL_LEVEL3,
      { key: 'target', header: () => ({ zh: '指标值', en: 'Value' }) },
      COL_BASIS,
      COL_CATEGORY,
    ],
  },
  annual: {
    id: 'annual',
    name: 'Annual_Indicators',
    label: { zh: '年度绩效指标', en: 'Annual indicators' },
    columns: [
      COL_LEVEL1,
      COL_LEVEL2,
      COL_LEVEL3,
      { key: 'prev2', header: (y) => ({ zh: `${y - 2}年`, en: `${y - 2}` }) },
      { key: 'prev1', header: (y) => ({ zh: `${y - 1}年`, en: `${y - 1}` }) },
      { key: 'target', header: () => ({ zh: '预期当年实现值', en: 'Expected this year' }) },
      COL_BASIS,
      COL_CATEGORY,
    ],
  },
};

export const ANNUAL_VALUE_HEADER: Bilingual = { zh: '指标值', en: 'Value' };
export const ANNUAL_HISTORY_HEADER: Bilingual = { zh: '近两年指标值', en: 'Last two years' };

/** The six 一级指标. */
export const LEVEL1_CHOICES = [
  '运行成本',
  '管理效率',
  '履职效能',
  '社会效应',
  '可持续发展能力',
  '满意度',
];
/** 指标值确定依据. */
export const BASIS_CHOICES = ['计划标准', '行业标准', '历史标准', '其他标准'];
/** 指标分类. */
export const CATEGORY_CHOICES = ['绩效基本型', '绩效创新型'];

/** Known 二级指标 under each 一级 (FORM.md). 核心业务产出N (any N) sits under 履职效能. */
export const LEVEL2_BY_LEVEL1: Record<string, string[]> = {
  运行成本: ['公用经费控制', '在职人员控制', '项目支出成本控制'],
  管理效率: ['战略管理', '预算编制', '预算执行', '绩效管理', '资产管理', '财务管理'],
  履职效能: ['核心业务产出'],
  社会效应: ['经济效益', '社会效益', '生态效益'],
  可持续发展能力: ['体制机制改革', '人才支撑', '科技支撑'],
  满意度: ['服务对象满意度', '联系部门满意度'],
};

export interface CommonIndicator {
  level1: string;
  level2: string;
  /** Empty where the indicator is department-specific. */
  level3: string;
}

/** The common indicators (共性指标), in order; rows with an empty level3 are placeholders to complete. */
export const COMMON_INDICATORS: CommonIndicator[] = [
  ...(
    [
      ['运行成本', '公用经费控制', ['公用经费控制率']],
      ['运行成本', '在职人员控制', ['在职人员控制率']],
      ['运行成本', '项目支出成本控制', ['会议费控制率', '“三公”经费变动率']],
      ['管理效率', '战略管理', ['中长期规划相符性', '工作计划健全性']],
      ['管理效率', '预算编制', ['预算编制科学性', '预算编制合理性', '立项规范性', '预算调整率']],
      [
        '管理效率',
        '预算执行',
        ['预算执行率', '结转结余率', '政府采购执行率', '非税收入预算完成率'],
      ],
      [
        '管理效率',
        '绩效管理',
        [
          '事前绩效评估完成率',
          '绩效目标合理性',
          '绩效监控开展率',
          '绩效评价覆盖率',
          '评价结果应用率',
        ],
      ],
      ['管理效率', '资产管理', ['资产管理制度健全性', '资产管理规范性']],
      ['管理效率', '财务管理', ['财务管理制度健全性', '会计核算规范性', '资金使用合规性']],
      ['履职效能', '核心业务产出1', ['']],
      ['社会效应', '经济效益', ['']],
      ['社会效应', '社会效益', ['']],
      ['社会效应', '生态效益', ['']],
      ['可持续发展能力', '体制机制改革', ['']],
      ['可持续发展能力', '人才支撑', ['']],
      ['可持续发展能力', '科技支撑', ['']],
      ['满意度', '服务对象满意度', ['']],
      ['满意度', '联系部门满意度', ['']],
    ] as [string, string, string[]][]
  ).flatMap(([level1, level2, level3s]) => level3s.map((level3) => ({ level1, level2, level3 }))),
];

/** Defaults a pre-filled common indicator row carries. */
export const COMMON_DEFAULTS = { basis: '计划标准', category: '绩效基本型' };

/** Blank body rows of an indicator table when the common indicators are not pre-filled. */
export const DEFAULT_BLANK_ROWS = 8;

import { tableAddress, testRule } from '../test-kit';
import { annualRow, longTermRow } from '../util/basic-fixtures';
import { rule } from '.';

const three = { annual: [{}, {}, {}] };

testRule(rule, {
  valid: [
    {
      name: 'common 二级 under their own 一级',
      snapshot: {
        annual: [
          annualRow({ level1: '运行成本', level2: '公用经费控制' }),
          annualRow({ level1: '管理\n效率', level2: '预算执行' }),
          annualRow({ level1: '满意度', level2: '服务对象满意度' }),
        ],
      },
    },
    {
      name: '核心业务产出N under 履职效能, full-width digits too',
      snapshot: {
        longTerm: [
          longTermRow({ level1: '履职效能', level2: '核心业务产出1' }),
          longTermRow({ level1: '履职效能', level2: '核心业务产出１２' }),
        ],
      },
    },
    {
      name: 'a department-specific 二级 is not judged',
      snapshot: { annual: [annualRow({ level1: '社会效应', level2: '营商环境' })] },
    },
    {
      name: 'an unknown 一级 is level1-enum’s',
      snapshot: { annual: [annualRow({ level1: '产出指标', level2: '预算执行' })] },
    },
  ],
  invalid: [
    {
      name: '预算执行 under 运行成本',
      snapshot: { annual: [annualRow({ level1: '运行成本', level2: '预算执行' })] },
      findings: [
        {
          cells: [tableAddress('annual', 0, 'level2'), tableAddress('annual', 0, 'level1')],
          severity: 'warning',
          zh: '二级指标“预算执行”属于一级指标“管理效率”，却放在“运行成本”下',
          fix: null,
        },
      ],
    },
    {
      name: 'a core output under 社会效应, its 一级 filled down from above',
      snapshot: {
        annual: [
          annualRow({ level1: '社会效应', level2: '经济效益' }),
          annualRow({ level1: null, level2: '核心业务产出2' }),
          annualRow({ level1: null, level2: null }),
        ],
      },
      findings: [
        {
          cells: [
            tableAddress('annual', 1, 'level2', three),
            tableAddress('annual', 0, 'level1', three),
          ],
          zh: '“核心业务产出2”属于一级指标“履职效能”',
        },
      ],
    },
    {
      name: 'a near-miss 一级 is read as what it means',
      snapshot: { longTerm: [longTermRow({ level1: '满意度指标', level2: '人才支撑' })] },
      findings: [{ zh: '应移到“可持续发展能力”下' }],
    },
  ],
});

import { tableAddress, testRule } from '../test-kit';
import { annualRow, longTermRow } from '../util/basic-fixtures';
import { rule } from '.';

const two = { annual: [{}, {}] };

testRule(rule, {
  valid: [
    {
      name: 'the six, with line breaks and spaces as Word leaves them',
      snapshot: {
        annual: [
          annualRow({ level1: '运行\n成本' }),
          annualRow({ level1: '管理 效率' }),
          annualRow({ level1: '履职\u3000效能' }),
          annualRow({ level1: '社会效应' }),
          annualRow({ level1: '可持续发展能力' }),
          annualRow({ level1: '满意度' }),
        ],
      },
    },
    {
      name: 'an empty 一级 is indicator-required’s',
      snapshot: { longTerm: [longTermRow({ level1: null })] },
    },
  ],
  invalid: [
    {
      name: 'a near miss with 类',
      snapshot: { annual: [annualRow({ level1: '运行成本类' })] },
      findings: [
        {
          cells: [tableAddress('annual', 0, 'level1')],
          severity: 'error',
          zh: '年度绩效指标的一级指标“运行成本类”写法有误：应为“运行成本”',
          fix: {
            address: tableAddress('annual', 0, 'level1'),
            value: '运行成本',
            label: { zh: '改为“运行成本”', en: 'Change to 运行成本' },
          },
        },
      ],
    },
    {
      name: 'one character off, and one character missing',
      snapshot: {
        annual: [annualRow({ level1: '管理效能' }), annualRow({ level1: '可持续发展' })],
      },
      findings: [
        {
          fix: {
            address: tableAddress('annual', 0, 'level1', two),
            value: '管理效率',
            label: { zh: '改为“管理效率”', en: 'Change to 管理效率' },
          },
        },
        {
          fix: {
            address: tableAddress('annual', 1, 'level1', two),
            value: '可持续发展能力',
            label: { zh: '改为“可持续发展能力”', en: 'Change to 可持续发展能力' },
          },
        },
      ],
    },
    {
      name: 'something else entirely: no fix, the choices listed',
      snapshot: { longTerm: [longTermRow({ level1: '产出指标' })] },
      findings: [
        {
          cells: [tableAddress('longTerm', 0, 'level1')],
          zh: '应为 运行成本、管理效率、履职效能、社会效应、可持续发展能力、满意度 之一',
          fix: null,
        },
      ],
    },
    {
      name: 'reported once for a filled-down group',
      snapshot: {
        annual: [annualRow({ level1: '运行成本类' }), annualRow({ level1: null, level2: null })],
      },
      findings: [{ cells: [tableAddress('annual', 0, 'level1', two)] }],
    },
  ],
});

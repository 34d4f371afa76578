import { readFileSync } from 'fs';
import { join } from 'path';
import { namesMarkdown } from './names-doc';

it('docs/NAMES.md is the generated table (run `npm run names:doc` after changing the layout)', () => {
  const committed = readFileSync(join(__dirname, '../../../docs/NAMES.md'), 'utf8');
  expect(committed).toBe(namesMarkdown());
  expect(committed).toContain(
    '| `Fund_Income_Fiscal_Current` | E7 | amount | 部门总体资金情况/收入构成/财政拨款/当年金额 |',
  );
});

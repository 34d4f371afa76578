/**
 * The playground in a real browser: the real task pane beside the simulated workbook, driven
 * with the mouse and the keyboard. Run by scripts/e2e.mjs (`npm run test:e2e`).
 */
/* global document */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ERROR_FILL,
  WARNING_FILL,
  assert,
  cell,
  cellLook,
  cellText,
  finding,
  formulaBar,
  insertForm,
  nameBox,
  openPlayground,
  paneCounts,
  paneFindings,
  pasteText,
  scrollGridHome,
  selectionAddress,
  settle,
  typeInto,
  waitUntil,
} from './helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const README_SHOT = path.join(ROOT, 'docs', 'screenshot-seed.png');
const U3000 = '\u3000';

const sum = (c) => c.error + c.warning + c.info;

export default function (test) {
  test('演示环境：标明是模拟，表格与任务窗格离线可用', async (ctx) => {
    const { page } = ctx;
    await openPlayground(ctx);
    const banner = page.locator('[data-testid=simulation-banner]');
    assert.match(await banner.innerText(), /演示环境：模拟工作簿，并非真正的 Excel/);
    assert.match(await banner.innerText(), /Playground: simulated workbook, not real Excel/);
    // A new workbook: one sheet, an empty grid with letters and numbers, the pane says "no form".
    assert.deepEqual(await page.locator('[role=tab]').allInnerTexts(), ['Sheet1']);
    assert.equal(await page.locator('th[data-col="A"]').innerText(), 'A');
    assert.equal(await page.locator('th[data-row="1"]').innerText(), '1');
    assert.equal(await nameBox(page), 'A1');
    await waitUntil(
      async () =>
        (await page.locator('[data-testid=status-line]').getAttribute('data-kind')) === 'noForm',
      'the pane reports no form on Sheet1',
    );
    await ctx.shot('empty workbook');
  });

  test('插入模板、键盘输入、载入示例、标记与问题清单、定位、一键修复', async (ctx) => {
    const { page } = ctx;
    await openPlayground(ctx);

    // 1. Insert the form for 2024 through the pane.
    const sheet = await insertForm(page, 2024);
    assert.equal(await cellText(page, 'A1'), '部门整体绩效目标表');
    assert.equal(await cellText(page, 'B2'), '2024');
    assert.equal(await cellText(page, 'H6'), '2022年');
    assert.deepEqual(await page.locator('[role=tab]').allInnerTexts(), ['Sheet1', sheet]);
    // Merged areas are one cell element: the title spans A1:I1.
    assert.equal(await cell(page, 'A1').getAttribute('colspan'), '9');
    assert.equal(await cell(page, 'B1').count(), 0);
    await waitUntil(
      async () =>
        (await page.locator('[data-testid=status-line]').getAttribute('data-kind')) === 'ok',
      'the pane recognises the inserted form',
    );
    await ctx.shot('form inserted');

    // 2. Type a few of the seed's cells with the keyboard, as a person does.
    await typeInto(page, 'B3', `${U3000}鄂州市商务局`);
    assert.equal(await nameBox(page), 'B4', 'Enter moves down, out of the merged name cell');
    await page.keyboard.type(`张赛球${U3000}`);
    await page.keyboard.press('Enter');
    await typeInto(page, 'G4', `027-60265422${U3000}`);
    await typeInto(page, 'E7', `${U3000}8167.74`);
    await typeInto(page, 'E11', '1546.73');
    assert.equal(await nameBox(page), 'E12');
    await page.keyboard.type('248.35');
    await page.keyboard.press('Enter');
    await page.keyboard.type('6372.66');
    // Esc cancels an edit: E14 keeps its formula.
    await page.keyboard.press('Enter');
    await page.keyboard.type('1');
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal(await cellText(page, 'B3'), `${U3000}鄂州市商务局`);
    assert.equal(await cellText(page, 'E7'), `${U3000}8167.74`, 'U+3000 keeps the number as text');
    // Formulas recalculate: the expenditure total and the shares.
    assert.equal(await cellText(page, 'E14'), '8,167.74');
    assert.equal(await cellText(page, 'G12'), '3.04%');
    assert.equal(await cellText(page, 'G13'), '78.02%');
    await cell(page, 'E14').click();
    assert.equal(await formulaBar(page), '=SUM(E11:E13)');
    // The number typed with U+3000 is marked at once and listed in the pane.
    await waitUntil(
      async () => (await finding(page, 'number-stored-as-text', 'E7').count()) === 1,
      'the pane lists E7 as a number stored as text',
    );
    const e7 = await cellLook(page, 'E7');
    assert.ok(e7.cf && [ERROR_FILL, WARNING_FILL].includes(e7.background), JSON.stringify(e7));
    await ctx.shot('typed by keyboard');

    // 3. The rest of the seed: 载入示例 types and pastes it like a person.
    await page.getByRole('button', { name: /载入示例/ }).click();
    await waitUntil(
      async () =>
        /已载入示例/.test(
          (await page.locator('[data-testid=playground-notice]').textContent()) ?? '',
        ),
      'the sample is loaded',
      60_000,
    );
    await settle(page);
    assert.equal(await cellText(page, 'B4'), `张赛球${U3000}`);
    const findings = await paneFindings(page);
    const counts = await paneCounts(page);
    assert.equal(findings.length, sum(counts), 'the pane lists as many findings as it counts');
    assert.ok(counts.error > 0 && counts.warning > 0, JSON.stringify(counts));

    // Highlights on the right cells: every '绩效创新性' category is an error, marked in place.
    const innovative = findings.filter((f) => f.rule === 'category-enum');
    assert.ok(innovative.length >= 5, `category findings: ${JSON.stringify(innovative)}`);
    for (const f of innovative) {
      assert.equal(await cellText(page, f.cell), '绩效创新性');
      const look = await cellLook(page, f.cell);
      assert.equal(look.background, ERROR_FILL, `${f.cell} is marked as an error`);
      assert.equal(look.outlineStyle, 'solid', `${f.cell}: an error mark has a solid border`);
    }
    // The numbers typed with U+3000 (before or after the digits) are listed and marked.
    const asText = findings.filter((f) => f.rule === 'number-stored-as-text').map((f) => f.cell);
    for (const a of ['E7', 'H7', 'I7']) {
      assert.ok(asText.includes(a), `${a} is listed as a number stored as text: ${asText}`);
      assert.ok((await cellText(page, a)).includes(U3000));
      assert.ok((await cellLook(page, a)).cf, `${a} is highlighted`);
    }
    // A cell without a finding carries no mark.
    assert.equal((await cellLook(page, 'C12')).cf, false);
    await scrollGridHome(page);
    await ctx.shot('seed loaded with findings');
    // The README picture: the top of the form, and the pane scrolled to its findings.
    await page.locator('[data-testid=findings-panel]').evaluate((el) => el.scrollIntoView());
    const readme = await ctx.shot('seed form with findings (README)');
    if (process.env.E2E_UPDATE_SCREENSHOT) fs.copyFileSync(readme, README_SHOT);

    // 4. Click a finding: its cell is selected, the grid scrolls to it.
    const target = innovative[0].cell;
    await finding(page, 'category-enum', target).locator('button').first().click();
    await waitUntil(async () => (await nameBox(page)) === target, `the name box shows ${target}`);
    assert.equal(await formulaBar(page), '绩效创新性');
    assert.equal(await selectionAddress(page), target);
    assert.ok(await cell(page, target).isVisible());
    await ctx.shot('finding selected');

    // Enter on a finding works too (keyboard users).
    await finding(page, 'number-stored-as-text', 'H7').locator('button').first().focus();
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await nameBox(page)) === 'H7', 'Enter on a finding selects H7');

    // 5. 一键修复 on a '绩效创新性' finding: the value changes, its mark goes, the count drops.
    const before = await paneCounts(page);
    const item = finding(page, 'category-enum', target);
    await item.getByRole('button', { name: /一键修复|修复/ }).click();
    await waitUntil(
      async () => (await cellText(page, target)) !== '绩效创新性',
      `${target} was fixed`,
    );
    await settle(page);
    assert.equal(await cellText(page, target), '绩效创新型');
    const look = await cellLook(page, target);
    assert.equal(look.cf, false, `${target} carries no mark any more: ${JSON.stringify(look)}`);
    assert.equal(await finding(page, 'category-enum', target).count(), 0);
    const after = await paneCounts(page);
    assert.equal(after.error, before.error - 1, `errors ${before.error} → ${after.error}`);
    // Go to the fixed cell with the name box to see it.
    const box = page.locator('[data-testid=name-box]');
    await box.click();
    await box.fill(target);
    await box.press('Enter');
    assert.equal(await formulaBar(page), '绩效创新型');
    await ctx.shot('finding fixed');

    // 6. A cell with a finding, clicked in the grid: its message is at the top of the pane.
    await cell(page, 'E7').click();
    const card = page.locator('[data-testid=selection-card]');
    await waitUntil(async () => (await card.count()) === 1, 'the selected cell’s card shows');
    assert.match((await card.locator('h2').textContent()) ?? '', /^所选单元格 E7(:F7)?$/);
    assert.equal(await card.locator('li[data-rule="number-stored-as-text"]').count(), 1);
    await ctx.shot('selected cell card');
    // A cell without findings: no card.
    await cell(page, 'C12').click();
    await waitUntil(async () => (await card.count()) === 0, 'no card for a cell without findings');
  });

  test('公式与条件格式：合计写错时表格自身变红（不依赖加载项标记）', async (ctx) => {
    const { page } = ctx;
    await openPlayground(ctx);
    await insertForm(page, 2024, { common: false });
    // Income equals expenditure, and each total is the sum of its parts.
    await typeInto(page, 'E7', '8167.74');
    await typeInto(page, 'E11', '1546.73');
    await page.keyboard.type('248.35');
    await page.keyboard.press('Enter');
    await page.keyboard.type('6372.66');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await cellText(page, 'E10'), '8,167.74');
    assert.equal(await cellText(page, 'E14'), '8,167.74');
    // The add-in's marks off: what remains is the form's own conditional formats.
    await page.getByRole('button', { name: '清除标记' }).click();
    await settle(page);
    assert.equal((await cellLook(page, 'E14')).cf, false, 'a right total is not highlighted');

    // Type a wrong total over the formula: the form's own rule paints it.
    await typeInto(page, 'E14', '8000');
    await settle(page);
    assert.equal(await cellText(page, 'E14'), '8,000.00');
    const wrong = await cellLook(page, 'E14');
    assert.ok(wrong.cf, 'the wrong total is highlighted');
    assert.equal(wrong.background, ERROR_FILL);
    assert.equal(wrong.outlineStyle, 'none', 'by the form’s conditional format, not by a mark');
    await ctx.shot('wrong total highlighted');

    // Ctrl+Z brings the formula back and the highlight goes.
    await page.keyboard.press('Control+z');
    await settle(page);
    assert.equal(await cellText(page, 'E14'), '8,167.74');
    assert.equal((await cellLook(page, 'E14')).cf, false);
    await cell(page, 'E14').click();
    assert.equal(await formulaBar(page), '=SUM(E11:E13)');
  });

  test('粘贴、编辑栏、插入行与删除行、撤销、工作表标签、导出问题清单', async (ctx) => {
    const { page } = ctx;
    await openPlayground(ctx);
    await insertForm(page, 2024, { common: false });

    // Paste a tab-separated block from another program into the annual table (row 31).
    await cell(page, 'B31').click();
    await pasteText(
      page,
      '产出指标\t数量指标\t完成招商引资项目数\t120个\t130个\t140个\t计划标准\t绩效基本型\r\n' +
        '"效益\n指标"\t社会效益指标\t服务企业满意度\t90%\t92%\t95%\t行业标准\t绩效改进型\r\n',
    );
    await settle(page);
    assert.equal(await cellText(page, 'D31'), '完成招商引资项目数');
    assert.equal(await cellText(page, 'B32'), '效益\n指标');
    assert.equal(await cellText(page, 'I32'), '绩效改进型');
    assert.equal(await selectionAddress(page), 'B31:I32');

    // Edit in the formula bar: Enter commits like Excel.
    await cell(page, 'D32').click();
    const bar = page.locator('[data-testid=formula-bar]');
    await bar.click();
    await bar.fill('企业满意度');
    await bar.press('Enter');
    await settle(page);
    assert.equal(await cellText(page, 'D32'), '企业满意度');
    assert.equal(await nameBox(page), 'D33');

    // The name box goes to an address.
    const box = page.locator('[data-testid=name-box]');
    await box.click();
    await box.fill('G4');
    await box.press('Enter');
    assert.equal(await nameBox(page), 'G4');

    // Delete clears, Ctrl+Z undoes.
    await cell(page, 'D31').click();
    await page.keyboard.press('Delete');
    await settle(page);
    assert.equal(await cellText(page, 'D31'), '');
    await page.keyboard.press('Control+z');
    await settle(page);
    assert.equal(await cellText(page, 'D31'), '完成招商引资项目数');

    // 插入行 at the selected row moves everything below; 删除行 takes it back.
    const label = await cellText(page, 'A27');
    await page.locator('th[data-row="27"]').click();
    assert.equal(await selectionAddress(page), '27:27', 'a row number selects the whole row');
    await page.getByRole('button', { name: '插入行' }).click();
    await settle(page);
    assert.equal(await cellText(page, 'A27'), '');
    assert.equal(await cellText(page, 'A28'), label);
    assert.equal(await nameBox(page), 'A27', 'the selection stays on the inserted row');
    assert.equal(await cellText(page, 'D32'), '完成招商引资项目数');
    await page.getByRole('button', { name: '删除行' }).click();
    await settle(page);
    assert.equal(await cellText(page, 'A27'), label);
    assert.equal(await cellText(page, 'D31'), '完成招商引资项目数');

    // Arrow keys move (over merged areas: E8:F8 is one cell); Shift+arrow extends.
    await cell(page, 'E7').click();
    await page.keyboard.press('ArrowDown');
    assert.equal(await nameBox(page), 'E8');
    await page.keyboard.press('ArrowRight');
    assert.equal(await nameBox(page), 'G8');
    await page.keyboard.press('Shift+ArrowDown');
    assert.equal(await selectionAddress(page), 'G8:G9');
    await page.keyboard.press('Shift+ArrowLeft');
    assert.equal(
      await selectionAddress(page),
      'E8:G9',
      'extending over a merged area takes all of it',
    );

    // 导出问题清单 writes a new sheet; its tab appears and shows the list.
    await page.getByRole('button', { name: '导出问题清单' }).click();
    const tab = page.locator('[role=tab][data-sheet^="问题清单"]');
    await tab.waitFor();
    await tab.click();
    await settle(page);
    assert.equal(await tab.getAttribute('aria-selected'), 'true');
    const header = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=grid] tbody tr:first-child td')]
        .map((td) => td.innerText.trim())
        .filter(Boolean),
    );
    assert.ok(header.length >= 3, `the findings sheet has a header row: ${header}`);
    await ctx.shot('findings exported');
    // Back to the form.
    await page.locator('[role=tab][data-sheet="绩效目标表2024"]').click();
    await settle(page);
    assert.equal(await cellText(page, 'A1'), '部门整体绩效目标表');
  });

  test('English: ?lang=en shows the playground and the pane in English', async (ctx) => {
    const { page } = ctx;
    await openPlayground(ctx, '?lang=en');
    const banner = await page.locator('[data-testid=simulation-banner]').innerText();
    assert.match(banner, /^Playground: simulated workbook, not real Excel/);
    assert.ok(await page.getByRole('button', { name: 'Insert rows' }).isVisible());
    assert.ok(await page.getByRole('button', { name: 'Insert form', exact: true }).isVisible());
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await ctx.shot('english');
  });
}

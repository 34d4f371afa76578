/**
 * Helpers of the end-to-end tests: drive the playground's grid and task pane the way a person
 * does (mouse and keyboard), read what the page shows, and fail with clear messages.
 */
/* global window, getComputedStyle, requestAnimationFrame, DataTransfer, ClipboardEvent */
import assert from 'node:assert/strict';

/** The mark colours of src/core/form/layout.ts (COLORS.errorFill / warningFill) as CSS rgb(). */
export const ERROR_FILL = 'rgb(248, 215, 218)';
export const WARNING_FILL = 'rgb(255, 241, 194)';

/** Opens the playground and waits until the grid and the pane are there. */
export async function openPlayground(ctx, query = '') {
  const { page, baseUrl } = ctx;
  await page.goto(`${baseUrl}/playground.html${query}`);
  await page.locator('[data-testid=grid] td[data-address="A1"]').waitFor();
  await page.locator('[data-testid=taskpane]').waitFor();
  await settle(page);
}

/**
 * Waits until every event was delivered to the add-in, every live check finished, and the grid
 * has re-rendered (two animation frames).
 */
export async function settle(page) {
  await page.evaluate(async () => {
    await window.pgtPlayground.settle();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await window.pgtPlayground.settle();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** The grid cell element showing `address` (its top-left cell when merged). */
export function cell(page, address) {
  return page.locator(`[data-testid=grid] td[data-address="${address}"]`);
}

export async function cellText(page, address) {
  return (await cell(page, address).innerText()).replace(/\n$/, '');
}

/** What the cell draws: background colour, conditional-format outline, applied flag. */
export async function cellLook(page, address) {
  return cell(page, address).evaluate((td) => {
    const inner = td.firstElementChild;
    const s = getComputedStyle(inner);
    return {
      background: getComputedStyle(td).backgroundColor,
      outlineStyle: s.outlineStyle,
      outlineColor: s.outlineColor,
      color: s.color,
      cf: td.dataset.cf === 'applied',
    };
  });
}

/** Clicks a cell, types `text` with the keyboard and presses `key` (Enter by default). */
export async function typeInto(page, address, text, key = 'Enter') {
  await cell(page, address).click();
  await page.keyboard.type(text);
  if (key) await page.keyboard.press(key);
}

/** Waits two animation frames: the grid re-renders on the frame after a model change. */
export async function frames(page) {
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}

export async function nameBox(page) {
  await frames(page);
  return page.locator('[data-testid=name-box]').inputValue();
}

export async function formulaBar(page) {
  await frames(page);
  return page.locator('[data-testid=formula-bar]').inputValue();
}

/** The selection's address as the grid draws it ('B31:I32'). */
export async function selectionAddress(page) {
  await frames(page);
  return page.locator('[data-testid=selection]').getAttribute('data-address');
}

/** Fires a paste of `text` (as text/plain) at the grid, as Ctrl+V from another program does. */
export async function pasteText(page, text) {
  await page.locator('[data-testid=cell-editor]').evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** The pane's severity counts: { error, warning, info } from its badges. */
export async function paneCounts(page) {
  const panel = page.locator('[data-testid=findings-panel]');
  const out = {};
  for (const s of ['error', 'warning', 'info']) {
    const text = await panel.locator(`[role=group] [data-severity="${s}"]`).first().innerText();
    const m = /(\d+)/.exec(text);
    assert.ok(m, `severity badge ${s} shows a number: "${text}"`);
    out[s] = Number(m[1]);
  }
  return out;
}

/** The findings listed in the pane: rule, first cell and severity of each item. */
export async function paneFindings(page) {
  return page.locator('[data-testid=findings-panel] li[data-rule]').evaluateAll((items) =>
    items.map((li) => ({
      rule: li.dataset.rule,
      cell: li.dataset.cell,
      severity: li.dataset.severity,
    })),
  );
}

/** The pane's list item of a finding. */
export function finding(page, rule, address) {
  return page.locator(
    `[data-testid=findings-panel] li[data-rule="${rule}"]${address ? `[data-cell="${address}"]` : ''}`,
  );
}

/** Polls `fn` until it returns a truthy value (or fails with `message`). */
export async function waitUntil(fn, message, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > until) throw new Error(`${message} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Inserts the form through the task pane: 预算年度 → `year`, then 插入模板. Returns the sheet name. */
export async function insertForm(page, year, { common = true } = {}) {
  const spin = page.getByRole('spinbutton', { name: '预算年度' });
  await spin.fill(String(year));
  await spin.press('Tab');
  const box = page.getByRole('checkbox', { name: '预填共性指标' });
  if ((await box.isChecked()) !== common) await box.click();
  await page.getByRole('button', { name: '插入模板', exact: true }).click();
  const sheetName = `绩效目标表${year}`;
  await page.locator(`[role=tab][data-sheet="${sheetName}"][aria-selected=true]`).waitFor();
  await settle(page);
  return sheetName;
}

/** Scrolls the grid to its top-left corner. */
export async function scrollGridHome(page) {
  await page.locator('[data-testid=grid]').evaluate((el) => {
    el.scrollTop = 0;
    el.scrollLeft = 0;
  });
}

export { assert };

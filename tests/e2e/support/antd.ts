import type { Locator, Page } from 'playwright-core';

/** Where an antd Select / TreeSelect shows its value(s): the label, or the tags of a multiple select. */
const shownValue = '.ant-select-content';

/** The antd Select (or TreeSelect) around the input `#inputId` (a Field's id, e.g. `field-role`). */
export function selectAround(page: Page, inputId: string): Locator {
  return page.locator('.ant-select', { has: page.locator(`#${inputId}`) });
}

/** Waits until no Select dropdown is open: the next Select may offer the same labels (2 中程度). */
export async function dropdownsClosed(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll('.ant-select-dropdown')].every((d) => d.getClientRects().length === 0));
}

/**
 * Picks `option` in the antd Select `select` — typing `search` first when given (a server-side
 * search such as the 従業者 picker) — and waits until the Select shows it and, for a single
 * choice, its dropdown has closed. A pick that did not take fails at this step, not at the save
 * after it. Type a `search` when the option may lie below the fold of a longer list: antd's
 * virtual list re-renders while it is scrolled to the option, and on a loaded CPU the click
 * then lands between rows.
 */
export async function chooseOption(page: Page, select: Locator, option: string | RegExp, search?: string): Promise<void> {
  if (search === undefined) await select.click();
  else await select.locator('input').fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
  await select.locator(shownValue).filter({ hasText: option }).waitFor();
  if (!(await select.evaluate((e) => e.classList.contains('ant-select-multiple')))) await dropdownsClosed(page);
}

/** `chooseOption` for the Select whose input is `#inputId`. */
export async function pickOption(page: Page, inputId: string, option: string | RegExp, search?: string): Promise<void> {
  await chooseOption(page, selectAround(page, inputId), option, search);
}

/**
 * Picks the node titled `title` in the antd TreeSelect whose input is `#inputId` (所属), typing
 * the title to bring it to the top, and waits until the field shows it.
 */
export async function pickTreeNode(page: Page, inputId: string, title: string): Promise<void> {
  const select = selectAround(page, inputId);
  await select.locator('input').fill(title);
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: title }).click();
  await select.locator(shownValue).filter({ hasText: title }).waitFor();
  await dropdownsClosed(page);
}

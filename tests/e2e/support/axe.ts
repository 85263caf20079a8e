import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterEach } from 'vitest';

/**
 * Accessibility in the browser journeys (issue 10 「Accessibility and first screen」; JIS X
 * 8341-3 / WCAG 2.1 AA): axe-core runs on the page as the journey shows it, and any violation of
 * impact `serious` or `critical` fails the step, listed with the elements it found.
 */

/** The WCAG 2.0/2.1 A and AA rules (JIS X 8341-3:2016 is WCAG 2.0). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING: ReadonlySet<string> = new Set(['serious', 'critical']);

/** One line per violation: rule, impact, help, and the first few elements (their selector and HTML). */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}${n.failureSummary ? `\n      ${n.failureSummary.replaceAll('\n', ' ').slice(0, 300)}` : ''}`)
        .join('\n');
      return `- ${v.id} (${v.impact}, ${v.nodes.length} elements): ${v.help}\n${nodes}`;
    })
    .join('\n');
}

/** The serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<Result[]> {
  // A page still loading its screen is checked once it shows (no spinner left).
  await page
    .locator('.mm-full-page-spin')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.filter((v) => FAILING.has(v.impact ?? ''));
}

/** Fails when the page has any serious or critical axe-core violation; `where` names the page in the message. */
export async function expectAccessible(page: Page, where = page.url()): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length > 0) {
    throw new Error(`axe-core: ${violations.length} serious/critical accessibility violations on ${where}\n${describeViolations(violations)}`);
  }
}

/**
 * Checks the pages a journey visits: after each step that passed, axe-core runs on the page the
 * step ended on (a step that passes through another screen on its way calls expectAccessible
 * there). Call inside `describe` after the page exists: `checkAccessibilityAfterEachStep(() =>
 * page)`. Returns the paths checked, for a journey that asserts its coverage.
 */
export function checkAccessibilityAfterEachStep(currentPage: () => Page | undefined): { checked: Set<string> } {
  const checked = new Set<string>();
  afterEach(async (context) => {
    const page = currentPage();
    if (context.task.result?.state === 'fail' || !page || page.isClosed()) return;
    const url = new URL(page.url());
    if (url.protocol === 'about:') return;
    await expectAccessible(page, `${url.pathname}${url.search} (after "${context.task.name}")`);
    checked.add(url.pathname);
  });
  return { checked };
}

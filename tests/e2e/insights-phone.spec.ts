import { InsightsPage } from './pages/InsightsPage';
import { overflowingElements } from './pages/overflow';
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures';

/**
 * The insights screen on a phone (360×740; issue 10, points 1 and 5): the summary comes first,
 * the sections are folded and the folded screen is at most four screens tall; in every state —
 * folded, every section and table open, a drill-down, the months view and a before/after date —
 * nothing is wider than the phone outside a marked scroll region, and axe finds nothing serious.
 */
test('insights on a phone: the summary first, every section folded, within four screens', async ({
  page,
}) => {
  // The demo's analysis and axe scans of a long page on a busy 2-core machine.
  test.setTimeout(300_000);
  const insights = await InsightsPage.openDemo(page);
  // 1. The summary is the first thing, on the first screen; at most five findings, with counts.
  const summary = insights.summary;
  await expect(summary).toBeInViewport();
  const items = summary.getByRole('listitem');
  expect(await items.count()).toBeGreaterThan(0);
  expect(await items.count()).toBeLessThanOrEqual(5);
  await expect(summary).toContainText(/Kacper kreeg in \d+ lessen/);
  await expect(items.first()).toBeInViewport();
  // Every section is folded on a phone; the folded screen is at most 4 screens tall (a size).
  expect(await page.locator('details.ins-fold[open]').count()).toBe(0);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThanOrEqual(4 * 740);
  expect(await overflowingElements(page)).toEqual([]);
  await expectNoSeriousA11yViolations(page, 'insights folded');

  // Kacper's finding opens what it rests on: his lessons.
  await items
    .filter({ hasText: 'Kacper' })
    .getByRole('button', { name: 'Waarop rust dit?' })
    .click();
  await expect(insights.drill.getByRole('heading', { name: 'Kacper' })).toBeVisible();
  expect(await overflowingElements(page)).toEqual([]);
  await expectNoSeriousA11yViolations(page, 'insights drill-down from the summary');
  await insights.closeDrill();
});

test('insights on a phone: every section and table open, nothing wider than the screen', async ({
  page,
}) => {
  // The demo's analysis and axe scans of a long page on a busy 2-core machine.
  test.setTimeout(300_000);
  const insights = await InsightsPage.openDemo(page);
  // 2. Every section and every table open.
  await insights.unfoldAll();
  expect(await overflowingElements(page)).toEqual([]);
  await expectNoSeriousA11yViolations(page, 'insights unfolded');

  // A group drill-down.
  await insights.expectationSection.getByRole('button', { name: /^Veel verwacht, / }).click();
  await expect(insights.drill.getByRole('heading', { name: 'Veel verwacht' })).toBeVisible();
  expect(await overflowingElements(page)).toEqual([]);
  await insights.closeDrill();
});

test('insights on a phone: months, a before/after date and a short period fit too', async ({
  page,
}) => {
  // The demo's analysis and axe scans of a long page on a busy 2-core machine.
  test.setTimeout(300_000);
  const insights = await InsightsPage.openDemo(page);
  // 3. Months, and a before/after date.
  await insights.unfold(insights.timeSection);
  await insights.timeUnit('Maanden').check();
  await insights.chooseSplit('2025-02-24');
  await insights.unfoldAll();
  expect(await overflowingElements(page)).toEqual([]);
  await expectNoSeriousA11yViolations(page, 'insights months and before/after');

  // 4. A short period (too little for most patterns).
  await insights.choosePeriod('Deze week');
  await insights.unfoldAll();
  expect(await overflowingElements(page)).toEqual([]);
  await expectNoSeriousA11yViolations(page, 'insights, a short period');
});

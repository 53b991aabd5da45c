// The height of the folded insights screen (issue 10, point 1): the demo class, every period the
// demo holds ("Alles"), on a phone (360×740) with every section closed as it opens there. Budget:
// 4 phone screens (2960 px), so the firm findings are read in a minute and the rest is a tap away.
// A size, not a timing: it is also asserted in tests/e2e/insights-phone.spec.ts.
// BENCH_SHOTS=<dir> also writes screenshots (phone, folded; wide 1280×800, open).
import { pathToFileURL } from 'node:url';
import { launchChromium, printTable, startPreview, verdict, writeFigures } from './lib.mjs';

const PORT = Number(process.env.BENCH_HEIGHT_PORT ?? 4195);
const SCREEN = 740;
const BUDGET_PX = 4 * SCREEN;
const SHOTS = process.env.BENCH_SHOTS ?? '';

async function openInsights(page, baseUrl) {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('button', { name: /demo/i }).first().click();
  await page.waitForURL(/#\/class\/[^/]+$/, { timeout: 30_000 });
  const classId = decodeURIComponent(/#\/class\/([^/?]+)/.exec(page.url())[1]);
  await page.goto(`${baseUrl}/#/class/${encodeURIComponent(classId)}/insights?period=all`);
  await page.locator('.insights[data-ready="true"]').waitFor({ timeout: 60_000 });
}

/** The document's height with every fold on the page as it opens (closed on a phone). */
function pageHeight(page) {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

export async function runInsightsHeight() {
  const server = await startPreview(PORT);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width: 360, height: SCREEN },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 1,
      locale: 'nl-NL',
      serviceWorkers: 'block',
    });
    // The demo's lessons are the school days before today; a fixed day keeps the figures equal.
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2025-03-14T10:00:00'));
    await openInsights(page, server.url);
    const folded = await pageHeight(page);
    const openFolds = await page.locator('details[open]').count();
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/insights-phone-top.png` });
      await page.screenshot({ path: `${SHOTS}/insights-phone.png`, fullPage: true });
    }
    // Every section open, for comparison (the height before folding).
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('.insights details.ins-fold')) d.open = true;
    });
    const unfolded = await pageHeight(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/insights-phone-open.png`, fullPage: true });
    if (SHOTS) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.reload();
      await page.locator('.insights[data-ready="true"]').waitFor({ timeout: 60_000 });
      await page.screenshot({ path: `${SHOTS}/insights-wide.png`, fullPage: true });
    }
    await context.close();
    const withinBudget = folded <= BUDGET_PX;
    printTable(
      ['insights, demo class, all lessons, 360×740', 'height', 'budget', ''],
      [
        [
          'sections folded (as a phone opens it)',
          `${folded} px`,
          `≤ ${BUDGET_PX} px`,
          verdict(withinBudget),
        ],
        ['every section open', `${unfolded} px`, '', ''],
      ],
    );
    console.log(`${openFolds} fold(s) open on a phone; ${(folded / SCREEN).toFixed(1)} screens.`);
    const figures = { foldedPx: folded, unfoldedPx: unfolded, budgetPx: BUDGET_PX, withinBudget };
    writeFigures('insights-height', figures);
    return figures;
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await runInsightsHeight();

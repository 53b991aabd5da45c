/**
 * Shared end-to-end fixtures. Every spec imports `test` and `expect` from here:
 * - the phone viewport and Chromium set-up come from playwright.config.ts;
 * - a guard fails the test when the app makes any request to another origin (the app promises
 *   that nothing leaves the device) or throws an uncaught error in the page;
 * - helpers for axe-core, the service worker, and going offline.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import type { BrowserContext, Page, Request } from '@playwright/test';

export { expect };

/** URLs that never leave the device. */
const LOCAL_SCHEMES = ['data:', 'blob:', 'about:', 'chrome-extension:', 'devtools:'];

/** Keeps every request of `context` that goes to an origin other than `ownOrigin`. */
export function trackForeignRequests(context: BrowserContext, ownOrigin: string): string[] {
  const foreign: string[] = [];
  const onRequest = (request: Request) => {
    const url = request.url();
    if (LOCAL_SCHEMES.some((scheme) => url.startsWith(scheme))) return;
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      foreign.push(url);
      return;
    }
    if (origin !== ownOrigin) foreign.push(`${request.method()} ${url}`);
  };
  context.on('request', onRequest);
  return foreign;
}

interface Fixtures {
  /** Set to true in a spec (`test.use({ allowPageErrors: true })`) that provokes page errors. */
  allowPageErrors: boolean;
  /** Requests to other origins seen so far in this test (the guard fails the test on any). */
  foreignRequests: string[];
}

// Playwright calls the fixture callback `use`; it is named `provide` here so the React-hooks lint
// rule does not mistake it for a hook.
export const test = base.extend<Fixtures & { _guards: void }>({
  allowPageErrors: [false, { option: true }],
  foreignRequests: async ({ context, baseURL }, provide) => {
    const ownOrigin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
    await provide(trackForeignRequests(context, ownOrigin));
  },
  _guards: [
    async ({ context, foreignRequests, allowPageErrors }, provide, testInfo) => {
      const pageErrors: string[] = [];
      const watch = (page: Page) =>
        page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
      context.pages().forEach(watch);
      context.on('page', watch);

      await provide();

      if (pageErrors.length > 0) {
        await testInfo.attach('page-errors', { body: pageErrors.join('\n\n') });
      }
      if (foreignRequests.length > 0) {
        throw new Error(
          `The app made ${foreignRequests.length} request(s) to another origin; ` +
            `nothing may leave the device:\n  ${foreignRequests.join('\n  ')}`,
        );
      }
      if (!allowPageErrors && pageErrors.length > 0) {
        throw new Error(`Uncaught error(s) in the page:\n${pageErrors.join('\n\n')}`);
      }
    },
    { auto: true },
  ],
});

/** Opens the app at `path` (e.g. '/', '/#/settings') and waits until the screen's h1 shows. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

export interface A11yOptions {
  /** A name for the scan in the failure message, e.g. 'live lesson'. */
  label?: string;
  /** CSS selector to scan only part of the page. */
  include?: string;
  /** CSS selectors to leave out. */
  exclude?: string[];
  /** axe rule ids to switch off (say why in the spec). */
  disableRules?: string[];
}

const SERIOUS = new Set(['serious', 'critical']);

/**
 * Runs axe-core (WCAG 2.x A and AA rules plus best practices) and fails on any violation of
 * impact serious or critical, listing each with the elements involved.
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  context?: string | A11yOptions,
): Promise<void> {
  const options: A11yOptions = typeof context === 'string' ? { label: context } : (context ?? {});
  let builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'wcag22aa',
    'best-practice',
  ]);
  if (options.include) builder = builder.include(options.include);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);

  const { violations } = await builder.analyze();
  const serious = violations.filter((v) => v.impact != null && SERIOUS.has(v.impact));
  const report = serious
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map((n) => {
          const summary = (n.failureSummary ?? '').replace(/\n/g, '\n        ');
          return `    - ${n.target.join(' ')}\n        ${summary}`;
        })
        .join('\n');
      const more = v.nodes.length > 10 ? `\n    … and ${v.nodes.length - 10} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
  const where = options.label ? ` on "${options.label}"` : ` on ${page.url()}`;
  expect(
    serious.length,
    `axe-core found ${serious.length} serious/critical violation(s)${where}:\n${report}`,
  ).toBe(0);
}

async function isControlled(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
}

/**
 * Waits until the service worker is active and controls the page. With registerType 'prompt'
 * the first visit is not controlled yet (the worker does not claim clients), so this reloads
 * once; after it, the page and the precache work offline.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  if (await isControlled(page)) return;
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 15_000,
  });
}

export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
}

export async function goOnline(context: BrowserContext): Promise<void> {
  await context.setOffline(false);
}

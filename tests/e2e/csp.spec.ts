import type { Page } from '@playwright/test';
import { expect, openApp, test } from './support/fixtures';
import { HomePage } from './pages/HomePage';
import { StartLessonPage } from './pages/StartLessonPage';

// The Content-Security-Policy in index.html is strict (one inline script, the start read,
// allowed by its hash; no inline style, nothing from another origin). Every main screen of the demo class must run under it without a single
// violation: one would mean a feature silently broken for the teacher.

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

declare global {
  interface Window {
    __cspViolations?: Violation[];
    __persistCalls?: number;
  }
}

/** Listens for violations in every document of the page, from before the app's first script. */
async function watchCsp(page: Page, consoleErrors: string[]): Promise<void> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    window.__persistCalls = 0;
    const storage = navigator.storage as StorageManager | undefined;
    if (storage) {
      const persist = storage.persist.bind(storage);
      storage.persist = () => {
        window.__persistCalls! += 1;
        return persist();
      };
    }
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push({
        directive: e.violatedDirective,
        blocked: e.blockedURI,
        sample: e.sample,
      });
    });
  });
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) consoleErrors.push(text);
  });
}

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  // Lazy screens load their chunk and styles; let the network settle before reading.
  await page.waitForLoadState('networkidle');
  const seen = await page.evaluate(() => window.__cspViolations ?? []);
  expect(seen, `CSP violations on ${screen}`).toEqual([]);
}

test('the CSP is shipped and every main screen runs under it without a violation', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const consoleErrors: string[] = [];
  await watchCsp(page, consoleErrors);

  await openApp(page);
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ]) {
    expect(csp).toContain(directive);
  }
  await expectNoViolations(page, 'home');
  // Persistent storage is asked at the first real save, never on page load.
  expect(await page.evaluate(() => window.__persistCalls)).toBe(0);

  const home = new HomePage(page);
  await home.openDemoClass();
  const classId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
  await expectNoViolations(page, 'class');

  const visit = async (hash: string, name: string) => {
    await page.goto(`/#${hash}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoViolations(page, name);
  };
  const c = `/class/${encodeURIComponent(classId)}`;
  await visit(`${c}/insights`, 'insights');
  // Open every folded section so charts and their styles render too.
  for (const summary of await page.locator('main details > summary').all()) {
    if (await summary.isVisible()) await summary.click();
  }
  await expectNoViolations(page, 'insights, unfolded');
  await visit(`${c}/pupils`, 'pupils');
  const pupilHref = await page.locator('main a[href^="#/pupil/"]').first().getAttribute('href');
  expect(pupilHref).toBeTruthy();
  await visit(pupilHref!.slice(1), 'pupil page');
  for (const screen of [
    'seating',
    'lenses',
    'expectations',
    'relationships',
    'achievements',
    'journal',
    'intentions',
    'banking',
    'share',
    'sheet',
  ]) {
    await visit(`${c}/${screen}`, screen);
  }

  // A live lesson, one tap, then the after-lesson screens.
  const start = new StartLessonPage(page);
  await start.open(classId);
  const lessonId = await start.start({ topic: 'CSP' });
  await page.locator('.live-grid button').first().click();
  await expectNoViolations(page, 'live lesson');
  await visit(`/lesson/${encodeURIComponent(lessonId)}/reflect`, 'reflect minute');
  await visit(`/lesson/${encodeURIComponent(lessonId)}/after`, 'after lesson');
  await visit(`/lesson/${encodeURIComponent(lessonId)}/edit`, 'lesson edit');

  for (const [hash, name] of [
    ['/settings', 'settings'],
    ['/backup', 'backup'],
    ['/coach', 'coach list'],
    ['/about', 'about'],
    ['/privacy', 'privacy'],
  ] as const) {
    await visit(hash, name);
  }

  expect(consoleErrors, 'CSP messages in the console').toEqual([]);
});

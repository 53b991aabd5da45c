import {
  expect,
  expectNoSeriousA11yViolations,
  goOffline,
  goOnline,
  openApp,
  test,
  waitForServiceWorkerControl,
} from './support/fixtures';

// The shell itself: it loads, is installable, works offline, and is accessible. The fixture's
// guard fails each test on any request to another origin.

test('the start screen loads with one h1 and nothing from other origins', async ({
  page,
  foreignRequests,
}) => {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.waitForLoadState('networkidle');
  expect(foreignRequests).toEqual([]);
});

test('the manifest is linked and has what an install needs', async ({ page }) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href, 'index.html links no manifest').toBeTruthy();

  const manifest = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return (await response.json()) as {
      name?: string;
      short_name?: string;
      lang?: string;
      theme_color?: string;
      display?: string;
      start_url?: string;
      icons?: { src: string; sizes?: string; purpose?: string }[];
    };
  }, href!);

  expect(manifest.name).toBeTruthy();
  expect(manifest.short_name).toBeTruthy();
  expect(manifest.lang).toBe('nl');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{3,8}$/i);
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBeTruthy();
  const icons = manifest.icons ?? [];
  const sizes = icons.flatMap((icon) => (icon.sizes ?? '').split(/\s+/));
  expect(sizes).toContain('192x192');
  expect(sizes).toContain('512x512');
  expect(icons.some((icon) => (icon.purpose ?? '').split(/\s+/).includes('maskable'))).toBe(true);

  // Every icon is really served as an image.
  for (const icon of icons) {
    const type = await page.evaluate(async (src) => {
      const response = await fetch(new URL(src, location.href));
      return response.ok ? response.headers.get('content-type') : `HTTP ${response.status}`;
    }, icon.src);
    expect(type, icon.src).toMatch(/^image\//);
  }
});

test('after the service worker takes control, the app starts offline', async ({
  page,
  context,
}) => {
  await openApp(page);
  await waitForServiceWorkerControl(page);

  await goOffline(context);
  try {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    // A deep link is answered by the worker's navigation fallback too.
    await page.goto('/#/settings');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  } finally {
    await goOnline(context);
  }
});

test('the start screen has no serious accessibility violations', async ({ page }) => {
  await openApp(page);
  await expectNoSeriousA11yViolations(page, 'start screen');
});

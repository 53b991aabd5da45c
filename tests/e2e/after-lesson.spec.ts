import type { Page } from '@playwright/test';
import { AfterLessonPage, isoDaysAgo } from './pages/AfterLessonPage';
import { ClassPage } from './pages/ClassPage';
import { HomePage } from './pages/HomePage';
import { CLASS_OF_32 } from './pages/LivePage';
import { PupilsPage } from './pages/PupilsPage';
import { lessonUnderWay } from './pages/setup';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';

/** Counts every click the teacher makes from now on (a tap is a click on the phone). */
async function countTaps(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __taps: number };
    w.__taps = 0;
    document.addEventListener('click', () => w.__taps++, { capture: true });
  });
  return () => page.evaluate(() => (window as unknown as { __taps: number }).__taps);
}

/** The lesson's stored events, read from IndexedDB as the app stored them. */
async function storedEvents(page: Page, lessonId: string) {
  return page.evaluate(
    (id) =>
      new Promise<{ at: string | null; loggedAfter: boolean; kind: string }[]>((done, fail) => {
        const open = indexedDB.open('spiegel');
        open.onerror = () => fail(new Error(String(open.error)));
        open.onsuccess = () => {
          const get = open.result.transaction('lessonEvents').objectStore('lessonEvents').get(id);
          get.onsuccess = () => {
            done((get.result as { events?: [] } | undefined)?.events ?? []);
            open.result.close();
          };
          get.onerror = () => fail(new Error(String(get.error)));
        };
      }),
    lessonId,
  );
}

test('log yesterday afterwards on the grid: 30 interactions in 35 taps, no scrolling, the missing pupils named', async ({
  page,
}) => {
  // A class of 32, 40 taps and three axe scans: on a busy 2-core machine this takes minutes.
  test.setTimeout(360_000);
  await openApp(page);
  const classId = await new HomePage(page).createClass('2 havo');
  const pupils = new PupilsPage(page);
  await pupils.open(classId);
  await pupils.pasteNames(CLASS_OF_32);

  const classPage = new ClassPage(page);
  await classPage.open(classId);
  await classPage.logAfter();
  const after = new AfterLessonPage(page);
  await expect(after.newHeading).toBeVisible();
  // Today by default, and no later day offered.
  await expect(after.date).toHaveValue(isoDaysAgo(0));
  await expect(after.date).toHaveAttribute('max', isoDaysAgo(0));
  await expectNoSeriousA11yViolations(page, 'new lesson afterwards');

  // A future date is refused with a message, and nothing is created.
  await after.date.fill(isoDaysAgo(-1));
  await after.submit.click();
  await expect(page.getByRole('alert')).toContainText('in de toekomst');
  await expect(after.newHeading).toBeVisible();

  const lessonId = await after.createLesson({
    date: isoDaysAgo(1),
    startTime: '10:15',
    endTime: '11:05',
    topic: 'Breuken',
  });
  await expect(page.locator('.live-front')).toContainText('Breuken');
  await expect(page.locator('.live-front')).toContainText('10:15–11:05');
  await expect(after.tileButtons).toHaveCount(64);
  await after.expectAllTilesInView();
  // Before anything, everyone is named as "nothing yet".
  await expect(after.missedHint).toContainText('Nog niets voor 32:');
  await expect(after.passButton).toHaveAccessibleName('Wie nog niet? 32 leerlingen');

  // 30 typical interactions: 25 turns (one tap each) and 5 other kinds (two taps each).
  const taps = await countTaps(page);
  const turns = CLASS_OF_32.slice(0, 22).concat(CLASS_OF_32.slice(0, 3));
  for (const name of turns) await after.tapTurn(name);
  await after.logKind('Daan Kok', 'Compliment');
  await after.logKind('Mohammed El Amrani', 'Compliment');
  await after.logKind('Fenna Smit', 'Correctie op gedrag');
  await after.logKind('Julia van den Berg', 'Hulp of uitleg');
  await after.logKind('Wout Koster', 'Persoonlijke aandacht');
  expect(await taps()).toBe(35);
  await after.expectAllTilesInView();
  await expect(after.tally).toContainText('30 interacties');
  await expect(after.tally).toContainText('23 van 32 gesproken');

  // The memory aid names who has nothing yet, by their short names, in seating order.
  await expect(after.missedHint).toHaveText(
    'Nog niets voor 9: Tess, Umut, Vera, Yara, Zoë, Anne-Sophie, Bram, Chayenne, Emma',
  );
  await expect(after.tile('Tess Willems')).toContainText('nog niet');
  await expectNoSeriousA11yViolations(page, 'after-lesson grid');

  // The pass: every pupil with nothing, by full name; one got a turn after all, one was absent.
  await after.passButton.click();
  await expect(after.passSheet.locator('.missed-name')).toHaveText([
    'Tess Willems',
    'Umut Kaya',
    'Vera Brouwer',
    'Yara Vermeulen',
    'Zoë Hoekstra',
    'Anne-Sophie Verhoeven',
    'Bram Jacobs',
    'Chayenne Sitaldin',
    'Emma van der Linden',
  ]);
  await after.passSheet.getByRole('button', { name: 'Beurt voor Tess Willems' }).click();
  await expect(after.passSheet.locator('.missed-row', { hasText: 'Tess Willems' })).toContainText(
    '✓ 1 moment',
  );
  await after.passSheet.getByRole('button', { name: 'Umut Kaya afwezig' }).click();
  await expect(after.passSheet.locator('.missed-row', { hasText: 'Umut Kaya' })).toContainText(
    'afwezig',
  );
  await page.keyboard.press('Escape');
  await expect(after.passSheet).toBeHidden();
  await expect(after.tile('Umut Kaya')).toContainText('afwezig');
  await expect(after.tally).toContainText('24 van 31 gesproken');

  // Stored as logged afterwards: no exact time.
  const events = await storedEvents(page, lessonId);
  expect(events).toHaveLength(31);
  expect(events.every((e) => e.loggedAfter && e.at === null)).toBe(true);

  await page.reload();
  await after.waitReady();
  expect(new URL(page.url()).hash).toBe(`#/lesson/${lessonId}/after`);
  await expect(after.total('Mohammed El Amrani')).toHaveText('3');
  await expect(after.total('Tess Willems')).toHaveText('1');
  await expect(after.tally).toContainText('31 interacties');

  // "Klaar" leads to the summary before the after-lesson minute: counts per kind, names.
  await page.getByRole('link', { name: 'Klaar' }).click();
  const summary = page.getByRole('region', { name: 'Wat je deze les vastlegde' });
  await expect(summary).toContainText('31 momenten');
  await expect(summary).toContainText('26 beurten');
  await expect(summary).toContainText('2 complimenten');
  await expect(summary).toContainText('Nog niets vastgelegd voor deze 7 leerlingen:');
  await expect(summary).toContainText('Vera Brouwer, Yara Vermeulen');
  await expect(summary).toContainText('1 leerling was afwezig.');
  await expectNoSeriousA11yViolations(page, 'summary before the minute');
});

test('a lesson logged live can be completed afterwards on the same grid', async ({ page }) => {
  const { lessonId, live } = await lessonUnderWay(page, '2 havo', ['Sem', 'Noa']);
  await live.tapTurn('Sem');
  await live.tapTurn('Sem');
  const after = new AfterLessonPage(page);

  await after.open(lessonId);
  await expect(after.total('Sem')).toHaveText('2');
  await after.logKind('Noa', 'Compliment');
  await after.qualifier('Specifiek').click();
  await expect(after.qualifier('Specifiek')).toHaveAttribute('aria-pressed', 'true');
  await after.undoButton.click();
  await expect(after.total('Noa')).toHaveText('0');
  await after.tapTurn('Noa');

  await page.reload();
  await after.waitReady();
  await expect(after.total('Sem')).toHaveText('2');
  await expect(after.total('Noa')).toHaveText('1');
  const events = await storedEvents(page, lessonId);
  expect(events.map((e) => e.loggedAfter).sort()).toEqual([false, false, true]);
});

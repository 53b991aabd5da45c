import { KIND_INFO } from '../../src/model/kinds';
import { ClassPage } from './pages/ClassPage';
import { HomePage } from './pages/HomePage';
import {
  CLASS_OF_25,
  CLASS_OF_32,
  LivePage,
  TOTALS_AFTER_ELEVEN,
  expectTotals,
  logElevenEvents,
} from './pages/LivePage';
import { PupilsPage } from './pages/PupilsPage';
import { StartLessonPage } from './pages/StartLessonPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';
import { wordsBrokenAcrossLines } from './support/names';

test('log a lesson by tapping: one tap a turn, two taps the rest, undo, and it survives a reload', async ({
  page,
}) => {
  await openApp(page);
  const classId = await new HomePage(page).createClass('3B');
  const pupils = new PupilsPage(page);
  await pupils.open(classId);
  await pupils.pasteNames(CLASS_OF_25);

  const classPage = new ClassPage(page);
  await classPage.open(classId);
  await classPage.startLesson();
  const start = new StartLessonPage(page);
  // Defaults in one tap: today, now, now + 50 minutes.
  await expect(start.date).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expect(start.startTime).toHaveValue(/^\d{2}:\d{2}$/);
  await expectNoSeriousA11yViolations(page, 'start lesson');
  const lessonId = await start.start({ topic: 'Breuken' });

  const live = new LivePage(page);
  await live.waitReady();
  await expect(page.getByText('Breuken')).toBeVisible();
  await expect(live.tileButton('Zoë')).toHaveAccessibleName('Zoë: nog niet aangesproken');
  await expect(live.tally).toContainText('0 van 25 aangesproken');

  await logElevenEvents(live);
  await expectTotals(live, TOTALS_AFTER_ELEVEN);
  await expect(live.tally).toContainText('11 interacties');
  await expect(live.tally).toContainText('5 van 25 aangesproken');
  await expect(live.tileButton('Noor')).toHaveAccessibleName(
    'Noor: 4 interacties (2 beurten, 1 compliment, 1 keer doorgevraagd)',
  );
  // Per-kind counts on the tile and the "not yet" mark as text, not colour alone.
  await expect(page.locator('.tile', { has: live.tileButton('Sem') })).toContainText(
    `${KIND_INFO.turn.symbol}3`,
  );
  await expect(page.locator('.tile', { has: live.tileButton('Zoë') })).toContainText('nog niet');
  await expectNoSeriousA11yViolations(page, 'live lesson with counts');

  await page.reload();
  await live.waitReady();
  await expectTotals(live, TOTALS_AFTER_ELEVEN);
  await expect(live.tally).toContainText('11 interacties');

  // The undo stack survives the reload: the last event (Emma's help) can still be taken back.
  await expect(live.undoButton).toContainText('Hulp · Emma');

  // Absent: greyed with text; a tap on the tile logs nothing.
  await live.setAbsent('Fenna', true);
  await expect(page.locator('.tile', { has: live.tileButton('Fenna') })).toContainText('afwezig');
  await live.tileButton('Fenna').click();
  await expect(live.announcer).toContainText('Fenna staat op afwezig');
  await expect(live.total('Fenna')).toHaveText('0');
  await expect(live.tally).toContainText('5 van 24 aangesproken');

  // The sheet, open, passes the same scan.
  await live.moreButton('Gijs').click();
  await expect(live.sheet).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'live lesson with the sheet open');
  await page.keyboard.press('Escape');
  await expect(live.sheet).toBeHidden();

  await live.endLesson();
  const lessons = page.getByRole('region', { name: 'Lessen' });
  await expect(lessons).toContainText('Breuken');
  await expect(lessons).toContainText('11 interacties');
  await lessons.getByRole('link', { name: /^Verder vastleggen/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/lesson/${lessonId}$`));
  await live.waitReady();
  await expectTotals(live, TOTALS_AFTER_ELEVEN);
});

test('keyboard only: tab to the grid, move with the arrow keys, Enter logs a turn', async ({
  page,
}) => {
  await openApp(page);
  const classId = await new HomePage(page).createClass('4A');
  const pupils = new PupilsPage(page);
  await pupils.open(classId);
  await pupils.pasteNames(CLASS_OF_25.slice(0, 12));
  await new StartLessonPage(page).open(classId);
  await new StartLessonPage(page).start();
  const live = new LivePage(page);
  await live.waitReady();

  // Tab from the top of the screen until a tile has focus.
  const focusedTile = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.classList.contains('tile-main') ? (el.dataset.pupilId ?? null) : null;
    });
  let first: string | null = null;
  for (let i = 0; i < 12 && !first; i++) {
    await page.keyboard.press('Tab');
    first = await focusedTile();
  }
  expect(first).not.toBeNull();
  await page.keyboard.press('ArrowRight');
  const second = await focusedTile();
  expect(second).not.toBeNull();
  expect(second).not.toBe(first);
  await page.keyboard.press('ArrowLeft');
  expect(await focusedTile()).toBe(first);
  await page.keyboard.press('ArrowRight');

  await page.keyboard.press('Enter');
  const total = page.locator('.tile', { has: page.locator(`[data-pupil-id="${second}"]`) });
  await expect(total.locator('[data-total]')).toHaveText('1');
  await expect(live.announcer).toHaveText(/^Beurt voor \S+, nu 1/);
  await expect(live.tally).toContainText('1 interactie');
  // Focus stays on the tile, ready for the next turn.
  expect(await focusedTile()).toBe(second);
});

test('the start form explains a wrong end time; hidden kinds leave the sheet and stay hidden', async ({
  page,
}) => {
  await openApp(page);
  const classId = await new HomePage(page).createClass('5C');
  const pupils = new PupilsPage(page);
  await pupils.open(classId);
  await pupils.pasteNames(['Sem', 'Noor', 'Ayoub']);

  const start = new StartLessonPage(page);
  await start.open(classId);
  await start.startTime.fill('10:00');
  await start.endTime.fill('09:30');
  await start.submit.click();
  await expect(page.getByText('De eindtijd moet na de begintijd liggen.')).toBeVisible();
  await expect(start.endTime).toHaveAccessibleDescription(/De eindtijd moet na de begintijd/);
  await expect(page).toHaveURL(/lesson\/new$/);
  await start.endTime.fill('');
  await start.start();

  const live = new LivePage(page);
  await live.waitReady();
  await page.getByRole('button', { name: 'Kies welke soorten je gebruikt' }).click();
  const settings = page.getByRole('dialog', { name: 'Welke soorten gebruik je?' });
  await settings.getByRole('checkbox', { name: /^Persoonlijke aandacht/ }).uncheck();
  await settings.getByRole('checkbox', { name: /^Hulp of uitleg/ }).uncheck();
  await settings.getByRole('button', { name: 'Sluiten' }).click();

  await live.moreButton('Noor').click();
  await expect(live.sheet.getByRole('button', { name: /^Compliment/ })).toBeVisible();
  await expect(live.sheet.getByRole('button', { name: /^Persoonlijke aandacht/ })).toHaveCount(0);
  await expect(live.sheet.getByRole('button', { name: /^Hulp of uitleg/ })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Stored on the class: still hidden after a reload, and back when switched on again.
  await page.reload();
  await live.waitReady();
  await live.moreButton('Noor').click();
  await expect(live.sheet.getByRole('button', { name: /^Persoonlijke aandacht/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Kies welke soorten je gebruikt' }).click();
  await settings.getByRole('checkbox', { name: /^Persoonlijke aandacht/ }).check();
  await page.keyboard.press('Escape');
  await live.logKind('Noor', 'Persoonlijke aandacht');
  await expect(live.tileButton('Noor')).toHaveAccessibleName(
    'Noor: 1 interactie (1 keer persoonlijke aandacht)',
  );
});

test('32 pupils in a 6x6 plan fit one phone screen, also after taps; names never break inside a word', async ({
  page,
}) => {
  test.slow();
  await openApp(page);
  const classId = await new HomePage(page).createClass('2 havo');
  const pupils = new PupilsPage(page);
  await pupils.open(classId);
  await pupils.pasteNames(CLASS_OF_32);
  await new StartLessonPage(page).open(classId);
  await new StartLessonPage(page).start({ topic: 'Breuken' });
  const live = new LivePage(page);
  await live.waitReady();

  await expect(live.tileButtons).toHaveCount(64);
  await live.expectAllTilesInView();
  // The two Daans are told apart on their tiles; the full name is the accessible name.
  await expect(live.tile('Daan Kok').locator('.tile-name')).toHaveText('Daan K.');
  await expect(live.tile('Daan de Vries').locator('.tile-name')).toHaveText('Daan V.');
  await expect(live.tileButton('Mohammed El Amrani')).toBeVisible();
  expect(await wordsBrokenAcrossLines(page.locator('main'))).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('grid-32-start.png') });

  // After a turn (five qualifiers), praise (two) and an undo, nothing moved or got covered.
  await live.tapTurn('Emma van der Linden');
  await expect(page.locator('.qualifier-bar')).toHaveAccessibleName(
    /^Kenmerken bij Beurt · Emma van der Linden/,
  );
  await expect(page.locator('.qualifier-target')).toContainText('Emma');
  await live.expectAllTilesInView();
  await live.qualifier('Zelf gemeld').click();
  await live.logKind('Shanice Kromodikoro', 'Compliment');
  await live.expectAllTilesInView();
  await page.screenshot({ path: test.info().outputPath('grid-32-after-taps.png') });
  await live.undoButton.click();
  await live.expectAllTilesInView();
  expect(await wordsBrokenAcrossLines(page.locator('main'))).toEqual([]);

  // Absent: the tap says so and offers "Toch aanwezig".
  await live.setAbsent('Noor Visser', true);
  await live.tileButton('Noor Visser').click();
  await expect(live.sheet.getByRole('heading', { name: 'Noor Visser' })).toBeVisible();
  await expect(live.sheet).toContainText('Noor Visser staat op afwezig');
  await expectNoSeriousA11yViolations(page, 'absent pupil sheet');
  await live.sheet.getByRole('button', { name: 'Toch aanwezig', exact: true }).click();
  await expect(live.sheet).toBeHidden();
  await expect(live.tileButton('Noor Visser')).toHaveAccessibleName(/^Noor Visser: /);
  await expectNoSeriousA11yViolations(page, 'live grid of 32');

  // A laptop screen: the same grid, still one screen.
  await page.setViewportSize({ width: 1280, height: 800 });
  await live.expectAllTilesInView();
  await page.screenshot({ path: test.info().outputPath('grid-32-laptop.png') });
});

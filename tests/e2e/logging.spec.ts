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
import { lessonUnderWay } from './pages/setup';
import { StartLessonPage } from './pages/StartLessonPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';
import { wordsBrokenAcrossLines } from './support/names';

test('log a lesson by tapping: one tap a turn, two taps the rest, undo, and it survives a reload', async ({
  page,
}) => {
  // 12 taps, a reload and three axe scans: more than 60 s on a busy 2-core machine.
  test.slow();
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
  await expect(live.tileButton('Zoë')).toHaveAccessibleName('Zoë: nog niet gesproken');
  await expect(live.tally).toContainText('0 van 25 gesproken');

  await logElevenEvents(live);
  await expectTotals(live, TOTALS_AFTER_ELEVEN);
  await expect(live.tally).toContainText('11 interacties');
  await expect(live.tally).toContainText('5 van 25 gesproken');
  await expect(live.tileButton('Noor')).toHaveAccessibleName(
    'Noor: 4 interacties (2 beurten, 1 compliment, 1 keer doorgevraagd)',
  );
  // Counts of the other kinds on the tile and the "not yet" mark as text, not colour alone.
  await expect(page.locator('.tile', { has: live.tileButton('Sem') })).toContainText(
    `${KIND_INFO.correctionWork.symbol}1`,
  );
  await expect(page.locator('.tile', { has: live.tileButton('Zoë') })).toContainText('nog niet');
  await expectNoSeriousA11yViolations(page, 'live lesson with counts');

  await page.reload();
  await live.waitReady();
  await expectTotals(live, TOTALS_AFTER_ELEVEN);
  await expect(live.tally).toContainText('11 interacties');

  // The undo stack survives the reload: the last event (Emma's help) can still be taken back.
  await expect(live.undoButton).toContainText('Hulp · Emma');

  // Absent: greyed with text; a tap on the tile logs nothing, says so and offers to undo it.
  await live.setAbsent('Fenna', true);
  await expect(page.locator('.tile', { has: live.tileButton('Fenna') })).toContainText('afwezig');
  await live.tileButton('Fenna').click();
  await expect(live.announcer).toContainText('Fenna staat op afwezig');
  await expect(live.sheet.getByRole('button', { name: 'Toch aanwezig' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(live.sheet).toBeHidden();
  await expect(live.total('Fenna')).toHaveText('0');
  await expect(live.tally).toContainText('5 van 24 gesproken');

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

test('keyboard only: the grid is one Tab stop; arrows, Home and End move; single keys log', async ({
  page,
}) => {
  test.slow();
  const { live } = await lessonUnderWay(page, '4A', CLASS_OF_25.slice(0, 12));

  const focusedTile = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.classList.contains('tile-main') ? (el.getAttribute('aria-label') ?? '') : null;
    });
  const focusedName = async () => (await focusedTile())?.split(':')[0] ?? null;

  // Tab from the top of the screen: the first tile is reached in a few presses.
  let tabs = 0;
  while ((await focusedTile()) === null && tabs < 10) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  await expect.poll(focusedName).toBe('Sem');
  // One Tab stop: the next Tab leaves the grid, Shift+Tab comes back to the same tile.
  await page.keyboard.press('ArrowRight');
  await expect.poll(focusedName).toBe('Noor');
  await page.keyboard.press('Tab');
  await expect.poll(focusedTile).toBeNull();
  await page.keyboard.press('Shift+Tab');
  await expect.poll(focusedName).toBe('Noor');

  // Arrows as the pupils sit (6 columns), Home/End along the row, Ctrl+End to the last pupil;
  // the page never scrolls.
  await page.keyboard.press('ArrowDown');
  await expect.poll(focusedName).toBe('Hanna');
  await page.keyboard.press('End');
  await expect.poll(focusedName).toBe('Lotte');
  await page.keyboard.press('Home');
  await expect.poll(focusedName).toBe('Gijs');
  await page.keyboard.press('Control+Home');
  await expect.poll(focusedName).toBe('Sem');
  await page.keyboard.press('Control+End');
  await expect.poll(focusedName).toBe('Lotte');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // Enter logs a turn, "1" qualifies it ("Zelf gemeld"); "c" logs praise, "1" makes it specific.
  await page.keyboard.press('Enter');
  await expect(live.total('Lotte')).toHaveText('1');
  await expect(live.announcer).toHaveText(/^Beurt voor Lotte, nu 1/);
  await page.keyboard.press('1');
  await expect(live.qualifier('Zelf gemeld')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('c');
  await expect(live.total('Koen')).toHaveText('1');
  await expect(live.tileButton('Koen')).toHaveAccessibleName('Koen: 1 interactie (1 compliment)');
  await page.keyboard.press('1');
  await expect(live.qualifier('Specifiek')).toHaveAttribute('aria-pressed', 'true');
  // "u" undoes the last one; "a" marks absent; focus stays on the tile throughout.
  await page.keyboard.press('u');
  await expect(live.total('Koen')).toHaveText('0');
  await page.keyboard.press('a');
  await expect(live.tile('Koen')).toContainText('afwezig');
  await expect.poll(focusedName).toBe('Koen, afwezig');
  await page.keyboard.press('a');
  await expect(live.tile('Koen')).not.toContainText('afwezig');
  await expect(live.tally).toContainText('1 interactie');

  // "?" lists the keys; Escape closes the list and focus returns to the tile.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Sneltoetsen' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Compliment');
  await expectNoSeriousA11yViolations(page, 'keyboard help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect.poll(focusedName).toBe('Koen');
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

  await live.openSheet('Noor');
  await expect(live.sheet.getByRole('button', { name: /^Compliment/ })).toBeVisible();
  await expect(live.sheet.getByRole('button', { name: /^Persoonlijke aandacht/ })).toHaveCount(0);
  await expect(live.sheet.getByRole('button', { name: /^Hulp of uitleg/ })).toHaveCount(0);
  await live.closeSheet();

  // Stored on the class: still hidden after a reload, and back when switched on again.
  await page.reload();
  await live.waitReady();
  await live.openSheet('Noor');
  await expect(live.sheet.getByRole('button', { name: /^Persoonlijke aandacht/ })).toHaveCount(0);
  await live.closeSheet();
  await page.getByRole('button', { name: 'Kies welke soorten je gebruikt' }).click();
  await settings.getByRole('checkbox', { name: /^Persoonlijke aandacht/ }).check();
  await live.closeSheet();
  await live.logKind('Noor', 'Persoonlijke aandacht');
  await expect(live.tileButton('Noor')).toHaveAccessibleName(
    'Noor: 1 interactie (1 keer persoonlijke aandacht)',
  );
});

test('32 pupils in a 6x6 plan fit one phone screen, also after taps; names never break inside a word', async ({
  page,
}) => {
  // A class of 32, taps, two viewports and two axe scans: minutes on a busy 2-core machine.
  test.setTimeout(360_000);
  const { live } = await lessonUnderWay(page, '2 havo', CLASS_OF_32, { topic: 'Breuken' });

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

test('five taps and a reload in the same moment: all five are there after the reload', async ({
  page,
}) => {
  const { live } = await lessonUnderWay(page, '2A', CLASS_OF_25);
  const names = CLASS_OF_25.slice(0, 5);
  // Five taps and the reload in one task, and no write may start before the page is gone (no
  // frame, no timer: the writes wait for the frame after the tap). The notes are kept in memory by
  // the taps and written when the page is put away (pagehide): the next start stores them.
  await page.evaluate(() => {
    window.requestAnimationFrame = () => 0;
    window.setTimeout = (() => 0) as unknown as typeof window.setTimeout;
    const tiles = [...document.querySelectorAll<HTMLButtonElement>('button.tile-main')];
    for (const tile of tiles.slice(0, 5)) tile.click();
    location.reload();
  });
  await live.waitReady();
  for (const name of names) await expect(live.total(name)).toHaveText('1');
  await expect(live.tally).toContainText('5 interacties');
  await expect(live.total(CLASS_OF_25[5]!)).toHaveText('0');
});

test("a finger's tap logs without moving focus; once a key was used in the grid, focus follows taps", async ({
  page,
}) => {
  const { live } = await lessonUnderWay(page, '4B', CLASS_OF_25.slice(0, 12));
  const focused = () =>
    page.evaluate(() => document.activeElement?.getAttribute('aria-label')?.split(':')[0] ?? null);
  await live.tileButton('Noor').tap();
  await expect(live.total('Noor')).toHaveText('1');
  await expect.poll(focused).toBeNull();
  // Into the grid by keyboard: now a tap moves focus, and a key acts on the pupil tapped.
  await live.tileButton('Sem').focus();
  await live.tileButton('Ayoub').tap();
  await expect(live.total('Ayoub')).toHaveText('1');
  await expect.poll(focused).toBe('Ayoub');
  await page.keyboard.press('c');
  await expect(live.tileButton('Ayoub')).toHaveAccessibleName(
    'Ayoub: 2 interacties (1 beurt, 1 compliment)',
  );
  await expect(live.total('Sem')).toHaveText('0');
});

import { HomePage } from './pages/HomePage';
import { PupilsPage } from './pages/PupilsPage';
import { SeatingPage } from './pages/SeatingPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';
import type { Locator, Page } from '@playwright/test';

// Pasted in this order, they fill a 6-column plan: row 1 Sem … Fleur, row 2 Tim, Eva.
const NAMES = ['Sem', 'Noor', 'Ayoub', 'Lina', 'Daan', 'Fleur', 'Tim', 'Eva'];

async function classWithPupils(page: Page, name: string): Promise<SeatingPage> {
  await openApp(page);
  const id = await new HomePage(page).createClass(name);
  const pupils = new PupilsPage(page);
  await pupils.open(id);
  await pupils.pasteNames(NAMES);
  const seating = new SeatingPage(page);
  await seating.open(id);
  return seating;
}

test('move pupils with the phone controls and the keyboard; the plan survives a reload', async ({
  page,
}) => {
  const seating = await classWithPupils(page, '7A');
  await expect(seating.page.getByText('Voorkant van de klas · bord')).toBeVisible();
  await seating.expectAt('Sem', 1, 1);
  await seating.expectAt('Eva', 2, 2);
  // 2 rows × 6 columns with 8 pupils: 4 empty seats, all visible.
  await expect(seating.plan.getByRole('button', { name: /^Lege plek/ })).toHaveCount(4);
  await expect(seating.emptySeat(2, 6)).toBeVisible();

  // Phone: tap a pupil, then an empty seat.
  await seating.movePupil('Sem', 2, 4);
  await seating.expectAt('Sem', 2, 4);
  await expect(seating.emptySeat(1, 1)).toBeVisible();
  await expect(seating.pupil('Sem')).toHaveAttribute('aria-pressed', 'false');

  // Phone: tap a pupil, then a taken seat: the two swap.
  await seating.movePupil('Noor', 1, 3);
  await seating.expectAt('Noor', 1, 3);
  await seating.expectAt('Ayoub', 1, 2);
  await expect(seating.status).toHaveText(
    'Noor verplaatst naar rij 1, plek 3. Ayoub verplaatst naar rij 1, plek 2.',
  );

  // Tapping an empty seat with nobody selected explains what to do.
  await seating.emptySeat(1, 1).click();
  await expect(seating.status).toHaveText('Kies eerst een leerling, dan de plek.');

  // Keyboard: Enter selects, arrows move (swapping with Sem below), focus follows the pupil.
  await seating.pupil('Lina').focus();
  await page.keyboard.press('Enter');
  await expect(seating.pupil('Lina')).toHaveAttribute('aria-pressed', 'true');
  await expect(seating.status).toHaveText('Lina gekozen. Kies nu een plek.');
  await page.keyboard.press('ArrowDown');
  await seating.expectAt('Lina', 2, 4);
  await seating.expectAt('Sem', 1, 4);
  await expect(seating.pupil('Lina')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await seating.expectAt('Lina', 2, 5);
  await expect(seating.pupil('Lina')).toBeFocused();
  await expect(seating.status).toHaveText('Lina verplaatst naar rij 2, plek 5.');
  await page.keyboard.press('ArrowDown');
  await expect(seating.status).toHaveText('Lina zit al aan de rand van de plattegrond.');
  await page.keyboard.press('Escape');
  await expect(seating.pupil('Lina')).toHaveAttribute('aria-pressed', 'false');

  // Without a selection the arrow keys move the focus between seats.
  await page.keyboard.press('ArrowLeft');
  await expect(seating.seat(2, 4)).toBeFocused();

  await expectNoSeriousA11yViolations(page, 'seating plan');

  await page.reload();
  await expect(seating.heading).toBeVisible();
  await seating.expectAt('Sem', 1, 4);
  await seating.expectAt('Noor', 1, 3);
  await seating.expectAt('Ayoub', 1, 2);
  await seating.expectAt('Lina', 2, 5);
  await seating.expectAt('Tim', 2, 1);
  await expect(seating.emptySeat(1, 1)).toBeVisible();
});

test('resize the plan: pupils move along, and a plan too small is refused', async ({ page }) => {
  const seating = await classWithPupils(page, '7B');
  await expect(seating.stepperValue('Rijen')).toHaveText('2');
  await expect(seating.stepperValue('Kolommen')).toHaveText('6');

  // 2 × 5: Fleur (row 1, seat 6) moves to the first free seat, row 2 seat 3.
  await seating.stepper('Minder kolommen').click();
  await expect(seating.stepperValue('Kolommen')).toHaveText('5');
  await seating.expectAt('Fleur', 2, 3);
  await expect(seating.status).toHaveText(
    'De plattegrond heeft nu 2 rijen en 5 kolommen. 1 leerling is naar een vrije plek verhuisd.',
  );

  // 1 × 5 has 5 seats for 8 pupils: refused, nothing changes.
  await seating.stepper('Minder rijen').click();
  await expect(page.getByRole('alert')).toHaveText(
    'Er zijn 8 leerlingen en bij deze grootte zijn er maar 5 plekken. ' +
      'Maak de plattegrond eerst in de andere richting groter.',
  );
  await expect(seating.stepperValue('Rijen')).toHaveText('2');
  await seating.expectAt('Fleur', 2, 3);

  // Widening first makes room for one row: 1 × 8.
  for (let i = 0; i < 3; i++) await seating.stepper('Meer kolommen').click();
  await expect(seating.stepperValue('Kolommen')).toHaveText('8');
  await seating.stepper('Minder rijen').click();
  await expect(seating.stepperValue('Rijen')).toHaveText('1');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(seating.plan.getByRole('button', { name: /^Lege plek/ })).toHaveCount(0);
  // Row 2 (Tim, Eva, Fleur) moves up to the free seats 6, 7 and 8, in that order.
  await seating.expectAt('Tim', 1, 6);
  await seating.expectAt('Eva', 1, 7);
  await seating.expectAt('Fleur', 1, 8);

  // Alphabetically, after confirming.
  await page.getByRole('button', { name: 'Alfabetisch neerzetten' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Opnieuw neerzetten' }).click();
  await expect(seating.status).toHaveText(
    'Iedereen zit nu in alfabetische volgorde, vanaf de voorste rij.',
  );
  await seating.expectAt('Ayoub', 1, 1);
  await seating.expectAt('Tim', 1, 8);
});

test('a 6-column plan fits a 360 px phone with tiles of at least 48 px', async ({
  page,
}, testInfo) => {
  const seating = await classWithPupils(page, '7C');
  await seating.page.getByRole('button', { name: 'Meer rijen' }).click();
  await expect(seating.stepperValue('Rijen')).toHaveText('3');
  const scroller = page.locator('.seat-scroll');
  const overflow = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const cell of await seating.plan.getByRole('button').all()) {
    const box = await cell.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(48);
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
  }
  await seating.pupil('Noor').click();
  await page.screenshot({ path: testInfo.outputPath('seating-360.png'), fullPage: true });
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1024, height: 800 }, isMobile: false, hasTouch: false });

  test('drag a pupil onto an empty seat and onto another pupil', async ({ page }, testInfo) => {
    const seating = await classWithPupils(page, '7D');
    await expect(
      page.getByText(/Op een groot scherm kun je een leerling ook slepen/),
    ).toBeVisible();

    await dragTo(page, seating.pupil('Sem'), seating.emptySeat(2, 5));
    await seating.expectAt('Sem', 2, 5);
    await expect(seating.status).toHaveText('Sem verplaatst naar rij 2, plek 5.');

    await dragTo(page, seating.pupil('Tim'), seating.pupil('Fleur'));
    await seating.expectAt('Tim', 1, 6);
    await seating.expectAt('Fleur', 2, 1);
    // A drag selects nobody.
    await expect(seating.plan.getByRole('button', { pressed: true })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('seating-wide.png'), fullPage: true });
  });
});

/** A mouse drag in small steps, the way a teacher moves a tile. */
async function dragTo(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('tile not on screen');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

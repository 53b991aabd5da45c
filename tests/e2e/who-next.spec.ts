/**
 * "Who next?" on the live screen (issue 14, point 6): a draw weighted by the teacher's own record,
 * shown with its reason; passing over draws again; accepting logs a turn marked "called on".
 * Math.random is fixed so the draw is known: 0.999 lands on the last candidate in seating order.
 */
import { CLASS_OF_25 } from './pages/LivePage';
import { lessonUnderWay } from './pages/setup';
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures';

test('who next: a weighted suggestion with its reason; someone else; accept logs a called-on turn', async ({
  page,
}) => {
  test.slow();
  await page.addInitScript(() => {
    Math.random = () => 0.999;
  });
  const { live } = await lessonUnderWay(page, '1C', CLASS_OF_25);
  // Zoë (last seat) already had a turn: her weight is a quarter, Yara's is whole.
  await live.tapTurn('Zoë');

  await page.getByRole('button', { name: 'Wie nu?' }).click();
  const sheet = page.getByRole('dialog', { name: 'Wie is er aan de beurt?' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Misschien Zoë?');
  await expect(sheet).toContainText('Zoë kreeg deze les 1 beurt.');
  await expect(sheet).toContainText('Nog geen eerdere les met Zoë erbij.');
  await expectNoSeriousA11yViolations(page, 'who next');

  await sheet.getByRole('button', { name: 'Iemand anders' }).click();
  await expect(sheet).toContainText('Misschien Yara?');
  await expect(sheet).toContainText('Yara kreeg deze les nog geen beurt.');
  await sheet.getByRole('button', { name: 'Beurt voor Yara' }).click();
  await expect(sheet).toBeHidden();
  await expect(live.total('Yara')).toHaveText('1');
  await live.expectSaved('Yara');
  // The turn is marked as called on; the bar shows it for this event.
  await expect(live.qualifier('Aangewezen')).toHaveAttribute('aria-pressed', 'true');
});

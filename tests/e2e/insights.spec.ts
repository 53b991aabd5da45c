import { ClassPage } from './pages/ClassPage';
import { HomePage } from './pages/HomePage';
import { InsightsPage } from './pages/InsightsPage';
import { expect, expectNoSeriousA11yViolations, openApp, test } from './support/fixtures';

/**
 * The demo class has a documented, built-in bias (docs/demo-data.md): pupils expected much of get
 * about twice the turns and most thinking questions, Kacper is hardly ever addressed, and pupils
 * who (also) speak another language at home are expected lower at equal results.
 */
test('the insights screen reports the demo teacher’s built-in bias, and drills down to the lessons', async ({
  page,
}) => {
  // A demo class, a full analysis, a drill-down and two axe scans on a busy 2-core machine.
  test.slow();
  // The demo's lessons are the school days before "today", and how many turns Kacper gets in his
  // last lessons shifts with the day. A fixed day (the one the analysis tests use) keeps the
  // built-in bias the same on every run.
  await page.clock.setFixedTime(new Date('2025-03-14T10:00:00'));
  await openApp(page);
  await new HomePage(page).openDemoClass();
  const classId = new ClassPage(page).classId();
  const insights = new InsightsPage(page);
  await insights.openFromClass();
  expect(page.url()).toContain(`/class/${classId}/insights?period=`);

  // Everything the demo holds: 24 lessons of 28 pupils (the default term may hold fewer in January).
  await insights.choosePeriod('Alles');
  // A phone shows the sections folded: open them all.
  await insights.unfoldAll();
  await expect(insights.basis).toHaveText(
    /^Dit rust op 24 lessen, \d+ interacties( \(waarvan \d+ achteraf genoteerd\))?, 28 leerlingen\.$/,
  );
  expect(page.url()).toContain('period=all');

  // 1. Kacper is hardly ever addressed: a card, and a mark in the "who got the floor" section.
  const kacper = insights.card(/^Je gaf Kacper (geen beurt|\d+ beurten?) in de/);
  await expect(kacper).toHaveCount(1);
  await expect(kacper).toContainText('Wat valt je op?');
  await expect(kacper).toContainText('Onderzoek: Brophy & Good 1970; Kerman 1979');
  await expect(insights.floor.getByText(/Geen of heel weinig beurten.*Kacper/)).toBeVisible();

  // 2. Pupils expected much of get about twice the turns, and it is not chance.
  const turns = insights.card(
    /veel verwacht.*beurten (per leerling )?per 10 lessen.*ongeveer \d,\d keer zoveel/,
  );
  await expect(turns).toHaveCount(1);
  const ratio = Number(
    /ongeveer (\d,\d) keer/.exec((await turns.textContent()) ?? '')?.[1]?.replace(',', '.'),
  );
  expect(ratio).toBeGreaterThan(1.6);
  expect(ratio).toBeLessThan(2.6);
  await expect(turns).toContainText('ontstaat zelden door toeval');
  // …and most of the thinking questions.
  await expect(
    insights.card(/veel verwacht.*denkvragen (per leerling )?per 10 lessen/),
  ).toHaveCount(1);

  // 3. At equal results, pupils who (also) speak another language at home are placed lower.
  await expect(insights.card(/Thuistaal ‘\(ook\) andere taal’.* lager dan de anderen/)).toHaveCount(
    1,
  );

  // The expectation section compares the groups, with the counts and the verdict on chance.
  await expect(
    insights.expectationSection.getByRole('button', {
      name: /^Veel verwacht, 11 leerlingen: \d+ beurten, \d,\d per 10 lessen, 1,\d× het evenredige deel/,
    }),
  ).toBeVisible();
  await expect(
    insights.expectationSection.getByRole('button', {
      name: /^Weinig verwacht, 10 leerlingen: .* 0,\d× /,
    }),
  ).toBeVisible();
  await expect(insights.expectationSection).toContainText('ontstaat zelden door toeval');

  // The seating plan shows a number on every seat (not colour alone).
  await expect(insights.seating.getByRole('button', { name: /^Kacper: / })).toContainText(/\d/);

  // Scan with every chart's table unfolded too.
  for (const summary of await page.getByText('Als tabel', { exact: true }).all()) {
    await summary.click();
  }
  await expectNoSeriousA11yViolations(page, 'insights');

  // Drill down: Kacper's bar opens his lessons, with a link to his page.
  await insights.floorBar('Kacper').click();
  await expect(insights.drill.getByRole('heading', { name: 'Kacper' })).toBeVisible();
  await expect(insights.drill.getByRole('row')).toHaveCount(24 + 2); // header, lessons, total
  await expect(
    insights.drill.getByRole('link', { name: 'Naar de pagina van Kacper' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'insights drill-down');
  await insights.closeDrill();

  // A group drill-down, by keyboard: the expectation chart's rows are buttons.
  const high = insights.expectationSection.getByRole('button', { name: /^Veel verwacht, / });
  await high.focus();
  await page.keyboard.press('Enter');
  await expect(insights.drill.getByRole('heading', { name: 'Veel verwacht' })).toBeVisible();
  await insights.drill.getByRole('button', { name: 'Mila' }).click();
  await expect(insights.drill.getByRole('heading', { name: 'Mila' })).toBeVisible();
  await insights.drill.getByRole('button', { name: 'Terug naar de groep' }).click();
  await expect(insights.drill.getByRole('heading', { name: 'Veel verwacht' })).toBeVisible();
  await insights.closeDrill();

  // Change the filters: the last four weeks hold fewer lessons; then leave out praise.
  await insights.choosePeriod('Laatste 4 weken');
  expect(await insights.lessonCount()).toBeLessThan(24);
  expect(page.url()).toContain('period=weeks4');
  await page.getByText(/^Lessen en soorten:/).click();
  await page.getByRole('checkbox', { name: 'Compliment' }).uncheck();
  await insights.waitUntilReady();
  const feedback = page.getByRole('region', { name: 'Complimenten en correcties' });
  await expect(feedback).toContainText('Complimenten staan uit in je filter');
  await expect(feedback).toContainText(/^.*Je gaf \d+ correcties\./);
  await expect(feedback).not.toContainText(/complimenten en \d+ correcties/);
  expect(page.url()).toContain('kinds=turn%2CcorrectionWork');

  // A custom period that ends before it starts is refused with a clear message.
  await insights.period.selectOption({ label: 'Zelf kiezen' });
  await page.getByLabel('Van', { exact: true }).fill('2030-01-10');
  await page.getByLabel('Tot en met', { exact: true }).fill('2030-01-01');
  await expect(page.getByRole('alert')).toHaveText(/De einddatum ligt vóór de begindatum/);

  // The link from a card goes to the pupil page.
  await insights.choosePeriod('Alles');
  // A new period shows the sections folded again on a phone: open them, and the card's folds.
  await insights.unfoldAll();
  await page.evaluate(() => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>('.insights details'))
      d.open = true;
  });
  await kacper.getByRole('link', { name: 'Pagina van Kacper' }).click();
  await expect(page).toHaveURL(/#\/pupil\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Kacper' })).toBeVisible();
});

/**
 * Change over time: the demo's 24 lessons run from 31 January to 13 March 2025 (with the clock
 * fixed as above), so 7 ISO weeks and 3 months; 24 February splits them 13 against 11.
 */
test('change over time: weeks or months, and before against from a chosen date', async ({
  page,
}, testInfo) => {
  test.slow();
  await page.clock.setFixedTime(new Date('2025-03-14T10:00:00'));
  await openApp(page);
  await new HomePage(page).openDemoClass();
  const insights = new InsightsPage(page);
  await insights.openFromClass();
  await insights.choosePeriod('Alles');
  await insights.unfold(insights.timeSection);
  const time = insights.timeSection;
  await time.scrollIntoViewIfNeeded();

  // Weeks first; the switch is a radio group that arrow keys move through.
  await expect(insights.timeUnit('Weken')).toBeChecked();
  await expect(insights.timeSummary).toContainText('over 7 weken');
  await insights.timeUnit('Weken').focus();
  await page.keyboard.press('ArrowRight');
  await expect(insights.timeUnit('Maanden')).toBeChecked();
  await expect(insights.timeSummary).toContainText('over 3 maanden');
  await expect(time.getByRole('button', { name: /^(Januari|Februari|Maart) 2025, / })).toHaveCount(
    3,
  );
  await expect(time.getByRole('button', { name: /^Februari 2025, 16 lessen: / })).toBeVisible();
  // Both segments are at least 48 px high.
  for (const label of ['Weken', 'Maanden'] as const) {
    const box = await time.locator('label.segment').filter({ hasText: label }).boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
  }

  // No date yet, no comparison.
  await expect(time).toContainText('Kies een datum om de lessen ervoor te vergelijken');
  await expect(insights.splitTable).toHaveCount(0);

  // A date: both sides with their counts, a sentence, and a question; the date goes in the URL.
  await insights.chooseSplit('2025-02-24');
  expect(page.url()).toContain('split=2025-02-24');
  await expect(insights.splitTable).toBeVisible();
  expect(await insights.splitRow('Lessen')).toEqual(['Lessen', '13', '11']);
  const [, before, after] = await insights.splitRow('Interacties');
  expect(Number(before) + Number(after)).toBe(
    Number(/(\d+) interacties/.exec((await insights.basis.textContent()) ?? '')?.[1]),
  );
  expect((await insights.splitRow('Beurten per leerling per 10 lessen')).join(' ')).toMatch(
    /^Beurten per leerling per 10 lessen \d+,\d\s+\d+ beurten \(leerlingen samen \d+ keer aanwezig\) \d+,\d\s+\d+ beurten \(leerlingen samen \d+ keer aanwezig\)$/,
  );
  await expect(
    insights.splitTable.getByRole('rowheader', { name: 'Veel verwacht, per 10 lessen' }),
  ).toBeVisible();
  await expect(
    time.getByText(
      /^Samen genomen kreeg de klas vóór ma 24 februari 2025 \d+,\d beurten per leerling per 10 lessen en vanaf die dag \d+,\d/,
    ),
  ).toBeVisible();
  await expect(time).toContainText(
    'Past dit bij wat je vanaf ma 24 februari 2025 anders wilde doen?',
  );
  // What a phone shows (360×740): the switch and the chart, then the comparison.
  await insights.timeUnit('Weken').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: testInfo.outputPath('time-chart.png') });
  await time
    .getByText(/^Samen genomen kreeg/)
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: testInfo.outputPath('time-split.png') });

  // Scan with the new controls and the comparison visible, and the chart's table unfolded.
  await time.getByText('Als tabel', { exact: true }).click();
  await expect(time.getByRole('columnheader', { name: 'Maanden' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'insights over time');

  // A reload keeps the date.
  await page.reload();
  await insights.waitUntilReady();
  // Sections start folded on a phone, after a reload too (a closed section's body is drawn when
  // it is first opened).
  await insights.unfold(insights.timeSection);
  await expect(insights.splitDate).toHaveValue('2025-02-24');
  await expect(insights.splitTable).toBeVisible();

  // Two lessons before 4 February: too little to compare, only the counts.
  await insights.chooseSplit('2025-02-04');
  await expect(
    time.getByText(
      /^Te weinig om te vergelijken: .* Vóór di 4 februari 2025: 2 lessen, \d+ interacties, 28 leerlingen\.$/,
    ),
  ).toBeVisible();
  expect(await insights.splitRow('Lessen')).toEqual(['Lessen', '2', '22']);
  await expect(insights.splitTable.getByRole('row')).toHaveCount(4); // head, lessons, events, pupils
  await time.getByText(/^Te weinig/).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: testInfo.outputPath('time-too-little.png') });

  // Clearing the date removes the comparison and the URL part.
  await time.getByRole('button', { name: 'Wis de datum' }).click();
  await expect(insights.splitTable).toHaveCount(0);
  await expect.poll(() => page.url()).not.toContain('split=');
});

import { expect, type Locator, type Page } from '@playwright/test';
import { openApp } from '../support/fixtures';
import { HomePage } from './HomePage';

/** The insights screen (`#/class/<id>/insights`), in Dutch (the e2e locale is nl-NL). */
export class InsightsPage {
  constructor(readonly page: Page) {}

  /**
   * The demo class's insights on a fixed day (14 March 2025, so the demo's findings are known),
   * for the period chosen (all of it unless said otherwise), ready to read.
   */
  static async openDemo(page: Page, period = 'Alles'): Promise<InsightsPage> {
    await page.clock.setFixedTime(new Date('2025-03-14T10:00:00'));
    await openApp(page);
    await new HomePage(page).openDemoClass();
    const insights = new InsightsPage(page);
    await insights.openFromClass();
    await insights.choosePeriod(period);
    return insights;
  }

  /** From a class screen: taps "Inzicht" in the class menu and waits until the analysis shows. */
  async openFromClass(): Promise<void> {
    await this.page.getByRole('link', { name: /^Inzicht/ }).click();
    await expect(this.page).toHaveURL(/#\/class\/[^/]+\/insights/);
    await this.waitUntilReady();
  }

  async open(classId: string, query = ''): Promise<void> {
    await this.page.goto(
      `/#/class/${encodeURIComponent(classId)}/insights${query ? `?${query}` : ''}`,
    );
    await this.waitUntilReady();
  }

  /** The analysis for the current filters is on screen (not a previous period's). */
  async waitUntilReady(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: /^Inzicht/ })).toBeVisible();
    await expect(this.page.locator('.insights[data-ready="true"]')).toBeVisible({
      timeout: 20_000,
    });
  }

  get period(): Locator {
    return this.page.getByLabel('Periode');
  }

  /** Chooses a period and waits until the screen shows its analysis. */
  async choosePeriod(label: string): Promise<void> {
    await this.period.selectOption({ label });
    await this.waitUntilReady();
  }

  /** "Dit rust op 24 lessen, 544 interacties, 28 leerlingen." */
  get basis(): Locator {
    return this.page.getByText(/^Dit rust op \d+ less/);
  }

  async lessonCount(): Promise<number> {
    const text = (await this.basis.textContent()) ?? '';
    return Number(/(\d+) less/.exec(text)?.[1] ?? NaN);
  }

  /** "In het kort": the firmest findings, first on the screen. */
  get summary(): Locator {
    return this.page.getByRole('region', { name: 'In het kort' });
  }

  /** Unfolds one section (a phone shows them folded) by its heading. */
  async unfold(section: Locator): Promise<void> {
    const fold = section.locator('details.ins-fold');
    if ((await fold.getAttribute('open')) === null) await fold.locator('> summary').click();
    await expect(fold).toHaveAttribute('open', '');
  }

  /**
   * Unfolds every section and every chart's table at once (as a teacher tapping each would; the
   * toggle events build the tables), then waits until every table is there.
   */
  async unfoldAll(): Promise<void> {
    // A section's body is drawn when it is first opened: the sections first, then their tables.
    const open = (selector: string) =>
      this.page.evaluate((s) => {
        for (const d of document.querySelectorAll<HTMLDetailsElement>(s)) d.open = true;
      }, selector);
    await open('.insights details.ins-fold');
    await expect(this.page.locator('.insights details.ins-fold > .fold-body:empty')).toHaveCount(0);
    await open('.insights details.chart-table');
    await expect(this.page.locator('details.chart-table .scroll-region:empty')).toHaveCount(0);
  }

  get cards(): Locator {
    return this.page.getByRole('region', { name: 'Wat opvalt' });
  }

  /** Insight cards whose observation matches, including those folded under "could be chance". */
  card(text: RegExp): Locator {
    return this.cards.getByRole('listitem').filter({ hasText: text });
  }

  get floor(): Locator {
    return this.page.getByRole('region', { name: 'Wie kreeg het woord?' });
  }

  /** A pupil's bar in the "who got the floor" chart (an SVG row that is a button). */
  floorBar(name: string): Locator {
    return this.floor.getByRole('button', { name: new RegExp(`^${name}: `) });
  }

  get expectationSection(): Locator {
    return this.page.getByRole('region', { name: 'Verschillen naar je verwachting' });
  }

  get seating(): Locator {
    return this.page.getByRole('region', { name: 'Waar in het lokaal?' });
  }

  get drill(): Locator {
    return this.page.getByRole('dialog');
  }

  async closeDrill(): Promise<void> {
    await this.drill.getByRole('button', { name: 'Sluiten' }).click();
    await expect(this.drill).toBeHidden();
  }

  /** "Door de tijd": the chart per week or month and the before/after comparison. */
  get timeSection(): Locator {
    return this.page.getByRole('region', { name: 'Door de tijd' });
  }

  /** The week/month switch ("Weken", "Maanden"). */
  timeUnit(label: 'Weken' | 'Maanden'): Locator {
    return this.timeSection.getByRole('radio', { name: label });
  }

  /** The one-sentence summary of the time chart (its figcaption). */
  get timeSummary(): Locator {
    return this.timeSection.locator('figcaption');
  }

  get splitDate(): Locator {
    return this.timeSection.getByLabel('Vergelijk vóór en vanaf');
  }

  /** Chooses the before/after date (YYYY-MM-DD) and waits for the analysis. */
  async chooseSplit(date: string): Promise<void> {
    await this.splitDate.fill(date);
    await this.waitUntilReady();
  }

  /** The before/after table (captioned "Vóór en vanaf <date>"). */
  get splitTable(): Locator {
    return this.timeSection.getByRole('table', { name: /^Vóór en vanaf / });
  }

  /** A row of the before/after table by its heading: [heading, before, after]. */
  async splitRow(heading: string): Promise<string[]> {
    const row = this.splitTable.getByRole('row').filter({
      has: this.page.getByRole('rowheader', { name: heading, exact: true }),
    });
    return row.getByRole('cell').or(row.getByRole('rowheader')).allInnerTexts();
  }
}

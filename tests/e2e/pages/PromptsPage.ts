import { expect, type Locator, type Page } from '@playwright/test';

/** The prompt list ("Om over na te denken") where it is mounted, in Dutch (the e2e locale). */
export class PromptsPage {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Om over na te denken' });
  }

  /** The cards' titles (h3), in the order shown. */
  get titles(): Locator {
    return this.region.getByRole('heading', { level: 3 });
  }

  card(title: string | RegExp): Locator {
    return this.region
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: title }) });
  }

  /** Waits until the analysis has run and the first card shows. */
  async waitForPrompts(): Promise<void> {
    await expect(this.region).toBeVisible();
    await expect(this.titles.first()).toBeVisible({ timeout: 20_000 });
  }

  async showAll(): Promise<void> {
    await this.region.getByRole('button', { name: /^Toon alle \d+ vragen$/ }).click();
  }

  async dismiss(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Niet meer tonen: ${title}` }).click();
    await expect(this.card(title)).toHaveCount(0);
  }

  async snooze(title: string): Promise<void> {
    await this.page
      .getByRole('button', { name: `Niet nu, over twee weken weer: ${title}` })
      .click();
    await expect(this.card(title)).toHaveCount(0);
  }

  async undo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Ongedaan maken' }).click();
  }
}

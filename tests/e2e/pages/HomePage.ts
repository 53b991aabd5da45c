import { expect, type Locator, type Page } from '@playwright/test';

/** The start screen (`#/`), in Dutch (the e2e locale is nl-NL). */
export class HomePage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Spiegel' });
  }

  get nameField(): Locator {
    return this.page.getByLabel('Naam van de klas');
  }

  get createButton(): Locator {
    return this.page.getByRole('button', { name: 'Klas maken' });
  }

  /** The link to a class in the list (active or, when unfolded, archived). */
  classLink(name: string | RegExp): Locator {
    return this.page.getByRole('main').getByRole('link', {
      name: typeof name === 'string' ? new RegExp(`^${escape(name)}(\\s|$)`) : name,
    });
  }

  get activeClasses(): Locator {
    return this.page.getByRole('region', { name: 'Je klassen' }).getByRole('link');
  }

  get archivedSection(): Locator {
    return this.page.locator('details', { hasText: 'Gearchiveerde klassen' });
  }

  async open(): Promise<void> {
    await this.page.goto('/#/');
    await expect(this.heading).toBeVisible();
  }

  /**
   * Creates a class through the form and waits on its class screen; returns the new class id.
   * Opens the start screen first when another screen is showing.
   */
  async createClass(
    name: string,
    options: { schoolType?: 'primary' | 'secondary'; yearLabel?: string } = {},
  ): Promise<string> {
    if (!(await this.heading.isVisible())) await this.open();
    await this.nameField.fill(name);
    if (options.schoolType === 'secondary') {
      await this.page.getByRole('radio', { name: 'Voortgezet onderwijs' }).check();
    }
    if (options.yearLabel !== undefined) {
      await this.page.getByLabel('Leerjaar of groep').fill(options.yearLabel);
    }
    await this.createButton.click();
    await expect(this.page).toHaveURL(/#\/class\/[^/]+$/);
    await expect(this.page.getByRole('heading', { level: 1, name: name.trim() })).toBeVisible();
    return decodeURIComponent(new URL(this.page.url()).hash.split('/')[2] ?? '');
  }

  async openDemoClass(): Promise<void> {
    if (!(await this.heading.isVisible())) await this.open();
    await this.page.getByRole('button', { name: 'Open de demoklas' }).click();
    await expect(this.page).toHaveURL(/#\/class\/[^/]+$/);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

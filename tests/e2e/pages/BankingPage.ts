import { expect, type Locator, type Page } from '@playwright/test';

/** The Banking Time screen (`#/class/<id>/banking`), in Dutch (the e2e locale is nl-NL). */
export class BankingPage {
  constructor(readonly page: Page) {}

  async open(classId: string): Promise<void> {
    await this.page.goto(`/#/class/${encodeURIComponent(classId)}/banking`);
    await expect(this.page.getByRole('heading', { level: 1, name: /^Banking Time/ })).toBeVisible();
  }

  get pupil(): Locator {
    return this.page.getByLabel('Leerling');
  }

  get date(): Locator {
    return this.page.getByLabel('Datum');
  }

  get minutes(): Locator {
    return this.page.getByRole('spinbutton', { name: 'Minuten' });
  }

  get moreMinutes(): Locator {
    return this.page.getByRole('button', { name: /^Eén minuut meer/ });
  }

  get fewerMinutes(): Locator {
    return this.page.getByRole('button', { name: /^Eén minuut minder/ });
  }

  get note(): Locator {
    return this.page.getByLabel(/^Notitie/);
  }

  get save(): Locator {
    return this.page.getByRole('button', { name: 'Moment opslaan' });
  }

  /** The group of sessions of one pupil. */
  group(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  deleteButton(name: string, dateText: string): Locator {
    return this.page.getByRole('button', { name: `Moment met ${name} op ${dateText} verwijderen` });
  }

  editButton(name: string, dateText: string): Locator {
    return this.page.getByRole('button', { name: `Moment met ${name} op ${dateText} bewerken` });
  }

  get toast(): Locator {
    return this.page.locator('.toast-host');
  }
}

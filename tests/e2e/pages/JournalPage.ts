import { expect, type Locator, type Page } from '@playwright/test';

/** The journal (`#/class/<id>/journal`), in Dutch (the e2e locale is nl-NL). */
export class JournalPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /^Logboek · / });
  }

  async open(classId: string): Promise<void> {
    await this.page.goto(`/#/class/${encodeURIComponent(classId)}/journal`);
    await expect(this.heading).toBeVisible();
  }

  /** The "new entry" card. */
  get newCard(): Locator {
    return this.page.getByRole('region', { name: 'Nieuwe notitie' });
  }

  get list(): Locator {
    return this.page.getByRole('region', { name: 'Je notities' });
  }

  /** The entries shown (after search and filter). */
  get entries(): Locator {
    return this.list.locator('li.journal-entry');
  }

  entry(text: string | RegExp): Locator {
    return this.entries.filter({ hasText: text });
  }

  get count(): Locator {
    return this.list.locator('.journal-count');
  }

  /** Writes an entry; the links are chosen by their visible label (pupil name, lesson label). */
  async write(text: string, links: { date?: string; pupil?: string; lesson?: string } = {}) {
    const card = this.newCard;
    await card.getByLabel('Wat wil je vastleggen?').fill(text);
    if (links.date) await card.getByLabel('Datum').fill(links.date);
    if (links.pupil)
      await card.getByLabel('Over een leerling (optioneel)').selectOption({ label: links.pupil });
    if (links.lesson)
      await card.getByLabel('Bij een les (optioneel)').selectOption({ label: links.lesson });
    await card.getByRole('button', { name: 'Bewaren' }).click();
    await expect(card.getByLabel('Wat wil je vastleggen?')).toHaveValue('');
    await expect(this.entry(text)).toHaveCount(1);
  }

  async search(query: string): Promise<void> {
    await this.list.getByRole('searchbox', { name: 'Zoeken' }).fill(query);
  }

  async filterPupil(name: string | null): Promise<void> {
    await this.list
      .getByLabel(/^Leerling/)
      .selectOption(name === null ? { value: '' } : { label: name });
  }

  /** Edits the (only) entry holding `text`. */
  async edit(text: string, newText: string): Promise<void> {
    await this.entry(text)
      .getByRole('button', { name: /bewerken$/ })
      .click();
    // While editing, the text sits in a textarea: find the item by its edit heading instead.
    const item = this.entries.filter({
      has: this.page.getByRole('heading', { name: /bewerken$/ }),
    });
    await item.getByLabel('Wat wil je vastleggen?').fill(newText);
    await item.getByRole('button', { name: 'Opslaan' }).click();
    await expect(this.entry(newText)).toHaveCount(1);
  }

  async delete(text: string): Promise<void> {
    await this.entry(text)
      .getByRole('button', { name: /verwijderen$/ })
      .click();
    await expect(this.entry(text)).toHaveCount(0);
  }

  /** The Undo of the last toast. */
  async undo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Ongedaan maken' }).click();
  }
}

import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** The coach's side (`#/coach`, `#/coach/<id>`), in Dutch. */
export class CoachPage {
  constructor(readonly page: Page) {}

  get listHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Coachomgeving' });
  }

  get banner(): Locator {
    return this.page.getByRole('note').filter({ hasText: /^Coachomgeving — alleen lezen/ });
  }

  get insights(): Locator {
    return this.page.getByRole('region', { name: 'Inzichten' }).getByRole('article');
  }

  get fileInput(): Locator {
    return this.page.getByLabel('Pakket van een leraar', { exact: true });
  }

  get error(): Locator {
    return this.page.getByRole('alert');
  }

  async openList(): Promise<void> {
    await this.page.goto('/#/coach');
    await expect(this.listHeading).toBeVisible();
  }

  /** Chooses a package file; when protected, types the passphrase and opens. */
  async choosePackage(path: string, passphrase?: string): Promise<void> {
    await this.fileInput.setInputFiles(path);
    if (passphrase !== undefined) await this.unlock(passphrase);
  }

  async unlock(passphrase: string): Promise<void> {
    await this.page.getByLabel('Wachtwoordzin van de leraar').fill(passphrase);
    await this.page.getByRole('button', { name: 'Openen' }).click();
  }

  /** Waits for the workspace; returns its id. */
  async waitForWorkspace(): Promise<string> {
    await expect(this.page).toHaveURL(/#\/coach\/[^/]+$/);
    await expect(this.banner).toBeVisible();
    await expect(this.insights.first()).toBeVisible();
    return new URL(this.page.url()).hash.split('/')[2] ?? '';
  }

  /** Adds a question or remark to the (first) insight card with this heading and text. */
  async addRemark(
    insightTitle: string | RegExp,
    text: string,
    about?: string | RegExp,
  ): Promise<void> {
    const card = this.insights
      .filter({ has: this.page.getByRole('heading', { level: 3, name: insightTitle }) })
      .filter(about ? { hasText: about } : {})
      .first();
    await card.getByText('Vraag of opmerking toevoegen').click();
    await card.getByLabel('Je vraag of opmerking').fill(text);
    await card.getByRole('button', { name: 'Bewaren' }).click();
    await expect(card.getByRole('blockquote').filter({ hasText: text })).toBeVisible();
  }

  async exportRemarks(author: string): Promise<{ name: string; path: string; text: string }> {
    await this.page.getByLabel('Je naam (ziet de leraar)').fill(author);
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Opmerkingen exporteren voor de leraar' }).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), path, text: await readFile(path, 'utf8') };
  }

  async deleteWorkspace(): Promise<void> {
    await this.page.getByRole('button', { name: 'Werkruimte verwijderen' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Deze werkruimte verwijderen?' });
    await dialog.getByRole('button', { name: 'Werkruimte verwijderen' }).click();
    await expect(this.listHeading).toBeVisible();
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** A class's screen (`#/class/<id>`), in Dutch (the e2e locale is nl-NL). */
export class ClassPage {
  constructor(readonly page: Page) {}

  async open(classId: string): Promise<void> {
    await this.page.goto(`/#/class/${encodeURIComponent(classId)}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  heading(name?: string): Locator {
    return this.page.getByRole('heading', { level: 1, ...(name ? { name } : {}) });
  }

  /** The id in the current `#/class/<id>…` URL. */
  classId(): string {
    return decodeURIComponent(new URL(this.page.url()).hash.split('/')[2] ?? '');
  }

  get startLessonLink(): Locator {
    return this.page.getByRole('link', { name: 'Les starten' });
  }

  /** Taps "Start lesson" and waits until the class screen is left. */
  async startLesson(): Promise<void> {
    await this.startLessonLink.click();
    await expect(this.page).toHaveURL(/#\/(class\/[^/]+\/lesson\/new|lesson\/[^/]+)/);
  }

  /** "Log a lesson afterwards". */
  async logAfter(): Promise<void> {
    await this.page.getByRole('link', { name: 'Les achteraf vastleggen' }).click();
    await expect(this.page).toHaveURL(/#\/class\/[^/]+\/after/);
  }

  /** Opens the pupils screen (from the "Add pupils" lead of an empty class, or the class menu). */
  async openPupils(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Deze klas' })
      .getByRole('link', { name: /^Leerlingen/ })
      .click();
    await expect(this.page).toHaveURL(/#\/class\/[^/]+\/pupils$/);
  }

  async openSeating(): Promise<void> {
    await this.page.getByRole('link', { name: 'Plattegrond' }).click();
    await expect(this.page).toHaveURL(/#\/class\/[^/]+\/seating$/);
  }

  async rename(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Naam wijzigen' }).click();
    await this.page.getByLabel('Nieuwe naam voor de klas').fill(name);
    await this.page.getByRole('button', { name: 'Opslaan' }).click();
  }

  async archive(): Promise<void> {
    await this.page.getByRole('button', { name: 'Archiveren' }).click();
    await expect(this.page.getByText('Gearchiveerd', { exact: true })).toBeVisible();
  }

  async unarchive(): Promise<void> {
    await this.page.getByRole('button', { name: 'Uit het archief halen' }).click();
    await expect(this.page.getByRole('button', { name: 'Archiveren' })).toBeVisible();
  }

  /** Deletes the class (confirming the dialog); the app goes to the start screen. */
  async delete(): Promise<void> {
    await this.page.getByRole('button', { name: 'Klas verwijderen' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Klas verwijderen' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Spiegel' })).toBeVisible();
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** The after-lesson minute (`#/lesson/<id>/reflect`), in Dutch (the e2e locale is nl-NL). */
export class ReflectPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Even terugkijken' });
  }

  async open(lessonId: string): Promise<void> {
    await this.page.goto(`/#/lesson/${encodeURIComponent(lessonId)}/reflect`);
    await expect(this.heading).toBeVisible();
  }

  /** The answer boxes; each is labelled by its question. */
  get answers(): Locator {
    return this.page.getByRole('main').getByRole('textbox');
  }

  answer(question: string | RegExp): Locator {
    return this.page.getByRole('textbox', { name: question });
  }

  /** Saves the answers and waits until the class screen shows. */
  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Bewaren in je logboek' }).click();
    await expect(this.page).toHaveURL(/#\/class\/[^/]+$/);
  }

  /** Skips the minute in one tap. */
  async skip(): Promise<void> {
    await this.page.getByRole('link', { name: 'Overslaan' }).click();
    await expect(this.page).toHaveURL(/#\/class\/[^/]+$/);
  }
}

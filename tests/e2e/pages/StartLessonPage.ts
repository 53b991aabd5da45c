import { expect, type Locator, type Page } from '@playwright/test';

/** The start-lesson form (`#/class/<id>/lesson/new`), in Dutch (the e2e locale is nl-NL). */
export class StartLessonPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Les starten' });
  }

  get date(): Locator {
    return this.page.getByLabel('Datum');
  }

  get startTime(): Locator {
    return this.page.getByLabel('Begintijd');
  }

  get endTime(): Locator {
    return this.page.getByLabel('Eindtijd');
  }

  get topic(): Locator {
    return this.page.getByLabel('Onderwerp');
  }

  get submit(): Locator {
    return this.page.getByRole('button', { name: 'Start de les' });
  }

  async open(classId: string): Promise<void> {
    await this.page.goto(`/#/class/${encodeURIComponent(classId)}/lesson/new`);
    await expect(this.heading).toBeVisible();
  }

  /** Fills what is given (the rest keeps its defaults), starts, and returns the lesson id. */
  async start(
    fields: { topic?: string; startTime?: string; endTime?: string } = {},
  ): Promise<string> {
    await expect(this.heading).toBeVisible();
    if (fields.topic !== undefined) await this.topic.fill(fields.topic);
    if (fields.startTime !== undefined) await this.startTime.fill(fields.startTime);
    if (fields.endTime !== undefined) await this.endTime.fill(fields.endTime);
    await this.submit.click();
    await expect(this.page).toHaveURL(/#\/lesson\/[^/]+$/);
    return decodeURIComponent(new URL(this.page.url()).hash.split('/')[2] ?? '');
  }
}

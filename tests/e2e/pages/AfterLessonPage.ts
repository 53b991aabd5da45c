import { expect, type Locator } from '@playwright/test';
import { LivePage } from './LivePage';

/** A local calendar date `YYYY-MM-DD`, `daysAgo` days before today. */
export function isoDaysAgo(daysAgo: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Logging a lesson afterwards, in Dutch (the e2e locale is nl-NL): the form
 * (`#/class/<id>/after`) and the grid (`#/lesson/<id>/after`), the live screen's own grid.
 */
export class AfterLessonPage extends LivePage {
  get newHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Les achteraf vastleggen' });
  }

  get date(): Locator {
    return this.page.getByLabel('Datum');
  }

  get startTime(): Locator {
    return this.page.getByLabel('Begintijd');
  }

  get endTime(): Locator {
    return this.page.getByLabel(/^Eindtijd/);
  }

  get topic(): Locator {
    return this.page.getByLabel(/^Onderwerp/);
  }

  get submit(): Locator {
    return this.page.getByRole('button', { name: 'Verder naar de leerlingen' });
  }

  async openNew(classId: string): Promise<void> {
    await this.page.goto(`/#/class/${encodeURIComponent(classId)}/after`);
    await expect(this.newHeading).toBeVisible();
  }

  override async open(lessonId: string): Promise<void> {
    await this.page.goto(`/#/lesson/${encodeURIComponent(lessonId)}/after`);
    await this.waitReady();
  }

  override async waitReady(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: /^Na de les/ })).toBeVisible();
  }

  /** Fills the form, goes on to the steppers and returns the new lesson's id. */
  async createLesson(fields: {
    date: string;
    startTime?: string;
    endTime?: string;
    topic?: string;
  }): Promise<string> {
    await this.date.fill(fields.date);
    if (fields.startTime !== undefined) await this.startTime.fill(fields.startTime);
    if (fields.endTime !== undefined) await this.endTime.fill(fields.endTime);
    if (fields.topic !== undefined) await this.topic.fill(fields.topic);
    await this.submit.click();
    await expect(this.page).toHaveURL(/#\/lesson\/[^/]+\/after$/);
    await this.waitReady();
    return decodeURIComponent(new URL(this.page.url()).hash.split('/')[2] ?? '');
  }

  /** Logs `times` events of a kind (its full Dutch label) on the grid: a turn is one tap. */
  async increase(kind: string, name: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      if (kind === 'Beurt') await this.tapTurn(name);
      else await this.logKind(name, kind);
    }
  }

  /** The "whom did I not speak to?" button in the bar, and its sheet. */
  get passButton(): Locator {
    return this.page.getByRole('button', { name: /^Wie nog niet\?/ });
  }

  get passSheet(): Locator {
    return this.page.getByRole('dialog', { name: 'Wie heb ik niet gesproken?' });
  }

  /** The bar's line naming who has nothing yet (when no qualifiers are shown). */
  get missedHint(): Locator {
    return this.page.locator('.live-hint');
  }
}

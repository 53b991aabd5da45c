import { expect, type Locator, type Page } from '@playwright/test';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A local calendar date `YYYY-MM-DD`, `daysAgo` days before today. */
export function isoDaysAgo(daysAgo: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Logging a lesson afterwards, in Dutch (the e2e locale is nl-NL): the form
 * (`#/class/<id>/after`) and the steppers (`#/lesson/<id>/after`).
 */
export class AfterLessonPage {
  constructor(readonly page: Page) {}

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

  async open(lessonId: string): Promise<void> {
    await this.page.goto(`/#/lesson/${encodeURIComponent(lessonId)}/after`);
    await this.waitReady();
  }

  async waitReady(): Promise<void> {
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

  /** The + of a kind (its full Dutch label, e.g. "Compliment") for a pupil. */
  plus(kind: string, name: string): Locator {
    return this.page.getByRole('button', {
      name: new RegExp(`^${escape(kind)} voor ${escape(name)}: \\d+, verhogen$`),
    });
  }

  minus(kind: string, name: string): Locator {
    return this.page.getByRole('button', {
      name: new RegExp(`^${escape(kind)} voor ${escape(name)}: \\d+, verlagen$`),
    });
  }

  /** The count as announced on the + button. */
  async count(kind: string, name: string): Promise<number> {
    const label = (await this.plus(kind, name).getAttribute('aria-label')) ?? '';
    return Number(/: (\d+),/.exec(label)?.[1] ?? NaN);
  }

  async expectCount(kind: string, name: string, count: number): Promise<void> {
    await expect(this.plus(kind, name)).toHaveAccessibleName(
      `${kind} voor ${name}: ${count}, verhogen`,
    );
  }

  /** Taps + `times` times, waiting for each write to show. */
  async increase(kind: string, name: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      const before = await this.count(kind, name);
      await this.plus(kind, name).click();
      await this.expectCount(kind, name, before + 1);
    }
  }

  async decrease(kind: string, name: string): Promise<void> {
    const before = await this.count(kind, name);
    await this.minus(kind, name).click();
    await this.expectCount(kind, name, before - 1);
  }

  absentToggle(name: string): Locator {
    return this.page.getByRole('button', { name: `${name} afwezig`, exact: true });
  }

  async setAbsent(name: string, absent: boolean): Promise<void> {
    const toggle = this.absentToggle(name);
    await expect(toggle).toHaveAttribute('aria-pressed', String(!absent));
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', String(absent));
  }

  get progress(): Locator {
    return this.page.locator('.after-pass-start p');
  }

  get passButton(): Locator {
    return this.page.getByRole('button', { name: 'Wie heb ik niet gesproken?' });
  }

  /** The pass's card (one pupil at a time, then the summary). */
  get passCard(): Locator {
    return this.page.locator('.pass-card');
  }

  /** In the pass: the current pupil's name and the "3 van 7" progress. */
  async expectPassAt(name: string, current: number, total: number): Promise<void> {
    await expect(this.passCard.getByRole('heading', { level: 2 })).toHaveText(name);
    await expect(this.passCard).toContainText(`${current} van ${total}`);
  }

  /** "Ja, namelijk:" + a kind (full label), "Nee, vandaag niet", or "Afwezig". */
  async answer(label: string): Promise<void> {
    await this.passCard.getByRole('button', { name: label, exact: true }).click();
  }
}

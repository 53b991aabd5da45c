import { expect, type Locator, type Page } from '@playwright/test';

export interface NewIntention {
  /** A pupil's name (the only kind of target these tests set). */
  pupil: string;
  /** The kind's Dutch label, e.g. "Doorvragen". */
  kind: string;
  /** The quality's label, e.g. "Alleen vragen van hogere orde". */
  quality?: string;
  perLesson: number;
  from: string;
  to: string;
  note?: string;
}

/** The intentions screen (`#/class/<id>/intentions`), in Dutch (the e2e locale is nl-NL). */
export class IntentionsPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /^Voornemens · / });
  }

  async open(classId: string): Promise<void> {
    await this.page.goto(`/#/class/${encodeURIComponent(classId)}/intentions`);
    await expect(this.heading).toBeVisible();
  }

  get form(): Locator {
    return this.page.locator('form.intention-form');
  }

  async openForm(): Promise<void> {
    await this.page.getByRole('button', { name: 'Nieuw voornemen' }).click();
    await expect(this.form).toBeVisible();
  }

  /** Fills the form for one pupil and saves; waits until the card shows. */
  async create(i: NewIntention): Promise<void> {
    await this.openForm();
    const form = this.form;
    await form.getByRole('radio', { name: 'Eén leerling' }).check();
    await form.getByRole('combobox', { name: /^Leerling/ }).selectOption({ label: i.pupil });
    await form.getByLabel('Wat wil je vaker doen?').selectOption({ label: i.kind });
    if (i.quality) await form.getByLabel('Wat telt mee?').selectOption({ label: i.quality });
    await form
      .getByRole('spinbutton', { name: /^Minstens zoveel keer per les/ })
      .fill(String(i.perLesson));
    await form.getByLabel('Vanaf').fill(i.from);
    await form.getByLabel('Tot en met').fill(i.to);
    if (i.note) await form.getByLabel(/^Waarom dit voornemen/).fill(i.note);
    await form.getByRole('button', { name: 'Voornemen opslaan' }).click();
    await expect(this.form).toHaveCount(0);
  }

  /** The card of an intention by (part of) its sentence. */
  card(sentence: string | RegExp): Locator {
    return this.page.locator('li.intention-card').filter({
      has: this.page.getByRole('heading', { level: 3, name: sentence }),
    });
  }

  status(sentence: string | RegExp): Locator {
    return this.card(sentence).locator('.intention-status');
  }

  /** Opens the per-lesson list of a card and returns its rows. */
  async lessonRows(sentence: string | RegExp): Promise<Locator> {
    const details = this.card(sentence).locator('details.intention-details');
    if ((await details.getAttribute('open')) === null) {
      await details.locator('summary').click();
    }
    return details.locator('li.intention-lesson');
  }

  comparison(sentence: string | RegExp): Locator {
    return this.card(sentence).locator('.intention-compare');
  }
}

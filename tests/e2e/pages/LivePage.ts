import { expect, type Locator, type Page } from '@playwright/test';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The live-lesson screen (`#/lesson/<id>`), in Dutch (the e2e locale is nl-NL). */
export class LivePage {
  constructor(readonly page: Page) {}

  async open(lessonId: string): Promise<void> {
    await this.page.goto(`/#/lesson/${encodeURIComponent(lessonId)}`);
    await this.waitReady();
  }

  async waitReady(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: /^Les / })).toBeVisible();
  }

  /** A tile's main button: its accessible name starts with the name and the counts follow. */
  tileButton(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${escape(name)}(:|, afwezig)`) });
  }

  moreButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Meer voor ${name}`, exact: true });
  }

  tile(name: string): Locator {
    return this.page.locator('.tile', { has: this.tileButton(name) });
  }

  /** Waits until the pupil's writes have landed (the tile shows a tap at once). */
  async expectSaved(name: string): Promise<void> {
    await expect(this.tile(name)).not.toHaveAttribute('data-saving', 'true');
  }

  /** The visible total on a pupil's tile. */
  total(name: string): Locator {
    return this.page.locator('.tile', { has: this.tileButton(name) }).locator('[data-total]');
  }

  get sheet(): Locator {
    return this.page.getByRole('dialog');
  }

  get undoButton(): Locator {
    return this.page.getByRole('button', { name: /^Ongedaan maken/ });
  }

  get tally(): Locator {
    return this.page.locator('.live-tally');
  }

  /** The polite live region of the live screen. */
  get announcer(): Locator {
    return this.page.locator('.live-bottom').getByRole('status');
  }

  /** One tap: a turn. Waits until the tile shows the new total. */
  async tapTurn(name: string): Promise<void> {
    const before = Number(await this.total(name).textContent());
    await this.tileButton(name).click();
    await expect(this.total(name)).toHaveText(String(before + 1));
    await this.expectSaved(name);
  }

  /** Two taps: "more", then the kind (its Dutch label, e.g. "Compliment"). */
  async logKind(name: string, kindLabel: string): Promise<void> {
    const before = Number(await this.total(name).textContent());
    await this.moreButton(name).click();
    await expect(this.sheet.getByRole('heading', { name })).toBeVisible();
    await this.sheet.getByRole('button', { name: new RegExp(`^${escape(kindLabel)}`) }).click();
    await expect(this.sheet).toBeHidden();
    await expect(this.total(name)).toHaveText(String(before + 1));
    await this.expectSaved(name);
  }

  /** A qualifier chip in the bar for the last event (e.g. "Zelf gemeld"). */
  qualifier(label: string): Locator {
    return this.page.locator('.qualifier-bar').getByRole('button', { name: label });
  }

  async setAbsent(name: string, absent: boolean): Promise<void> {
    await this.moreButton(name).click();
    const toggle = this.sheet.getByRole('button', { name: 'Afwezig deze les' });
    await expect(toggle).toHaveAttribute('aria-pressed', String(!absent));
    await toggle.click();
    await expect(this.sheet).toBeHidden();
  }

  /** Ends the lesson; the after-lesson minute opens, and is skipped in one tap. */
  async endLesson(): Promise<void> {
    await this.page.getByRole('button', { name: 'Les beëindigen' }).click();
    await expect(this.page).toHaveURL(/#\/lesson\/[^/]+\/reflect$/);
    await this.page.getByRole('link', { name: 'Overslaan' }).click();
    await expect(this.page).toHaveURL(/#\/class\/[^/]+$/);
  }
}

/** 25 first names, as a teacher would paste them. */
export const CLASS_OF_25 = [
  'Sem',
  'Noor',
  'Ayoub',
  'Daan',
  'Emma',
  'Fenna',
  'Gijs',
  'Hanna',
  'Ibrahim',
  'Julia',
  'Koen',
  'Lotte',
  'Mila',
  'Noah',
  'Olivia',
  'Pim',
  'Quinten',
  'Roos',
  'Sara',
  'Tess',
  'Umut',
  'Vera',
  'Wout',
  'Yara',
  'Zoë',
];

/**
 * The logging the flow tests do by tapping: 11 events of six kinds (turns by one tap, the rest
 * through the sheet), one qualifier on a turn and one on praise, and one undone extra turn.
 */
export async function logElevenEvents(live: LivePage): Promise<void> {
  for (const name of ['Sem', 'Sem', 'Noor', 'Sem', 'Ayoub', 'Noor']) await live.tapTurn(name);
  // A qualifier on the last turn (Noor's), optional and one tap.
  await live.qualifier('Zelf gemeld').click();
  await expect(live.qualifier('Zelf gemeld')).toHaveAttribute('aria-pressed', 'true');

  await live.logKind('Noor', 'Compliment');
  await live.qualifier('Specifiek').click();
  await expect(live.qualifier('Specifiek')).toHaveAttribute('aria-pressed', 'true');
  await live.logKind('Sem', 'Correctie op werk');
  // No qualifiers for a correction: the bar of the previous event is gone.
  await expect(live.qualifier('Specifiek')).toHaveCount(0);
  await live.logKind('Daan', 'Correctie op gedrag');
  await live.logKind('Noor', 'Doorvragen');
  await live.logKind('Emma', 'Hulp of uitleg');

  // A twelfth tap by mistake, undone.
  await live.tapTurn('Lotte');
  await expect(live.undoButton).toContainText('Beurt · Lotte');
  await live.undoButton.click();
  await expect(live.total('Lotte')).toHaveText('0');
  await expect(live.announcer).toHaveText(/^Beurt voor Lotte ongedaan gemaakt/);
}

/** The totals after logElevenEvents (everyone else has 0). */
export const TOTALS_AFTER_ELEVEN: Record<string, number> = {
  Sem: 4,
  Noor: 4,
  Ayoub: 1,
  Daan: 1,
  Emma: 1,
  Lotte: 0,
  Zoë: 0,
};

export async function expectTotals(live: LivePage, totals: Record<string, number>): Promise<void> {
  for (const [name, total] of Object.entries(totals)) {
    await expect(live.total(name)).toHaveText(String(total));
  }
}

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

  /**
   * "More" for a pupil, waiting until the sheet shows their name: an assertion that something is
   * absent from the sheet, or an Escape, must not run before the sheet is there.
   */
  async openSheet(name: string): Promise<void> {
    await this.moreButton(name).click();
    await expect(this.sheet.getByRole('heading', { name })).toBeVisible();
  }

  /** Escape closes whichever sheet or dialog is open; waits until it is gone. */
  async closeSheet(): Promise<void> {
    await expect(this.sheet).toBeVisible();
    await this.page.keyboard.press('Escape');
    await expect(this.sheet).toBeHidden();
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
    await this.openSheet(name);
    await this.sheet.getByRole('button', { name: new RegExp(`^${escape(kindLabel)}`) }).click();
    await expect(this.sheet).toBeHidden();
    await expect(this.total(name)).toHaveText(String(before + 1));
    await this.expectSaved(name);
  }

  /** A qualifier chip in the bar for the last event (e.g. "Zelf gemeld"). */
  qualifier(label: string): Locator {
    return this.page.locator('.qualifier-bar').getByRole('button', { name: label });
  }

  /** Through the sheet: "Afwezig deze les", or "Toch aanwezig" once absent. */
  async setAbsent(name: string, absent: boolean): Promise<void> {
    await this.moreButton(name).click();
    await this.sheet
      .getByRole('button', { name: absent ? 'Afwezig deze les' : 'Toch aanwezig', exact: true })
      .click();
    await expect(this.sheet).toBeHidden();
  }

  /** Every tile's two buttons (each pupil's turn and "more"). */
  get tileButtons(): Locator {
    return this.page.locator('.live-grid button');
  }

  /** Fails unless every tile button lies inside the viewport and is at least 44 px square. */
  async expectAllTilesInView(): Promise<void> {
    const viewport = this.page.viewportSize();
    if (!viewport) throw new Error('no viewport');
    const boxes = await this.tileButtons.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return {
          top: r.top,
          left: r.left,
          bottom: r.bottom,
          right: r.right,
          w: r.width,
          h: r.height,
        };
      }),
    );
    expect(boxes.length).toBeGreaterThan(0);
    const bar = await this.page.locator('.live-bottom').boundingBox();
    for (const b of boxes) {
      expect(b.top).toBeGreaterThanOrEqual(0);
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.right).toBeLessThanOrEqual(viewport.width + 0.5);
      // Above the bottom bar: nothing covers a tile.
      expect(b.bottom).toBeLessThanOrEqual(Math.min(viewport.height, bar?.y ?? Infinity) + 0.5);
      expect(b.h).toBeGreaterThanOrEqual(44);
      expect(b.w).toBeGreaterThanOrEqual(44);
    }
    const scroll = await this.page.evaluate(() => ({
      y: document.scrollingElement?.scrollHeight ?? 0,
      x: document.scrollingElement?.scrollWidth ?? 0,
    }));
    expect(scroll.y).toBeLessThanOrEqual(viewport.height);
    expect(scroll.x).toBeLessThanOrEqual(viewport.width);
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

/**
 * 32 full names as a Dutch school system exports them: two Daans, long given names, surname
 * particles. Pasted in this order they fill a 6x6 seating plan (6 columns, 6 rows).
 */
export const CLASS_OF_32 = [
  'Mohammed El Amrani',
  'Daan Kok',
  'Priyanka Ramdin',
  'Shanice Kromodikoro',
  'Mila de Jong',
  'Sem Bakker',
  'Noor Visser',
  'Daan de Vries',
  'Ayoub Benali',
  'Fenna Smit',
  'Gijs Mulder',
  'Hanna Bos',
  'Ibrahim Yilmaz',
  'Julia van den Berg',
  'Koen Dekker',
  'Lotte Meijer',
  'Noah Jansen',
  'Olivia Hendriks',
  'Pim van Dijk',
  'Quinten de Boer',
  'Roos Peters',
  'Sara Dijkstra',
  'Tess Willems',
  'Umut Kaya',
  'Vera Brouwer',
  'Wout Koster',
  'Yara Vermeulen',
  'Zoë Hoekstra',
  'Anne-Sophie Verhoeven',
  'Bram Jacobs',
  'Chayenne Sitaldin',
  'Emma van der Linden',
];

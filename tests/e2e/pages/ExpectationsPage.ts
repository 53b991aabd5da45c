import { expect, type Locator, type Page } from '@playwright/test';

/** The expectations screen (`#/class/<id>/expectations`), in Dutch (the e2e locale is nl-NL). */
export class ExpectationsPage {
  constructor(readonly page: Page) {}

  async open(classId: string): Promise<void> {
    await this.page.goto(`/#/class/${encodeURIComponent(classId)}/expectations`);
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /^Verwachtingen · / });
  }

  /** "Begin de ronde (10 leerlingen)", or "Verder met wie nog open staan (2)". */
  get startButton(): Locator {
    return this.page.getByRole('button', { name: /^(Begin de ronde|Verder met wie nog open)/ });
  }

  get againButton(): Locator {
    return this.page.getByRole('button', { name: 'Iedereen opnieuw langsgaan' });
  }

  /** The card of the pupil now in the round (a region named after the pupil). */
  card(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  get progress(): Locator {
    return this.page.getByText(/^\d+ van \d+$/);
  }

  /** A step button on the current card, e.g. "boven het klasniveau" or "havo". */
  step(label: string): Locator {
    return this.page
      .getByRole('group', { name: /^Wat verwacht je van / })
      .getByRole('button', { name: label, exact: true });
  }

  /** "onzeker", "redelijk zeker" or "heel zeker". */
  confidence(label: string): Locator {
    return this.page
      .getByRole('group', { name: /^Hoe zeker ben je\?/ })
      .getByRole('button', { name: label, exact: true });
  }

  get skipButton(): Locator {
    return this.page.getByRole('button', { name: 'Overslaan', exact: true });
  }

  get nextButton(): Locator {
    return this.page.getByRole('button', { name: 'Volgende', exact: true });
  }

  get notSureButton(): Locator {
    return this.page.getByRole('button', { name: 'Weet ik nog niet', exact: true });
  }

  get summary(): Locator {
    return this.page.getByRole('region', { name: 'De ronde is klaar' });
  }

  get status(): Locator {
    return this.page.getByRole('region', { name: 'Laatste ronde' });
  }

  /** Unfolds "Huidige verwachtingen bekijken" and returns the list item of one pupil. */
  async currentOf(name: string): Promise<Locator> {
    const details = this.page.locator('details', { hasText: 'Huidige verwachtingen bekijken' });
    if ((await details.getAttribute('open')) === null) {
      await details.getByText('Huidige verwachtingen bekijken').click();
    }
    return details.getByRole('listitem').filter({ hasText: name });
  }

  /** Taps the step for the pupil whose card is showing and waits for the next card. */
  async rate(name: string, label: string): Promise<void> {
    await expect(this.card(name)).toBeVisible();
    await this.step(label).click();
    await expect(this.card(name)).toHaveCount(0);
  }
}

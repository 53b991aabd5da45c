import { expect, type Locator, type Page } from '@playwright/test';

type Dimension = 'Nabijheid' | 'Conflict' | 'Afhankelijkheid';

/** The relationship screen (`#/class/<id>/relationships`), in Dutch (the e2e locale is nl-NL). */
export class RelationshipsPage {
  constructor(readonly page: Page) {}

  async open(classId: string): Promise<void> {
    await this.page.goto(`/#/class/${encodeURIComponent(classId)}/relationships`);
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /^Relatie · / });
  }

  get startButton(): Locator {
    return this.page.getByRole('button', { name: /^(Begin de ronde|Verder met wie nog open)/ });
  }

  card(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** The radio for `value` (1–5) of one dimension on the current card. */
  radio(dimension: Dimension, value: number): Locator {
    return this.page
      .getByRole('group', { name: dimension, exact: true })
      .getByRole('radio', { name: new RegExp(`^${value}\\b`) });
  }

  async choose(dimension: Dimension, value: number): Promise<void> {
    await this.radio(dimension, value).check();
  }

  get noteToggle(): Locator {
    return this.page.getByRole('button', { name: /^Notitie: wat roept deze leerling/ });
  }

  note(name: string): Locator {
    return this.page.getByLabel(`Wat roept ${name} bij je op?`);
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Bewaren en volgende' });
  }

  get skipButton(): Locator {
    return this.page.getByRole('button', { name: 'Overslaan', exact: true });
  }

  get summary(): Locator {
    return this.page.getByRole('region', { name: 'De ronde is klaar' });
  }

  get status(): Locator {
    return this.page.getByRole('region', { name: 'Laatste ronde' });
  }

  /** Unfolds "Huidige inschattingen bekijken" and returns the list item of one pupil. */
  async currentOf(name: string): Promise<Locator> {
    const details = this.page.locator('details', { hasText: 'Huidige inschattingen bekijken' });
    if ((await details.getAttribute('open')) === null) {
      await details.getByText('Huidige inschattingen bekijken').click();
    }
    return details.getByRole('listitem').filter({ hasText: name });
  }
}

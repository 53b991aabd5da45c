import { expect, type Locator, type Page } from '@playwright/test';

/** The results screen (`#/class/<id>/achievements`), in Dutch (the e2e locale is nl-NL). */
export class AchievementsPage {
  constructor(readonly page: Page) {}

  async open(classId: string): Promise<void> {
    await this.page.goto(`/#/class/${encodeURIComponent(classId)}/achievements`);
    await expect(
      this.page.getByRole('heading', { level: 1, name: /^Resultaten · / }),
    ).toBeVisible();
  }

  /** "New result for the class": opens the entry form. */
  async startNew(): Promise<void> {
    await this.page.getByRole('link', { name: 'Nieuw resultaat voor de klas' }).click();
    await expect(
      this.page.getByRole('heading', { level: 1, name: /^Nieuw resultaat · / }),
    ).toBeVisible();
  }

  get label(): Locator {
    return this.page.getByLabel('Naam van de toets');
  }

  get date(): Locator {
    return this.page.getByLabel('Datum');
  }

  scoreType(name: 'Cijfer' | 'Percentage' | 'Percentiel' | 'Niveau'): Locator {
    return this.page.getByRole('radio', { name, exact: true });
  }

  get typeMode(): Locator {
    return this.page.getByRole('radio', { name: 'Per leerling typen' });
  }

  get pasteMode(): Locator {
    return this.page.getByRole('radio', { name: 'Een kolom plakken' });
  }

  /** The input for one pupil's grade ("Cijfer voor Sem"). */
  grade(name: string): Locator {
    return this.page.getByLabel(`Cijfer voor ${name}`, { exact: true });
  }

  get pasteField(): Locator {
    return this.page.getByLabel('Scores, één per regel');
  }

  /** The rows of the paste preview, in seating order. */
  get previewRows(): Locator {
    return this.page
      .getByRole('list', { name: 'Zo worden de regels gelezen' })
      .getByRole('listitem');
  }

  /** The save button ("8 resultaten opslaan" or "Resultaten opslaan"). */
  get save(): Locator {
    return this.page.getByRole('button', { name: /result(aat|aten) opslaan$/i });
  }

  get alert(): Locator {
    return this.page.locator('form.new-assessment > [role="alert"]');
  }

  get toast(): Locator {
    return this.page.locator('.toast-host');
  }

  /** The list of recorded assessments on the main view. */
  get assessments(): Locator {
    return this.page.getByRole('region', { name: 'Vastgelegde resultaten' }).getByRole('listitem');
  }

  assessmentLink(label: string): Locator {
    return this.page.getByRole('link', { name: label, exact: true });
  }

  /** Per pupil rows on an assessment's page, in seating order. */
  get resultRows(): Locator {
    return this.page
      .getByRole('region', { name: 'Per leerling, in de volgorde van de plattegrond' })
      .getByRole('listitem');
  }

  resultRow(name: string): Locator {
    return this.resultRows.filter({
      has: this.page.locator('.result-name, .entry-name', { hasText: name }),
    });
  }

  async changeScore(name: string, value: string): Promise<void> {
    await this.page.getByRole('button', { name: `Resultaat van ${name} wijzigen` }).click();
    await this.grade(name).fill(value);
    await this.page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  }
}

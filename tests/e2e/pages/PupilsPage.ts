import { expect, type Locator, type Page } from '@playwright/test';

/** The pupils screen (`#/class/<id>/pupils`), in Dutch (the e2e locale is nl-NL). */
export class PupilsPage {
  constructor(readonly page: Page) {}

  async open(classId: string): Promise<void> {
    await this.page.goto(`/#/class/${encodeURIComponent(classId)}/pupils`);
    await expect(
      this.page.getByRole('heading', { level: 1, name: /^Leerlingen van/ }),
    ).toBeVisible();
  }

  get list(): Locator {
    return this.page.getByRole('region', { name: /^In deze klas/ });
  }

  get pasteField(): Locator {
    return this.page.getByLabel('Namen, één per regel');
  }

  get preview(): Locator {
    return this.page.locator('#paste-preview');
  }

  /** The names in the class, in list (seating) order: `expect(nameTexts).toHaveText([...])`. */
  get nameTexts(): Locator {
    return this.list.locator('.pupil-name-text');
  }

  /** Types a list into the paste box, one name per line, without adding it yet. */
  async fillPaste(names: string[]): Promise<void> {
    await this.pasteField.fill(names.join('\n'));
  }

  /**
   * Pastes names (one per line) and confirms; waits until they are in the list. Duplicates and
   * names already in the class are left out by the app.
   */
  async pasteNames(names: string[]): Promise<void> {
    const before = await this.list.locator('li').count();
    await this.fillPaste(names);
    const add = this.page.getByRole('button', { name: /^\d+ leerlingen? toevoegen$/ });
    const label = (await add.textContent()) ?? '';
    const count = Number(/\d+/.exec(label)?.[0] ?? 0);
    await add.click();
    await expect(this.pasteField).toHaveValue('');
    await expect(this.list.locator('li')).toHaveCount(before + count);
  }

  async addPupil(name: string): Promise<void> {
    await this.page.getByLabel('Naam', { exact: true }).fill(name);
    await this.page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
  }

  nameButton(name: string): Locator {
    return this.list.getByRole('button', { name: `${name} (naam wijzigen)` });
  }

  async renamePupil(from: string, to: string): Promise<void> {
    await this.nameButton(from).click();
    await this.page.getByLabel(`Nieuwe naam voor ${from}`).fill(to);
    await this.page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(this.nameButton(to)).toBeVisible();
  }

  /** Removes a pupil, keeping the history (the default). */
  async removePupil(name: string): Promise<void> {
    await this.list.getByRole('button', { name: `${name} verwijderen` }).click();
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: 'Verwijderen, geschiedenis bewaren' })
      .click();
    await expect(this.nameButton(name)).toHaveCount(0);
  }

  /** Removes a pupil and erases everything recorded about them (two confirmations). */
  async erasePupil(name: string): Promise<void> {
    await this.list.getByRole('button', { name: `${name} verwijderen` }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Ook alle geschiedenis wissen…' }).click();
    await dialog.getByRole('button', { name: 'Definitief wissen' }).click();
    await expect(this.nameButton(name)).toHaveCount(0);
  }

  async restorePupil(name: string): Promise<void> {
    const section = this.page.locator('details.removed-pupils');
    if ((await section.getAttribute('open')) === null) {
      await section.getByText(/^Verwijderde leerlingen/).click();
    }
    await section.getByRole('button', { name: `${name} terughalen` }).click();
    await expect(this.nameButton(name)).toBeVisible();
  }
}

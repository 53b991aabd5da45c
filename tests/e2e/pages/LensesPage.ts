import { expect, type Locator, type Page } from '@playwright/test';

/** The lenses screen (`#/class/<id>/lenses`), in Dutch (the e2e locale is nl-NL). */
export class LensesPage {
  constructor(readonly page: Page) {}

  async open(classId: string): Promise<void> {
    await this.page.goto(`/#/class/${encodeURIComponent(classId)}/lenses`);
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /^Kenmerken/ });
  }

  get presets(): Locator {
    return this.page.getByRole('region', { name: 'Begin met een voorbeeld' }).getByRole('button');
  }

  /** The list of the class's lenses. */
  get lensList(): Locator {
    return this.page.getByRole('region', { name: 'Jouw kenmerken' });
  }

  /** One tap on a preset ("Thuistaal", "Gender", …); waits until the lens is listed. */
  async applyPreset(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `+ ${name}`, exact: true }).click();
    await expect(this.lensList.getByRole('heading', { name, exact: true })).toBeVisible();
  }

  /** The select for one pupil and one lens, named "<lens> voor <pupil>". */
  select(lens: string, pupil: string): Locator {
    return this.page.getByRole('combobox', { name: `${lens} voor ${pupil}`, exact: true });
  }

  async setValue(lens: string, pupil: string, label: string): Promise<void> {
    await this.select(lens, pupil).selectOption({ label });
    await expect(this.selectedLabel(lens, pupil)).toHaveText(label);
  }

  selectedLabel(lens: string, pupil: string): Locator {
    return this.select(lens, pupil).locator('option:checked');
  }

  async openCustomForm(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Zelf een kenmerk maken' }).click();
    const form = this.page.getByRole('form', { name: 'Nieuw kenmerk' });
    await expect(form).toBeVisible();
    return form;
  }

  /** Fills the open lens form; values are typed into the value fields in order. */
  async fillForm(form: Locator, name: string, values: string[]): Promise<void> {
    await form.getByLabel('Naam', { exact: true }).fill(name);
    for (const [i, value] of values.entries()) {
      const field = form.getByRole('textbox', { name: `Waarde ${i + 1}`, exact: true });
      if ((await field.count()) === 0) {
        await form.getByRole('button', { name: '+ Waarde toevoegen' }).click();
      }
      await field.fill(value);
    }
  }

  async saveForm(form: Locator): Promise<void> {
    await form.getByRole('button', { name: 'Kenmerk opslaan' }).click();
  }
}

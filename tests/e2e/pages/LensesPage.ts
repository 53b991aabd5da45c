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

  /** Chooses a value and waits until it is stored (a reload right after must find it). */
  async setValue(lens: string, pupil: string, label: string): Promise<void> {
    await this.select(lens, pupil).selectOption({ label });
    await expect(this.selectedLabel(lens, pupil)).toHaveText(label);
    await expect
      .poll(() => this.storedLabel(lens, pupil))
      .toBe(label === 'niet ingevuld' ? null : label);
  }

  /** The value stored in IndexedDB for a pupil and a lens (null when none). */
  storedLabel(lens: string, pupil: string): Promise<string | null> {
    return this.page.evaluate(
      async ([lensName, pupilName]) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('spiegel');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(new Error(String(open.error)));
        });
        const all = <T>(store: string) =>
          new Promise<T[]>((resolve, reject) => {
            const req = db.transaction(store).objectStore(store).getAll();
            req.onsuccess = () => resolve(req.result as T[]);
            req.onerror = () => reject(new Error(String(req.error)));
          });
        type Lens = { id: string; name: string; values: { id: string; label: string }[] };
        type Pupil = { name: string; lensValues?: Record<string, string> };
        const [lenses, pupils] = await Promise.all([all<Lens>('lenses'), all<Pupil>('pupils')]);
        db.close();
        const found = lenses.find((l) => l.name === lensName);
        const valueId = pupils.find((p) => p.name === pupilName)?.lensValues?.[found?.id ?? ''];
        return found?.values.find((v) => v.id === valueId)?.label ?? null;
      },
      [lens, pupil] as const,
    );
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

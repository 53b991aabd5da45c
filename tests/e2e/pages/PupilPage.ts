import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** The pupil page (`#/pupil/<id>`), in Dutch (the e2e locale is nl-NL). */
export class PupilPage {
  constructor(readonly page: Page) {}

  heading(name?: string): Locator {
    return this.page.getByRole('heading', { level: 1, ...(name ? { name } : {}) });
  }

  async open(pupilId: string): Promise<void> {
    await this.page.goto(`/#/pupil/${encodeURIComponent(pupilId)}`);
    await expect(this.heading()).toBeVisible();
  }

  /** Opens the page of the (not removed) pupil with this name, looked up in IndexedDB. */
  async openByName(name: string): Promise<string> {
    const id = await pupilIdByName(this.page, name);
    await this.open(id);
    await expect(this.heading(name)).toBeVisible();
    return id;
  }

  get summary(): Locator {
    return this.page.getByRole('region', { name: 'In het kort' });
  }

  get timeline(): Locator {
    return this.page.getByRole('region', { name: 'Tijdlijn' });
  }

  /** The day headings of the timeline, newest first. */
  get days(): Locator {
    return this.timeline.getByRole('heading', { level: 3 });
  }

  get sparkline(): Locator {
    return this.page.getByRole('img', { name: /lessen aanwezig/ });
  }

  get actions(): Locator {
    return this.page.getByRole('region', { name: 'Exporteren of verwijderen' });
  }

  get backLink(): Locator {
    return this.page.getByRole('link', { name: 'Terug' });
  }

  /** Downloads the pupil's data as JSON; returns the suggested file name and the text. */
  async exportJson(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Gegevens downloaden (JSON)' }).click(),
    ]);
    const text = await readFile(await download.path(), 'utf8');
    await expect(
      this.page.getByRole('status').filter({ hasText: 'Opgeslagen in je downloads' }),
    ).toBeVisible();
    return { name: download.suggestedFilename(), text };
  }

  /** Taps Print with window.print replaced by a counter; returns how often it was called. */
  async print(): Promise<number> {
    await this.page.evaluate(() => {
      const w = window as unknown as { printCalls: number };
      w.printCalls = 0;
      window.print = () => {
        w.printCalls += 1;
      };
    });
    await this.page.getByRole('button', { name: 'Afdrukken' }).click();
    return this.page.evaluate(() => (window as unknown as { printCalls: number }).printCalls);
  }

  get deleteButton(): Locator {
    return this.page.getByRole('button', { name: /met alle gegevens verwijderen$/ });
  }

  /** Shows the texts naming the pupil, then opens the delete dialog; returns it. */
  async startDelete(name: string): Promise<Locator> {
    const dialog = this.page.getByRole('dialog', { name: `${name} en alle gegevens verwijderen?` });
    await this.deleteButton.click();
    // First the list of other texts that name the pupil (or a line saying there are none); a
    // second press opens the dialog (once the list is shown, one press opens it directly).
    await expect(
      this.page.getByText(new RegExp(`(noemen|noemt) ${name}|geen andere teksten die ${name}`)),
    ).toBeVisible();
    if (!(await dialog.isVisible())) await this.deleteButton.click();
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Deletes the pupil with all data (typing the name) and waits on the class screen. */
  async deletePupil(name: string): Promise<void> {
    const dialog = await this.startDelete(name);
    const confirm = dialog.getByRole('button', { name: 'Definitief verwijderen' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(`Typ ‘${name}’ om te bevestigen`).fill(name);
    await confirm.click();
    await expect(this.page).toHaveURL(/#\/class\/[^/]+$/);
  }
}

/** The id of the (not removed) pupil with this name, straight from IndexedDB. */
export async function pupilIdByName(page: Page, name: string): Promise<string> {
  const id = await page.evaluate(
    (wanted) =>
      new Promise<string | null>((resolve, reject) => {
        const req = indexedDB.open('spiegel');
        req.onerror = () => reject(new Error(String(req.error)));
        req.onsuccess = () => {
          const db = req.result;
          const all = db.transaction('pupils').objectStore('pupils').getAll();
          all.onsuccess = () => {
            const rows = all.result as { id: string; name: string; removedAt: string | null }[];
            db.close();
            resolve(rows.find((p) => p.name === wanted && !p.removedAt)?.id ?? null);
          };
          all.onerror = () => reject(new Error(String(all.error)));
        };
      }),
    name,
  );
  if (!id) throw new Error(`No pupil named ${name} in the database`);
  return id;
}

/** How many records in each data table belong to this pupil (the pupils table by id). */
export async function recordCounts(page: Page, pupilId: string): Promise<Record<string, number>> {
  return page.evaluate(
    (wanted) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const req = indexedDB.open('spiegel');
        req.onerror = () => reject(new Error(String(req.error)));
        req.onsuccess = () => {
          const db = req.result;
          const names = [...db.objectStoreNames].filter((n) => n !== 'settings');
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, number> = {};
          for (const name of names) {
            const r = tx.objectStore(name).getAll();
            r.onsuccess = () => {
              const rows = r.result as { id: string; pupilId?: string }[];
              out[name] = rows.filter((row) =>
                name === 'pupils' ? row.id === wanted : row.pupilId === wanted,
              ).length;
              // Events live inside their lesson's record.
              if (name === 'lessonEvents') {
                const lessons = r.result as { events: { pupilId: string }[] }[];
                out.events = lessons
                  .flatMap((l) => l.events)
                  .filter((e) => e.pupilId === wanted).length;
              }
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    pupilId,
  );
}

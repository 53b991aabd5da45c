import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

export interface BackupFileShape {
  data: Record<string, Record<string, unknown>[]>;
}

/** A backup's text with `edit` applied to its parsed form. */
export function edited(text: string, edit: (f: BackupFileShape) => void): string {
  const file = JSON.parse(text) as BackupFileShape;
  edit(file);
  return JSON.stringify(file);
}

/** The backup screen (`#/backup`), in Dutch (the e2e locale is nl-NL). */
export class BackupPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Back-up' });
  }

  async open(): Promise<void> {
    await this.page.goto('/#/backup');
    await expect(this.heading).toBeVisible();
  }

  get scopeSelect(): Locator {
    return this.page.getByLabel('Wat wil je bewaren?');
  }

  get exportButton(): Locator {
    return this.page.getByRole('button', { name: 'Back-up downloaden' });
  }

  get fileInput(): Locator {
    return this.page.getByLabel('Back-upbestand');
  }

  get restoreButton(): Locator {
    return this.page.getByRole('button', { name: 'Terugzetten', exact: true });
  }

  get summary(): Locator {
    return this.page.locator('.backup-summary');
  }

  get error(): Locator {
    return this.page
      .getByRole('alert')
      .filter({ hasText: 'Dit bestand kan niet worden teruggezet' });
  }

  get done(): Locator {
    return this.page.getByRole('heading', { level: 3, name: /Klaar/ });
  }

  /** Downloads a backup of `scope` (default all classes); returns the file name and its text. */
  async exportBackup(
    scope = 'Alle klassen',
  ): Promise<{ name: string; path: string; text: string }> {
    await this.scopeSelect.selectOption({ label: scope });
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.exportButton.click(),
    ]);
    const path = await download.path();
    await expect(this.page.getByText(/^Je back-up staat in je downloads/)).toBeVisible();
    return { name: download.suggestedFilename(), path, text: await readFile(path, 'utf8') };
  }

  /** Downloads one CSV kind ('Interacties', 'Verwachtingen', …); returns name and bytes. */
  async exportCsv(label: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: `${label} (CSV)` }).click(),
    ]);
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }

  /** Chooses a file (a path, or a name with contents) and waits for the summary or an error. */
  async chooseFile(file: string | { name: string; text: string }): Promise<void> {
    await this.fileInput.setInputFiles(
      typeof file === 'string'
        ? file
        : { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) },
    );
    await expect(this.summary.or(this.error)).toBeVisible();
  }

  /** The count shown in the summary for one kind of data, e.g. 'Interacties'. */
  async summaryCount(label: string): Promise<number> {
    const text = await this.summary
      .locator('.backup-counts > div', { has: this.page.getByText(label, { exact: true }) })
      .locator('dd')
      .textContent();
    return Number((text ?? '').replace(/\D/g, ''));
  }

  async restoreMerge(): Promise<void> {
    await this.page.getByRole('radio', { name: /^Samenvoegen/ }).check();
    await this.restoreButton.click();
    await expect(this.done).toBeVisible();
  }

  async restoreReplace(): Promise<void> {
    await this.page.getByRole('radio', { name: /^Vervangen/ }).check();
    await this.restoreButton.click();
    const dialog = this.page.getByRole('dialog', { name: /vervangen\?$/ });
    await expect(dialog).toBeVisible();
    const confirm = dialog.getByRole('button', { name: 'Vervangen' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('Typ ‘vervang’ om te bevestigen').fill('vervang');
    await confirm.click();
    await expect(this.done).toBeVisible();
  }
}

/**
 * Every record of every data table, straight from IndexedDB (settings left out). Events live
 * inside their lesson's record (`lessonEvents`); `events` lists them one by one, as a backup does.
 */
export async function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const req = indexedDB.open('spiegel');
        req.onerror = () => reject(new Error(String(req.error)));
        req.onsuccess = () => {
          const db = req.result;
          const names = [...db.objectStoreNames].filter((n) => n !== 'settings');
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const r = tx.objectStore(name).getAll();
            r.onsuccess = () => {
              out[name] = r.result as unknown[];
              if (name !== 'lessonEvents') return;
              const rows = r.result as {
                id: string;
                classId: string;
                date: string;
                events: object[];
              }[];
              out.events = rows.flatMap((l) =>
                l.events.map((e) => ({ ...e, classId: l.classId, lessonId: l.id, date: l.date })),
              );
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
  );
}

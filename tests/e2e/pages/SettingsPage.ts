import { expect, type Locator, type Page } from '@playwright/test';

type Lang = 'nl' | 'en';

const TEXT = {
  nl: {
    title: 'Instellingen',
    about: 'Over Spiegel',
    deleteButton: 'Alle gegevens wissen',
    confirmTitle: 'Alle gegevens wissen?',
    confirmButton: 'Alles wissen',
    word: 'wissen',
    typeWord: 'Typ ‘wissen’ om te bevestigen',
    done: 'Alle gegevens zijn gewist',
    cancel: 'Annuleren',
    aboutLink: 'Waar Spiegel voor is, privacy en onderzoek',
    backupLink: 'Back-up maken of terugzetten',
  },
  en: {
    title: 'Settings',
    about: 'About Spiegel',
    deleteButton: 'Delete all data',
    confirmTitle: 'Delete all data?',
    confirmButton: 'Delete everything',
    word: 'delete',
    typeWord: 'Type ‘delete’ to confirm',
    done: 'All data has been deleted',
    cancel: 'Cancel',
    aboutLink: 'What Spiegel is for, privacy and research',
    backupLink: 'Make or restore a backup',
  },
} as const;

/** The settings screen (`#/settings`) and the about screen (`#/about`), in either language. */
export class SettingsPage {
  lang: Lang = 'nl';
  constructor(readonly page: Page) {}

  get text() {
    return TEXT[this.lang];
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.text.title });
  }

  get aboutHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.text.about });
  }

  /** The radio for a language; each is named in its own language. */
  languageRadio(lang: Lang): Locator {
    return this.page.getByRole('radio', { name: lang === 'nl' ? 'Nederlands' : 'English' });
  }

  get deleteButton(): Locator {
    return this.page.getByRole('button', { name: this.text.deleteButton });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: this.text.confirmTitle });
  }

  get wordField(): Locator {
    return this.dialog.getByLabel(this.text.typeWord);
  }

  get confirmButton(): Locator {
    return this.dialog.getByRole('button', { name: this.text.confirmButton });
  }

  get aboutLink(): Locator {
    return this.page.getByRole('link', { name: this.text.aboutLink });
  }

  get backupLink(): Locator {
    return this.page.getByRole('link', { name: this.text.backupLink });
  }

  async open(lang: Lang = this.lang): Promise<void> {
    this.lang = lang;
    await this.page.goto('/#/settings');
    await expect(this.heading).toBeVisible();
  }

  async chooseLanguage(lang: Lang): Promise<void> {
    await this.languageRadio(lang).check();
    this.lang = lang;
    await expect(this.heading).toBeVisible();
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
  }

  async openAbout(): Promise<void> {
    await this.aboutLink.click();
    await expect(this.aboutHeading).toBeVisible();
  }

  /** Opens the confirmation, types `word` and returns whether the confirm button is enabled. */
  async startDeleteAll(word: string): Promise<boolean> {
    await this.deleteButton.click();
    await expect(this.dialog).toBeVisible();
    await expect(this.confirmButton).toBeDisabled();
    await this.wordField.fill(word);
    return this.confirmButton.isEnabled();
  }

  async cancelDialog(): Promise<void> {
    await this.dialog.getByRole('button', { name: this.text.cancel }).click();
    await expect(this.dialog).toBeHidden();
  }

  async deleteAll(): Promise<void> {
    expect(await this.startDeleteAll(this.text.word)).toBe(true);
    await this.confirmButton.click();
    await expect(this.page.getByRole('status').getByText(this.text.done)).toBeVisible();
    await expect(this.page).toHaveURL(/#\/$/);
  }
}

/**
 * Counts the records in the app's IndexedDB, per table (read-only, straight from the browser).
 * Events live inside their lesson's record (`lessonEvents`): `events` counts them one by one.
 */
export async function countRecords(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const req = indexedDB.open('spiegel');
        req.onerror = () => reject(new Error(String(req.error)));
        req.onsuccess = () => {
          const db = req.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, number> = {};
          for (const name of names) {
            const r = tx.objectStore(name).count();
            r.onsuccess = () => {
              out[name] = r.result;
            };
          }
          const lessons = tx.objectStore('lessonEvents').getAll();
          lessons.onsuccess = () => {
            const rows = lessons.result as { events: unknown[] }[];
            out.events = rows.reduce((n, r) => n + r.events.length, 0);
          };
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
  );
}

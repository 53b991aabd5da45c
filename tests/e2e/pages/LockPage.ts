import { expect, type Locator, type Page } from '@playwright/test';

/** The app lock: its settings section and the lock screen, in Dutch. */
export class LockPage {
  constructor(readonly page: Page) {}

  get lockScreenHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Spiegel is vergrendeld' });
  }

  get section(): Locator {
    return this.page.getByRole('region', { name: 'Vergrendeling' });
  }

  /** Sets the lock up from the settings screen; returns the recovery code shown. */
  async turnOn(passphrase: string): Promise<string> {
    await this.page.goto('/#/settings');
    await this.section.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await expect(this.section.getByText('Ze komen dan alleen terug uit een back-up')).toBeVisible();
    await this.section.getByLabel('Nieuw wachtwoord').fill(passphrase);
    await this.section.getByLabel('Herhaal het wachtwoord').fill(passphrase);
    await this.section.getByRole('button', { name: 'Verder' }).click();
    const code = (await this.section.getByTestId('recovery-code').textContent()) ?? '';
    const turnOn = this.section.getByRole('button', { name: 'Zet de vergrendeling aan' });
    await expect(turnOn).toBeDisabled();
    await this.section.getByLabel('Ik heb de herstelcode opgeschreven').check();
    await turnOn.click();
    await expect(this.section.getByRole('button', { name: 'Nu vergrendelen' })).toBeVisible({
      timeout: 30_000,
    });
    return code;
  }

  async lockNow(): Promise<void> {
    await this.section.getByRole('button', { name: 'Nu vergrendelen' }).click();
    await expect(this.lockScreenHeading).toBeVisible();
  }

  /** Types the passphrase on the lock screen and submits it. */
  async submit(passphrase: string): Promise<void> {
    await this.page.getByLabel('Wachtwoord', { exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Ontgrendelen', exact: true }).click();
  }
}

/** Every record of the classes and pupils stores as IndexedDB holds them (no middleware). */
export async function rawNames(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('spiegel');
        req.onerror = () => reject(new Error(String(req.error)));
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['classes', 'pupils'], 'readonly');
          const out: unknown[] = [];
          for (const name of ['classes', 'pupils']) {
            const r = tx.objectStore(name).getAll();
            r.onsuccess = () => out.push(...(r.result as unknown[]));
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out));
          };
        };
      }),
  );
}

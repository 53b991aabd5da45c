import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** The teacher's "Share with your coach" screen (`#/class/<id>/share`), in Dutch. */
export class SharePage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Delen met je coach' });
  }

  get preview(): Locator {
    return this.page.getByRole('region', { name: 'Dit gaat erin', exact: true });
  }

  get remarks(): Locator {
    return this.page.getByRole('region', { name: 'Van je coach', exact: true });
  }

  async open(classId: string): Promise<void> {
    await this.page.goto(`/#/class/${classId}/share`);
    await expect(this.heading).toBeVisible();
    await expect(this.preview).toBeVisible();
  }

  /** The count the preview shows for one record type, e.g. 'Interacties'. */
  async previewCount(label: string): Promise<number> {
    const text = await this.preview
      .locator('.coach-counts > div', { has: this.page.getByText(label, { exact: true }) })
      .locator('dd')
      .textContent();
    return Number((text ?? '').replace(/\D/g, ''));
  }

  /** The code a pupil gets in the package, from the preview's code list. */
  async codeOf(name: string): Promise<string> {
    await this.preview.getByText(/^Codelijst/).click();
    const row = this.preview
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name, exact: true }) });
    return ((await row.getByRole('cell').first().textContent()) ?? '').trim();
  }

  async tick(label: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: label }).check();
  }

  /** Downloads the package (with a passphrase, or none); returns the file. */
  async exportPackage(
    passphrase: string | null,
  ): Promise<{ name: string; path: string; text: string }> {
    const protect = this.page.getByRole('checkbox', { name: /^Beveiligen met een wachtwoordzin/ });
    if (passphrase === null) {
      await protect.uncheck();
    } else {
      await protect.check();
      await this.page.getByLabel('Wachtwoordzin', { exact: true }).fill(passphrase);
      await this.page.getByLabel('Herhaal de wachtwoordzin').fill(passphrase);
    }
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Bestand downloaden' }).click(),
    ]);
    const path = await download.path();
    await expect(this.page.getByText(/^Het pakket staat in je downloads/)).toBeVisible();
    return { name: download.suggestedFilename(), path, text: await readFile(path, 'utf8') };
  }

  async importRemarks(path: string): Promise<void> {
    await this.page.getByLabel('Bestand met opmerkingen van je coach').setInputFiles(path);
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** The sync screen (`#/sync`), in Dutch (the e2e locale is nl-NL). */
export class SyncPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/sync');
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Synchroniseren met je andere apparaten' }),
    ).toBeVisible();
  }

  get state(): Locator {
    return this.page.locator('.sync-state');
  }

  /** The first device: server address, teacher id, token. */
  async pairFirst(url: string, teacherId: string, token: string): Promise<void> {
    await this.page.getByLabel('Adres van de server').fill(url);
    await this.page.getByLabel('Je leraar-id').fill(teacherId);
    await this.page.getByLabel('Je toegangscode').fill(token);
    await this.page.getByRole('button', { name: 'Koppelen', exact: true }).click();
  }

  async pairWithCode(code: string): Promise<void> {
    await this.page.getByLabel('Koppelcode').fill(code);
    await this.page.getByRole('button', { name: 'Koppelen met deze code' }).click();
  }

  /** The pairing code field of the not-yet-paired screen (typed, pasted or scanned). */
  get codeField(): Locator {
    return this.page.getByRole('textbox', { name: 'Koppelcode', exact: true });
  }

  get scanButton(): Locator {
    return this.page.getByRole('button', { name: 'Scan de QR-code' });
  }

  /** The camera view that reads the QR code. */
  get scanner(): Locator {
    return this.page.getByRole('dialog', { name: 'De QR-code scannen' });
  }

  async expectOnline(): Promise<void> {
    await expect(this.state).toHaveAttribute('data-phase', 'online', { timeout: 20_000 });
  }

  async pairingCode(): Promise<string> {
    const field = this.page.getByRole('textbox', { name: 'Koppelcode' });
    await expect(field).not.toHaveValue('');
    return field.inputValue();
  }
}

// @vitest-environment happy-dom
/** The start-screen banner: shown only when a backup is due, and "Later" hides it. */
import i18next from 'i18next';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import type { SpiegelDB } from '../../src/db/schema';
import { makeSampleData } from '../support/backupSample';
import { setLastExportAt, setReminderDays } from '../../src/db/backup/settings';
import { BackupReminder } from '../../src/features/backup/BackupReminder';
import en from '../../src/i18n/locales/en/backup.json';
import { freshDb, seedDb } from './backupHelpers';

let db: SpiegelDB;
let host: HTMLElement;

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    resources: { en: { backup: en } },
    interpolation: { escapeValue: false },
  });
});
beforeEach(() => {
  db = freshDb();
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  db.close();
  setDbForTests(null);
});

/**
 * Renders and waits until the live query has answered: until `text` shows, when given (a number
 * of rounds was once too few on a loaded machine), else 20 rounds of 10 ms for the banner to stay
 * absent.
 */
async function show(text?: string): Promise<void> {
  await act(() => {
    render(<BackupReminder />, host);
  });
  const end = Date.now() + 15_000;
  for (let i = 0; text ? !host.textContent?.includes(text) : i < 20; i++) {
    if (Date.now() > end) throw new Error(`Waited 15 s for "${text}"`);
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
}

describe('BackupReminder', () => {
  it('says nothing without real data', async () => {
    const demo = makeSampleData({ seed: 1, classes: 1 });
    demo.classes[0]!.isDemo = true;
    await seedDb(db, demo);
    await show();
    expect(host.textContent).toBe('');
    // A class of the teacher's own (made long ago, never backed up): the banner appears.
    await seedDb(db, makeSampleData({ seed: 2, classes: 1 }));
    await show('You have not made a backup yet.');
    expect(host.textContent).toContain('You have not made a backup yet.');
  });

  it('stays quiet after a recent backup', async () => {
    await seedDb(db, makeSampleData({ seed: 1, classes: 1 }));
    await setLastExportAt(new Date(Date.now() - 2 * 86_400_000));
    await show();
    expect(host.textContent).toBe('');
    await setReminderDays(1);
    await show('Your last backup is 2 days old.');
    expect(host.textContent).toContain('Your last backup is 2 days old.');
  });

  // Last: "Later" hides the banner for the rest of the visit (module state).
  it('shows when the last backup is older than the chosen days, with a link to the backup screen', async () => {
    await seedDb(db, makeSampleData({ seed: 1, classes: 1 }));
    await setLastExportAt(new Date(Date.now() - 20 * 86_400_000));
    await show('Your last backup is 20 days old.');
    expect(host.textContent).toContain('Your last backup is 20 days old.');
    expect(host.querySelector('a')?.getAttribute('href')).toBe('#/backup');
    const later = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Later');
    await act(() => later?.click());
    expect(host.textContent).toBe('');
  });
});

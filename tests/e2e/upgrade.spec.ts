/**
 * A teacher who used the v3 release (one IndexedDB record per event) opens the new build: in
 * Chromium's own IndexedDB, the upgrade to v5 moves every event into its lesson's record, drops
 * the old table, and the app shows the lesson with its events and the pupil page with theirs.
 */
import { releasedStores } from '../db/schemaHistory';
import { expect, test } from './support/fixtures';

const T = '2025-03-03T08:00:00.000Z';
const stamp = { createdAt: T, updatedAt: T };
const CLASS = '11111111-1111-4111-8111-111111111111';
const LESSON = '22222222-2222-4222-8222-222222222222';
const PUPILS = ['Sanne', 'Yusuf', 'Mila'].map((name, i) => ({
  id: `3333333${i}-3333-4333-8333-333333333333`,
  classId: CLASS,
  name,
  seat: { row: 0, col: i },
  lensValues: {},
  removedAt: null,
  ...stamp,
}));
const KINDS = ['turn', 'turn', 'praise', 'turn', 'help'] as const;
const EVENTS = KINDS.map((kind, i) => ({
  id: `4444444${i}-4444-4444-8444-444444444444`,
  classId: CLASS,
  lessonId: LESSON,
  pupilId: PUPILS[i % 2]!.id,
  kind,
  date: '2025-03-03',
  at: `2025-03-03T08:0${i}:00.000Z`,
  loggedAfter: false,
  ...stamp,
}));
const V3_RECORDS = {
  classes: [
    {
      id: CLASS,
      name: 'Groep 6 (v3)',
      schoolType: 'primary',
      yearLabel: 'groep 6',
      seating: { rows: 1, cols: 3 },
      hiddenKinds: [],
      archivedAt: null,
      deletedAt: null,
      isDemo: false,
      expectationScale: { kind: 'relative5' },
      ...stamp,
    },
  ],
  pupils: PUPILS,
  lessons: [
    {
      id: LESSON,
      classId: CLASS,
      date: '2025-03-03',
      startTime: '08:30',
      endTime: '09:20',
      topic: 'Breuken',
      endedAt: T,
      deletedAt: null,
      ...stamp,
    },
  ],
  events: EVENTS,
};

test('a v3 database is upgraded in Chromium: events move into their lesson, nothing is lost', async ({
  page,
}) => {
  // A page of the app's origin that does not open the database itself.
  await page.goto('/robots.txt');
  await page.evaluate(
    async ({ stores, records }) => {
      // The stores exactly as Dexie declared them in v3 (Dexie stores version n as n × 10).
      const open = indexedDB.open('spiegel', 30);
      open.onupgradeneeded = () => {
        const idb = open.result;
        for (const [name, spec] of Object.entries(stores)) {
          if (spec === null) continue;
          const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
          const store = idb.createObjectStore(name, { keyPath: primary });
          for (const index of indexes) {
            const unique = index.startsWith('&');
            const src = index.replace(/^[&*]/, '');
            const keyPath = src.startsWith('[') ? src.slice(1, -1).split('+') : src;
            store.createIndex(src, keyPath, { unique });
          }
        }
      };
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      const tx = idb.transaction(Object.keys(records), 'readwrite');
      for (const [name, rows] of Object.entries(records)) {
        for (const row of rows) tx.objectStore(name).add(row);
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      });
      idb.close();
    },
    { stores: releasedStores(3), records: V3_RECORDS },
  );

  // The app opens the database at the new version: the upgrade runs.
  await page.goto(`/#/class/${CLASS}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Groep 6 (v3)' })).toBeVisible();
  await expect(page.getByText('5 interacties')).toBeVisible();

  const stored = await page.evaluate(async () => {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('spiegel');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const names = [...idb.objectStoreNames];
    const records = await new Promise<unknown[]>((resolve, reject) => {
      const req = idb.transaction('lessonEvents').objectStore('lessonEvents').getAll();
      req.onsuccess = () => resolve(req.result as unknown[]);
      req.onerror = () => reject(req.error ?? new Error('read failed'));
    });
    idb.close();
    return { version: idb.version, names, records };
  });
  // IndexedDB's version is Dexie's × 10: the newest schema, v7 (the attributions table).
  expect(stored.version).toBe(70);
  expect(stored.names).toContain('attributions');
  expect(stored.names).not.toContain('events');
  expect(stored.names).toContain('lessonEvents');
  expect(stored.records).toEqual([
    expect.objectContaining({
      id: LESSON,
      classId: CLASS,
      date: '2025-03-03',
      count: 5,
      events: EVENTS.map(({ classId: _c, lessonId: _l, date: _d, ...e }) => e),
    }),
  ]);

  // Sanne's page shows her three events (the 1st, 3rd and 5th: a turn, praise and help).
  await page.goto(`/#/pupil/${PUPILS[0]!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: /Sanne/ })).toBeVisible();
  const summary = page.getByRole('region', { name: 'In het kort' });
  await expect(summary).toContainText('1 les aanwezig, 0 afwezig');
  await expect(
    summary.getByRole('heading', { name: 'Wat je vastlegde: 3 interacties' }),
  ).toBeVisible();
  await expect(summary.getByRole('listitem')).toContainText([
    /Beurt\s*1$/,
    /Compl\.\s*1$/,
    /Corr\. werk\s*0$/,
    /Corr\. gedrag\s*0$/,
    /Doorvr\.\s*0$/,
    /Hulp\s*1$/,
    /Aandacht\s*0$/,
  ]);
});

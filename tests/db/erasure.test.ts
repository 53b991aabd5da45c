/**
 * Erasure (AVG art. 17) and "delete all data" leave nothing of the pupil: every store of every
 * database is dumped and searched for the pupil's id and every part of their name, except the
 * texts the teacher chose to keep.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, setDbForTests } from '../../src/db/db';
import { putEvents } from '../../src/db/eventStore';
import { importCoachRemarks, recordSharedPackage } from '../../src/db/repo/share';
import { clearLocalAppKeys, erasePupil, findTextsNaming } from '../../src/db/repo/erasure';
import { deleteAllData } from '../../src/db/repo/maintenance';
import { SpiegelDB } from '../../src/db/schema';
import { nameParts } from '../../src/domain/nameFinder';
import { NO_EXTRAS, buildCoachPackage, buildRemarksFile } from '../../src/intervisie';
import { FROM, TO, makeFixture } from '../unit/intervisie/fixture';

const NOW = new Date('2025-03-29T12:00:00.000Z');

async function dumpAll(): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = new SpiegelDB(info.name);
    await db.open();
    for (const table of db.tables) out[`${info.name}/${table.name}`] = await table.toArray();
    db.close();
  }
  return JSON.stringify(out);
}

async function seed() {
  const f = makeFixture();
  const target = { ...f.pupils[2]!, nicknames: ['Mena'] };
  const other = f.pupils[0]!;
  const s = f.source;
  const db = getDb();
  await db.classes.add(s.cls);
  await db.pupils.bulkAdd(s.pupils.map((p) => (p.id === target.id ? target : p)));
  await db.lessons.bulkAdd(
    s.lessons.map((l, i) => (i === 1 ? { ...l, topic: 'Breuken met Oosterhout' } : l)),
  );
  await db.absences.bulkAdd([...s.absences]);
  await db.banking.bulkAdd([...s.banking]);
  await db.expectations.bulkAdd([...s.expectations]);
  await db.achievements.bulkAdd([...s.achievements]);
  await db.relationships.bulkAdd(
    s.relationships.map((r) =>
      r.pupilId === other.id ? { ...r, note: 'Speelt veel met mena' } : r,
    ),
  );
  const base = s.journal[0]!;
  const free = (id: string, text: string) => ({
    ...base,
    id,
    text,
    pupilId: null,
    insightKey: null,
    lessonId: null,
  });
  const keepId = crypto.randomUUID();
  const dropId = crypto.randomUUID();
  await db.journal.bulkAdd([
    ...s.journal,
    free(keepId, 'KEEPME: gesprek met de moeder van ZZSUR-Oosterhout'),
    free(dropId, 'DROPME: Ximenazz’s werk was sterk'),
    free(crypto.randomUUID(), 'Niets over haar'),
  ]);
  await putEvents(db, [...s.events]);
  // A package made and remarks come home: code map, id map and remark keys hold the id.
  const built = buildCoachPackage(
    { ...s, pupils: s.pupils.map((p) => (p.id === target.id ? target : p)) },
    {
      from: FROM,
      to: TO,
      label: 'Groep 7',
      pseudonymisation: 'codes',
      extras: NO_EXTRAS,
      lensIds: [],
    },
    { now: NOW, appVersion: 'test', packageId: crypto.randomUUID(), codeMap: {} },
  );
  await recordSharedPackage(s.cls.id, built, false, NOW);
  const local = Object.entries(built.ids.pupils).find(([, v]) => v === target.id)![0];
  await importCoachRemarks(
    s.cls.id,
    buildRemarksFile(
      { packageId: built.pkg.packageId, label: 'Groep 7' },
      'Coach',
      [
        {
          insightKey: `notAddressed:${local}`,
          text: 'Wat zie je bij haar?',
          createdAt: NOW.toISOString(),
        },
      ],
      NOW,
    ),
    NOW,
  );
  return { f, target, keepId, dropId };
}

function forbidden(target: { id: string; name: string; nicknames?: string[] }): string[] {
  return [target.id, ...nameParts(target.name), ...(target.nicknames ?? []).flatMap(nameParts)];
}

beforeEach(async () => {
  // Every database is dumped: start with none but this test's.
  for (const info of await indexedDB.databases()) {
    if (info.name) {
      await new Promise((resolve) => {
        const req = indexedDB.deleteDatabase(info.name!);
        req.onsuccess = req.onerror = req.onblocked = resolve;
      });
    }
  }
  setDbForTests(new SpiegelDB('t-' + crypto.randomUUID()));
});

describe('erasing a pupil', () => {
  it('finds every text that names them, erases everything else and the texts the teacher ticks', async () => {
    const { target, keepId, dropId } = await seed();
    const before = (await dumpAll()).toLowerCase();
    for (const s of forbidden(target)) expect(before).toContain(s.toLowerCase());

    const found = await findTextsNaming(target.id);
    expect(found.map((t) => t.text).sort()).toEqual(
      [
        'Breuken met Oosterhout',
        'DROPME: Ximenazz’s werk was sterk',
        'KEEPME: gesprek met de moeder van ZZSUR-Oosterhout',
        'Speelt veel met mena',
      ].sort(),
    );
    const keep = `journal:${keepId}`;
    await erasePupil(
      target.id,
      found.map((t) => t.key).filter((k) => k !== keep),
      NOW,
    );
    expect(found.some((t) => t.key === `journal:${dropId}`)).toBe(true);

    const after = await dumpAll();
    // Only the kept text may still name them.
    const withoutKept = after.replace('KEEPME: gesprek met de moeder van ZZSUR-Oosterhout', '');
    expect(after).toContain('KEEPME');
    const lower = withoutKept.toLowerCase();
    for (const s of forbidden(target)) expect(lower.includes(s.toLowerCase()), s).toBe(false);
    expect(after).not.toContain('DROPME');
    expect(after).toContain('Niets over haar');
  });

  it('delete all data leaves only the language, in the database and in localStorage', async () => {
    const { target } = await seed();
    await getDb().settings.put({ key: 'language', value: 'nl', updatedAt: NOW.toISOString() });
    await deleteAllData();
    const after = (await dumpAll()).toLowerCase();
    for (const s of forbidden(target)) expect(after.includes(s.toLowerCase()), s).toBe(false);
    const db = getDb();
    for (const table of db.tables) {
      const rows = await table.toArray();
      if (table.name === 'settings')
        expect(rows.map((r: { key: string }) => r.key)).toEqual(['language']);
      else expect(rows, table.name).toEqual([]);
    }
    const store = new Map<string, string>([
      ['spiegel.language', 'nl'],
      [`spiegel.expectationNudge.${target.classId}`, '2025-04-01'],
      ['other.app', 'x'],
    ]);
    clearLocalAppKeys({
      get length() {
        return store.size;
      },
      key: (i) => [...store.keys()][i] ?? null,
      removeItem: (k) => void store.delete(k),
    });
    expect([...store.keys()]).toEqual(['spiegel.language', 'other.app']);
  });
});

/**
 * The slim declaration (schema.ts, schemaHint.ts): a database that opened at the newest version
 * is declared with that version only on the next start; a wrong hint (the database is older
 * after all) changes nothing in it, is forgotten, and the whole history then upgrades it.
 */
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readAllEvents } from '../../src/db/eventStore';
import { classifyStorageError } from '../../src/db/errors';
import { SCHEMA_VERSION, SpiegelDB } from '../../src/db/schema';
import { knownAtVersion } from '../../src/db/schemaHint';
import { memoryStorage } from './memoryStorage';
import { declareReleasedVersions } from './schemaHistory';

const opened: Dexie[] = [];
let name: string;

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
  name = 't-' + crypto.randomUUID();
});

afterEach(async () => {
  opened.splice(0).forEach((db) => db.close());
  await Dexie.delete(name);
  vi.unstubAllGlobals();
});

const track = <T extends Dexie>(db: T): T => (opened.push(db), db);

describe('declaring only the newest schema version', () => {
  it('declares the whole history until the database opened at the newest version once', async () => {
    const first = track(new SpiegelDB(name));
    expect(first.history).toBe('full');
    expect(knownAtVersion(name, SCHEMA_VERSION)).toBe(false);
    await first.open();
    expect(knownAtVersion(name, SCHEMA_VERSION)).toBe(true);
    first.close();

    const next = track(new SpiegelDB(name));
    expect(next.history).toBe('latest');
    await next.classes.add({ id: 'c-1' } as never);
    expect(next.verno).toBe(SCHEMA_VERSION);
    expect(await next.classes.count()).toBe(1);
  });

  it('keeps the hint per database name', async () => {
    await track(new SpiegelDB(name)).open();
    expect(new SpiegelDB('t-other-' + crypto.randomUUID()).history).toBe('full');
  });

  it('changes nothing in an older database under a wrong hint, then upgrades it in full', async () => {
    const v3 = declareReleasedVersions(new Dexie(name), 3);
    await v3.open();
    const event = {
      id: 'e-1',
      classId: 'c-1',
      lessonId: 'le-1',
      pupilId: 'p-1',
      date: '2025-03-03',
      kind: 'turn',
      at: '2025-03-03T08:01:00.000Z',
      createdAt: '2025-03-03T08:01:00.000Z',
      updatedAt: '2025-03-03T08:01:00.000Z',
    };
    await v3.table('events').add(event);
    v3.close();
    localStorage.setItem(`spiegel.schema.${name}`, String(SCHEMA_VERSION));

    const slim = track(new SpiegelDB(name));
    expect(slim.history).toBe('latest');
    const failure = await slim.open().then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).not.toBeNull();
    // The storage banner offers a reload for it.
    expect(classifyStorageError(failure)).toBe('closed');
    slim.close();
    expect(knownAtVersion(name, SCHEMA_VERSION)).toBe(false);

    // Untouched: still version 3, the event still in its old table.
    const check = track(new Dexie(name));
    await check.open();
    expect(check.verno).toBe(3);
    expect(await check.table('events').toArray()).toEqual([event]);
    check.close();

    // The reload: the whole history, and the event reaches its lesson record.
    const full = track(new SpiegelDB(name));
    expect(full.history).toBe('full');
    await full.open();
    expect(full.verno).toBe(SCHEMA_VERSION);
    expect(await readAllEvents(full)).toEqual([event]);
  });
});

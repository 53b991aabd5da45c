/**
 * Bad files: each is refused with the exact error code (and place), and the whole database —
 * settings included — is deep-equal before and after.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import type { SpiegelDB } from '../../src/db/schema';
import {
  ImportError,
  type ImportErrorCode,
  type ImportErrorDetail,
} from '../../src/model/importErrors';
import type { BackupFile } from '../../src/db/backup/format';
import { importBackup, type ImportMode } from '../../src/db/backup/import';
import { makeSampleData } from '../support/backupSample';
import { setLastExportAt } from '../../src/db/backup/settings';
import { backupOf, clone, dumpDb, freshDb, seedDb } from './backupHelpers';

type Json = Record<string, unknown>;
type TableName = keyof BackupFile['data'];
type Damageable = Json & { data: Json & Record<TableName, Json[]> };
/** A valid backup from another device (seed 2) that the tests damage. */
const VALID: BackupFile = backupOf(makeSampleData({ seed: 2, classes: 2, events: 40 }));
const VALID_TEXT = JSON.stringify(VALID);
const OTHER_ID = '99999999-9999-4999-8999-999999999999';

/** A damaged copy of the valid file, as text. */
function damaged(edit: (f: Damageable) => void): string {
  const copy = clone(VALID) as unknown as Damageable;
  edit(copy);
  return JSON.stringify(copy);
}
/** Injects raw JSON text for a key (for keys JSON.stringify cannot produce on its own). */
function withRaw(path: 'top' | 'event' | 'lensValues' | 'deep', raw: string): string {
  switch (path) {
    case 'top':
      return VALID_TEXT.replace(/^\{/, `{${raw},`);
    case 'event':
      return VALID_TEXT.replace('"events":[{', `"events":[{${raw},`);
    case 'lensValues':
      return VALID_TEXT.replace('"lensValues":{', `"lensValues":{${raw},`);
    case 'deep':
      return VALID_TEXT.replace('"seat":{', `"seat":{"x":[{"y":{${raw}}}],`);
  }
}

interface BadCase {
  name: string;
  input: () => string | Blob;
  code: ImportErrorCode;
  detail?: ImportErrorDetail;
  mode?: ImportMode;
  maxBytes?: number;
}

const firstEvent = VALID.data.events[0]!;

const CASES: BadCase[] = [
  { name: 'empty file', input: () => '', code: 'notJson', detail: { empty: true } },
  { name: 'only whitespace', input: () => ' \n\t ', code: 'notJson', detail: { empty: true } },
  { name: 'only a BOM', input: () => '\uFEFF', code: 'notJson', detail: { empty: true } },
  { name: 'plain text', input: () => 'Dit is geen back-up.', code: 'notJson' },
  { name: 'an HTML page', input: () => '<!doctype html><html></html>', code: 'notJson' },
  { name: 'JSON with trailing garbage', input: () => `${VALID_TEXT} x`, code: 'notJson' },
  { name: 'JSON with a comment', input: () => `// backup\n${VALID_TEXT}`, code: 'notJson' },
  {
    name: 'truncated half-way',
    input: () => VALID_TEXT.slice(0, Math.floor(VALID_TEXT.length / 2)),
    code: 'truncated',
  },
  {
    name: 'truncated inside a string',
    input: () => VALID_TEXT.slice(0, VALID_TEXT.indexOf('"name":"') + 10),
    code: 'truncated',
  },
  {
    name: 'truncated: last brace missing',
    input: () => VALID_TEXT.slice(0, -1),
    code: 'truncated',
  },
  { name: 'a JSON array', input: () => '[]', code: 'notBackup' },
  { name: 'JSON null', input: () => 'null', code: 'notBackup' },
  { name: 'a JSON number', input: () => '42', code: 'notBackup' },
  { name: 'an object without format', input: () => '{"data":{}}', code: 'notBackup' },
  {
    name: 'another app’s format',
    input: () => damaged((f) => (f.format = 'other-app-backup')),
    code: 'notBackup',
  },
  {
    name: 'future formatVersion 3',
    input: () => damaged((f) => (f.formatVersion = 3)),
    code: 'futureVersion',
    detail: { version: 3 },
  },
  {
    name: 'future formatVersion 99 with unknown tables',
    input: () =>
      damaged((f) => {
        f.formatVersion = 99;
        f.data.reflections = [];
      }),
    code: 'futureVersion',
  },
  {
    name: 'formatVersion as text',
    input: () => damaged((f) => (f.formatVersion = '1')),
    code: 'invalid',
    detail: { path: 'formatVersion' },
  },
  {
    name: 'formatVersion 0',
    input: () => damaged((f) => (f.formatVersion = 0)),
    code: 'invalid',
    detail: { path: 'formatVersion' },
  },
  {
    name: 'no data',
    input: () => damaged((f) => Reflect.deleteProperty(f, 'data')),
    code: 'invalid',
    detail: { path: 'data', check: 'missingKey' },
  },
  {
    name: 'a table missing',
    input: () => damaged((f) => Reflect.deleteProperty(f.data, 'relationships')),
    code: 'invalid',
    detail: { path: 'relationships', check: 'missingKey' },
  },
  {
    name: 'a table that is not a list',
    input: () => damaged((f) => ((f.data as Json).events = { 0: firstEvent })),
    code: 'invalid',
    detail: { path: 'events', check: 'array' },
  },
  {
    name: 'unknown top-level key',
    input: () => damaged((f) => (f.comment = 'hi')),
    code: 'invalid',
    detail: { path: 'comment', check: 'unknownKey' },
  },
  {
    name: 'unknown key in an event',
    input: () => damaged((f) => (f.data.events[3]!.mood = 'happy')),
    code: 'invalid',
    detail: { path: 'events[3].mood', check: 'unknownKey' },
  },
  {
    name: 'class name is a number',
    input: () => damaged((f) => (f.data.classes[0]!.name = 42)),
    code: 'invalid',
    detail: { path: 'classes[0].name', check: 'string' },
  },
  {
    name: 'class name empty',
    input: () => damaged((f) => (f.data.classes[1]!.name = '')),
    code: 'invalid',
    detail: { path: 'classes[1].name', check: 'min_length' },
  },
  {
    name: 'seat row as text',
    input: () => damaged((f) => (f.data.pupils[0]!.seat = { row: '1', col: 0 })),
    code: 'invalid',
    detail: { path: 'pupils[0].seat.row' },
  },
  {
    name: 'lens values not a list',
    input: () => damaged((f) => (f.data.lenses[0]!.values = 'meisje,jongen')),
    code: 'invalid',
    detail: { path: 'lenses[0].values', check: 'array' },
  },
  {
    name: 'lesson start time 25:00',
    input: () => damaged((f) => (f.data.lessons[2]!.startTime = '25:00')),
    code: 'invalid',
    detail: { path: 'lessons[2].startTime', check: 'regex' },
  },
  {
    name: 'absence pupil id not a UUID',
    input: () => damaged((f) => (f.data.absences[0]!.pupilId = 'pupil-1')),
    code: 'invalid',
    detail: { path: 'absences[0].pupilId', check: 'uuid' },
  },
  {
    name: 'unknown interaction kind',
    input: () => damaged((f) => (f.data.events[5]!.kind = 'hug')),
    code: 'invalid',
    detail: { path: 'events[5].kind', check: 'picklist' },
  },
  {
    name: 'impossible date 2024-02-30',
    input: () => damaged((f) => (f.data.events[12]!.date = '2024-02-30')),
    code: 'invalid',
    detail: { path: 'events[12].date', check: 'check' },
  },
  {
    name: 'date-time without a time',
    input: () => damaged((f) => (f.data.pupils[1]!.createdAt = '2024-09-01')),
    code: 'invalid',
    detail: { path: 'pupils[1].createdAt' },
  },
  {
    name: 'loggedAfter as text',
    input: () => damaged((f) => (f.data.events[0]!.loggedAfter = 'false')),
    code: 'invalid',
    detail: { path: 'events[0].loggedAfter', check: 'boolean' },
  },
  {
    name: 'negative banking minutes',
    input: () => damaged((f) => (f.data.banking[0]!.minutes = -5)),
    code: 'invalid',
    detail: { path: 'banking[0].minutes', check: 'min_value' },
  },
  {
    name: 'infinite minutes (1e999)',
    input: () =>
      damaged((f) => (f.data.banking[0]!.minutes = 1)).replace('"minutes":1,', '"minutes":1e999,'),
    code: 'invalid',
    detail: { path: 'banking[0].minutes', check: 'max_value' },
  },
  {
    name: 'expectation value 2.5',
    input: () => damaged((f) => (f.data.expectations[0]!.value = 2.5)),
    code: 'invalid',
    detail: { path: 'expectations[0].value', check: 'integer' },
  },
  {
    name: 'grade 11',
    input: () =>
      damaged((f) => {
        f.data.achievements[0]!.scoreType = 'grade';
        f.data.achievements[0]!.score = 11;
      }),
    code: 'invalid',
    detail: { path: 'achievements[0].score', check: 'max_value' },
  },
  {
    name: 'unknown score type',
    input: () => damaged((f) => (f.data.achievements[1]!.scoreType = 'stars')),
    code: 'invalid',
    detail: { path: 'achievements[1].scoreType', check: 'variant' },
  },
  {
    name: 'relationship closeness 0',
    input: () => damaged((f) => (f.data.relationships[0]!.closeness = 0)),
    code: 'invalid',
    detail: { path: 'relationships[0].closeness', check: 'min_value' },
  },
  {
    name: 'a 1 MB pupil name',
    input: () => damaged((f) => (f.data.pupils[0]!.name = 'x'.repeat(1024 * 1024))),
    code: 'invalid',
    detail: { path: 'pupils[0].name', check: 'max_length' },
  },
  {
    name: 'a note of 5,001 characters',
    input: () => damaged((f) => (f.data.relationships[0]!.note = 'n'.repeat(5001))),
    code: 'invalid',
    detail: { path: 'relationships[0].note', check: 'max_length' },
  },
  {
    name: 'nesting far deeper than a backup',
    input: () =>
      damaged(
        (f) => (f.data.events[0]!.at = JSON.parse('['.repeat(200) + ']'.repeat(200)) as unknown),
      ),
    code: 'invalid',
    detail: { check: 'depth' },
  },
  {
    name: 'duplicate event id',
    input: () => damaged((f) => f.data.events.push({ ...f.data.events[7]!, kind: 'praise' })),
    code: 'duplicateId',
    detail: { table: 'events', id: firstEvent && VALID.data.events[7]!.id, path: 'events[40].id' },
  },
  {
    name: 'duplicate class id',
    input: () => damaged((f) => (f.data.classes[1]!.id = f.data.classes[0]!.id)),
    code: 'duplicateId',
    detail: { table: 'classes', path: 'classes[1].id' },
  },
  {
    name: 'the same pupil absent twice in one lesson',
    input: () => damaged((f) => f.data.absences.push({ ...f.data.absences[0]!, id: OTHER_ID })),
    code: 'duplicateId',
    detail: { table: 'absences', key: 'lessonId+pupilId' },
  },
  {
    name: 'an event for a pupil that does not exist',
    input: () => damaged((f) => (f.data.events[12]!.pupilId = OTHER_ID)),
    code: 'missingReference',
    detail: { path: 'events[12].pupilId', target: 'pupils', id: OTHER_ID },
  },
  {
    name: 'an event for a lesson that does not exist',
    input: () => damaged((f) => (f.data.events[3]!.lessonId = OTHER_ID)),
    code: 'missingReference',
    detail: { path: 'events[3].lessonId', target: 'lessons' },
  },
  {
    name: 'a pupil in a class that does not exist',
    input: () => damaged((f) => (f.data.pupils[2]!.classId = OTHER_ID)),
    code: 'missingReference',
    detail: { path: 'pupils[2].classId', target: 'classes' },
  },
  {
    name: 'an expectation for a pupil that does not exist',
    input: () => damaged((f) => (f.data.expectations[4]!.pupilId = OTHER_ID)),
    code: 'missingReference',
    detail: { path: 'expectations[4].pupilId' },
  },
  {
    name: 'an absence in a lesson that does not exist',
    input: () => damaged((f) => (f.data.absences[0]!.lessonId = OTHER_ID)),
    code: 'missingReference',
    detail: { path: 'absences[0].lessonId' },
  },
  {
    name: 'replace with a file that leans on this device’s pupils',
    input: () => damaged((f) => (f.data.events[0]!.pupilId = SEEDED_PUPIL)),
    mode: 'replace',
    code: 'missingReference',
    detail: { path: 'events[0].pupilId' },
  },
  {
    name: 'an event dated on another day than its lesson',
    input: () => damaged((f) => (f.data.events[5]!.date = '2019-01-01')),
    code: 'invalid',
    detail: { path: 'events[5].date', check: 'lesson' },
  },
  {
    name: 'an event in another class than its lesson',
    input: () =>
      damaged((f) => {
        const e = f.data.events[6]!;
        e.classId = f.data.classes.find((c) => c.id !== e.classId)!.id;
      }),
    code: 'invalid',
    detail: { path: 'events[6].classId', check: 'lesson' },
  },
  {
    name: 'an event for a lesson of this device in another class',
    input: () => damaged((f) => (f.data.events[0]!.lessonId = SEEDED_LESSON)),
    code: 'invalid',
    detail: { path: 'events[0].classId', check: 'lesson' },
  },
  {
    name: '__proto__ at the top',
    input: () => withRaw('top', '"__proto__":{"isAdmin":true}'),
    code: 'forbiddenKey',
    detail: { key: '__proto__', path: '__proto__' },
  },
  {
    name: '__proto__ inside an event',
    input: () => withRaw('event', '"__proto__":{"polluted":1}'),
    code: 'forbiddenKey',
    detail: { key: '__proto__', path: 'events[0].__proto__' },
  },
  {
    name: 'constructor inside lens values',
    input: () => withRaw('lensValues', '"constructor":{"prototype":{"x":1}}'),
    code: 'forbiddenKey',
    detail: { key: 'constructor' },
  },
  {
    name: 'prototype nested deep',
    input: () => withRaw('deep', '"prototype":1'),
    code: 'forbiddenKey',
    detail: { key: 'prototype' },
  },
  {
    name: 'class file holding a record of another class',
    input: () => {
      const f = clone(VALID);
      const classId = f.data.classes[0]!.id;
      f.scope = { kind: 'class', classId };
      f.data.classes = [f.data.classes[0]!];
      for (const t of ['pupils', 'lenses', 'lessons', 'absences', 'events', 'banking'] as const) {
        (f.data[t] as { classId: string }[]) = (f.data[t] as { classId: string }[]).filter(
          (r) => r.classId === classId,
        );
      }
      return JSON.stringify(f);
    },
    code: 'invalid',
    detail: {
      path: expect.stringMatching(/^expectations\[\d+\]\.classId$/) as string,
      check: 'scope',
    },
  },
  {
    name: 'class file naming another class',
    input: () => damaged((f) => (f.scope = { kind: 'class', classId: OTHER_ID })),
    code: 'invalid',
    detail: { path: 'classes', check: 'scope' },
  },
  // The teacher's reflection (schema v3).
  {
    name: 'a journal entry of 20,001 characters',
    input: () => damaged((f) => (f.data.journal[1]!.text = 'j'.repeat(20_001))),
    code: 'invalid',
    detail: { path: 'journal[1].text', check: 'max_length' },
  },
  {
    name: 'an empty journal entry',
    input: () => damaged((f) => (f.data.journal[0]!.text = '')),
    code: 'invalid',
    detail: { path: 'journal[0].text', check: 'min_length' },
  },
  {
    name: 'journal source unknown',
    input: () => damaged((f) => (f.data.journal[1]!.source = 'diary')),
    code: 'invalid',
    detail: { path: 'journal[1].source', check: 'picklist' },
  },
  {
    name: 'journal class id as a number',
    input: () => damaged((f) => (f.data.journal[2]!.classId = 7)),
    code: 'invalid',
    detail: { path: 'journal[2].classId' },
  },
  {
    name: 'a journal entry for a lesson that does not exist',
    input: () => damaged((f) => (f.data.journal[1]!.lessonId = OTHER_ID)),
    code: 'missingReference',
    detail: { path: 'journal[1].lessonId', target: 'lessons', id: OTHER_ID },
  },
  {
    name: 'a journal entry about a pupil that does not exist',
    input: () => damaged((f) => (f.data.journal[2]!.pupilId = OTHER_ID)),
    code: 'missingReference',
    detail: { path: 'journal[2].pupilId', target: 'pupils' },
  },
  {
    name: 'an intention for a pupil that does not exist',
    input: () =>
      damaged((f) => (f.data.intentions[0]!.target = { type: 'pupil', pupilId: OTHER_ID })),
    code: 'missingReference',
    detail: { path: 'intentions[0].target.pupilId', target: 'pupils', id: OTHER_ID },
  },
  {
    name: 'an intention for a lens that does not exist',
    input: () =>
      damaged(
        (f) =>
          (f.data.intentions[2]!.target = { type: 'lens', lensId: OTHER_ID, valueId: OTHER_ID }),
      ),
    code: 'missingReference',
    detail: { path: 'intentions[2].target.lensId', target: 'lenses' },
  },
  {
    name: 'an intention in a class that does not exist',
    input: () => damaged((f) => (f.data.intentions[1]!.classId = OTHER_ID)),
    code: 'missingReference',
    detail: { path: 'intentions[1].classId', target: 'classes' },
  },
  {
    name: 'intention target of an unknown type',
    input: () => damaged((f) => (f.data.intentions[1]!.target = { type: 'school' })),
    code: 'invalid',
    detail: { path: 'intentions[1].target.type', check: 'variant' },
  },
  {
    name: 'intention of 0 per lesson',
    input: () => damaged((f) => ((f.data.intentions[0]!.measure as Json).perLesson = 0)),
    code: 'invalid',
    detail: { path: 'intentions[0].measure.perLesson', check: 'min_value' },
  },
  {
    name: 'unknown key in an intention’s measure',
    input: () => damaged((f) => ((f.data.intentions[0]!.measure as Json).mood = 'calm')),
    code: 'invalid',
    detail: { path: 'intentions[0].measure.mood', check: 'unknownKey' },
  },
  {
    name: 'a closing reflection of 5,001 characters',
    input: () => damaged((f) => (f.data.intentions[0]!.closingReflection = 'r'.repeat(5001))),
    code: 'invalid',
    detail: { path: 'intentions[0].closingReflection', check: 'max_length' },
  },
  {
    name: 'prompt state of an unknown status',
    input: () => damaged((f) => (f.data.promptStates[0]!.status = 'hidden')),
    code: 'invalid',
    detail: { path: 'promptStates[0].status', check: 'picklist' },
  },
  {
    name: 'the same prompt twice in one class',
    input: () =>
      damaged((f) => f.data.promptStates.push({ ...f.data.promptStates[1]!, id: OTHER_ID })),
    code: 'duplicateId',
    detail: { table: 'promptStates', key: 'classId+promptKey', id: OTHER_ID },
  },
  {
    name: 'a coach remark of 5,001 characters',
    input: () => damaged((f) => (f.data.coachRemarks[1]!.text = 'c'.repeat(5001))),
    code: 'invalid',
    detail: { path: 'coachRemarks[1].text', check: 'max_length' },
  },
  {
    name: 'a coach remark in a class that does not exist',
    input: () => damaged((f) => (f.data.coachRemarks[0]!.classId = OTHER_ID)),
    code: 'missingReference',
    detail: { path: 'coachRemarks[0].classId', target: 'classes' },
  },
  {
    name: 'class file holding a journal entry without a class',
    input: () => {
      const f = clone(VALID);
      const classId = f.data.classes[0]!.id;
      f.scope = { kind: 'class', classId };
      f.data.classes = [f.data.classes[0]!];
      for (const t of Object.keys(f.data) as TableName[]) {
        if (t === 'classes') continue;
        (f.data[t] as { classId: string | null }[]) = (
          f.data[t] as { classId: string | null }[]
        ).filter((r) => r.classId === classId || (t === 'journal' && r.classId === null));
      }
      return JSON.stringify(f);
    },
    code: 'invalid',
    detail: { path: 'journal[0].classId', check: 'scope' },
  },
  {
    name: 'over the size cap (cap lowered to 1 KB)',
    input: () => VALID_TEXT,
    maxBytes: 1024,
    code: 'tooLarge',
    detail: { max: 1024 },
  },
  {
    name: 'a 600 MB file is refused before it is read (the cap is 500 MB)',
    input: () => hugeBlob(600_000_000),
    code: 'tooLarge',
    detail: { size: 600_000_000, max: 500_000_000 },
  },
];

/** A Blob that claims a size and fails the test if anything tries to read it. */
function hugeBlob(size: number): Blob {
  const blob = new Blob(['{}']);
  Object.defineProperty(blob, 'size', { value: size });
  for (const method of ['text', 'arrayBuffer', 'stream', 'slice'] as const) {
    Object.defineProperty(blob, method, {
      value: () => {
        throw new Error(`read a ${size}-byte file`);
      },
    });
  }
  return blob;
}

let SEEDED_PUPIL = '';
let SEEDED_LESSON = '';
let db: SpiegelDB;
beforeEach(async () => {
  db = freshDb();
  const mine = makeSampleData({ seed: 1, classes: 1, events: 20 });
  SEEDED_PUPIL = mine.pupils[0]!.id;
  SEEDED_LESSON = mine.lessons[0]!.id;
  await seedDb(db, mine);
  await setLastExportAt(new Date('2025-01-01T10:00:00Z'));
  // A v3 reflection table (part of the format) and a local-only table must be untouched too.
  await db.coachWorkspaces.add({
    id: crypto.randomUUID(),
    packageId: crypto.randomUUID(),
    label: 'Van Sam',
    packageJson: '{}',
    remarks: [],
    createdAt: '2025-01-02T15:00:00.000Z',
    updatedAt: '2025-01-02T15:00:00.000Z',
  });
  await db.journal.add({
    id: crypto.randomUUID(),
    classId: mine.classes[0]!.id,
    date: '2025-01-02',
    text: 'Na de les: Ayoub vaker laten beginnen.',
    lessonId: null,
    pupilId: null,
    insightKey: null,
    source: 'journal',
    deletedAt: null,
    createdAt: '2025-01-02T15:00:00.000Z',
    updatedAt: '2025-01-02T15:00:00.000Z',
  });
});
afterEach(() => {
  db.close();
  setDbForTests(null);
});

async function refusal(run: () => Promise<unknown>): Promise<ImportError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('the file was accepted');
}

describe('bad backup files', () => {
  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('$name → $code, database unchanged', async (c) => {
    const before = await dumpDb(db);
    const error = await refusal(() =>
      importBackup(c.input(), c.mode ?? 'merge', c.maxBytes ? { maxBytes: c.maxBytes } : {}),
    );
    expect(error.code).toBe(c.code);
    if (c.detail) expect(error.detail).toMatchObject(c.detail);
    expect(await dumpDb(db)).toEqual(before);
  });

  it('the same refusals hold in replace mode', async () => {
    const before = await dumpDb(db);
    for (const c of CASES.filter((x) => x.code !== 'missingReference' || x.mode === 'replace')) {
      const error = await refusal(() =>
        importBackup(c.input(), 'replace', c.maxBytes ? { maxBytes: c.maxBytes } : {}),
      );
      expect(error.code, c.name).toBe(c.code);
    }
    expect(await dumpDb(db)).toEqual(before);
  });

  it('a storage failure half-way leaves nothing behind (one transaction)', async () => {
    const before = await dumpDb(db);
    // Classes and pupils are written before events: make the lesson events write fail.
    const proto = db.Table.prototype as { bulkPut: (...args: unknown[]) => Promise<unknown> };
    const original = proto.bulkPut;
    proto.bulkPut = function (this: { name: string }, ...args: unknown[]) {
      if (this.name === 'lessonEvents') {
        return Promise.reject(new DOMException('no room', 'QuotaExceededError'));
      }
      return original.apply(this, args);
    };
    try {
      const error = await refusal(() => importBackup(VALID_TEXT, 'merge'));
      expect(error.code).toBe('storage');
      expect(error.detail.kind).toBe('quota');
      const replaced = await refusal(() => importBackup(VALID_TEXT, 'replace'));
      expect(replaced.code).toBe('storage');
    } finally {
      proto.bulkPut = original;
    }
    expect(await dumpDb(db)).toEqual(before);
  });
});

describe('odd but acceptable files', () => {
  it('a BOM-prefixed valid file is imported', async () => {
    const result = await importBackup(`\uFEFF${VALID_TEXT}`, 'merge');
    expect(result.tables.events.added).toBe(40);
  });

  it('markup in a name is stored as literal text', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    const text = damaged((f) => {
      f.data.pupils[0]!.name = markup;
      f.data.banking[0]!.note = '<script>alert("x")</script>';
    });
    await importBackup(text, 'merge');
    const pupil = await db.pupils.get(VALID.data.pupils[0]!.id);
    expect(pupil?.name).toBe(markup);
  });

  it('a file with empty tables changes nothing', async () => {
    const before = await dumpDb(db);
    const empty = damaged((f) => {
      for (const t of Object.keys(f.data)) f.data[t] = [];
    });
    const result = await importBackup(empty, 'merge');
    expect(result.tables.classes).toEqual({ added: 0, updated: 0, unchanged: 0 });
    expect(await dumpDb(db)).toEqual(before);
  });

  it('a merge file may lean on records this device already has', async () => {
    const text = damaged((f) => (f.data.events[0]!.pupilId = SEEDED_PUPIL));
    const result = await importBackup(text, 'merge');
    expect(result.tables.events.added).toBe(40);
  });
});

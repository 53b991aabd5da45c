/**
 * Issue 14's stored additions: the two optional relationship questions, a pupil's strengths and
 * dreams, the opt-in greeting kind, the advice preset, the correction's audience — and that
 * backups with or without them restore.
 */
import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, setDbForTests } from '../../src/db/db';
import { RECORD_SCHEMAS } from '../../src/db/backup/schema';
import { createClass } from '../../src/db/repo/classes';
import { erasePupil, findTextsNaming } from '../../src/db/repo/erasure';
import { listLessonEvents, logEvent, updateEventQualifiers } from '../../src/db/repo/events';
import { createLens } from '../../src/db/repo/lenses';
import { startLesson } from '../../src/db/repo/lessons';
import { getHiddenKinds, hiddenKindsOf, setHiddenKinds } from '../../src/db/repo/loggingPrefs';
import { loadPupilTimelineData } from '../../src/db/repo/pupilPage';
import { setPupilStrengths, STRENGTHS_MAX } from '../../src/db/repo/pupilStrengths';
import { addPupils } from '../../src/db/repo/pupils';
import { rateRelationship } from '../../src/db/repo/relationships';
import { SpiegelDB } from '../../src/db/schema';
import { buildPupilExport } from '../../src/features/pupil/exportPupil';
import type { ClassRecord, PupilRecord } from '../../src/model/types';

const t0 = new Date('2025-09-01T08:00:00.000Z');
let cls: ClassRecord;
let sem: PupilRecord;
let noor: PupilRecord;

beforeEach(async () => {
  setDbForTests(new SpiegelDB('t-' + crypto.randomUUID()));
  cls = await createClass({ name: '1B', schoolType: 'secondary', yearLabel: '1 havo' }, t0);
  [sem, noor] = (await addPupils(cls.id, ['Sem Bakker', 'Noor Jansen'], t0)) as [
    PupilRecord,
    PupilRecord,
  ];
});

describe('relationship: the pupil view and capability', () => {
  const base = () => ({
    classId: cls.id,
    pupilId: sem.id,
    closeness: 4,
    conflict: 2,
    dependency: 1,
  });

  it('stores both when given, and a same-day correction without them keeps them', async () => {
    const first = await rateRelationship(
      { ...base(), pupilView: 2, capability: 5 },
      '2025-09-01',
      t0,
    );
    expect(first).toMatchObject({ closeness: 4, pupilView: 2, capability: 5 });
    const again = await rateRelationship({ ...base(), closeness: 3 }, '2025-09-01', t0);
    expect(again).toMatchObject({ id: first.id, closeness: 3, pupilView: 2, capability: 5 });
  });

  it('leaves them out when not given', async () => {
    const r = await rateRelationship(base(), '2025-09-01', t0);
    expect('pupilView' in r || 'capability' in r).toBe(false);
  });

  it.each([0, 6, 2.5])('refuses %s and stores nothing', async (bad) => {
    await expect(
      rateRelationship({ ...base(), pupilView: bad }, '2025-09-01', t0),
    ).rejects.toMatchObject({ code: 'ratingRange' });
    await expect(
      rateRelationship({ ...base(), capability: bad }, '2025-09-01', t0),
    ).rejects.toMatchObject({ code: 'ratingRange' });
    expect(await getDb().relationships.count()).toBe(0);
  });
});

describe('strengths and aspirations', () => {
  it('stores trimmed texts and removes an emptied one', async () => {
    const saved = await setPupilStrengths(
      sem.id,
      { strengths: '  tekenen \n', aspirations: 'dierenarts' },
      t0,
    );
    expect(saved).toMatchObject({ strengths: 'tekenen', aspirations: 'dierenarts' });
    const cleared = await setPupilStrengths(sem.id, { strengths: ' ', aspirations: 'piloot' }, t0);
    expect('strengths' in cleared).toBe(false);
    expect((await getDb().pupils.get(sem.id))?.aspirations).toBe('piloot');
  });

  it('refuses a text that is too long and keeps what was there', async () => {
    await setPupilStrengths(sem.id, { strengths: 'tekenen', aspirations: '' }, t0);
    await expect(
      setPupilStrengths(sem.id, { strengths: 'x'.repeat(STRENGTHS_MAX + 1), aspirations: '' }, t0),
    ).rejects.toMatchObject({ code: 'textTooLong' });
    expect((await getDb().pupils.get(sem.id))?.strengths).toBe('tekenen');
  });

  it('refuses an unknown pupil', async () => {
    await expect(
      setPupilStrengths('nope', { strengths: 'a', aspirations: '' }, t0),
    ).rejects.toMatchObject({ code: 'pupilNotFound' });
  });

  it('are in the pupil’s access export', async () => {
    await setPupilStrengths(sem.id, { strengths: 'tekenen', aspirations: 'dierenarts' }, t0);
    const data = await loadPupilTimelineData(sem.id);
    if (!data) throw new Error('no data');
    const file = buildPupilExport(data, t0, 'test');
    expect(file.pupil).toMatchObject({ strengths: 'tekenen', aspirations: 'dierenarts' });
  });

  it('another pupil’s text naming the pupil is found, and on erasure cleared by choice', async () => {
    await setPupilStrengths(
      noor.id,
      { strengths: 'Samen met Sem bouwen', aspirations: 'Met Sem een bedrijf' },
      t0,
    );
    const texts = await findTextsNaming(sem.id);
    expect(texts.map((x) => x.kind).sort()).toEqual(['pupilAspirations', 'pupilStrengths']);
    await erasePupil(sem.id, [`pupilStrengths:${noor.id}`], t0);
    const after = await getDb().pupils.get(noor.id);
    expect(after?.strengths).toBeUndefined();
    expect(after?.aspirations).toBe('Met Sem een bedrijf');
    expect(await getDb().pupils.get(sem.id)).toBeUndefined();
  });
});

describe('the opt-in greeting kind', () => {
  it('is hidden in a new class and in a class stored before it existed', async () => {
    expect(await getHiddenKinds(cls.id)).toEqual(['greeting']);
    expect(hiddenKindsOf({ hiddenKinds: ['help'] })).toEqual(['help', 'greeting']);
  });

  it('is shown once the teacher shows it, and hidden again', async () => {
    expect(await setHiddenKinds(cls.id, ['help'], t0)).toEqual(['help']);
    const stored = await getDb().classes.get(cls.id);
    expect(stored).toMatchObject({ hiddenKinds: ['help'], shownKinds: ['greeting'] });
    expect(await getHiddenKinds(cls.id)).toEqual(['help']);
    await setHiddenKinds(cls.id, ['greeting'], t0);
    const again = await getDb().classes.get(cls.id);
    expect(again?.hiddenKinds).toEqual([]);
    expect(again && 'shownKinds' in again).toBe(false);
  });
});

describe('advice preset and audience', () => {
  it('a characteristic made from a preset remembers it', async () => {
    const lens = await createLens(cls.id, 'Basisschooladvies', ['vmbo-k', 'havo'], t0, 'advice');
    expect(lens.preset).toBe('advice');
    const own = await createLens(cls.id, 'Eigen', ['a', 'b'], t0);
    expect('preset' in own).toBe(false);
  });

  it('a correction takes an audience; a turn refuses it', async () => {
    const lesson = await startLesson(
      { classId: cls.id, date: '2025-09-01', startTime: '08:30' },
      t0,
    );
    const corr = await logEvent(
      {
        lessonId: lesson.id,
        pupilId: sem.id,
        kind: 'correctionBehaviour',
        qualifiers: { audience: 'class' },
      },
      t0,
    );
    expect(corr.audience).toBe('class');
    await expect(
      logEvent(
        { lessonId: lesson.id, pupilId: sem.id, kind: 'turn', qualifiers: { audience: 'class' } },
        t0,
      ),
    ).rejects.toMatchObject({ code: 'qualifierNotForKind' });
    await updateEventQualifiers(lesson.id, corr.id, { audience: 'private' }, t0);
    expect((await listLessonEvents(lesson.id)).map((e) => e.audience)).toEqual(['private']);
  });
});

describe('backup records with and without the new fields', () => {
  const stamps = { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
  const id = '0b7f3c1e-2a4d-4e5f-8a9b-1c2d3e4f5a6b';
  const ok = (table: string, record: unknown) => {
    const schema = RECORD_SCHEMAS[table];
    if (!schema) throw new Error(table);
    return v.safeParse(schema, record).success;
  };
  const rel = {
    id,
    classId: id,
    pupilId: id,
    date: '2025-01-01',
    closeness: 3,
    conflict: 2,
    dependency: 1,
    note: '',
    ...stamps,
  };
  const pupil = {
    id,
    classId: id,
    name: 'Sem',
    seat: null,
    lensValues: {},
    removedAt: null,
    ...stamps,
  };

  it('accepts older records that lack them', () => {
    expect(ok('relationships', rel)).toBe(true);
    expect(ok('pupils', pupil)).toBe(true);
  });

  it('accepts the new fields and refuses bad values', () => {
    expect(ok('relationships', { ...rel, pupilView: 2, capability: 5 })).toBe(true);
    expect(ok('relationships', { ...rel, pupilView: 6 })).toBe(false);
    expect(ok('pupils', { ...pupil, strengths: 'tekenen', aspirations: 'piloot' })).toBe(true);
    expect(ok('pupils', { ...pupil, strengths: 3 })).toBe(false);
  });
});

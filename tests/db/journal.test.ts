import { beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/model/errors';
import { createPastLesson } from '../../src/db/repo/afterLesson';
import { logEvent } from '../../src/db/repo/events';
import { createIntention } from '../../src/db/repo/intentions';
import {
  createJournalEntries,
  createJournalEntry,
  deleteJournalEntry,
  listJournal,
  listJournalForLesson,
  listJournalForPupil,
  restoreJournalEntry,
  updateJournalEntry,
} from '../../src/db/repo/journal';
import {
  loadJournalItemData,
  loadJournalData,
  loadReflectionData,
} from '../../src/db/repo/journalLoaders';
import type { ClassRecord, LessonRecord, PupilRecord } from '../../src/model/types';
import { freshDbWithClass } from './loggingFixtures';

const NOW = new Date(2025, 2, 12, 15, 30); // Wed 12 March 2025, local time
const LATER = new Date(2025, 2, 12, 16, 0);

let db: Awaited<ReturnType<typeof freshDbWithClass>>['db'];
let cls: ClassRecord;
let pupils: PupilRecord[];
let lesson: LessonRecord;

beforeEach(async () => {
  ({ db, cls, pupils } = await freshDbWithClass(['Sem', 'Noor', 'Zoë']));
  lesson = await createPastLesson(
    { classId: cls.id, date: '2025-03-10', startTime: '09:00', endTime: '', topic: 'Breuken' },
    NOW,
  );
});

const code = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e instanceof ValidationError ? e.code : String(e);
  }
  return 'no error';
};

describe('journal entries', () => {
  it('creates an entry, trimmed, with the class derived from its lesson and pupil', async () => {
    const entry = await createJournalEntry(
      {
        date: '2025-03-10',
        text: '  Sem bloeide op  ',
        lessonId: lesson.id,
        pupilId: pupils[0]!.id,
      },
      NOW,
    );
    expect(entry).toMatchObject({
      classId: cls.id,
      text: 'Sem bloeide op',
      lessonId: lesson.id,
      pupilId: pupils[0]!.id,
      insightKey: null,
      source: 'journal',
      deletedAt: null,
      createdAt: NOW.toISOString(),
    });
    expect(await db.journal.get(entry.id)).toEqual(entry);
  });

  it('refuses what the teacher can fix', async () => {
    const base = { classId: cls.id, date: '2025-03-10', text: 'x' };
    expect(await code(createJournalEntry({ ...base, text: '   ' }, NOW))).toBe('textRequired');
    expect(await code(createJournalEntry({ ...base, text: 'x'.repeat(5001) }, NOW))).toBe(
      'textTooLong',
    );
    expect(await code(createJournalEntry({ ...base, date: '2025-02-30' }, NOW))).toBe(
      'dateInvalid',
    );
    expect(await code(createJournalEntry({ ...base, date: '2025-03-13' }, NOW))).toBe('dateFuture');
    expect(await code(createJournalEntry({ ...base, lessonId: 'nope' }, NOW))).toBe(
      'lessonNotFound',
    );
    expect(await code(createJournalEntry({ ...base, pupilId: 'nope' }, NOW))).toBe('pupilNotFound');
    expect(await db.journal.count()).toBe(0);
  });

  it('refuses a pupil or lesson of another class', async () => {
    const otherClass = { ...cls, id: crypto.randomUUID(), name: '4A' };
    await db.classes.add(otherClass);
    const stranger = { ...pupils[0]!, id: crypto.randomUUID(), classId: otherClass.id };
    await db.pupils.add(stranger);
    const base = { classId: cls.id, date: '2025-03-10', text: 'x' };
    expect(await code(createJournalEntry({ ...base, pupilId: stranger.id }, NOW))).toBe(
      'pupilNotFound',
    );
    expect(
      await code(createJournalEntry({ ...base, classId: otherClass.id, lessonId: lesson.id }, NOW)),
    ).toBe('lessonNotFound');
    expect(
      await code(
        createJournalEntry(
          { date: '2025-03-10', text: 'x', lessonId: lesson.id, pupilId: stranger.id },
          NOW,
        ),
      ),
    ).toBe('pupilNotFound');
  });

  it('edits text, date and links, and refuses to empty an entry', async () => {
    const entry = await createJournalEntry({ classId: cls.id, date: '2025-03-11', text: 'a' }, NOW);
    const edited = await updateJournalEntry(
      entry.id,
      { text: 'b', date: '2025-03-10', lessonId: lesson.id, pupilId: pupils[1]!.id },
      LATER,
    );
    expect(edited).toMatchObject({
      text: 'b',
      date: '2025-03-10',
      lessonId: lesson.id,
      pupilId: pupils[1]!.id,
      createdAt: NOW.toISOString(),
      updatedAt: LATER.toISOString(),
    });
    // '' unlinks.
    expect((await updateJournalEntry(entry.id, { pupilId: '' }, LATER)).pupilId).toBeNull();
    expect(await code(updateJournalEntry(entry.id, { text: ' ' }, LATER))).toBe('textRequired');
    expect((await db.journal.get(entry.id))?.text).toBe('b');
  });

  it('deletes softly and restores', async () => {
    const a = await createJournalEntry({ classId: cls.id, date: '2025-03-10', text: 'a' }, NOW);
    await deleteJournalEntry(a.id, LATER);
    expect(await listJournal(cls.id)).toEqual([]);
    expect((await db.journal.get(a.id))?.deletedAt).toBe(LATER.toISOString());
    expect(await code(updateJournalEntry(a.id, { text: 'b' }, LATER))).toBe('entryNotFound');
    await restoreJournalEntry(a.id, LATER);
    expect((await listJournal(cls.id)).map((e) => e.id)).toEqual([a.id]);
  });

  it('lists newest first, per class, lesson and pupil', async () => {
    const older = await createJournalEntry(
      { classId: cls.id, date: '2025-03-09', text: 'older' },
      NOW,
    );
    const first = await createJournalEntry(
      { date: '2025-03-10', text: 'first', lessonId: lesson.id },
      NOW,
    );
    const second = await createJournalEntry(
      { date: '2025-03-10', text: 'second', lessonId: lesson.id, pupilId: pupils[0]!.id },
      LATER,
    );
    expect((await listJournal(cls.id)).map((e) => e.text)).toEqual(['second', 'first', 'older']);
    expect((await listJournalForLesson(lesson.id)).map((e) => e.id)).toEqual([second.id, first.id]);
    expect((await listJournalForPupil(pupils[0]!.id)).map((e) => e.id)).toEqual([second.id]);
    expect(older.lessonId).toBeNull();

    const both = await loadJournalItemData({ lessonId: lesson.id, pupilId: pupils[0]!.id });
    expect(both?.entries.map((e) => e.id)).toEqual([second.id]);
    const forLesson = await loadJournalItemData({ lessonId: lesson.id });
    expect(forLesson).toMatchObject({ classId: cls.id, lessonDate: '2025-03-10' });
    expect(forLesson?.entries).toHaveLength(2);
    expect(await loadJournalItemData({ pupilId: 'nope' })).toBeNull();

    const view = await loadJournalData(cls.id);
    expect(view?.entries).toHaveLength(3);
    expect(view?.lessons.map((l) => l.topic)).toEqual(['Breuken']);
  });

  it('writes the answers of the minute all or none', async () => {
    const ok = { date: '2025-03-10', lessonId: lesson.id, source: 'afterLesson' as const };
    expect(
      await code(
        createJournalEntries(
          [
            { ...ok, text: 'fine' },
            { ...ok, text: ' ' },
          ],
          NOW,
        ),
      ),
    ).toBe('textRequired');
    expect(await db.journal.count()).toBe(0);
    const saved = await createJournalEntries(
      [
        { ...ok, text: 'one', insightKey: 'reflect:wentWell' },
        { ...ok, text: 'two', pupilId: pupils[2]!.id },
      ],
      NOW,
    );
    expect(saved.map((e) => [e.source, e.insightKey, e.classId])).toEqual([
      ['afterLesson', 'reflect:wentWell', cls.id],
      ['afterLesson', null, cls.id],
    ]);
  });
});

describe('loadReflectionData', () => {
  it('reads the lesson, its events and the class intentions and earlier answers', async () => {
    await logEvent({ lessonId: lesson.id, pupilId: pupils[0]!.id, kind: 'turn' }, NOW);
    await createIntention(
      {
        classId: cls.id,
        target: { type: 'pupil', pupilId: pupils[0]!.id },
        measure: { kind: 'turn', perLesson: 1 },
        from: '2025-03-01',
        to: '2025-03-31',
      },
      NOW,
    );
    await createJournalEntry(
      { date: '2025-03-10', text: 'a', lessonId: lesson.id, source: 'afterLesson' },
      NOW,
    );
    await createJournalEntry({ date: '2025-03-10', text: 'b', lessonId: lesson.id }, NOW);
    const data = await loadReflectionData(lesson.id);
    expect(data?.events).toHaveLength(1);
    expect(data?.intentions).toHaveLength(1);
    expect(data?.answered.map((e) => e.text)).toEqual(['a']);
    expect(data?.pupils.map((p) => p.name)).toEqual(['Sem', 'Noor', 'Zoë']);
    expect(await loadReflectionData('nope')).toBeNull();
  });
});

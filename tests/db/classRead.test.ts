/**
 * The one class-data read (src/db/classRead.ts): the class and exactly the lists asked for, rows
 * of other classes left out, a narrower read where the caller gives one, null for a gone class.
 */
import { describe, expect, it } from 'vitest';
import { classReadTables, readClassData } from '../../src/db/classRead';
import { createJournalEntry } from '../../src/db/repo/journal';
import { logEvent } from '../../src/db/repo/events';
import { startLesson } from '../../src/db/repo/lessons';
import { softDeleteClass } from '../../src/db/repo/classes';
import { CLASS_DATA_KEYS } from '../../src/model/classData';
import { freshDbWithClass, T0 } from './loggingFixtures';

describe('readClassData', () => {
  it('reads the class and only the lists asked for', async () => {
    const { db, cls, pupils } = await freshDbWithClass(['Sem', 'Noor']);
    const lesson = await startLesson(
      { classId: cls.id, date: '2025-03-03', startTime: '09:00', endTime: null, topic: '' },
      T0,
    );
    await logEvent({ lessonId: lesson.id, pupilId: pupils[0]!.id, kind: 'turn' }, T0);
    // Another class's pupil is not read.
    await db.pupils.add({ ...pupils[1]!, id: 'other', classId: 'other-class' });

    const read = await readClassData(cls.id, ['pupils', 'events', 'lessons']);
    expect(read?.cls.id).toBe(cls.id);
    expect(Object.keys(read ?? {}).sort()).toEqual(['cls', 'events', 'lessons', 'pupils']);
    expect(read?.pupils.map((p) => p.name).sort()).toEqual(['Noor', 'Sem']);
    expect(read?.lessons.map((l) => l.id)).toEqual([lesson.id]);
    expect(read?.events.map((e) => [e.pupilId, e.kind, e.classId])).toEqual([
      [pupils[0]!.id, 'turn', cls.id],
    ]);
  });

  it('reads the lists beside the class data, and a narrower read where one is given', async () => {
    const { cls } = await freshDbWithClass(['Sem']);
    await createJournalEntry({ classId: cls.id, date: '2025-03-03', text: 'Rustige les.' }, T0);
    await startLesson(
      { classId: cls.id, date: '2025-03-03', startTime: '09:00', endTime: null, topic: '' },
      T0,
    );

    const read = await readClassData(cls.id, ['journal', 'lessons', 'intentions'], {
      lessons: () => Promise.resolve([]),
    });
    expect(read?.journal.map((j) => j.text)).toEqual(['Rustige les.']);
    expect(read?.lessons).toEqual([]);
    expect(read?.intentions).toEqual([]);
  });

  it('is null for a class that does not exist or is deleted', async () => {
    const { cls } = await freshDbWithClass(['Sem']);
    expect(await readClassData('nope', CLASS_DATA_KEYS)).toBeNull();
    await softDeleteClass(cls.id, T0);
    expect(await readClassData(cls.id, ['pupils'])).toBeNull();
  });

  it('opens the class table and each list table once (events live in lessonEvents)', () => {
    expect(classReadTables(['pupils', 'events', 'journal'])).toEqual([
      'classes',
      'pupils',
      'lessonEvents',
      'journal',
    ]);
    expect(classReadTables()).toHaveLength(CLASS_DATA_KEYS.length + 1);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/model/errors';
import { createPastLesson, incrementAfter, setAbsent } from '../../src/db/repo/afterLesson';
import {
  closeIntention,
  createIntention,
  deleteIntention,
  loadIntentionsPageData,
  listIntentions,
  restoreIntention,
  updateIntention,
  type IntentionInput,
} from '../../src/db/repo/intentions';
import { listJournal } from '../../src/db/repo/journal';
import { createLens } from '../../src/db/repo/lenses';
import type { ClassRecord, PupilRecord } from '../../src/model/types';
import { intentionProgress } from '../../src/domain/intentions';
import { freshDbWithClass } from './loggingFixtures';

const NOW = new Date(2025, 2, 12, 15, 30); // Wed 12 March 2025, local time
const LATER = new Date(2025, 2, 20, 16, 0);

let db: Awaited<ReturnType<typeof freshDbWithClass>>['db'];
let cls: ClassRecord;
let pupils: PupilRecord[];
let input: IntentionInput;

beforeEach(async () => {
  ({ db, cls, pupils } = await freshDbWithClass(['Sem', 'Noor', 'Ayoub']));
  input = {
    classId: cls.id,
    target: { type: 'pupil', pupilId: pupils[0]!.id },
    measure: { kind: 'followUp', perLesson: 2 },
    from: '2025-03-03',
    to: '2025-03-14',
    note: '  Sem meer uitdagen ',
  };
});

const code = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e instanceof ValidationError ? e.code : String(e);
  }
  return 'no error';
};

describe('intentions', () => {
  it('creates an intention with everything it needs', async () => {
    const i = await createIntention(input, NOW);
    expect(i).toMatchObject({
      classId: cls.id,
      target: input.target,
      measure: { kind: 'followUp', perLesson: 2 },
      from: '2025-03-03',
      to: '2025-03-14',
      note: 'Sem meer uitdagen',
      closingReflection: '',
      closedAt: null,
      deletedAt: null,
      createdAt: NOW.toISOString(),
    });
    expect(await db.intentions.get(i.id)).toEqual(i);
  });

  it.each([
    [{ measure: { kind: 'nonsense', perLesson: 1 } }, 'kindInvalid'],
    [{ measure: { kind: 'help', quality: 'higher', perLesson: 1 } }, 'qualityNotForKind'],
    [{ measure: { kind: 'praise', quality: 'waitTime', perLesson: 1 } }, 'qualityNotForKind'],
    [{ measure: { kind: 'turn', perLesson: 0 } }, 'perLessonRange'],
    [{ measure: { kind: 'turn', perLesson: 11 } }, 'perLessonRange'],
    [{ measure: { kind: 'turn', perLesson: 1.5 } }, 'perLessonRange'],
    [{ from: '2025-13-01' }, 'dateInvalid'],
    [{ to: '2025-03-02' }, 'toBeforeFrom'],
    [{ to: '2026-03-05' }, 'periodTooLong'],
    [{ note: 'x'.repeat(501) }, 'noteTooLong'],
    [{ target: { type: 'pupil', pupilId: '' } }, 'pupilRequired'],
    [{ target: { type: 'pupil', pupilId: 'unknown' } }, 'pupilRequired'],
    [{ target: { type: 'lens', lensId: 'x', valueId: 'y' } }, 'lensRequired'],
    [{ target: { type: 'expectation', group: 'top' } }, 'targetInvalid'],
    [{ classId: 'gone' }, 'classNotFound'],
  ])('refuses %o with %s', async (patch, expected) => {
    expect(await code(createIntention({ ...input, ...patch } as IntentionInput, NOW))).toBe(
      expected,
    );
    expect(await db.intentions.count()).toBe(0);
  });

  it('accepts a lens group of the class and a quality that fits the kind', async () => {
    const lens = await createLens(cls.id, 'Advies', ['havo', 'vwo'], NOW);
    const valueId = lens.values[0]!.id;
    const i = await createIntention(
      {
        ...input,
        target: { type: 'lens', lensId: lens.id, valueId },
        measure: { kind: 'turn', quality: 'higher', perLesson: 1 },
      },
      NOW,
    );
    expect(i.target).toEqual({ type: 'lens', lensId: lens.id, valueId });
    expect(i.measure).toEqual({ kind: 'turn', quality: 'higher', perLesson: 1 });
    expect(
      await code(
        createIntention({ ...input, target: { type: 'lens', lensId: lens.id, valueId: 'x' } }, NOW),
      ),
    ).toBe('lensRequired');
  });

  it('updates the period and refuses a closed one', async () => {
    const i = await createIntention(input, NOW);
    const longer = await updateIntention(i.id, { to: '2025-03-28' }, LATER);
    expect(longer).toMatchObject({ to: '2025-03-28', updatedAt: LATER.toISOString() });
    expect(await code(updateIntention(i.id, { to: '2025-03-01' }, LATER))).toBe('toBeforeFrom');
    await closeIntention(i.id, '', LATER);
    expect(await code(updateIntention(i.id, { to: '2025-04-01' }, LATER))).toBe('intentionClosed');
  });

  it('closes with a reflection that also lands in the journal', async () => {
    const i = await createIntention(input, NOW);
    const { intention, entry } = await closeIntention(
      i.id,
      '  Het lukte vaker dan ik dacht. ',
      LATER,
    );
    expect(intention).toMatchObject({
      closingReflection: 'Het lukte vaker dan ik dacht.',
      closedAt: LATER.toISOString(),
    });
    expect(entry).toMatchObject({
      classId: cls.id,
      date: '2025-03-20',
      text: 'Het lukte vaker dan ik dacht.',
      pupilId: pupils[0]!.id,
      lessonId: null,
      insightKey: `intention:${i.id}`,
      source: 'intentionClose',
    });
    expect((await listJournal(cls.id)).map((e) => e.id)).toEqual([entry!.id]);
    expect(await code(closeIntention(i.id, 'again', LATER))).toBe('intentionClosed');
  });

  it('closes without a reflection and writes no journal entry', async () => {
    const i = await createIntention({ ...input, target: { type: 'class' } }, NOW);
    const { entry } = await closeIntention(i.id, '   ', LATER);
    expect(entry).toBeNull();
    expect(await db.journal.count()).toBe(0);
  });

  it('deletes softly and restores', async () => {
    const i = await createIntention(input, NOW);
    await deleteIntention(i.id, LATER);
    expect(await listIntentions(cls.id)).toEqual([]);
    await restoreIntention(i.id, LATER);
    expect((await listIntentions(cls.id)).map((x) => x.id)).toEqual([i.id]);
  });
});

describe('loadIntentionsPageData and progress from logged lessons', () => {
  it('follows the intention from lessons logged afterwards, without re-entering anything', async () => {
    const [sem, noor] = pupils;
    // Made on the morning of its start date; the lessons are logged on the 12th, afterwards.
    const i = await createIntention(input, new Date(2025, 2, 3, 8, 0));
    const lessonOn = async (date: string) =>
      (
        await createPastLesson(
          { classId: cls.id, date, startTime: '09:00', endTime: '', topic: '' },
          NOW,
        )
      ).id;
    // Before the start: 1 follow-up for Sem.
    const before = await lessonOn('2025-02-28');
    await incrementAfter(before, sem!.id, 'followUp', NOW);
    // 4 March: 2 → met. 6 March: Sem absent → not counted. 10 March: 1 → not met.
    const d4 = await lessonOn('2025-03-04');
    await incrementAfter(d4, sem!.id, 'followUp', NOW);
    await incrementAfter(d4, sem!.id, 'followUp', NOW);
    const d6 = await lessonOn('2025-03-06');
    await setAbsent(d6, sem!.id, true, NOW);
    await incrementAfter(d6, noor!.id, 'followUp', NOW);
    const d10 = await lessonOn('2025-03-10');
    await incrementAfter(d10, sem!.id, 'followUp', NOW);

    const view = await loadIntentionsPageData(cls.id, '2025-03-12');
    expect(view?.intentions.map((x) => x.id)).toEqual([i.id]);
    const p = intentionProgress(view!.intentions[0]!, view!.data);
    expect(p.lessons.map((l) => [l.date, l.count, l.met])).toEqual([
      ['2025-03-04', 2, true],
      ['2025-03-10', 1, false],
    ]);
    expect(p.skipped).toBe(1);
    // 1 of 2 met: not yet on track. Before: one lesson, 1 follow-up; during: 3 over 2.
    expect(p.status).toBe('notYet');
    expect(p.before).toMatchObject({ lessons: 1, count: 1, rate: 1 });
    expect(p.during).toMatchObject({ lessons: 2, count: 3, rate: 1.5 });
    expect(await loadIntentionsPageData('gone')).toBeNull();
  });

  it('reads only the events its progress can depend on: none without an intention', async () => {
    const [sem] = pupils;
    const lessonOn = async (date: string) =>
      (
        await createPastLesson(
          { classId: cls.id, date, startTime: '09:00', endTime: '', topic: '' },
          NOW,
        )
      ).id;
    for (const date of ['2025-02-03', '2025-02-10', '2025-02-24', '2025-03-04']) {
      await incrementAfter(await lessonOn(date), sem!.id, 'followUp', NOW);
    }
    expect((await loadIntentionsPageData(cls.id, '2025-03-12'))?.data.events).toEqual([]);
    // Made on 3 March: one counted lesson (4 March), compared with the one before (24 Feb).
    const i = await createIntention(input, new Date(2025, 2, 3, 8, 0));
    const view = (await loadIntentionsPageData(cls.id, '2025-03-12'))!;
    expect(view.data.events.map((e) => e.date).sort()).toEqual(['2025-02-24', '2025-03-04']);
    const p = intentionProgress(view.intentions[0]!, view.data);
    expect(p.before).toMatchObject({ lessons: 1, count: 1 });
    expect(p.during).toMatchObject({ lessons: 1, count: 1 });
    expect(i.id).toBe(view.intentions[0]!.id);
  });

  it('does not judge a lesson held before the intention was made, even in its period', async () => {
    const [sem] = pupils;
    const lesson = await createPastLesson(
      { classId: cls.id, date: '2025-03-12', startTime: '09:00', endTime: '', topic: '' },
      NOW,
    );
    await incrementAfter(lesson.id, sem!.id, 'turn', NOW);
    // Made at 15:30 that day, after the 09:00 lesson: nothing to judge yet.
    await createIntention({ ...input, from: '2025-03-12' }, NOW);
    const view = await loadIntentionsPageData(cls.id, '2025-03-12');
    const p = intentionProgress(view!.intentions[0]!, view!.data);
    expect(p.status).toBe('noLessons');
    expect(p.lessons).toEqual([]);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, setDbForTests } from '../../src/db/db';
import { ValidationError } from '../../src/model/errors';
import {
  achievementsForPupil,
  loadAchievementsData,
  addAssessment,
  addResult,
  deleteAchievement,
  deleteAssessment,
  listAssessments,
  restoreAchievements,
  updateScore,
  type AssessmentInput,
} from '../../src/db/repo/achievements';
import { SpiegelDB } from '../../src/db/schema';
import type { ClassRecord, ExpectationScale, PupilRecord } from '../../src/model/types';

const NOW = new Date(2025, 10, 20, 10, 0); // Thu 20 November 2025, 10:00 local time
const LATER = new Date(2025, 10, 21, 9, 0);

async function seedClass(
  names: string[],
  scale: ExpectationScale = { kind: 'relative5' },
): Promise<{ cls: ClassRecord; pupils: PupilRecord[] }> {
  const stamp = NOW.toISOString();
  const cls: ClassRecord = {
    id: crypto.randomUUID(),
    name: '2 havo',
    schoolType: 'secondary',
    yearLabel: '2 havo',
    seating: { rows: 1, cols: names.length },
    hiddenKinds: [],
    archivedAt: null,
    deletedAt: null,
    isDemo: false,
    expectationScale: scale,
    createdAt: stamp,
    updatedAt: stamp,
  };
  const pupils: PupilRecord[] = names.map((name, col) => ({
    id: crypto.randomUUID(),
    classId: cls.id,
    name,
    seat: { row: 0, col },
    lensValues: {},
    removedAt: null,
    createdAt: stamp,
    updatedAt: stamp,
  }));
  await getDb().classes.add(cls);
  await getDb().pupils.bulkAdd(pupils);
  return { cls, pupils };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ValidationError) return e.code;
    throw e;
  }
  return 'no error';
}

const allRecords = () => getDb().achievements.toArray();

beforeEach(() => {
  setDbForTests(new SpiegelDB('t-' + crypto.randomUUID()));
});

describe('addAssessment', () => {
  it('stores one record per pupil with a cleaned label and timestamps', async () => {
    const { cls, pupils } = await seedClass(['Ayoub', 'Lotte', 'Sem']);
    const [a, b] = pupils;
    const records = await addAssessment(
      {
        classId: cls.id,
        label: '  rekentoets   november ',
        date: '2025-11-18',
        scoreType: 'grade',
        scores: [
          { pupilId: a!.id, score: 6.5 },
          { pupilId: b!.id, score: 8 },
        ],
      },
      NOW,
    );
    expect(records).toHaveLength(2);
    const stored = await getDb().achievements.get(records[0]!.id);
    expect(stored).toEqual({
      id: records[0]!.id,
      classId: cls.id,
      pupilId: a!.id,
      label: 'rekentoets november',
      date: '2025-11-18',
      scoreType: 'grade',
      score: 6.5,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    expect((await allRecords()).map((r) => r.score).sort()).toEqual([6.5, 8]);
  });

  it('accepts today and a level on the class scale', async () => {
    const { cls, pupils } = await seedClass(['Ayoub'], {
      kind: 'levels',
      levels: ['vmbo-gt', 'havo', 'vwo'],
    });
    await addAssessment(
      {
        classId: cls.id,
        label: 'Cito',
        date: '2025-11-20',
        scoreType: 'level',
        scores: [{ pupilId: pupils[0]!.id, score: 2 }],
      },
      NOW,
    );
    expect((await allRecords())[0]?.score).toBe(2);
  });

  // Every case must leave the table empty: a bulk add is all or nothing.
  const bad: Array<
    [string, (base: AssessmentInput, removedId: string) => AssessmentInput, string]
  > = [
    ['an empty label', (b) => ({ ...b, label: '   ' }), 'labelRequired'],
    ['a label of 81 characters', (b) => ({ ...b, label: 'x'.repeat(81) }), 'labelTooLong'],
    ['no date', (b) => ({ ...b, date: '' }), 'dateRequired'],
    ['a date that does not exist', (b) => ({ ...b, date: '2025-02-30' }), 'dateInvalid'],
    ['a date in another format', (b) => ({ ...b, date: '18-11-2025' }), 'dateInvalid'],
    ['tomorrow', (b) => ({ ...b, date: '2025-11-21' }), 'dateFuture'],
    [
      'an unknown score type',
      (b) => ({ ...b, scoreType: 'stars' as AssessmentInput['scoreType'] }),
      'scoreTypeInvalid',
    ],
    ['no scores', (b) => ({ ...b, scores: [] }), 'noScores'],
    [
      'one pupil twice',
      (b) => ({ ...b, scores: [...b.scores, { pupilId: b.scores[0]!.pupilId, score: 7 }] }),
      'duplicatePupil',
    ],
    [
      'one grade out of range among good ones',
      (b) => ({ ...b, scores: [...b.scores.slice(0, 2), { ...b.scores[2]!, score: 10.5 }] }),
      'scoreInvalid',
    ],
    [
      'a grade with two decimals',
      (b) => ({ ...b, scores: [{ ...b.scores[0]!, score: 6.75 }] }),
      'scoreInvalid',
    ],
    ['NaN', (b) => ({ ...b, scores: [{ ...b.scores[0]!, score: Number.NaN }] }), 'scoreInvalid'],
    [
      'a percentage of 101',
      (b) => ({ ...b, scoreType: 'percentage', scores: [{ ...b.scores[0]!, score: 101 }] }),
      'scoreInvalid',
    ],
    [
      'a percentile of 50.5',
      (b) => ({ ...b, scoreType: 'percentile', scores: [{ ...b.scores[0]!, score: 50.5 }] }),
      'scoreInvalid',
    ],
    ['a level on a class without levels', (b) => ({ ...b, scoreType: 'level' }), 'levelsNotSet'],
    [
      'a pupil of another class',
      (b) => ({ ...b, scores: [...b.scores, { pupilId: 'someone-else', score: 7 }] }),
      'pupilNotFound',
    ],
    [
      'a pupil who left the class',
      (b, removedId) => ({ ...b, scores: [...b.scores, { pupilId: removedId, score: 7 }] }),
      'pupilNotFound',
    ],
    ['a class that does not exist', (b) => ({ ...b, classId: 'nope' }), 'classNotFound'],
  ];
  it.each(bad)('refuses %s and writes nothing', async (_, change, code) => {
    const { cls, pupils } = await seedClass(['Ayoub', 'Lotte', 'Sem', 'Fleur']);
    const removed = pupils[3]!;
    await getDb().pupils.update(removed.id, { removedAt: NOW.toISOString() });
    const base: AssessmentInput = {
      classId: cls.id,
      label: 'rekentoets november',
      date: '2025-11-18',
      scoreType: 'grade',
      scores: pupils.slice(0, 3).map((p, i) => ({ pupilId: p.id, score: 6 + i })),
    };
    expect(await codeOf(addAssessment(change(base, removed.id), NOW))).toBe(code);
    expect(await allRecords()).toEqual([]);
  });

  it('refuses a level outside the class scale', async () => {
    const { cls, pupils } = await seedClass(['Ayoub', 'Lotte'], {
      kind: 'levels',
      levels: ['havo', 'vwo'],
    });
    const input: AssessmentInput = {
      classId: cls.id,
      label: 'Advies',
      date: '2025-11-18',
      scoreType: 'level',
      scores: [
        { pupilId: pupils[0]!.id, score: 1 },
        { pupilId: pupils[1]!.id, score: 2 },
      ],
    };
    expect(await codeOf(addAssessment(input, NOW))).toBe('scoreInvalid');
    expect(await allRecords()).toEqual([]);
  });

  it('names the pupil and the reason when a score is refused', async () => {
    const { cls, pupils } = await seedClass(['Ayoub', 'Lotte']);
    const error = await addAssessment(
      {
        classId: cls.id,
        label: 'Toets',
        date: '2025-11-18',
        scoreType: 'grade',
        scores: [
          { pupilId: pupils[0]!.id, score: 7 },
          { pupilId: pupils[1]!.id, score: 0 },
        ],
      },
      NOW,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).detail).toEqual({ name: 'Lotte', reason: 'outOfRange' });
  });

  it('refuses a second assessment with the same label (any case) on the same date', async () => {
    const { cls, pupils } = await seedClass(['Ayoub']);
    const input: AssessmentInput = {
      classId: cls.id,
      label: 'Rekentoets',
      date: '2025-11-18',
      scoreType: 'grade',
      scores: [{ pupilId: pupils[0]!.id, score: 7 }],
    };
    await addAssessment(input, NOW);
    expect(await codeOf(addAssessment({ ...input, label: 'rekentoets ' }, NOW))).toBe(
      'assessmentExists',
    );
    // Another date is another assessment.
    await addAssessment({ ...input, date: '2025-11-19' }, NOW);
    expect(await allRecords()).toHaveLength(2);
  });

  it('rolls back every record when the write itself fails half-way', async () => {
    const { cls, pupils } = await seedClass(['Ayoub', 'Lotte', 'Sem']);
    // A record with a clashing primary key makes bulkAdd fail inside the transaction.
    const db = getDb();
    const realNewId = crypto.randomUUID.bind(crypto);
    const clashId = realNewId();
    await db.achievements.add({
      id: clashId,
      classId: cls.id,
      pupilId: pupils[0]!.id,
      label: 'Oud',
      date: '2025-10-01',
      scoreType: 'grade',
      score: 5,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    let calls = 0;
    const spy = vi
      .spyOn(crypto, 'randomUUID')
      .mockImplementation(() => (++calls === 2 ? clashId : realNewId()));
    try {
      await expect(
        addAssessment(
          {
            classId: cls.id,
            label: 'Nieuw',
            date: '2025-11-18',
            scoreType: 'grade',
            scores: pupils.map((p) => ({ pupilId: p.id, score: 7 })),
          },
          NOW,
        ),
      ).rejects.toThrow();
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBe(3);
    expect((await allRecords()).map((r) => r.label)).toEqual(['Oud']);
  });
});

describe('listAssessments and the view', () => {
  it('groups by label, date and type, newest first, with count, mean and median', async () => {
    const { cls, pupils } = await seedClass(['Ayoub', 'Lotte', 'Sem', 'Fleur']);
    const ids = pupils.map((p) => p.id);
    await addAssessment(
      {
        classId: cls.id,
        label: 'Spelling',
        date: '2025-10-01',
        scoreType: 'percentage',
        scores: [
          { pupilId: ids[0]!, score: 80 },
          { pupilId: ids[1]!, score: 60 },
        ],
      },
      NOW,
    );
    await addAssessment(
      {
        classId: cls.id,
        label: 'Rekentoets november',
        date: '2025-11-18',
        scoreType: 'grade',
        scores: [
          { pupilId: ids[0]!, score: 6.5 },
          { pupilId: ids[1]!, score: 8 },
          { pupilId: ids[2]!, score: 5 },
        ],
      },
      NOW,
    );
    const list = await listAssessments(cls.id);
    expect(list.map((a) => [a.label, a.date, a.scoreType, a.summary])).toEqual([
      ['Rekentoets november', '2025-11-18', 'grade', { count: 3, mean: 6.5, median: 6.5 }],
      ['Spelling', '2025-10-01', 'percentage', { count: 2, mean: 70, median: 70 }],
    ]);

    // A pupil who left keeps their results, listed apart from the current class.
    await getDb().pupils.update(ids[1]!, { removedAt: NOW.toISOString(), seat: null });
    const view = await loadAchievementsData(cls.id);
    expect(view?.pupils.map((p) => p.name)).toEqual(['Ayoub', 'Sem', 'Fleur']);
    expect(view?.removed.map((p) => p.name)).toEqual(['Lotte']);
    expect(view?.assessments).toHaveLength(2);
  });

  it('has no view for a deleted class', async () => {
    const { cls } = await seedClass(['Ayoub']);
    await getDb().classes.update(cls.id, { deletedAt: NOW.toISOString() });
    expect(await loadAchievementsData(cls.id)).toBeNull();
  });
});

describe('editing, deleting and undo', () => {
  async function seeded() {
    const { cls, pupils } = await seedClass(['Ayoub', 'Lotte', 'Sem']);
    const records = await addAssessment(
      {
        classId: cls.id,
        label: 'Rekentoets',
        date: '2025-11-18',
        scoreType: 'grade',
        scores: pupils.slice(0, 2).map((p) => ({ pupilId: p.id, score: 7 })),
      },
      NOW,
    );
    const ref = {
      classId: cls.id,
      label: 'Rekentoets',
      date: '2025-11-18',
      scoreType: 'grade' as const,
    };
    return { cls, pupils, records, ref };
  }

  it('updateScore corrects one score and validates it', async () => {
    const { records } = await seeded();
    const updated = await updateScore(records[0]!.id, 7.5, LATER);
    expect(updated.score).toBe(7.5);
    expect(updated.updatedAt).toBe(LATER.toISOString());
    expect(updated.createdAt).toBe(NOW.toISOString());
    expect(await codeOf(updateScore(records[0]!.id, 11, LATER))).toBe('scoreInvalid');
    expect(await codeOf(updateScore('nope', 7, LATER))).toBe('achievementNotFound');
    expect((await getDb().achievements.get(records[0]!.id))?.score).toBe(7.5);
  });

  it('addResult adds a missing pupil to an assessment, once', async () => {
    const { pupils, ref } = await seeded();
    await addResult(ref, pupils[2]!.id, 9, LATER);
    expect((await listAssessments(ref.classId))[0]?.summary.count).toBe(3);
    expect(await codeOf(addResult(ref, pupils[2]!.id, 9, LATER))).toBe('alreadyHasResult');
    expect(await codeOf(addResult({ ...ref, label: 'Other' }, pupils[2]!.id, 9, LATER))).toBe(
      'achievementNotFound',
    );
  });

  it('deleteAchievement removes one score and restoreAchievements puts it back', async () => {
    const { records } = await seeded();
    const removed = await deleteAchievement(records[0]!.id);
    expect(removed?.id).toBe(records[0]!.id);
    expect(await allRecords()).toHaveLength(1);
    expect(await deleteAchievement(records[0]!.id)).toBeUndefined();
    expect(await restoreAchievements([removed!], LATER)).toBe(1);
    expect((await getDb().achievements.get(records[0]!.id))?.score).toBe(7);
  });

  it('deleteAssessment removes the whole group only; undo restores it', async () => {
    const { cls, pupils, ref } = await seeded();
    await addAssessment(
      {
        classId: cls.id,
        label: 'Spelling',
        date: '2025-11-18',
        scoreType: 'grade',
        scores: [{ pupilId: pupils[0]!.id, score: 6 }],
      },
      NOW,
    );
    const removed = await deleteAssessment(ref);
    expect(removed).toHaveLength(2);
    expect((await listAssessments(cls.id)).map((a) => a.label)).toEqual(['Spelling']);
    await restoreAchievements(removed, LATER);
    expect((await listAssessments(cls.id)).map((a) => a.label)).toEqual(['Rekentoets', 'Spelling']);
  });

  it('undo does not bring back a result of a pupil erased in the meantime', async () => {
    const { pupils, ref } = await seeded();
    const removed = await deleteAssessment(ref);
    await getDb().pupils.delete(pupils[0]!.id);
    expect(await restoreAchievements(removed, LATER)).toBe(1);
    expect((await allRecords()).map((r) => r.pupilId)).toEqual([pupils[1]!.id]);
  });

  it('achievementsForPupil lists one pupil’s results oldest first', async () => {
    const { cls, pupils } = await seeded();
    await addAssessment(
      {
        classId: cls.id,
        label: 'Eerder',
        date: '2025-09-01',
        scoreType: 'percentile',
        scores: [{ pupilId: pupils[0]!.id, score: 40 }],
      },
      NOW,
    );
    const mine = await achievementsForPupil(pupils[0]!.id);
    expect(mine.map((a) => [a.label, a.score])).toEqual([
      ['Eerder', 40],
      ['Rekentoets', 7],
    ]);
  });
});

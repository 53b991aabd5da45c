/** Measure 2: kind and quality per pupil. */
import { describe, expect, it } from 'vitest';
import { analyseClass, type PupilQuality } from '../../../src/analysis';
import { ClassBuilder } from './support/build';

const quality = (b: ClassBuilder) =>
  analyseClass(b.build(), { today: '2025-03-31', from: '2025-02-01' }).quality;

describe('quality per pupil', () => {
  const b = new ClassBuilder().pupils('p1', 'p2', 'p3').lessons(2, '2025-02-03');
  b.event('l1', 'p1', 'praise', 3, { praiseType: 'specific' }).event('l2', 'p1', 'praise', 1);
  b.event('l1', 'p1', 'correctionWork', 1);
  b.event('l1', 'p2', 'correctionBehaviour', 3).event('l2', 'p2', 'correctionWork', 1);
  b.event('l1', 'p2', 'turn', 4, { initiative: 'called', questionLevel: 'recall' });
  b.event('l2', 'p2', 'turn', 1, {
    initiative: 'volunteered',
    questionLevel: 'higher',
    waitTime: true,
  });
  b.event('l2', 'p2', 'followUp', 2, { questionLevel: 'higher' });
  b.event('l2', 'p2', 'followUp', 1);
  b.event('l1', 'p3', 'help', 2).event('l2', 'p3', 'personal', 1).absent('l2', 'p1');
  b.banking('p3', '2025-02-04', 10).banking('p3', '2025-02-05', 5).banking('p3', '2025-01-05', 15);
  b.data.banking.push({
    ...b.data.banking[0]!,
    id: 'deleted',
    deletedAt: '2025-02-06T00:00:00.000Z',
  });
  // p1 is absent at l2 but got praise there: the event makes p1 present.
  const q = quality(b);
  const at = (id: string) => q.pupils.find((p) => p.pupilId === id) as PupilQuality;

  const table: { name: string; pupil: string; expected: Partial<PupilQuality> }[] = [
    {
      // 4 praise vs 1 work correction: 4/5 positive; nothing on behaviour → 4/4.
      name: 'p1: praise against work and behaviour corrections apart',
      pupil: 'p1',
      expected: {
        praise: 4,
        praiseSpecific: 3,
        correctionWork: 1,
        correctionBehaviour: 0,
        positiveShare: 0.8,
        positiveShareWork: 0.8,
        positiveShareBehaviour: 1,
      },
    },
    {
      // 0 praise: every positive share is 0, not undefined.
      name: 'p2: corrections without praise',
      pupil: 'p2',
      expected: {
        praise: 0,
        correctionWork: 1,
        correctionBehaviour: 3,
        positiveShare: 0,
        positiveShareWork: 0,
        positiveShareBehaviour: 0,
      },
    },
    {
      // Turns 5 + follow-ups 3 = 8 questions: higher 1 + 2 = 3, recall 4, no level 1.
      name: 'p2: higher-order against recall over turns and follow-ups',
      pupil: 'p2',
      expected: {
        turns: 5,
        followUps: 3,
        higherOrder: 3,
        recall: 4,
        levelUnknown: 1,
        higherShare: 3 / 7,
        followUpsPerTurn: 3 / 5,
      },
    },
    {
      name: 'p2: called-on against volunteered, and wait time',
      pupil: 'p2',
      expected: { volunteered: 1, called: 4, calledShare: 0.8, waitTime: 1 },
    },
    {
      // Two sessions in the period; the one before it and the deleted one do not count.
      name: 'p3: help, personal attention and banking time',
      pupil: 'p3',
      expected: {
        help: 2,
        personal: 1,
        bankingSessions: 2,
        bankingMinutes: 15,
        positiveShare: null,
        higherShare: null,
        calledShare: null,
      },
    },
  ];
  it.each(table)('$name', ({ pupil, expected }) => {
    expect(at(pupil)).toMatchObject(expected);
  });

  it('rates are per lesson present (p1 present at both lessons thanks to the logged praise)', () => {
    expect(at('p1').presentLessons).toBe(2);
    expect(at('p1').rates.praise).toBe(2);
    expect(at('p2').rates.turn).toBe(2.5);
  });

  it('the class row adds up the pupils', () => {
    expect(q.class).toMatchObject({
      presentLessons: 6,
      praise: 4,
      correctionWork: 2,
      correctionBehaviour: 3,
      turns: 5,
      bankingMinutes: 15,
    });
    expect(q.class.positiveShare).toBeCloseTo(4 / 9, 12);
  });
});

/**
 * Cases of the pupil's-side rules (issue 14), hand-worked; cases.ts adds them to the table.
 */
import { expect } from 'vitest';
import { binomialTwoSided } from '../../../../src/analysis';
import type { GroupInfo, PupilPlacement } from '../../../../src/analysis';
import type { Prompt, PromptInput, PromptRule } from '../../../../src/reflection';
import type {
  InteractionEvent,
  PupilRecord,
  RelationshipRecord,
} from '../../../../src/model/types';
import type { Case, Kind } from './cases';
import { emptyData, emptyResult, ev, input, lens, pupil } from './result';

export const pupilSideCases: Case[] = [];
const add = (
  rule: PromptRule,
  kind: Kind,
  name: string,
  i: PromptInput,
  keys: string[],
  check?: Case['check'],
) => pupilSideCases.push({ rule, kind, name, input: i, keys, ...(check ? { check } : {}) });

const stamps = { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
const group = (g: string, pupilIds: string[]): GroupInfo => ({ group: g, label: null, pupilIds });
const groups = (list: GroupInfo[]) => ({
  ...emptyResult().expectation,
  current: { groups: list, metrics: [] },
});

// --- relationshipViewsDiverge -------------------------------------------------------------------
{
  const rating = (over: Partial<RelationshipRecord>): RelationshipRecord => ({
    id: 'r1',
    classId: 'c1',
    pupilId: 'p1',
    date: '2025-02-01',
    closeness: 4,
    conflict: 1,
    dependency: 2,
    note: '',
    ...stamps,
    ...over,
  });
  const make = (r: RelationshipRecord[], pupils: PupilRecord[] = [pupil('p1')]) =>
    input({ data: emptyData({ pupils, relationships: r }) });
  add(
    'relationshipViewsDiverge',
    'fires',
    'closeness 4, estimated pupil view 2',
    make([rating({ pupilView: 2 })]),
    ['relationshipViewsDiverge:p1:2025-02-01'],
    ([p]) => {
      expect(p?.params).toEqual({ closeness: 4, pupilView: 2, ratedOn: '2025-02-01' });
      expect(p?.variant).toBe('lower');
    },
  );
  add(
    'relationshipViewsDiverge',
    'fires',
    'the latest rating counts: closeness 1, pupil view 4',
    make([
      rating({ pupilView: 4 }),
      rating({ id: 'r2', date: '2025-03-01', closeness: 1, pupilView: 4 }),
    ]),
    ['relationshipViewsDiverge:p1:2025-03-01'],
    ([p]) => expect(p?.variant).toBe('higher'),
  );
  add(
    'relationshipViewsDiverge',
    'quiet',
    'one step apart (4 and 3)',
    make([rating({ pupilView: 3 })]),
    [],
  );
  add(
    'relationshipViewsDiverge',
    'quiet',
    'an older gap, closed by the latest rating',
    make([
      rating({ pupilView: 1 }),
      rating({ id: 'r2', date: '2025-03-01', closeness: 3, pupilView: 3 }),
    ]),
    [],
  );
  add(
    'relationshipViewsDiverge',
    'quiet',
    'the pupil left the class',
    make([rating({ pupilView: 1 })], [{ ...pupil('p1'), removedAt: '2025-03-01T00:00:00.000Z' }]),
    [],
  );
  add(
    'relationshipViewsDiverge',
    'tooLittle',
    'the pupil view was never estimated',
    make([rating({})]),
    [],
  );
}

// --- correctionsPublic and correctionsPublicByExpectation ---------------------------------------
{
  /** `publicCount` of `marked` corrections of one pupil in front of the class. */
  const corrections = (pupilId: string, marked: number, publicCount: number) =>
    Array.from({ length: marked }, (_, i) =>
      ev('l1', pupilId, i % 2 ? 'correctionWork' : 'correctionBehaviour', {
        audience: i < publicCount ? 'class' : 'private',
      }),
    );
  const make = (events: InteractionEvent[], bands: GroupInfo[] = []) =>
    input({
      result: emptyResult({ lessonIds: ['l1'], expectation: groups(bands) }),
      data: emptyData({ events }),
    });
  // 9 of 10 where the rest of the class has 6 of 30 (0.2): P ≈ 4e-6, far below q even × 3.
  expect(binomialTwoSided(9, 10, 0.2)).toBeLessThan(1e-5);
  add(
    'correctionsPublic',
    'fires',
    '9 of 10 in front of the class, the rest 6 of 30',
    make([...corrections('p1', 10, 9), ...corrections('p2', 15, 3), ...corrections('p3', 15, 3)]),
    ['correctionsPublic:p1'],
    ([p]) =>
      expect(p?.params).toMatchObject({ publicCount: 9, marked: 10, share: 0.9, restShare: 0.2 }),
  );
  add(
    'correctionsPublic',
    'quiet',
    '7 of 10 is below three in four',
    make([...corrections('p1', 10, 7), ...corrections('p2', 15, 0), ...corrections('p3', 15, 0)]),
    [],
  );
  add(
    'correctionsPublic',
    'quiet',
    'unmarked corrections do not count',
    make([
      ...corrections('p1', 4, 4),
      ...Array.from({ length: 6 }, () => ev('l1', 'p1', 'correctionBehaviour')),
      ...corrections('p2', 15, 0),
    ]),
    [],
  );
  add(
    'correctionsPublic',
    'tooLittle',
    '4 of 4 marked is fewer than 5',
    make([...corrections('p1', 4, 4), ...corrections('p2', 15, 0)]),
    [],
  );
  // 5 of 5 against a rest share of 0.5: p = 2 × 1/32 = 0.0625; × 3 tests / rank 1 > q = 0.1.
  expect(binomialTwoSided(5, 5, 0.5)).toBeCloseTo(0.0625, 4);
  add(
    'correctionsPublic',
    'chance',
    '5 of 5 where the rest has half: could be chance',
    make([...corrections('p1', 5, 5), ...corrections('p2', 10, 5), ...corrections('p3', 10, 5)]),
    [],
  );

  const bands = [group('low', ['p1', 'p2']), group('high', ['p3', 'p4'])];
  const lowPublic = [
    ...corrections('p1', 5, 5),
    ...corrections('p2', 5, 5),
    ...corrections('p3', 10, 1),
    ...corrections('p4', 10, 1),
  ];
  add(
    'correctionsPublicByExpectation',
    'fires',
    'expected little of: 10 of 10, expected much of: 2 of 20',
    make(lowPublic, bands),
    ['correctionsPublicByExpectation:low'],
    ([p]: Prompt[]) => {
      expect(p?.params).toMatchObject({ band: 'low', publicCount: 10, marked: 10, restShare: 0.1 });
      expect(p?.pupilIds).toEqual(['p1', 'p2']);
    },
  );
  add(
    'correctionsPublicByExpectation',
    'quiet',
    'both bands alike',
    make(
      [
        ...corrections('p1', 10, 5),
        ...corrections('p2', 10, 5),
        ...corrections('p3', 10, 5),
        ...corrections('p4', 10, 5),
      ],
      bands,
    ),
    [],
  );
  add(
    'correctionsPublicByExpectation',
    'tooLittle',
    'bands of one pupil each',
    make(lowPublic, [group('low', ['p1']), group('high', ['p3'])]),
    [],
  );
}

// --- strengthsEmpty -----------------------------------------------------------------------------
{
  const withTexts = (id: string, strengths?: string): PupilRecord => ({
    ...pupil(id),
    ...(strengths ? { strengths } : {}),
  });
  const make = (pupils: PupilRecord[], bands: GroupInfo[]) =>
    input({
      result: emptyResult({ expectation: groups(bands) }),
      data: emptyData({ pupils }),
    });
  const bands = [group('low', ['p1', 'p2']), group('high', ['p3', 'p4'])];
  add(
    'strengthsEmpty',
    'fires',
    'both pupils expected little of empty, one of the two others filled',
    make([withTexts('p1'), withTexts('p2'), withTexts('p3', 'tekenen'), withTexts('p4')], bands),
    ['strengthsEmpty:2'],
    ([p]) => {
      expect(p?.params).toEqual({ lowEmpty: 2, lowPupils: 2, restEmpty: 1, restPupils: 2 });
      expect(p?.pupilIds).toEqual(['p1', 'p2']);
    },
  );
  add(
    'strengthsEmpty',
    'quiet',
    'one of two empty in both groups',
    make(
      [withTexts('p1', 'voetbal'), withTexts('p2'), withTexts('p3', 'tekenen'), withTexts('p4')],
      bands,
    ),
    [],
  );
  add(
    'strengthsEmpty',
    'tooLittle',
    'nothing noted for anyone yet (the field is not in use)',
    make([withTexts('p1'), withTexts('p2'), withTexts('p3'), withTexts('p4')], bands),
    [],
  );
  add(
    'strengthsEmpty',
    'tooLittle',
    'one pupil expected little of',
    make(
      [withTexts('p1'), withTexts('p3', 'tekenen'), withTexts('p4')],
      [group('low', ['p1']), group('high', ['p3', 'p4'])],
    ),
    [],
  );
}

// --- adviceBelowResults -------------------------------------------------------------------------
{
  const placement = (pupilId: string, achievementPosition: number, assessments = 2) =>
    ({
      pupilId,
      expectation: 2,
      expectationPosition: 0.5,
      achievementPosition,
      assessments,
      gap: null,
      placed: null,
    }) satisfies PupilPlacement;
  const advice = {
    ...lens('adv', 'Basisschooladvies', ['vmbo', 'havo', 'vwo']),
    preset: 'advice' as const,
  };
  // Advice indices 0, 1, 1, 2, 2 → mid-rank positions 0.1, 0.4, 0.4, 0.8, 0.8.
  const values = ['vmbo', 'havo', 'havo', 'vwo', 'vwo'];
  const achieved = [0.9, 0.6, 0.5, 0.3, 0.1];
  const make = (n = 5, l: typeof advice | ReturnType<typeof lens> = advice, assessmentsOfP1 = 2) =>
    input({
      result: emptyResult({
        achievement: {
          ...emptyResult().achievement,
          pupils: achieved
            .slice(0, n)
            .map((a, i) => placement(`p${i + 1}`, a, i === 0 ? assessmentsOfP1 : 2)),
        },
      }),
      data: emptyData({
        lenses: [l],
        pupils: values.slice(0, n).map((v, i) => pupil(`p${i + 1}`, { adv: v })),
      }),
    });
  add(
    'adviceBelowResults',
    'fires',
    'advice at 10, results at 90',
    make(),
    ['adviceBelowResults:p1:0'],
    ([p]) => {
      expect(p?.params.advice).toBe('VMBO');
      expect(p?.params.advicePosition).toBeCloseTo(0.1, 10);
      expect(p?.params).toMatchObject({ achievementPosition: 0.9, assessments: 2 });
      expect(p?.research).toContain('Elffers 2022');
    },
  );
  add('adviceBelowResults', 'quiet', 'one assessment only', make(5, advice, 1), []);
  add(
    'adviceBelowResults',
    'quiet',
    'a characteristic not made from the advice preset',
    make(5, lens('adv', 'Advies', ['vmbo', 'havo', 'vwo'])),
    [],
  );
  add('adviceBelowResults', 'tooLittle', 'four pupils with advice and results', make(4), []);
}

/**
 * What rests on a mark is skipped when nothing of that mark was recorded in the period (issue 10
 * §6): hand-worked tables of events → marks not recorded, and the kinds left out.
 */
import { describe, expect, it } from 'vitest';
import { QUALITY_METRICS, type Metric } from '../../../src/analysis';
import { INTERACTION_KINDS } from '../../../src/model/kinds';
import type { InteractionEvent } from '../../../src/model/types';
import { metricsWithout, unmarked, type Mark } from '../../../src/analysis';

const T = '2025-03-01T08:00:00.000Z';
const ALL: Metric[] = [...INTERACTION_KINDS, ...QUALITY_METRICS] as Metric[];

function ev(extra: Partial<InteractionEvent>, lessonId = 'l1'): InteractionEvent {
  return {
    id: Math.random().toString(36),
    classId: 'c',
    lessonId,
    pupilId: 'a',
    kind: 'turn',
    date: '2025-03-03',
    at: null,
    loggedAfter: false,
    createdAt: T,
    updatedAt: T,
    ...extra,
  };
}

describe('marks not recorded in the period', () => {
  it.each<[string, InteractionEvent[], Mark[]]>([
    [
      'nothing marked: every mark is said',
      [ev({}), ev({ kind: 'praise' })],
      ['questionLevel', 'initiative', 'waitTime', 'praiseType'],
    ],
    [
      'a recall question marks the level (fires no "not recorded" for it)',
      [ev({ questionLevel: 'recall' })],
      ['initiative', 'waitTime', 'praiseType'],
    ],
    [
      'a follow-up carries a level too',
      [ev({ kind: 'followUp', questionLevel: 'higher' })],
      ['initiative', 'waitTime', 'praiseType'],
    ],
    [
      'general praise marks the kind of praise',
      [ev({ kind: 'praise', praiseType: 'general' }), ev({ initiative: 'called', waitTime: true })],
      ['questionLevel'],
    ],
    [
      'marks in a lesson outside the period do not count',
      [ev({ questionLevel: 'higher' }, 'l9'), ev({})],
      ['questionLevel', 'initiative', 'waitTime', 'praiseType'],
    ],
    [
      'everything marked: quiet',
      [
        ev({ questionLevel: 'higher', initiative: 'volunteered', waitTime: true }),
        ev({ kind: 'praise', praiseType: 'specific' }),
      ],
      [],
    ],
  ])('%s', (_name, events, expected) => {
    expect(unmarked(events, ['l1', 'l2'], ALL)).toEqual(expected);
  });

  it('a mark whose kinds are filtered out is not "not recorded"', () => {
    const metrics = ALL.filter((m) => m !== 'praiseSpecific');
    expect(unmarked([ev({})], ['l1'], metrics)).toEqual([
      'questionLevel',
      'initiative',
      'waitTime',
    ]);
  });

  it.each<[Mark[], Metric[]]>([
    [['questionLevel'], ['higherOrder', 'recall']],
    [
      ['initiative', 'waitTime'],
      ['volunteered', 'called', 'waitTime'],
    ],
    [['praiseType'], ['praiseSpecific']],
    [[], []],
  ])('leaves out the kinds resting on %j', (marks, gone) => {
    const left = metricsWithout(ALL, marks);
    expect(ALL.filter((m) => !left.includes(m))).toEqual(gone);
  });
});

/**
 * Events logged afterwards (from memory) are told apart: `result.loggedAfter` counts those among
 * the period's counted events, in the same scope as `basis.events` (issue 10 §6). Hand-worked.
 */
import { classRecord } from '../../support/records';
import { describe, expect, it } from 'vitest';
import { analyseClass, type ClassData } from '../../../src/analysis';
import type { InteractionEvent } from '../../../src/model/types';

const T = '2025-03-01T08:00:00.000Z';
const stamps = { createdAt: T, updatedAt: T };

function cls(
  events: Array<[lesson: string, pupil: string, kind: 'turn' | 'praise', after: boolean]>,
): ClassData {
  const lessons = ['2025-03-03', '2025-03-04', '2025-03-05'].map((date, i) => ({
    id: `l${i + 1}`,
    classId: 'c',
    date,
    startTime: '09:00',
    endTime: null,
    topic: '',
    endedAt: null,
    deletedAt: null,
    ...stamps,
  }));
  const pupils = ['a', 'b'].map((id) => ({
    id,
    classId: 'c',
    name: id,
    seat: null,
    lensValues: {},
    removedAt: null,
    ...stamps,
  }));
  return {
    cls: classRecord('c', { name: 'Klas', seating: { rows: 1, cols: 2 }, ...stamps }),
    pupils,
    lenses: [],
    lessons,
    absences: [],
    events: events.map(([lessonId, pupilId, kind, after], i): InteractionEvent => ({
      id: `e${i}`,
      classId: 'c',
      lessonId,
      pupilId,
      kind,
      date: lessons.find((l) => l.id === lessonId)?.date ?? '2025-03-03',
      at: after ? null : T,
      loggedAfter: after,
      ...stamps,
    })),
    banking: [],
    expectations: [],
    achievements: [],
    relationships: [],
  };
}

describe('events logged afterwards', () => {
  it.each([
    { name: 'none', events: [['l1', 'a', 'turn', false]] as const, opts: {}, total: 1, after: 0 },
    {
      name: 'two of four',
      events: [
        ['l1', 'a', 'turn', true],
        ['l2', 'b', 'turn', false],
        ['l3', 'a', 'praise', true],
        ['l3', 'b', 'praise', false],
      ] as const,
      opts: {},
      total: 4,
      after: 2,
    },
    {
      // Only the chosen kinds count, for both figures: the afterwards praise drops out.
      name: 'kinds filter',
      events: [
        ['l1', 'a', 'turn', true],
        ['l3', 'a', 'praise', true],
        ['l3', 'b', 'praise', false],
      ] as const,
      opts: { kinds: ['turn' as const] },
      total: 1,
      after: 1,
    },
    {
      // Only the period counts: l1 (3 March) is before `from`.
      name: 'period',
      events: [
        ['l1', 'a', 'turn', true],
        ['l2', 'a', 'turn', true],
        ['l3', 'b', 'turn', false],
      ] as const,
      opts: { from: '2025-03-04' },
      total: 2,
      after: 1,
    },
    {
      // An event of an unknown pupil is not counted at all.
      name: 'unknown pupil',
      events: [
        ['l1', 'x', 'turn', true],
        ['l1', 'a', 'turn', true],
      ] as const,
      opts: {},
      total: 1,
      after: 1,
    },
  ])('$name: $after of $total logged afterwards', ({ events, opts, total, after }) => {
    const r = analyseClass(
      cls(events.map((e) => [...e] as [string, string, 'turn' | 'praise', boolean])),
      { today: '2025-03-10', ...opts },
    );
    expect(r.basis.events).toBe(total);
    expect(r.loggedAfter).toBe(after);
  });
});

describe('events logged afterwards, per kind', () => {
  it('each distribution counts its own kind: 2 of 3 turns and 1 of 2 praise', () => {
    const r = analyseClass(
      cls([
        ['l1', 'a', 'turn', true],
        ['l2', 'b', 'turn', true],
        ['l2', 'a', 'turn', false],
        ['l3', 'a', 'praise', true],
        ['l3', 'b', 'praise', false],
      ]),
      { today: '2025-03-10' },
    );
    const of = (metric: string) => r.distribution.find((d) => d.metric === metric);
    expect([of('turn')?.total, of('turn')?.loggedAfter]).toEqual([3, 2]);
    expect([of('praise')?.total, of('praise')?.loggedAfter]).toEqual([2, 1]);
    // Within the period only: from 4 March, l1's afterwards turn drops out.
    const later = analyseClass(
      cls([
        ['l1', 'a', 'turn', true],
        ['l2', 'b', 'turn', true],
      ]),
      { today: '2025-03-10', from: '2025-03-04' },
    );
    expect(later.distribution.find((d) => d.metric === 'turn')?.loggedAfter).toBe(1);
  });
});

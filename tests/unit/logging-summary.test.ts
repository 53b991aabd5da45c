import { describe, expect, it } from 'vitest';
import { summariseLessonEvents } from '../../src/features/logging/summary';
import type { InteractionKind } from '../../src/model/kinds';

const ev = (pupilId: string, kind: InteractionKind) => ({ pupilId, kind });

describe('summariseLessonEvents', () => {
  it('counts per kind in catalogue order and names the present pupils who got nothing', () => {
    const s = summariseLessonEvents(
      ['sem', 'noor', 'daan', 'lotte', 'ayoub'],
      [ev('sem', 'praise'), ev('sem', 'turn'), ev('noor', 'turn'), ev('sem', 'turn')],
      ['ayoub'],
    );
    expect(s).toEqual({
      perKind: [
        { kind: 'turn', count: 3 },
        { kind: 'praise', count: 1 },
      ],
      total: 4,
      present: 4,
      absent: 1,
      // Seating order, the absent pupil left out.
      missed: ['daan', 'lotte'],
    });
  });

  it('counts the events of a pupil who has left, without listing them', () => {
    const s = summariseLessonEvents(['sem'], [ev('gone', 'help')], []);
    expect(s.total).toBe(1);
    expect(s.perKind).toEqual([{ kind: 'help', count: 1 }]);
    expect(s.missed).toEqual(['sem']);
  });

  it('an empty lesson with everyone absent misses nobody', () => {
    expect(summariseLessonEvents(['a', 'b'], [], ['a', 'b'])).toEqual({
      perKind: [],
      total: 0,
      present: 0,
      absent: 2,
      missed: [],
    });
  });
});

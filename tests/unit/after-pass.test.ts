import { describe, expect, it } from 'vitest';
import { emptyKindCounts, type LessonCounts } from '../../src/db/repo/afterLesson';
import {
  notSpokenTo,
  passKinds,
  spokenSummary,
  totalEvents,
  visibleKinds,
} from '../../src/features/after-lesson/pass';

function countsWith(
  entries: Record<string, [kind: 'turn' | 'praise' | 'help', live: number, after: number][]>,
): LessonCounts {
  const result: LessonCounts = {};
  for (const [pupil, cells] of Object.entries(entries)) {
    const c = emptyKindCounts();
    for (const [kind, live, after] of cells) c[kind] = { live, after };
    result[pupil] = c;
  }
  return result;
}

describe('after-lesson pass', () => {
  // a: 2 live turns; b: 1 afterwards praise; c: nothing; d: absent; e: a zeroed entry.
  const counts = countsWith({
    a: [['turn', 2, 0]],
    b: [['praise', 0, 1]],
    e: [['help', 0, 0]],
  });
  const order = ['c', 'a', 'e', 'b', 'd'];

  it('totals live and afterwards events over all kinds', () => {
    expect(
      totalEvents(
        countsWith({
          x: [
            ['turn', 2, 1],
            ['help', 0, 3],
          ],
        }).x,
      ),
    ).toBe(6);
    expect(totalEvents(undefined)).toBe(0);
  });

  it('lists present pupils without events, keeping seating order', () => {
    expect(notSpokenTo(order, counts, ['d'])).toEqual(['c', 'e']);
    expect(notSpokenTo(order, counts, [])).toEqual(['c', 'e', 'd']);
    expect(notSpokenTo(order, counts, ['c', 'd', 'e'])).toEqual([]);
  });

  it('summarises spoken-to among present pupils', () => {
    expect(spokenSummary(order, counts, ['d'])).toEqual({ spoken: 2, present: 4 });
    expect(spokenSummary(order, counts, ['a'])).toEqual({ spoken: 1, present: 4 });
    expect(spokenSummary([], counts, [])).toEqual({ spoken: 0, present: 0 });
  });

  it('offers turn, help and personal attention unless hidden', () => {
    expect(passKinds([])).toEqual(['turn', 'help', 'personal']);
    expect(passKinds(['help'])).toEqual(['turn', 'personal']);
    expect(passKinds(['turn', 'help', 'personal'])).toEqual(['turn']);
  });

  it('shows the catalogue minus hidden kinds, turn first', () => {
    expect(visibleKinds(['praise', 'correctionBehaviour'])).toEqual([
      'turn',
      'correctionWork',
      'followUp',
      'help',
      'personal',
    ]);
  });
});

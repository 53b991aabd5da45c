/** The start screen's list (src/domain/classList.ts): which classes, in which order, how many pupils. */
import { describe, expect, it } from 'vitest';
import { summariseClasses } from '../../src/domain/classList';
import type { ClassRecord, PupilRecord } from '../../src/model/types';

const cls = (id: string, name: string, extra: Partial<ClassRecord> = {}) =>
  ({ id, name, createdAt: `2025-09-0${id.length}T08:00:00.000Z`, ...extra }) as ClassRecord;
const pupil = (classId: string, removedAt?: string) => ({ classId, removedAt }) as PupilRecord;

describe('summariseClasses', () => {
  it.each([
    {
      case: 'Dutch order: numbers as numbers, case ignored',
      classes: [cls('a', 'groep 10'), cls('b', 'Groep 2'), cls('c', '3 havo')],
      pupils: [pupil('a'), pupil('b'), pupil('b')],
      want: [
        ['3 havo', 0],
        ['Groep 2', 2],
        ['groep 10', 1],
      ],
    },
    {
      case: 'a deleted class is left out; a removed pupil and a pupil of no listed class not counted',
      classes: [cls('a', '1A'), cls('b', '1B', { deletedAt: '2025-10-01T08:00:00.000Z' })],
      pupils: [pupil('a'), pupil('a', '2025-10-01T08:00:00.000Z'), pupil('b'), pupil('x')],
      want: [['1A', 1]],
    },
    { case: 'nothing', classes: [], pupils: [], want: [] },
  ])('$case', ({ classes, pupils, want }) => {
    expect(summariseClasses(classes, pupils).map((s) => [s.cls.name, s.pupilCount])).toEqual(want);
  });
});

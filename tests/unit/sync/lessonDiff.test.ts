import { describe, expect, it } from 'vitest';
import { lessonRecordOf } from '../../../src/db/eventStore';
import { changedEvents } from '../../../src/db/sync/lessonDiff';
import type { InteractionEvent } from '../../../src/model/types';
import { RECORDS } from './fixtures';

const tap = (id: string, second: number, extra: Partial<InteractionEvent> = {}) => {
  const at = `2026-03-02T08:40:${String(second).padStart(2, '0')}.000Z`;
  return { ...RECORDS.events, id, at, createdAt: at, updatedAt: at, ...extra };
};
const record = (...events: InteractionEvent[]) => lessonRecordOf(events);
const ids = (events: InteractionEvent[]) => events.map((e) => e.id);

describe("the events a write-back changed in a lesson's record", () => {
  const a = tap('a', 1);
  const b = tap('b', 2);
  const c = tap('c', 3);
  const bLater = tap('b', 2, { updatedAt: '2026-03-02T08:45:00.000Z', waitTime: false });
  const cases: [
    string,
    ReturnType<typeof record> | undefined,
    ReturnType<typeof record> | undefined,
    string[],
    string[],
  ][] = [
    ['the same record: nothing', record(a, b), record(a, b), [], []],
    ['one event more', record(a, b), record(a, b, c), ['c'], []],
    ['one event fewer', record(a, b, c), record(a, c), [], ['b']],
    ['one event changed', record(a, b), record(a, bLater), ['b'], []],
    ['a new record: every event added', undefined, record(a, b), ['a', 'b'], []],
    ['a record gone: every event removed', record(a, b), undefined, [], ['a', 'b']],
    [
      'another order only: nothing',
      record(a, b),
      { ...record(a, b), events: record(b, a).events },
      [],
      [],
    ],
  ];
  it.each(cases)('%s', (_, before, after, added, removed) => {
    const diff = changedEvents(before, after);
    expect(ids(diff.added)).toEqual(added);
    expect(ids(diff.removed)).toEqual(removed);
  });

  it('gives whole events, with the lesson, class and date of their record', () => {
    const { added, removed } = changedEvents(record(a, b), record(a, bLater, c));
    expect(added).toEqual([bLater, c]);
    expect(removed).toEqual([]);
    expect(changedEvents(record(a, b), record(a)).removed).toEqual([b]);
  });

  it('counts every event as changed when the lesson moved to another date', () => {
    const moved = [a, b].map((e) => ({ ...e, date: '2026-03-09' }));
    const { added, removed } = changedEvents(record(a, b), record(...moved));
    expect(added).toEqual(moved);
    expect(removed).toEqual([]);
  });
});

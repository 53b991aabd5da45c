import { describe, expect, it } from 'vitest';
import { foldText, searchJournal } from '../../src/domain/journalSearch';
import type { JournalEntry } from '../../src/model/types';

function entry(id: string, text: string, links: Partial<JournalEntry> = {}): JournalEntry {
  return {
    id,
    classId: 'c1',
    date: '2025-03-10',
    text,
    lessonId: null,
    pupilId: null,
    insightKey: null,
    source: 'journal',
    deletedAt: null,
    createdAt: '2025-03-10T15:00:00.000Z',
    updatedAt: '2025-03-10T15:00:00.000Z',
    ...links,
  };
}

const entries = [
  entry('a', 'Een GOEDE vraag gesteld'),
  entry('b', 'Rustig', { pupilId: 'p-zoe' }),
  entry('c', 'Café-gesprek', { lessonId: 'l1' }),
];
const context = {
  pupilNames: new Map([['p-zoe', 'Zoë']]),
  lessonTopics: new Map([['l1', 'Breuken']]),
};

describe('searchJournal', () => {
  it.each([
    ['goede', ['a']], // text, case-insensitive
    ['ZOE', ['b']], // pupil name, accent-insensitive
    ['zoë rustig', ['b']], // every word, from name and text
    ['breuken', ['c']], // lesson topic
    ['cafe', ['c']], // accent in the text
    ['  ', ['a', 'b', 'c']], // blank: everything
    ['zoe goede', []], // words from two different entries
  ])('%j finds %j', (query, ids) => {
    expect(searchJournal(entries, query, context).map((e) => e.id)).toEqual(ids);
  });

  it('folds case and accents', () => {
    expect(foldText('ÉÉN Zoë')).toBe('een zoe');
  });
});

/** Searching the teacher's journal (pure: the screen passes the names and topics it shows). */
import type { Id, JournalEntry } from '../model/types';

/** Lower case without accents, so "Zoë" is found by "zoe" and "ZOË". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
}

export interface JournalSearchContext {
  pupilNames: ReadonlyMap<Id, string>;
  lessonTopics: ReadonlyMap<Id, string>;
}

/**
 * Entries whose text, pupil name or lesson topic holds every word of the query (case- and
 * accent-insensitive); all entries when the query is blank.
 */
export function searchJournal(
  entries: readonly JournalEntry[],
  query: string,
  context: JournalSearchContext,
): JournalEntry[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => {
    const haystack = foldText(
      [
        e.text,
        e.pupilId ? (context.pupilNames.get(e.pupilId) ?? '') : '',
        e.lessonId ? (context.lessonTopics.get(e.lessonId) ?? '') : '',
      ].join('\n'),
    );
    return words.every((w) => haystack.includes(w));
  });
}

import type { JournalEntry, LessonRecord } from '../../model/types';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';

/** "4 mrt · 09:00 · Breuken": enough to tell a class's lessons apart in a list. */
export function lessonLabel(lesson: LessonRecord): string {
  return [formatDate(lesson.date, 'short'), lesson.startTime, lesson.topic]
    .filter(Boolean)
    .join(' · ');
}

/** Where an entry came from, for its badge; null for an ordinary journal entry. */
export function sourceLabel(entry: JournalEntry): string | null {
  if (entry.source === 'afterLesson') return t('journal:source.afterLesson');
  if (entry.source === 'intentionClose') return t('journal:source.intentionClose');
  if (entry.insightKey) return t('journal:source.insight');
  return null;
}

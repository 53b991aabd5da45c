import { useEffect, useRef, useState } from 'preact/hooks';
import { href } from '../../ui/router';
import { deleteJournalEntry, restoreJournalEntry, updateJournalEntry } from '../../db/repo/journal';
import type { JournalEntry, LessonRecord, PupilRecord } from '../../model/types';
import { t } from '../../i18n';
import { deleteWithUndo } from '../../ui/deleteWithUndo';
import { formatDate } from '../../i18n/format';
import { JournalEditor } from './JournalEditor';
import { lessonLabel, sourceLabel } from './labels';

interface JournalEntryItemProps {
  entry: JournalEntry;
  /** Every pupil of the class (removed ones keep their name on old entries). */
  pupils: readonly PupilRecord[];
  lessons: readonly LessonRecord[];
  /** Hide the pupil link and choice (on that pupil's own page). */
  hidePupil?: boolean;
  /** Hide the lesson line and choice (on that lesson's own page). */
  hideLesson?: boolean;
}

function remove(entry: JournalEntry, when: string): Promise<boolean> {
  return deleteWithUndo({
    remove: () => deleteJournalEntry(entry.id),
    undo: () => restoreJournalEntry(entry.id),
    message: t('journal:deleted', { date: when }),
  });
}

/** One entry: date, where it came from, whom and which lesson it is about; edit and delete. */
export function JournalEntryItem({
  entry,
  pupils,
  lessons,
  hidePupil,
  hideLesson,
}: JournalEntryItemProps) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  // Back on Edit after the form closes, so keyboard users keep their place.
  useEffect(() => {
    if (!editing && opened.current) editButton.current?.focus();
    opened.current ||= editing;
  }, [editing]);

  const when = formatDate(entry.date);
  const pupil = entry.pupilId ? pupils.find((p) => p.id === entry.pupilId) : undefined;
  const lesson = entry.lessonId ? lessons.find((l) => l.id === entry.lessonId) : undefined;
  const source = sourceLabel(entry);
  const current = pupils.filter((p) => !p.removedAt || p.id === entry.pupilId);

  if (editing) {
    return (
      <li class="journal-entry">
        <h3 class="journal-entry-date">{t('journal:edit.title', { date: when })}</h3>
        <JournalEditor
          id={`journal-edit-${entry.id}`}
          initial={{
            date: entry.date,
            text: entry.text,
            pupilId: entry.pupilId ?? '',
            lessonId: entry.lessonId ?? '',
          }}
          pupils={hidePupil ? undefined : current}
          lessons={hideLesson ? undefined : lessons}
          submitLabel={t('common:save')}
          autoFocus
          onSave={async (f) => {
            await updateJournalEntry(entry.id, {
              date: f.date,
              text: f.text,
              ...(hidePupil ? {} : { pupilId: f.pupilId }),
              ...(hideLesson ? {} : { lessonId: f.lessonId }),
            });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }

  return (
    <li class="journal-entry">
      <h3 class="journal-entry-date">{when}</h3>
      {source || (pupil && !hidePupil) || (lesson && !hideLesson) ? (
        <p class="journal-entry-meta">
          {source ? <span class="badge">{source}</span> : null}
          {pupil && !hidePupil ? (
            <a href={href('pupil', pupil.id)}>{t('journal:about', { name: pupil.name })}</a>
          ) : null}
          {lesson && !hideLesson ? (
            <span class="muted">{t('journal:lesson', { lesson: lessonLabel(lesson) })}</span>
          ) : null}
        </p>
      ) : null}
      <p class="journal-entry-text">{entry.text}</p>
      <div class="journal-entry-actions">
        <button
          ref={editButton}
          type="button"
          aria-label={t('journal:edit.label', { date: when })}
          onClick={() => setEditing(true)}
        >
          {t('journal:edit.button')}
        </button>
        <button
          type="button"
          class="danger"
          aria-label={t('journal:delete.label', { date: when })}
          onClick={() => void remove(entry, when)}
        >
          {t('common:delete')}
        </button>
      </div>
    </li>
  );
}

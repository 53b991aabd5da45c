import { useState } from 'preact/hooks';
import { useLiveQuery } from '../../db/hooks';
import { createJournalEntry } from '../../db/repo/journal';
import { loadJournalItemData } from '../../db/repo/journalLoaders';
import { toIsoDate } from '../../domain/dates';
import { t } from '../../i18n';
import { showToast } from '../../ui/toastStore';
import { JournalEditor } from './JournalEditor';
import { JournalEntryItem } from './JournalEntryItem';
import './journal.css';

interface JournalForItemProps {
  lessonId?: string;
  pupilId?: string;
}

/**
 * The journal entries that belong to one lesson or one pupil (or both), with a way to add one.
 * Mounted on the pupil page and the lesson views; renders its own h2.
 */
export function JournalForItem({ lessonId, pupilId }: JournalForItemProps) {
  const view = useLiveQuery(() => loadJournalItemData({ lessonId, pupilId }), [lessonId, pupilId]);
  const [adding, setAdding] = useState(false);
  if (!view) return null;
  const headingId = `journal-for-${lessonId ?? ''}-${pupilId ?? ''}`;
  const current = view.pupils.filter((p) => !p.removedAt);
  return (
    <section class="journal-for-item" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('journal:forItem.heading')}</h2>
      {view.entries.length === 0 && !adding ? (
        <p class="muted">
          {lessonId ? t('journal:forItem.emptyLesson') : t('journal:forItem.emptyPupil')}
        </p>
      ) : null}
      {adding ? (
        <div class="card">
          <JournalEditor
            id={`${headingId}-new`}
            initial={{
              date: view.lessonDate ?? toIsoDate(new Date()),
              text: '',
              pupilId: pupilId ?? '',
              lessonId: lessonId ?? '',
            }}
            // A lesson's entry may be about one of its pupils; a pupil's about one lesson.
            pupils={pupilId ? undefined : current}
            lessons={lessonId ? undefined : view.lessons}
            submitLabel={t('journal:new.save')}
            autoFocus
            onSave={async (f) => {
              await createJournalEntry({ classId: view.classId, ...f });
              showToast(t('journal:saved'));
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        </div>
      ) : (
        <button type="button" class="journal-add" onClick={() => setAdding(true)}>
          <span aria-hidden="true">+</span> {t('journal:forItem.add')}
        </button>
      )}
      <ul class="list journal-list">
        {view.entries.map((e) => (
          <JournalEntryItem
            key={e.id}
            entry={e}
            pupils={view.pupils}
            lessons={view.lessons}
            hidePupil={Boolean(pupilId)}
            hideLesson={Boolean(lessonId)}
          />
        ))}
      </ul>
    </section>
  );
}

import { useMemo, useState } from 'preact/hooks';
import { href } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import { createJournalEntry } from '../../db/repo/journal';
import { loadJournalData, type JournalData } from '../../db/repo/journalLoaders';
import { searchJournal } from '../../domain/journalSearch';
import { toIsoDate } from '../../domain/dates';
import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { showToast } from '../../ui/toastStore';
import { JournalEditor } from './JournalEditor';
import { JournalEntryItem } from './JournalEntryItem';
import './journal.css';

/** The class's journal: write, search by word or pupil, and read back. */
export function JournalScreen({ classId }: { classId: string }) {
  const view = useLiveQuery(() => loadJournalData(classId), [classId]);
  if (view === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (view === null) {
    return (
      <Screen title={t('journal:notFound.title')} back="#/">
        <p>{t('journal:notFound.body')}</p>
      </Screen>
    );
  }
  return <Journal view={view} />;
}

function Journal({ view }: { view: JournalData }) {
  const { cls, pupils, lessons, entries } = view;
  const [query, setQuery] = useState('');
  const [pupilFilter, setPupilFilter] = useState('');
  const [today] = useState(() => toIsoDate(new Date()));
  const current = pupils.filter((p) => !p.removedAt);
  // Removed pupils stay in the filter while entries are about them.
  const filterPupils = pupils.filter(
    (p) => !p.removedAt || entries.some((e) => e.pupilId === p.id),
  );

  const shown = useMemo(() => {
    const context = {
      pupilNames: new Map(pupils.map((p) => [p.id, p.name])),
      lessonTopics: new Map(lessons.map((l) => [l.id, l.topic])),
    };
    const byPupil = pupilFilter ? entries.filter((e) => e.pupilId === pupilFilter) : entries;
    return searchJournal(byPupil, query, context);
  }, [entries, pupils, lessons, query, pupilFilter]);
  const filtering = query.trim() !== '' || pupilFilter !== '';

  return (
    <Screen title={t('journal:title', { name: cls.name })} back={href('class', cls.id)}>
      <p class="muted journal-intro">{t('journal:intro')}</p>

      <section class="card" aria-labelledby="journal-new-heading">
        <h2 id="journal-new-heading">{t('journal:new.heading')}</h2>
        <JournalEditor
          id="journal-new"
          initial={{ date: today, text: '', pupilId: '', lessonId: '' }}
          pupils={current}
          lessons={lessons}
          submitLabel={t('journal:new.save')}
          resetAfterSave
          onSave={async (f) => {
            await createJournalEntry({ classId: cls.id, ...f });
            showToast(t('journal:saved'));
          }}
        />
      </section>

      <section aria-labelledby="journal-list-heading">
        <h2 id="journal-list-heading">{t('journal:list.heading')}</h2>
        {entries.length > 0 ? (
          <div class="journal-filters" role="search">
            <label class="field">
              <span>{t('journal:search.label')}</span>
              <input
                type="search"
                value={query}
                placeholder={t('journal:search.placeholder')}
                onInput={(e) => setQuery(e.currentTarget.value)}
              />
            </label>
            <label class="field">
              <span>{t('journal:search.pupil')}</span>
              <select value={pupilFilter} onChange={(e) => setPupilFilter(e.currentTarget.value)}>
                <option value="">{t('journal:search.allPupils')}</option>
                {filterPupils.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
        ) : null}
        <p class="journal-count" aria-live="polite">
          {entries.length === 0
            ? t('journal:list.empty')
            : filtering
              ? shown.length === 0
                ? t('journal:list.noMatch')
                : t('journal:list.found', { count: shown.length })
              : t('journal:list.count', { count: entries.length })}
        </p>
        <ul class="list journal-list">
          {shown.map((e) => (
            <JournalEntryItem key={e.id} entry={e} pupils={pupils} lessons={lessons} />
          ))}
        </ul>
      </section>
    </Screen>
  );
}

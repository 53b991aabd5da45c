import { useReadOnce } from '../../db/hooks';
import { useMemo, useState } from 'preact/hooks';
import { href, navigate } from '../../ui/router';
import { createJournalEntries } from '../../db/repo/journal';
import { loadReflectionData, type ReflectionData } from '../../db/repo/journalLoaders';
import { runAction } from '../../db/status';
import {
  levelNotMarked,
  reflectionQuestions,
  summariseLesson,
} from '../../domain/reflectionQuestions';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { invalidMessage } from '../../ui/invalid';
import { Screen } from '../../ui/Screen';
import { LessonSummary } from '../logging/LessonSummary';
import { showToast } from '../../ui/toastStore';
import { questionText } from './questionText';
import './reflection.css';

/** The optional after-lesson minute: two or three questions from what was logged. */
export function ReflectMinuteScreen({ lessonId }: { lessonId: string }) {
  // Read once: the questions must not shift while the teacher is answering them.
  const data = useReadOnce(() => loadReflectionData(lessonId), lessonId);

  if (data === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (data === null) {
    return (
      <Screen title={t('reflection:notFound.title')} back="#/">
        <p>{t('reflection:notFound.body')}</p>
      </Screen>
    );
  }
  return <Minute key={data.lesson.id} data={data} />;
}

function Minute({ data }: { data: ReflectionData }) {
  const { lesson, cls } = data;
  const { questions, unmarked } = useMemo(() => {
    const summary = summariseLesson(lesson, data.pupils, data.intentions, {
      classId: cls.id,
      expectationScale: cls.expectationScale,
      pupils: data.pupils,
      lessons: data.lessons,
      absences: data.absences,
      events: data.events,
      expectations: data.expectations,
      today: lesson.date,
    });
    return {
      questions: reflectionQuestions(summary).map((q) => ({ q, text: questionText(q) })),
      unmarked: levelNotMarked(summary),
    };
  }, [data, lesson, cls]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const classLink = href('class', cls.id);
  const current = useMemo(() => data.pupils.filter((p) => !p.removedAt), [data.pupils]);
  const absentIds = useMemo(() => data.absences.map((a) => a.pupilId), [data.absences]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    const written = questions.filter(({ q }) => (answers[q.insightKey] ?? '').trim() !== '');
    if (written.length === 0) {
      navigate(`/class/${encodeURIComponent(cls.id)}`);
      return;
    }
    setSaving(true);
    const done = await runAction(
      async () => {
        await createJournalEntries(
          written.map(({ q, text }) => ({
            classId: cls.id,
            date: lesson.date,
            // The question is kept with the answer: it cannot be rebuilt later.
            text: `${text}\n\n${(answers[q.insightKey] ?? '').trim()}`,
            lessonId: lesson.id,
            pupilId: q.pupilId,
            insightKey: q.insightKey,
            source: 'afterLesson' as const,
          })),
        );
        showToast(t('reflection:saved', { count: written.length }));
        navigate(`/class/${encodeURIComponent(cls.id)}`);
        return true;
      },
      (err) => setError(invalidMessage('journal', err)),
    );
    if (!done) setSaving(false);
  };

  return (
    <Screen title={t('reflection:title')} back={classLink}>
      <div class="reflect-top">
        <p class="reflect-meta">
          {cls.name} · {formatDate(lesson.date)}
          {lesson.topic ? ` · ${lesson.topic}` : ''}
        </p>
        <a class="button reflect-skip" href={classLink}>
          {t('reflection:skip')}
        </a>
      </div>
      {/* What was logged comes first: counts per kind and who got nothing, by name. */}
      <LessonSummary pupils={current} events={data.events} absentIds={absentIds} />
      <p class="reflect-intro">{t('reflection:intro')}</p>
      {data.answered.length > 0 ? (
        <p class="card reflect-earlier">
          {t('reflection:earlier', { count: data.answered.length })}{' '}
          <a href={href('class', cls.id, 'journal')}>{t('reflection:toJournal')}</a>
        </p>
      ) : null}
      <form class="reflect-form" onSubmit={(e) => void save(e)} noValidate>
        {questions.map(({ q, text }, i) => (
          <div key={q.insightKey} class="card reflect-question">
            <label class="reflect-label" for={`reflect-${i}`}>
              {text}
            </label>
            <textarea
              id={`reflect-${i}`}
              rows={3}
              value={answers[q.insightKey] ?? ''}
              placeholder={t('reflection:placeholder')}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setAnswers((a) => ({ ...a, [q.insightKey]: value }));
              }}
            />
          </div>
        ))}
        {error ? (
          <p class="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {unmarked !== null ? (
          <p class="muted reflect-note" data-testid="level-not-marked">
            {t('reflection:levelNotMarked', { count: unmarked })}
          </p>
        ) : null}
        <button type="submit" class="primary reflect-save" disabled={saving}>
          {t('reflection:save')}
        </button>
        <p class="muted reflect-note">{t('reflection:note')}</p>
      </form>
      <p class="reflect-guide">
        <a href={`${href('guide')}?lesson=${encodeURIComponent(lesson.id)}&mode=reflect`}>
          {t('guide:open')}
        </a>
      </p>
    </Screen>
  );
}

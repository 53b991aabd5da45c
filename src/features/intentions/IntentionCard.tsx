import { deleteIntention, restoreIntention } from '../../db/repo/intentions';
import { reportStorageError } from '../../db/status';
import type { IntentionRecord } from '../../model/types';
import type { IntentionProgress, LessonProgress, PeriodMeasure } from '../../domain/intentions';
import { t } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import { showToast } from '../../ui/toastStore';
import { ClosingForm } from './ClosingForm';
import { describeIntention, describePeriod, type DescribeContext } from './describe';
import { ProgressBar } from './ProgressBar';

interface IntentionCardProps {
  intention: IntentionRecord;
  progress: IntentionProgress;
  ctx: DescribeContext;
}

async function remove(intention: IntentionRecord): Promise<void> {
  try {
    await deleteIntention(intention.id);
  } catch (e) {
    reportStorageError(e);
    return;
  }
  showToast(t('intentions:deleted'), {
    actionLabel: t('common:undo'),
    duration: 8000,
    onAction: async () => {
      try {
        await restoreIntention(intention.id);
      } catch (e) {
        reportStorageError(e);
      }
    },
  });
}

function LessonLine({ lesson, onePupil }: { lesson: LessonProgress; onePupil: boolean }) {
  const what = onePupil
    ? t('intentions:lessons.pupil', { done: lesson.count, target: lesson.target })
    : t('intentions:lessons.group', {
        reached: lesson.reached,
        count: lesson.present,
        times: lesson.count,
      });
  return (
    <li class={lesson.met ? 'intention-lesson met' : 'intention-lesson'}>
      <span class="intention-lesson-date">
        {formatDate(lesson.date, 'short')}
        {lesson.topic ? ` · ${lesson.topic}` : ''}
      </span>
      <span>
        {what} ·{' '}
        <strong>
          <span aria-hidden="true">{lesson.met ? '✓ ' : '○ '}</span>
          {lesson.met ? t('intentions:lessons.met') : t('intentions:lessons.notMet')}
        </strong>
      </span>
    </li>
  );
}

function rate(m: PeriodMeasure, onePupil: boolean): string {
  const value = formatNumber(m.rate ?? 0);
  return onePupil
    ? t('intentions:compare.ratePupil', { rate: value })
    : t('intentions:compare.rateGroup', { rate: value });
}

/** Before vs during: the same measure over the same number of lessons, when there are any. */
function Comparison({ progress, onePupil }: { progress: IntentionProgress; onePupil: boolean }) {
  const { before, during } = progress;
  if (during.lessons === 0) return null;
  return (
    <div class="intention-compare">
      <h4>{t('intentions:compare.heading')}</h4>
      {before.lessons === 0 ? (
        <p>{t('intentions:compare.none')}</p>
      ) : (
        <ul class="intention-compare-list">
          <li>
            {t('intentions:compare.before', {
              count: before.lessons,
              rate: rate(before, onePupil),
            })}
          </li>
          <li>
            {t('intentions:compare.during', {
              count: during.lessons,
              rate: rate(during, onePupil),
            })}
          </li>
        </ul>
      )}
      <p class="muted intention-hint">{t('intentions:compare.smallNumbers')}</p>
    </div>
  );
}

/** The one pupil an intention is about, with their name (null for a group). */
function pupilOf(intention: IntentionRecord, ctx: DescribeContext) {
  if (intention.target.type !== 'pupil') return null;
  const name = ctx.pupilNames.get(intention.target.pupilId);
  return name ? { id: intention.target.pupilId, name } : null;
}

/** One intention: what and for whom, its period, progress per lesson, and closing it. */
export function IntentionCard({ intention, progress, ctx }: IntentionCardProps) {
  const title = describeIntention(intention, ctx);
  const onePupil = intention.target.type === 'pupil';
  const headingId = `intention-${intention.id}`;
  return (
    <li class="card intention-card">
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{title}</h3>
        <p class="intention-meta">
          <span class="badge">{t(`intentions:phase.${progress.phase}`)}</span>{' '}
          <span class="muted">{describePeriod(intention)}</span>
        </p>
        {intention.note ? <p class="intention-note">{intention.note}</p> : null}
        {intention.moreHelpFor?.length ? (
          <p class="intention-more-help-line">
            {t('deliberate:card.line', {
              names: intention.moreHelpFor.map((id) => ctx.pupilNames.get(id) ?? '?').join(', '),
            })}
          </p>
        ) : null}
        <ProgressBar progress={progress} intention={intention} />
        {progress.lessons.length > 0 || progress.skipped > 0 ? (
          <details class="intention-details">
            <summary>{t('intentions:lessons.heading', { count: progress.lessons.length })}</summary>
            <ul class="list">
              {progress.lessons.map((l) => (
                <LessonLine key={l.lessonId} lesson={l} onePupil={onePupil} />
              ))}
            </ul>
            {progress.skipped > 0 ? (
              <p class="muted intention-hint">
                {t('intentions:lessons.skipped', { count: progress.skipped })}
              </p>
            ) : null}
            <p class="muted intention-hint">{t('intentions:lessons.rule')}</p>
          </details>
        ) : null}
        <Comparison progress={progress} onePupil={onePupil} />
        {progress.phase === 'ended' ? (
          <ClosingForm intentionId={intention.id} pupil={pupilOf(intention, ctx)} />
        ) : null}
        {progress.phase === 'closed' ? (
          <div class="intention-reflection">
            <h4>{t('intentions:closed.heading')}</h4>
            <p>{intention.closingReflection || t('intentions:closed.none')}</p>
          </div>
        ) : null}
        <div class="intention-actions">
          <button
            type="button"
            class="danger"
            aria-label={t('intentions:delete.label', { what: title })}
            onClick={() => void remove(intention)}
          >
            {t('common:delete')}
          </button>
        </div>
      </article>
    </li>
  );
}

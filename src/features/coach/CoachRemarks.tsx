import { useLiveQuery } from '../../db/hooks';
import {
  loadCoachRemarks,
  deleteCoachRemark,
  restoreCoachRemark,
  type CoachRemarksData,
} from '../../db/repo/share';
import type { CoachRemarkRecord } from '../../model/types';
import { t } from '../../i18n';
import { deleteWithUndo } from '../../ui/deleteWithUndo';
import { formatDate } from '../../i18n/format';
import { keyKind } from '../../intervisie';
import { coachMetricLabel, kindTitle } from './insightText';
import './coach.css';

/** What a remark is about, from its insight key: the kind, and the pupil, lens or measure named. */
function subjectOf(remark: CoachRemarkRecord, view: CoachRemarksData): string {
  const kind = keyKind(remark.insightKey);
  const title = kindTitle(kind);
  if (kind === 'general') return title;
  const parts = remark.insightKey.split(':').slice(1);
  const named = parts
    .map((part) => {
      const pupil = view.pupils.get(part);
      if (pupil) return pupil.name;
      const lens = view.lenses.get(part);
      if (lens) return lens.name;
      if (['closeness', 'conflict', 'dependency'].includes(part))
        return t(`coach:dimension.${part}`);
      return /^[a-zA-Z]+$/.test(part) ? coachMetricLabel(part) : '';
    })
    .filter(Boolean);
  return named.length ? `${title} — ${named.join(', ')}` : title;
}

function remove(remark: CoachRemarkRecord): Promise<boolean> {
  return deleteWithUndo({
    remove: () => deleteCoachRemark(remark.id),
    undo: () => restoreCoachRemark(remark),
    message: t('coach:remarks.deleted'),
    duration: 5000, // as it always was here: a remark is quick to write again
  });
}

/**
 * The coach's remarks on this class, next to the teacher's own data. Renders nothing when there
 * are none, unless `showEmpty` (so it can be mounted anywhere, e.g. on the insights screen).
 */
export function CoachRemarks({
  classId,
  showEmpty = false,
}: {
  classId: string;
  showEmpty?: boolean;
}) {
  const view = useLiveQuery(() => loadCoachRemarks(classId), [classId]);
  if (!view || (view.remarks.length === 0 && !showEmpty)) return null;
  return (
    <section class="card coach-section coach-remarks" aria-labelledby={`coach-remarks-${classId}`}>
      <h2 id={`coach-remarks-${classId}`}>{t('coach:remarks.heading')}</h2>
      {view.remarks.length === 0 ? (
        <p class="muted">{t('coach:remarks.empty')}</p>
      ) : (
        <ul class="list coach-remark-list">
          {view.remarks.map((r) => {
            const date = formatDate(r.createdAt.slice(0, 10), 'short');
            return (
              <li key={r.id} class="coach-remark">
                <p class="coach-remark-about">
                  {t('coach:remarks.about', { subject: subjectOf(r, view) })}
                </p>
                <blockquote>{r.text}</blockquote>
                <div class="row coach-remark-meta">
                  <span class="muted">
                    {r.author
                      ? t('coach:remarks.by', { author: r.author, date })
                      : t('coach:remarks.byUnknown', { date })}
                  </span>
                  <button
                    type="button"
                    class="link"
                    aria-label={t('coach:remarks.deleteLabel')}
                    onClick={() => void remove(r)}
                  >
                    {t('coach:remarks.delete')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

import {
  deleteAssessment,
  restoreAchievements,
  type AchievementsData,
  type Assessment,
} from '../../db/repo/achievements';
import type { AchievementRecord, Id } from '../../model/types';
import { t } from '../../i18n';
import { deleteWithUndo } from '../../ui/deleteWithUndo';
import { formatDate } from '../../i18n/format';
import { ResultRow } from './ResultRow';
import { classLevels, listHref, summaryText, typeName } from './scoreText';

/** Each pupil's latest record (two only arise when two devices' backups were merged). */
function byPupil(results: readonly AchievementRecord[]): Map<Id, AchievementRecord> {
  const out = new Map<Id, AchievementRecord>();
  for (const r of results) {
    const seen = out.get(r.pupilId);
    if (!seen || r.updatedAt > seen.updatedAt) out.set(r.pupilId, r);
  }
  return out;
}

function removeAssessment(assessment: Assessment): Promise<boolean> {
  return deleteWithUndo({
    remove: () => deleteAssessment(assessment),
    undo: (removed) => restoreAchievements(removed),
    message: t('achievements:detail.deleted', { label: assessment.label }),
    after: () => location.replace(listHref(assessment.classId)),
  });
}

/**
 * One assessment: the class figures in plain words and every pupil's score in seating order
 * (never sorted by score: this is not a league table), each correctable on its own.
 */
export function AssessmentDetail({
  view,
  assessment,
}: {
  view: AchievementsData;
  assessment: Assessment;
}) {
  const levels = classLevels(view.cls);
  const results = byPupil(assessment.results);
  const current = view.pupils.filter((p) => results.has(p.id)).length;
  const left = view.removed.filter((p) => results.has(p.id));
  const summary = summaryText(assessment.scoreType, assessment.summary, levels);
  return (
    <>
      <div class="card assessment-summary">
        <p>
          {formatDate(assessment.date)} · {typeName(assessment.scoreType)}
        </p>
        <p>
          {t('achievements:list.pupils', { results: current, count: view.pupils.length })}
          {summary ? ` · ${summary}` : ''}
        </p>
      </div>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{t('achievements:detail.resultsHeading')}</h2>
        <ul class="list result-list">
          {view.pupils.map((pupil) => (
            <ResultRow
              key={pupil.id}
              pupil={pupil}
              record={results.get(pupil.id)}
              assessment={assessment}
              levels={levels}
              canAdd
            />
          ))}
        </ul>
      </section>
      {left.length > 0 ? (
        <section aria-labelledby="left-heading">
          <h2 id="left-heading">{t('achievements:detail.left')}</h2>
          <ul class="list result-list">
            {left.map((pupil) => (
              <ResultRow
                key={pupil.id}
                pupil={pupil}
                record={results.get(pupil.id)}
                assessment={assessment}
                levels={levels}
                canAdd={false}
              />
            ))}
          </ul>
        </section>
      ) : null}
      <div class="assessment-delete">
        <button type="button" class="danger" onClick={() => void removeAssessment(assessment)}>
          {t('achievements:detail.delete')}
        </button>
      </div>
    </>
  );
}

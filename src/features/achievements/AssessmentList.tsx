import type { AchievementsData } from '../../db/repo/achievements';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { NoPupils } from './NoPupils';
import { assessmentHref, classLevels, newHref, summaryText, typeName } from './scoreText';

/** The recorded assessments, newest first, with how many pupils took part and the class figures. */
export function AssessmentList({ view }: { view: AchievementsData }) {
  const classId = view.cls.id;
  const levels = classLevels(view.cls);
  const current = new Set(view.pupils.map((p) => p.id));
  return (
    <>
      <p class="achievements-intro">{t('achievements:intro')}</p>
      {view.pupils.length > 0 ? (
        <a class="button primary achievements-new" href={newHref(classId)}>
          {t('achievements:new.link')}
        </a>
      ) : (
        <NoPupils classId={classId} />
      )}
      <section aria-labelledby="assessments-heading">
        <h2 id="assessments-heading">{t('achievements:list.heading')}</h2>
        {view.assessments.length === 0 ? (
          <p class="muted">{t('achievements:list.empty')}</p>
        ) : (
          <ul class="list assessment-list">
            {view.assessments.map((a) => (
              <li key={a.key} class="assessment-item">
                <a class="assessment-link" href={assessmentHref(classId, a)}>
                  {a.label}
                </a>
                <p class="assessment-meta">
                  {formatDate(a.date)} · {typeName(a.scoreType)}
                </p>
                <p class="assessment-meta">
                  {t('achievements:list.pupils', {
                    results: a.results.filter((r) => current.has(r.pupilId)).length,
                    count: view.pupils.length,
                  })}
                  {a.summary.count > 0 ? ` · ${summaryText(a.scoreType, a.summary, levels)}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p class="muted achievements-note">{t('achievements:noRanking')}</p>
    </>
  );
}

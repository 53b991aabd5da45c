import { href, useRoute } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import { loadAchievementsData } from '../../db/repo/achievements';
import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { ClassNotFound } from '../classes/ClassNotFound';
import { AssessmentDetail } from './AssessmentDetail';
import { AssessmentList } from './AssessmentList';
import { NewAssessment } from './NewAssessment';
import { NoPupils } from './NoPupils';
import { listHref } from './scoreText';
import './achievements.css';

/**
 * Measured results of a class. One route, three views picked by the query: the list,
 * `?new=1` (enter a result for the whole class) and `?date&type&label` (one assessment), so the
 * browser's back button and a reload keep the teacher where they were.
 */
export function AchievementsScreen({ classId }: { classId: string }) {
  const { query } = useRoute();
  const view = useLiveQuery(() => loadAchievementsData(classId), [classId]);

  if (view === null) return <ClassNotFound />;
  if (view === undefined) {
    return (
      <Screen title={t('common:loading')} back={href('class', classId)}>
        <p class="loading">{t('common:loading')}</p>
      </Screen>
    );
  }

  if (query.has('new')) {
    return (
      <Screen title={t('achievements:new.title', { name: view.cls.name })} back={listHref(classId)}>
        {view.pupils.length > 0 ? <NewAssessment view={view} /> : <NoPupils classId={classId} />}
      </Screen>
    );
  }

  const date = query.get('date');
  const label = query.get('label');
  const type = query.get('type');
  if (date !== null && label !== null && type !== null) {
    const assessment = view.assessments.find(
      (a) => a.date === date && a.label === label && a.scoreType === type,
    );
    return (
      <Screen title={assessment?.label ?? t('achievements:detail.gone')} back={listHref(classId)}>
        {assessment ? (
          <AssessmentDetail view={view} assessment={assessment} />
        ) : (
          <p class="card">
            {t('achievements:detail.goneBody')}{' '}
            <a href={listHref(classId)}>{t('achievements:detail.toList')}</a>
          </p>
        )}
      </Screen>
    );
  }

  return (
    <Screen title={t('achievements:title', { name: view.cls.name })} back={href('class', classId)}>
      <AssessmentList view={view} />
    </Screen>
  );
}

import { href } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import { getClass } from '../../db/repo/classes';
import { listPupils } from '../../db/repo/pupils';
import { t } from '../../i18n';
import { Screen } from '../../ui/Screen';
import { ExpectationNudge } from '../expectations/ExpectationNudge';
import { ActiveIntentions } from '../intentions/ActiveIntentions';
import { LessonList } from '../logging/LessonList';
import { PromptList } from '../prompts/PromptList';
import { ClassActions } from './ClassActions';
import { ClassNotFound } from './ClassNotFound';
import './classes.css';

/** The class's hub: start or catch up on a lesson, and reach everything else about the class. */
export function ClassScreen({ classId }: { classId: string }) {
  // null = known to be missing; undefined = still loading.
  const cls = useLiveQuery(async () => (await getClass(classId)) ?? null, [classId]);
  const pupils = useLiveQuery(() => listPupils(classId), [classId]);

  if (cls === null) return <ClassNotFound />;
  if (cls === undefined || pupils === undefined) {
    return (
      <Screen title={t('common:loading')} back="#/">
        <p class="loading">{t('common:loading')}</p>
      </Screen>
    );
  }

  const link = (...rest: string[]) => href('class', cls.id, ...rest);
  const hasPupils = pupils.length > 0;
  const groups = [
    {
      id: 'class',
      heading: t('classes:nav.heading'),
      items: [
        { to: link('pupils'), label: t('classes:nav.pupils'), extra: String(pupils.length) },
        { to: link('seating'), label: t('classes:nav.seating') },
        { to: link('lenses'), label: t('classes:nav.lenses') },
        { to: link('banking'), label: t('classes:nav.banking') },
      ],
    },
    {
      id: 'picture',
      heading: t('classes:nav.pictureHeading'),
      items: [
        { to: link('expectations'), label: t('classes:nav.expectations') },
        { to: link('achievements'), label: t('classes:nav.achievements') },
        { to: link('relationships'), label: t('classes:nav.relationships') },
      ],
    },
    {
      id: 'reflect',
      heading: t('classes:nav.reflectHeading'),
      items: [
        { to: link('insights'), label: t('classes:nav.insights') },
        { to: link('intentions'), label: t('classes:nav.intentions') },
        { to: link('journal'), label: t('classes:nav.journal') },
        { to: link('share'), label: t('classes:nav.share') },
        { to: link('sheet'), label: t('classes:nav.sheet') },
      ],
    },
  ];

  return (
    <Screen title={cls.name} back="#/">
      <p class="class-meta">
        {cls.isDemo ? <span class="badge">{t('classes:badge.demo')}</span> : null}
        {cls.archivedAt ? (
          <span class="badge badge-archived">{t('classes:badge.archived')}</span>
        ) : null}
        <span class="muted">
          {[cls.yearLabel, t('classes:pupilCount', { count: pupils.length })]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </p>

      {hasPupils ? (
        <>
          <div class="lesson-actions">
            <a class="button primary big-action" href={link('lesson', 'new')}>
              {t('classes:startLesson')}
            </a>
            <a class="button" href={link('after')}>
              {t('classes:logAfter')}
            </a>
          </div>
          <ExpectationNudge classId={cls.id} />
          <ActiveIntentions classId={cls.id} />
        </>
      ) : (
        <section class="card first-pupils" aria-labelledby="first-pupils-heading">
          <h2 id="first-pupils-heading">{t('classes:firstPupils.heading')}</h2>
          <p>{t('classes:firstPupils.body')}</p>
          <a class="button primary big-action" href={link('pupils')}>
            {t('classes:firstPupils.action')}
          </a>
        </section>
      )}

      {groups.map((group) => (
        <nav key={group.id} aria-labelledby={`class-nav-${group.id}`}>
          <h2 id={`class-nav-${group.id}`}>{group.heading}</h2>
          <ul class="class-nav">
            {group.items.map((item) => (
              <li key={item.to}>
                <a href={item.to}>
                  <span>{item.label}</span>
                  {'extra' in item && item.extra ? (
                    <span class="class-nav-extra">{item.extra}</span>
                  ) : null}
                  <span class="class-nav-chevron" aria-hidden="true">
                    ›
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ))}

      {hasPupils ? <PromptList classId={cls.id} /> : null}

      <LessonList classId={cls.id} />

      <ClassActions cls={cls} />
    </Screen>
  );
}

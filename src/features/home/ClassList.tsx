import { href } from '../../ui/router';
import type { ClassSummary } from '../../domain/classList';
import { t } from '../../i18n';

function ClassLink({ summary }: { summary: ClassSummary }) {
  const { cls, pupilCount } = summary;
  const details = [cls.yearLabel, t('home:classes.pupilCount', { count: pupilCount })]
    .filter(Boolean)
    .join(' · ');
  return (
    <li>
      <a class="class-link" href={href('class', cls.id)}>
        <span class="class-link-title">
          <span class="class-link-name">{cls.name}</span>
          {cls.isDemo ? <span class="badge">{t('home:classes.demo')}</span> : null}
        </span>
        <span class="class-link-details">{details}</span>
        <span class="class-link-chevron" aria-hidden="true">
          ›
        </span>
      </a>
    </li>
  );
}

/** The classes as big tappable rows: name, year, number of pupils, and a text badge for the demo. */
export function ClassList({ summaries }: { summaries: ClassSummary[] }) {
  return (
    <ul class="class-list">
      {summaries.map((s) => (
        <ClassLink key={s.cls.id} summary={s} />
      ))}
    </ul>
  );
}

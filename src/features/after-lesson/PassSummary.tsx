import { useEffect, useRef } from 'preact/hooks';
import type { AfterLessonView } from '../../db/repo/afterLesson';
import { t } from '../../i18n';
import { notSpokenTo, spokenSummary } from './pass';

/** Up to this many names are listed; a longer list would read as a reproach. */
const NAMES_SHOWN = 5;

interface PassSummaryProps {
  view: AfterLessonView;
  onClose: () => void;
}

/** The end of the pass: what the teacher recorded, in words that describe and do not judge. */
export function PassSummary({ view, onClose }: PassSummaryProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const ids = view.pupils.map((p) => p.id);
  const { spoken, present } = spokenSummary(ids, view.counts, view.absentIds);
  const missed = notSpokenTo(ids, view.counts, view.absentIds);
  const names = view.pupils.filter((p) => missed.includes(p.id)).map((p) => p.name);
  return (
    <section class="card pass-card" aria-labelledby="pass-summary">
      <h2 id="pass-summary" ref={heading} tabIndex={-1}>
        {t('after:summary.title')}
      </h2>
      <p class="pass-summary-main">
        {present === 0
          ? t('after:summary.nobodyPresent')
          : t('after:summary.spoken', { spoken, count: present })}
      </p>
      {present > 0 && spoken === present ? <p>{t('after:summary.everyone')}</p> : null}
      {names.length > 0 && names.length <= NAMES_SHOWN ? (
        <p>{t('after:summary.nextTime', { names: names.join(', ') })}</p>
      ) : null}
      {names.length > NAMES_SHOWN ? (
        <p>{t('after:summary.nextTimeMany', { count: names.length })}</p>
      ) : null}
      <p class="muted">{t('after:summary.note')}</p>
      <button type="button" class="primary" onClick={onClose}>
        {t('after:summary.back')}
      </button>
    </section>
  );
}

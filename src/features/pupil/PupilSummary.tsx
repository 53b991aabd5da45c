import type { PupilTimelineData } from '../../db/repo/pupilPage';
import { INTERACTION_KINDS, KIND_INFO } from '../../model/kinds';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { expectationWithSure, relationshipExtrasText, relationshipText, scoreText } from './text';
import type { KindCounts, TimelineSummary } from './timeline';

/** Totals per kind: symbol and short label, zeros included (a zero is worth seeing too). */
export function KindTotals({ counts, hideZeros }: { counts: KindCounts; hideZeros?: boolean }) {
  // An opt-in kind (the greeting) shows once it was used: no zero for what nobody logs.
  const kinds = INTERACTION_KINDS.filter(
    (k) => (!hideZeros && !KIND_INFO[k].optIn) || counts[k] > 0,
  );
  return (
    <ul class="kind-chips">
      {kinds.map((kind) => (
        <li key={kind} class={`kind-chip kind-${KIND_INFO[kind].valence}`}>
          <span aria-hidden="true" class="kind-chip-symbol">
            {KIND_INFO[kind].symbol}
          </span>
          <span class="kind-chip-label">{t(`kinds:${kind}.short`)}</span>
          <span class="kind-chip-count">{counts[kind]}</span>
        </li>
      ))}
    </ul>
  );
}

/** Corrections with "where" marked, and how many of them were in front of the class. */
function correctionAudience(events: PupilTimelineData['events']) {
  let marked = 0;
  let publicCount = 0;
  for (const e of events) {
    if (e.audience === undefined) continue;
    marked++;
    if (e.audience === 'class') publicCount++;
  }
  return { marked, publicCount };
}

/** A fact with the date it was recorded on its own line. */
function Dated({ text, date }: { text: string; date: string }) {
  return (
    <>
      {text}
      <span class="fact-date">{t('pupil:summary.on', { date: formatDate(date, 'short') })}</span>
    </>
  );
}

/** The compact overview at the top of the pupil page. */
export function PupilSummary({
  data,
  summary,
}: {
  data: PupilTimelineData;
  summary: TimelineSummary;
}) {
  const scale = data.cls.expectationScale;
  const { currentExpectation: expectation, latestAchievement: result } = summary;
  const relationship = summary.latestRelationship;
  const audience = correctionAudience(data.events);
  const lensValues = data.lenses.flatMap((lens) => {
    const value = lens.values.find((v) => v.id === data.pupil.lensValues[lens.id]);
    return value ? [`${lens.name}: ${value.label}`] : [];
  });
  return (
    <section class="card pupil-summary" aria-labelledby="pupil-summary-heading">
      <h2 id="pupil-summary-heading">{t('pupil:summary.heading')}</h2>
      {summary.firstDate && summary.lastDate ? (
        <p class="muted pupil-period">
          {t('pupil:summary.period', {
            from: formatDate(summary.firstDate, 'short'),
            to: formatDate(summary.lastDate, 'short'),
          })}
        </p>
      ) : null}
      <dl class="pupil-facts">
        <div>
          <dt>{t('pupil:summary.lessons')}</dt>
          <dd>
            {t('pupil:summary.lessonsValue', {
              count: summary.lessonsPresent,
              absent: summary.lessonsAbsent,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('pupil:summary.banking')}</dt>
          <dd>
            {summary.bankingSessions > 0
              ? t('pupil:summary.bankingValue', {
                  count: summary.bankingSessions,
                  minutes: summary.bankingMinutes,
                })
              : t('pupil:summary.none')}
          </dd>
        </div>
        <div>
          <dt>{t('pupil:summary.expectation')}</dt>
          <dd>
            {expectation ? (
              <Dated text={expectationWithSure(expectation)} date={expectation.date} />
            ) : (
              t('pupil:summary.notRated')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('pupil:summary.achievement')}</dt>
          <dd>
            {result ? (
              <Dated
                text={t('pupil:summary.result', {
                  label: result.label,
                  score: scoreText(scale, result.scoreType, result.score),
                })}
                date={result.date}
              />
            ) : (
              t('pupil:summary.none')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('pupil:summary.relationship')}</dt>
          <dd>
            {relationship ? (
              <Dated
                text={[relationshipText(relationship), relationshipExtrasText(relationship)]
                  .filter(Boolean)
                  .join(' · ')}
                date={relationship.date}
              />
            ) : (
              t('pupil:summary.notRated')
            )}
          </dd>
        </div>
        {audience.marked > 0 ? (
          <div>
            <dt>{t('pupil:pupilSide.corrections')}</dt>
            <dd>
              {t('pupil:pupilSide.correctionsValue', {
                count: audience.marked,
                publicCount: audience.publicCount,
              })}
            </dd>
          </div>
        ) : null}
        {lensValues.length > 0 ? (
          <div>
            <dt>{t('pupil:summary.lenses')}</dt>
            <dd>{lensValues.join(' · ')}</dd>
          </div>
        ) : null}
      </dl>
      <h3 class="pupil-totals-heading">
        {t('pupil:summary.interactions', { count: summary.totalInteractions })}
      </h3>
      <KindTotals counts={summary.totals} />
    </section>
  );
}

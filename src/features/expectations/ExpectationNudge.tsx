import { useState } from 'preact/hooks';
import { href } from '../../ui/router';
import { useLiveQuery } from '../../db/hooks';
import { expectationNudgeInfo } from '../../db/repo/expectations';
import { toIsoDate } from '../../domain/dates';
import { ratingRoundDue } from '../../domain/scales';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import './nudge.css';

/** "Not now" keeps the nudge away this long (a device-local preference, not pupil data). */
const SNOOZE_DAYS = 14;
const snoozeKey = (classId: string) => `spiegel.expectationNudge.${classId}`;

function snoozedUntil(classId: string): string | null {
  try {
    return localStorage.getItem(snoozeKey(classId));
  } catch {
    return null;
  }
}

function snooze(classId: string, now: Date): void {
  const until = new Date(now);
  until.setDate(until.getDate() + SNOOZE_DAYS);
  try {
    localStorage.setItem(snoozeKey(classId), toIsoDate(until));
  } catch {
    // Private mode: the nudge stays away for this visit only (component state below).
  }
}

/**
 * A gentle suggestion on the class screen to do a round of expectations: when there has never
 * been one, or when the last one is more than eight weeks old — how the picture changes is the
 * point. Shows nothing for a class without pupils or while snoozed.
 */
export function ExpectationNudge({ classId }: { classId: string }) {
  const [today] = useState(() => toIsoDate(new Date()));
  const [hidden, setHidden] = useState(() => (snoozedUntil(classId) ?? '') > today);
  const info = useLiveQuery(() => expectationNudgeInfo(classId), [classId]);
  if (hidden || !info || info.pupilCount === 0) return null;
  const due = ratingRoundDue(info.lastRound, today);
  if (!due.due) return null;
  return (
    <aside class="card exp-nudge" aria-labelledby="exp-nudge-title">
      <h2 id="exp-nudge-title">{t('expectations:nudge.title')}</h2>
      <p>
        {due.reason === 'first' || !info.lastRound
          ? t('expectations:nudge.first')
          : t('expectations:nudge.again', { date: formatDate(info.lastRound), weeks: due.weeks })}
      </p>
      <div class="row">
        <a class="button primary" href={href('class', classId, 'expectations')}>
          {t('expectations:nudge.action')}
        </a>
        <button
          type="button"
          onClick={() => {
            snooze(classId, new Date());
            setHidden(true);
          }}
        >
          {t('expectations:nudge.later')}
        </button>
      </div>
    </aside>
  );
}

import { useMemo, useState } from 'preact/hooks';
import { useReadOnce } from '../../db/hooks';
import { loadRecentTurnsData } from '../../db/repo/recentTurns';
import { suggestNext, WHO_NEXT_RECENT_LESSONS } from '../../analysis/whoNext';
import type { Id } from '../../model/types';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import type { LiveLessonStore } from './liveStore';
import type { TilePupil } from './PupilTile';
import { Sheet } from './Sheet';

export function WhoNextButton({ onOpen }: { onOpen: () => void }) {
  return (
    <button type="button" class="missed-button who-next-button" onClick={onOpen}>
      {t('logging:whoNext.button')}
    </button>
  );
}

interface WhoNextSheetProps {
  lessonId: Id;
  store: LiveLessonStore;
  pupils: readonly TilePupil[];
  /** Logs a turn for the pupil, marked as called on. */
  onAccept: (pupilId: Id) => void;
  onClose: () => void;
}

/**
 * "Who next?": a draw weighted by the teacher's own record (fewer turns in this lesson and in
 * recent lessons: more likely), with the reason and the counts. Passing over a pupil draws again
 * among the others; accepting logs a turn marked "called on".
 */
export function WhoNextSheet({ lessonId, store, pupils, onAccept, onClose }: WhoNextSheetProps) {
  const recent = useReadOnce(
    () => loadRecentTurnsData(lessonId, WHO_NEXT_RECENT_LESSONS),
    `${lessonId}|who-next`,
  );
  const [skip, setSkip] = useState<ReadonlySet<Id>>(new Set());
  const [u, setU] = useState(() => Math.random());
  const suggestion = useMemo(() => {
    if (!recent) return undefined;
    const present = pupils.filter((p) => !store.snapshot(p.id).absent).map((p) => p.id);
    const turnsNow = new Map(present.map((id) => [id, store.snapshot(id).counts.turn ?? 0]));
    return suggestNext({ present, turnsNow, recent, skip }, u);
  }, [recent, pupils, store, skip, u]);

  const name = suggestion ? (pupils.find((p) => p.id === suggestion.pupilId)?.name ?? '?') : '';
  return (
    <Sheet title={t('logging:whoNext.title')} onClose={onClose}>
      {suggestion === undefined ? (
        <p>{t('common:loading')}</p>
      ) : suggestion === null ? (
        <p class="sheet-note">{t('logging:whoNext.nobody')}</p>
      ) : (
        <div class="who-next">
          <p class="who-next-name" aria-live="polite">
            {t('logging:whoNext.maybe', { name })}
          </p>
          <ul class="who-next-why">
            <li>
              {suggestion.turnsNow === 0
                ? t('logging:whoNext.noTurnYet', { name })
                : t('logging:whoNext.turnsNow', { count: suggestion.turnsNow, name })}
            </li>
            <li>
              {suggestion.recent.lessons === 0
                ? t('logging:whoNext.noRecent', { name })
                : t('logging:whoNext.recent', {
                    count: suggestion.recent.turns,
                    lessons: suggestion.recent.lessons,
                    name,
                  })}
              {suggestion.classRate !== null
                ? ' ' +
                  t('logging:whoNext.classRate', {
                    rate: formatNumber(suggestion.classRate, 1),
                  })
                : ''}
            </li>
          </ul>
          <p class="muted">{t('logging:whoNext.how')}</p>
          <div class="who-next-actions">
            <button
              type="button"
              class="primary"
              onClick={() => {
                onAccept(suggestion.pupilId);
                onClose();
              }}
            >
              {t('logging:whoNext.accept', { name })}
            </button>
            <button
              type="button"
              onClick={() => {
                setSkip(new Set([...skip, suggestion.pupilId]));
                setU(Math.random());
              }}
            >
              {t('logging:whoNext.other')}
            </button>
          </div>
        </div>
      )}
    </Sheet>
  );
}

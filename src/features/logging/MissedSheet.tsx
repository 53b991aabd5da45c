import { useState } from 'preact/hooks';
import { KIND_INFO } from '../../model/kinds';
import { t } from '../../i18n';
import type { LiveLessonStore } from './liveStore';
import type { TilePupil } from './PupilTile';
import { Sheet } from './Sheet';
import { usePupilSnapshot, useStoreVersion } from './useLiveStore';

/** Present pupils with nothing logged yet, in seating order. */
export function missedPupils(store: LiveLessonStore, pupils: readonly TilePupil[]): TilePupil[] {
  return pupils.filter((p) => {
    const s = store.snapshot(p.id);
    return !s.absent && s.total === 0;
  });
}

interface MissedProps {
  store: LiveLessonStore;
  pupils: readonly TilePupil[];
}

/** The bar's hint after the lesson: who has nothing yet, by (short) name. */
export function MissedHint({ store, pupils }: MissedProps) {
  useStoreVersion(store);
  const missed = missedPupils(store, pupils);
  if (missed.length === 0) return <>{t('after:grid.everyone')}</>;
  return (
    <>
      {t('after:grid.missed', { count: missed.length })}{' '}
      <span class="pupil-names">
        {missed.map((p, i) => (
          <span key={p.id}>
            {i > 0 ? ', ' : ''}
            <span class="pupil-name">{p.short}</span>
          </span>
        ))}
      </span>
    </>
  );
}

/** The bar's button that opens the "whom did I not speak to?" list. */
export function MissedButton({ store, pupils, onOpen }: MissedProps & { onOpen: () => void }) {
  useStoreVersion(store);
  const count = missedPupils(store, pupils).length;
  return (
    <button
      type="button"
      class="missed-button"
      aria-label={t('after:grid.passButtonLabel', { count })}
      onClick={onOpen}
    >
      {t('after:grid.passButton')}
      <span class="missed-count">{count}</span>
    </button>
  );
}

interface RowProps {
  pupil: TilePupil;
  store: LiveLessonStore;
  onTurn: (pupilId: string) => void;
  onMore: (pupilId: string) => void;
  onAbsent: (pupilId: string) => void;
}

function MissedRow({ pupil, store, onTurn, onMore, onAbsent }: RowProps) {
  const snap = usePupilSnapshot(store, pupil.id);
  const done = snap.absent || snap.total > 0;
  return (
    <li class={done ? 'missed-row is-done' : 'missed-row'}>
      <span class="missed-name pupil-name">{pupil.name}</span>
      {done ? (
        <span class="missed-done">
          {snap.absent ? t('logging:tile.absent') : t('after:grid.done', { count: snap.total })}
        </span>
      ) : (
        <span class="missed-actions">
          <button
            type="button"
            aria-label={t('after:grid.turnFor', { name: pupil.name })}
            onClick={() => onTurn(pupil.id)}
          >
            <span aria-hidden="true">{KIND_INFO.turn.symbol}</span>
            {t('kinds:turn.short')}
          </button>
          <button
            type="button"
            aria-label={t('logging:tile.more', { name: pupil.name })}
            onClick={() => onMore(pupil.id)}
          >
            •••
          </button>
          <button
            type="button"
            aria-label={t('after:absentFor', { name: pupil.name })}
            onClick={() => onAbsent(pupil.id)}
          >
            {t('after:absent')}
          </button>
        </span>
      )}
    </li>
  );
}

/**
 * "Whom did I not speak to?": every present pupil with nothing logged, by full name, each with a
 * turn in one tap, the other kinds, or absent. The list is fixed when it opens, so nobody jumps
 * away under the teacher's thumb; a pupil given something stays, marked done.
 */
export function MissedSheet({
  store,
  pupils,
  onTurn,
  onMore,
  onAbsent,
  onClose,
}: MissedProps & Omit<RowProps, 'pupil' | 'store'> & { onClose: () => void }) {
  const [queue] = useState(() => missedPupils(store, pupils));
  return (
    <Sheet title={t('after:pass.start')} onClose={onClose}>
      {queue.length === 0 ? (
        <p class="sheet-note">{t('after:grid.everyone')}</p>
      ) : (
        <>
          <p class="sheet-note">{t('after:grid.passIntro', { count: queue.length })}</p>
          <ul class="list missed-list">
            {queue.map((p) => (
              <MissedRow
                key={p.id}
                pupil={p}
                store={store}
                onTurn={onTurn}
                onMore={onMore}
                onAbsent={onAbsent}
              />
            ))}
          </ul>
        </>
      )}
    </Sheet>
  );
}

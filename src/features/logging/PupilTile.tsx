import { useEffect, useRef } from 'preact/hooks';
import type { KindCounts } from '../../db/repo/events';
import { INTERACTION_KINDS, KIND_INFO } from '../../model/kinds';
import { t } from '../../i18n';
import type { LiveLessonStore, PupilSnapshot } from './liveStore';
import { usePupilSnapshot } from './useLiveStore';

export interface TilePupil {
  id: string;
  name: string;
}

interface PupilTileProps {
  pupil: TilePupil;
  row: number;
  col: number;
  store: LiveLessonStore;
  onTap: (pupilId: string) => void;
  onMore: (pupilId: string) => void;
}

/** What a screen reader hears for a tile: name, total, counts per kind, and status. */
export function tileLabel(name: string, snap: PupilSnapshot): string {
  const parts = INTERACTION_KINDS.filter((k) => (snap.counts[k] ?? 0) > 0).map((k) =>
    t(`kinds:${k}.count`, { count: snap.counts[k] ?? 0 }),
  );
  const summary =
    snap.total === 0
      ? t('logging:tile.notYet')
      : t('logging:tile.summary', { count: snap.total, details: parts.join(', ') });
  return snap.absent
    ? t('logging:tile.labelAbsent', { name, summary })
    : t('logging:tile.label', { name, summary });
}

function MiniCounts({ counts }: { counts: KindCounts }) {
  const shown = INTERACTION_KINDS.filter((k) => (counts[k] ?? 0) > 0);
  if (shown.length === 0) return null;
  return (
    <span class="tile-kinds" aria-hidden="true">
      {shown.map((k) => (
        <span key={k} class={`tile-kind kind-${KIND_INFO[k].valence}`}>
          {KIND_INFO[k].symbol}
          {counts[k]}
        </span>
      ))}
    </span>
  );
}

/** Longer names get a smaller font so they fit a phone-width tile without breaking mid-word. */
function nameSize(name: string): string {
  const longestWord = Math.max(...name.split(/\s+/).map((w) => w.length));
  return longestWord >= 9 ? ' name-xs' : longestWord >= 7 ? ' name-s' : '';
}

/** A pupil's tile: one tap logs a turn; "more" opens the other kinds. */
export function PupilTile({ pupil, row, col, store, onTap, onMore }: PupilTileProps) {
  const snap = usePupilSnapshot(store, pupil.id);
  const flash = useRef<HTMLSpanElement>(null);
  const shownTotal = useRef(snap.total);
  useEffect(() => {
    // A short flash when the count goes up. Opacity only, so the compositor runs it and the
    // next tap never waits for it.
    if (snap.total > shownTotal.current) {
      flash.current?.animate?.([{ opacity: 0.9 }, { opacity: 0 }], {
        duration: 500,
        easing: 'ease-out',
      });
    }
    shownTotal.current = snap.total;
  }, [snap.total]);

  const notYet = !snap.absent && snap.total === 0;
  const cls = `tile${snap.absent ? ' is-absent' : ''}${notYet ? ' is-new' : ''}`;
  return (
    <div class={cls} data-saving={snap.saving > 0 ? 'true' : undefined}>
      <span ref={flash} class="tile-flash" aria-hidden="true" />
      <button
        type="button"
        class="tile-main"
        data-pupil-id={pupil.id}
        data-row={row}
        data-col={col}
        aria-label={tileLabel(pupil.name, snap)}
        onClick={() => onTap(pupil.id)}
      >
        <span class={`tile-name${nameSize(pupil.name)}`}>{pupil.name}</span>
        <span class="tile-total" data-total={snap.total}>
          {snap.total}
        </span>
        {snap.absent ? (
          <span class="tile-status">{t('logging:tile.absent')}</span>
        ) : notYet ? (
          <span class="tile-status tile-new">{t('logging:tile.new')}</span>
        ) : (
          <MiniCounts counts={snap.counts} />
        )}
      </button>
      <button
        type="button"
        class="tile-more"
        aria-label={t('logging:tile.more', { name: pupil.name })}
        onClick={() => onMore(pupil.id)}
      >
        <span aria-hidden="true">•••</span>
      </button>
    </div>
  );
}

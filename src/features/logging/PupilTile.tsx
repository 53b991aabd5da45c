import type { SparseKindCounts } from '../../db/repo/events';
import { INTERACTION_KINDS, KIND_INFO } from '../../model/kinds';
import { t } from '../../i18n';
import type { LiveLessonStore, PupilSnapshot } from './liveStore';
import { usePupilSnapshot } from './useLiveStore';

export interface TilePupil {
  id: string;
  /** The full name: what a screen reader hears and the sheet shows. */
  name: string;
  /** The short name drawn on the tile, distinct within the class ("Daan K."). */
  short: string;
}

interface PupilTileProps {
  pupil: TilePupil;
  row: number;
  col: number;
  /** The one tile in the Tab order when the grid opens (roving focus moves it later). */
  first: boolean;
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

/** The kinds other than turns, as symbol + count: the turns are the big number above. */
function MiniCounts({ counts }: { counts: SparseKindCounts }) {
  const shown = INTERACTION_KINDS.filter((k) => k !== 'turn' && (counts[k] ?? 0) > 0);
  if (shown.length === 0) return null;
  return (
    <span class="tile-kinds">
      {shown.map((k) => (
        <span key={k} class={`tile-kind kind-${KIND_INFO[k].valence}`}>
          {KIND_INFO[k].symbol}
          {counts[k]}
        </span>
      ))}
    </span>
  );
}

/** Longer names get a smaller font, so more of them fits a phone-width tile on one line. */
function nameSize(name: string): string {
  const length = [...name].length;
  return length >= 8 ? ' name-xs' : length >= 6 ? ' name-s' : '';
}

/**
 * A pupil's tile: the upper button logs a turn in one tap; the lower one opens the other kinds
 * and shows their counts. Both are at least 44 px tall. Only the upper one is in the Tab order
 * (the grid has one Tab stop); the keyboard reaches "more" with a shortcut.
 */
export function PupilTile({ pupil, row, col, first, store, onTap, onMore }: PupilTileProps) {
  const snap = usePupilSnapshot(store, pupil.id);
  const notYet = !snap.absent && snap.total === 0;
  const cls = `tile${snap.absent ? ' is-absent' : ''}${notYet ? ' is-new' : ''}`;
  return (
    <div class={cls} data-saving={snap.saving > 0 ? 'true' : undefined}>
      <button
        type="button"
        class="tile-main"
        data-pupil-id={pupil.id}
        data-row={row}
        data-col={col}
        tabIndex={first ? 0 : -1}
        aria-label={tileLabel(pupil.name, snap)}
        onClick={() => onTap(pupil.id)}
      >
        <span class={`tile-name${nameSize(pupil.short)}`}>{pupil.short}</span>
        <span class="tile-total" data-total={snap.total}>
          {snap.total}
        </span>
      </button>
      <button
        type="button"
        class="tile-more"
        tabIndex={-1}
        aria-label={t('logging:tile.more', { name: pupil.name })}
        onClick={() => onMore(pupil.id)}
      >
        {snap.absent ? (
          <span class="tile-status">{t('logging:tile.absent')}</span>
        ) : notYet ? (
          <span class="tile-status tile-new">{t('logging:tile.new')}</span>
        ) : (
          <MiniCounts counts={snap.counts} />
        )}
        <span class="tile-dots" aria-hidden="true">
          •••
        </span>
      </button>
    </div>
  );
}

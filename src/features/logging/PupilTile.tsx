import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { SparseKindCounts } from '../../db/repo/events';
import { INTERACTION_KINDS, KIND_INFO } from '../../model/kinds';
import { t } from '../../i18n';
import type { LiveLessonStore, PupilSnapshot } from './liveStore';
import { useTileSnapshot } from './useLiveStore';

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
 * Keeps the tile's accessible name (name, counts, status) on `button`. Built with the tile, then
 * after each change once the frame is painted: a tap's frame draws only the new count (the label's
 * translations cost more than the rest of the tile's render on a slow phone), and what was logged
 * is said by the live region.
 */
function useTileLabel(
  button: { current: HTMLButtonElement | null },
  name: string,
  snap: PupilSnapshot,
): void {
  const labelled = useRef<{ name: string; snap: PupilSnapshot } | null>(null);
  const apply = () => {
    const now = labelled.current;
    if (!button.current || (now?.name === name && now.snap === snap)) return;
    button.current.setAttribute('aria-label', tileLabel(name, snap));
    labelled.current = { name, snap };
  };
  // No dependency lists: both return at once when the label is up to date.
  useLayoutEffect(() => {
    if (labelled.current === null) apply();
  });
  useEffect(apply);
}

/**
 * A pupil's tile: the upper button logs a turn in one tap; the lower one opens the other kinds
 * and shows their counts. Both are at least 44 px tall. Only the upper one is in the Tab order
 * (the grid has one Tab stop); the keyboard reaches "more" with a shortcut.
 */
export function PupilTile({ pupil, row, col, first, store, onTap, onMore }: PupilTileProps) {
  const main = useRef<HTMLButtonElement>(null);
  const tile = useRef<HTMLDivElement>(null);
  const total = useRef<HTMLSpanElement>(null);
  const elements = useMemo(() => ({ tile, total }), []);
  const snap = useTileSnapshot(store, pupil.id, elements);
  useTileLabel(main, pupil.name, snap);
  const notYet = !snap.absent && snap.total === 0;
  const cls = `tile${snap.absent ? ' is-absent' : ''}${notYet ? ' is-new' : ''}`;
  return (
    <div class={cls} data-saving={snap.saving > 0 ? 'true' : undefined} ref={tile}>
      <button
        type="button"
        class="tile-main"
        data-pupil-id={pupil.id}
        data-row={row}
        data-col={col}
        ref={main}
        tabIndex={first ? 0 : -1}
        onClick={() => onTap(pupil.id)}
      >
        <span class={`tile-name${nameSize(pupil.short)}`}>{pupil.short}</span>
        <span class="tile-total" data-total={snap.total} ref={total}>
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

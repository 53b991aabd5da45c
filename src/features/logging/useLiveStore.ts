import { useEffect, useState } from 'preact/hooks';
import type { Id } from '../../model/types';
import { afterNextPaint } from '../../ui/afterPaint';
import type { LiveLessonStore, PupilSnapshot } from './liveStore';

/** One tile's counts: re-renders only when this pupil's snapshot changes. */
export function usePupilSnapshot(store: LiveLessonStore, pupilId: Id): PupilSnapshot {
  const [snap, setSnap] = useState(() => store.snapshot(pupilId));
  useEffect(() => {
    setSnap(store.snapshot(pupilId));
    return store.subscribePupil(pupilId, () => setSnap(store.snapshot(pupilId)));
  }, [store, pupilId]);
  return snap;
}

/** The elements of a tile that a change reaches before the tile's render (`useTileSnapshot`). */
export interface TileElements {
  /** The tile: carries `data-saving="true"` while a write is under way. */
  tile: { current: HTMLElement | null };
  /** The count: its text node holds the total. */
  total: { current: HTMLElement | null };
}

/** Writes the count and the saving mark into the tile as drawn (before Preact's render). */
function drawAtOnce({ tile, total }: TileElements, snap: PupilSnapshot): void {
  // Into the text node Preact drew (not textContent, which would replace it): its render after
  // the paint finds the same text there, and the same attributes.
  const count = String(snap.total);
  const text = total.current?.firstChild;
  if (total.current && text?.nodeType === Node.TEXT_NODE && text.nodeValue !== count) {
    text.nodeValue = count;
    total.current.dataset.total = count;
  }
  if (tile.current) {
    if (snap.saving > 0) tile.current.dataset.saving = 'true';
    else delete tile.current.dataset.saving;
  }
}

/**
 * A tile's snapshot. On a change the count and the saving mark are written into the tile at once,
 * and the tile re-renders (status, other kinds) after the frame that shows them has been painted.
 * A tap's frame then holds a text change, not a component's render: on a slow phone that render
 * cost more than everything else the tap does before its frame.
 */
export function useTileSnapshot(
  store: LiveLessonStore,
  pupilId: Id,
  elements: TileElements,
): PupilSnapshot {
  const [snap, setSnap] = useState(() => store.snapshot(pupilId));
  useEffect(() => {
    let alive = true;
    let queued = false;
    setSnap(store.snapshot(pupilId));
    const off = store.subscribePupil(pupilId, () => {
      drawAtOnce(elements, store.snapshot(pupilId));
      if (queued) return;
      queued = true;
      afterNextPaint(() => {
        queued = false;
        if (alive) setSnap(store.snapshot(pupilId));
      });
    });
    return () => {
      alive = false;
      off();
    };
  }, [store, pupilId, elements]);
  return snap;
}

/**
 * Re-renders on store changes; for the small bars, never for the grid. The re-render waits until
 * the frame that shows a tap has been painted (the tile's count first, the bars a frame later),
 * and changes within one frame are drawn once.
 */
export function useStoreVersion(store: LiveLessonStore): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let alive = true;
    let queued = false;
    const off = store.subscribe(() => {
      if (queued) return;
      queued = true;
      afterNextPaint(() => {
        queued = false;
        if (alive) setVersion((v) => v + 1);
      });
    });
    return () => {
      alive = false;
      off();
    };
  }, [store]);
  return version;
}

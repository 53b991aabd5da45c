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

/**
 * A tile's snapshot, for a tile that draws its count in `total`: on a change the count is written
 * into that element at once, and the tile re-renders (status, other kinds, saving) after the frame
 * that shows it has been painted. A tap's frame then holds a text change, not a component's render:
 * on a slow phone that render cost more than everything else the tap does before its frame.
 */
export function useTileSnapshot(
  store: LiveLessonStore,
  pupilId: Id,
  total: { current: HTMLElement | null },
): PupilSnapshot {
  const [snap, setSnap] = useState(() => store.snapshot(pupilId));
  useEffect(() => {
    let alive = true;
    let queued = false;
    setSnap(store.snapshot(pupilId));
    const off = store.subscribePupil(pupilId, () => {
      // Into the text node Preact drew (not textContent, which would replace it): its render
      // after the paint finds the same text there.
      const count = String(store.snapshot(pupilId).total);
      const el = total.current;
      const text = el?.firstChild;
      if (el && text?.nodeType === Node.TEXT_NODE && text.nodeValue !== count) {
        text.nodeValue = count;
        el.dataset.total = count;
      }
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
  }, [store, pupilId, total]);
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

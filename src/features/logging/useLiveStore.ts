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

import { useEffect, useState } from 'preact/hooks';
import type { Id } from '../../model/types';
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

/** Re-renders on every store change; for the small bars, never for the grid. */
export function useStoreVersion(store: LiveLessonStore): number {
  const [version, setVersion] = useState(0);
  useEffect(() => store.subscribe(() => setVersion((v) => v + 1)), [store]);
  return version;
}

import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { reportStorageError } from './status';

/**
 * Subscribes a component to a Dexie live query: it re-renders when the rows it read change.
 * Returns undefined while the first result is loading (or, first, what `initial` gives: a read
 * made before the component mounted). Errors go to the storage banner.
 */
export function useLiveQuery<T>(
  query: () => Promise<T>,
  deps: readonly unknown[],
  initial?: () => T | undefined,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(() => initial?.());
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (v) => setValue(() => v),
      error: (e: unknown) => {
        reportStorageError(e);
      },
    });
    return () => subscription.unsubscribe();
    // The caller states the dependencies, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}

/**
 * Reads once per `key` (not live): for screens whose own state is the truth after the first read
 * (the live lesson) or that must not change under the teacher (the reflection minute). Returns
 * undefined while reading. Errors go to the storage banner.
 */
export function useReadOnce<T>(read: () => Promise<T>, key: string): T | undefined {
  const [value, setValue] = useState<{ key: string; value: T } | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    read().then(
      (v) => {
        if (alive) setValue({ key, value: v });
      },
      (e: unknown) => {
        reportStorageError(e);
      },
    );
    return () => {
      alive = false;
    };
    // The key stands for everything `read` depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  // A value read for another key is never shown while the new one loads.
  return value?.key === key ? value.value : undefined;
}

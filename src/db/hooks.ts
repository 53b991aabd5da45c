import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClassSummary } from '../domain/classList';
import { whenIdle } from './idle';
import { takeStartRead } from './startRead';
import { reportStorageError } from './status';

// Dexie is loaded with the first live query, not with the first screen (issue 15, start-up);
// after that, the import is answered from the module cache.
const loadLiveQuery = () => import('dexie').then((m) => m.liveQuery);

/**
 * Subscribes a component to a Dexie live query whose query function is loaded first (a module
 * that reaches the database): it re-renders when the rows it read change. Returns undefined
 * while the first result is loading (or, first, what `initial` gives: a read made before the
 * component mounted). Errors go to the storage banner.
 * With a value from `initial`, the live query's first read would only repeat it: the
 * subscription then waits for an idle moment, so the screen takes a tap before it reads again
 * (the start screen, issue 15). Any change made meanwhile is in that read.
 */
export function useLazyLiveQuery<T>(
  loadQuery: () => Promise<() => Promise<T>>,
  deps: readonly unknown[],
  initial?: () => T | undefined,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(() => initial?.());
  const given = useRef(value !== undefined);
  useEffect(() => {
    let alive = true;
    let subscription: { unsubscribe(): void } | undefined;
    const subscribe = () => {
      Promise.all([loadLiveQuery(), loadQuery()]).then(([liveQuery, query]) => {
        if (!alive) return;
        subscription = liveQuery(query).subscribe({
          next: (v) => setValue(() => v),
          error: (e: unknown) => {
            reportStorageError(e);
          },
        });
      }, reportStorageError);
    };
    // A value given at mount is what the first read would return: read live from an idle moment.
    const cancel = given.current ? whenIdle(subscribe) : undefined;
    if (!cancel) subscribe();
    given.current = false;
    return () => {
      alive = false;
      cancel?.();
      subscription?.unsubscribe();
    };
    // The caller states the dependencies, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}

/** useLazyLiveQuery for a query function at hand (its module is loaded already). */
export function useLiveQuery<T>(
  query: () => Promise<T>,
  deps: readonly unknown[],
  initial?: () => T | undefined,
): T | undefined {
  return useLazyLiveQuery(() => Promise.resolve(query), deps, initial);
}

/**
 * The start screen's classes: first what was read at boot (startRead.ts), then live. The
 * classes' module, and with it Dexie, loads once the screen is ready.
 */
export function useClassSummaries(): ClassSummary[] | undefined {
  return useLazyLiveQuery(
    () => import('./repo/classes').then((m) => m.listClassSummaries),
    [],
    takeStartRead,
  );
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

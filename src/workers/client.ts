/**
 * The main thread's door to the analysis worker. One worker for the app, created on first use;
 * answers are cached per request until the data they read changes (any tab).
 */
import { appKeyring } from '../db/lock/keyring';
import { currentLockState } from '../db/lock/realm';
import { forgetLessonEvents, type LessonChanges } from '../db/eventRecordCache';
import { onInsightsDataChanged } from '../db/repo/insightsData';
import type { WorkerAnswer, WorkerMessage, WorkerReply, WorkerRequest } from './protocol';

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return (worker = null);
  }
  postLock(worker);
  appKeyring.subscribe(() => {
    if (worker) postLock(worker);
  });
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
  };
  worker.onerror = () => {
    // A worker that cannot start (or died): answer what waits in the thread from now on.
    const waiting = [...pending.values()];
    pending.clear();
    worker = null;
    for (const w of waiting) w.reject(new Error('analysis worker failed'));
  };
  return worker;
}

/** The app lock's state to the worker (its database opens encrypted fields with the key). */
function postLock(w: Worker): void {
  w.postMessage({ lock: currentLockState() } satisfies WorkerMessage);
}

async function inThread<R extends WorkerRequest>(request: R): Promise<WorkerAnswer<R>> {
  // Let the screen paint first, as the worker would.
  await new Promise((r) => setTimeout(r, 0));
  const { runTask } = await import('./tasks');
  return runTask(request);
}

let generation = 0;
let listening = false;
const cache = new Map<string, { generation: number; value: Promise<unknown>; settled?: unknown }>();
/** Lessons written since the last request went to the worker: it drops its copies of them. */
let unsent: Set<string> | 'all' = new Set();

function takeUnsent(): LessonChanges {
  const lessons = unsent === 'all' ? 'all' : [...unsent];
  unsent = new Set();
  return lessons;
}

function listen(): void {
  if (listening) return;
  listening = true;
  const forget = (lessons: LessonChanges) => {
    generation++;
    cache.clear();
    if (lessons === 'all' || unsent === 'all') unsent = 'all';
    else for (const id of lessons) unsent.add(id);
  };
  onInsightsDataChanged(forget);
  // Locking forgets the cached answers and kept records (they hold names); unlocking asks again.
  appKeyring.subscribe(() => {
    forgetLessonEvents('all');
    forget('all');
  });
}

/** The write generation this tab knows (requests that read carry it to the worker). */
export function dataGeneration(): number {
  listen();
  return generation;
}

/** The cached answer to this request if it is settled and its data unchanged, else undefined. */
export function peekWorker<R extends WorkerRequest>(request: R): WorkerAnswer<R> | undefined {
  listen();
  const hit = cache.get(JSON.stringify(request));
  return hit && hit.generation === generation ? (hit.settled as WorkerAnswer<R>) : undefined;
}

/** Runs the request off the main thread; the same request on unchanged data answers from cache. */
export function askWorker<R extends WorkerRequest>(request: R): Promise<WorkerAnswer<R>> {
  listen();
  const key = JSON.stringify(request);
  const hit = cache.get(key);
  if (hit && hit.generation === generation) return hit.value as Promise<WorkerAnswer<R>>;
  const w = getWorker();
  const value: Promise<WorkerAnswer<R>> = w
    ? new Promise<unknown>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        w.postMessage({ id, request, lessons: takeUnsent() } satisfies WorkerMessage);
      }).then(
        (v) => v as WorkerAnswer<R>,
        () => inThread(request),
      )
    : inThread(request);
  const entry: { generation: number; value: Promise<unknown>; settled?: unknown } = {
    generation,
    value,
  };
  cache.set(key, entry);
  value.then(
    (v) => (entry.settled = v),
    () => cache.delete(key),
  );
  return value;
}

/** Calls `listener` when data the worker's answers rest on changed (this tab or another). */
export function onWorkerDataChanged(listener: () => void): () => void {
  listen();
  return onInsightsDataChanged(listener);
}

/** A lesson being logged writes in bursts: ask again once a burst has settled. */
const SETTLE_MS = 300;

/**
 * Asks now and again after every change the answers rest on (settled), for a screen's effect;
 * returns the clean-up.
 */
export function followWorkerData(ask: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  ask();
  const off = onWorkerDataChanged(() => {
    clearTimeout(timer);
    timer = setTimeout(ask, SETTLE_MS);
  });
  return () => {
    clearTimeout(timer);
    off();
  };
}

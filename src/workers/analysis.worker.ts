/// <reference lib="webworker" />
/** The analysis worker: answers one request per message (see README.md). */
import { forgetLessonEvents } from '../db/eventRecordCache';
import { applyLockState } from '../db/lock/realm';
import type { WorkerLockMessage, WorkerMessage, WorkerReply } from './protocol';
import { forgetReads, runTask } from './tasks';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Settles when the last lock message has been applied; requests wait for it. */
let lockApplied: Promise<void> = Promise.resolve();

/** The page's lock state: the key while unlocked; on lock it is forgotten with what was read. */
async function applyLock(lock: WorkerLockMessage['lock']): Promise<void> {
  await applyLockState(lock);
  forgetReads();
  forgetLessonEvents('all');
}

scope.onmessage = (event: MessageEvent<WorkerMessage>) => {
  if ('lock' in event.data) {
    const { lock } = event.data;
    // A failed load leaves the worker without a key: its reads then fail as 'locked', reported.
    lockApplied = lockApplied.then(() => applyLock(lock)).catch(() => undefined);
    return;
  }
  const { id, request, lessons } = event.data;
  // Before anything else: the page may have heard of these writes before this worker did.
  forgetLessonEvents(lessons);
  lockApplied
    .then(() => runTask(request))
    .then(
      (value) => scope.postMessage({ id, ok: true, value } satisfies WorkerReply),
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        scope.postMessage({
          id,
          ok: false,
          error: { name: e.name, message: e.message },
        } satisfies WorkerReply);
      },
    );
};

/// <reference lib="webworker" />
/** The analysis worker: answers one request per message (see README.md). */
import { appKeyring } from '../db/lock/keyring';
import type { WorkerLockMessage, WorkerMessage, WorkerReply } from './protocol';
import { forgetReads, runTask } from './tasks';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** The page's lock state: the key while unlocked; on lock it is forgotten with what was read. */
function applyLock({ mode, key }: WorkerLockMessage['lock']): void {
  if (mode === 'unlocked' && key) appKeyring.unlock(key);
  else if (mode === 'off') appKeyring.off();
  else appKeyring.lock();
  key?.fill(0);
  forgetReads();
}

scope.onmessage = (event: MessageEvent<WorkerMessage>) => {
  if ('lock' in event.data) {
    applyLock(event.data.lock);
    return;
  }
  const { id, request } = event.data;
  runTask(request).then(
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

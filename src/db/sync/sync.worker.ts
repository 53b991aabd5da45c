/// <reference lib="webworker" />
/**
 * The sync worker: one device's SyncSession (the Yjs document, the bridge's steps and the
 * connection) off the page's main thread, on its own database connection. The page's taps only
 * write their row and an outbox entry; Dexie's cross-realm signal wakes the bridge here.
 */
import { applyLockState } from '../lock/realm';
import { SessionHost } from './host';
import type { FromSyncWorker, SyncCall, SyncError, ToSyncWorker } from './workerProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromSyncWorker) => scope.postMessage(message);

let host: SessionHost | null = null;
/** Lock messages and calls run in order, after the start. */
let queue: Promise<unknown> = Promise.resolve();

function asError(e: unknown): SyncError {
  const error = e instanceof Error ? e : new Error(String(e));
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
  };
}

function run(call: SyncCall): Promise<void> | void {
  if (!host) return;
  if (call.method === 'flush') return host.flush();
  if (call.method === 'unpairOther') return host.unpairOther(call.deviceId);
  return host.rotateKey(call.key);
}

/** Runs `task` after what came before and answers message `id` with its outcome. */
function answer(id: number, task: () => Promise<void> | void): void {
  queue = queue.then(task).then(
    () => post({ type: 'reply', id, error: null }),
    (e: unknown) => post({ type: 'reply', id, error: asError(e) }),
  );
}

scope.onmessage = ({ data }: MessageEvent<ToSyncWorker>) => {
  switch (data.type) {
    case 'start':
      return answer(0, async () => {
        await applyLockState(data.lock);
        host = new SessionHost(data.start, {
          onStatus: (change) => post({ type: 'status', change }),
          onDevices: (devices) => post({ type: 'devices', devices }),
          onUnpaired: () => post({ type: 'unpaired' }),
          onLessonChange: (change) => post({ type: 'lesson', change }),
        });
        await host.open();
      });
    case 'lock':
      queue = queue.then(() => applyLockState(data.lock)).catch(() => undefined);
      return;
    case 'call':
      return answer(data.id, () => run(data.call));
    case 'stop':
      // After a start still opening: its session is then stopped as soon as it exists.
      void queue.finally(() => {
        host?.destroy();
        host = null;
        scope.close();
      });
  }
};

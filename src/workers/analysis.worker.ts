/// <reference lib="webworker" />
/** The analysis worker: answers one request per message (see README.md). */
import type { WorkerMessage, WorkerReply } from './protocol';
import { runTask } from './tasks';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<WorkerMessage>) => {
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

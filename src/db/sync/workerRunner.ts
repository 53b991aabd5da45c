/**
 * The page's side of the sync worker (sync.worker.ts): a SessionRunner whose session runs there.
 * One worker per running sync; stopping closes it (the document's memory goes with it). The
 * app lock's state follows the page's while it runs.
 */
import { appKeyring } from '../lock/keyring';
import { currentLockState } from '../lock/realm';
import { RotationRefused, type RunnerEvents, type RunnerStart, type SessionRunner } from './runner';
import type { FromSyncWorker, SyncCall, SyncError, ToSyncWorker } from './workerProtocol';

/** An error from the worker as the page's code knows it. */
function fromWorker(error: SyncError): Error {
  if (error.code === 'rotateOffline') return new RotationRefused();
  return Object.assign(new Error(error.message), { name: error.name, code: error.code });
}

export class WorkerRunner implements SessionRunner {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private closed = false;
  private readonly unsubscribeLock: () => void;

  constructor(
    private readonly start: RunnerStart,
    private readonly events: RunnerEvents,
  ) {
    this.worker = new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<FromSyncWorker>) => this.receive(e.data);
    this.worker.onerror = () => this.fail();
    this.unsubscribeLock = appKeyring.subscribe(() =>
      this.send({ type: 'lock', lock: currentLockState() }),
    );
  }

  private send(message: ToSyncWorker): void {
    if (!this.closed) this.worker.postMessage(message);
  }

  private receive(message: FromSyncWorker): void {
    if (this.closed) return;
    switch (message.type) {
      case 'status':
        return this.events.onStatus(message.change);
      case 'devices':
        return this.events.onDevices(message.devices);
      case 'unpaired':
        return this.events.onUnpaired();
      case 'lesson':
        return this.events.onLessonChange(message.change);
      case 'reply': {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiting?.reject(fromWorker(message.error));
        else waiting?.resolve();
      }
    }
  }

  /** The worker could not start or died: syncing failed (what is stored stays). */
  private fail(): void {
    if (this.closed) return;
    this.events.onStatus({ phase: 'failed' });
    const error = new Error('sync worker failed');
    for (const w of this.pending.values()) w.reject(error);
    this.pending.clear();
  }

  private ask(id: number, message: ToSyncWorker): Promise<void> {
    // Stopped: nothing runs any more, and nothing is left to wait for.
    if (this.closed) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send(message);
    });
  }

  private call(call: SyncCall): Promise<void> {
    const id = this.nextId++;
    return this.ask(id, { type: 'call', id, call });
  }

  open(): Promise<void> {
    return this.ask(0, { type: 'start', start: this.start, lock: currentLockState() });
  }

  destroy(): void {
    if (this.closed) return;
    this.send({ type: 'stop' });
    this.closed = true;
    this.unsubscribeLock();
    for (const w of this.pending.values()) w.resolve();
    this.pending.clear();
  }

  unpairOther(deviceId: string): void {
    void this.call({ method: 'unpairOther', deviceId }).catch(() => undefined);
  }

  rotateKey(key: Uint8Array): Promise<void> {
    return this.call({ method: 'rotateKey', key });
  }

  flush(): Promise<void> {
    return this.call({ method: 'flush' });
  }
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appKeyring } from '../../../src/db/lock/keyring';
import type { LocalPairing } from '../../../src/db/repo/syncPairing';
import { RotationRefused, type RunnerEvents } from '../../../src/db/sync/runner';
import { WorkerRunner } from '../../../src/db/sync/workerRunner';
import type { FromSyncWorker, ToSyncWorker } from '../../../src/db/sync/workerProtocol';

/** Stands in for the sync worker: records what the page posts; the test answers. */
class FakeWorker {
  static last: FakeWorker;
  readonly posted: ToSyncWorker[] = [];
  onmessage: ((e: MessageEvent<FromSyncWorker>) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(message: ToSyncWorker) {
    this.posted.push(message);
  }
  send(message: FromSyncWorker) {
    this.onmessage?.({ data: message } as MessageEvent<FromSyncWorker>);
  }
}

const pairing: LocalPairing = {
  url: 'ws://127.0.0.1:1',
  teacherId: 't1',
  token: 'token',
  key: new Uint8Array(32).fill(7),
  deviceId: 'd1',
  deviceName: 'Telefoon',
};

function events(): RunnerEvents & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    onStatus: (change) => calls.push(`status:${change.phase ?? ''}:${change.waiting ?? ''}`),
    onDevices: (devices) => calls.push(`devices:${devices.length}`),
    onUnpaired: () => calls.push('unpaired'),
    onLessonChange: (change) => calls.push(`lesson:${change.lessonId}`),
  };
}

function start(e = events()) {
  const runner = new WorkerRunner({ pairing, shareLocal: true }, e);
  return { runner, worker: FakeWorker.last, e };
}

beforeEach(() => vi.stubGlobal('Worker', FakeWorker));
afterEach(() => {
  vi.unstubAllGlobals();
  appKeyring.off();
});

describe('WorkerRunner (the page side of the sync worker)', () => {
  it('starts the session with the pairing and the lock state, and opens when the worker says so', async () => {
    appKeyring.unlock(new Uint8Array(32).fill(3));
    const { runner, worker } = start();
    let opened = false;
    const open = runner.open().then(() => (opened = true));
    const [first] = worker.posted;
    expect(first).toMatchObject({ type: 'start', start: { pairing, shareLocal: true } });
    expect(first?.type === 'start' && [...(first.lock.key ?? [])]).toEqual(Array(32).fill(3));
    expect(first?.type === 'start' && first.lock.mode).toBe('unlocked');
    await Promise.resolve();
    expect(opened).toBe(false);
    worker.send({ type: 'reply', id: 0, error: null });
    await open;
    expect(opened).toBe(true);
  });

  it('passes on status, devices, unpairing and lesson changes', () => {
    const { worker, e } = start();
    worker.send({ type: 'status', change: { phase: 'online' } });
    worker.send({ type: 'status', change: { waiting: 2 } });
    worker.send({ type: 'devices', devices: [] });
    worker.send({
      type: 'lesson',
      change: { lessonId: 'l1', added: [], removed: [], absences: [] },
    });
    worker.send({ type: 'unpaired' });
    expect(e.calls).toEqual(['status:online:', 'status::2', 'devices:0', 'lesson:l1', 'unpaired']);
  });

  it('gives back a refused rotation as RotationRefused and other errors by name and code', async () => {
    const { runner, worker } = start();
    const rotation = runner.rotateKey(new Uint8Array(32));
    const flush = runner.flush();
    const calls = worker.posted.filter((m) => m.type === 'call');
    expect(calls.map((m) => m.type === 'call' && m.call.method)).toEqual(['rotateKey', 'flush']);
    const [rotate, flushing] = calls.map((m) => (m.type === 'call' ? m.id : -1));
    worker.send({
      type: 'reply',
      id: rotate!,
      error: { name: 'RotationRefused', message: 'no', code: 'rotateOffline' },
    });
    worker.send({
      type: 'reply',
      id: flushing!,
      error: { name: 'QuotaExceededError', message: 'full', code: 'quota' },
    });
    await expect(rotation).rejects.toBeInstanceOf(RotationRefused);
    await expect(flush).rejects.toMatchObject({ name: 'QuotaExceededError', code: 'quota' });
  });

  it('tells the worker when the app lock changes while it runs, and nothing after it stopped', async () => {
    const { runner, worker, e } = start();
    appKeyring.unlock(new Uint8Array(32).fill(1));
    appKeyring.lock();
    const locks = worker.posted.filter((m) => m.type === 'lock');
    expect(locks.map((m) => m.type === 'lock' && m.lock.mode)).toEqual(['unlocked', 'locked']);
    runner.destroy();
    expect(worker.posted.at(-1)).toEqual({ type: 'stop' });
    const count = worker.posted.length;
    appKeyring.off();
    await expect(runner.flush()).resolves.toBeUndefined();
    worker.send({ type: 'status', change: { phase: 'online' } });
    expect(worker.posted).toHaveLength(count);
    expect(e.calls).toEqual([]);
  });

  it('settles what waits when stopped, so no caller hangs', async () => {
    const { runner } = start();
    const flush = runner.flush();
    runner.destroy();
    await expect(flush).resolves.toBeUndefined();
  });

  it('reports a worker that fails as a failed sync and rejects what waits', async () => {
    const { runner, worker, e } = start();
    const open = runner.open();
    worker.onerror?.();
    await expect(open).rejects.toThrow('sync worker failed');
    expect(e.calls).toEqual(['status:failed:']);
  });
});

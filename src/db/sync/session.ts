/**
 * One device's sync with the school's server: the stored document, the bridge and the
 * connection (HocuspocusProvider). The app runs one (service.ts); tests and the bench run
 * several, each on its own database. Loaded only when syncing (it carries Yjs and the provider).
 */
import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { IsoDateTime } from '../../model/types';
import { SyncKeyError } from '../../sync/crypto';
import {
  devicesMap,
  isMarkedUnpaired,
  markUnpaired,
  noteDevice,
  readDevices,
  type PairedDevice,
} from '../../sync/devices';
import { docState, initMeta, metaMap } from '../../sync/meta';
import { documentName, type Pairing } from '../../sync/pairing';
import type { SpiegelDB } from '../schema';
import { SyncBridge, type BridgeOptions } from './bridge';

export type SyncPhase =
  | 'off'
  | 'connecting'
  | 'online'
  | 'offline'
  | 'refused'
  | 'wrongKey'
  | 'newerFormat'
  | 'unpaired'
  | 'failed';

export interface SyncStatus {
  phase: SyncPhase;
  lastSyncedAt: string | null;
  /** Local changes the server has not confirmed yet. */
  waiting: number;
}

/** This device as its pairing knows it (the list of devices in the document names it). */
export interface DeviceSelf {
  id: string;
  name: string;
}

export interface SessionOptions {
  db: SpiegelDB;
  /** This device was just paired: what it already holds is shared too (once the key fits). */
  shareLocal?: boolean;
  device?: DeviceSelf;
  /** Each change of the status. */
  onStatus?: (change: Partial<SyncStatus>) => void;
  /** The document's list of devices changed. */
  onDevices?: (devices: PairedDevice[]) => void;
  /** Another device marked this one unpaired: the caller unpairs it. */
  onUnpaired?: () => void;
  /** What another device changed in a lesson (see BridgeOptions). */
  onLessonChange?: BridgeOptions['onLessonChange'];
  /** Node (tests, bench) has no WebSocket in version 20: pass the `ws` package. */
  WebSocketPolyfill?: unknown;
  /** The newest document format this app understands (a test plays an older app). */
  format?: number;
  debounceMs?: number;
  now?: () => Date;
}

/** A phase that stops syncing until the teacher acts (pairs again, updates the app). */
export const isBlocking = (p: SyncPhase) =>
  p === 'refused' || p === 'wrongKey' || p === 'newerFormat' || p === 'unpaired';

export class SyncSession {
  readonly doc = new Y.Doc();
  readonly bridge: SyncBridge;
  provider: HocuspocusProvider | null = null;
  phase: SyncPhase = 'connecting';
  private key: Uint8Array;
  private closed = false;
  /** The first sync with the server is done (its key check passed). */
  private synced = false;
  /** This device is rotating the key: the key check changes under it on purpose. */
  private rotating = false;

  constructor(
    private pairing: Pairing,
    private readonly options: SessionOptions,
  ) {
    this.key = pairing.key;
    this.bridge = new SyncBridge(options.db, this.doc, pairing.key, {
      debounceMs: options.debounceMs,
      format: options.format,
      onStep: (e) => {
        if (e instanceof SyncKeyError) this.stopWith('wrongKey');
        else if (e) this.setStatus({ phase: 'failed' });
      },
      onHeld: () => this.setStatus({ phase: 'newerFormat' }),
      onLessonChange: options.onLessonChange,
    });
  }

  private setStatus(change: Partial<SyncStatus>): void {
    if (this.closed) return;
    if (change.phase) this.phase = change.phase;
    this.options.onStatus?.(change);
  }

  private now(): IsoDateTime {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  /** Reads the stored document and connects. */
  async open(): Promise<void> {
    const { bridge, doc } = this;
    await bridge.load();
    this.setStatus({ phase: 'connecting', waiting: 0 });
    // A document already here and readable (or kept for a newer app): work offline from the start.
    const stored = docState(doc, this.key, this.options.format);
    if (stored === 'ok' || stored === 'newerFormat') bridge.start();
    devicesMap(doc).observeDeep(this.onDevicesChange);
    metaMap(doc).observe(this.onMetaChange);

    let checked = false;
    const provider = new HocuspocusProvider({
      url: this.pairing.url,
      name: documentName(this.pairing.teacherId),
      token: this.pairing.token,
      document: doc,
      // The provider hands its whole configuration to its socket, which takes the polyfill.
      ...(this.options.WebSocketPolyfill
        ? { WebSocketPolyfill: this.options.WebSocketPolyfill }
        : {}),
      onAuthenticationFailed: () => this.stopWith('refused'),
      onStatus: ({ status: s }) => {
        if (isBlocking(this.phase)) return;
        this.setStatus({
          phase:
            s === WebSocketStatus.Connected
              ? 'online'
              : s === WebSocketStatus.Connecting
                ? 'connecting'
                : 'offline',
        });
      },
      onUnsyncedChanges: ({ number }) => {
        this.setStatus({ waiting: number });
        if (number === 0 && provider.isSynced) this.setStatus({ lastSyncedAt: this.now() });
      },
      onSynced: () => {
        const state = docState(doc, this.key, this.options.format);
        if (state === 'wrongKey') return this.stopWith('wrongKey');
        if (state === 'empty') initMeta(doc, this.key);
        if (state === 'newerFormat') {
          // Kept, not applied: the bridge stores what arrives until the app is updated.
          this.setStatus({ phase: 'newerFormat' });
          bridge.start();
          return;
        }
        this.setStatus({ phase: 'online', lastSyncedAt: this.now() });
        if (checked) return;
        checked = true;
        this.synced = true;
        const self = this.options.device;
        if (self) {
          if (isMarkedUnpaired(doc, self.id)) return this.unpairedElsewhere();
          noteDevice(doc, this.key, self.id, self.name, this.now());
        }
        bridge.start();
        if (this.options.shareLocal) void bridge.shareEverything().then(() => bridge.flush());
      },
    });
    this.provider = provider;
    this.options.onDevices?.(this.devices());
  }

  /**
   * Another device rotated the key, or a newer app raised the format, while this one is
   * connected: a rotation touches no record this device must write back, so no step would notice.
   */
  private readonly onMetaChange = () => {
    if (!this.synced || this.closed || this.rotating) return;
    const state = docState(this.doc, this.key, this.options.format);
    if (state === 'wrongKey') this.stopWith('wrongKey');
    else if (state === 'newerFormat') this.setStatus({ phase: 'newerFormat' });
  };

  private readonly onDevicesChange = () => {
    const self = this.options.device;
    if (self && this.phase !== 'newerFormat' && isMarkedUnpaired(this.doc, self.id)) {
      this.unpairedElsewhere();
      return;
    }
    this.options.onDevices?.(this.devices());
  };

  private unpairedElsewhere(): void {
    this.stopWith('unpaired');
    this.options.onUnpaired?.();
  }

  /** The devices the document lists (empty while the key does not fit). */
  devices(): PairedDevice[] {
    return docState(this.doc, this.key, this.options.format) === 'ok'
      ? readDevices(this.doc, this.key)
      : [];
  }

  /** Marks another device unpaired (it unpairs itself when it next syncs). */
  unpairOther(deviceId: string): void {
    if (deviceId === this.options.device?.id) return;
    markUnpaired(this.doc, deviceId, this.now());
    // A step stores the mark with the document (the provider has sent it already when online).
    void this.bridge.flush().catch(() => undefined);
  }

  /** Seals everything with a new key; `saveKey` stores it (in the bridge's transaction). */
  async rotateKey(newKey: Uint8Array, saveKey: () => Promise<unknown>): Promise<void> {
    this.rotating = true;
    try {
      await this.bridge.rotate(newKey, saveKey);
      this.key = newKey;
    } finally {
      this.rotating = false;
    }
    this.pairing = { ...this.pairing, key: newKey };
    this.options.onDevices?.(this.devices());
  }

  private stopWith(phase: SyncPhase): void {
    this.setStatus({ phase });
    this.destroy();
  }

  /** Stops syncing (what is stored stays). */
  destroy(): void {
    if (this.closed) return;
    this.closed = true;
    devicesMap(this.doc).unobserveDeep(this.onDevicesChange);
    metaMap(this.doc).unobserve(this.onMetaChange);
    this.bridge.destroy();
    this.provider?.destroy();
    this.provider = null;
  }
}

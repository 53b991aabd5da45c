// Helpers for the sync server tests: temporary database files and Node-side providers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

/** Generous: the tests run on a loaded 2-core machine; they wait on events, never on time. */
export const WAIT = { timeout: 20_000, interval: 25 };

export function tempFolder(): { dir: string; file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'spiegel-sync-test-'));
  return {
    dir,
    file: join(dir, 'sync.sqlite'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Client {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  /** Resolves when the server accepted the token and the first sync is done. */
  synced: Promise<void>;
  /** Resolves with the reason when the server refused the token. */
  refused: Promise<string>;
  close: () => void;
}

/** A provider as the app will make it (name = teacherId/docId, token), over `ws` in Node. */
export function connect(url: string, name: string, token: string): Client {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: WebSocket,
    // Reconnect quickly after the server restarts in a test.
    delay: 50,
    minDelay: 50,
    maxDelay: 500,
  });
  let onSynced = () => {};
  let onRefused = (_reason: string) => {};
  const synced = new Promise<void>((resolve) => (onSynced = resolve));
  const refused = new Promise<string>((resolve) => (onRefused = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    token,
    document: doc,
    onSynced: ({ state }) => {
      if (state) onSynced();
    },
    onAuthenticationFailed: ({ reason }) => onRefused(reason),
  });
  provider.attach();
  return {
    provider,
    doc,
    synced,
    refused,
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Resolves once `read()` returns something other than undefined, checked on each doc update. */
export function whenDoc<T>(doc: Y.Doc, read: () => T | undefined): Promise<T> {
  return new Promise((resolve) => {
    const check = () => {
      const value = read();
      if (value === undefined) return false;
      doc.off('update', check);
      resolve(value);
      return true;
    };
    if (!check()) doc.on('update', check);
  });
}

/** Resolves once the server has acknowledged every change the provider sent. */
export function whenSent(provider: HocuspocusProvider): Promise<void> {
  return new Promise((resolve) => {
    if (!provider.hasUnsyncedChanges) return resolve();
    const check = ({ number }: { number: number }) => {
      if (number > 0) return;
      provider.off('unsyncedChanges', check);
      resolve();
    };
    provider.on('unsyncedChanges', check);
  });
}

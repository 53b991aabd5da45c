/** A server address as typed: https:// becomes wss://, http:// ws:// (the server speaks WebSocket). */
export function serverUrl(typed: string): string | null {
  const url = typed
    .trim()
    .replace(/^https:\/\//, 'wss://')
    .replace(/^http:\/\//, 'ws://');
  return /^wss?:\/\/[^\s/]+/.test(url) ? url.replace(/\/+$/, '') : null;
}

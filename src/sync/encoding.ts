/**
 * The sync key's size and its text form, apart from the cipher: the pairing and the settings
 * that hold a key read and write it without loading the AES code, which is not needed to start
 * the app.
 */
export const KEY_BYTES = 32;

/** base64url without padding (pairing codes, keys in settings). */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

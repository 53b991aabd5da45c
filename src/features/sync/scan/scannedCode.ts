/**
 * What a scanned QR code holds, seen as a pairing code. The scanner only hands on text that the
 * code form would accept when typed (the same decodePairing), so a scan and a typed code pair
 * alike; any other QR code (a web address, a ticket) gets its own message instead.
 */
import { decodePairing, PairingCodeError } from '../../../sync/pairing';

/** The pairing code in a QR code's text, without whitespace; null when it is not one. */
export function scannedPairingCode(text: string): string | null {
  const code = text.replace(/\s+/g, '');
  if (!code) return null;
  try {
    decodePairing(code);
    return code;
  } catch (e) {
    if (e instanceof PairingCodeError) return null;
    throw e;
  }
}

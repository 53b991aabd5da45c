/**
 * The camera for scanning a pairing code: the back camera where there is one (a phone points it
 * at the other screen), a front camera otherwise (a laptop). The picture stays in memory on this
 * device; nothing is recorded or sent.
 */

/** Why the camera could not be used; each has its own message (sync:scan.problems). */
export type CameraProblem = 'unavailable' | 'noCamera' | 'denied' | 'busy' | 'failed';

/** No getUserMedia here: an old browser, or a page not served over https. */
export class CameraUnavailable extends Error {
  constructor() {
    super('No camera access in this browser');
    this.name = 'CameraUnavailable';
  }
}

/** The problem behind a getUserMedia (or play) failure, from the error's name. */
export function cameraProblem(error: unknown): CameraProblem {
  if (error instanceof CameraUnavailable) return 'unavailable';
  const name =
    typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'noCamera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}

export async function openCamera(): Promise<MediaStream> {
  const media = navigator.mediaDevices as MediaDevices | undefined;
  if (!media || typeof media.getUserMedia !== 'function') throw new CameraUnavailable();
  return media.getUserMedia({
    audio: false,
    // `ideal`, not `exact`: a laptop with only a front camera can scan too.
    video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
  });
}

/** Turns the camera off (its light goes out). */
export function stopCamera(stream: MediaStream | null): void {
  stream?.getTracks().forEach((track) => track.stop());
}

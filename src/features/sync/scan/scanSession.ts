/**
 * One scan: camera on, the reader on a frame every SCAN_GAP_MS until a pairing code turns up,
 * camera off. `stop()` may come at any moment (cancel, leaving the screen, pagehide), even before
 * the camera has answered: a camera that arrives after it is turned off at once.
 */
import { cameraProblem, openCamera, stopCamera, type CameraProblem } from './camera';
import { createQrReader, type QrReader } from './reader';
import { scannedPairingCode } from './scannedCode';

/** Pause between two reads: a phone stays responsive and its battery is spared. */
const SCAN_GAP_MS = 150;

export interface ScanHandlers {
  /** The camera shows its picture; reading has begun. */
  looking(): void;
  /** A QR code was read that is not a Spiegel pairing code (said once per different code). */
  otherCode(): void;
  /** A pairing code: the camera is already off. */
  found(code: string): void;
  /** The camera or the reader could not be used: the camera is already off. */
  problem(problem: CameraProblem): void;
}

export function startScan(video: HTMLVideoElement, on: ScanHandlers): { stop(): void } {
  let stopped = false;
  let stream: MediaStream | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    stopCamera(stream);
    stream = null;
    video.srcObject = null;
  };
  const fail = (error: unknown) => {
    if (stopped) return;
    stop();
    on.problem(cameraProblem(error));
  };

  const loop = (reader: QrReader) => {
    let lastOther: string | null = null;
    const tick = async () => {
      if (stopped) return;
      let text: string | null = null;
      try {
        text = await reader.read(video);
      } catch {
        // A frame that cannot be read (e.g. not decoded yet) is skipped; the next one may be.
      }
      if (stopped) return;
      if (text !== null) {
        const code = scannedPairingCode(text);
        if (code) {
          stop();
          on.found(code);
          return;
        }
        if (text !== lastOther) {
          lastOther = text;
          on.otherCode();
        }
      }
      timer = setTimeout(() => void tick(), SCAN_GAP_MS);
    };
    void tick();
  };

  const begin = async () => {
    // The reader loads while the camera asks for permission.
    const reader = createQrReader();
    reader.catch(() => undefined);
    const camera = await openCamera();
    if (stopped) {
      stopCamera(camera);
      return;
    }
    stream = camera;
    // A camera that is unplugged or taken by another app ends its track.
    camera
      .getVideoTracks()[0]
      ?.addEventListener('ended', () =>
        fail(new DOMException('The camera stopped', 'NotReadableError')),
      );
    video.srcObject = camera;
    await video.play();
    const ready = await reader;
    if (stopped) return;
    on.looking();
    loop(ready);
  };
  begin().catch(fail);

  return { stop };
}

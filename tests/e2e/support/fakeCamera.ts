/**
 * A camera for the scanner tests: Chromium plays a Y4M file as its only camera when launched
 * with the flags below. The file shows a QR code drawn by the app's own QR library (uqr, as the
 * first device draws it), dark on a light page, like a phone held up to another screen.
 */
import { writeFileSync } from 'node:fs';
import { encode } from 'uqr';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs';

const WIDTH = 640;
const HEIGHT = 480;

/** Writes `text` as a QR code into a Y4M video of two identical grey-scale frames (4:2:0). */
export function writeQrVideo(file: string, text: string): void {
  const qr = encode(text, { border: 4 });
  const cell = Math.floor((Math.min(WIDTH, HEIGHT) * 0.9) / qr.size);
  const left = Math.floor((WIDTH - cell * qr.size) / 2);
  const top = Math.floor((HEIGHT - cell * qr.size) / 2);
  // Luma: 235 for the light page, 16 for a dark module; chroma 128 (no colour).
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  for (let row = 0; row < qr.size; row++)
    for (let col = 0; col < qr.size; col++) {
      if (!qr.data[row]![col]) continue;
      for (let y = 0; y < cell; y++)
        luma.fill(
          16,
          (top + row * cell + y) * WIDTH + left + col * cell,
          (top + row * cell + y) * WIDTH + left + (col + 1) * cell,
        );
    }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, frame, frame]));
}

/** Launch options for a Chromium whose camera plays `video`; `allow`: the camera prompt says yes. */
export function cameraLaunchOptions(video: string, { allow = true } = {}) {
  return {
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
      ...(allow ? ['--use-fake-ui-for-media-stream'] : []),
    ],
  };
}

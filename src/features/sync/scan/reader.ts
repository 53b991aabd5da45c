/**
 * Reads a QR code from the current video frame: with the browser's own BarcodeDetector where it
 * reads QR codes (Android, macOS, ChromeOS), with jsQR otherwise. jsQR is plain JavaScript (no
 * WebAssembly, which the CSP does not allow), bundled and loaded only when a scan starts; the
 * service worker precaches it like every script, so scanning works offline.
 */

export interface QrReader {
  /** The text of a QR code in the frame, or null when none is readable. */
  read(video: HTMLVideoElement): Promise<string | null>;
}

interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

async function nativeReader(): Promise<QrReader | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    // The API exists on desktop Chromium too, without a QR reader behind it.
    if (!(await Detector.getSupportedFormats()).includes('qr_code')) return null;
    const detector = new Detector({ formats: ['qr_code'] });
    return { read: async (video) => (await detector.detect(video))[0]?.rawValue ?? null };
  } catch {
    return null;
  }
}

/** Frames are scaled down to this long side first: enough for a QR code on a screen, and quick. */
const MAX_SIDE = 960;

async function jsQrReader(): Promise<QrReader> {
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('No 2D canvas for reading QR codes');
  return {
    read: (video) => {
      const { videoWidth, videoHeight } = video;
      if (!videoWidth || !videoHeight) return Promise.resolve(null);
      const scale = Math.min(1, MAX_SIDE / Math.max(videoWidth, videoHeight));
      const width = Math.round(videoWidth * scale);
      const height = Math.round(videoHeight * scale);
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      context.drawImage(video, 0, 0, width, height);
      const { data } = context.getImageData(0, 0, width, height);
      // The app draws its code dark on light; not trying the inverse halves the work per frame.
      const found = jsQR(data, width, height, { inversionAttempts: 'dontInvert' });
      return Promise.resolve(found ? found.data : null);
    },
  };
}

export async function createQrReader(): Promise<QrReader> {
  return (await nativeReader()) ?? jsQrReader();
}

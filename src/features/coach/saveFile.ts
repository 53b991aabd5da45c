/**
 * Hands a file to the device: the share sheet (Web Share API with files) where the device has
 * one, else a download through a temporary `<a download>` (works offline, no server).
 */
import { downloadBlob } from '../../ui/download';

export function fileOf(text: string, fileName: string): File {
  return new File([text], fileName, { type: 'application/json' });
}

export function canShareFile(file: File): boolean {
  try {
    return (
      typeof navigator.share === 'function' && navigator.canShare?.({ files: [file] }) === true
    );
  } catch {
    return false;
  }
}

/** Resolves true when shared, false when the person closed the share sheet. */
export async function shareFile(file: File): Promise<boolean> {
  try {
    await navigator.share({ files: [file] });
    return true;
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return false;
    throw e;
  }
}

export function downloadFile(file: File): void {
  downloadBlob(file, file.name);
}

// Moved to src/ui/download.ts (one download helper for every feature); kept so imports stay valid.
export { downloadBlob } from '../../ui/download';

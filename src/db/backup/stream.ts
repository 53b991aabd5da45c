/**
 * Reads a backup file in chunks instead of as one string: the file is decoded a few megabytes at
 * a time, each record in `data.<table>[…]` is cut out and parsed on its own, and only the small
 * rest of the file (the header, with every table's array left empty) is parsed as a whole.
 *
 * So the file never exists as one string (V8 caps a string at ~512 MiB and a 170 MB file as one
 * string plus one JSON.parse held ~3× its size), and a caller can report progress and cancel
 * between chunks. The scanner only follows the structure (strings, brackets, keys); JSON syntax
 * itself is left to JSON.parse of each piece, so what it accepts is exactly what JSON accepts.
 */
import { ImportError } from '../../model/importErrors';
import { looksTruncated } from '../../domain/jsonFile';

export interface ScanOptions {
  /** Characters per chunk (tests make it tiny to cut records across chunks). */
  chunkSize?: number;
  signal?: AbortSignal;
  /** Fraction of the file read so far, 0–1, after each chunk. */
  onProgress?: (fraction: number) => void;
}

/** A record at `data.<table>[index]`, parsed. */
export type RecordSink = (table: string, index: number, value: unknown) => void;

/** Everything outside the record arrays is small in a real backup; more is not one of ours. */
const MAX_SKELETON_CHARS = 4_000_000;
const DEFAULT_CHUNK = 4 * 1024 * 1024;

const QUOTE = 34;
const COLON = 58;
const COMMA = 44;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** Throws CancelledError when the signal has fired. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

async function* chunksOf(
  input: Blob | string,
  chunkSize: number,
  signal: AbortSignal | undefined,
  onProgress: ((fraction: number) => void) | undefined,
): AsyncGenerator<string> {
  if (typeof input === 'string') {
    for (let i = 0; i < input.length; i += chunkSize) {
      throwIfCancelled(signal);
      yield input.slice(i, i + chunkSize);
      onProgress?.(Math.min(1, (i + chunkSize) / input.length));
    }
    return;
  }
  // TextDecoder drops a leading byte-order mark and joins characters cut between chunks.
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < input.size; at += chunkSize) {
    throwIfCancelled(signal);
    let bytes: ArrayBuffer;
    try {
      bytes = await input.slice(at, at + chunkSize).arrayBuffer();
    } catch (e) {
      throw new ImportError('notJson', {}, { cause: e });
    }
    yield decoder.decode(bytes, { stream: true });
    onProgress?.(Math.min(1, (at + chunkSize) / input.size));
  }
  yield decoder.decode();
}

function parsePiece(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ImportError('notJson', {}, { cause: e });
  }
}

/**
 * Scans the file, hands every record of `data.<table>` to `sink` (in file order) and returns
 * the rest of the file parsed, with each table's array empty. Throws `notJson` or `truncated`
 * as reading the whole file with JSON.parse would.
 */
export async function scanBackup(
  input: Blob | string,
  sink: RecordSink,
  { chunkSize = DEFAULT_CHUNK, signal, onProgress }: ScanOptions = {},
): Promise<unknown> {
  // Container stack: '{' or '['; keys[d] is the last key read in the object at depth d.
  const stack: number[] = [];
  const keys: string[] = [];
  let inString = false;
  let escaped = false;
  /** Start of a key string at depth 1 or 2 (so the key can be read), in `keyText`. */
  let keyText: string | null = null;
  let lastString: string | null = null;
  let skeleton = '';
  let started = false;
  /** Inside `data.<table>[…]`: the table, the next index, and the record being cut out. */
  let table: string | null = null;
  let index = 0;
  let record: string | null = null;

  /** The record cut out so far ends here (at a comma, or at the array's close). */
  const flushRecord = (atComma: boolean) => {
    const text = record!.trim();
    record = null;
    if (text === '') {
      // `[]` and `[ ]` hold no record; `[,1]` and `[1,]` are not JSON.
      if (atComma || index > 0) throw new ImportError('notJson');
      return;
    }
    sink(table!, index++, parsePiece(text));
  };

  for await (const chunk of chunksOf(input, chunkSize, signal, onProgress)) {
    let copyFrom = 0; // start of the part of this chunk still to go to the skeleton or record
    // A record that starts at `from` most likely ends at the next `},{`: if the text up to there
    // parses as one JSON value, it is that record (JSON.parse reads strings and brackets from the
    // same starting point as the scan below, so it cannot end a value anywhere else), and the
    // scan skips it. Otherwise the scan cuts it out. Returns the comma after it, or -1.
    let nextCut = -2;
    const quickRecord = (from: number): number => {
      if (nextCut !== -1 && nextCut < from) nextCut = chunk.indexOf('},{', from);
      if (nextCut === -1) return -1;
      let value: unknown;
      try {
        value = JSON.parse(chunk.slice(from, nextCut + 1));
      } catch {
        return -1;
      }
      sink(table!, index++, value);
      return nextCut + 1;
    };
    /**
     * At a record's start (`at` on the `[` or `,` before it): hands over the records cut quickly
     * and returns where the scan goes on (the comma after the last of them, or `at`).
     */
    const quickRecords = (at: number): number => {
      for (let comma = quickRecord(at + 1); comma >= 0; comma = quickRecord(at + 1)) at = comma;
      copyFrom = at + 1;
      return at;
    };
    const flushTo = (end: number) => {
      if (record !== null) record += chunk.slice(copyFrom, end);
      else skeleton += chunk.slice(copyFrom, end);
      copyFrom = end;
    };
    // The next backslash at or after a position (-1: none left in this chunk), looked up again
    // only once passed, so skipping strings stays linear in the chunk.
    let backslash = -2;
    const backslashFrom = (from: number) => {
      if (backslash !== -1 && backslash < from) backslash = chunk.indexOf('\\', from);
      return backslash;
    };
    for (let i = 0; i < chunk.length; i++) {
      if (inString) {
        if (escaped) {
          escaped = false;
          continue;
        }
        // Strings are most of a backup's text: jump to the next quote or backslash natively
        // instead of looking at every character.
        const quote = chunk.indexOf('"', i);
        const bs = backslashFrom(i);
        if (bs !== -1 && (quote === -1 || bs < quote)) {
          i = bs;
          escaped = true;
          continue;
        }
        if (quote === -1) break; // the string goes on in the next chunk
        i = quote;
        inString = false;
        if (keyText !== null) {
          keyText += chunk.slice(copyFrom, i + 1);
          lastString = keyText;
          keyText = null;
          // keyText was copied to the skeleton as it went; nothing more to do.
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (!started && !isSpace(c) && c !== 0xfeff) started = true;
      if (c === QUOTE) {
        inString = true;
        const depth = stack.length;
        if (record === null && (depth === 1 || depth === 2)) {
          flushTo(i);
          keyText = '';
        }
        continue;
      }
      const depth = stack.length;
      if (record !== null) {
        // Inside a record array: the record ends at a comma or the array's close at its level.
        if (depth === 3 && (c === COMMA || c === CLOSE_ARRAY)) {
          flushTo(i);
          flushRecord(c === COMMA);
          if (c === CLOSE_ARRAY) {
            stack.pop();
            table = null;
          } else {
            record = '';
            i = quickRecords(i);
          }
          continue;
        }
        if (c === OPEN_OBJECT || c === OPEN_ARRAY) stack.push(c);
        else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) stack.pop();
        continue;
      }
      if (c === COLON && (depth === 1 || depth === 2) && lastString !== null) {
        keys[depth] = parsePiece(lastString) as string;
        lastString = null;
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        stack.push(c);
        if (
          c === OPEN_ARRAY &&
          stack.length === 3 &&
          stack[0] === OPEN_OBJECT &&
          stack[1] === OPEN_OBJECT &&
          keys[1] === 'data'
        ) {
          // `data.<table>: [` — the array stays empty in the skeleton; its records are cut out.
          flushTo(i + 1);
          table = keys[2] ?? '';
          index = 0;
          record = '';
          i = quickRecords(i);
        }
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        stack.pop();
      }
    }
    if (keyText !== null) keyText += chunk.slice(copyFrom);
    flushTo(chunk.length);
    if (skeleton.length > MAX_SKELETON_CHARS) throw new ImportError('notBackup');
  }

  const text = skeleton;
  if (!started) throw new ImportError('notJson', { empty: true });
  if (inString || stack.length > 0 || record !== null) throw new ImportError('truncated');
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new ImportError(looksTruncated(text) ? 'truncated' : 'notJson', {}, { cause: e });
  }
}

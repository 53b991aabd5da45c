/**
 * Reading a backup or coach file into a plain JSON value, defensively: the size is checked before a
 * byte is read, a BOM is tolerated, a cut-off file is told apart from one that never was JSON,
 * and keys that could reach an object's prototype are refused wherever they are nested.
 */
import { ImportError } from '../model/importErrors';

/**
 * Files above this size (bytes; 500 MB with MB = 1,000,000 bytes) are refused before they are
 * read. Backups are read in chunks (src/db/backup/stream.ts), so this is no longer a limit of the
 * method: what remains is memory, since a restore writes in one all-or-nothing transaction. A
 * teacher-year (6 classes, 150,000 events) is about 58 MB, an 18-class archive about 175 MB.
 */
export const MAX_BACKUP_BYTES = 500_000_000;

export interface ReadOptions {
  /** Size cap in bytes (tests lower it to simulate a huge file). */
  maxBytes?: number;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A backup nests six levels deep; anything far deeper is not one of ours. */
const MAX_DEPTH = 32;

function utf8Length(text: string, limit: number): number {
  // Every UTF-16 unit is 1–3 UTF-8 bytes: encode only when the cheap bounds do not decide.
  if (text.length > limit) return text.length;
  if (text.length * 3 <= limit) return text.length;
  return new TextEncoder().encode(text).length;
}

/** Refuses a file above the cap before a byte of it is read. */
export function checkSize(input: Blob | string, maxBytes: number = MAX_BACKUP_BYTES): void {
  const size = typeof input === 'string' ? utf8Length(input, maxBytes) : input.size;
  if (size > maxBytes) throw new ImportError('tooLarge', { size, max: maxBytes });
}

/** Size check first, then the text (small files: a coach package). */
export async function readBackupText(
  input: Blob | string,
  { maxBytes = MAX_BACKUP_BYTES }: ReadOptions = {},
): Promise<string> {
  checkSize(input, maxBytes);
  if (typeof input === 'string') return input;
  try {
    return await input.text();
  } catch (e) {
    throw new ImportError('notJson', {}, { cause: e });
  }
}

/** True when the text opens a JSON object/array (or string) that is never closed. */
export function looksTruncated(text: string): boolean {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
  }
  return inString || depth > 0;
}

/** JSON.parse behind typed errors. A leading byte-order mark is allowed. */
export function parseBackupJson(raw: string): unknown {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') throw new ImportError('notJson', { empty: true });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ImportError(looksTruncated(text) ? 'truncated' : 'notJson', {}, { cause: e });
  }
  assertNoForbiddenKeys(value);
  return value;
}

interface Frame {
  value: object;
  parent: Frame | null;
  key: string | number;
  depth: number;
}

function pathOf(
  frame: Frame | null,
  base: readonly (string | number)[],
  last?: string | number,
): string {
  const parts: (string | number)[] = last === undefined ? [] : [last];
  for (let f = frame; f && f.parent; f = f.parent) parts.unshift(f.key);
  return formatPath([...base, ...parts]);
}

/** A path longer than this shows its start, its end and how many levels lie between. */
const PATH_HEAD = 4;
const PATH_TAIL = 2;

/**
 * `['data','events',12,'pupilId']` → `events[12].pupilId` (the data wrapper is implied). A deep
 * path is shortened: `events[0].x[0][0] … (29 levels) … [0].y`, not 33 times `[0]`.
 */
export function formatPath(parts: readonly (string | number)[]): string {
  const list = parts[0] === 'data' && parts.length > 1 ? parts.slice(1) : parts;
  const join = (segment: readonly (string | number)[], first: boolean) => {
    let out = '';
    for (const part of segment) {
      if (typeof part === 'number') out += `[${part}]`;
      else out += first && out === '' ? part : `.${part}`;
    }
    return out;
  };
  if (list.length <= PATH_HEAD + PATH_TAIL + 1) return join(list, true);
  const skipped = list.length - PATH_HEAD - PATH_TAIL;
  return `${join(list.slice(0, PATH_HEAD), true)} … (${skipped} levels) … ${join(list.slice(-PATH_TAIL), false)}`;
}

/**
 * Walks the parsed value (found at `base` in the file) without recursion (a hostile file may nest very deeply) and refuses
 * `__proto__`, `constructor` and `prototype` keys at any depth.
 */
export function assertNoForbiddenKeys(
  root: unknown,
  base: readonly (string | number)[] = [],
): void {
  if (root === null || typeof root !== 'object') return;
  const stack: Frame[] = [{ value: root, parent: null, key: '', depth: base.length }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth > MAX_DEPTH) {
      throw new ImportError('invalid', { path: pathOf(frame, base), check: 'depth' });
    }
    if (Array.isArray(frame.value)) {
      const list = frame.value as unknown[];
      for (let i = 0; i < list.length; i++) {
        const item = list[i];
        if (item !== null && typeof item === 'object') {
          stack.push({ value: item, parent: frame, key: i, depth: frame.depth + 1 });
        }
      }
      continue;
    }
    const record = frame.value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (FORBIDDEN_KEYS.has(key)) {
        throw new ImportError('forbiddenKey', { key, path: pathOf(frame, base, key) });
      }
      const item = record[key];
      if (item !== null && typeof item === 'object') {
        stack.push({ value: item, parent: frame, key, depth: frame.depth + 1 });
      }
    }
  }
}

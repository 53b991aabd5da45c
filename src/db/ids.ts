import type { IsoDateTime } from '../model/types';

export function newId(): string {
  return crypto.randomUUID();
}

/** The repositories take the clock as a parameter where tests need it; this is the default. */
export function nowIso(now: Date = new Date()): IsoDateTime {
  return now.toISOString();
}

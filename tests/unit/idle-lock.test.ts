import { describe, expect, it } from 'vitest';
import { idleLockDue, msUntilIdleLock } from '../../src/domain/idleLock';

const MIN = 60_000;
const t0 = Date.UTC(2026, 2, 2, 8, 0);

describe('idle lock', () => {
  it.each([
    // idle minutes, minutes since the last activity, due, ms left
    [15, 0, false, 15 * MIN],
    [15, 14, false, 1 * MIN],
    [15, 15, true, 0],
    [15, 60 * 9, true, 0], // the phone slept all night
    [5, 4.5, false, 0.5 * MIN],
    [5, 5, true, 0],
    [60, 59, false, 1 * MIN],
    [30, -10, false, 30 * MIN], // the clock went back: counts as just now
  ])('after %i idle minutes with %d minutes quiet: due %s', (idle, quiet, due, left) => {
    const now = t0 + quiet * MIN;
    expect(idleLockDue(t0, now, idle)).toBe(due);
    expect(msUntilIdleLock(t0, now, idle)).toBe(left);
  });
});

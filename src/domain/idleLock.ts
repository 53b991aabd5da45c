/**
 * When the app lock locks after inactivity. Pure: the clock is a parameter (milliseconds since
 * the epoch), so a phone that slept through the idle time locks as soon as it is looked at again.
 */

/** Milliseconds left before the app locks (0: lock now). */
export function msUntilIdleLock(lastActivity: number, now: number, idleMinutes: number): number {
  const limit = idleMinutes * 60_000;
  // A clock set back counts as activity now: never lock earlier than the idle time.
  const idle = Math.max(0, now - lastActivity);
  return Math.max(0, limit - idle);
}

export function idleLockDue(lastActivity: number, now: number, idleMinutes: number): boolean {
  return msUntilIdleLock(lastActivity, now, idleMinutes) === 0;
}

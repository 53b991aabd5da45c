/**
 * Which dated records a package needs so the coach's analysis of the period matches the
 * teacher's: ratings still in force at the start of the period, and the results the analysis
 * would pick (see src/analysis/achievement.ts).
 */
import type { AchievementRecord, Id, IsoDate } from '../model/types';

/** Per pupil: every record inside the period plus the latest one before it (still in force). */
export function inForce<T extends { pupilId: Id; date: IsoDate; createdAt: string }>(
  records: readonly T[],
  from: IsoDate,
  to: IsoDate,
): T[] {
  const sorted = records
    .filter((r) => r.date <= to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
  const before = new Map<Id, T>();
  const out: T[] = [];
  for (const r of sorted) {
    if (r.date < from) before.set(r.pupilId, r);
    else out.push(r);
  }
  return [...before.values(), ...out].sort(
    (a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt),
  );
}

/** As the analysis chooses results: those in the period, else the latest assessment before it. */
export function resultsFor(records: readonly AchievementRecord[], from: IsoDate, to: IsoDate) {
  const valid = records.filter((a) => a.date <= to);
  const inWindow = valid.filter((a) => a.date >= from);
  if (inWindow.length > 0) return inWindow;
  let latest = '';
  for (const a of valid) if (a.date > latest) latest = a.date;
  const keyOf = (a: AchievementRecord) => `${a.label}\u0000${a.scoreType}`;
  const keys = new Set(valid.filter((a) => a.date === latest).map(keyOf));
  return valid.filter((a) => keys.has(keyOf(a)));
}

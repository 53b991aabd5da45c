/**
 * Retention (issue 11, point 8): which classes to offer for export and deletion. Pure; the clock
 * is a parameter. A class is offered when it has been archived for 12 months, or when a new
 * school year has started (from 1 August) and its last lesson — or, without lessons, the day it
 * was made — lies before that 1 August. The demo class is never offered (it is not pupil data).
 */
import { toIsoDate } from './dates';

export interface RetentionClass {
  id: string;
  isDemo: boolean;
  createdAt: string;
  archivedAt: string | null;
  /** The date of the class's last (not deleted) lesson, or null. */
  lastLessonDate: string | null;
}

export type RetentionReason = 'archivedYear' | 'newSchoolYear';

/** The 1 August on or before `today` (YYYY-MM-DD): where the current school year began. */
export function schoolYearStart(today: string): string {
  const year = Number(today.slice(0, 4));
  const startYear = today.slice(5) >= '08-01' ? year : year - 1;
  return `${startYear}-08-01`;
}

/** The same calendar day one year later (29 February → 1 March). */
export function oneYearAfter(date: string): string {
  const next = `${Number(date.slice(0, 4)) + 1}${date.slice(4, 10)}`;
  return next.endsWith('-02-29') ? next.replace(/-02-29$/, '-03-01') : next;
}

/** Why a class is due for export and deletion at `now` (local calendar), or null. */
export function retentionReason(cls: RetentionClass, now: Date): RetentionReason | null {
  if (cls.isDemo) return null;
  const today = toIsoDate(now);
  if (cls.archivedAt && today >= oneYearAfter(toIsoDate(new Date(cls.archivedAt))))
    return 'archivedYear';
  const last = cls.lastLessonDate ?? toIsoDate(new Date(cls.createdAt));
  if (last < schoolYearStart(today)) return 'newSchoolYear';
  return null;
}

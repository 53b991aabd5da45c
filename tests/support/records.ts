/** Plain records for tests that build or seed data directly: one stamp, ids chosen by the test. */
import type {
  ClassRecord,
  Id,
  InteractionEvent,
  LessonRecord,
  PupilRecord,
} from '../../src/model/types';

export const STAMP = '2025-03-01T08:00:00.000Z';
export const stamps = { createdAt: STAMP, updatedAt: STAMP };

export const classRecord = (id: Id, extra: Partial<ClassRecord> = {}): ClassRecord => ({
  id,
  name: `Klas ${id}`,
  schoolType: 'primary',
  yearLabel: '',
  seating: { rows: 2, cols: 2 },
  hiddenKinds: [],
  archivedAt: null,
  deletedAt: null,
  isDemo: false,
  expectationScale: { kind: 'relative5' },
  ...stamps,
  ...extra,
});
export const pupil = (id: Id, classId: Id, extra: Partial<PupilRecord> = {}): PupilRecord => ({
  id,
  classId,
  name: id,
  seat: null,
  lensValues: {},
  removedAt: null,
  ...stamps,
  ...extra,
});
export const lesson = (id: Id, classId: Id, date: string, deleted = false): LessonRecord => ({
  id,
  classId,
  date,
  startTime: '09:00',
  endTime: null,
  topic: '',
  endedAt: null,
  deletedAt: deleted ? STAMP : null,
  ...stamps,
});
export const event = (id: Id, l: LessonRecord, pupilId: Id): InteractionEvent => ({
  id,
  classId: l.classId,
  lessonId: l.id,
  pupilId,
  kind: 'turn',
  date: l.date,
  at: null,
  loggedAfter: false,
  ...stamps,
});

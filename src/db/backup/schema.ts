/**
 * valibot schemas for the backup file, one per record type, mirroring src/db/types.ts exactly
 * (tests/unit/backupSchema.test.ts checks both directions at compile time). Objects are strict:
 * an unknown key is refused, so nothing unexpected is ever stored.
 */
import * as v from 'valibot';
import { INTENTION_QUALITIES } from '../../domain/intentions';
import { INTERACTION_KINDS } from '../../model/kinds';
import { ATTRIBUTION_CAUSES, ATTRIBUTION_SOURCES } from '../../model/types';
import {
  achievementSchema,
  clockTime,
  expectationScaleSchema,
  intRange,
  isCalendarDate,
  numRange,
  requiredText,
  text,
} from '../../domain/schemaParts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, LIMITS } from './format';

/** The values a string schema has passed, as far as they are kept. */
interface PassedCache {
  has(value: unknown): boolean;
  add(value: unknown): void;
}

/**
 * Every value up to a limit (then it starts over): a school year's backup repeats the same few
 * hundred ids and dates across 150,000 events.
 */
function manyValues(limit = 100_000): PassedCache {
  const passed = new Set<unknown>();
  return {
    has: (value) => passed.has(value),
    add(value) {
      if (passed.size >= limit) passed.clear();
      passed.add(value);
    },
  };
}

/**
 * Only the last few values: for values that rarely repeat beyond one record (a record's own id,
 * its time stamps, which are mostly equal to each other), so a year of unique ids does not fill
 * a set that is cleared and filled again.
 */
function lastValues(size = 4): PassedCache {
  const last: unknown[] = [];
  let next = 0;
  return {
    has: (value) => last.includes(value),
    add(value) {
      last[next] = value;
      next = (next + 1) % size;
    },
  };
}

/**
 * A string schema that skips its checks for a value it has passed before: checking each
 * repeated id, date and time stamp again with its regexes took most of the validation time. A
 * value that fails is never remembered, so it is checked (and reported) exactly as before.
 */
function remembered<S extends v.GenericSchema<unknown, string>>(schema: S, cache: PassedCache): S {
  return {
    ...schema,
    '~run'(dataset, config) {
      if (cache.has(dataset.value)) return { typed: true, value: dataset.value } as never;
      const out = schema['~run'](dataset, config);
      if (out.typed && !out.issues) cache.add(out.value);
      return out;
    },
  };
}

const uuid = v.pipe(v.string(), v.uuid());
/** Ids that other records point to (classes, lessons, pupils, lens values): a few hundred. */
const id = remembered(uuid, manyValues());
/** A record's own id where there are tens of thousands of them (events). */
const ownId = remembered(uuid, lastValues());
const isoDate = remembered(
  v.pipe(v.string(), v.isoDate(), v.check(isCalendarDate, 'not a calendar date')),
  manyValues(),
);
/** As written by Date.prototype.toISOString (UTC, optional milliseconds). */
const isoDateTime = remembered(
  v.pipe(
    v.string(),
    v.isoTimestamp(),
    v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/),
    v.check(isCalendarDate, 'not a calendar date'),
  ),
  lastValues(),
);

const timestamps = { createdAt: isoDateTime, updatedAt: isoDateTime };
const kind = v.picklist(INTERACTION_KINDS);

export const ExpectationScaleSchema = expectationScaleSchema(LIMITS.label, LIMITS.levels);

export const ClassSchema = v.strictObject({
  id,
  name: requiredText(LIMITS.name),
  schoolType: v.picklist(['primary', 'secondary']),
  yearLabel: text(LIMITS.yearLabel),
  seating: v.strictObject({
    rows: intRange(1, LIMITS.gridSize),
    cols: intRange(1, LIMITS.gridSize),
  }),
  hiddenKinds: v.pipe(v.array(kind), v.maxLength(INTERACTION_KINDS.length)),
  shownKinds: v.optional(v.pipe(v.array(kind), v.maxLength(INTERACTION_KINDS.length))),
  archivedAt: v.nullable(isoDateTime),
  deletedAt: v.nullable(isoDateTime),
  isDemo: v.boolean(),
  expectationScale: ExpectationScaleSchema,
  ...timestamps,
});

export const PupilSchema = v.strictObject({
  id,
  classId: id,
  name: requiredText(LIMITS.name),
  seat: v.nullable(
    v.strictObject({
      row: intRange(0, LIMITS.gridSize - 1),
      col: intRange(0, LIMITS.gridSize - 1),
    }),
  ),
  lensValues: v.record(id, id),
  removedAt: v.nullable(isoDateTime),
  nicknames: v.optional(v.pipe(v.array(requiredText(LIMITS.name)), v.maxLength(20))),
  // Issue 14: optional, so files written before them still restore.
  strengths: v.optional(text(LIMITS.note)),
  aspirations: v.optional(text(LIMITS.note)),
  ...timestamps,
});

export const LensSchema = v.strictObject({
  id,
  classId: id,
  name: requiredText(LIMITS.name),
  values: v.pipe(
    v.array(v.strictObject({ id, label: requiredText(LIMITS.label) })),
    v.maxLength(LIMITS.lensValues),
  ),
  order: numRange(-LIMITS.lensOrder, LIMITS.lensOrder),
  deletedAt: v.nullable(isoDateTime),
  preset: v.optional(v.picklist(['gender', 'advice', 'level', 'homeLanguage', 'parentsEducation'])),
  ...timestamps,
});

export const LessonSchema = v.strictObject({
  id,
  classId: id,
  date: isoDate,
  startTime: clockTime,
  endTime: v.nullable(clockTime),
  topic: text(LIMITS.topic),
  endedAt: v.nullable(isoDateTime),
  deletedAt: v.nullable(isoDateTime),
  ...timestamps,
});

export const AbsenceSchema = v.strictObject({
  id,
  classId: id,
  lessonId: id,
  pupilId: id,
  ...timestamps,
});

export const EventSchema = v.strictObject({
  id: ownId,
  classId: id,
  lessonId: id,
  pupilId: id,
  kind,
  date: isoDate,
  at: v.nullable(isoDateTime),
  loggedAfter: v.boolean(),
  initiative: v.optional(v.picklist(['volunteered', 'called'])),
  questionLevel: v.optional(v.picklist(['recall', 'higher'])),
  waitTime: v.optional(v.boolean()),
  praiseType: v.optional(v.picklist(['specific', 'general'])),
  audience: v.optional(v.picklist(['class', 'private'])),
  ...timestamps,
});

export const BankingSchema = v.strictObject({
  id,
  classId: id,
  pupilId: id,
  date: isoDate,
  minutes: numRange(0, LIMITS.bankingMinutes),
  note: text(LIMITS.note),
  deletedAt: v.nullable(isoDateTime),
  ...timestamps,
});

export const ExpectationSchema = v.strictObject({
  id,
  classId: id,
  pupilId: id,
  date: isoDate,
  value: intRange(0, LIMITS.levels - 1),
  confidence: v.nullable(v.picklist(['unsure', 'fairly', 'very'])),
  /** The class's scale when rated; absent in files from before it was recorded. */
  scale: v.optional(ExpectationScaleSchema),
  ...timestamps,
});

const achievementBase = {
  id,
  classId: id,
  pupilId: id,
  label: requiredText(LIMITS.label),
  date: isoDate,
  ...timestamps,
};

/** The score's range depends on its type: grade 1–10, percentages 0–100, a level index. */
export const AchievementSchema = achievementSchema(achievementBase, LIMITS.levels);

export const RelationshipSchema = v.strictObject({
  id,
  classId: id,
  pupilId: id,
  date: isoDate,
  closeness: intRange(1, 5),
  conflict: intRange(1, 5),
  dependency: intRange(1, 5),
  note: text(LIMITS.note),
  pupilView: v.optional(intRange(1, 5)),
  capability: v.optional(intRange(1, 5)),
  ...timestamps,
});

export const JournalSchema = v.strictObject({
  id,
  classId: v.nullable(id),
  date: isoDate,
  text: requiredText(LIMITS.journalText),
  lessonId: v.nullable(id),
  pupilId: v.nullable(id),
  insightKey: v.nullable(requiredText(LIMITS.key)),
  source: v.picklist(['journal', 'afterLesson', 'intentionClose']),
  deletedAt: v.nullable(isoDateTime),
  ...timestamps,
});

export const IntentionTargetSchema = v.variant('type', [
  v.strictObject({ type: v.literal('class') }),
  v.strictObject({ type: v.literal('pupil'), pupilId: id }),
  v.strictObject({ type: v.literal('lens'), lensId: id, valueId: id }),
  v.strictObject({
    type: v.literal('expectation'),
    group: v.picklist(['high', 'middle', 'low']),
  }),
]);

export const IntentionSchema = v.strictObject({
  id,
  classId: id,
  target: IntentionTargetSchema,
  measure: v.strictObject({
    kind,
    quality: v.optional(v.picklist(INTENTION_QUALITIES)),
    perLesson: intRange(1, LIMITS.perLesson),
  }),
  from: isoDate,
  to: isoDate,
  note: text(LIMITS.note),
  closingReflection: text(LIMITS.note),
  closedAt: v.nullable(isoDateTime),
  deletedAt: v.nullable(isoDateTime),
  /** Version 2: pupils deliberately given more help (absent = none). */
  moreHelpFor: v.optional(v.pipe(v.array(id), v.maxLength(LIMITS.moreHelpFor))),
  ...timestamps,
});

export const PromptStateSchema = v.strictObject({
  id,
  classId: id,
  promptKey: requiredText(LIMITS.key),
  status: v.picklist(['dismissed', 'snoozed']),
  until: v.nullable(isoDate),
  ...timestamps,
});

export const CoachRemarkSchema = v.strictObject({
  id,
  classId: id,
  insightKey: requiredText(LIMITS.key),
  text: requiredText(LIMITS.note),
  author: text(LIMITS.name),
  packageId: id,
  ...timestamps,
});

/** Version 2: where the teacher placed the cause (issue 14). */
export const AttributionSchema = v.strictObject({
  id,
  classId: id,
  pupilId: id,
  date: isoDate,
  cause: v.picklist(ATTRIBUTION_CAUSES),
  source: v.picklist(ATTRIBUTION_SOURCES),
  sourceKey: v.nullable(requiredText(LIMITS.key)),
  ...timestamps,
});

export const ScopeSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('all') }),
  v.strictObject({ kind: v.literal('class'), classId: id }),
]);

export const BackupDataSchema = v.strictObject({
  classes: v.array(ClassSchema),
  pupils: v.array(PupilSchema),
  lenses: v.array(LensSchema),
  lessons: v.array(LessonSchema),
  absences: v.array(AbsenceSchema),
  events: v.array(EventSchema),
  banking: v.array(BankingSchema),
  expectations: v.array(ExpectationSchema),
  achievements: v.array(AchievementSchema),
  relationships: v.array(RelationshipSchema),
  journal: v.array(JournalSchema),
  intentions: v.array(IntentionSchema),
  promptStates: v.array(PromptStateSchema),
  coachRemarks: v.array(CoachRemarkSchema),
  attributions: v.array(AttributionSchema),
});

/** One record's schema per table (the streaming reader checks records one by one). */
export const RECORD_SCHEMAS: Readonly<Record<string, v.GenericSchema>> = Object.fromEntries(
  Object.entries(BackupDataSchema.entries).map(([table, list]) => [table, list.item]),
);

export const BackupFileSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  formatVersion: v.literal(BACKUP_FORMAT_VERSION),
  appVersion: requiredText(LIMITS.appVersion),
  exportedAt: isoDateTime,
  scope: ScopeSchema,
  data: BackupDataSchema,
});

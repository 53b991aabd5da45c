/**
 * valibot schemas for the three coach files. Objects are strict: an unknown key is refused, so a
 * file can never smuggle in more than the format allows (and nothing unexpected is stored).
 */
import * as v from 'valibot';
import { INTERACTION_KINDS } from '../model/kinds';
import { ATTRIBUTION_CAUSES, ATTRIBUTION_SOURCES, type LensPresetId } from '../model/types';
import {
  achievementSchema,
  clockTime,
  expectationScaleSchema,
  intRange,
  isCalendarDate,
  numRange,
  requiredText,
  text,
} from '../domain/schemaParts';
import {
  BACKUP_ENCRYPTED_FORMAT,
  ENCRYPTED_FORMAT,
  type EnvelopeFormat,
  ENCRYPTED_FORMAT_VERSION,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_LIMITS as L,
  REMARKS_FORMAT,
  REMARKS_FORMAT_VERSION,
} from './format';

const uuid = v.pipe(v.string(), v.uuid());
const isoDate = v.pipe(v.string(), v.isoDate(), v.check(isCalendarDate, 'not a calendar date'));
const isoDateTime = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/),
  v.check(isCalendarDate, 'not a calendar date'),
);
/** Package-local ids: short, from a small alphabet (never a UUID). */
const localId = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9]{0,15}$/));
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item), v.maxLength(max));
/** base64 (standard alphabet, padded). */
const base64 = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max),
    v.regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/),
  );

const ExpectationScaleSchema = expectationScaleSchema(L.lensValue, L.levels);

const achievementBase = { pupilId: localId, label: requiredText(20), date: isoDate };

const LENS_PRESETS = [
  'gender',
  'advice',
  'level',
  'homeLanguage',
  'parentsEducation',
] as const satisfies readonly LensPresetId[];

/** Version 1's entries; version 2 (issue 14) adds the fields below (strict objects both). */
const V1 = {
  format: v.literal(PACKAGE_FORMAT),
  formatVersion: v.literal(1),
  packageId: uuid,
  createdAt: isoDateTime,
  appVersion: requiredText(L.appVersion),
  period: v.strictObject({ from: isoDate, to: isoDate }),
  expiresOn: v.optional(isoDate),
  pseudonymisation: v.picklist(['codes', 'initials']),
  shared: v.strictObject({
    topics: v.boolean(),
    journal: v.boolean(),
    relationshipNotes: v.boolean(),
    bankingNotes: v.boolean(),
  }),
  data: v.strictObject({
    class: v.strictObject({
      label: requiredText(L.label),
      schoolType: v.picklist(['primary', 'secondary']),
      expectationScale: ExpectationScaleSchema,
    }),
    pupils: list(
      v.strictObject({
        id: localId,
        code: requiredText(L.code),
        removedOn: v.nullable(isoDate),
      }),
      L.pupils,
    ),
    lenses: list(
      v.strictObject({
        id: localId,
        name: requiredText(L.lensName),
        values: list(
          v.strictObject({ id: localId, label: requiredText(L.lensValue) }),
          L.lensValues,
        ),
        pupils: v.record(localId, localId),
      }),
      L.lenses,
    ),
    lessons: list(
      v.strictObject({
        id: localId,
        date: isoDate,
        startTime: clockTime,
        endTime: v.nullable(clockTime),
        topic: v.optional(text(L.topic)),
      }),
      L.lessons,
    ),
    absences: list(v.strictObject({ lessonId: localId, pupilId: localId }), L.records),
    events: list(
      v.strictObject({
        lessonId: localId,
        pupilId: localId,
        kind: v.picklist(INTERACTION_KINDS),
        loggedAfter: v.boolean(),
        initiative: v.optional(v.picklist(['volunteered', 'called'])),
        questionLevel: v.optional(v.picklist(['recall', 'higher'])),
        waitTime: v.optional(v.boolean()),
        praiseType: v.optional(v.picklist(['specific', 'general'])),
        audience: v.optional(v.picklist(['class', 'private'])),
      }),
      L.records,
    ),
    banking: list(
      v.strictObject({
        pupilId: localId,
        date: isoDate,
        minutes: numRange(0, 1440),
        note: v.optional(text(L.text)),
      }),
      L.records,
    ),
    expectations: list(
      v.strictObject({
        pupilId: localId,
        date: isoDate,
        value: intRange(0, L.levels - 1),
        confidence: v.nullable(v.picklist(['unsure', 'fairly', 'very'])),
      }),
      L.records,
    ),
    achievements: list(achievementSchema(achievementBase, L.levels), L.records),
    relationships: list(
      v.strictObject({
        pupilId: localId,
        date: isoDate,
        closeness: intRange(1, 5),
        conflict: intRange(1, 5),
        dependency: intRange(1, 5),
        note: v.optional(text(L.text)),
        pupilView: v.optional(intRange(1, 5)),
        capability: v.optional(intRange(1, 5)),
      }),
      L.records,
    ),
    journal: list(
      v.strictObject({
        date: isoDate,
        text: requiredText(L.text),
        lessonId: v.nullable(localId),
        pupilId: v.nullable(localId),
        insightKey: v.nullable(requiredText(L.insightKey)),
      }),
      L.records,
    ),
    attributions: v.optional(
      list(
        v.strictObject({
          pupilId: localId,
          date: isoDate,
          cause: v.picklist(ATTRIBUTION_CAUSES),
          source: v.picklist(ATTRIBUTION_SOURCES),
        }),
        L.records,
      ),
    ),
  }),
};
const V1_DATA = V1.data.entries;
const V1_PUPIL = V1_DATA.pupils.pipe[0].item.entries;
const V1_LENS = V1_DATA.lenses.pipe[0].item.entries;

export const CoachPackageSchema = v.strictObject({
  ...V1,
  formatVersion: v.literal(PACKAGE_FORMAT_VERSION),
  shared: v.strictObject({
    ...V1.shared.entries,
    strengths: v.boolean(),
    aspirations: v.boolean(),
  }),
  data: v.strictObject({
    ...V1_DATA,
    pupils: list(
      v.strictObject({
        ...V1_PUPIL,
        strengths: v.optional(requiredText(L.text)),
        aspirations: v.optional(requiredText(L.text)),
      }),
      L.pupils,
    ),
    lenses: list(
      v.strictObject({ ...V1_LENS, preset: v.optional(v.picklist(LENS_PRESETS)) }),
      L.lenses,
    ),
  }),
});

/** A version-1 package, read and then upgraded (read.ts). */
export const CoachPackageV1Schema = v.strictObject(V1);

/** Iterations are capped so a hostile file cannot keep the device busy for minutes. */
export const MAX_ITERATIONS = 10_000_000;

/** The envelope, named for what it holds (the name is bound to the ciphertext). */
function envelopeSchema<F extends EnvelopeFormat>(format: F) {
  return v.strictObject({
    format: v.literal(format),
    formatVersion: v.literal(ENCRYPTED_FORMAT_VERSION),
    kdf: v.strictObject({
      name: v.literal('PBKDF2'),
      hash: v.literal('SHA-256'),
      iterations: intRange(1, MAX_ITERATIONS),
      salt: v.pipe(base64(64), v.length(24)),
    }),
    cipher: v.strictObject({
      name: v.literal('AES-GCM'),
      length: v.literal(256),
      iv: v.pipe(base64(64), v.length(16)),
      tagLength: v.literal(128),
    }),
    ciphertext: v.pipe(base64(Number.MAX_SAFE_INTEGER), v.minLength(24)),
  });
}

export const EncryptedPackageSchema = envelopeSchema(ENCRYPTED_FORMAT);
export const EncryptedBackupSchema = envelopeSchema(BACKUP_ENCRYPTED_FORMAT);

export const RemarksFileSchema = v.strictObject({
  format: v.literal(REMARKS_FORMAT),
  formatVersion: v.literal(REMARKS_FORMAT_VERSION),
  packageId: uuid,
  label: text(L.label),
  author: text(L.author),
  createdAt: isoDateTime,
  remarks: list(
    v.strictObject({
      insightKey: requiredText(L.insightKey),
      text: requiredText(L.text),
      createdAt: isoDateTime,
    }),
    L.remarks,
  ),
});

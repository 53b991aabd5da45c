/**
 * Builds a coach package from one class's records (pure: the clock, the package id and the
 * class's remembered codes come in as parameters). Whatever the teacher did not tick is never
 * copied: pupils become codes or initials, every id is replaced by a fresh package-local one,
 * assessment names become T1, T2, …, and free text is only included when ticked — with pupils'
 * names replaced by their pseudonyms.
 */
import type { ShareSource } from '../model/classData';
import { ValidationError } from '../model/errors';
import { onClassScale } from '../domain/scales';
import type {
  ExpectationRecord,
  Id,
  IsoDate,
  PupilRecord,
  RelationshipRecord,
} from '../model/types';
import { stripBidi } from '../domain/bidi';
import { buildNameMatcher } from '../domain/nameFinder';
import {
  assignCodes,
  joinSegments,
  pseudonymsFor,
  scrubSegments,
  type ScrubSegment,
} from './codes';
import {
  DEFAULT_EXPIRY_WEEKS,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_LIMITS,
  type CoachPackage,
  type CoachPackageData,
  type PackageEvent,
  type PackagePupil,
  type Pseudonymisation,
  type SharedExtras,
} from './format';
import { toPackageKey, type IdMap } from './keys';
import { inForce, resultsFor } from './select';

export type { ShareSource };

export interface ShareOptions {
  from: IsoDate;
  to: IsoDate;
  /** The neutral name the coach sees, e.g. "Groep 7". */
  label: string;
  pseudonymisation: Pseudonymisation;
  extras: SharedExtras;
  /** Lenses whose values are shared (each ticked on its own). */
  lensIds: readonly Id[];
  /** Weeks the coach's device keeps the package (default DEFAULT_EXPIRY_WEEKS). */
  expiryWeeks?: number;
}

/** The last day a package made at `now` is kept: `weeks` weeks later (UTC date). */
export function expiryDate(now: Date, weeks: number = DEFAULT_EXPIRY_WEEKS): string {
  const days = Math.max(1, Math.round(weeks * 7));
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export interface BuildContext {
  now: Date;
  appVersion: string;
  /** A fresh random UUID (crypto.randomUUID()). */
  packageId: string;
  /** The class's remembered codes (pupil id → L01…). */
  codeMap: Readonly<Record<Id, string>>;
  /** Random bytes for the package's pupil ids (tests pass a seeded source). */
  randomBytes?: (n: number) => Uint8Array;
}

/** One free text in the package, in pieces so the preview can mark every replaced name. */
export interface SharedText {
  kind: 'topic' | 'journal' | 'relationshipNote' | 'bankingNote' | 'strengths' | 'aspirations';
  /** The day it belongs to; null for a pupil's strengths and dreams (they have none). */
  date: IsoDate | null;
  /** The pupil's pseudonym, for the texts that belong to one pupil without a date. */
  pupil?: string;
  segments: ScrubSegment[];
}

export interface BuiltPackage {
  pkg: CoachPackage;
  /** The codes after giving new pupils one: remember these for the class. */
  codeMap: Record<Id, string>;
  /** How the package's ids map to the teacher's: stays on the teacher's device. */
  ids: IdMap;
  /** Teacher pupil id → the pseudonym in this package (for the preview's code list). */
  pseudonyms: Record<Id, string>;
  /** Every free text in the package, in full, with each replacement (the preview lists them). */
  texts: SharedText[];
}

export const NO_EXTRAS: SharedExtras = {
  topics: false,
  journal: false,
  relationshipNotes: false,
  bankingNotes: false,
  strengths: false,
  aspirations: false,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateOf = (iso: string) => iso.slice(0, 10);
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Codes: labelRequired, labelTooLong, periodInvalid. Returns the cleaned label. */
export function validateShareOptions(options: ShareOptions): string {
  const label = stripBidi(options.label).trim().replace(/\s+/g, ' ');
  if (!label) throw new ValidationError('labelRequired');
  if (label.length > PACKAGE_LIMITS.label) {
    throw new ValidationError('labelTooLong', { max: PACKAGE_LIMITS.label });
  }
  if (!DATE.test(options.from) || !DATE.test(options.to) || options.from > options.to) {
    throw new ValidationError('periodInvalid');
  }
  return label;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function cryptoBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/**
 * Random package-local pupil ids ("p" + 10 characters): fresh for every package, so two packages
 * share no pupil id and their order says nothing (an id in the old UUID order would link them).
 */
export function randomPupilIds(
  count: number,
  randomBytes: (n: number) => Uint8Array = cryptoBytes,
): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const bytes = randomBytes(10);
    // 252 = 7 × 36: bytes above it are skipped so every character is equally likely.
    let id = 'p';
    for (const b of bytes) if (b < 252) id += ID_ALPHABET[b % 36];
    if (id.length === 11) out.add(id);
  }
  return [...out];
}

/** The items in a random order (one random key each): an order that reveals nothing. */
export function inRandomOrder<T>(
  items: readonly T[],
  randomBytes: (n: number) => Uint8Array = cryptoBytes,
): T[] {
  const keys = randomPupilIds(items.length, randomBytes);
  return items
    .map((item, i) => ({ item, key: keys[i] ?? '' }))
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ item }) => item);
}

function isIncluded(p: PupilRecord, from: IsoDate, withEvents: ReadonlySet<Id>): boolean {
  return p.removedAt === null || dateOf(p.removedAt) > from || withEvents.has(p.id);
}

export function buildCoachPackage(
  source: ShareSource,
  options: ShareOptions,
  ctx: BuildContext,
): BuiltPackage {
  const label = validateShareOptions(options);
  const { from, to, extras } = options;
  const cls = source.cls;
  const classPupils = source.pupils.filter((p) => p.classId === cls.id);
  // Every pupil of the class gets a random key; the package's pupils take it as their id and
  // come in its order. New codes and initials are numbered in the same order (never the
  // seating plan, which would tell who sits at the front).
  const keys = randomPupilIds(classPupils.length, ctx.randomBytes);
  const keyOf = new Map(classPupils.map((p, i) => [p.id, keys[i] ?? '']));
  const byKey = [...classPupils].sort((a, b) =>
    (keyOf.get(a.id) ?? '').localeCompare(keyOf.get(b.id) ?? ''),
  );
  const codeMap = assignCodes(byKey, ctx.codeMap);
  const pseudonyms = pseudonymsFor(byKey, options.pseudonymisation, codeMap);
  const matcher = buildNameMatcher(classPupils);
  const texts: SharedText[] = [];
  const scrub = (text: string, kind: SharedText['kind'], date: IsoDate | null, pupil?: string) => {
    const segments = scrubSegments(text, matcher, pseudonyms);
    texts.push({ kind, date, ...(pupil ? { pupil } : {}), segments });
    return joinSegments(segments);
  };
  // A pupil's strengths and dreams: only what was ticked, each text on its own line in the preview.
  const pupilTexts = (p: PupilRecord) => {
    const out: Pick<PackagePupil, 'strengths' | 'aspirations'> = {};
    for (const kind of ['strengths', 'aspirations'] as const) {
      const text = (p[kind] ?? '').trim();
      if (extras[kind] && text) out[kind] = scrub(text, kind, null, pseudonyms[p.id] ?? '?');
    }
    return out;
  };

  const lessons = source.lessons
    .filter((l) => l.classId === cls.id && l.deletedAt === null && l.date >= from && l.date <= to)
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        a.startTime.localeCompare(b.startTime) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  // Zero-padded so the ids sort like the records (the analysis orders by id on ties).
  const lessonWidth = Math.max(3, String(lessons.length).length);
  const lessonIds = new Map(lessons.map((l, i) => [l.id, `s${pad(i + 1, lessonWidth)}`]));
  const withEvents = new Set(
    source.events.filter((e) => lessonIds.has(e.lessonId)).map((e) => e.pupilId),
  );
  // Random ids, in random order: nothing in the file links a pupil to another package. (The
  // coach's permutation tests therefore draw other shuffles than the teacher's: another Monte
  // Carlo estimate of the same p.)
  const pupils = byKey.filter((p) => isIncluded(p, from, withEvents));
  const pupilIds = new Map(pupils.map((p) => [p.id, keyOf.get(p.id) ?? '']));
  const pid = (id: Id) => pupilIds.get(id) ?? '';
  const ids: IdMap = { pupils: {}, lenses: {}, lensValues: {} };
  pupilIds.forEach((local, real) => (ids.pupils[local] = real));

  const lenses = source.lenses
    .filter((l) => l.classId === cls.id && l.deletedAt === null && options.lensIds.includes(l.id))
    .sort((a, b) => a.order - b.order)
    .map((lens, i) => {
      const lensId = `n${i + 1}`;
      ids.lenses[lensId] = lens.id;
      const valueIds = new Map(lens.values.map((v, j) => [v.id, `${lensId}v${j + 1}`]));
      valueIds.forEach((local, real) => (ids.lensValues[local] = real));
      const assigned: Record<string, string> = {};
      for (const p of pupils) {
        const value = valueIds.get(p.lensValues[lens.id] ?? '');
        if (value) assigned[pid(p.id)] = value;
      }
      return {
        id: lensId,
        name: lens.name,
        values: lens.values.map((v) => ({ id: valueIds.get(v.id) ?? '', label: v.label })),
        pupils: assigned,
        ...(lens.preset ? { preset: lens.preset } : {}),
      };
    });

  const mine = <T extends { classId: Id | null; pupilId: Id | null }>(r: T) =>
    r.classId === cls.id && r.pupilId !== null && pupilIds.has(r.pupilId);

  const absenceKeys = new Set<string>();
  const absences: CoachPackageData['absences'] = [];
  for (const a of source.absences) {
    const lessonId = lessonIds.get(a.lessonId);
    if (!lessonId || !pupilIds.has(a.pupilId)) continue;
    const entry = { lessonId, pupilId: pid(a.pupilId) };
    const key = `${entry.lessonId}|${entry.pupilId}`;
    if (absenceKeys.has(key)) continue;
    absenceKeys.add(key);
    absences.push(entry);
  }
  absences.sort(
    (a, b) => a.lessonId.localeCompare(b.lessonId) || a.pupilId.localeCompare(b.pupilId),
  );

  const events: PackageEvent[] = source.events
    .filter((e) => lessonIds.has(e.lessonId) && pupilIds.has(e.pupilId))
    .map((e) => {
      const out: PackageEvent = {
        lessonId: lessonIds.get(e.lessonId) ?? '',
        pupilId: pid(e.pupilId),
        kind: e.kind,
        loggedAfter: e.loggedAfter,
      };
      if (e.initiative) out.initiative = e.initiative;
      if (e.questionLevel) out.questionLevel = e.questionLevel;
      if (e.waitTime !== undefined) out.waitTime = e.waitTime;
      if (e.praiseType) out.praiseType = e.praiseType;
      if (e.audience) out.audience = e.audience;
      return out;
    })
    // Sorted, so the order of logging (and so the time of day) is not in the file.
    .sort(
      (a, b) =>
        a.lessonId.localeCompare(b.lessonId) ||
        a.pupilId.localeCompare(b.pupilId) ||
        a.kind.localeCompare(b.kind),
    );

  const banking = source.banking
    .filter((b) => mine(b) && b.deletedAt === null && b.date >= from && b.date <= to)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((b) => ({
      pupilId: pid(b.pupilId),
      date: b.date,
      minutes: b.minutes,
      ...(extras.bankingNotes && b.note.trim()
        ? { note: scrub(b.note.trim(), 'bankingNote', b.date) }
        : {}),
    }));

  // A rating made on another scale than the class's would be misread by the coach: left out.
  const onScale = (e: ExpectationRecord) => onClassScale(e, cls.expectationScale);
  const expectations = inForce<ExpectationRecord>(
    source.expectations.filter((e) => mine(e) && onScale(e)),
    from,
    to,
  ).map((e) => ({
    pupilId: pid(e.pupilId),
    date: e.date,
    value: e.value,
    confidence: e.confidence,
  }));

  const results = resultsFor(source.achievements.filter(mine), from, to).sort(
    (a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt),
  );
  const assessmentLabels = new Map<string, string>();
  for (const a of results) {
    const key = `${a.label}\u0000${a.scoreType}`;
    if (!assessmentLabels.has(key)) assessmentLabels.set(key, `T${assessmentLabels.size + 1}`);
  }
  const achievements = results.map((a) => ({
    pupilId: pid(a.pupilId),
    label: assessmentLabels.get(`${a.label}\u0000${a.scoreType}`) ?? 'T',
    date: a.date,
    scoreType: a.scoreType,
    score: a.score,
  })) as CoachPackageData['achievements'];

  const relationships = inForce<RelationshipRecord>(
    source.relationships.filter(mine),
    from,
    to,
  ).map((r) => ({
    pupilId: pid(r.pupilId),
    date: r.date,
    closeness: r.closeness,
    conflict: r.conflict,
    dependency: r.dependency,
    ...(r.pupilView !== undefined ? { pupilView: r.pupilView } : {}),
    ...(r.capability !== undefined ? { capability: r.capability } : {}),
    ...(extras.relationshipNotes && r.note.trim()
      ? { note: scrub(r.note.trim(), 'relationshipNote', r.date) }
      : {}),
  }));

  const journal = extras.journal
    ? source.journal
        .filter(
          (j) => j.classId === cls.id && j.deletedAt === null && j.date >= from && j.date <= to,
        )
        .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt))
        .map((j) => ({
          date: j.date,
          text: scrub(j.text, 'journal', j.date),
          lessonId: (j.lessonId && lessonIds.get(j.lessonId)) || null,
          pupilId: (j.pupilId && pupilIds.get(j.pupilId)) || null,
          insightKey: j.insightKey ? toPackageKey(j.insightKey, ids) : null,
        }))
    : [];

  // The teacher's taps on where the cause lies: no free text, so no tick of its own.
  const attributions = (source.attributions ?? [])
    .filter((a) => mine(a) && a.date >= from && a.date <= to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt))
    .map((a) => ({ pupilId: pid(a.pupilId), date: a.date, cause: a.cause, source: a.source }));

  const pkg: CoachPackage = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    packageId: ctx.packageId,
    createdAt: ctx.now.toISOString(),
    appVersion: ctx.appVersion,
    period: { from, to },
    expiresOn: expiryDate(ctx.now, options.expiryWeeks),
    pseudonymisation: options.pseudonymisation,
    shared: { ...extras },
    data: {
      class: {
        label,
        schoolType: cls.schoolType,
        expectationScale: cls.expectationScale,
      },
      pupils: pupils.map((p) => ({
        id: pid(p.id),
        code: pseudonyms[p.id] ?? '?',
        removedOn: p.removedAt && dateOf(p.removedAt) <= to ? dateOf(p.removedAt) : null,
        ...pupilTexts(p),
      })),
      lenses,
      lessons: lessons.map((l) => ({
        id: lessonIds.get(l.id) ?? '',
        date: l.date,
        startTime: l.startTime,
        endTime: l.endTime,
        ...(extras.topics && l.topic.trim()
          ? { topic: scrub(l.topic.trim(), 'topic', l.date) }
          : {}),
      })),
      absences,
      events,
      banking,
      expectations,
      achievements,
      relationships,
      journal,
      ...(attributions.length > 0 ? { attributions } : {}),
    },
  };
  const shown: Record<Id, string> = {};
  for (const p of pupils) shown[p.id] = pseudonyms[p.id] ?? '?';
  return { pkg, codeMap, ids, pseudonyms: shown, texts };
}

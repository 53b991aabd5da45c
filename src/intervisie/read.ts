/**
 * Reading coach files defensively: the size is checked before a byte is read, JSON is parsed
 * behind typed errors (the backup reader's guards against cut-off files and prototype keys are
 * reused), then the whole file is validated — schema, unique ids, every reference — before
 * anything is stored.
 */
import * as v from 'valibot';
import { ImportError } from '../model/importErrors';
import { formatPath, parseBackupJson, readBackupText } from '../domain/jsonFile';
import { scaleSize } from '../domain/scales';
import { decryptPackageText } from './crypto';
import { CoachFileError } from './errors';
import {
  ENCRYPTED_FORMAT,
  ENCRYPTED_FORMAT_VERSION,
  MAX_PACKAGE_BYTES,
  MAX_REMARKS_BYTES,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  REMARKS_FORMAT,
  REMARKS_FORMAT_VERSION,
  type CoachPackage,
  type EncryptedPackage,
  type RemarksFile,
} from './format';
import {
  CoachPackageSchema,
  CoachPackageV1Schema,
  EncryptedPackageSchema,
  RemarksFileSchema,
} from './schema';

type CoachPackageV1 = v.InferOutput<typeof CoachPackageV1Schema>;

/**
 * A version-1 package in today's shape: nothing of issue 14's strengths, dreams or presets was
 * in it, so nothing of them was shared.
 */
export function upgradePackageV1(old: CoachPackageV1): CoachPackage {
  return {
    ...old,
    formatVersion: PACKAGE_FORMAT_VERSION,
    shared: { ...old.shared, strengths: false, aspirations: false },
  };
}

const KNOWN_FORMATS: Record<string, number> = {
  [PACKAGE_FORMAT]: PACKAGE_FORMAT_VERSION,
  [ENCRYPTED_FORMAT]: ENCRYPTED_FORMAT_VERSION,
  [REMARKS_FORMAT]: REMARKS_FORMAT_VERSION,
};

function translate(e: unknown): never {
  if (e instanceof ImportError) {
    const code =
      e.code === 'tooLarge' || e.code === 'truncated' || e.code === 'forbiddenKey'
        ? e.code
        : e.code === 'invalid'
          ? 'invalid'
          : 'notJson';
    const { path, check, size, max } = e.detail;
    throw new CoachFileError(code, { path, check, size, max }, { cause: e });
  }
  throw e;
}

/** Text of a file (size-checked) parsed as JSON, behind CoachFileError. */
export async function readCoachJson(input: Blob | string, maxBytes: number): Promise<unknown> {
  try {
    return parseBackupJson(await readBackupText(input, { maxBytes }));
  } catch (e) {
    translate(e);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The file's declared format, checked against the kinds expected here. */
function checkHeader(value: unknown, expected: readonly string[]): string {
  const format = isObject(value) && typeof value.format === 'string' ? value.format : null;
  if (format === null || !(format in KNOWN_FORMATS)) {
    const found = format?.startsWith('spiegel-') ? format : undefined;
    throw new CoachFileError('wrongKind', found ? { found } : {});
  }
  if (!expected.includes(format)) throw new CoachFileError('wrongKind', { found: format });
  const version = (value as Record<string, unknown>).formatVersion;
  const known = KNOWN_FORMATS[format] ?? 0;
  if (typeof version === 'number' && Number.isInteger(version) && version > known) {
    throw new CoachFileError('futureVersion', { version });
  }
  return format;
}

function parseWith<T>(schema: v.GenericSchema<unknown, T>, value: unknown): T {
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = formatPath((issue.path ?? []).map((p) => p.key as string | number));
  throw new CoachFileError('invalid', { path, check: issue.type });
}

function unique(ids: readonly string[], path: string): Set<string> {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id))
      throw new CoachFileError('invalid', { path: `${path}[${i}]`, check: 'duplicate' });
    seen.add(id);
  });
  return seen;
}

function refCheck(ok: boolean, path: string): void {
  if (!ok) throw new CoachFileError('missingReference', { path });
}

/** Ids unique, every reference inside the file, ratings inside the class's scale. */
function checkPackage(pkg: CoachPackage): void {
  const d = pkg.data;
  if (pkg.period.from > pkg.period.to) {
    throw new CoachFileError('invalid', { path: 'period', check: 'order' });
  }
  const pupils = unique(
    d.pupils.map((p) => p.id),
    'pupils',
  );
  unique(
    d.pupils.map((p) => p.code),
    'pupils.code',
  );
  const lessons = unique(
    d.lessons.map((l) => l.id),
    'lessons',
  );
  d.lessons.forEach((l, i) => {
    if (l.date < pkg.period.from || l.date > pkg.period.to) {
      throw new CoachFileError('invalid', { path: `lessons[${i}].date`, check: 'period' });
    }
  });
  unique(
    d.lenses.map((l) => l.id),
    'lenses',
  );
  const allValues = d.lenses.flatMap((l) => l.values.map((x) => x.id));
  unique(allValues, 'lenses.values');
  d.lenses.forEach((lens, i) => {
    const values = new Set(lens.values.map((x) => x.id));
    for (const [pupil, value] of Object.entries(lens.pupils)) {
      refCheck(pupils.has(pupil) && values.has(value), `lenses[${i}].pupils.${pupil}`);
    }
  });
  const withPupil = [
    ['absences', d.absences],
    ['events', d.events],
    ['banking', d.banking],
    ['expectations', d.expectations],
    ['achievements', d.achievements],
    ['relationships', d.relationships],
    ['attributions', d.attributions ?? []],
  ] as const;
  for (const [name, records] of withPupil) {
    records.forEach((r: { pupilId: string }, i: number) =>
      refCheck(pupils.has(r.pupilId), `${name}[${i}].pupilId`),
    );
  }
  d.absences.forEach((a, i) => refCheck(lessons.has(a.lessonId), `absences[${i}].lessonId`));
  d.events.forEach((e, i) => refCheck(lessons.has(e.lessonId), `events[${i}].lessonId`));
  d.journal.forEach((j, i) => {
    refCheck(j.lessonId === null || lessons.has(j.lessonId), `journal[${i}].lessonId`);
    refCheck(j.pupilId === null || pupils.has(j.pupilId), `journal[${i}].pupilId`);
  });
  const scale = d.class.expectationScale;
  const steps = scaleSize(scale);
  d.expectations.forEach((e, i) => {
    if (e.value >= steps) {
      throw new CoachFileError('invalid', { path: `expectations[${i}].value`, check: 'scale' });
    }
  });
  d.achievements.forEach((a, i) => {
    if (a.scoreType === 'level' && a.score >= steps) {
      throw new CoachFileError('invalid', { path: `achievements[${i}].score`, check: 'scale' });
    }
  });
}

/** Checks a parsed (plain) package completely. */
export function validateCoachPackage(value: unknown): CoachPackage {
  checkHeader(value, [PACKAGE_FORMAT]);
  const pkg =
    isObject(value) && value.formatVersion === 1
      ? upgradePackageV1(parseWith<CoachPackageV1>(CoachPackageV1Schema, value))
      : parseWith<CoachPackage>(CoachPackageSchema, value);
  checkPackage(pkg);
  return pkg;
}

export function validateRemarksFile(value: unknown): RemarksFile {
  checkHeader(value, [REMARKS_FORMAT]);
  return parseWith<RemarksFile>(RemarksFileSchema, value);
}

export type PackageFile =
  { encrypted: false; pkg: CoachPackage } | { encrypted: true; envelope: EncryptedPackage };

/** Reads a package file: a plain package is validated, an encrypted one waits for its passphrase. */
export async function readPackageFile(input: Blob | string): Promise<PackageFile> {
  const value = await readCoachJson(input, MAX_PACKAGE_BYTES);
  const format = checkHeader(value, [PACKAGE_FORMAT, ENCRYPTED_FORMAT]);
  if (format === ENCRYPTED_FORMAT) {
    return {
      encrypted: true,
      envelope: parseWith<EncryptedPackage>(EncryptedPackageSchema, value),
    };
  }
  return { encrypted: false, pkg: validateCoachPackage(value) };
}

/** Decrypts and validates; the inner file must be a plain package. */
export async function unlockPackage(
  envelope: EncryptedPackage,
  passphrase: string,
): Promise<CoachPackage> {
  if (!passphrase) throw new CoachFileError('passphraseRequired');
  const text = await decryptPackageText(envelope, passphrase);
  return validateCoachPackage(await readCoachJson(text, MAX_PACKAGE_BYTES));
}

/** One step for callers that already know the passphrase (or that the file is plain). */
export async function openPackageFile(
  input: Blob | string,
  passphrase?: string,
): Promise<CoachPackage> {
  const file = await readPackageFile(input);
  if (!file.encrypted) return file.pkg;
  if (!passphrase) throw new CoachFileError('passphraseRequired');
  return unlockPackage(file.envelope, passphrase);
}

export async function readRemarksFile(input: Blob | string): Promise<RemarksFile> {
  return validateRemarksFile(await readCoachJson(input, MAX_REMARKS_BYTES));
}

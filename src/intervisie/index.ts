/** Public surface of the intervisie core (see README.md in this folder and docs/coach-package.md). */
export * from './format';
export { CoachFileError, isCoachFileError } from './errors';
export type { CoachFileErrorCode, CoachFileErrorDetail } from './errors';
export {
  AMBIGUOUS_NAME,
  assignCodes,
  assignInitials,
  joinSegments,
  scrubSegments,
  formatCode,
  initialsOf,
  pseudonymsFor,
  scrubNames,
} from './codes';
export type { PseudonymPupil, ScrubSegment } from './codes';
export {
  buildCoachPackage,
  expiryDate,
  inRandomOrder,
  NO_EXTRAS,
  randomPupilIds,
  validateShareOptions,
} from './build';
export type { BuildContext, BuiltPackage, ShareOptions, ShareSource, SharedText } from './build';
export {
  DEFAULT_ITERATIONS,
  IV_BYTES,
  MIN_PASSPHRASE,
  SALT_BYTES,
  decryptBytes,
  decryptWithKey,
  deriveEnvelopeKey,
  openWithKey,
  sealWithKey,
  decryptPackageText,
  encryptBytes,
  encryptPackageText,
  fromBase64,
  toBase64,
} from './crypto';
export type { EncryptOptions } from './crypto';
export { keyKind, toPackageKey, toTeacherKey } from './keys';
export type { IdMap } from './keys';
export {
  openPackageFile,
  readCoachJson,
  readPackageFile,
  readRemarksFile,
  unlockPackage,
  validateCoachPackage,
  validateRemarksFile,
} from './read';
export type { PackageFile } from './read';
export {
  COUNTED_TYPES,
  EXTRA_NAMES,
  buildRemarksFile,
  packageCounts,
  packageExcerpt,
  packageFileName,
  remarksFileName,
  sharedExtras,
} from './preview';
export type { CountedType, ExtraName } from './preview';
export { WORKSPACE_CLASS_ID, analysePackage, codesOf, packageToClassData } from './workspace';
export type { PackageAnalysis } from './workspace';
export { EncryptedBackupSchema } from './schema';

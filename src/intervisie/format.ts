/**
 * The coach package, the encrypted envelope around it, and the remarks file a coach sends back:
 * names, versions, limits and types. Documented in docs/coach-package.md. Raising a format
 * version needs a reader for every older version.
 */
import type { InteractionKind } from '../model/kinds';
import type {
  AttributionCause,
  AttributionSource,
  Confidence,
  ExpectationScale,
  IsoDate,
  IsoDateTime,
  LensPresetId,
  ScoreType,
} from '../model/types';

export const PACKAGE_FORMAT = 'spiegel-coach-package';
/**
 * 2 (issue 14): `shared` gains `strengths` and `aspirations`, pupils may carry those two texts
 * (only when ticked), lenses their `preset`. Version 1 is still read (read.ts upgrades it).
 */
export const PACKAGE_FORMAT_VERSION = 2;
/** Every version this app reads. */
export const PACKAGE_FORMAT_VERSIONS = [1, 2] as const;
export const ENCRYPTED_FORMAT = 'spiegel-coach-package-encrypted';
/** The same envelope around a backup (docs/backup-format.md); its own name, bound to the data. */
export const BACKUP_ENCRYPTED_FORMAT = 'spiegel-backup-encrypted';
export type EnvelopeFormat = typeof ENCRYPTED_FORMAT | typeof BACKUP_ENCRYPTED_FORMAT;
export const ENCRYPTED_FORMAT_VERSION = 1;
export const REMARKS_FORMAT = 'spiegel-coach-remarks';
export const REMARKS_FORMAT_VERSION = 1;

/** A school year of one class is well under 5 MB; anything far larger is refused unread. */
export const MAX_PACKAGE_BYTES = 30 * 1024 * 1024;
export const MAX_REMARKS_BYTES = 2 * 1024 * 1024;

/** How long the coach's device keeps a package unless the teacher picks otherwise (weeks). */
export const DEFAULT_EXPIRY_WEEKS = 8;
/** The choices the share screen offers (weeks). */
export const EXPIRY_WEEK_CHOICES = [2, 4, 8, 12, 26] as const;

export const PACKAGE_LIMITS = {
  label: 80,
  code: 12,
  lensName: 80,
  lensValue: 80,
  text: 5000,
  topic: 500,
  insightKey: 200,
  author: 80,
  appVersion: 50,
  pupils: 500,
  lenses: 20,
  lensValues: 100,
  levels: 20,
  lessons: 5000,
  records: 500_000,
  remarks: 2000,
} as const;

export type Pseudonymisation = 'codes' | 'initials';

/** What the teacher ticked to share besides the counts (everything else is left out). */
export interface SharedExtras {
  topics: boolean;
  journal: boolean;
  relationshipNotes: boolean;
  bankingNotes: boolean;
  /** Issue 14: "Waar is … goed in?", per pupil (absent, so false, in version 1). */
  strengths: boolean;
  /** Issue 14: "Wat wil … later?", per pupil (absent, so false, in version 1). */
  aspirations: boolean;
}

export interface PackagePupil {
  /** Package-local id (`p01`), never the original UUID. */
  id: string;
  /** What the coach sees: `L01` or initials. */
  code: string;
  /** The day the pupil left the class, when that falls before the end of the period. */
  removedOn: IsoDate | null;
  /** What the pupil is good at: only when ticked and filled in, names replaced (version 2). */
  strengths?: string;
  /** What the pupil wants later, dreams of: the same (version 2). */
  aspirations?: string;
}

export interface PackageLens {
  id: string;
  name: string;
  values: { id: string; label: string }[];
  /** Package pupil id → package value id. */
  pupils: Record<string, string>;
  /** The preset it was made from (version 2): `advice` lets the advice prompt run for the coach. */
  preset?: LensPresetId;
}

export interface PackageLesson {
  id: string;
  date: IsoDate;
  startTime: string;
  endTime: string | null;
  /** Present only when the teacher ticked lesson topics. */
  topic?: string;
}

export interface PackageEvent {
  lessonId: string;
  pupilId: string;
  kind: InteractionKind;
  loggedAfter: boolean;
  initiative?: 'volunteered' | 'called';
  questionLevel?: 'recall' | 'higher';
  waitTime?: boolean;
  praiseType?: 'specific' | 'general';
  audience?: 'class' | 'private';
}

export interface PackageBanking {
  pupilId: string;
  date: IsoDate;
  minutes: number;
  note?: string;
}

export interface PackageExpectation {
  pupilId: string;
  date: IsoDate;
  value: number;
  confidence: Confidence | null;
}

export interface PackageAchievement {
  pupilId: string;
  /** A neutral label (`T1`, `T2`, …): the teacher's own assessment names stay at home. */
  label: string;
  date: IsoDate;
  scoreType: ScoreType;
  score: number;
}

export interface PackageRelationship {
  pupilId: string;
  date: IsoDate;
  closeness: number;
  conflict: number;
  dependency: number;
  note?: string;
  /** Optional (issue 14): the teacher's estimate of the pupil's view, and their own capability. */
  pupilView?: number;
  capability?: number;
}

/** Where the teacher placed the cause (issue 14): no free text, only the tap and its date. */
export interface PackageAttribution {
  pupilId: string;
  date: IsoDate;
  cause: AttributionCause;
  source: AttributionSource;
}

export interface PackageJournalEntry {
  date: IsoDate;
  text: string;
  lessonId: string | null;
  pupilId: string | null;
  insightKey: string | null;
}

export interface CoachPackageData {
  class: {
    label: string;
    schoolType: 'primary' | 'secondary';
    expectationScale: ExpectationScale;
  };
  pupils: PackagePupil[];
  lenses: PackageLens[];
  lessons: PackageLesson[];
  absences: { lessonId: string; pupilId: string }[];
  events: PackageEvent[];
  banking: PackageBanking[];
  expectations: PackageExpectation[];
  achievements: PackageAchievement[];
  relationships: PackageRelationship[];
  journal: PackageJournalEntry[];
  /** Absent in packages made before issue 14. */
  attributions?: PackageAttribution[];
}

export interface CoachPackage {
  format: typeof PACKAGE_FORMAT;
  formatVersion: typeof PACKAGE_FORMAT_VERSION;
  /** A fresh random UUID: the teacher's device remembers it to match the coach's remarks. */
  packageId: string;
  createdAt: IsoDateTime;
  appVersion: string;
  period: { from: IsoDate; to: IsoDate };
  /**
   * The last day the coach's device keeps the package (the teacher's choice, default 8 weeks
   * after it was made); afterwards the workspace is deleted. Packages made before this field
   * existed keep DEFAULT_EXPIRY_WEEKS after createdAt.
   */
  expiresOn?: IsoDate;
  pseudonymisation: Pseudonymisation;
  shared: SharedExtras;
  data: CoachPackageData;
}

export interface KdfParams {
  name: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  /** base64, 16 random bytes. */
  salt: string;
}

export interface CipherParams {
  name: 'AES-GCM';
  length: 256;
  /** base64, 12 random bytes, fresh for every package. */
  iv: string;
  tagLength: 128;
}

/** The passphrase envelope, around a coach package or a backup. */
export interface Envelope<F extends EnvelopeFormat = EnvelopeFormat> {
  format: F;
  formatVersion: typeof ENCRYPTED_FORMAT_VERSION;
  kdf: KdfParams;
  cipher: CipherParams;
  /** base64 of AES-GCM(the JSON as UTF-8), tag appended. */
  ciphertext: string;
}

export type EncryptedPackage = Envelope<typeof ENCRYPTED_FORMAT>;
export type EncryptedBackup = Envelope<typeof BACKUP_ENCRYPTED_FORMAT>;

export interface CoachRemark {
  /** An insight id from the package's analysis (package ids), or `general`. */
  insightKey: string;
  text: string;
  createdAt: IsoDateTime;
}

export interface RemarksFile {
  format: typeof REMARKS_FORMAT;
  formatVersion: typeof REMARKS_FORMAT_VERSION;
  packageId: string;
  /** The label the teacher gave the class in the package (to recognise it). */
  label: string;
  author: string;
  createdAt: IsoDateTime;
  remarks: CoachRemark[];
}

/** The insight key for a remark about the package as a whole. */
export const GENERAL_INSIGHT_KEY = 'general';

/**
 * The right of access (AVG art. 15), beyond the pupil's own records (src/db/repo/pupilPage.ts):
 * the journal entries linked to or naming the pupil, the coach's remarks about them, their codes,
 * the other texts naming them (the same name finder as erasure), and every package that included
 * them — with what it held (date, label, period, codes or initials, extras, lenses, passphrase,
 * expiry).
 */
import { buildNameMatcher } from '../../domain/nameFinder';
import type {
  AttributionRecord,
  CoachRemarkRecord,
  Id,
  IntentionRecord,
  IsoDate,
  IsoDateTime,
  JournalEntry,
} from '../../model/types';
import type { Pseudonymisation, SharedExtras } from '../../intervisie';
import { getDb } from '../db';
import { classRows } from '../classRows';
import { getCodeMap, listSharedPackages } from './share';
import { findTextsNaming, type NamingText } from './erasure';

export interface PackageIncluded {
  packageId: Id;
  createdAt: IsoDateTime;
  label: string;
  period: { from: IsoDate; to: IsoDate };
  pseudonymisation: Pseudonymisation;
  /** Null for packages recorded before the extras were kept. */
  extras: SharedExtras | null;
  lenses: string[] | null;
  encrypted: boolean;
  expiresOn: IsoDate | null;
}

export interface PupilAccessData {
  /** The pupil's coach code in this class (null before the class was first shared). */
  code: string | null;
  /** Journal entries linked to the pupil (by pupil or insight) or naming them. */
  journal: JournalEntry[];
  /** Remarks a coach made about the pupil (their insight names the pupil's id). */
  coachRemarks: CoachRemarkRecord[];
  /** Other free texts that name the pupil: topics, others' notes, intentions, remarks. */
  textsNaming: NamingText[];
  packages: PackageIncluded[];
  /** Where the teacher placed the cause when something went wrong with the pupil (issue 14). */
  attributions: AttributionRecord[];
  /** Intentions that deliberately gave the pupil more help (issue 14). */
  helpIntentions: IntentionRecord[];
}

export async function loadPupilAccessData(pupilId: Id): Promise<PupilAccessData | null> {
  const db = getDb();
  const pupil = await db.pupils.get(pupilId);
  if (!pupil) return null;
  const classId = pupil.classId;
  const matcher = buildNameMatcher([pupil]);
  const [journal, remarks, codes, shared, naming, attributions, intentions] = await Promise.all([
    db.journal.toArray(),
    classRows(db.coachRemarks, classId),
    getCodeMap(classId),
    listSharedPackages(classId),
    findTextsNaming(pupilId),
    db.attributions.where('pupilId').equals(pupilId).toArray(),
    classRows(db.intentions, classId),
  ]);
  const linked = (j: JournalEntry) =>
    j.pupilId === pupilId ||
    !!j.insightKey?.includes(pupilId) ||
    ((j.classId === classId || j.classId === null) && matcher.named(j.text).has(pupilId));
  const aboutPupil = remarks.filter((r) => r.insightKey.includes(pupilId));
  return {
    code: codes[pupilId] ?? null,
    journal: journal
      .filter((j) => j.deletedAt === null && linked(j))
      .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt)),
    coachRemarks: aboutPupil.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    // Journal texts are listed above already.
    textsNaming: naming.filter((n) => n.kind !== 'journal'),
    packages: shared
      .filter((s) => Object.values(s.ids.pupils).includes(pupilId))
      .map((s) => ({
        packageId: s.packageId,
        createdAt: s.createdAt,
        label: s.label,
        period: s.period,
        pseudonymisation: s.pseudonymisation,
        extras: s.extras ?? null,
        lenses: s.lenses ?? null,
        encrypted: s.encrypted,
        expiresOn: s.expiresOn ?? null,
      }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    attributions: attributions.sort(
      (a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt),
    ),
    helpIntentions: intentions
      .filter((i) => i.deletedAt === null && !!i.moreHelpFor?.includes(pupilId))
      .sort((a, b) => a.from.localeCompare(b.from) || a.createdAt.localeCompare(b.createdAt)),
  };
}

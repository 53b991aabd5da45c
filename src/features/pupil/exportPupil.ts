/**
 * One pupil's data as a JSON file, for when a pupil or their parents ask what is recorded
 * (the right of access under the GDPR/AVG). Pure: the caller passes the data and the clock.
 * The shape is documented in ./export-format.md.
 */
import type { PupilAccessData } from '../../db/repo/access';
import type { PupilTimelineData } from '../../db/repo/pupilPage';
import type {
  AbsenceRecord,
  AchievementRecord,
  BankingSession,
  ClassRecord,
  ExpectationRecord,
  Id,
  InteractionEvent,
  IsoDateTime,
  LessonRecord,
  PupilRecord,
  RelationshipRecord,
} from '../../model/types';
import { toIsoDate } from '../../domain/dates';

export const PUPIL_EXPORT_FORMAT = 'spiegel-pupil';
export const PUPIL_EXPORT_VERSION = 1;

export interface PupilExport {
  format: typeof PUPIL_EXPORT_FORMAT;
  formatVersion: typeof PUPIL_EXPORT_VERSION;
  appVersion: string;
  exportedAt: IsoDateTime;
  class: Pick<ClassRecord, 'id' | 'name' | 'yearLabel' | 'schoolType' | 'expectationScale'>;
  pupil: PupilRecord;
  /** The pupil's lens values in words (the ids are in `pupil.lensValues`). */
  lenses: { lens: string; value: string }[];
  /** The lessons the pupil's interactions and absences belong to. */
  lessons: LessonRecord[];
  events: InteractionEvent[];
  absences: AbsenceRecord[];
  banking: BankingSession[];
  expectations: ExpectationRecord[];
  achievements: AchievementRecord[];
  relationships: RelationshipRecord[];
  /** The pupil's coach code in this class, if the class was ever shared. */
  code: PupilAccessData['code'];
  /** Journal entries linked to the pupil or naming them. */
  journal: PupilAccessData['journal'];
  /** A coach's remarks about the pupil. */
  coachRemarks: PupilAccessData['coachRemarks'];
  /** Other free texts naming the pupil (lesson topics, other pupils' notes, intentions…). */
  textsNaming: PupilAccessData['textsNaming'];
  /** Every coach package that included the pupil, with what it held. */
  packages: PupilAccessData['packages'];
  /** Where the teacher placed the cause when something went wrong with the pupil. */
  attributions: PupilAccessData['attributions'];
  /** Intentions that deliberately gave the pupil more help. */
  helpIntentions: PupilAccessData['helpIntentions'];
}

type Dated = { date: string; createdAt: string; id: Id };
const byDate = <T extends Dated>(rows: readonly T[]): T[] =>
  [...rows].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.createdAt.localeCompare(b.createdAt) ||
      (a.id < b.id ? -1 : 1),
  );

export function buildPupilExport(
  data: PupilTimelineData,
  now: Date,
  appVersion: string,
  access: PupilAccessData | null = null,
): PupilExport {
  const { cls, pupil } = data;
  const lenses = data.lenses.flatMap((lens) => {
    const valueId = pupil.lensValues[lens.id];
    const value = lens.values.find((v) => v.id === valueId);
    return value ? [{ lens: lens.name, value: value.label }] : [];
  });
  const lessonIds = new Set([...data.events, ...data.absences].map((r) => r.lessonId));
  const absences = [...data.absences].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1),
  );
  return {
    format: PUPIL_EXPORT_FORMAT,
    formatVersion: PUPIL_EXPORT_VERSION,
    appVersion,
    exportedAt: now.toISOString(),
    class: {
      id: cls.id,
      name: cls.name,
      yearLabel: cls.yearLabel,
      schoolType: cls.schoolType,
      expectationScale: cls.expectationScale,
    },
    pupil,
    lenses,
    lessons: byDate(data.lessons.filter((l) => lessonIds.has(l.id))),
    events: byDate(data.events),
    absences,
    banking: byDate(data.banking),
    expectations: byDate(data.expectations),
    achievements: byDate(data.achievements),
    relationships: byDate(data.relationships),
    code: access?.code ?? null,
    journal: access?.journal ?? [],
    coachRemarks: access?.coachRemarks ?? [],
    textsNaming: access?.textsNaming ?? [],
    packages: access?.packages ?? [],
    attributions: access?.attributions ?? [],
    helpIntentions: access?.helpIntentions ?? [],
  };
}

/** Lower-case ASCII words joined by dashes ("Zoë van Dijk" → "zoe-van-dijk"); 'pupil' if none. */
export function nameSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'pupil';
}

/** `spiegel-<pupil-name-slug>-<YYYY-MM-DD>.json`, with the teacher's local date. */
export function pupilExportFileName(pupilName: string, now: Date): string {
  return `spiegel-${nameSlug(pupilName)}-${toIsoDate(now)}.json`;
}

/** Readable JSON (indented): this file is meant to be opened and read by people. */
export function pupilExportJson(exported: PupilExport): string {
  return JSON.stringify(exported, null, 2) + '\n';
}

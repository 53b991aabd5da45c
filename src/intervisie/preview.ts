/**
 * What the teacher sees before sharing: counts per record type, the ticked extras, and a
 * readable excerpt of the very file that will be written. Also the file names and the remarks
 * file the coach sends back.
 */
import {
  REMARKS_FORMAT,
  REMARKS_FORMAT_VERSION,
  type CoachPackage,
  type CoachPackageData,
  type CoachRemark,
  type RemarksFile,
  type SharedExtras,
} from './format';
import { CLASS_DATA_KEYS } from '../model/classData';

export type CountedType = Exclude<keyof CoachPackageData, 'class'>;

export const COUNTED_TYPES: readonly CountedType[] = [
  ...CLASS_DATA_KEYS,
  'journal',
  'attributions',
];

export function packageCounts(pkg: CoachPackage): Record<CountedType, number> {
  const out = {} as Record<CountedType, number>;
  // `attributions` is absent in packages made before issue 14.
  for (const type of COUNTED_TYPES) out[type] = pkg.data[type]?.length ?? 0;
  return out;
}

export type ExtraName = keyof SharedExtras;
export const EXTRA_NAMES: readonly ExtraName[] = [
  'topics',
  'journal',
  'relationshipNotes',
  'bankingNotes',
  'strengths',
  'aspirations',
];

/** The extras that are really in the file (ticked and not empty). */
export function sharedExtras(pkg: CoachPackage): { extras: ExtraName[]; lenses: string[] } {
  const d = pkg.data;
  const present: Record<ExtraName, boolean> = {
    topics: d.lessons.some((l) => l.topic !== undefined),
    journal: d.journal.length > 0,
    relationshipNotes: d.relationships.some((r) => r.note !== undefined),
    bankingNotes: d.banking.some((b) => b.note !== undefined),
    strengths: d.pupils.some((p) => p.strengths !== undefined),
    aspirations: d.pupils.some((p) => p.aspirations !== undefined),
  };
  return {
    extras: EXTRA_NAMES.filter((name) => pkg.shared[name] && present[name]),
    lenses: d.lenses.map((l) => l.name),
  };
}

/**
 * The file as it will be written, pretty-printed, with every list cut to its first `perList`
 * items and a note of how many follow.
 */
export function packageExcerpt(pkg: CoachPackage, perList = 2): string {
  const data: Record<string, unknown> = { class: pkg.data.class };
  for (const type of COUNTED_TYPES) {
    const list = pkg.data[type] as unknown[] | undefined;
    if (list === undefined) continue; // `attributions`: absent when there are none
    data[type] =
      list.length > perList ? [...list.slice(0, perList), `… +${list.length - perList}`] : list;
  }
  return JSON.stringify({ ...pkg, data }, null, 2);
}

function day(now: Date): string {
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}

/** `spiegel-coach-2025-03-14.json`: no label (a file name travels further than the file). */
export function packageFileName(now: Date): string {
  return `spiegel-coach-${day(now)}.json`;
}

export function remarksFileName(now: Date): string {
  return `spiegel-coach-remarks-${day(now)}.json`;
}

export function buildRemarksFile(
  pkg: Pick<CoachPackage, 'packageId'> & { label: string },
  author: string,
  remarks: readonly CoachRemark[],
  now: Date,
): RemarksFile {
  return {
    format: REMARKS_FORMAT,
    formatVersion: REMARKS_FORMAT_VERSION,
    packageId: pkg.packageId,
    label: pkg.label,
    author: author.trim(),
    createdAt: now.toISOString(),
    remarks: remarks.map((r) => ({
      insightKey: r.insightKey,
      text: r.text,
      createdAt: r.createdAt,
    })),
  };
}

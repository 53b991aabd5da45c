/**
 * Erasing a pupil (AVG art. 17) completely: every record about them, every reference to their
 * id (the class's coach codes, the id maps of packages made, the coach's remarks), and — by the
 * teacher's choice, text by text — the free texts elsewhere that name them. The name matcher is
 * the one that pseudonymises shared text (src/domain/nameMatch.ts).
 */
import { buildNameMatcher } from '../../domain/nameFinder';
import type { Id, PupilRecord } from '../../model/types';
import { getDb } from '../db';
import { classRows } from '../classRows';
import { nowIso } from '../ids';
import { deletePupilWithHistory } from './pupils';

/** Where a text that names the pupil lives; `remove` clears a field or deletes a record. */
export type NamingTextKind =
  | 'journal'
  | 'topic'
  | 'relationshipNote'
  | 'bankingNote'
  | 'intentionNote'
  | 'intentionReflection'
  | 'coachRemark'
  | 'pupilStrengths'
  | 'pupilAspirations';

export interface NamingText {
  /** `<kind>:<record id>`: what the teacher ticks to delete. */
  key: string;
  kind: NamingTextKind;
  date: string;
  text: string;
}

const CODES_KEY = (classId: Id) => `coach.codes.${classId}`;
const SHARED_PREFIX = 'coach.shared.';

/**
 * Texts in the pupil's class that name them (any part of their name or a nickname) and are not
 * erased with them anyway (their own notes and journal entries linked to them go regardless).
 */
export async function findTextsNaming(pupilId: Id): Promise<NamingText[]> {
  const db = getDb();
  const pupil = await db.pupils.get(pupilId);
  if (!pupil) return [];
  const classId = pupil.classId;
  const matcher = buildNameMatcher([pupil]);
  const names = (text: string) => !!text && matcher.named(text).has(pupilId);
  const [journal, lessons, relationships, banking, intentions, remarks, pupils] = await Promise.all(
    [
      classRows(db.journal, classId),
      classRows(db.lessons, classId),
      classRows(db.relationships, classId),
      classRows(db.banking, classId),
      classRows(db.intentions, classId),
      classRows(db.coachRemarks, classId),
      classRows(db.pupils, classId),
    ],
  );
  const out: NamingText[] = [];
  const add = (kind: NamingTextKind, id: Id, date: string, text: string) => {
    if (names(text)) out.push({ key: `${kind}:${id}`, kind, date: date.slice(0, 10), text });
  };
  for (const j of journal) {
    if (j.pupilId === pupilId || j.insightKey?.includes(pupilId)) continue;
    add('journal', j.id, j.date, j.text);
  }
  for (const l of lessons) add('topic', l.id, l.date, l.topic);
  for (const r of relationships)
    if (r.pupilId !== pupilId) add('relationshipNote', r.id, r.date, r.note);
  for (const b of banking) if (b.pupilId !== pupilId) add('bankingNote', b.id, b.date, b.note);
  for (const i of intentions) {
    add('intentionNote', i.id, i.from, i.note);
    add('intentionReflection', i.id, i.from, i.closingReflection);
  }
  for (const r of remarks)
    if (!r.insightKey.includes(pupilId)) add('coachRemark', r.id, r.createdAt, r.text);
  // Another pupil's strengths or dreams may name this pupil ("plays football with Finn").
  for (const p of pupils) {
    if (p.id === pupilId) continue;
    add('pupilStrengths', p.id, p.updatedAt, p.strengths ?? '');
    add('pupilAspirations', p.id, p.updatedAt, p.aspirations ?? '');
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
}

const ERASE_TABLES = [
  'pupils',
  'lessonEvents',
  'absences',
  'banking',
  'expectations',
  'achievements',
  'relationships',
  'journal',
  'intentions',
  'promptStates',
  'lessons',
  'settings',
  'coachRemarks',
  'attributions',
] as const;

/**
 * Erases the pupil with every record and reference, and deletes (or clears) the naming texts
 * whose keys are in `deleteTexts`; the others stay as the teacher chose. One transaction.
 */
export async function erasePupil(
  pupilId: Id,
  deleteTexts: readonly string[] = [],
  now: Date = new Date(),
): Promise<void> {
  if (!pupilId) return;
  const db = getDb();
  const stamp = nowIso(now);
  await db.transaction('rw', [...ERASE_TABLES], async () => {
    const pupil = await db.pupils.get(pupilId);
    if (!pupil) return;
    const classId = pupil.classId;
    for (const key of deleteTexts) {
      const [kind, id = ''] = key.split(':') as [NamingTextKind, Id | undefined];
      if (kind === 'journal') await db.journal.delete(id);
      else if (kind === 'coachRemark') await db.coachRemarks.delete(id);
      else if (kind === 'topic') await db.lessons.update(id, { topic: '', updatedAt: stamp });
      else if (kind === 'relationshipNote')
        await db.relationships.update(id, { note: '', updatedAt: stamp });
      else if (kind === 'bankingNote') await db.banking.update(id, { note: '', updatedAt: stamp });
      else if (kind === 'intentionNote')
        await db.intentions.update(id, { note: '', updatedAt: stamp });
      else if (kind === 'intentionReflection')
        await db.intentions.update(id, { closingReflection: '', updatedAt: stamp });
      else if (kind === 'pupilStrengths' || kind === 'pupilAspirations') {
        const other = await db.pupils.get(id);
        if (other) {
          const next: PupilRecord = { ...other, updatedAt: stamp };
          delete next[kind === 'pupilStrengths' ? 'strengths' : 'aspirations'];
          await db.pupils.put(next);
        }
      }
    }
    await deletePupilWithHistory(pupilId, now);
    // The coach's remarks about the pupil (their key carries the id).
    await db.coachRemarks.filter((r) => r.insightKey.includes(pupilId)).delete();
    // The class's code map and the id maps of the packages made.
    const codes = await db.settings.get(CODES_KEY(classId));
    if (codes && codes.value && typeof codes.value === 'object' && pupilId in codes.value) {
      const { [pupilId]: _gone, ...rest } = codes.value as Record<string, unknown>;
      await db.settings.put({ ...codes, value: rest, updatedAt: stamp });
    }
    const shared = await db.settings.where('key').startsWith(SHARED_PREFIX).toArray();
    for (const row of shared) {
      const value = row.value as { ids?: { pupils?: Record<string, string> } } | null;
      const pupils = value?.ids?.pupils;
      if (!pupils || !Object.values(pupils).includes(pupilId)) continue;
      const kept = Object.fromEntries(Object.entries(pupils).filter(([, v]) => v !== pupilId));
      await db.settings.put({
        ...row,
        value: { ...value, ids: { ...value.ids, pupils: kept } },
        updatedAt: stamp,
      });
    }
  });
}

/**
 * localStorage keys this app writes besides the language (e.g. `spiegel.expectationNudge.<class
 * id>`): cleared by "delete all data".
 */
export function clearLocalAppKeys(storage: Pick<Storage, 'length' | 'key' | 'removeItem'>): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key && key.startsWith('spiegel.') && key !== 'spiegel.language') keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}

/**
 * The right of access (AVG art. 15) is complete: the per-pupil export holds every record of every
 * class-data table that refers to the pupil (driven by CLASS_DATA_KEYS, so a new table fails
 * here until the export carries it), the journal entries linked to or naming them, the coach's
 * remarks about them, their code and every package that included them.
 */
import { describe, expect, it } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import { readClassEvents } from '../../src/db/eventStore';
import { loadPupilAccessData } from '../../src/db/repo/access';
import {
  getCodeMap,
  importCoachRemarks,
  loadShareSource,
  recordSharedPackage,
} from '../../src/db/repo/share';
import { loadDemoClass } from '../../src/db/repo/demo';
import { loadPupilTimelineData } from '../../src/db/repo/pupilPage';
import { SpiegelDB } from '../../src/db/schema';
import { buildPupilExport, type PupilExport } from '../../src/features/pupil/exportPupil';
import { NO_EXTRAS, buildCoachPackage } from '../../src/intervisie';
import { CLASS_DATA_KEYS, type ClassDataKey } from '../../src/model/classData';
import type { Id, PupilRecord } from '../../src/model/types';

const NOW = new Date(2025, 4, 16, 15, 0);
const stamp = NOW.toISOString();

/** Per class-data key: the ids of the records in the database that refer to the pupil, and where
 * the export lists them. A key missing here fails the test. */
type Check = {
  stored: (db: SpiegelDB, classId: Id, pupil: PupilRecord) => Promise<string[]>;
  exported: (e: PupilExport) => string[];
};
const byPupil =
  (table: 'absences' | 'banking' | 'expectations' | 'achievements' | 'relationships') =>
  async (db: SpiegelDB, _classId: Id, pupil: PupilRecord) =>
    (await db.table(table).where('pupilId').equals(pupil.id).toArray()).map(
      (r: { id: string }) => r.id,
    );
const CHECKS: Record<ClassDataKey, Check> = {
  pupils: { stored: (_db, _c, p) => Promise.resolve([p.id]), exported: (e) => [e.pupil.id] },
  lenses: {
    stored: async (db, c, p) =>
      (await db.lenses.where('classId').equals(c).toArray())
        .filter((l) => l.deletedAt === null && p.lensValues[l.id])
        .map((l) => l.name),
    exported: (e) => e.lenses.map((l) => l.lens),
  },
  lessons: {
    stored: async (db, c, p) => {
      const events = (await readClassEvents(db, c)).filter((e) => e.pupilId === p.id);
      const absences = await db.absences.where('pupilId').equals(p.id).toArray();
      return [...new Set([...events, ...absences].map((r) => r.lessonId))];
    },
    exported: (e) => e.lessons.map((l) => l.id),
  },
  events: {
    stored: async (db, c, p) =>
      (await readClassEvents(db, c)).filter((e) => e.pupilId === p.id).map((e) => e.id),
    exported: (e) => e.events.map((r) => r.id),
  },
  absences: { stored: byPupil('absences'), exported: (e) => e.absences.map((r) => r.id) },
  banking: { stored: byPupil('banking'), exported: (e) => e.banking.map((r) => r.id) },
  expectations: {
    stored: byPupil('expectations'),
    exported: (e) => e.expectations.map((r) => r.id),
  },
  achievements: {
    stored: byPupil('achievements'),
    exported: (e) => e.achievements.map((r) => r.id),
  },
  relationships: {
    stored: byPupil('relationships'),
    exported: (e) => e.relationships.map((r) => r.id),
  },
};

describe('the per-pupil access export', { timeout: 60_000 }, () => {
  it('holds every record referring to the pupil, and the texts, remarks, code and packages', async () => {
    const db = new SpiegelDB('t-' + crypto.randomUUID());
    setDbForTests(db);
    const classId = await loadDemoClass(NOW);
    const source = (await loadShareSource(classId))!;
    // The pupil with the most events, so every table has something.
    const events = await readClassEvents(db, classId);
    const count = (id: Id) => events.filter((e) => e.pupilId === id).length;
    const pupil = [...source.pupils].sort((a, b) => count(b.id) - count(a.id))[0]!;
    const other = source.pupils.find((p) => p.id !== pupil.id)!;
    const firstName = pupil.name.split(' ')[0]!;

    // Journal: one linked, one naming the pupil, one about someone else.
    const entry = (id: string, text: string, pupilId: Id | null) => ({
      id,
      classId,
      date: '2025-05-01',
      text,
      lessonId: null,
      pupilId,
      insightKey: null,
      source: 'journal' as const,
      deletedAt: null,
      createdAt: stamp,
      updatedAt: stamp,
    });
    await db.journal.bulkPut([
      entry('j-linked', 'Gesprek gehad.', pupil.id),
      entry('j-naming', `${firstName} hielp vandaag een ander.`, null),
      entry('j-other', 'Niets over deze leerling.', other.id),
    ]);

    // A package that included the pupil, and a coach's remark about them.
    const built = buildCoachPackage(
      source,
      {
        from: '2025-01-01',
        to: '2025-05-16',
        label: 'Groep 7',
        pseudonymisation: 'codes',
        extras: { ...NO_EXTRAS, topics: true },
        lensIds: [],
        expiryWeeks: 4,
      },
      {
        now: NOW,
        appVersion: 'test',
        packageId: crypto.randomUUID(),
        codeMap: await getCodeMap(classId),
      },
    );
    await recordSharedPackage(classId, built, true, NOW);
    const pkgPupil = Object.entries(built.ids.pupils).find(([, id]) => id === pupil.id)![0];
    await importCoachRemarks(
      classId,
      {
        format: 'spiegel-coach-remarks',
        formatVersion: 1,
        packageId: built.pkg.packageId,
        label: 'Groep 7',
        author: 'Anne',
        createdAt: stamp,
        remarks: [
          {
            insightKey: `praiseCorrection:${pkgPupil}`,
            text: 'Wat zie je hier?',
            createdAt: stamp,
          },
          { insightKey: 'general', text: 'Algemeen.', createdAt: stamp },
        ],
      },
      NOW,
    );

    const timeline = (await loadPupilTimelineData(pupil.id))!;
    const access = await loadPupilAccessData(pupil.id);
    const exported = buildPupilExport(timeline, NOW, 'test', access);

    for (const key of CLASS_DATA_KEYS) {
      const check = CHECKS[key];
      expect(check, `no completeness check for class-data key '${key}'`).toBeDefined();
      const stored = await check.stored(db, classId, pupil);
      expect(new Set(check.exported(exported)), key).toEqual(new Set(stored));
    }
    expect(exported.events.length).toBeGreaterThan(0);

    expect(exported.journal.map((j) => j.id).sort()).toEqual(['j-linked', 'j-naming']);
    expect(exported.coachRemarks.map((r) => r.text)).toEqual(['Wat zie je hier?']);
    expect(exported.code).toBe(built.codeMap[pupil.id]);
    expect(exported.code).toMatch(/^L\d{2,3}$/);
    expect(exported.packages).toEqual([
      {
        packageId: built.pkg.packageId,
        createdAt: built.pkg.createdAt,
        label: 'Groep 7',
        period: { from: '2025-01-01', to: '2025-05-16' },
        pseudonymisation: 'codes',
        extras: { ...NO_EXTRAS, topics: true },
        lenses: [],
        encrypted: true,
        expiresOn: '2025-06-13',
      },
    ]);
    db.close();
  });
});

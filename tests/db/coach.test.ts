/**
 * The intervisie repositories on fake-indexeddb. Two databases stand for two devices: the
 * teacher's (demo class) and the coach's (with a class of the coach's own). The coach's
 * workspace must never write to classes, pupils, events or any other table of the coach's data.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import { ValidationError } from '../../src/model/errors';
import {
  loadCoachRemarks,
  deleteCoachRemark,
  getCodeMap,
  importCoachRemarks,
  listCoachRemarks,
  listSharedPackages,
  loadShareSource,
  recordSharedPackage,
} from '../../src/db/repo/share';
import {
  addWorkspaceRemark,
  deleteWorkspace,
  deleteWorkspaceRemark,
  getWorkspace,
  listWorkspaces,
  saveWorkspace,
} from '../../src/db/repo/coachWorkspace';
import { loadDemoClass } from '../../src/db/repo/demo';
import { LATEST_STORES, SpiegelDB } from '../../src/db/schema';
import { toIsoDate } from '../../src/domain/dates';
import {
  CoachFileError,
  NO_EXTRAS,
  analysePackage,
  buildCoachPackage,
  buildRemarksFile,
  encryptPackageText,
  openPackageFile,
  readRemarksFile,
  type CoachPackage,
} from '../../src/intervisie';
import { freshDbWithClass } from './loggingFixtures';

const NOW = new Date(2025, 4, 16, 15, 0);
const LATER = new Date(2025, 4, 20, 10, 0);

async function teacherWithDemo() {
  const db = new SpiegelDB('t-' + crypto.randomUUID());
  setDbForTests(db);
  const classId = await loadDemoClass(NOW);
  return { db, classId };
}

/** The teacher's device makes a package of the demo class and remembers it. */
async function makePackage(classId: string, packageId = crypto.randomUUID()) {
  const source = (await loadShareSource(classId))!;
  const from = toIsoDate(new Date(2025, 0, 1));
  const built = buildCoachPackage(
    source,
    {
      from,
      to: toIsoDate(NOW),
      label: 'Groep 7',
      pseudonymisation: 'codes',
      extras: NO_EXTRAS,
      lensIds: [],
    },
    { now: NOW, appVersion: 'test', packageId, codeMap: await getCodeMap(classId) },
  );
  await recordSharedPackage(classId, built, true, NOW);
  return built;
}

type Snapshot = Record<string, unknown[]>;
async function snapshot(db: SpiegelDB, except: string[]): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const name of Object.keys(LATEST_STORES)) {
    if (!except.includes(name)) out[name] = await db.table(name).toArray();
  }
  return out;
}

/** Records every write attempt on every table but the allowed ones. */
function watchWrites(db: SpiegelDB, allowed: string[]): string[] {
  const writes: string[] = [];
  for (const name of Object.keys(LATEST_STORES)) {
    if (allowed.includes(name)) continue;
    const table = db.table(name);
    table.hook('creating', () => void writes.push(`${name}: create`));
    table.hook('updating', () => void writes.push(`${name}: update`));
    table.hook('deleting', () => void writes.push(`${name}: delete`));
  }
  return writes;
}

describe(
  'teacher side: packages and codes are remembered on this device',
  { timeout: 60_000 },
  () => {
    it('reads the whole class; remembers codes and the package; codes stay stable', async () => {
      const { classId } = await teacherWithDemo();
      const source = await loadShareSource(classId);
      expect(source?.pupils.length).toBeGreaterThan(20);
      expect(source?.events.length).toBeGreaterThan(500);
      expect(await loadShareSource(crypto.randomUUID())).toBeNull();

      expect(await getCodeMap(classId)).toEqual({});
      const first = await makePackage(classId);
      const codes = await getCodeMap(classId);
      expect(Object.keys(codes)).toHaveLength(source!.pupils.length);
      expect(codes).toEqual(first.codeMap);
      const second = await makePackage(classId);
      expect(second.codeMap).toEqual(codes);

      const shared = await listSharedPackages(classId);
      expect(shared.map((s) => s.packageId).sort()).toEqual(
        [first.pkg.packageId, second.pkg.packageId].sort(),
      );
      expect(shared[0]).toMatchObject({ classId, label: 'Groep 7', encrypted: true });
      expect(await listSharedPackages(crypto.randomUUID())).toEqual([]);
    });
  },
);

describe('coach side: a workspace lives in coachWorkspaces only', { timeout: 60_000 }, () => {
  let pkg: CoachPackage;

  beforeEach(async () => {
    const { classId } = await teacherWithDemo();
    pkg = (await makePackage(classId)).pkg;
    // Now the coach's device, with a class of the coach's own.
    await freshDbWithClass(['Eigen leerling 1', 'Eigen leerling 2']);
  });

  it('opening, remarking and deleting never touch any other table', async () => {
    const { db } = await freshDbWithClass(['Eigen leerling 1', 'Eigen leerling 2']);
    const before = await snapshot(db, ['coachWorkspaces']);
    const writes = watchWrites(db, ['coachWorkspaces']);

    const saved = await saveWorkspace(pkg, NOW);
    expect(saved.existed).toBe(false);
    const again = await saveWorkspace(pkg, LATER);
    expect(again).toEqual({ id: saved.id, existed: true });
    const remarkId = await addWorkspaceRemark(
      saved.id,
      'concentration:turn',
      ' Wat zie jij? ',
      NOW,
    );
    await addWorkspaceRemark(saved.id, 'general', 'Mooi dat je dit deelt.', NOW);
    await deleteWorkspaceRemark(saved.id, remarkId, LATER);

    const view = await getWorkspace(saved.id);
    expect(view?.pkg).toEqual(pkg);
    expect(view?.record.remarks.map((r) => r.text)).toEqual(['Mooi dat je dit deelt.']);
    expect(await listWorkspaces()).toEqual([
      {
        id: saved.id,
        label: 'Groep 7',
        openedAt: NOW.toISOString(),
        remarks: 1,
        period: pkg.period,
        encrypted: false,
        locked: false,
        expiresOn: pkg.expiresOn ?? null,
      },
    ]);
    // The coach's own classes never see the workspace.
    expect(await db.classes.count()).toBe(1);

    await deleteWorkspace(saved.id);
    expect(await getWorkspace(saved.id)).toBeNull();
    expect(await db.coachWorkspaces.count()).toBe(0);

    expect(writes).toEqual([]);
    expect(await snapshot(db, ['coachWorkspaces'])).toEqual(before);
    // The watch itself works: a write elsewhere is seen.
    await db.classes.update((await db.classes.toArray())[0]!.id, { name: 'Anders' });
    expect(writes).toEqual(['classes: update']);
  });

  it('refuses an invalid package and stores nothing', async () => {
    const { db } = await freshDbWithClass(['Eigen']);
    const broken = {
      ...pkg,
      data: { ...pkg.data, events: [{ ...pkg.data.events[0], pupilId: 'p99' }] },
    };
    await expect(saveWorkspace(broken as CoachPackage, NOW)).rejects.toBeInstanceOf(CoachFileError);
    expect(await db.coachWorkspaces.count()).toBe(0);
  });

  it('validates remarks', async () => {
    await freshDbWithClass(['Eigen']);
    const { id } = await saveWorkspace(pkg, NOW);
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (e instanceof ValidationError ? e.code : 'other'),
      );
    expect(await code(addWorkspaceRemark(id, 'general', '   ', NOW))).toBe('remarkRequired');
    expect(await code(addWorkspaceRemark(id, 'general', 'x'.repeat(5001), NOW))).toBe(
      'remarkTooLong',
    );
    expect(await code(addWorkspaceRemark(id, '', 'tekst', NOW))).toBe('insightKeyInvalid');
    expect(await code(addWorkspaceRemark(crypto.randomUUID(), 'general', 'tekst', NOW))).toBe(
      'workspaceNotFound',
    );
  });
});

describe('the whole loop across two devices', { timeout: 60_000 }, () => {
  it('teacher → encrypted package → coach workspace → remarks → back at the teacher', async () => {
    // Teacher's device.
    const teacher = await teacherWithDemo();
    const built = await makePackage(teacher.classId);
    const plain = JSON.stringify(built.pkg);
    for (const p of (await loadShareSource(teacher.classId))!.pupils) {
      expect(plain).not.toContain(p.name);
      expect(plain).not.toContain(p.id);
    }
    const file = JSON.stringify(
      await encryptPackageText(JSON.stringify(built.pkg), 'geheim woord', { iterations: 1000 }),
    );

    // Coach's device.
    await freshDbWithClass(['Eigen']);
    const opened = await openPackageFile(file, 'geheim woord');
    const { id } = await saveWorkspace(opened, NOW);
    // An insight about one pupil (the demo's bias guarantees some).
    const insight = analysePackage(opened).insights.find((i) => i.pupils?.length === 1)!;
    expect(insight.id).toMatch(/^[a-zA-Z]+:p[a-z0-9]{10}$/);
    await addWorkspaceRemark(id, insight.id, 'Wat weet je van deze leerling?', NOW);
    await addWorkspaceRemark(id, 'general', 'Sterk dat je dit onderzoekt.', NOW);
    const ws = (await getWorkspace(id))!;
    const remarksText = JSON.stringify(
      buildRemarksFile(
        { packageId: opened.packageId, label: ws.record.label },
        'Anne',
        ws.record.remarks,
        LATER,
      ),
    );

    // Back on the teacher's device.
    setDbForTests(teacher.db);
    const remarks = await readRemarksFile(remarksText);
    const result = await importCoachRemarks(teacher.classId, remarks, LATER);
    expect(result).toEqual({ added: 2, skipped: 0, label: 'Groep 7' });
    // Importing the same file again adds nothing.
    expect(await importCoachRemarks(teacher.classId, remarks, LATER)).toEqual({
      added: 0,
      skipped: 2,
      label: 'Groep 7',
    });
    const stored = await listCoachRemarks(teacher.classId);
    const realPupil = built.ids.pupils[insight.id.split(':')[1]!]!;
    expect(stored.map((r) => [r.insightKey, r.author, r.packageId])).toEqual(
      expect.arrayContaining([
        [`${insight.kind}:${realPupil}`, 'Anne', opened.packageId],
        ['general', 'Anne', opened.packageId],
      ]),
    );
    const view = await loadCoachRemarks(teacher.classId);
    expect(view.pupils.get(realPupil)).toBeDefined();
    expect(view.packages.get(opened.packageId)?.label).toBe('Groep 7');

    // Wrong class, unknown package.
    const other = crypto.randomUUID();
    await teacher.db.classes.add({
      ...(await teacher.db.classes.get(teacher.classId))!,
      id: other,
      isDemo: false,
    });
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (e instanceof ValidationError ? e.code : 'other'),
      );
    expect(await code(importCoachRemarks(other, remarks, LATER))).toBe('otherClass');
    expect(
      await code(
        importCoachRemarks(teacher.classId, { ...remarks, packageId: crypto.randomUUID() }, LATER),
      ),
    ).toBe('unknownPackage');

    await deleteCoachRemark(stored[0]!.id);
    expect(await listCoachRemarks(teacher.classId)).toHaveLength(1);
  });
});

/**
 * The coach's device (issue 11, point 2): an encrypted package stays encrypted at rest — the
 * IndexedDB dump holds no byte of its label, codes, ids, texts or the coach's remarks — and
 * workspaces are deleted after the expiry date the teacher set.
 */
import { describe, expect, it } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import { getCodeMap, loadShareSource } from '../../src/db/repo/share';
import {
  addWorkspaceRemark,
  getWorkspace,
  listWorkspaces,
  lockWorkspaces,
  saveEncryptedWorkspace,
  saveWorkspace,
  unlockWorkspace,
} from '../../src/db/repo/coachWorkspace';
import { deleteExpiredWorkspaces, takeExpiredCount } from '../../src/db/repo/maintenance';
import { loadDemoClass } from '../../src/db/repo/demo';
import { LATEST_STORES, SpiegelDB } from '../../src/db/schema';
import { toIsoDate } from '../../src/domain/dates';
import {
  CoachFileError,
  buildCoachPackage,
  encryptPackageText,
  expiryDate,
  type EncryptedPackage,
} from '../../src/intervisie';
import { freshDbWithClass } from './loggingFixtures';

const NOW = new Date(2025, 4, 16, 15, 0);
const PASS = 'geheime woorden hier';

async function built(expiryWeeks?: number) {
  const db = new SpiegelDB('t-' + crypto.randomUUID());
  setDbForTests(db);
  const classId = await loadDemoClass(NOW);
  const source = (await loadShareSource(classId))!;
  const b = buildCoachPackage(
    source,
    {
      from: '2025-01-01',
      to: toIsoDate(NOW),
      label: 'Zonnebloemgroep',
      pseudonymisation: 'codes',
      // Every extra ticked: topics, notes and journal texts are in the package.
      extras: {
        topics: true,
        journal: true,
        relationshipNotes: true,
        bankingNotes: true,
        strengths: true,
        aspirations: true,
      },
      lensIds: source.lenses.map((l) => l.id),
      expiryWeeks,
    },
    {
      now: NOW,
      appVersion: 'test',
      packageId: crypto.randomUUID(),
      codeMap: await getCodeMap(classId),
    },
  );
  db.close();
  return b.pkg;
}

async function dumpAll(db: SpiegelDB): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const name of Object.keys(LATEST_STORES)) out[name] = await db.table(name).toArray();
  return JSON.stringify(out);
}

/** Every string of the package that says something: label, ids, codes, texts, lens names. */
function secretsOf(pkg: object): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (
        ['format', 'appVersion', 'pseudonymisation', 'kind', 'scoreType', 'schoolType'].includes(
          key,
        )
      )
        return;
      if (/^\d{4}-\d{2}-\d{2}/.test(v) || /^\d{2}:\d{2}$/.test(v) || v.length < 3) return;
      out.add(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(pkg, '');
  return [...out];
}

describe('the coach device keeps an encrypted package encrypted', { timeout: 60_000 }, () => {
  it('at rest: no label, id, code, text or remark of the package in any store', async () => {
    const pkg = await built();
    const secrets = secretsOf(pkg);
    expect(secrets).toContain('Zonnebloemgroep');
    expect(secrets).toContain(pkg.packageId);
    expect(secrets.length).toBeGreaterThan(20);
    const envelope: EncryptedPackage = await encryptPackageText(JSON.stringify(pkg), PASS, {
      iterations: 1000,
    });

    const { db } = await freshDbWithClass(['Eigen']);
    const saved = await saveEncryptedWorkspace(envelope, PASS, NOW);
    const view = (await getWorkspace(saved.id))!;
    expect(view.locked).toBe(false);
    expect(view.pkg?.packageId).toBe(pkg.packageId);
    await addWorkspaceRemark(saved.id, 'general', 'Opmerking-Kwikstaart over L01', NOW);
    // Opening the same file again adds nothing.
    expect((await saveEncryptedWorkspace(envelope, PASS, NOW)).existed).toBe(true);

    const dump = await dumpAll(db);
    for (const s of [...secrets, 'Opmerking-Kwikstaart']) {
      // A short code (L05) can occur by chance inside base64: look for it as a JSON value.
      if (s.length >= 6) expect(dump, s).not.toContain(s);
      else for (const form of [`"${s}"`, `\\"${s}\\"`]) expect(dump, s).not.toContain(form);
    }
    // No package text stored at all.
    expect(dump).not.toContain('packageJson":"{');

    // A new tab: locked; the list shows no label; a wrong passphrase is refused.
    lockWorkspaces();
    const locked = (await getWorkspace(saved.id))!;
    expect(locked.locked).toBe(true);
    expect(locked.pkg).toBeNull();
    expect((await listWorkspaces())[0]).toMatchObject({ label: '', locked: true, remarks: null });
    await expect(unlockWorkspace(saved.id, 'verkeerde woorden')).rejects.toSatisfy(
      (e) => e instanceof CoachFileError && e.code === 'decryptFailed',
    );
    await expect(addWorkspaceRemark(saved.id, 'general', 'x', NOW)).rejects.toThrow();

    await unlockWorkspace(saved.id, PASS);
    const open = (await getWorkspace(saved.id))!;
    expect(open.record.label).toBe('Zonnebloemgroep');
    expect(open.record.remarks.map((r) => r.text)).toEqual(['Opmerking-Kwikstaart over L01']);
    expect(await dumpAll(db)).toBe(dump);
    // The control: the same package stored plain does show (so the search above would find it).
    await saveWorkspace(pkg, NOW);
    expect(await dumpAll(db)).toContain('Zonnebloemgroep');
    lockWorkspaces();
    db.close();
  });
});

describe('workspaces expire', () => {
  it('the package carries the teacher’s expiry; the coach’s device deletes after it', async () => {
    const pkg = await built(4);
    expect(pkg.expiresOn).toBe(expiryDate(NOW, 4));
    expect(pkg.expiresOn).toBe('2025-06-13');
    const older = { ...(await built()), expiresOn: undefined };
    const { db } = await freshDbWithClass(['Eigen']);
    const a = await saveWorkspace(pkg, NOW);
    const b = await saveWorkspace(older, NOW);
    // A package without the field is kept 8 weeks after it was made.
    expect((await db.coachWorkspaces.get(b.id))?.expiresOn).toBe(expiryDate(NOW, 8));
    takeExpiredCount();

    expect(await deleteExpiredWorkspaces('2025-06-13')).toBe(0);
    expect(await deleteExpiredWorkspaces('2025-06-14')).toBe(1);
    expect(await db.coachWorkspaces.get(a.id)).toBeUndefined();
    expect(await db.coachWorkspaces.get(b.id)).toBeDefined();
    expect(await deleteExpiredWorkspaces('2026-01-01')).toBe(1);
    expect(await db.coachWorkspaces.count()).toBe(0);
    expect(takeExpiredCount()).toBe(2);
    expect(takeExpiredCount()).toBe(0);
    db.close();
  });
});

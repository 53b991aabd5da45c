/**
 * Issue 14 in the coach package (format 2): the advice characteristic keeps its preset, so the
 * advice prompt runs on the coach's device; strengths and dreams travel only when ticked, names
 * replaced; a version-1 package is still read. The teacher's class is made through the
 * repositories, the package goes through the coach's workspace (store, read back) and the
 * workspace's prompts run on what comes out.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import { addAssessment } from '../../src/db/repo/achievements';
import { createClass } from '../../src/db/repo/classes';
import { getWorkspace, saveWorkspace } from '../../src/db/repo/coachWorkspace';
import { rateExpectation } from '../../src/db/repo/expectations';
import { createLens, setPupilLensValue } from '../../src/db/repo/lenses';
import { setPupilStrengths } from '../../src/db/repo/pupilStrengths';
import { addPupils } from '../../src/db/repo/pupils';
import { loadShareSource } from '../../src/db/repo/share';
import { SpiegelDB } from '../../src/db/schema';
import { packagePrompts } from '../../src/features/coach/workspacePrompts';
import {
  NO_EXTRAS,
  buildCoachPackage,
  packageToClassData,
  validateCoachPackage,
  type BuiltPackage,
  type SharedExtras,
} from '../../src/intervisie';
import type { PupilRecord } from '../../src/model/types';

const now = new Date('2025-06-20T12:00:00.000Z');
const NAMES = ['Sem Bakker', 'Noor Jansen', 'Daan de Vries', 'Lotte Visser', 'Mila Smit'];
let classId: string;
let pupils: PupilRecord[];
let adviceLensId: string;

beforeEach(async () => {
  setDbForTests(new SpiegelDB('t-' + crypto.randomUUID()));
  const cls = await createClass({ name: '1B', schoolType: 'secondary', yearLabel: '1 havo' }, now);
  classId = cls.id;
  pupils = await addPupils(classId, NAMES, now);
  const lens = await createLens(
    classId,
    'Basisschooladvies',
    ['vmbo', 'havo', 'vwo'],
    now,
    'advice',
  );
  adviceLensId = lens.id;
  // Advice: Sem vmbo, Noor and Daan havo, Lotte and Mila vwo (mid-ranks 0.1, 0.4, 0.4, 0.8, 0.8).
  const advice = [0, 1, 1, 2, 2];
  for (const [i, p] of pupils.entries()) {
    await setPupilLensValue(p.id, lens.id, lens.values[advice[i] ?? 0]!.id, now);
    await rateExpectation({ classId, pupilId: p.id, value: 2 }, '2025-06-01', now);
  }
  // Two tests, the same order each time: Sem highest (position 0.9), then Mila, Lotte, Daan, Noor.
  const scores = [9, 5, 6, 7, 8];
  for (const [label, date] of [
    ['Toets 1', '2025-06-05'],
    ['Toets 2', '2025-06-12'],
  ] as const) {
    await addAssessment(
      {
        classId,
        label,
        date,
        scoreType: 'grade',
        scores: pupils.map((p, i) => ({ pupilId: p.id, score: scores[i] ?? 5 })),
      },
      now,
    );
  }
  await setPupilStrengths(
    pupils[0]!.id,
    { strengths: 'tekenen, net als Noor', aspirations: '' },
    now,
  );
});

async function share(lensIds: string[], extras: SharedExtras = NO_EXTRAS): Promise<BuiltPackage> {
  const source = (await loadShareSource(classId))!;
  return buildCoachPackage(
    source,
    {
      from: '2025-06-01',
      to: '2025-06-19',
      label: 'Brugklas',
      pseudonymisation: 'codes',
      extras,
      lensIds,
    },
    { now, appVersion: 'test', packageId: crypto.randomUUID(), codeMap: {} },
  );
}

/** The package as the coach's device has it: stored in a workspace, read back. */
async function onCoachDevice(pkg: BuiltPackage['pkg']) {
  const saved = await saveWorkspace(validateCoachPackage(JSON.parse(JSON.stringify(pkg))), now);
  const view = await getWorkspace(saved.id);
  expect(view?.pkg).not.toBeNull();
  return view!.pkg!;
}

describe('the advice prompt on the coach’s device', () => {
  it('runs when the advice characteristic is ticked, about the pupil by code', async () => {
    const built = await share([adviceLensId]);
    const pkg = await onCoachDevice(built.pkg);
    expect(pkg.formatVersion).toBe(2);
    expect(pkg.data.lenses[0]).toMatchObject({ name: 'Basisschooladvies', preset: 'advice' });
    const advice = packagePrompts(pkg).filter((p) => p.rule === 'adviceBelowResults');
    expect(advice).toHaveLength(1);
    const [prompt] = advice;
    // The pupil is the package's id for Sem; the coach sees only the code.
    expect(built.ids.pupils[prompt!.pupilIds![0]!]).toBe(pupils[0]!.id);
    expect(prompt!.params).toMatchObject({
      advice: 'vmbo',
      achievementPosition: 0.9,
      assessments: 2,
    });
    const json = JSON.stringify(pkg);
    for (const name of NAMES.flatMap((n) => n.split(' ')).filter((w) => w !== 'de')) {
      expect(json.includes(name), `${name} in the package`).toBe(false);
    }
  });

  it('stays quiet when the characteristic was not ticked (nothing of it left home)', async () => {
    const pkg = await onCoachDevice((await share([])).pkg);
    expect(pkg.data.lenses).toEqual([]);
    expect(packagePrompts(pkg).filter((p) => p.rule === 'adviceBelowResults')).toEqual([]);
  });

  it('reads a version-1 package: no preset, so no advice prompt, and nothing ticked of issue 14', async () => {
    const { pkg } = await share([adviceLensId]);
    const { strengths: _s, aspirations: _a, ...oldShared } = pkg.shared;
    const v1 = {
      ...pkg,
      formatVersion: 1,
      shared: oldShared,
      data: { ...pkg.data, lenses: pkg.data.lenses.map(({ preset: _p, ...l }) => l) },
    };
    const read = await onCoachDevice(validateCoachPackage(JSON.parse(JSON.stringify(v1))));
    expect(read.formatVersion).toBe(2);
    expect(read.shared).toMatchObject({ strengths: false, aspirations: false });
    expect(packagePrompts(read).filter((p) => p.rule === 'adviceBelowResults')).toEqual([]);
    // A version-1 file carrying a field of version 2 is refused, not half read.
    expect(() => validateCoachPackage({ ...v1, data: pkg.data })).toThrow();
  });
});

describe('strengths and dreams in the package', () => {
  it('are out unless ticked; ticked, names become codes and the coach sees them', async () => {
    const without = await onCoachDevice((await share([])).pkg);
    expect(JSON.stringify(without)).not.toContain('tekenen');
    const built = await share([], { ...NO_EXTRAS, strengths: true });
    const pkg = await onCoachDevice(built.pkg);
    const sem = pkg.data.pupils.find((p) => built.ids.pupils[p.id] === pupils[0]!.id)!;
    const noor = pkg.data.pupils.find((p) => built.ids.pupils[p.id] === pupils[1]!.id)!;
    expect(sem.strengths).toBe(`tekenen, net als ${noor.code}`);
    expect(sem.aspirations).toBeUndefined();
    expect(built.texts).toEqual([
      expect.objectContaining({ kind: 'strengths', date: null, pupil: sem.code }),
    ]);
    // The coach's records carry the text, so the strengths prompt can read it there too.
    expect(packageToClassData(pkg).pupils.find((p) => p.id === sem.id)?.strengths).toBe(
      sem.strengths,
    );
  });
});

/**
 * Nothing the teacher did not tick may leave the device: names, notes, journal text, topics,
 * unticked lenses, assessment names, the class name and every original UUID are searched for in
 * the bytes of the package — plain and encrypted. What was ticked must be there.
 */
import { describe, expect, it } from 'vitest';
import {
  NO_EXTRAS,
  buildCoachPackage,
  encryptPackageText,
  validateCoachPackage,
  type ShareOptions,
} from '../../../src/intervisie';
import { FROM, NAMES, SECRETS, TO, makeFixture } from './fixture';

const NOW = new Date('2025-03-29T12:00:00.000Z');
const PACKAGE_ID = '6f1d7a8e-3b7e-4c55-9a55-0d6b1f6c2a11';

/** Codes the class already has, as an earlier package left them (first pupil L01, …). */
const earlierCodes = (fixture: ReturnType<typeof makeFixture>) =>
  Object.fromEntries(fixture.pupils.map((p, i) => [p.id, `L0${i + 1}`]));

function build(
  options: Partial<ShareOptions> = {},
  fixture = makeFixture(),
  codeMap: Record<string, string> = earlierCodes(fixture),
) {
  const built = buildCoachPackage(
    fixture.source,
    {
      from: FROM,
      to: TO,
      label: 'Groep 7',
      pseudonymisation: 'codes',
      extras: NO_EXTRAS,
      lensIds: [],
      ...options,
    },
    { now: NOW, appVersion: 'test', packageId: PACKAGE_ID, codeMap },
  );
  return { ...built, fixture, json: JSON.stringify(built.pkg) };
}

/** Every distinctive string of the fixture (whatever was ticked, names must never appear). */
const NEVER = [
  ...NAMES,
  'Ximenazz',
  'ZZSUR-Oosterhout',
  SECRETS.className,
  SECRETS.yearLabel,
  SECRETS.assessment,
];
const UNTICKED_BY_DEFAULT = [
  SECRETS.topic,
  SECRETS.journal,
  SECRETS.relationshipNote,
  SECRETS.bankingNote,
  SECRETS.strengths,
  SECRETS.aspirations,
  SECRETS.tickedLensName,
  SECRETS.tickedValue,
  SECRETS.untickedLensName,
  ...SECRETS.untickedValues,
];

/** Searches the UTF-8 bytes (not the JS string), case-insensitively. */
function expectAbsent(bytes: Uint8Array, needles: readonly string[]): void {
  const haystack = Buffer.from(bytes).toString('latin1').toLowerCase();
  for (const needle of needles) {
    const n = Buffer.from(needle, 'utf8').toString('latin1').toLowerCase();
    expect(haystack.includes(n), `"${needle}" occurs in the package`).toBe(false);
  }
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('pseudonymisation: what is not ticked is not in the file', () => {
  it('leaves out names, notes, journal, topics, lenses, assessment names and every UUID', async () => {
    const { json, fixture } = build();
    expectAbsent(utf8(json), [...NEVER, ...UNTICKED_BY_DEFAULT, ...fixture.ids]);
    const envelope = await encryptPackageText(json, 'correct horse battery', { iterations: 1000 });
    expectAbsent(utf8(JSON.stringify(envelope)), [
      ...NEVER,
      ...UNTICKED_BY_DEFAULT,
      ...fixture.ids,
    ]);
  });

  it('with initials, the names are still not in the file', () => {
    const { json, pseudonyms, fixture } = build({ pseudonymisation: 'initials' });
    expectAbsent(utf8(json), [...NEVER, ...UNTICKED_BY_DEFAULT, ...fixture.ids]);
    // Equal initials are numbered in the random order of the package ids, not the seating plan.
    expect(pseudonyms[fixture.pupils[2]!.id]).toBe('XZ');
    expect(new Set(fixture.pupils.map((p) => pseudonyms[p.id]))).toEqual(
      new Set(['Z', 'Z2', 'XZ', 'Z3', 'Z4', 'Z5']),
    );
  });

  it('with everything ticked: the ticked texts are there, names replaced, the unticked lens still out', async () => {
    const fixture = makeFixture();
    const { json, pkg } = build(
      {
        extras: {
          topics: true,
          journal: true,
          relationshipNotes: true,
          bankingNotes: true,
          strengths: true,
          aspirations: true,
        },
        lensIds: [fixture.tickedLensId],
      },
      fixture,
    );
    for (const ticked of [
      SECRETS.topic,
      SECRETS.journal,
      SECRETS.relationshipNote,
      SECRETS.bankingNote,
      SECRETS.strengths,
      SECRETS.aspirations,
      SECRETS.tickedLensName,
      SECRETS.tickedValue,
    ]) {
      expect(json).toContain(ticked);
    }
    const unticked = [SECRETS.untickedLensName, ...SECRETS.untickedValues];
    expectAbsent(utf8(json), [...NEVER, ...unticked, ...fixture.ids]);
    const envelope = await encryptPackageText(json, 'correct horse battery', { iterations: 1000 });
    expectAbsent(utf8(JSON.stringify(envelope)), [
      ...NEVER,
      ...unticked,
      ...UNTICKED_BY_DEFAULT,
      ...fixture.ids,
    ]);
    // Names inside ticked text become the pupils' codes; links use package ids.
    const ximena = pkg.data.pupils.find((p) => p.code === 'L03')!.id;
    expect(pkg.data.journal[0]).toEqual({
      date: '2025-03-11',
      text: `${SECRETS.journal}: L03 kreeg weinig beurten, L01 juist veel.`,
      lessonId: 's002',
      pupilId: ximena,
      insightKey: `notAddressed:${ximena}`,
    });
    expect(pkg.data.lessons[0]?.topic).toBe(`${SECRETS.topic} met L01`);
    expect(pkg.data.banking[0]?.note).toBe(`${SECRETS.bankingNote}: L04 koos een spel`);
    const first = pkg.data.pupils.find((p) => p.code === 'L01');
    expect(first?.strengths).toBe(`${SECRETS.strengths}, net als L02`);
    expect(first?.aspirations).toBe(`${SECRETS.aspirations} (L01)`);
    expect(pkg.data.pupils.filter((p) => p.strengths !== undefined)).toHaveLength(1);
  });

  it('strengths and dreams: each ticked on its own, listed in the preview with the pupil’s code', () => {
    const fixture = makeFixture();
    const { json, pkg, texts } = build({ extras: { ...NO_EXTRAS, aspirations: true } }, fixture);
    expect(json).toContain(SECRETS.aspirations);
    expectAbsent(utf8(json), [...NEVER, SECRETS.strengths, ...fixture.ids]);
    expect(pkg.shared).toMatchObject({ strengths: false, aspirations: true });
    expect(texts).toEqual([
      expect.objectContaining({ kind: 'aspirations', date: null, pupil: 'L01' }),
    ]);
  });

  it('a class shared for the first time gets codes in the random order of the package ids', () => {
    const fixture = makeFixture();
    const { pkg, codeMap } = build({}, fixture, {});
    // New codes follow the package's random ids (the file's order), never the seating plan.
    const inFileOrder = pkg.data.pupils.map((p) => p.code);
    expect(inFileOrder).toEqual([...inFileOrder].sort());
    expect(Object.keys(codeMap).sort()).toEqual(fixture.pupils.map((p) => p.id).sort());
    // Another draw of ids gives another order: the seating plan does not show through.
    const orders = new Set(
      Array.from({ length: 12 }, () =>
        fixture.pupils.map((p) => build({}, fixture, {}).codeMap[p.id]).join(','),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('is a valid package, keeping the codes the class has, with fresh ids', () => {
    const { pkg, ids, fixture } = build();
    expect(validateCoachPackage(JSON.parse(JSON.stringify(pkg)))).toEqual(pkg);
    expect(pkg.data.class.label).toBe('Groep 7');
    // Codes stay as they were; package ids are random and say nothing of the old UUIDs.
    const byCode = new Map(pkg.data.pupils.map((p) => [p.code, p]));
    fixture.pupils.forEach((pupil, i) => {
      const local = byCode.get(`L0${i + 1}`)!;
      expect(ids.pupils[local.id]).toBe(pupil.id);
    });
    for (const p of pkg.data.pupils) expect(p.id).toMatch(/^p[a-z0-9]{10}$/);
    expect(pkg.data.pupils.map((p) => p.id)).toEqual(pkg.data.pupils.map((p) => p.id).sort());
    // The removed pupil left inside the period.
    expect(byCode.get('L06')?.removedOn).toBe('2025-03-20');
    // Only lessons in the period; the one of 24 February is out.
    expect(pkg.data.lessons.map((l) => l.date)).toEqual([
      '2025-03-04',
      '2025-03-11',
      '2025-03-18',
      '2025-03-25',
    ]);
    expect(pkg.data.lessons.every((l) => l.topic === undefined)).toBe(true);
    expect(pkg.data.lenses).toEqual([]);
    expect(pkg.data.journal).toEqual([]);
    // The expectation in force at the start of the period comes along, later ones too.
    const first = byCode.get('L01')!.id;
    expect(pkg.data.expectations.filter((e) => e.pupilId === first).map((e) => e.date)).toEqual([
      '2025-02-10',
      '2025-03-10',
    ]);
    expect(new Set(pkg.data.achievements.map((a) => a.label))).toEqual(new Set(['T1']));
    // Events carry no timestamps.
    expect(JSON.stringify(pkg)).not.toMatch(/T09:1\d/);
  });

  it('keeps codes stable: a second package reuses the remembered codes, a new pupil gets the next', () => {
    const fixture = makeFixture();
    const first = build({}, fixture);
    // The teacher moves pupils around and adds one in the front row.
    const moved = fixture.source.pupils.map((p, i) => ({
      ...p,
      seat: { row: 1 - Math.floor(i / 3), col: 2 - (i % 3) },
    }));
    const newcomer = {
      ...moved[0]!,
      id: crypto.randomUUID(),
      name: 'ZZNAME-New-90',
      seat: { row: 0, col: 0 },
    };
    const second = buildCoachPackage(
      { ...fixture.source, pupils: [...moved, newcomer] },
      {
        from: FROM,
        to: TO,
        label: 'Groep 7',
        pseudonymisation: 'codes',
        extras: NO_EXTRAS,
        lensIds: [],
      },
      { now: NOW, appVersion: 'test', packageId: PACKAGE_ID, codeMap: first.codeMap },
    );
    for (const p of fixture.source.pupils) expect(second.codeMap[p.id]).toBe(first.codeMap[p.id]);
    expect(second.codeMap[newcomer.id]).toBe('L07');
  });
});

/**
 * The coach sees the same insights as the teacher: the demo class (with its built-in bias) is
 * analysed directly and through a package; the insights match once the package's ids are
 * translated back. Also pseudonyms, name scrubbing and insight-key translation.
 */
import { describe, expect, it } from 'vitest';
import { analyseClass, deriveInsights } from '../../../src/analysis';
import { toIsoDate } from '../../../src/domain/dates';
import { mulberry32 } from '../../../src/domain/random';
import { DEMO_SEED, generateDemoClass } from '../../../src/domain/demo/generate';
import {
  NO_EXTRAS,
  analysePackage,
  assignCodes,
  inRandomOrder,
  buildCoachPackage,
  buildRemarksFile,
  initialsOf,
  packageCounts,
  packageExcerpt,
  packageToClassData,
  readRemarksFile,
  scrubNames,
  sharedExtras,
  toPackageKey,
  toTeacherKey,
} from '../../../src/intervisie';

const TODAY = new Date(2025, 4, 16, 15, 0);

/** A seeded byte source, so the random bits of a package are the same in every run. */
function seededBytes(seed: number): (n: number) => Uint8Array {
  const rng = mulberry32(seed);
  // The low byte of each 32-bit draw (the stream this test's expected figures were made with).
  return (n) => Uint8Array.from({ length: n }, () => (rng() * 4294967296) & 0xff);
}

/** Numbers to 9 decimals: sums over pupils in another order differ in the last bits. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e9) / 1e9;
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

function demoPackage() {
  const demo = generateDemoClass({ seed: DEMO_SEED, today: TODAY });
  const source = { ...demo, cls: demo.class, journal: [] };
  const to = toIsoDate(TODAY);
  const from = demo.lessons.map((l) => l.date).sort()[0]!;
  const built = buildCoachPackage(
    source,
    {
      from,
      to,
      label: 'Groep 7',
      pseudonymisation: 'codes',
      extras: NO_EXTRAS,
      lensIds: demo.lenses.map((l) => l.id),
    },
    {
      now: TODAY,
      appVersion: 'test',
      packageId: crypto.randomUUID(),
      codeMap: {},
      randomBytes: seededBytes(7),
    },
  );
  return { demo, source, from, to, ...built };
}

describe(
  'the coach workspace analyses the package like the teacher’s own data',
  { timeout: 60_000 },
  () => {
    it('gives the same insights, with the same counts', () => {
      const { source, from, to, pkg, ids } = demoPackage();
      const teacher = deriveInsights(analyseClass(source, { today: to, from, to }));
      const coach = analysePackage(pkg).insights;
      expect(teacher.length).toBeGreaterThan(2);
      const translated = coach.map((i) => toTeacherKey(i.id, ids)).sort();
      expect(translated).toEqual(teacher.map((i) => i.id).sort());
      // The same figures (up to the order of adding). Package ids are random, so the permutation
      // tests draw other shuffles than the teacher's: their p is another Monte Carlo estimate
      // with the same conclusion (the ids come from a seeded source, so this test is stable).
      // Which of several pupils with equal counts makes a "top fifth" depends on the id order:
      // lists of more than one pupil are compared by size.
      const pupilsOf = (list: unknown[] | undefined) =>
        list && list.length > 1 ? list.length : list;
      const back = (value: unknown) =>
        typeof value === 'string' ? toTeacherKey(value, ids) : value;
      for (const insight of teacher) {
        const mine = coach.find((c) => toTeacherKey(c.id, ids) === insight.id)!;
        const { significance, ...rest } = mine;
        const { significance: expected, ...expectedRest } = insight;
        expect(significance?.couldBeChance).toBe(expected?.couldBeChance);
        // Where a permutation test picks between metrics, another shuffle may pick the other.
        if (expected) continue;
        expect(
          rounded({
            ...rest,
            id: back(rest.id),
            pupils: pupilsOf(rest.pupils?.map(back)),
            params: Object.fromEntries(Object.entries(rest.params).map(([k, v]) => [k, back(v)])),
          }),
        ).toEqual(
          rounded({
            ...expectedRest,
            pupils: pupilsOf(expectedRest.pupils),
          }),
        );
      }
      // Insights about single pupils name them by package id (shown to the coach as a code).
      const aboutOne = coach.filter((i) => i.pupils?.length === 1);
      expect(aboutOne.length).toBeGreaterThan(0);
      for (const i of aboutOne) expect(i.pupils?.[0]).toMatch(/^p[a-z0-9]{10}$/);
    });

    it('rebuilds records the analysis accepts, all in one class', () => {
      const { pkg } = demoPackage();
      const data = packageToClassData(pkg);
      expect(data.pupils).toHaveLength(pkg.data.pupils.length);
      expect(data.events).toHaveLength(pkg.data.events.length);
      expect(new Set(data.events.map((e) => e.classId))).toEqual(new Set([data.cls.id]));
      expect(data.pupils.map((p) => p.name).sort()[0]).toBe('L01');
    });

    it('summarises the package for the preview', () => {
      const { pkg, demo } = demoPackage();
      const counts = packageCounts(pkg);
      expect(counts.pupils).toBe(demo.pupils.length);
      expect(counts.lessons).toBe(demo.lessons.length);
      expect(counts.events).toBe(demo.events.length);
      expect(counts.journal).toBe(0);
      expect(sharedExtras(pkg)).toEqual({ extras: [], lenses: demo.lenses.map((l) => l.name) });
      const excerpt = packageExcerpt(pkg, 2);
      expect(excerpt).toContain('"pseudonymisation": "codes"');
      expect(excerpt).toContain(`"… +${demo.events.length - 2}"`);
    });
  },
);

describe('pseudonyms', () => {
  it.each([
    ['Sem de Vries', 'SV'],
    ['Zoë', 'Z'],
    ['Noor van den Berg', 'NB'],
    ["Fleur in 't Veld", 'FV'],
    ['  émile   Durand ', 'ED'],
  ])('initials of %s are %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });

  it('codes follow the order given, keep old codes and skip used numbers', () => {
    const p = (id: string) => ({ id, name: id });
    expect(assignCodes([p('c'), p('a'), p('b')])).toEqual({ c: 'L01', a: 'L02', b: 'L03' });
    expect(assignCodes([p('x'), p('y')], { y: 'L02', old: 'L05' })).toEqual({
      y: 'L02',
      old: 'L05',
      x: 'L06',
    });
  });

  it('puts items in an order decided by random keys, not by the input', () => {
    // The first item gets the key "paaaaaaaaaa", the second "p9999999999", which sorts first.
    let call = 0;
    const bytes = (n: number) => new Uint8Array(n).fill(call++ === 0 ? 0 : 35);
    expect(inRandomOrder(['front', 'back'], bytes)).toEqual(['back', 'front']);
  });

  it('scrubs names as whole words, ignoring case, with a possessive s', () => {
    const pupils = [
      { id: '1', name: 'Sem de Vries' },
      { id: '2', name: 'Semih Yılmaz' },
      { id: '3', name: 'Ayoub' },
    ];
    const codes = { '1': 'L01', '2': 'L02', '3': 'L03' };
    expect(scrubNames('Sem de  Vries en SEMIH; sem, Semester, ayoub! Ayoubs', pupils, codes)).toBe(
      'L01 en L02; L01, Semester, L03! L03',
    );
  });
});

describe('insight keys and the remarks file', () => {
  const ids = {
    pupils: { p01: '0b5e7c0e-0000-4000-8000-000000000001' },
    lenses: { n1: '0b5e7c0e-0000-4000-8000-0000000000aa' },
    lensValues: { n1v1: '0b5e7c0e-0000-4000-8000-0000000000ab' },
  };

  it('translates both ways and never lets an unknown UUID out', () => {
    expect(toPackageKey(`notAddressed:${ids.pupils.p01}`, ids)).toBe('notAddressed:p01');
    expect(toPackageKey(`lensEquity:${ids.lenses.n1}:turn`, ids)).toBe('lensEquity:n1:turn');
    expect(toPackageKey('notAddressed:0b5e7c0e-0000-4000-8000-00000000ffff', ids)).toBeNull();
    expect(toTeacherKey('praiseCorrection:p01', ids)).toBe(`praiseCorrection:${ids.pupils.p01}`);
    expect(toTeacherKey('concentration:turn', ids)).toBe('concentration:turn');
    expect(toTeacherKey('general', ids)).toBe('general');
  });

  it('a remarks file round-trips through the reader; another kind of file is refused', async () => {
    const file = buildRemarksFile(
      { packageId: crypto.randomUUID(), label: 'Groep 7' },
      '  Coach Anne ',
      [
        {
          insightKey: 'notAddressed:p01',
          text: 'Wat weet je van L01?',
          createdAt: TODAY.toISOString(),
        },
      ],
      TODAY,
    );
    expect(file.author).toBe('Coach Anne');
    expect(await readRemarksFile(JSON.stringify(file))).toEqual(file);
    const { pkg } = demoPackage();
    await expect(readRemarksFile(JSON.stringify(pkg))).rejects.toMatchObject({
      code: 'wrongKind',
      detail: { found: 'spiegel-coach-package' },
    });
    await expect(
      readRemarksFile('{"format":"spiegel-coach-remarks","formatVersion":2}'),
    ).rejects.toMatchObject({
      code: 'futureVersion',
    });
    await expect(
      readRemarksFile(JSON.stringify({ ...file, remarks: [{ ...file.remarks[0], extra: 1 }] })),
    ).rejects.toMatchObject({ code: 'invalid', detail: { path: 'remarks[0].extra' } });
  });
});

/**
 * The leak test of issue 11: a class whose pupils have every hard name form (surname first,
 * hyphenated, particles, diacritics, nicknames, a surname two pupils share), every free text
 * naming them in every way a teacher writes ("Tjalsma's", "OKONKWO", "Zoe", "Sems"), and every
 * package option. No name part, nickname, original id or unticked text may be in the package
 * (plain or decrypted); two packages never share a pupil id; the preview lists every shared text.
 */
import { NAME_PARTICLES } from '../../../src/domain/names';
import { describe, expect, it } from 'vitest';
import { buildNameMatcher, foldName, nameParts } from '../../../src/domain/nameFinder';
import {
  EXTRA_NAMES,
  buildCoachPackage,
  decryptPackageText,
  encryptPackageText,
  joinSegments,
  validateCoachPackage,
  type CoachPackage,
  type SharedExtras,
  type ShareOptions,
} from '../../../src/intervisie';
import { FROM, TO, makeFixture } from './fixture';

const NOW = new Date('2025-03-29T12:00:00.000Z');

const PUPILS = [
  { name: 'Femke Okonkwo-Bakker', nicknames: ['Fem'] },
  { name: 'Zwaluwstaart Quirijn', nicknames: [] },
  { name: 'Jildou Tjalsma', nicknames: ['Jil', 'de Friezin'] },
  { name: 'Sem de Vries', nicknames: ['Semmie'] },
  { name: 'Zoë van den Heuvel', nicknames: [] },
  { name: 'Bram Bakker', nicknames: ['Mo'] },
];

const MARK = {
  topics: 'QQTOPIC',
  journal: 'QQJOURNAL',
  relationshipNotes: 'QQRELNOTE',
  bankingNotes: 'QQBANKNOTE',
  strengths: 'QQSTRENGTH',
  aspirations: 'QQDREAM',
} as const;

const NAMING =
  'Okonkwo-Bakker was stil; Tjalsma’s moeder belde, OKONKWO en quirijn ook. Zoe, zoë en ' +
  "HEUVEL; Sems fiets, Vries, Semmie, Jil, de Friezin, Fem, Mo; Tjalsma's boek; Bakker.";

function fixture() {
  const f = makeFixture();
  // Strengths and dreams name the pupils too (issue 14: ticked on their own, default unticked).
  const pupils = f.source.pupils.map((p, i) => ({
    ...p,
    ...PUPILS[i]!,
    strengths: `${MARK.strengths} ${NAMING}`,
    aspirations: `${MARK.aspirations} ${NAMING}`,
  }));
  const source = {
    ...f.source,
    pupils,
    lessons: f.source.lessons.map((l) => ({ ...l, topic: `${MARK.topics} ${NAMING}` })),
    banking: f.source.banking.map((b) => ({ ...b, note: `${MARK.bankingNotes} ${NAMING}` })),
    relationships: f.source.relationships.map((r) => ({
      ...r,
      note: `${MARK.relationshipNotes} ${NAMING}`,
    })),
    journal: f.source.journal.map((j) => ({ ...j, text: `${MARK.journal} ${NAMING}` })),
  };
  return { ...f, source, pupils };
}

/** Every name part and nickname word (particles alone are ordinary words). */
const NAME_WORDS = [
  ...new Set(
    PUPILS.flatMap((p) => [p.name, ...p.nicknames])
      .flatMap(nameParts)
      .filter((w) => !NAME_PARTICLES.has(w)),
  ),
];

function words(text: string): Set<string> {
  return new Set([...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => foldName(m[0])));
}

function expectNoLeak(json: string, forbidden: readonly string[]): void {
  const found = words(json);
  for (const w of NAME_WORDS) expect(found.has(w), `name part "${w}" in the package`).toBe(false);
  const lower = json.toLowerCase();
  for (const s of forbidden)
    expect(lower.includes(s.toLowerCase()), `"${s}" in the package`).toBe(false);
}

const ALL_EXTRAS: SharedExtras[] = Array.from(
  { length: 2 ** EXTRA_NAMES.length },
  (_, bits) =>
    Object.fromEntries(
      EXTRA_NAMES.map((name, i) => [name, (bits & (1 << i)) !== 0]),
    ) as unknown as SharedExtras,
);

function options(f: ReturnType<typeof fixture>, patch: Partial<ShareOptions>): ShareOptions {
  return {
    from: FROM,
    to: TO,
    label: 'Groep 7',
    pseudonymisation: 'codes',
    extras: ALL_EXTRAS[0]!,
    lensIds: [],
    ...patch,
  };
}

function textsOf(pkg: CoachPackage): string[] {
  const d = pkg.data;
  return [
    ...d.lessons.flatMap((l) => (l.topic === undefined ? [] : [l.topic])),
    ...d.journal.map((j) => j.text),
    ...d.relationships.flatMap((r) => (r.note === undefined ? [] : [r.note])),
    ...d.banking.flatMap((b) => (b.note === undefined ? [] : [b.note])),
    ...d.pupils.flatMap((p) => [p.strengths, p.aspirations].filter((x) => x !== undefined)),
  ];
}

describe('pseudonymisation holds for every option and every name form', { timeout: 60_000 }, () => {
  it('no name part, nickname, id or unticked text in any package; the preview lists every text', () => {
    const f = fixture();
    let checked = 0;
    for (const mode of ['codes', 'initials'] as const) {
      for (const extras of ALL_EXTRAS) {
        for (const lensIds of [[], [f.tickedLensId]]) {
          const built = buildCoachPackage(
            f.source,
            options(f, { pseudonymisation: mode, extras, lensIds }),
            { now: NOW, appVersion: 'test', packageId: crypto.randomUUID(), codeMap: {} },
          );
          const json = JSON.stringify(built.pkg);
          const unticked = EXTRA_NAMES.filter((n) => !extras[n]).map((n) => MARK[n]);
          expectNoLeak(json, [...f.ids, ...unticked]);
          for (const n of EXTRA_NAMES.filter((x) => extras[x])) expect(json).toContain(MARK[n]);
          // The preview lists exactly the texts in the file, in full.
          expect(built.texts.map((t) => joinSegments(t.segments)).sort()).toEqual(
            textsOf(built.pkg).sort(),
          );
          expect(validateCoachPackage(JSON.parse(json))).toEqual(built.pkg);
          checked++;
        }
      }
    }
    expect(EXTRA_NAMES).toHaveLength(6);
    expect(checked).toBe(2 * 64 * 2);
  });

  it('the decrypted package leaks nothing either', async () => {
    const f = fixture();
    const all = Object.fromEntries(EXTRA_NAMES.map((n) => [n, true])) as unknown as SharedExtras;
    for (const mode of ['codes', 'initials'] as const) {
      const built = buildCoachPackage(
        f.source,
        options(f, { pseudonymisation: mode, extras: all }),
        {
          now: NOW,
          appVersion: 'test',
          packageId: crypto.randomUUID(),
          codeMap: {},
        },
      );
      const envelope = await encryptPackageText(JSON.stringify(built.pkg), 'lange wachtwoordzin', {
        iterations: 1000,
      });
      const sealed = JSON.stringify(envelope);
      // Random base64 (ciphertext, salt, iv) spells a short name part now and then ("mo" was
      // seen): name words are looked for outside its runs, the ids and marked texts everywhere.
      const forbidden = [...f.ids, ...Object.values(MARK)];
      expectNoLeak(sealed.replace(/[A-Za-z0-9+/=]{16,}/g, ''), forbidden);
      for (const s of forbidden)
        expect(sealed.toLowerCase().includes(s.toLowerCase()), `"${s}" in the package`).toBe(false);
      const opened = await decryptPackageText(envelope, 'lange wachtwoordzin');
      expectNoLeak(opened, f.ids);
    }
  });

  it('marks every replacement, one pseudonym per pupil, shared surnames left ambiguous', () => {
    const f = fixture();
    const built = buildCoachPackage(
      f.source,
      options(f, { extras: { ...ALL_EXTRAS[0]!, journal: true } }),
      { now: NOW, appVersion: 'test', packageId: crypto.randomUUID(), codeMap: {} },
    );
    const code = (i: number) => built.codeMap[f.pupils[i]!.id];
    expect(built.pkg.data.journal[0]?.text).toBe(
      `${MARK.journal} ${code(0)} was stil; ${code(2)}’s moeder belde, ${code(0)} en ${code(1)} ook. ` +
        `${code(4)}, ${code(4)} en ${code(4)}; ${code(3)} fiets, ${code(3)}, ${code(3)}, ${code(2)}, ` +
        `${code(2)}, ${code(0)}, ${code(5)}; ${code(2)}'s boek; [?].`,
    );
    const hits = built.texts[0]!.segments.filter((s) => typeof s !== 'string');
    expect(hits.map((h) => h.original)).toContain('Okonkwo-Bakker');
    expect(hits.map((h) => h.original)).toContain('de Friezin');
  });

  it('two packages, in the same or another mode, share no pupil id; initials numbered at random', () => {
    const f = fixture();
    const make = (mode: 'codes' | 'initials') =>
      buildCoachPackage(f.source, options(f, { pseudonymisation: mode }), {
        now: NOW,
        appVersion: 'test',
        packageId: crypto.randomUUID(),
        codeMap: {},
      });
    const a = make('codes');
    const b = make('initials');
    const c = make('codes');
    const idsOf = (x: typeof a) => x.pkg.data.pupils.map((p) => p.id);
    const seen = new Set(idsOf(a));
    for (const id of [...idsOf(b), ...idsOf(c)]) expect(seen.has(id)).toBe(false);
    for (const id of idsOf(b)) expect(id).toMatch(/^p[a-z0-9]{10}$/);
    // The order of the pupils in the file is random too (not the same in every package).
    const orders = new Set(
      Array.from({ length: 12 }, () => {
        const built = make('codes');
        return built.pkg.data.pupils.map((p) => built.ids.pupils[p.id]).join(',');
      }),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('the name matcher', () => {
  const m = buildNameMatcher([
    { id: 'a', name: 'Sem de Vries' },
    { id: 'b', name: 'Noor van den Berg', nicknames: ['Noortje'] },
  ]);
  it.each([
    ['de kat van de buren', []],
    ['Sem de Vries kwam', ['Sem de Vries']],
    ['de Vries', ['de Vries']],
    ['SEM', ['SEM']],
    ['Noortje’s jas', ['Noortje']],
    ['van den Berg en de Vries', ['van den Berg', 'de Vries']],
    ['Semester', []],
  ])('%s', (text, originals) => {
    expect(m.scan(text).flatMap((s) => (typeof s === 'string' ? [] : [s.original]))).toEqual(
      originals,
    );
    expect(
      m
        .scan(text)
        .map((s) => (typeof s === 'string' ? s : s.original))
        .join(''),
    ).toBe(text);
  });
});

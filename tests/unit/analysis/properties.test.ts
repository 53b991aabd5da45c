/** Properties that must hold for any class, checked with fast-check on generated classes. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyseClass, type AnalysisResult, type GroupComparison } from '../../../src/analysis';
import { groupProportionTest } from '../../../src/analysis/permutation';
import { mulberry32, rngFor } from '../../../src/domain/random';
import { INTERACTION_KINDS } from '../../../src/model/kinds';
import type { ClassData } from '../../../src/analysis';
import { ClassBuilder } from './support/build';

const FAST = { today: '2025-03-31', permutations: 200, minLessons: 1, minEvents: 1, minPupils: 2 };

const classArb = fc.record({
  pupils: fc.integer({ min: 1, max: 8 }),
  lessons: fc.integer({ min: 0, max: 6 }),
  absences: fc.array(fc.tuple(fc.nat(5), fc.nat(7)), { maxLength: 12 }),
  lens: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 8, maxLength: 8 }),
  expectation: fc.array(fc.integer({ min: -1, max: 4 }), { minLength: 8, maxLength: 8 }),
  events: fc.array(
    fc.record({
      l: fc.nat(5),
      p: fc.nat(7),
      kind: fc.constantFrom(...INTERACTION_KINDS),
      level: fc.constantFrom(undefined, 'recall' as const, 'higher' as const),
    }),
    { maxLength: 80 },
  ),
});
type ClassSpec = typeof classArb extends fc.Arbitrary<infer T> ? T : never;

function buildClass(s: ClassSpec): ClassBuilder {
  const ids = Array.from({ length: s.pupils }, (_, i) => `p${i}`);
  const b = new ClassBuilder().pupils(...ids).lessons(s.lessons);
  b.lens('L', 'Lens', ['a', 'b', 'c']);
  ids.forEach((id, i) => {
    const g = s.lens[i] ?? -1;
    if (g >= 0) b.lensValue(id, 'L', ['a', 'b', 'c'][g] ?? 'a');
    const e = s.expectation[i] ?? -1;
    if (e >= 0) b.expectation(id, '2025-01-01', e);
  });
  if (s.lessons === 0) return b;
  for (const [l, p] of s.absences) if (p < s.pupils) b.absent(`l${(l % s.lessons) + 1}`, `p${p}`);
  for (const e of s.events) {
    if (e.p >= s.pupils) continue;
    b.event(
      `l${(e.l % s.lessons) + 1}`,
      `p${e.p}`,
      e.kind,
      1,
      e.level ? { questionLevel: e.level } : {},
    );
  }
  return b;
}

const comparisons = (r: AnalysisResult): GroupComparison[] => [
  ...r.equity,
  r.expectation.current,
  r.expectation.inForce,
];

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const rng = mulberry32(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('properties', () => {
  it('pupils’ shares of every kind sum to 1, and so do their equal shares', () => {
    fc.assert(
      fc.property(classArb, (s) => {
        const r = analyseClass(buildClass(s).build(), FAST);
        for (const d of r.distribution) {
          const share = d.pupils.reduce((t, p) => t + (p.share ?? 0), 0);
          const equal = d.pupils.reduce((t, p) => t + (p.expectedShare ?? 0), 0);
          if (d.total > 0) expect(share).toBeCloseTo(1, 9);
          if (d.presences > 0) expect(equal).toBeCloseTo(1, 9);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('group shares of events and of presences each sum to 1 (lens values and expectation bands)', () => {
    fc.assert(
      fc.property(classArb, (s) => {
        const r = analyseClass(buildClass(s).build(), FAST);
        for (const c of comparisons(r)) {
          for (const m of c.metrics) {
            if (m.total > 0)
              expect(m.rows.reduce((t, x) => t + (x.share ?? 0), 0)).toBeCloseTo(1, 9);
            if (m.presences > 0) {
              expect(m.rows.reduce((t, x) => t + (x.presenceShare ?? 0), 0)).toBeCloseTo(1, 9);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('every Gini coefficient lies in [0, 1]', () => {
    fc.assert(
      fc.property(classArb, (s) => {
        const r = analyseClass(buildClass(s).build(), FAST);
        for (const d of r.distribution) {
          if (d.pattern.status === 'ok') {
            expect(d.pattern.gini).toBeGreaterThanOrEqual(0);
            expect(d.pattern.gini).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('weeks and months split the period: their lessons and events add up to the whole', () => {
    fc.assert(
      fc.property(classArb, (s) => {
        const r = analyseClass(buildClass(s).build(), FAST);
        for (const buckets of [r.timeline.week, r.timeline.month]) {
          const sum = (f: (b: (typeof buckets)[number]) => number) =>
            buckets.reduce((n, b) => n + f(b), 0);
          expect(sum((b) => b.basis.lessons)).toBe(r.basis.lessons);
          expect(sum((b) => b.basis.events)).toBe(r.basis.events);
          expect(buckets.flatMap((b) => b.lessonIds).sort()).toEqual([...r.lessonIds].sort());
          for (const b of buckets) {
            expect(b.rates.map((x) => x.metric)).toEqual(r.metrics);
            for (const x of b.rates) {
              for (const v of [x.meanRate, x.bands.high, x.bands.middle, x.bands.low])
                if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a spread proportional to presence gives Gini 0 and an equity ratio of 1 for every group', () => {
    fc.assert(
      fc.property(classArb, fc.integer({ min: 1, max: 4 }), (s, k) => {
        const spec = { ...s, lessons: Math.max(1, s.lessons), events: [] };
        const b = buildClass(spec);
        // k turns for every pupil at every lesson they attend.
        const data = b.build();
        const absent = new Set(data.absences.map((a) => `${a.lessonId}|${a.pupilId}`));
        for (const l of data.lessons) {
          for (const p of data.pupils)
            if (!absent.has(`${l.id}|${p.id}`)) b.event(l.id, p.id, 'turn', k);
        }
        const r = analyseClass(b.build(), FAST);
        const turn = r.distribution.find((d) => d.metric === 'turn');
        if (turn?.pattern.status === 'ok') expect(turn.pattern.gini).toBe(0);
        for (const p of turn?.pupils ?? [])
          if (p.presentLessons > 0) expect(p.shareRatio).toBeCloseTo(1, 12);
        for (const c of comparisons(r)) {
          for (const row of c.metrics.find((m) => m.metric === 'turn')?.rows ?? []) {
            if (row.presences > 0) expect(row.ratio).toBeCloseTo(1, 12);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the order of pupils, lessons and events in the input changes nothing — p-values included', () => {
    fc.assert(
      fc.property(classArb, fc.integer(), (s, seed) => {
        const data = buildClass(s).build();
        const mixed: ClassData = {
          ...data,
          pupils: shuffled(data.pupils, seed),
          lessons: shuffled(data.lessons, seed + 1),
          events: shuffled(data.events, seed + 2),
          absences: shuffled(data.absences, seed + 3),
          expectations: shuffled(data.expectations, seed + 4),
        };
        expect(analyseClass(mixed, FAST)).toEqual(analyseClass(data, FAST));
      }),
      { numRuns: 40 },
    );
  });

  it('the same seed gives the same answer, every time', () => {
    fc.assert(
      fc.property(classArb, fc.nat(), (s, seed) => {
        const data = buildClass(s).build();
        expect(analyseClass(data, { ...FAST, seed })).toEqual(
          analyseClass(data, { ...FAST, seed }),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('the permutation test itself: same seed, same p; p always in (0, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 5 }), fc.nat(20)),
          {
            minLength: 2,
            maxLength: 12,
          },
        ),
        fc.nat(),
        (rows, seed) => {
          const labels = Int32Array.from(rows, (r) => r[0]);
          const pres = Float64Array.from(rows, (r) => r[1]);
          const counts = Float64Array.from(rows, (r) => r[2]);
          const a = groupProportionTest(labels, 3, pres, counts, 1, 300, rngFor(seed, 'x'));
          const b = groupProportionTest(labels, 3, pres, counts, 1, 300, rngFor(seed, 'x'));
          expect(Array.from(a.p)).toEqual(Array.from(b.p));
          expect(a.p[0]).toBeGreaterThan(0);
          expect(a.p[0]).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

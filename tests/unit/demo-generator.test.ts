/**
 * The demo generator is pure and deterministic, every record hangs together, and the biases
 * documented in docs/demo-data.md hold numerically (for the app's seed and a few others).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_SEED, generateDemoClass, type DemoClassData } from '../../src/domain/demo/generate';
import { mulberry32 } from '../../src/domain/random';
import { DEMO_EMPTY_SEATS } from '../../src/domain/demo/roster';

// A Wednesday morning in autumn; lessons fall on the school days before it.
const TODAY = new Date(2025, 9, 15, 10, 30);
const SEEDS = [DEMO_SEED, 1, 7, 42, 2024];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const byName = (d: DemoClassData, name: string) => {
  const p = d.pupils.find((x) => x.name === name);
  if (!p) throw new Error(`no pupil ${name}`);
  return p;
};

/** The teacher's expectation of each pupil at the time of each lesson (latest rating so far). */
function expectationAt(d: DemoClassData) {
  const dates = [...new Set(d.expectations.map((e) => e.date))].sort();
  return (pupilId: string, lessonDate: string): number => {
    const moment = [...dates].reverse().find((x) => x <= lessonDate) ?? dates[0];
    const rating = d.expectations.find((e) => e.pupilId === pupilId && e.date === moment);
    if (!rating) throw new Error('no rating');
    return rating.value;
  };
}

const absentSet = (d: DemoClassData) =>
  new Set(d.absences.map((a) => `${a.lessonId}|${a.pupilId}`));

/** Per-lesson-present rate of `kind` for the high-expectation group against everyone else. */
function rateRatio(d: DemoClassData, kind: string, excludeIds: string[] = []) {
  const exp = expectationAt(d);
  const absent = absentSet(d);
  const acc = { high: { n: 0, present: 0 }, rest: { n: 0, present: 0 } };
  for (const lesson of d.lessons) {
    for (const p of d.pupils) {
      if (absent.has(`${lesson.id}|${p.id}`) || excludeIds.includes(p.id)) continue;
      const group = exp(p.id, lesson.date) >= 3 ? acc.high : acc.rest;
      group.present += 1;
      group.n += d.events.filter(
        (e) => e.lessonId === lesson.id && e.pupilId === p.id && e.kind === kind,
      ).length;
    }
  }
  return acc.high.n / acc.high.present / (acc.rest.n / acc.rest.present);
}

/** Least squares of y on [1, x1, x2]; returns the three coefficients. */
function ols(rows: { y: number; x1: number; x2: number }[]): [number, number, number] {
  const X = rows.map((r) => [1, r.x1, r.x2]);
  const A = [0, 1, 2].map((i) => [0, 1, 2].map((j) => X.reduce((s, x) => s + x[i]! * x[j]!, 0)));
  const b = [0, 1, 2].map((i) => X.reduce((s, x, k) => s + x[i]! * rows[k]!.y, 0));
  for (let i = 0; i < 3; i++)
    for (let k = i + 1; k < 3; k++) {
      const f = A[k]![i]! / A[i]![i]!;
      for (let j = i; j < 3; j++) A[k]![j]! -= f * A[i]![j]!;
      b[k]! -= f * b[i]!;
    }
  const x = [0, 0, 0];
  for (let i = 2; i >= 0; i--) {
    let s = b[i]!;
    for (let j = i + 1; j < 3; j++) s -= A[i]![j]! * x[j]!;
    x[i] = s / A[i]![i]!;
  }
  return x as [number, number, number];
}

afterEach(() => vi.restoreAllMocks());

describe('determinism', () => {
  it('gives identical output for the same seed and day', () => {
    const a = generateDemoClass({ seed: DEMO_SEED, today: TODAY });
    const b = generateDemoClass({ seed: DEMO_SEED, today: new Date(TODAY) });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('gives different data for a different seed', () => {
    const a = generateDemoClass({ seed: 1, today: TODAY });
    const b = generateDemoClass({ seed: 2, today: TODAY });
    expect(b.class.id).not.toBe(a.class.id);
    expect(b.events.map((e) => `${e.kind}:${e.pupilId}`)).not.toEqual(
      a.events.map((e) => `${e.kind}:${e.pupilId}`),
    );
    // …but the cast is the same: the seed varies the lessons, not who is in the class.
    expect(b.pupils.map((p) => p.name)).toEqual(a.pupils.map((p) => p.name));
  });

  it('never calls Math.random or Date.now', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called');
    });
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now called');
    });
    expect(() => generateDemoClass({ seed: 3, today: TODAY })).not.toThrow();
  });

  it('uses the given id factory and otherwise draws UUIDs from the seed', () => {
    let n = 0;
    const withIds = generateDemoClass({ seed: 5, today: TODAY, makeId: () => `id-${n++}` });
    expect(withIds.class.id).toBe('id-0');
    const plain = generateDemoClass({ seed: 5, today: TODAY });
    const all = allIds(plain);
    expect(all.every((id) => UUID.test(id))).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    // Swapping the id factory leaves the data itself unchanged.
    expect(withIds.events.map((e) => e.kind)).toEqual(plain.events.map((e) => e.kind));
  });

  it('mulberry32 is a known, repeatable sequence in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

function allIds(d: DemoClassData): string[] {
  return [
    d.class.id,
    ...d.pupils.map((x) => x.id),
    ...d.lenses.flatMap((l) => [l.id, ...l.values.map((v) => v.id)]),
    ...d.lessons.map((x) => x.id),
    ...d.absences.map((x) => x.id),
    ...d.events.map((x) => x.id),
    ...d.banking.map((x) => x.id),
    ...d.expectations.map((x) => x.id),
    ...d.achievements.map((x) => x.id),
    ...d.relationships.map((x) => x.id),
  ];
}

describe('the records hang together', () => {
  const d = generateDemoClass({ seed: DEMO_SEED, today: TODAY });
  const pupilIds = new Set(d.pupils.map((p) => p.id));
  const lessonById = new Map(d.lessons.map((l) => [l.id, l]));

  it('is one marked demo class of about 26–28 fictitious first names in a 5×6 plan', () => {
    expect(d.class).toMatchObject({
      isDemo: true,
      name: 'Demoklas groep 7',
      schoolType: 'primary',
      deletedAt: null,
      archivedAt: null,
      seating: { rows: 5, cols: 6 },
      expectationScale: { kind: 'relative5' },
    });
    expect(d.pupils.length).toBeGreaterThanOrEqual(24);
    expect(d.pupils.length).toBeLessThanOrEqual(30);
    const names = d.pupils.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    // First names only: no surnames.
    expect(names.every((n) => /^\p{L}+$/u.test(n))).toBe(true);
    const seats = d.pupils.map((p) => `${p.seat?.row}:${p.seat?.col}`);
    expect(new Set(seats).size).toBe(seats.length);
    expect(d.pupils.every((p) => p.seat && p.seat.row < 5 && p.seat.col < 6)).toBe(true);
    expect(30 - seats.length).toBe(2);
    for (const empty of DEMO_EMPTY_SEATS) expect(seats).not.toContain(`${empty.row}:${empty.col}`);
  });

  it('gives every pupil a value of both lenses, from that lens', () => {
    expect(d.lenses.map((l) => l.name)).toEqual(['Thuistaal', 'Schooladvies']);
    expect(d.lenses[0]!.values.map((v) => v.label)).toEqual(['Nederlands', '(ook) andere taal']);
    for (const p of d.pupils) {
      for (const lens of d.lenses) {
        const valueId = p.lensValues[lens.id];
        expect(lens.values.some((v) => v.id === valueId)).toBe(true);
      }
    }
  });

  it('has 24 lessons, four a week, on school days before today, over about six weeks', () => {
    expect(d.lessons).toHaveLength(24);
    const dates = d.lessons.map((l) => l.date);
    expect([...dates].sort()).toEqual(dates);
    expect(dates.at(-1)! < '2025-10-15').toBe(true);
    const span = (Date.parse(dates.at(-1)!) - Date.parse(dates[0]!)) / 86_400_000;
    expect(span).toBeGreaterThanOrEqual(35);
    expect(span).toBeLessThanOrEqual(49);
    for (const l of d.lessons) {
      const day = new Date(`${l.date}T12:00:00`).getDay();
      expect([1, 2, 4, 5]).toContain(day);
      expect(l.endedAt).not.toBeNull();
      expect(l.endTime! > l.startTime).toBe(true);
      expect(l.topic).not.toBe('');
    }
  });

  it('ties every event to a pupil and a lesson of the class, present at that lesson', () => {
    const absent = absentSet(d);
    for (const e of d.events) {
      const lesson = lessonById.get(e.lessonId);
      expect(lesson).toBeDefined();
      expect(pupilIds.has(e.pupilId)).toBe(true);
      expect(e.classId).toBe(d.class.id);
      expect(e.date).toBe(lesson!.date);
      expect(absent.has(`${e.lessonId}|${e.pupilId}`)).toBe(false);
      // Live taps have a time inside the lesson; afterwards-logged ones have none.
      if (e.loggedAfter) expect(e.at).toBeNull();
      else {
        expect(e.at! >= new Date(`${lesson!.date}T${lesson!.startTime}`).toISOString()).toBe(true);
        expect(e.at! <= new Date(`${lesson!.date}T${lesson!.endTime}`).toISOString()).toBe(true);
      }
    }
    for (const l of d.lessons) {
      const n = d.events.filter((e) => e.lessonId === l.id).length;
      expect(n).toBeGreaterThanOrEqual(20);
      expect(n).toBeLessThanOrEqual(25);
    }
    const after = new Set(d.events.filter((e) => e.loggedAfter).map((e) => e.lessonId));
    expect(after.size).toBeGreaterThanOrEqual(2);
    expect(d.absences.length).toBeGreaterThan(0);
    expect(d.absences.length).toBeLessThan(30);
  });

  it('ties ratings, results, relationships and banking time to pupils of the class', () => {
    for (const r of [...d.expectations, ...d.achievements, ...d.relationships, ...d.banking]) {
      expect(pupilIds.has(r.pupilId)).toBe(true);
      expect(r.classId).toBe(d.class.id);
    }
    // Two rating moments (weeks 1 and 5), each for the whole class, on the 0–4 scale.
    const moments = [...new Set(d.expectations.map((e) => e.date))].sort();
    expect(moments).toHaveLength(2);
    expect(moments[0]).toBe(d.lessons[0]!.date);
    const weeks = (Date.parse(moments[1]!) - Date.parse(moments[0]!)) / (7 * 86_400_000);
    expect(weeks).toBeGreaterThanOrEqual(3.5);
    expect(weeks).toBeLessThanOrEqual(4.5);
    for (const m of moments)
      expect(d.expectations.filter((e) => e.date === m)).toHaveLength(d.pupils.length);
    expect(
      d.expectations.every((e) => Number.isInteger(e.value) && e.value >= 0 && e.value <= 4),
    ).toBe(true);
    // Two tests, graded 1–10, for everyone.
    expect(new Set(d.achievements.map((a) => a.label)).size).toBe(2);
    expect(d.achievements).toHaveLength(2 * d.pupils.length);
    expect(
      d.achievements.every((a) => a.scoreType === 'grade' && a.score >= 1 && a.score <= 10),
    ).toBe(true);
    for (const r of d.relationships)
      for (const v of [r.closeness, r.conflict, r.dependency]) {
        expect(v).toBeGreaterThanOrEqual(1);
        expect(v).toBeLessThanOrEqual(5);
      }
    expect(new Set(d.banking.map((b) => b.pupilId)).size).toBe(2);
    expect(d.banking.every((b) => b.minutes >= 5 && b.minutes <= 15 && b.date < '2025-10-15')).toBe(
      true,
    );
  });

  it.each([
    ['a Monday', new Date(2025, 9, 13, 8, 0)],
    ['a Sunday', new Date(2025, 9, 19, 20, 0)],
    ['New Year', new Date(2026, 0, 1, 9, 0)],
  ])('puts every lesson before the day it is loaded (%s)', (_label, today) => {
    const data = generateDemoClass({ seed: DEMO_SEED, today });
    expect(data.lessons).toHaveLength(24);
    const todayIso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(data.lessons.every((l) => l.date < todayIso)).toBe(true);
    expect(data.events.every((e) => e.createdAt < today.toISOString())).toBe(true);
  });
});

describe.each(SEEDS)('the documented biases hold (seed %i)', (seed) => {
  const d = generateDemoClass({ seed, today: TODAY });
  const exp = expectationAt(d);
  const overlooked = byName(d, 'Kacper');
  const conflict = [byName(d, 'Finn'), byName(d, 'Yassin')];

  it('pupils expected much of get about twice the turns (per lesson present)', () => {
    const ratio = rateRatio(d, 'turn', [overlooked.id]);
    expect(ratio).toBeGreaterThan(1.7);
    expect(ratio).toBeLessThan(2.5);
  });

  it('and most of the higher-order questions and follow-up questions', () => {
    const higher = d.events.filter((e) => e.questionLevel === 'higher');
    const toHigh = higher.filter((e) => exp(e.pupilId, e.date) >= 3).length;
    expect(toHigh / higher.length).toBeGreaterThan(0.65);
    expect(rateRatio(d, 'followUp', [overlooked.id])).toBeGreaterThan(2.2);
  });

  it('one pupil is hardly addressed: at most one turn, nothing else, in the last six lessons', () => {
    const last6 = new Set(d.lessons.slice(-6).map((l) => l.id));
    const his = d.events.filter((e) => e.pupilId === overlooked.id && last6.has(e.lessonId));
    expect(his.filter((e) => e.kind === 'turn').length).toBeLessThanOrEqual(1);
    expect(his.length).toBeLessThanOrEqual(1);
    // He was there: the pattern is not explained by absence.
    expect(d.absences.some((a) => a.pupilId === overlooked.id)).toBe(false);
    // The rest of the class averaged at least one and a half turns over the same lessons.
    const turnsIn = (id: string) =>
      d.events.filter((e) => e.pupilId === id && e.kind === 'turn' && last6.has(e.lessonId)).length;
    const others = d.pupils.filter((p) => p.id !== overlooked.id).map((p) => turnsIn(p.id));
    expect(others.reduce((s, x) => s + x, 0) / others.length).toBeGreaterThanOrEqual(1.5);
  });

  it('pupils who (also) speak another language at home are expected about one step lower at equal results', () => {
    const home = d.lenses[0]!;
    const otherId = home.values[1]!.id;
    for (const moment of [...new Set(d.expectations.map((e) => e.date))]) {
      const rows = d.pupils.map((p) => {
        const grades = d.achievements.filter((a) => a.pupilId === p.id).map((a) => a.score);
        return {
          y: d.expectations.find((e) => e.pupilId === p.id && e.date === moment)!.value,
          x1: grades.reduce((s, g) => s + g, 0) / grades.length,
          x2: p.lensValues[home.id] === otherId ? 1 : 0,
        };
      });
      const [, perGrade, languageGap] = ols(rows);
      expect(perGrade).toBeGreaterThan(0.5);
      expect(languageGap).toBeGreaterThan(-1.4);
      expect(languageGap).toBeLessThan(-0.6);
    }
  });

  it('praise leans to the high-expectation group', () => {
    expect(rateRatio(d, 'praise', [overlooked.id, ...conflict.map((p) => p.id)])).toBeGreaterThan(
      1.8,
    );
  });

  it('behaviour corrections go mostly to the two pupils rated high on conflict', () => {
    const corrections = d.events.filter((e) => e.kind === 'correctionBehaviour');
    const perPupil = new Map<string, number>();
    for (const e of corrections) perPupil.set(e.pupilId, (perPupil.get(e.pupilId) ?? 0) + 1);
    const top2 = [...perPupil.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2);
    expect(top2.map(([id]) => id).sort()).toEqual(conflict.map((p) => p.id).sort());
    const share = top2.reduce((s, [, n]) => s + n, 0) / corrections.length;
    expect(share).toBeGreaterThan(0.45);
    for (const p of conflict) {
      const first = d.relationships
        .filter((r) => r.pupilId === p.id)
        .sort((a, b) => (a.date < b.date ? -1 : 1))[0]!;
      expect(first.conflict).toBeGreaterThanOrEqual(4);
    }
    const othersMaxConflict = Math.max(
      ...d.relationships
        .filter((r) => !conflict.some((p) => p.id === r.pupilId))
        .map((r) => r.conflict),
    );
    expect(othersMaxConflict).toBeLessThanOrEqual(2);
    // Banking time is for exactly these two.
    expect([...new Set(d.banking.map((b) => b.pupilId))].sort()).toEqual(
      conflict.map((p) => p.id).sort(),
    );
  });
});

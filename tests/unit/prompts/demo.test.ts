/**
 * End to end on the pure side: the demo class's documented bias (docs/demo-data.md) makes the
 * relevant prompts fire through the real analysis, and a class with too little data gets none.
 */
import { describe, expect, it } from 'vitest';
import type { ClassData } from '../../../src/analysis';
import { toIsoDate } from '../../../src/domain/dates';
import { DEMO_SEED, generateDemoClass } from '../../../src/domain/demo/generate';
import { runPrompts } from '../../../src/reflection';

const TODAY = new Date(2025, 9, 15, 10, 30);

function demo(seed = DEMO_SEED) {
  const d = generateDemoClass({ seed, today: TODAY });
  const data: ClassData = {
    cls: d.class,
    pupils: d.pupils,
    lenses: d.lenses,
    lessons: d.lessons,
    absences: d.absences,
    events: d.events,
    banking: d.banking,
    expectations: d.expectations,
    achievements: d.achievements,
    relationships: d.relationships,
  };
  const id = (name: string) => d.pupils.find((p) => p.name === name)?.id ?? '';
  return { d, data, id };
}

describe('prompts for the demo class', () => {
  const { data, id, d } = demo();
  const { prompts } = runPrompts(data, [], toIsoDate(TODAY));
  const keys = prompts.map((p) => p.key);

  it('notices that Kacper is hardly addressed, and comes first', () => {
    const p = prompts.find((x) => x.key === `notAddressed:${id('Kacper')}`);
    expect(p).toBeDefined();
    expect(Number(p?.params.p)).toBeLessThan(0.05);
    expect(keys[0]).toBe(`notAddressed:${id('Kacper')}`);
  });

  it('sees Finn and Yassin corrected far more than praised, with Banking Time already started', () => {
    for (const name of ['Finn', 'Yassin']) {
      const p = prompts.find((x) => x.key === `correctionsConflict:${id(name)}`);
      expect(p, name).toBeDefined();
      expect(p?.variant).toBe('banking');
      expect(Number(p?.params.corrections)).toBeGreaterThan(Number(p?.params.praise));
    }
    // They have Banking Time, so no "not yet" prompt.
    expect(keys.some((k) => k.startsWith('bankingNotYet:'))).toBe(false);
  });

  it('shows the expectation signature: higher-order questions, follow-ups, turns and praise', () => {
    for (const rule of [
      'higherOrderByExpectation',
      'followUpByExpectation',
      'turnsByExpectation',
      'praiseByExpectation',
    ]) {
      expect(keys).toContain(rule);
    }
    const ho = prompts.find((p) => p.rule === 'higherOrderByExpectation');
    expect(ho?.pupilIds).toContain(id('Kacper'));
    expect(ho?.pupilIds).not.toContain(id('Mila'));
  });

  it('finds the home-language group expected less of at equal results', () => {
    const home = d.lenses.find((l) => l.name === 'Thuistaal');
    const p = prompts.find((x) => x.key === `lensExpectationGap:${home?.id}`);
    expect(p?.params.valueLabel).toBe('(ook) andere taal');
  });

  it('gives every prompt a distinct key, research and counts', () => {
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of prompts) {
      expect(p.research.length, p.key).toBeGreaterThan(0);
      expect(p.basis.lessons + p.basis.events, p.key).toBeGreaterThan(0);
    }
  });

  // One day per test: each runs the whole analysis once, well inside a loaded machine's timeout.
  it.each([new Date(2026, 0, 5, 9), new Date(2026, 4, 20, 9), new Date(2026, 10, 22, 9)])(
    'lights up Kacper, Finn and Yassin first whatever day the demo is loaded (%s)',
    (day) => {
      const g = generateDemoClass({ seed: DEMO_SEED, today: day });
      const names = new Map(g.pupils.map((p) => [p.id, p.name]));
      const data2: ClassData = { ...data, ...g, cls: g.class };
      const first = runPrompts(data2, [], toIsoDate(day)).prompts.slice(0, 3);
      const shown = first.map((p) => `${p.rule}:${names.get(p.pupilIds?.[0] ?? '')}`);
      expect(shown[0], toIsoDate(day)).toBe('notAddressed:Kacper');
      expect(shown.slice(1).sort(), toIsoDate(day)).toEqual([
        'correctionsConflict:Finn',
        'correctionsConflict:Yassin',
      ]);
    },
  );

  it('says nothing on the first two lessons of the same class', () => {
    const two = new Set(d.lessons.slice(0, 2).map((l) => l.id));
    const early: ClassData = {
      ...data,
      lessons: d.lessons.filter((l) => two.has(l.id)),
      events: d.events.filter((e) => two.has(e.lessonId)),
      banking: [],
      achievements: [],
    };
    const day = d.lessons[1]?.date ?? '';
    expect(runPrompts(early, [], day).prompts.map((p) => p.key)).toEqual([]);
  });
});

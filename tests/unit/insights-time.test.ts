// @vitest-environment happy-dom
/**
 * "Door de tijd": weeks and months, and the comparison before/after a chosen date. A class of
 * three pupils and six lessons whose every figure is worked out by hand below.
 */
import { classRecord } from '../support/records';
import i18next from 'i18next';
import { h, render } from 'preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyseClass, type ClassData } from '../../src/analysis';
import type { InteractionEvent } from '../../src/model/types';
import type { InteractionKind } from '../../src/model/kinds';
import {
  beforeAfterFigures,
  beforeAfterSummary,
  sideShortfalls,
} from '../../src/features/insights/beforeAfter';
import {
  defaultFilters,
  filtersFromQuery,
  filtersToQuery,
} from '../../src/features/insights/period';
import { bucketSeries, bucketTitle, monthName } from '../../src/features/insights/timeBuckets';
import { TimelineSection } from '../../src/features/insights/TimelineSection';
import enInsights from '../../src/i18n/locales/en/insights.json';
import nlInsights from '../../src/i18n/locales/nl/insights.json';
import { localInsightsView } from '../support/insightsView';

beforeAll(async () => {
  await i18next.init({
    lng: 'nl',
    resources: { nl: { insights: nlInsights }, en: { insights: enInsights } },
    interpolation: { escapeValue: false },
  });
});

const T = '2025-03-01T08:00:00.000Z';
const stamps = { createdAt: T, updatedAt: T };

/**
 * Ann (expected much of), Bob (middle) and Cas (expected little of), present at all six lessons.
 *
 * Week 10 (3–5 March):  turns Ann 10, Bob 6, Cas 4 (20); praise 2; work corrections 3 → 25 events.
 * Week 11 (10–12 March): turns 7 each (21); praise 4; behaviour correction 1 → 26 events.
 */
const LESSONS: [string, string, [InteractionKind, string, number][]][] = [
  [
    'l1',
    '2025-03-03',
    [
      ['turn', 'a', 4],
      ['turn', 'b', 2],
      ['turn', 'c', 2],
      ['praise', 'b', 2],
    ],
  ],
  [
    'l2',
    '2025-03-04',
    [
      ['turn', 'a', 3],
      ['turn', 'b', 2],
      ['turn', 'c', 1],
      ['correctionWork', 'c', 3],
    ],
  ],
  [
    'l3',
    '2025-03-05',
    [
      ['turn', 'a', 3],
      ['turn', 'b', 2],
      ['turn', 'c', 1],
    ],
  ],
  [
    'l4',
    '2025-03-10',
    [
      ['turn', 'a', 3],
      ['turn', 'b', 3],
      ['turn', 'c', 3],
      ['praise', 'a', 4],
    ],
  ],
  [
    'l5',
    '2025-03-11',
    [
      ['turn', 'a', 2],
      ['turn', 'b', 2],
      ['turn', 'c', 2],
      ['correctionBehaviour', 'b', 1],
    ],
  ],
  [
    'l6',
    '2025-03-12',
    [
      ['turn', 'a', 2],
      ['turn', 'b', 2],
      ['turn', 'c', 2],
    ],
  ],
];

function smallClass(): ClassData {
  const events: InteractionEvent[] = [];
  for (const [lessonId, date, counts] of LESSONS) {
    for (const [kind, pupilId, n] of counts) {
      for (let i = 0; i < n; i++) {
        events.push({
          id: `${lessonId}-${kind}-${pupilId}-${i}`,
          classId: 'c',
          lessonId,
          pupilId,
          kind,
          date,
          at: null,
          loggedAfter: false,
          ...stamps,
        });
      }
    }
  }
  return {
    cls: classRecord('c', { name: 'Klas', seating: { rows: 1, cols: 3 }, ...stamps }),
    pupils: [
      ['a', 'Ann'],
      ['b', 'Bob'],
      ['c', 'Cas'],
    ].map(([id, name]) => ({
      id: id!,
      classId: 'c',
      name: name!,
      seat: null,
      lensValues: {},
      removedAt: null,
      ...stamps,
    })),
    lenses: [],
    lessons: LESSONS.map(([id, date]) => ({
      id,
      classId: 'c',
      date,
      startTime: '09:00',
      endTime: null,
      topic: '',
      endedAt: null,
      deletedAt: null,
      ...stamps,
    })),
    absences: [],
    events,
    banking: [],
    // relative5: 4 is high, 2 middle, 0 low.
    expectations: [
      ['a', 4],
      ['b', 2],
      ['c', 0],
    ].map(([pupilId, value]) => ({
      id: `x-${pupilId}`,
      classId: 'c',
      pupilId: pupilId as string,
      date: '2025-03-01',
      value: value as number,
      confidence: null,
      ...stamps,
    })),
    achievements: [],
    relationships: [],
  };
}

const TODAY = '2025-03-14';

describe('sideShortfalls', () => {
  const o = { minLessons: 3, minEvents: 20 };
  it.each([
    [{ lessons: 3, events: 20, pupils: 3 }, []],
    [{ lessons: 2, events: 20, pupils: 3 }, ['fewLessons']],
    [{ lessons: 3, events: 19, pupils: 3 }, ['fewEvents']],
    [{ lessons: 0, events: 0, pupils: 0 }, ['fewLessons', 'fewEvents']],
  ])('%o → %o', (basis, reasons) => {
    expect(sideShortfalls(basis, o)).toEqual(reasons);
  });
  it('a side with nothing is too little even when the minimums are 0', () => {
    expect(
      sideShortfalls({ lessons: 0, events: 0, pupils: 0 }, { minLessons: 0, minEvents: 0 }),
    ).toEqual(['fewLessons', 'fewEvents']);
  });
});

describe('beforeAfterFigures', () => {
  const result = analyseClass(smallClass(), { today: TODAY, splitDate: '2025-03-10' });
  const f = beforeAfterFigures(result.beforeAfter!, 'turn', result.options);

  it('counts both sides', () => {
    expect(f.before.basis).toEqual({ lessons: 3, events: 25, pupils: 3 });
    expect(f.after.basis).toEqual({ lessons: 3, events: 26, pupils: 3 });
    expect(f.comparable).toBe(true);
  });

  it('turns per pupil per lesson, with the counts behind them', () => {
    // 20 turns over 3 pupils × 3 lessons; then 21 over 9.
    expect(f.before.rate).toEqual({ count: 20, presences: 9, rate: 20 / 9 });
    expect(f.after.rate).toEqual({ count: 21, presences: 9, rate: 21 / 9 });
  });

  it('the top fifth and the Gini coefficient', () => {
    // Top fifth = ⌈3/5⌉ = 1 pupil. Before: Ann, 10 of 20 turns, 3 of 9 presences.
    // Gini of the rates 4/3, 2, 10/3 (Σ = 20/3): (−2·4/3 + 0·2 + 2·10/3) / (3 · 20/3) = 4/20.
    expect(f.before.spread?.size).toBe(1);
    expect(f.before.spread?.countShare).toBeCloseTo(0.5, 12);
    expect(f.before.spread?.presenceShare).toBeCloseTo(1 / 3, 12);
    expect(f.before.spread?.gini).toBeCloseTo(0.2, 12);
    // After: 7 turns each, so 7 of 21 and a Gini of 0.
    expect(f.after.spread?.countShare).toBeCloseTo(1 / 3, 12);
    expect(f.after.spread?.gini).toBeCloseTo(0, 12);
  });

  it('per expectation band, as in force at each lesson', () => {
    expect(f.bands).toEqual(['high', 'middle', 'low']);
    expect(f.before.bands.high).toEqual({ count: 10, presences: 3, rate: 10 / 3, pupils: 1 });
    expect(f.before.bands.middle).toEqual({ count: 6, presences: 3, rate: 2, pupils: 1 });
    expect(f.before.bands.low).toEqual({ count: 4, presences: 3, rate: 4 / 3, pupils: 1 });
    expect(f.after.bands.low).toEqual({ count: 7, presences: 3, rate: 7 / 3, pupils: 1 });
  });

  it('praise against corrections', () => {
    // Before 2 praise, 3 corrections: 2/5. After 4 praise, 1 correction: 4/5.
    expect([f.before.praise, f.before.corrections, f.before.positiveShare]).toEqual([2, 3, 0.4]);
    expect([f.after.praise, f.after.corrections, f.after.positiveShare]).toEqual([4, 1, 0.8]);
  });

  it('leaves out kinds that are filtered out rather than counting them as zero', () => {
    const only = analyseClass(smallClass(), {
      today: TODAY,
      splitDate: '2025-03-10',
      kinds: ['turn'],
    });
    const g = beforeAfterFigures(only.beforeAfter!, 'turn', only.options);
    expect([g.before.praise, g.before.corrections, g.before.positiveShare]).toEqual([
      null,
      null,
      null,
    ]);
    // Turns alone: 20 and 21 events, still enough on both sides.
    expect(g.comparable).toBe(true);
    expect(beforeAfterFigures(only.beforeAfter!, 'praise', only.options).before.rate).toBeNull();
  });

  it('says a side is too small: before 5 March there are 2 lessons and 19 events', () => {
    const early = analyseClass(smallClass(), { today: TODAY, splitDate: '2025-03-05' });
    const g = beforeAfterFigures(early.beforeAfter!, 'turn', early.options);
    expect(g.before.basis).toEqual({ lessons: 2, events: 19, pupils: 3 });
    expect(g.before.shortfalls).toEqual(['fewLessons', 'fewEvents']);
    expect(g.after.basis).toEqual({ lessons: 4, events: 32, pupils: 3 });
    expect(g.after.shortfalls).toEqual([]);
    expect(g.comparable).toBe(false);
  });

  it('sums up both sides in one sentence, in Dutch and English', async () => {
    expect(beforeAfterSummary(f)).toBe(
      'Samen genomen kreeg de klas vóór ma 10 maart 2025 22,2 beurten per leerling per 10 lessen en vanaf die dag 23,3. Het vijfde van de klas met de meeste per 10 lessen kreeg eerst 50% en daarna 33% ervan.',
    );
    await i18next.changeLanguage('en');
    try {
      expect(beforeAfterSummary(f)).toBe(
        'Taken together, the class got 22.2 turns per pupil per 10 lessons before Mon, 10 March 2025 and 23.3 from that day on; the fifth of the class with the most per 10 lessons got 50% of them before and 33% after.',
      );
    } finally {
      await i18next.changeLanguage('nl');
    }
  });

  it('leaves the spread out of the sentence when a side has too little for it', () => {
    const early = analyseClass(smallClass(), { today: TODAY, splitDate: '2025-03-05' });
    const g = beforeAfterFigures(early.beforeAfter!, 'turn', early.options);
    // Before: 14 turns over 6 presences → 23,3 per 10; after: 27 over 12 → 22,5.
    expect(beforeAfterSummary(g)).toBe(
      'Samen genomen kreeg de klas vóór wo 5 maart 2025 23,3 beurten per leerling per 10 lessen en vanaf die dag 22,5.',
    );
  });
});

describe('weeks and months', () => {
  const result = analyseClass(smallClass(), { today: TODAY });

  it('a series per bucket: the class and each band, per 10 lessons', () => {
    const weeks = bucketSeries(result.timeline.week, 'turn');
    expect(weeks.map((s) => s.key)).toEqual(['all', 'high', 'middle', 'low']);
    const values = weeks.map((s) => s.values.map((v) => Math.round((v ?? NaN) * 100) / 100));
    expect(values).toEqual([
      [22.22, 23.33],
      [33.33, 23.33],
      [20, 23.33],
      [13.33, 23.33],
    ]);
    const months = bucketSeries(result.timeline.month, 'turn');
    expect(months[0]?.values.map((v) => Math.round((v ?? NaN) * 100) / 100)).toEqual([22.78]); // 41 / 18
  });

  it('names weeks and months', async () => {
    const [week] = result.timeline.week;
    const [month] = result.timeline.month;
    expect(bucketTitle(week!, 'week')).toBe('Week 10 (3 mrt – 9 mrt)');
    expect(bucketTitle(month!, 'month')).toBe('Maart 2025');
    expect(monthName('2025-02', 'short')).toBe('feb');
    await i18next.changeLanguage('en');
    try {
      expect(bucketTitle(month!, 'month')).toBe('March 2025');
      expect(monthName('2025-02', 'short')).toBe('Feb');
    } finally {
      await i18next.changeLanguage('nl');
    }
  });
});

describe('the split date in the URL', () => {
  const base = defaultFilters('2026-11-19');
  it('round-trips a date and ignores a bad one', () => {
    const q = filtersToQuery({ ...base, period: 'weeks4', split: '2026-11-02' });
    expect(q).toBe('period=weeks4&split=2026-11-02');
    expect(filtersFromQuery(new URLSearchParams(q), '2026-11-19').split).toBe('2026-11-02');
    expect(filtersFromQuery(new URLSearchParams('split=2026-13-02'), '2026-11-19').split).toBe(
      null,
    );
    expect(filtersToQuery(base)).toBe('period=term');
  });
});

describe('TimelineSection', () => {
  let host: HTMLElement | null = null;
  afterEach(() => {
    if (host) render(null, host);
    host?.remove();
    host = null;
  });

  function show(splitDate: string | undefined, splits: (string | null)[]): HTMLElement {
    const data = smallClass();
    const result = analyseClass(data, { today: TODAY, ...(splitDate ? { splitDate } : {}) });
    const names = new Map(data.pupils.map((p) => [p.id, p.name]));
    host = document.createElement('div');
    document.body.append(host);
    const view = localInsightsView(data, result, {
      names,
      onDrill: () => {},
      onSplit: (d: string | null) => splits.push(d),
    });
    render(h(TimelineSection, { view }), host);
    return host;
  }

  it('switches between weeks and months', async () => {
    const el = show(undefined, []);
    const radios = [...el.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.parentElement?.textContent)).toEqual(['Weken', 'Maanden']);
    expect(radios[0]?.checked).toBe(true);
    expect(el.querySelector('.chart-summary')?.textContent).toMatch(/over 2 weken/);
    radios[1]?.click();
    await new Promise((r) => setTimeout(r, 0));
    // All six lessons fall in March: one month is no line.
    expect(el.textContent).toContain('Deze periode valt binnen één maand.');
    expect(el.querySelector('.chart-summary')).toBeNull();
  });

  it('asks for a date, passes it on, and compares once it is there', () => {
    const splits: (string | null)[] = [];
    let el = show(undefined, splits);
    expect(el.textContent).toContain('Kies een datum om de lessen ervoor te vergelijken');
    const input = el.querySelector<HTMLInputElement>('#ins-split')!;
    expect(el.querySelector(`label[for="ins-split"]`)?.textContent).toBe('Vergelijk vóór en vanaf');
    expect([input.min, input.max]).toEqual(['2025-03-03', TODAY]);
    input.value = '2025-03-10';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(splits).toEqual(['2025-03-10']);

    render(null, host!);
    el = show('2025-03-10', splits);
    const rows = [...el.querySelectorAll('.split-table tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent),
    );
    expect(rows.slice(0, 4)).toEqual([
      ['Lessen', '3', '3'],
      ['Interacties', '25', '26'],
      ['Leerlingen', '3', '3'],
      [
        'Beurten per leerling per 10 lessen',
        '22,2 20 beurten (leerlingen samen 9 keer aanwezig)',
        '23,3 21 beurten (leerlingen samen 9 keer aanwezig)',
      ],
    ]);
    expect(el.querySelector('.split-table th[scope="col"]')?.textContent).toBe('Vóór 10 mrt');
    expect(el.textContent).toContain(
      'Past dit bij wat je vanaf ma 10 maart 2025 anders wilde doen?',
    );
    el.querySelector<HTMLButtonElement>('.split-clear')!.click();
    expect(splits).toEqual(['2025-03-10', null]);
  });

  it('shows only the counts when a side has too little', () => {
    const el = show('2025-03-05', []);
    expect(el.querySelector('.note-insufficient')?.textContent).toBe(
      'Te weinig om te vergelijken: Spiegel vergelijkt pas vanaf 3 lessen en 20 interacties aan elke kant. Vóór wo 5 maart 2025: 2 lessen, 19 interacties, 3 leerlingen.',
    );
    const rows = [...el.querySelectorAll('.split-table tbody tr')].map((tr) => tr.textContent);
    expect(rows).toEqual(['Lessen24', 'Interacties1932', 'Leerlingen33']);
    expect(el.querySelector('.split-summary')).toBeNull();
  });
});

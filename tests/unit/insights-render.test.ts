// @vitest-environment happy-dom
/**
 * The insights sections render for the demo class and for thin classes (one lesson, no
 * expectations, no lenses, no seats; lessons without events) without breaking, saying plainly
 * when there is too little to speak of a pattern.
 */
import { classRecord } from '../support/records';
import i18next from 'i18next';
import { h, render } from 'preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyseClass, deriveInsights, type ClassData } from '../../src/analysis';
import type { InteractionEvent } from '../../src/model/types';
import { generateDemoClass } from '../../src/domain/demo/generate';
import { INSIGHTS_BODY_PARTS, InsightsBody } from '../../src/features/insights/InsightsBody';
import type { Drill } from '../../src/features/insights/drill';
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

let host: HTMLElement | null = null;
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = null;
});

function show(data: ClassData, today: string, drills: Drill[] = [], parts?: number): HTMLElement {
  const result = analyseClass(data, { today });
  const names = new Map(data.pupils.map((p) => [p.id, p.name]));
  host = document.createElement('div');
  document.body.append(host);
  render(
    h(InsightsBody, {
      view: localInsightsView(data, result, { names, onDrill: (d: Drill) => drills.push(d) }),
      insights: deriveInsights(result),
      parts,
    }),
    host,
  );
  return host;
}

const T = '2025-03-01T08:00:00.000Z';
const stamps = { createdAt: T, updatedAt: T };

function thinClass(events: number): ClassData {
  const lesson = {
    id: 'l1',
    classId: 'c',
    date: '2025-03-03',
    startTime: '09:00',
    endTime: null,
    topic: '',
    endedAt: null,
    deletedAt: null,
    ...stamps,
  };
  const pupils = ['Ann', 'Bob', 'Cas'].map((name) => ({
    id: name.toLowerCase(),
    classId: 'c',
    name,
    seat: null,
    lensValues: {},
    removedAt: null,
    ...stamps,
  }));
  const ev = (i: number): InteractionEvent => ({
    id: `e${i}`,
    classId: 'c',
    lessonId: 'l1',
    pupilId: pupils[i % 3]!.id,
    kind: i % 2 ? 'praise' : 'turn',
    date: lesson.date,
    at: null,
    loggedAfter: false,
    ...stamps,
  });
  return {
    cls: classRecord('c', { name: 'Klas', seating: { rows: 2, cols: 3 }, ...stamps }),
    pupils,
    lenses: [],
    lessons: [lesson],
    absences: [],
    events: Array.from({ length: events }, (_, i) => ev(i)),
    banking: [],
    expectations: [],
    achievements: [],
    relationships: [],
  };
}

describe('InsightsBody', () => {
  it('draws its parts in order: the summary first, then the cards, the sections last', () => {
    const headings = (parts: number) => {
      const el = show(thinClass(12), '2025-03-10', [], parts);
      const found = [...el.querySelectorAll('h2')].map((x) => x.textContent);
      render(null, el);
      return found;
    };
    const first = headings(1);
    expect(first).toContain('In het kort');
    expect(first).not.toContain('Wat opvalt');
    const second = headings(2);
    expect(second).toEqual(expect.arrayContaining(['In het kort', 'Wat opvalt']));
    expect(second).not.toContain('Wie kreeg het woord?');
    expect(headings(3)).toContain('Wie kreeg het woord?');
    expect(headings(INSIGHTS_BODY_PARTS - 1)).not.toContain('Door de tijd');
    expect(headings(INSIGHTS_BODY_PARTS)).toEqual(
      expect.arrayContaining(['In het kort', 'Wat opvalt', 'Wie kreeg het woord?', 'Door de tijd']),
    );
  });

  it('hands a new analysis to its parts one at a time: a part further on keeps the last one until its turn', () => {
    const bodyFor = (data: ClassData, parts: number) => {
      const result = analyseClass(data, { today: '2025-03-10' });
      const names = new Map(data.pupils.map((p) => [p.id, p.name]));
      return h(InsightsBody, {
        view: localInsightsView(data, result, { names, onDrill: () => undefined }),
        insights: deriveInsights(result),
        parts,
      });
    };
    const sectionText = (el: HTMLElement, heading: string) =>
      [...el.querySelectorAll('h2')].find((x) => x.textContent === heading)?.closest('section')
        ?.textContent;
    const floor = 'Wie kreeg het woord?';
    const [few, many] = [thinClass(12), thinClass(30)];
    host = document.createElement('div');
    document.body.append(host);
    render(bodyFor(many, INSIGHTS_BODY_PARTS), host);
    const floorMany = sectionText(host, floor);
    const summaryMany = sectionText(host, 'In het kort');
    render(null, host);
    render(bodyFor(few, INSIGHTS_BODY_PARTS), host);
    const floorFew = sectionText(host, floor);
    expect(floorFew).toBeDefined();
    expect(floorFew).not.toBe(floorMany);
    // The new analysis: the summary has it at once, the floor section still shows the last one.
    render(bodyFor(many, 1), host);
    expect(sectionText(host, 'In het kort')).toBe(summaryMany);
    expect(sectionText(host, floor)).toBe(floorFew);
    render(bodyFor(many, 3), host);
    expect(sectionText(host, floor)).toBe(floorMany);
  });

  // A whole demo analysis and every section in happy-dom: slow on a loaded 2-core machine.
  it(
    'renders every section for the demo class, with charts, summaries and drill-down',
    { timeout: 60_000 },
    () => {
      const demo = generateDemoClass({ seed: 20_250_901, today: new Date(2025, 2, 14) });
      const drills: Drill[] = [];
      const el = show({ ...demo, cls: demo.class }, '2025-03-14', drills);
      for (const heading of [
        'Wat opvalt',
        'Wie kreeg het woord?',
        'Waar in het lokaal?',
        'Complimenten en correcties',
        'Verschillen naar je verwachting',
        'Verschillen naar Thuistaal',
        'Verwachting en resultaten',
        'Relatie en wat je geeft',
        'Door de tijd',
      ]) {
        expect([...el.querySelectorAll('h2')].map((x) => x.textContent)).toContain(heading);
      }
      // Every chart has its summary as its name, and a table to unfold.
      const charts = el.querySelectorAll('svg.chart');
      expect(charts.length).toBeGreaterThanOrEqual(7);
      for (const svg of charts) {
        const summary = document.getElementById(svg.getAttribute('aria-labelledby') ?? '');
        expect(summary?.textContent?.length ?? 0).toBeGreaterThan(20);
      }
      expect(el.querySelectorAll('details.chart-table').length).toBe(charts.length);
      // Bars are buttons that open the lessons behind them.
      const kacper = [...el.querySelectorAll('#ins-floor [role="button"]')].find((g) =>
        g.getAttribute('aria-label')?.startsWith('Kacper: '),
      );
      expect(kacper?.getAttribute('tabindex')).toBe('0');
      (kacper as SVGGElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
      const kacperId = demo.pupils.find((p) => p.name === 'Kacper')?.id;
      expect(drills).toEqual([{ type: 'pupil', pupilId: kacperId, metrics: ['turn'] }]);
      // Seats show the measure their colour encodes (the ratio to the class) and the count beside it.
      const seats = el.querySelectorAll('#ins-seating button.seat');
      expect(seats).toHaveLength(28);
      for (const seat of seats) {
        expect(seat.querySelector('.seat-count')?.textContent).toMatch(/^\d+,\d×$/);
        expect(seat.querySelector('.seat-n')?.textContent).toMatch(/^\(\d+\)$/);
      }
      // Statistics (p, Gini, rank correlation) wait behind "Meer detail", closed.
      const details = [...el.querySelectorAll<HTMLDetailsElement>('details.more-detail')];
      expect(details.length).toBeGreaterThan(3);
      expect(details.every((d) => !d.open)).toBe(true);
      const inside = details.map((d) => d.textContent ?? '').join(' ');
      expect(inside).toMatch(/p [=<] 0,\d/);
      expect(inside).toContain('Gini');
      const outside = el.cloneNode(true) as HTMLElement;
      for (const d of outside.querySelectorAll('details.more-detail')) d.remove();
      expect(outside.textContent).not.toMatch(/p [=<] 0,\d|Gini|rangcorrelatie/i);
    },
  );

  it('a single lesson: too little for a pattern, said with the counts', () => {
    const el = show(thinClass(6), '2025-03-10');
    const text = el.textContent ?? '';
    expect(text).toContain('Dit rust op 1 les, 6 interacties, 3 leerlingen.');
    expect(text).toContain('Nog te weinig om van een patroon te spreken: 1 les, 3 beurten');
    expect(text).toContain('Je hebt voor deze klas nog geen verwachtingen ingevuld.');
    expect(text).toContain('Je hebt voor deze klas geen kenmerken ingesteld');
    expect(text).toContain('Nog niemand heeft een vaste plek.');
    expect(text).toContain('Kies een periode van minstens twee weken');
    expect(text).toContain('In deze periode legde je 1 les en 6 interacties vast.');
  });

  it('lessons without any events, and a period without lessons', () => {
    const empty = show(thinClass(0), '2025-03-10');
    expect(empty.textContent).toContain('In deze periode zijn geen beurten vastgelegd.');
    expect(empty.textContent).toContain('In deze periode zijn geen complimenten of correcties');
    render(null, empty);
    const none = show({ ...thinClass(3), lessons: [] }, '2025-03-10');
    expect(none.textContent).toContain('In deze periode heb je nog geen lessen vastgelegd.');
  });
});

// @vitest-environment happy-dom
/**
 * One number, one meaning (issue 10 §4): for one analysed class (the demo class) the same figure
 * for the same pupils and measure has the same value and the same words wherever it appears —
 * summary, card, section text, table, seat map, drill-down, prompt, intervisie sheet, coach
 * workspace and CSV export. Each check reads the rendered text of two or more places and compares
 * them with one formatting function per measure (per10, percent, ratioText).
 */
import i18next from 'i18next';
import { h, render, type ComponentChild } from 'preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  analyseClass,
  deriveInsights,
  type AnalysisResult,
  type ClassData,
  type Insight,
} from '../../../src/analysis';
import { CSV_COLUMNS, csvRows } from '../../../src/db/backup/csv';
import { generateDemoClass } from '../../../src/domain/demo/generate';
import { FeedbackChart, GroupsTable, TurnsChart } from '../../../src/features/coach/SheetCharts';
import { WorkspaceFigures } from '../../../src/features/coach/WorkspaceFigures';
import { DrillDialog } from '../../../src/features/insights/DrillDialog';
import { InsightsBody } from '../../../src/features/insights/InsightsBody';
import { describeInsight } from '../../../src/features/insights/insightText';
import { seatRatio } from '../../../src/features/insights/scale';
import { summarySentence } from '../../../src/features/insights/summaryText';
import { basisText, per10, percent, ratioText } from '../../../src/features/insights/words';
import { promptTexts } from '../../../src/features/prompts/promptText';
import { derivePrompts, PROMPT_THRESHOLDS, runPrompts, type Prompt } from '../../../src/reflection';
import nlCoach from '../../../src/i18n/locales/nl/coach.json';
import nlCommon from '../../../src/i18n/locales/nl/common.json';
import nlInsights from '../../../src/i18n/locales/nl/insights.json';
import nlPrompts from '../../../src/i18n/locales/nl/prompts.json';
import nlIntentions from '../../../src/i18n/locales/nl/intentions.json';
import { localInsightsView } from '../../support/insightsView';

const TODAY = '2025-03-14';
let data: ClassData;
let result: AnalysisResult;
let insights: Insight[];
let prompts: Prompt[];
let screen: HTMLElement;
const names = new Map<string, string>();
const hosts: HTMLElement[] = [];

function mount(vnode: ComponentChild): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  render(vnode, host);
  hosts.push(host);
  return host;
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const cells = (row: Element) => [...row.children].map((c) => c.textContent?.trim() ?? '');
const rowOf = (table: Element | null | undefined, name: string) =>
  [...(table?.querySelectorAll('tbody tr') ?? [])].map(cells).find((r) => r[0] === name);
const ctx = () => ({ result, names, scaleSteps: 5 });

beforeAll(async () => {
  await i18next.init({
    lng: 'nl',
    resources: {
      nl: {
        insights: nlInsights,
        coach: nlCoach,
        common: nlCommon,
        prompts: nlPrompts,
        intentions: nlIntentions,
      },
    },
    interpolation: { escapeValue: false },
  });
  const demo = generateDemoClass({ seed: 20_250_901, today: new Date(2025, 2, 14) });
  data = { ...demo, cls: demo.class };
  for (const p of data.pupils) names.set(p.id, p.name);
  result = analyseClass(data, { today: TODAY });
  insights = deriveInsights(result);
  // The prompts over the same period and options, so their figures are the same figures.
  prompts = runPrompts(data, [], TODAY, { today: TODAY }).prompts;
  screen = mount(
    h(InsightsBody, {
      view: localInsightsView(data, result, { names, onDrill: () => undefined }),
      insights,
    }),
  );
  for (const d of screen.querySelectorAll<HTMLDetailsElement>('details')) {
    d.open = true;
    d.dispatchEvent(new Event('toggle'));
  }
  await tick();
}, 120_000);

afterAll(() => {
  for (const host of hosts) render(null, host);
});

const turns = () => result.distribution.find((d) => d.metric === 'turn')!;
const present = () => turns().pupils.filter((p) => p.presentLessons > 0);

describe('turns per 10 lessons present, per pupil', () => {
  it('the floor bars, the floor table, the sheet and the coach workspace say the same', () => {
    const floorTable = screen.querySelector('#ins-floor table');
    const sheet = mount(h(TurnsChart, { result, nameOf: (id: string) => names.get(id) ?? '?' }));
    const sheetValues = [...sheet.querySelectorAll('text.sheet-value')].map((x) => x.textContent);
    const coach = mount(
      h(WorkspaceFigures, { result, codeOf: (id: string) => names.get(id) ?? '?' }),
    );
    const coachTable = coach.querySelector('table');
    expect(present().length).toBe(28);
    for (const p of present()) {
      const name = names.get(p.pupilId)!;
      const rate = per10(p.rate);
      const bar = [...screen.querySelectorAll('#ins-floor [role="button"]')].find((g) =>
        g.getAttribute('aria-label')?.startsWith(`${name}: `),
      );
      expect(bar?.getAttribute('aria-label'), name).toContain(
        `${p.count} beurten in ${p.presentLessons} lessen, ${rate} per 10 lessen`,
      );
      expect(rowOf(floorTable, name)?.slice(1, 4), name).toEqual([
        String(p.count),
        String(p.presentLessons),
        rate,
      ]);
      expect(sheetValues, name).toContain(`${rate} (${p.count})`);
      expect(rowOf(coachTable, name)?.slice(1, 3), name).toEqual([
        String(p.presentLessons),
        `${p.count} (${rate})`,
      ]);
    }
  });

  it('the drill-down of a group says the same', async () => {
    const ids = present().map((p) => p.pupilId);
    const host = mount(
      h(DrillDialog, {
        drill: { type: 'group', title: 'Alle', pupilIds: ids, metric: 'turn' },
        view: localInsightsView(data, result, { names, onDrill: () => undefined }),
        onClose: () => undefined,
      }),
    );
    await tick();
    const table = host.querySelector('table');
    for (const p of present()) {
      const name = names.get(p.pupilId)!;
      expect(rowOf(table, name)?.slice(1), name).toEqual([
        String(p.count),
        String(p.presentLessons),
        per10(p.rate),
      ]);
    }
  });

  it('the CSV export holds exactly the counted turns of each pupil', () => {
    const scope = new Set(result.lessonIds);
    const rows = csvRows('events', {
      classes: [data.cls],
      pupils: [...data.pupils],
      lessons: [...data.lessons],
      events: data.events.filter((e) => scope.has(e.lessonId)),
      expectations: [],
      achievements: [],
      relationships: [],
    });
    for (const p of present()) {
      const name = names.get(p.pupilId)!;
      const csvTurns = rows.filter((r) => r[3] === name && r[4] === 'turn').length;
      expect(csvTurns, name).toBe(p.count);
    }
  });
});

describe('praise and corrections per pupil, against lessons present', () => {
  it('the feedback table, its bars, the sheet and the coach workspace share counts and lessons', () => {
    const table = screen.querySelector('#ins-feedback table');
    const sheet = mount(h(FeedbackChart, { result, nameOf: (id: string) => names.get(id) ?? '?' }));
    const coach = mount(
      h(WorkspaceFigures, { result, codeOf: (id: string) => names.get(id) ?? '?' }),
    );
    for (const p of result.quality.pupils.filter((x) => x.presentLessons > 0)) {
      const name = names.get(p.pupilId)!;
      const praise = p.praise ?? 0;
      const work = p.correctionWork ?? 0;
      const behaviour = p.correctionBehaviour ?? 0;
      expect(rowOf(table, name)?.slice(1), name).toEqual(
        [praise, work, behaviour, p.presentLessons].map(String),
      );
      const bar = [...screen.querySelectorAll('#ins-feedback [role="button"]')].find((g) =>
        g.getAttribute('aria-label')?.startsWith(`${name}: `),
      );
      expect(bar?.getAttribute('aria-label'), name).toContain(
        `in ${p.presentLessons} lessen aanwezig`,
      );
      expect(rowOf(sheet.querySelector('table'), name)?.slice(1), name).toEqual(
        [p.presentLessons, praise, work + behaviour].map(String),
      );
      const rate = per10(praise / p.presentLessons);
      expect(rowOf(coach.querySelector('table'), name)?.[3], name).toBe(`${praise} (${rate})`);
    }
  });
});

describe('the seat map', () => {
  it('prints the measure its colour encodes, in the legend format, with the count beside it', () => {
    const seats = [...screen.querySelectorAll('#ins-seating button.seat')];
    expect(seats).toHaveLength(28);
    const legend = [...screen.querySelectorAll('#ins-seating .heat-key li')].map(
      (li) => li.textContent ?? '',
    );
    for (const seat of seats) {
      const label = seat.getAttribute('aria-label') ?? '';
      const name = label.slice(0, label.indexOf(':'));
      const p = turns().pupils.find((x) => names.get(x.pupilId) === name)!;
      const ratio = seatRatio(p.rate, turns().meanRate);
      // The seat's ratio is the pupil's share against their equal share: the floor table's figure.
      expect(ratio, name).toBe(Math.round((p.shareRatio ?? 0) * 10) / 10);
      expect(seat.querySelector('.seat-count')?.textContent, name).toBe(ratioText(ratio));
      expect(seat.querySelector('.seat-n')?.textContent, name).toBe(`(${p.count})`);
      const level = Number(/heat-(\d)/.exec(seat.className)?.[1]);
      // The legend names the range the printed ratio falls in ("0,5× tot en met 1,5×").
      const range = legend[level] ?? '';
      const bounds = [...range.matchAll(/(\d+,\d)×/g)].map((m) => Number(m[1]!.replace(',', '.')));
      const r = ratio ?? 0;
      if (level === 0) expect(r, name).toBe(0);
      else if (level === 1) expect(r, name).toBeLessThan(bounds[0]!);
      else if (level === 4) expect(r, name).toBeGreaterThan(bounds[0]!);
      else {
        expect(r, name).toBeGreaterThanOrEqual(bounds[0]!);
        expect(r, name).toBeLessThanOrEqual(bounds[1]!);
      }
      expect(label, name).toContain(ratioText(ratio));
      expect(label, name).toContain(range);
    }
  });

  it('says nothing about unrecorded marks where every mark was recorded', () => {
    expect(screen.querySelector('.not-marked')).toBeNull();
  });

  it('prints every ratio on the screen with one decimal ("1,0×", never "1×")', () => {
    expect(screen.textContent).not.toMatch(/(?<![\d,])\d+×/);
    expect(screen.textContent).toMatch(/\d,\d×/);
  });
});

describe('the most-addressed fifth', () => {
  it('card, floor section and prompt name the same share in the same words', async () => {
    // Every concentration card of the demo class against the floor section on the same kind.
    const cards = insights.filter((i) => i.kind === 'concentration');
    expect(cards.length).toBeGreaterThan(0);
    const select = screen.querySelector<HTMLSelectElement>('#ins-floor-metric')!;
    for (const card of cards) {
      const metric = String(card.params.metric);
      const d = result.distribution.find((x) => x.metric === metric)!;
      if (d.pattern.status !== 'ok') throw new Error(`${metric} has a pattern`);
      select.value = metric;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await tick();
      const floorText = [...screen.querySelectorAll('#ins-floor p')]
        .map((x) => x.textContent ?? '')
        .find((x) => x.includes('een vijfde van de klas'));
      expect(floorText, metric).toContain(percent(d.pattern.topFifth.countShare));
      expect(floorText, metric).toContain(percent(d.pattern.topFifth.presenceShare));
      // Selected by rate, and said so: "met de meeste … per 10 lessen".
      expect(floorText, metric).toMatch(/met de meeste .* per 10 lessen/);
      expect(describeInsight(card, ctx()).observation, metric).toBe(floorText);
    }
    select.value = 'turn';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await tick();
  });

  it('the prompt about concentrated turns names the floor section’s figures', () => {
    const top = turns().pattern;
    if (top.status !== 'ok') throw new Error('the demo class has a turn pattern');
    // The demo class's turns are not concentrated enough for a prompt: build it from the same
    // result with a lower gate, so its words are checked against the same figures.
    const run = runPrompts(data, [], TODAY, { today: TODAY });
    const forced = structuredClone(run.input.result);
    const d = forced.distribution.find((x) => x.metric === 'turn')!;
    if (d.pattern.status === 'ok' && d.pattern.dispersion) {
      d.pattern.dispersion = {
        ...d.pattern.dispersion,
        p: 0.001,
        adjustedP: 0.01,
        couldBeChance: false,
      };
    }
    const prompt = derivePrompts(
      { ...run.input, result: forced },
      { ...PROMPT_THRESHOLDS, topFifthShare: 0 },
    ).find((p) => p.rule === 'turnsConcentrated');
    expect(prompt).toBeDefined();
    const words = promptTexts(prompt!, { pupilNames: names, lenses: [], intentions: [] });
    expect(words.observation).toContain(`samen ${percent(top.topFifth.countShare)} van de beurten`);
    expect(words.observation).toContain(percent(top.topFifth.presenceShare));
    expect(words.observation).toContain('met de meeste beurten per 10 lessen');
  });
});

describe('high against low expectation', () => {
  it('card, summary, group table, intervisie sheet and prompt give the same rates', () => {
    const card = insights.find(
      (i) => i.id.startsWith('expectationGap:') && i.params.metric === 'turn',
    );
    expect(card).toBeDefined();
    const rows = result.expectation.current.metrics.find((m) => m.metric === 'turn')!.rows;
    const high = per10(rows.find((r) => r.group === 'high')!.rate);
    const low = per10(rows.find((r) => r.group === 'low')!.rate);
    const words = describeInsight(card!, ctx()).observation;
    expect(words).toContain(`${high} beurten per leerling per 10 lessen`);
    expect(words).toContain(low);
    // Pooled over the group: "samen genomen", never "each on average".
    expect(words).toContain('samen genomen');
    expect(summarySentence(card!, ctx())).toContain(high);
    expect(summarySentence(card!, ctx())).toContain(low);
    const table = screen.querySelector('#ins-expectation table');
    expect(rowOf(table, 'Veel verwacht')?.[4]).toBe(high);
    expect(rowOf(table, 'Weinig verwacht')?.[4]).toBe(low);
    const sheet = mount(h(GroupsTable, { result }));
    expect(rowOf(sheet.querySelector('table'), 'Veel verwacht')?.[3]).toBe(high);
    expect(rowOf(sheet.querySelector('table'), 'Weinig verwacht')?.[3]).toBe(low);
    const prompt = prompts.find((p) => p.rule === 'turnsByExpectation');
    expect(prompt).toBeDefined();
    const pw = promptTexts(prompt!, { pupilNames: names, lenses: [], intentions: [] });
    expect(pw.observation).toContain(`samen genomen ${high} beurten per leerling per 10 lessen`);
    expect(pw.observation).toContain(low);
  });
});

describe('what it rests on', () => {
  it('the summary names the period’s lessons and interactions; a pattern note names its own kind', () => {
    expect(screen.querySelector('#ins-summary .insights-basis')?.textContent).toBe(
      `Dit rust op ${basisText(result.basis, undefined, result.loggedAfter)}.`,
    );
    // "waarvan 71 achteraf genoteerd": the events of the period marked as logged afterwards, the
    // same number as the CSV export's loggedAfter column over the same lessons.
    const scope = new Set(result.lessonIds);
    const known = new Set(data.pupils.map((p) => p.id));
    const inScope = data.events.filter((e) => scope.has(e.lessonId) && known.has(e.pupilId));
    expect(result.basis.events).toBe(inScope.length);
    expect(result.loggedAfter).toBe(inScope.filter((e) => e.loggedAfter).length);
    expect(result.loggedAfter).toBeGreaterThan(0);
    const csv = csvRows('events', {
      classes: [data.cls],
      pupils: [...data.pupils],
      lessons: [...data.lessons],
      events: inScope,
      expectations: [],
      achievements: [],
      relationships: [],
    });
    const afterCol = (CSV_COLUMNS.events as readonly string[]).indexOf('loggedAfter');
    expect(csv.filter((r) => String(r[afterCol]) === 'true').length).toBe(result.loggedAfter);
    expect(screen.querySelector('#ins-summary .insights-basis')?.textContent).toContain(
      `(waarvan ${result.loggedAfter} achteraf genoteerd)`,
    );
    // "78 interacties" at the top and "47" in a note were two meanings of one word: a note about
    // one kind counts that kind ("47 complimenten"), never "interacties".
    for (const note of screen.querySelectorAll('.note-insufficient')) {
      const text = note.textContent ?? '';
      const m = /spreken: [^.]*?(\d+) interacties/.exec(text);
      if (m) expect(Number(m[1])).toBe(result.basis.events);
    }
  });
});

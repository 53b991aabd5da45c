/**
 * The words of the insights screen: insight cards (observation, question, chance, research) and
 * chart summaries, in Dutch and English, on hand-made insights and on the demo class.
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyseClass,
  deriveInsights,
  type ClassData,
  type Distribution,
  type Insight,
  type InsightKind,
} from '../../src/analysis';
import { generateDemoClass } from '../../src/domain/demo/generate';
import { leadInsights } from '../../src/features/insights/InsightCards';
import {
  describeInsight,
  gapText,
  type InsightContext,
} from '../../src/features/insights/insightText';
import {
  distributionSummary,
  feedbackSummary,
  groupSummary,
  sortFeedback,
  topFifthText,
} from '../../src/features/insights/summaries';
import { per10, pText } from '../../src/features/insights/words';
import enInsights from '../../src/i18n/locales/en/insights.json';
import nlInsights from '../../src/i18n/locales/nl/insights.json';

beforeAll(async () => {
  await i18next.init({
    lng: 'nl',
    resources: { nl: { insights: nlInsights }, en: { insights: enInsights } },
    interpolation: { escapeValue: false },
  });
});

const demo = generateDemoClass({ seed: 20_250_901, today: new Date(2025, 2, 14) });
const data: ClassData = { ...demo, cls: demo.class };
const result = analyseClass(data, { today: '2025-03-14' });
const names = new Map(demo.pupils.map((p) => [p.id, p.name]));
const ctx: InsightContext = { result, names, scaleSteps: 5 };
const idOf = (name: string) => demo.pupils.find((p) => p.name === name)?.id ?? '';

// Hand-built insights, some with only the params a test reads (hence the cast).
const insight = (
  over: Partial<Omit<Insight, 'kind' | 'params'>> & {
    kind: InsightKind;
    params: Record<string, number | string>;
  },
): Insight =>
  ({
    id: over.kind,
    basis: { lessons: 5, events: 80, pupils: 28 },
    significance: null,
    research: [],
    ...over,
  }) as unknown as Insight;

describe('insight cards in Dutch', () => {
  it('a pupil hardly given the floor: observation, question and chance with its counts', () => {
    const w = describeInsight(
      insight({
        kind: 'notAddressed',
        pupils: [idOf('Sem')],
        params: { window: 'recent', status: 'few', turns: 2, lessons: 5, expectedTurns: 7.2 },
        significance: { p: 0.31, couldBeChance: true },
        research: ['Brophy & Good 1970', 'Kerman 1979'],
      }),
      ctx,
    );
    expect(w.observation).toBe(
      'Je gaf Sem 2 beurten in de laatste 5 lessen dat Sem er was; gemiddeld was dat ongeveer 7.',
    );
    expect(w.question).toBe('Wat valt je op? En wat zou je Sem in de volgende les willen geven?');
    // Plain words on the card; the p-value waits behind "Meer detail".
    expect(w.chance).toBe('Dit kan goed toeval zijn: 2 beurten tegen ongeveer 7.');
    expect(w.detail).toEqual([
      'Hoe vaak toeval alleen een verschil van deze grootte of groter geeft: p = 0,31 (de p-waarde).',
    ]);
    // The basis names what it counts: this card rests on turns, not on every interaction.
    expect(w.basis).toBe('Rust op 5 lessen, 80 beurten, 28 leerlingen.');
    expect(w.research).toBe('Onderzoek: Brophy & Good 1970; Kerman 1979');
  });

  it('no turn at all, over the whole period, unlikely to be chance', () => {
    const w = describeInsight(
      insight({
        kind: 'notAddressed',
        pupils: [idOf('Kacper')],
        params: { window: 'period', status: 'none', turns: 0, lessons: 24, expectedTurns: 8.9 },
        significance: { p: 0.0004, couldBeChance: false },
      }),
      ctx,
    );
    expect(w.observation).toBe(
      'Je gaf Kacper geen beurt in de 24 lessen van deze periode dat Kacper er was; gemiddeld was dat ongeveer 9.',
    );
    expect(w.chance).toBe("Zo'n verschil ontstaat zelden door toeval alleen.");
    expect(w.detail[0]).toContain('p < 0,001');
  });

  it('high against low expectation, from the side that got more', () => {
    const more = describeInsight(
      insight({
        kind: 'expectationGap',
        params: {
          metric: 'turn',
          highRate: 0.54,
          lowRate: 0.25,
          highPupils: 11,
          lowPupils: 10,
          ratio: 2.16,
        },
      }),
      ctx,
    );
    expect(more.observation).toBe(
      'Leerlingen van wie je veel verwacht (11 leerlingen) kregen samen genomen 5,4 beurten per leerling per 10 lessen, leerlingen van wie je weinig verwacht (10 leerlingen) 2,5: ongeveer 2,2 keer zoveel.',
    );
    const less = describeInsight(
      insight({
        kind: 'expectationGap',
        params: {
          metric: 'help',
          highRate: 0.05,
          lowRate: 0.1,
          highPupils: 11,
          lowPupils: 10,
          ratio: 0.5,
        },
      }),
      ctx,
    );
    expect(less.observation).toBe(
      'Leerlingen van wie je weinig verwacht (10 leerlingen) kregen samen genomen 1,0 keer hulp of uitleg per leerling per 10 lessen, leerlingen van wie je veel verwacht (11 leerlingen) 0,5: ongeveer 2,0 keer zoveel.',
    );
  });

  it('praise against correction names the counts and the rest of the class', () => {
    const w = describeInsight(
      insight({
        kind: 'praiseCorrection',
        pupils: [idOf('Finn')],
        params: {
          praise: 1,
          correctionWork: 1,
          correctionBehaviour: 11,
          lessons: 24,
          restPositiveShare: 0.54,
        },
        significance: { p: 0.001, couldBeChance: false },
      }),
      ctx,
    );
    expect(w.observation).toBe(
      'Je gaf Finn in de 24 lessen dat Finn er was 1 compliment en 12 correcties, waarvan 11 correcties op gedrag. Bij de rest van de klas was 54% van je feedback een compliment.',
    );
    expect(w.question).toBe('Wat doet Finn goed dat je hardop zou kunnen benoemen?');
  });
});

describe('insight cards on the demo class', () => {
  const insights = deriveInsights(result);

  it.each(['nl', 'en'])(
    'every insight reads as words in %s, with no key or placeholder left',
    async (lang) => {
      await i18next.changeLanguage(lang);
      expect(insights.length).toBeGreaterThan(5);
      for (const i of insights) {
        const w = describeInsight(i, ctx);
        for (const text of [w.observation, w.question, w.chance ?? '', w.basis, w.research ?? '']) {
          expect(text, i.id).not.toMatch(/\{\{|insights:|undefined|NaN/);
        }
        expect(w.observation.length, i.id).toBeGreaterThan(30);
        expect(w.question.endsWith('?'), i.id).toBe(true);
        if (i.research.length > 0) expect(w.research).toContain(i.research[0]);
      }
      await i18next.changeLanguage('nl');
    },
  );

  it('one card of each kind leads; the rest follow in order', () => {
    const { lead, more } = leadInsights(insights);
    expect([...lead, ...more].map((i) => i.id).sort()).toEqual(insights.map((i) => i.id).sort());
    const kinds = lead.filter((i) => i.kind !== 'notAddressed').map((i) => i.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const i of more) expect(lead.some((l) => l.kind === i.kind)).toBe(true);
    // The first of a kind leads (the analysis puts what is unlikely to be chance first).
    expect(lead.find((i) => i.kind === 'expectationGap')).toBe(
      insights.find((i) => i.kind === 'expectationGap'),
    );
    // Every pupil who is hardly addressed leads, not only the first.
    const quiet = insight({ kind: 'notAddressed', params: {} });
    const two = leadInsights([
      { ...quiet, id: 'notAddressed:a' },
      { ...quiet, id: 'notAddressed:b' },
    ]);
    expect(two.lead).toHaveLength(2);
  });

  it('the built-in bias shows: Kacper is hardly addressed, high expectations get more turns', () => {
    const kacper = insights.find((i) => i.kind === 'notAddressed');
    expect(describeInsight(kacper!, ctx).observation).toMatch(/^Je gaf Kacper \d beurt/);
    const turn = insights.find((i) => i.id === 'expectationGap:turn');
    expect(describeInsight(turn!, ctx).observation).toMatch(/ongeveer 2,\d keer zoveel/);
  });
});

describe('chart summaries', () => {
  const dist: Distribution = {
    metric: 'turn',
    total: 14,
    loggedAfter: 0,
    presences: 30,
    lessons: 10,
    meanRate: 14 / 30,
    pupils: [
      {
        pupilId: 'a',
        count: 8,
        presentLessons: 10,
        rate: 0.8,
        share: 8 / 14,
        expectedShare: 1 / 3,
        shareRatio: 12 / 7,
      },
      {
        pupilId: 'b',
        count: 6,
        presentLessons: 10,
        rate: 0.6,
        share: 6 / 14,
        expectedShare: 1 / 3,
        shareRatio: 9 / 7,
      },
      {
        pupilId: 'c',
        count: 0,
        presentLessons: 10,
        rate: 0,
        share: 0,
        expectedShare: 1 / 3,
        shareRatio: 0,
      },
    ],
    pattern: {
      status: 'insufficient',
      basis: { lessons: 10, events: 14, pupils: 3 },
      reasons: ['fewEvents'],
    },
  };
  const abc = new Map([
    ['a', 'Ann'],
    ['b', 'Bob'],
    ['c', 'Cas'],
  ]);

  it('names who got the most and the fewest, per 10 lessons', () => {
    expect(distributionSummary(dist, abc)).toBe(
      'Beurten per leerling, per 10 lessen dat de leerling er was: het meest Ann (8,0), het minst Cas (0,0); gemiddeld 4,7.',
    );
    expect(distributionSummary({ ...dist, total: 0 }, abc)).toBe(
      'In deze periode zijn geen beurten vastgelegd.',
    );
  });

  it('says the top fifth in words', () => {
    expect(
      topFifthText(
        {
          size: 6,
          countShare: 0.38,
          presenceShare: 0.21,
        },
        'turn',
      ),
    ).toBe(
      'De 6 leerlingen met de meeste beurten per 10 lessen (een vijfde van de klas) kregen samen 38% ervan; bij een gelijke verdeling was dat 21%.',
    );
  });

  it('feedback: totals, and who hears more correction than praise', () => {
    const rows = [
      { pupilId: 'a', praise: 3, work: 1, behaviour: 0, lessons: 10 },
      { pupilId: 'b', praise: 0, work: 2, behaviour: 5, lessons: 10 },
      { pupilId: 'c', praise: 1, work: 1, behaviour: 0, lessons: 10 },
    ];
    expect(feedbackSummary(rows)).toBe(
      'Je gaf 4 complimenten en 9 correcties. 1 leerling kreeg meer correcties dan complimenten; 1 leerling kreeg geen compliment.',
    );
    expect(feedbackSummary([{ pupilId: 'a', praise: 2, work: 1, behaviour: 0, lessons: 4 }])).toBe(
      'Je gaf 2 complimenten en 1 correctie. Niemand kreeg meer correcties dan complimenten; iedereen kreeg minstens één compliment.',
    );
    // A kind filtered out is left out, not counted as zero.
    expect(feedbackSummary(rows, { praise: false, corrections: true })).toBe(
      'Je gaf 9 correcties.',
    );
    expect(feedbackSummary(rows, { praise: true, corrections: false })).toBe(
      'Je gaf 4 complimenten; 1 leerling kreeg geen compliment.',
    );
    expect(sortFeedback(rows, abc).map((r) => r.pupilId)).toEqual(['b', 'c', 'a']);
  });

  // Against lessons present, as the analysis normalises: net corrections per lesson present.
  it.each([
    // b: 7 net in 20 lessons = 0.35; d: 3 net in 3 lessons = 1 → d first.
    [{ b: [0, 2, 5, 20], d: [0, 3, 0, 3] }, ['d', 'b']],
    // The same counts in the same lessons: more corrections first, then by name.
    [{ b: [0, 2, 0, 10], d: [0, 2, 0, 10] }, ['b', 'd']],
    // b: 4 net in 8 = 0.5; d: 6 net in 24 = 0.25 → b first though d has more.
    [{ b: [0, 4, 0, 8], d: [0, 3, 3, 24] }, ['b', 'd']],
  ] as const)('feedback order per lesson present: %j → %j', (byPupil, order) => {
    const rows = Object.entries(byPupil).map(([pupilId, counts]) => {
      const [praise, work, behaviour, lessons] = counts as readonly number[];
      return { pupilId, praise: praise!, work: work!, behaviour: behaviour!, lessons: lessons! };
    });
    const names = new Map([
      ['b', 'Bob'],
      ['d', 'Dewi'],
    ]);
    expect(sortFeedback(rows, names).map((r) => r.pupilId)).toEqual(order);
  });

  it('groups: rates per group', () => {
    const row = (group: string, rate: number | null) => ({
      group,
      pupils: 3,
      presences: 30,
      count: 0,
      rate,
      share: null,
      presenceShare: null,
      ratio: null,
      meanPupilRate: null,
    });
    expect(
      groupSummary(
        [row('high', 0.54), row('low', 0.25), row('middle', null)],
        'turn',
        (g) => g ?? '-',
      ),
    ).toBe('Beurten per leerling per 10 lessen, per groep samen genomen: high 5,4 en low 2,5.');
  });

  it('numbers: per 10 lessons and p-values', () => {
    expect(per10(0.456)).toBe('4,6');
    expect(per10(null)).toBe('–');
    expect(pText(0.0312)).toBe('p = 0,03');
    expect(pText(0.0042)).toBe('p = 0,004');
    expect(pText(0.0002)).toBe('p < 0,001');
  });

  it('gaps in places in the class', () => {
    const compared = result.achievement.pupils.filter((p) => p.gap !== null).length;
    expect(compared).toBeGreaterThan(5);
    // One place in a class of n compared pupils is 1 / (n − 1) on the 0..1 footing.
    expect(gapText(-3 / (compared - 1), ctx)).toBe('ongeveer 3 plaatsen lager');
    expect(gapText(1 / (compared - 1), ctx)).toBe('ongeveer 1 plaats hoger');
    expect(gapText(0, ctx)).toBe('in lijn met de resultaten');
  });
});

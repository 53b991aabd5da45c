/**
 * Help the teacher chose to give (issue 14): the help cards count help to pupils an intention
 * names as deliberately helped apart from the rest, as the teacher's choice. Hand-worked counts.
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { helpChoiceText } from '../../src/features/insights/helpByChoice';
import { helpByChoice } from '../../src/reflection';
import enInsights from '../../src/i18n/locales/en/insights.json';
import nlInsights from '../../src/i18n/locales/nl/insights.json';
import type { InteractionEvent, IntentionRecord } from '../../src/model/types';
import { attendance, emptyResult, ev, intention } from './prompts/support/result';

beforeAll(async () => {
  await i18next.init({
    lng: 'nl',
    resources: { nl: { insights: nlInsights }, en: { insights: enInsights } },
    interpolation: { escapeValue: false },
  });
});

/** `n` help events for one pupil on one day (lesson l1 unless told). */
const help = (pupilId: string, n: number, date = '2025-03-03', lessonId = 'l1') =>
  Array.from({ length: n }, () => ev(lessonId, pupilId, 'help', { date }));

const result = (metrics: Array<'help' | 'turn'> = ['help', 'turn']) =>
  emptyResult({
    lessonIds: ['l1', 'l2'],
    metrics,
    pupils: attendance(['p1', 'p2', 'p3', 'p4']),
  });

/** Deliberately more help for p1 and p2 from 1 to 20 March. */
const chosen = (over: Partial<IntentionRecord> = {}) =>
  intention('i1', { moreHelpFor: ['p1', 'p2'], ...over });

// p1 twice, p2 once (chosen: 3); p3 five times, p4 three times: 11 in all.
const CLASS: InteractionEvent[] = [
  ...help('p1', 2),
  ...help('p2', 1),
  ...help('p3', 5),
  ...help('p4', 3),
];

const table: {
  name: string;
  events: InteractionEvent[];
  intentions: IntentionRecord[];
  metrics?: Array<'help' | 'turn'>;
  want: { help: number; chosen: number; pupils: number } | null;
}[] = [
  {
    name: '3 of 11 to the two pupils chosen',
    events: CLASS,
    intentions: [chosen()],
    want: { help: 11, chosen: 3, pupils: 2 },
  },
  {
    name: 'help to them after the intention ended is not counted as chosen (2 on 25 March)',
    events: [...CLASS, ...help('p1', 2, '2025-03-25', 'l2')],
    intentions: [chosen()],
    want: { help: 13, chosen: 3, pupils: 2 },
  },
  {
    name: 'closed on 2 March: nothing after it is chosen, but the intention covered the period',
    events: [...CLASS, ...help('p1', 1, '2025-03-01', 'l2')],
    intentions: [chosen({ closedAt: '2025-03-02T10:00:00.000Z' })],
    want: { help: 12, chosen: 1, pupils: 1 },
  },
  {
    name: 'the chosen pupils got none: 0 of 8, still said',
    events: [...help('p3', 5), ...help('p4', 3)],
    intentions: [chosen()],
    want: { help: 8, chosen: 0, pupils: 0 },
  },
  {
    name: 'lessons outside the analysis do not count',
    events: [...CLASS, ...help('p1', 4, '2025-03-04', 'other')],
    intentions: [chosen()],
    want: { help: 11, chosen: 3, pupils: 2 },
  },
  { name: 'no intention: nothing to count apart', events: CLASS, intentions: [], want: null },
  {
    name: 'an intention without deliberate help',
    events: CLASS,
    intentions: [intention('i1')],
    want: null,
  },
  {
    name: 'a deleted intention',
    events: CLASS,
    intentions: [chosen({ deletedAt: '2025-03-10T10:00:00.000Z' })],
    want: null,
  },
  {
    name: 'another class’s intention',
    events: CLASS,
    intentions: [chosen({ classId: 'c2' })],
    want: null,
  },
  {
    name: 'an intention whose period holds no day with help',
    events: CLASS,
    intentions: [chosen({ from: '2025-04-01', to: '2025-04-30' })],
    want: null,
  },
  {
    name: 'help not in scope (filtered out)',
    events: CLASS,
    intentions: [chosen()],
    metrics: ['turn'],
    want: null,
  },
];

describe('helpByChoice', () => {
  it.each(table)('$name', ({ events, intentions, metrics, want }) => {
    expect(helpByChoice(result(metrics), { events }, intentions)).toEqual(want);
  });
});

describe('the help card’s line', () => {
  it.each([
    {
      lng: 'nl',
      choice: { help: 11, chosen: 3, pupils: 2 },
      text:
        '3 van de 11 keer hulp of uitleg gingen naar leerlingen die je bewust meer helpt. ' +
        'Die extra hulp is jouw keuze, uit je voornemen.',
    },
    {
      lng: 'nl',
      choice: { help: 5, chosen: 1, pupils: 1 },
      text:
        '1 van de 5 keer hulp of uitleg ging naar leerlingen die je bewust meer helpt. ' +
        'Die extra hulp is jouw keuze, uit je voornemen.',
    },
    {
      lng: 'en',
      choice: { help: 11, chosen: 3, pupils: 2 },
      text:
        '3 of the 11 times help or explanation went to pupils you deliberately help more. ' +
        'That extra help is your choice, from your intention.',
    },
  ])('$lng: $choice.chosen of $choice.help', async ({ lng, choice, text }) => {
    await i18next.changeLanguage(lng);
    expect(helpChoiceText(choice)).toBe(text);
  });

  it('says nothing without a choice or without help', () => {
    expect(helpChoiceText(null)).toBeNull();
    expect(helpChoiceText({ help: 0, chosen: 0, pupils: 0 })).toBeNull();
  });
});

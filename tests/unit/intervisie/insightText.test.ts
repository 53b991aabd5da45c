/**
 * The coach reads the same sentences as the teacher: every insight of the demo class's package
 * renders in both languages through the insights screen's words, with a title per kind, pupils
 * by code, and no key or placeholder left over.
 */
import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InsightKind } from '../../../src/analysis';
import { toIsoDate } from '../../../src/domain/dates';
import { DEMO_SEED, generateDemoClass } from '../../../src/domain/demo/generate';
import { describeCoachInsight, kindTitle } from '../../../src/features/coach/insightText';
import {
  NO_EXTRAS,
  analysePackage,
  buildCoachPackage,
  codesOf,
  type PackageAnalysis,
  type CoachPackage,
} from '../../../src/intervisie';

const load = (lang: string, ns: string) =>
  JSON.parse(readFileSync(`src/i18n/locales/${lang}/${ns}.json`, 'utf8')) as Record<
    string,
    unknown
  >;

const KINDS: InsightKind[] = [
  'insufficientData',
  'notAddressed',
  'expectationGap',
  'higherOrder',
  'lensEquity',
  'expectationVsAchievement',
  'lensExpectationGap',
  'praiseCorrection',
  'concentration',
  'relationshipCorrection',
  'relationshipRegard',
];

let pkg: CoachPackage;
let analysis: PackageAnalysis;

beforeAll(async () => {
  const resources = Object.fromEntries(
    ['nl', 'en'].map((lang) => [
      lang,
      {
        coach: load(lang, 'coach'),
        insights: load(lang, 'insights'),
        common: load(lang, 'common'),
      },
    ]),
  );
  await i18next.init({
    lng: 'nl',
    fallbackLng: false,
    resources,
    interpolation: { escapeValue: false },
  });
  const today = new Date(2025, 4, 16, 15, 0);
  const demo = generateDemoClass({ seed: DEMO_SEED, today });
  pkg = buildCoachPackage(
    { ...demo, cls: demo.class, journal: [] },
    {
      from: demo.lessons.map((l) => l.date).sort()[0]!,
      to: toIsoDate(today),
      label: 'Groep 7',
      pseudonymisation: 'codes',
      extras: NO_EXTRAS,
      lensIds: demo.lenses.map((l) => l.id),
    },
    { now: today, appVersion: 'test', packageId: crypto.randomUUID(), codeMap: {} },
  ).pkg;
  analysis = analysePackage(pkg);
}, 60_000);

describe.each(['nl', 'en'])('insights for the coach in %s', (lang) => {
  it('every kind has a title; “general” has one too', async () => {
    await i18next.changeLanguage(lang);
    const titles = KINDS.map(kindTitle);
    expect(new Set(titles).size).toBe(KINDS.length);
    for (const title of [...titles, kindTitle('general')]) {
      expect(title).not.toMatch(/coach:|\{\{/);
    }
  });

  it('every insight of the demo package reads as a sentence, pupils by code', async () => {
    await i18next.changeLanguage(lang);
    const codes = codesOf(pkg);
    expect(analysis.insights.length).toBeGreaterThan(3);
    for (const insight of analysis.insights) {
      const text = describeCoachInsight(
        insight,
        analysis.result,
        codes,
        pkg.data.class.expectationScale,
      );
      const parts = [text.title, text.observation, text.question, text.chance ?? '', text.basis];
      for (const part of parts) {
        expect(part, insight.id).not.toMatch(/\{\{|\}\}|coach:|insights:|undefined|NaN/);
      }
      expect(text.observation.length).toBeGreaterThan(10);
      const one = insight.pupils?.length === 1 ? insight.pupils[0] : undefined;
      if (one && insight.kind !== 'concentration') {
        expect(`${text.observation} ${text.question}`).toContain(codes.get(one));
      }
    }
  });
});

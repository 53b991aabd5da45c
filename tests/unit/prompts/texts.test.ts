/**
 * Every prompt a rule can produce reads as a whole sentence in Dutch and English: all four parts
 * exist, every placeholder is filled, plural and variant forms are there, names are used.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { promptTexts, type TextContext } from '../../../src/features/prompts/promptText';
import { PROMPT_RULES, PROMPT_THRESHOLDS, RULES, type Prompt } from '../../../src/reflection';
import { cases } from './support/cases';

const LOCALES = 'src/i18n/locales';
type Tree = { [key: string]: string | Tree };
const load = (lang: string, ns: string) =>
  JSON.parse(readFileSync(join(LOCALES, lang, `${ns}.json`), 'utf8')) as Tree;

beforeAll(async () => {
  const resources: Record<string, Record<string, Tree>> = {};
  for (const lang of ['nl', 'en']) {
    resources[lang] = {};
    for (const file of readdirSync(join(LOCALES, lang))) {
      resources[lang][file.replace(/\.json$/, '')] = load(lang, file.replace(/\.json$/, ''));
    }
  }
  await i18next.init({ lng: 'nl', resources, interpolation: { escapeValue: false } });
});

const fired = cases
  .filter((c) => c.kind === 'fires')
  .flatMap((c) => RULES[c.rule](c.input, PROMPT_THRESHOLDS).map((p) => ({ c, p })));

function contextFor(p: Prompt, c: (typeof cases)[number]): TextContext {
  const ids = new Set([...(p.pupilIds ?? []), 'p1', 'p2']);
  return {
    pupilNames: new Map([...ids].map((id) => [id, `Naam-${id}`])),
    lenses: c.input.data.lenses,
    intentions: c.input.intentions,
  };
}

describe.each(['nl', 'en'])('prompt texts in %s', (lang) => {
  beforeAll(async () => {
    await i18next.changeLanguage(lang);
  });

  it.each(fired.map(({ c, p }) => [`${p.rule} (${c.name})`, c, p] as const))('%s', (_, c, p) => {
    const texts = promptTexts(p, contextFor(p, c));
    for (const [part, text] of Object.entries(texts)) {
      if (text === null) continue;
      expect(text, part).not.toBe('');
      expect(text, `${part}: ${text}`).not.toMatch(/\{\{|\}\}|prompts:|rules\.|undefined|NaN/);
    }
    expect(texts.research).toContain(p.research[0]);
    if (p.pupilIds?.length === 1 && p.rule !== 'intentionNoClosing') {
      expect(`${texts.title} ${texts.observation}`).toContain(`Naam-${p.pupilIds[0]}`);
    }
    if (p.variant) {
      const plain = promptTexts({ ...p, variant: undefined }, contextFor(p, c)).suggestion;
      expect(texts.suggestion).not.toBe(plain);
    }
    if (p.rule === 'intentionNoClosing') {
      expect(texts.observation).toContain(lang === 'nl' ? 'doorvragen' : 'follow-up');
    }
  });

  it('uses the plural forms of the observation', () => {
    const p: Prompt = {
      key: 'notAddressed:p1',
      rule: 'notAddressed',
      pupilIds: ['p1'],
      params: { window: 'recent', turns: 1, lessons: 5, expectedTurns: 6, p: 0.01 },
      basis: { lessons: 10, events: 100, pupils: 10 },
      research: ['Kerman 1979'],
    };
    const ctx: TextContext = {
      pupilNames: new Map([['p1', 'Kacper']]),
      lenses: [],
      intentions: [],
    };
    const one = promptTexts(p, ctx).observation;
    const zero = promptTexts({ ...p, params: { ...p.params, turns: 0 } }, ctx).observation;
    const many = promptTexts({ ...p, params: { ...p.params, turns: 3 } }, ctx).observation;
    expect(new Set([one, zero, many]).size).toBe(3);
    expect(one).toMatch(lang === 'nl' ? /1 beurt / : /1 turn /);
    expect(zero).toMatch(lang === 'nl' ? /geen beurt/ : /no turn/);
    expect(promptTexts(p, ctx).basis).toMatch(lang === 'nl' ? /10 lessen/ : /10 lessons/);
  });
});

describe('prompt resources', () => {
  it.each(['nl', 'en'])('has all four parts for every rule in %s', (lang) => {
    const rules = (load(lang, 'prompts').rules ?? {}) as Tree;
    for (const rule of PROMPT_RULES) {
      const r = rules[rule] as Tree | undefined;
      expect(r, rule).toBeDefined();
      for (const part of ['title', 'question', 'suggestion'])
        expect(r?.[part], `${rule}.${part}`).toBeTruthy();
      expect(Boolean(r?.observation) || Boolean(r?.observation_other), `${rule}.observation`).toBe(
        true,
      );
    }
  });
});

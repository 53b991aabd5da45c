/**
 * Every interaction kind of the catalogue (src/model/kinds.ts) has its words in every language:
 * label, short label, help, counted phrase, the insight and coach metric words, its qualifiers
 * and its strand. The parity test in i18n.test.ts only compares languages with each other, so a
 * kind with no words in any language would pass it; this test starts from the catalogue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUALITY_METRICS } from '../../src/analysis/metrics';
import { INTERACTION_KINDS, KIND_INFO } from '../../src/model/kinds';

const LOCALES = resolve('src/i18n/locales');
const LANGS = readdirSync(LOCALES).sort();

function lookup(lang: string, key: string): unknown {
  const [ns, path] = key.split(':') as [string, string];
  let node: unknown = JSON.parse(readFileSync(join(LOCALES, lang, `${ns}.json`), 'utf8'));
  for (const part of path.split('.')) {
    node =
      node !== null && typeof node === 'object'
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  return node;
}

function wordsOf(kind: (typeof INTERACTION_KINDS)[number]): string[] {
  const info = KIND_INFO[kind];
  return [
    `kinds:${kind}.label`,
    `kinds:${kind}.short`,
    `kinds:${kind}.help`,
    `kinds:${kind}.count_one`,
    `kinds:${kind}.count_other`,
    `insights:metric.${kind}.label`,
    `insights:metric.${kind}.plural`,
    `insights:metric.${kind}.count_one`,
    `insights:metric.${kind}.count_other`,
    `coach:metric.${kind}`,
    `kinds:strands.${info.strand}`,
    ...info.qualifiers.flatMap((q) => [`kinds:qualifierNames.${q}`, `kinds:qualifierHelp.${q}`]),
  ];
}

describe('interaction-kind words in every language', () => {
  it('finds at least Dutch and English', () => {
    expect(LANGS).toEqual(expect.arrayContaining(['nl', 'en']));
  });

  it('names every kind in KIND_INFO under its own key', () => {
    for (const kind of INTERACTION_KINDS) expect(KIND_INFO[kind].kind).toBe(kind);
  });

  describe.each(LANGS)('%s', (lang) => {
    it.each(INTERACTION_KINDS.map((k) => [k]))('has every word for the kind %s', (kind) => {
      const missing = wordsOf(kind).filter((key) => {
        const value = lookup(lang, key);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(missing).toEqual([]);
    });

    it.each(INTERACTION_KINDS.map((k) => [k]))('counts the kind %s with {{count}}', (kind) => {
      for (const key of [`kinds:${kind}.count_other`, `insights:metric.${kind}.count_other`]) {
        expect(lookup(lang, key), key).toMatch(/\{\{count\}\}/);
      }
    });

    it('has two or more values for every qualifier a kind uses', () => {
      const used = new Set(INTERACTION_KINDS.flatMap((k) => KIND_INFO[k].qualifiers));
      for (const q of used) {
        const values = lookup(lang, `kinds:qualifiers.${q}`);
        expect(values !== null && typeof values === 'object', q).toBe(true);
        expect(Object.keys(values as object).length, q).toBeGreaterThanOrEqual(2);
      }
    });

    it('has the insight and coach words for every quality metric', () => {
      const missing = QUALITY_METRICS.flatMap((m) => [
        `insights:metric.${m}.label`,
        `insights:metric.${m}.plural`,
        `coach:metric.${m}`,
      ]).filter((key) => typeof lookup(lang, key) !== 'string');
      expect(missing).toEqual([]);
    });
  });
});

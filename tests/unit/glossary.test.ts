/**
 * One term per concept (docs/glossary.md): a retired variant in any locale value fails, and
 * quotes are ‘…’. {{placeholders}} are removed first, so `{{lens}}` or `{{lensName}}` never count.
 * GLOSSARY_LOCALES points the test elsewhere (used to prove it can fail).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = resolve(process.env.GLOSSARY_LOCALES ?? 'src/i18n/locales');

interface Retired {
  /** Matched against each value without its placeholders. */
  pattern: RegExp;
  /** What to write instead (shown when the test fails). */
  use: string;
}

/** Dutch: the retired variant and the glossary term. Word boundaries: Dutch letters count. */
const W = 'A-Za-zÀ-ÿ';
const word = (stem: string, flags = 'i') => new RegExp(`(?<![${W}])(?:${stem})(?![${W}])`, flags);
const prefix = (stem: string, flags = 'i') => new RegExp(`(?<![${W}])(?:${stem})`, flags);

const RETIRED_NL: readonly Retired[] = [
  { pattern: word('lof'), use: 'compliment(en)' },
  { pattern: prefix('vervolgvra'), use: 'doorvraag / doorvragen' },
  { pattern: prefix('vinger'), use: 'zelf gemeld (de app kent alleen de beurt, niet de vinger)' },
  { pattern: prefix('opgestoken|opsteken|opstaken|steekt'), use: 'zelf gemeld' },
  { pattern: prefix('leerkracht'), use: 'leraar' },
  { pattern: /banking[ -]?time/gi, use: 'Banking Time (precies zo geschreven)' },
  { pattern: word('vastgelegde? momenten?'), use: 'interactie(s)' },
  { pattern: word('aangesproken'), use: 'gesproken (aanspreken is ook berispen)' },
  { pattern: prefix('len[sz]'), use: 'kenmerk(en)' },
  { pattern: prefix('beoordeel|beoordeling'), use: 'inschatting(en) / inschatten' },
  { pattern: prefix('relatiescore'), use: 'inschatting van de relatie' },
  {
    pattern: word('minder verwacht'),
    use: 'weinig verwacht (de drie groepen: veel, gemiddeld, weinig)',
  },
  { pattern: word('Midden', ''), use: 'gemiddeld verwacht' },
  { pattern: word('Niet ingeschat'), use: 'nog geen verwachting' },
  { pattern: word('records?'), use: 'onderdeel / onderdelen' },
  { pattern: word('Pharos'), use: 'Nationaal Programma Onderwijs (NPO)' },
  { pattern: /\(stap \d/gi, use: 'geen interne stapnummers' },
  { pattern: word('Rubie-Davies 2014'), use: 'Rubie-Davies 2007 of 2015' },
  { pattern: word('gepseudonimiseerde?'), use: 'met codes in plaats van namen' },
  { pattern: prefix('voortrek|voorgetrok'), use: 'bewust meer hulp (de keuze van de leraar)' },
];

/** English follows the same glossary. */
const RETIRED_EN: readonly Retired[] = [
  { pattern: prefix('raised? (?:a |their )?hands?'), use: 'volunteered' },
  { pattern: word('hands? up'), use: 'volunteered' },
  { pattern: /banking[ -]?time/gi, use: 'Banking Time (exactly so)' },
  { pattern: word('logged moments?'), use: 'interaction(s)' },
  { pattern: word('addressed'), use: 'spoken with' },
  { pattern: prefix('lens'), use: 'characteristic(s)' },
  { pattern: word('judgements?'), use: 'verdict, or a rating is an estimate' },
  { pattern: word('Middl(?:e|ing)', ''), use: 'expected an average amount of' },
  { pattern: word('Pharos'), use: 'the Dutch National Education Programme (NPO)' },
  { pattern: /\(step \d/gi, use: 'no internal step numbers' },
  { pattern: word('Rubie-Davies 2014'), use: 'Rubie-Davies 2007 or 2015' },
  { pattern: word('pseudonymised'), use: 'with codes instead of names' },
  { pattern: word('favou?red|favou?ritism'), use: 'deliberately more help (the teacher’s choice)' },
];

type Json = string | { [key: string]: Json };

function values(node: Json, prefixKey = '', out: [string, string][] = []): [string, string][] {
  if (typeof node === 'string') out.push([prefixKey, node]);
  else
    for (const [key, value] of Object.entries(node))
      values(value, prefixKey ? `${prefixKey}.${key}` : key, out);
  return out;
}

function load(lang: string): [string, string][] {
  return readdirSync(join(LOCALES, lang))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) =>
      values(JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8')) as Json).map(
        ([key, value]): [string, string] => [`${lang}/${file} ${key}`, value],
      ),
    );
}

const withoutPlaceholders = (text: string) => text.replace(/\{\{[^}]*\}\}/g, '');

/** Every retired variant found, as "where: 'found' → use". */
function retiredIn(entries: [string, string][], retired: readonly Retired[]): string[] {
  const found: string[] = [];
  for (const [where, raw] of entries) {
    const text = withoutPlaceholders(raw);
    for (const { pattern, use } of retired) {
      const global = new RegExp(
        pattern.source,
        pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
      );
      for (const match of text.matchAll(global)) {
        if (/banking/i.test(match[0]) && match[0] === 'Banking Time') continue;
        found.push(`${where}: '${match[0]}' → ${use}`);
      }
    }
  }
  return found;
}

/** Quote problems: straight or curly double quotes, low quotes, unmatched ‘, or ' used as a quote. */
function quoteProblemsIn(entries: [string, string][], apostrophes: 'nl' | 'en'): string[] {
  const found: string[] = [];
  for (const [where, raw] of entries) {
    // A placeholder stands for a word here, so "{{name}}'s" keeps its apostrophe inside a word.
    const text = raw.replace(/\{\{[^}]*\}\}/g, 'X');
    if (/["“”„]/.test(text)) found.push(`${where}: double quotes; use ‘…’`);
    const opens = [...text.matchAll(/‘/g)].length;
    const closes = [...text.matchAll(/’/g)].length;
    if (opens > closes) found.push(`${where}: ‘ without ’`);
    // An apostrophe sits inside a word (zo'n, collega's); English also allows a plural possessive (pupils').
    const stray = apostrophes === 'nl' ? /(?<![A-Za-zÀ-ÿ])'|'(?![A-Za-zÀ-ÿ])/ : /(?<![A-Za-zÀ-ÿ])'/;
    if (stray.test(text)) found.push(`${where}: ' used as a quote; use ‘…’`);
  }
  return found;
}

describe('glossary: one term per concept (docs/glossary.md)', () => {
  it('finds Dutch and English locale values to check', () => {
    expect(load('nl').length).toBeGreaterThan(100);
    expect(load('en').length).toBe(load('nl').length);
  });

  it('the Dutch locale files use no retired variant', () => {
    expect(retiredIn(load('nl'), RETIRED_NL)).toEqual([]);
  });

  it('the English locale files use no retired variant', () => {
    expect(retiredIn(load('en'), RETIRED_EN)).toEqual([]);
  });

  it('quotes are ‘…’ in Dutch and English', () => {
    expect(quoteProblemsIn(load('nl'), 'nl')).toEqual([]);
    expect(quoteProblemsIn(load('en'), 'en')).toEqual([]);
  });
});

describe('glossary checks can fail (hand-made values)', () => {
  const cases: [string, string, readonly Retired[], number][] = [
    ['Lof en correctie', 'lof', RETIRED_NL, 1],
    ['Lenzen en een lens', 'lens', RETIRED_NL, 2],
    ['Waarden van de lens {{lens}}', 'placeholder ignored, word counted', RETIRED_NL, 1],
    ['{{lensName}} en {{lens}}', 'placeholders only', RETIRED_NL, 0],
    ['Kenmerken', 'glossary term', RETIRED_NL, 0],
    ['Banking time en banking Time', 'wrong case', RETIRED_NL, 2],
    ['Banking Time-momenten', 'right spelling', RETIRED_NL, 0],
    ['een vinger opsteken', 'raised hand', RETIRED_NL, 2],
    ['nog niet aangesproken', 'aangesproken', RETIRED_NL, 1],
    ['Je spreekt de leerling aan op gedrag', 'aanspreken as correcting is fine', RETIRED_NL, 0],
    ['van wie je minder verwacht', 'band name', RETIRED_NL, 1],
    ['zij verwachten minder verwachtingen', 'no word match', RETIRED_NL, 0],
    ['onderdelen (stap 3–4)', 'step number', RETIRED_NL, 1],
    ['Try a week without hands up', 'hands up', RETIRED_EN, 1],
    ['Lenses and {{lens}}', 'lens', RETIRED_EN, 1],
  ];
  for (const [value, what, retired, count] of cases) {
    it(`${what}: "${value}" → ${count}`, () => {
      expect(retiredIn([['case', value]], retired)).toHaveLength(count);
    });
  }

  it('finds quote problems', () => {
    expect(quoteProblemsIn([['a', 'Typ "wissen"']], 'nl')).toHaveLength(1);
    expect(quoteProblemsIn([['a', '„nog niet”']], 'nl')).toHaveLength(1);
    expect(quoteProblemsIn([['a', "Algemeen: 'goed zo'"]], 'nl')).toHaveLength(1);
    expect(quoteProblemsIn([['a', '‘goed zo']], 'nl')).toHaveLength(1);
    expect(quoteProblemsIn([['a', "Zo'n ‘goed zo’ van collega's"]], 'nl')).toEqual([]);
    expect(quoteProblemsIn([['a', "Parents' education, {{name}}'s page"]], 'en')).toEqual([]);
  });
});

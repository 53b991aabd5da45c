/**
 * The Dutch and English resources are complete and match, and every key the code asks for
 * exists. Keys built at run time (template literals with `${…}`) cannot be checked and are
 * skipped. I18N_LOCALES / I18N_SRC point the test elsewhere (used to prove it can fail).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = resolve(process.env.I18N_LOCALES ?? 'src/i18n/locales');
const SRC = resolve(process.env.I18N_SRC ?? 'src');
const LANGS = ['nl', 'en'] as const;
const DEFAULT_NS = 'common';
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function namespaces(lang: string): string[] {
  return readdirSync(join(LOCALES, lang))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

function load(lang: string, ns: string): Record<string, Json> {
  return JSON.parse(readFileSync(join(LOCALES, lang, `${ns}.json`), 'utf8')) as Record<
    string,
    Json
  >;
}

/** Leaf values by dotted key path (i18next's keySeparator is '.'). */
function flatten(node: Json, prefix = '', out = new Map<string, Json>()): Map<string, Json> {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) {
      flatten(value, prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, node);
  }
  return out;
}

/** The `{{name}}` placeholders of a string, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();
}

/** Source without comments (strings and template literals kept), so prose is not scanned. */
function stripComments(code: string): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    const c = code[i]!;
    const next = code[i + 1];
    if (c === '/' && next === '/') {
      while (i < code.length && code[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end === -1 ? code.length : end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < code.length && code[j] !== c) j += code[j] === '\\' ? 2 : 1;
      out += code.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

interface KeyUse {
  file: string;
  ns: string;
  key: string;
  /** The call's text up to its first `)`, to see `count` or `returnObjects`. */
  call: string;
}

/** Literal keys in `t('ns:key')`, `t("…")`, `` t(`…`) `` without `${`, and `i18nKey="…"`. */
function keyUses(): { uses: KeyUse[]; dynamic: number } {
  const uses: KeyUse[] = [];
  let dynamic = 0;
  const pattern =
    /(?:\bt\(\s*|\bi18nKey\s*=\s*\{?\s*)(['"`])((?:(?!\1)[^\\]|\\.)*)\1([^)]{0,200})/g;
  for (const file of sourceFiles(SRC)) {
    const code = stripComments(readFileSync(file, 'utf8'));
    for (const match of code.matchAll(pattern)) {
      const literal = match[2]!;
      if (match[1] === '`' && literal.includes('${')) {
        dynamic++;
        continue;
      }
      const colon = literal.indexOf(':');
      const ns = colon === -1 ? DEFAULT_NS : literal.slice(0, colon);
      const key = colon === -1 ? literal : literal.slice(colon + 1);
      uses.push({ file: file.slice(SRC.length + 1), ns, key, call: match[3] ?? '' });
    }
  }
  return { uses, dynamic };
}

describe('i18n resources', () => {
  it('has the same namespace files in every language', () => {
    const [first, ...rest] = LANGS.map((lang) => namespaces(lang));
    expect(first!.length).toBeGreaterThan(0);
    for (const [index, list] of rest.entries()) {
      expect(list, `namespaces of ${LANGS[index + 1]} vs ${LANGS[0]}`).toEqual(first);
    }
  });

  for (const ns of namespaces(LANGS[0])) {
    describe(`namespace ${ns}`, () => {
      const flat = Object.fromEntries(
        LANGS.map((lang) => [
          lang,
          existsSync(join(LOCALES, lang, `${ns}.json`))
            ? flatten(load(lang, ns))
            : new Map<string, Json>(),
        ]),
      ) as Record<(typeof LANGS)[number], Map<string, Json>>;

      it('has the same keys in nl and en (plural forms included)', () => {
        const nl = [...flat.nl.keys()].sort();
        const en = [...flat.en.keys()].sort();
        const onlyNl = nl.filter((key) => !flat.en.has(key));
        const onlyEn = en.filter((key) => !flat.nl.has(key));
        expect({ onlyNl, onlyEn }, `${ns}.json differs between nl and en`).toEqual({
          onlyNl: [],
          onlyEn: [],
        });
      });

      it('has no empty or non-text values', () => {
        for (const lang of LANGS) {
          for (const [key, value] of flat[lang]) {
            expect(typeof value, `${lang}/${ns}.json ${key}`).toBe('string');
            expect((value as string).trim(), `${lang}/${ns}.json ${key} is empty`).not.toBe('');
          }
        }
      });

      it('has complete plural families (_one and _other) in each language', () => {
        for (const lang of LANGS) {
          const keys = flat[lang];
          for (const key of keys.keys()) {
            const base = key.replace(PLURAL_SUFFIX, '');
            if (base === key) continue;
            expect(keys.has(`${base}_one`), `${lang}/${ns}.json ${base}_one`).toBe(true);
            expect(keys.has(`${base}_other`), `${lang}/${ns}.json ${base}_other`).toBe(true);
          }
        }
      });

      it('uses the same {{placeholders}} in nl and en', () => {
        for (const [key, value] of flat.nl) {
          const other = flat.en.get(key);
          if (typeof value !== 'string' || typeof other !== 'string') continue;
          expect(placeholders(other), `${ns}:${key}`).toEqual(placeholders(value));
        }
      });
    });
  }
});

describe('keys used in the code', () => {
  const { uses } = keyUses();
  const resources = new Map<string, Map<string, Json>>(
    LANGS.flatMap((lang) =>
      namespaces(lang).map((ns) => [`${lang}/${ns}`, flatten(load(lang, ns))]),
    ),
  );

  function exists(lang: string, use: KeyUse): boolean {
    const flat = resources.get(`${lang}/${use.ns}`);
    if (!flat) return false;
    const value = flat.get(use.key);
    if (typeof value === 'string') return true;
    // A plural key: `key_one` and `key_other` stand for `key` when a count is passed.
    if (flat.has(`${use.key}_one`) && flat.has(`${use.key}_other`)) return true;
    // A whole subtree only when the call asks for objects.
    if (use.call.includes('returnObjects')) {
      return [...flat.keys()].some((key) => key.startsWith(`${use.key}.`));
    }
    return false;
  }

  it('finds literal keys to check', () => {
    expect(uses.length).toBeGreaterThan(0);
  });

  it('every literal key exists in nl and en', () => {
    const missing = uses.flatMap((use) =>
      LANGS.filter((lang) => !exists(lang, use)).map(
        (lang) => `${lang}: ${use.ns}:${use.key} (${use.file})`,
      ),
    );
    expect([...new Set(missing)], 'keys used in src/ but missing from the resources').toEqual([]);
  });
});

/**
 * Finds pupils' names in free text: every part of every name (each word, each part of a
 * hyphenated name) and every nickname the teacher listed, ignoring case, diacritics and a
 * possessive ("Tjalsma's", "Sems"). Used to pseudonymise shared text (coach package), and to find
 * texts that name a pupil for an erasure or access request. Pure.
 *
 * Name particles ("de", "van", …) alone are ordinary Dutch words and are not matched; next to a
 * name part of the same pupil they are taken along ("Sem de Vries" is one match, not two).
 */
import type { Id } from '../model/types';
import { NAME_PARTICLES } from './names';

export interface MatchablePupil {
  id: Id;
  name: string;
  nicknames?: readonly string[] | undefined;
}

/** A piece of text that names one or more pupils (more than one: a part they share). */
export interface NameHit {
  original: string;
  pupilIds: Id[];
}

export type NameSegment = string | NameHit;

/** Lower case without diacritics: "Zoë" and "ZOE" fold the same. */
export function foldName(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl').normalize('NFC');
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of a name or nickname, folded ("Okonkwo-Bakker" → okonkwo, bakker). */
export function nameParts(name: string): string[] {
  return [...name.matchAll(WORD)].map((m) => foldName(m[0]));
}

export interface NameMatcher {
  /** The text cut into plain pieces and hits, in order (joined they give the text back). */
  scan(text: string): NameSegment[];
  /** The pupils named anywhere in the text. */
  named(text: string): Set<Id>;
}

interface Token {
  start: number;
  end: number;
  /** Pupils owning this word as a name part (empty: not a name part). */
  strong: Set<Id>;
  /** Pupils whose name holds this particle. */
  weak: Set<Id>;
}

const JOINER = /^[\s\u00a0\-\u2010\u2011]+$/u;

export function buildNameMatcher(pupils: readonly MatchablePupil[]): NameMatcher {
  const strong = new Map<string, Set<Id>>();
  const weak = new Map<string, Set<Id>>();
  const add = (map: Map<string, Set<Id>>, key: string, id: Id) => {
    const set = map.get(key) ?? new Set<Id>();
    set.add(id);
    map.set(key, set);
  };
  for (const p of pupils) {
    for (const phrase of [p.name, ...(p.nicknames ?? [])]) {
      for (const part of nameParts(phrase)) {
        if (NAME_PARTICLES.has(part)) add(weak, part, p.id);
        // One letter ("J.") is not a name part worth matching; two ("Bo", "Li") are.
        else if ([...part].length >= 2) add(strong, part, p.id);
      }
    }
  }

  const owners = (folded: string): Set<Id> => {
    const direct = strong.get(folded);
    if (direct) return direct;
    // A Dutch possessive without apostrophe: "Sems fiets".
    if (folded.length >= 3 && folded.endsWith('s')) return strong.get(folded.slice(0, -1)) ?? EMPTY;
    return EMPTY;
  };

  const tokens = (text: string): Token[] =>
    [...text.matchAll(WORD)].map((m) => {
      const folded = foldName(m[0]);
      return {
        start: m.index,
        end: m.index + m[0].length,
        strong: owners(folded),
        weak: weak.get(folded) ?? EMPTY,
      };
    });

  const scan = (text: string): NameSegment[] => {
    const list = tokens(text);
    const out: NameSegment[] = [];
    let cursor = 0;
    let i = 0;
    while (i < list.length) {
      const first = list[i]!;
      if (first.strong.size === 0 && first.weak.size === 0) {
        i++;
        continue;
      }
      // A run: name words and particles joined by spaces or hyphens.
      let j = i;
      while (
        j + 1 < list.length &&
        (list[j + 1]!.strong.size > 0 || list[j + 1]!.weak.size > 0) &&
        JOINER.test(text.slice(list[j]!.end, list[j + 1]!.start))
      ) {
        j++;
      }
      const run = list.slice(i, j + 1);
      const hits = splitRun(run);
      for (const hit of hits) {
        if (hit.start > cursor) out.push(text.slice(cursor, hit.start));
        out.push({ original: text.slice(hit.start, hit.end), pupilIds: [...hit.ids].sort() });
        cursor = hit.end;
      }
      i = j + 1;
    }
    if (cursor < text.length) out.push(text.slice(cursor));
    return out;
  };

  return {
    scan,
    named(text: string) {
      const ids = new Set<Id>();
      for (const s of scan(text))
        if (typeof s !== 'string') s.pupilIds.forEach((id) => ids.add(id));
      return ids;
    },
  };
}

const EMPTY: Set<Id> = new Set();

interface Span {
  start: number;
  end: number;
  ids: Set<Id>;
}

/**
 * One run of adjacent name words: one hit when a single pupil owns all its name words ("Sem de
 * Vries", "Okonkwo-Bakker"), otherwise one hit per name word. Particles only ride along.
 */
function splitRun(run: readonly Token[]): Span[] {
  const named = run.filter((t) => t.strong.size > 0);
  if (named.length === 0) return [];
  let common: Set<Id> = new Set(named[0]!.strong);
  for (const t of named.slice(1)) common = new Set([...common].filter((id) => t.strong.has(id)));
  if (common.size === 1) {
    const [id] = [...common] as [Id];
    // Trim particles at the edges that are not this pupil's.
    let a = 0;
    let b = run.length - 1;
    while (run[a]!.strong.size === 0 && !run[a]!.weak.has(id)) a++;
    while (run[b]!.strong.size === 0 && !run[b]!.weak.has(id)) b--;
    // A particle inside the run that is not theirs splits it.
    const spans: Span[] = [];
    let open: Span | null = null;
    for (let k = a; k <= b; k++) {
      const t = run[k]!;
      const mine = t.strong.has(id) || t.weak.has(id);
      if (mine) {
        if (open) open.end = t.end;
        else open = { start: t.start, end: t.end, ids: new Set([id]) };
      } else if (open) {
        spans.push(open);
        open = null;
      }
    }
    if (open) spans.push(open);
    // A span made only of particles names no one.
    return spans.filter((s) => named.some((t) => t.start >= s.start && t.end <= s.end));
  }
  return named.map((t) => ({ start: t.start, end: t.end, ids: new Set(t.strong) }));
}

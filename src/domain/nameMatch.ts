/**
 * Results pasted by name (pure): two or more columns — a name and a score, in any order — as a
 * spreadsheet or a Dutch school system (Magister, Somtoday, ParnasSys) exports them, tab- or
 * semicolon-separated, with or without a header row. Each row is matched to a pupil by name,
 * ignoring case, accents, word order, punctuation and tussenvoegsels ("van der"); an initial
 * matches a word that starts with it ("Daan K." = "Kramer, Daan"). A row that fits no pupil, or
 * more than one, or a pupil another row also fits, is never assigned: the teacher decides.
 */
import { cleanName, nameKey } from './names';
import type { ScoreType } from '../model/types';
import { parseScore, type ScoreParse } from './scores';
import { NAME_PARTICLES } from './names';

/** The words of a name for comparing: lower case, no accents, no particles, initials as letters. */
export function nameTokens(name: string): string[] {
  const words = nameKey(name)
    .replace(/[.,;:()"]/g, ' ')
    .replace(/[-‐–]/g, ' ')
    .split(' ')
    .filter((w) => w !== '');
  const kept = words.filter((w) => !NAME_PARTICLES.has(w));
  // A name made of particles only ("Van") keeps its words.
  return kept.length > 0 ? kept : words;
}

/** How well a row's name fits a pupil: 0 not at all … 3 the same words. */
export function nameFit(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sa = [...a].sort().join(' ');
  const sb = [...b].sort().join(' ');
  if (sa === sb) return 3;
  // Every word of the shorter name must be found in the longer one, each word used once; a
  // one-letter word (an initial) matches a word that starts with it, either way.
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const used = new Array<boolean>(long.length).fill(false);
  const fits = (x: string, y: string) =>
    x === y || (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y));
  // Full words first, so an initial does not take the word a full one needs.
  const order = [...short].sort((x, y) => y.length - x.length);
  for (const word of order) {
    let j = long.findIndex((w, i) => !used[i] && w === word);
    if (j === -1) j = long.findIndex((w, i) => !used[i] && fits(word, w));
    if (j === -1) return 0;
    used[j] = true;
  }
  // At least one full word in common: two initials alone say too little.
  const fullShared = short.some((w) => w.length > 1 && long.includes(w));
  if (!fullShared) return 0;
  return short.length >= 2 ? 2 : 1;
}

export interface NamedPupil {
  id: string;
  name: string;
}

export type RowStatus = 'matched' | 'ambiguous' | 'unknown' | 'twice';

export interface NamedRow<P extends NamedPupil> {
  /** 1-based line number in the pasted text. */
  line: number;
  /** The name as pasted (cells joined). */
  name: string;
  /** The score cell as pasted. */
  raw: string;
  result: ScoreParse;
  status: RowStatus;
  /** The pupil, only when `matched`. */
  pupil: P | null;
  /** The pupils it could be (ambiguous, or the others fitting the same pupil). */
  candidates: P[];
}

export interface NamedPaste<P extends NamedPupil> {
  /** The first line was read as column headings and skipped. */
  header: boolean;
  rows: NamedRow<P>[];
  /** Pupils no row was matched to (their result stays empty). */
  missing: P[];
}

/** Splits a pasted line into cells (tab or semicolon), unquoting CSV cells. */
export function splitCells(line: string): string[] {
  const cells = line.split(/[\t;]/).map((cell) => {
    const cleaned = cleanName(cell);
    const quoted = /^"(.*)"$/.exec(cleaned);
    return quoted ? cleanName((quoted[1] ?? '').replace(/""/g, '"')) : cleaned;
  });
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

function lines(text: string): { line: number; cells: string[] }[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ line: i + 1, cells: splitCells(raw) }))
    .filter((l) => l.cells.some((c) => c !== ''));
}

/**
 * True when the paste has a name and a score on (most of) its lines: at least half of the
 * non-empty lines have two or more cells. Otherwise it is one column in seating order.
 */
export function looksNamed(text: string): boolean {
  const all = lines(text);
  if (all.length === 0) return false;
  return all.filter((l) => l.cells.length >= 2).length * 2 >= all.length;
}

/** The column that holds the scores: the one where most lines read as a score. */
function scoreColumn(
  rows: readonly { cells: string[] }[],
  type: ScoreType,
  levels: readonly string[],
): number {
  const width = Math.max(...rows.map((r) => r.cells.length));
  let best = width - 1;
  let bestCount = -1;
  // From the right: with equal counts the last column wins (names usually come first).
  for (let c = width - 1; c >= 0; c--) {
    const count = rows.filter(
      (r) => parseScore(r.cells[c] ?? '', type, levels).kind === 'ok',
    ).length;
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}

/** Reads a paste of names and scores and matches each row to at most one pupil. */
export function matchNamedScores<P extends NamedPupil>(
  text: string,
  pupils: readonly P[],
  type: ScoreType,
  levels: readonly string[] = [],
): NamedPaste<P> {
  let all = lines(text);
  if (all.length === 0) return { header: false, rows: [], missing: [...pupils] };
  const col = scoreColumn(all, type, levels);
  const tokens = pupils.map((p) => nameTokens(p.name));
  // Every other cell is part of the name, except numbers (a pupil number in a school export).
  const nameOf = (cells: string[]) =>
    cleanName(cells.filter((c, i) => i !== col && !/^\d+$/.test(c)).join(' '));

  // A first line without a readable score whose name fits no pupil is the column headings.
  const first = all[0]!;
  const header =
    parseScore(first.cells[col] ?? '', type, levels).kind !== 'ok' &&
    tokens.every((t) => nameFit(nameTokens(nameOf(first.cells)), t) === 0);
  if (header) all = all.slice(1);

  const rows: NamedRow<P>[] = all.map(({ line, cells }) => {
    const name = nameOf(cells);
    const raw = cells[col] ?? '';
    const result = parseScore(raw, type, levels);
    const rowTokens = nameTokens(name);
    const fits = pupils.map((p, i) => ({ p, fit: nameFit(rowTokens, tokens[i]!) }));
    const top = Math.max(0, ...fits.map((f) => f.fit));
    const best = top === 0 ? [] : fits.filter((f) => f.fit === top).map((f) => f.p);
    if (best.length === 1) {
      return { line, name, raw, result, status: 'matched', pupil: best[0]!, candidates: [] };
    }
    return {
      line,
      name,
      raw,
      result,
      status: best.length === 0 ? 'unknown' : 'ambiguous',
      pupil: null,
      candidates: best,
    };
  });

  // Two rows on one pupil: neither is assigned.
  const byPupil = new Map<string, NamedRow<P>[]>();
  for (const row of rows) {
    if (!row.pupil) continue;
    const list = byPupil.get(row.pupil.id) ?? [];
    list.push(row);
    byPupil.set(row.pupil.id, list);
  }
  for (const list of byPupil.values()) {
    if (list.length < 2) continue;
    for (const row of list) {
      row.candidates = [row.pupil!];
      row.pupil = null;
      row.status = 'twice';
    }
  }
  const matched = new Set(rows.flatMap((r) => (r.pupil ? [r.pupil.id] : [])));
  return { header, rows, missing: pupils.filter((p) => !matched.has(p.id)) };
}

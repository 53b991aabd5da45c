import type { ScoreEntry } from '../../db/repo/achievements';
import type { NamedPaste, NamedRow, NamedPupil } from '../../domain/nameMatch';

/** The teacher's answer for a row the matcher did not assign: a pupil's id, or skip the row. */
export type RowChoice = string;
export const SKIP = 'skip';

/** A row's key for the teacher's choices: its line and name (a changed paste forgets them). */
export const rowKey = (row: Pick<NamedRow<NamedPupil>, 'line' | 'name'>) =>
  `${row.line}|${row.name}`;

export interface NamedOutcome {
  /** Pupil per row (matched or chosen); null when skipped or still open. */
  pupilOf: Map<string, string | null>;
  entries: ScoreEntry[];
  /** Rows still waiting for the teacher (not matched, not chosen, or two rows on one pupil). */
  open: Set<string>;
  /** Assigned rows whose score cannot be read. */
  invalid: number;
}

/** What saving would store: matched rows and the teacher's choices; nothing assigned silently. */
export function namedOutcome<P extends NamedPupil>(
  paste: NamedPaste<P>,
  choices: Readonly<Record<string, RowChoice>>,
): NamedOutcome {
  const pupilOf = new Map<string, string | null>();
  const open = new Set<string>();
  const rowsOf = new Map<string, string[]>();
  for (const row of paste.rows) {
    const key = rowKey(row);
    const choice = choices[key];
    const pupilId = row.pupil?.id ?? (choice && choice !== SKIP ? choice : null);
    pupilOf.set(key, pupilId);
    if (!row.pupil && !choice) open.add(key);
    if (pupilId) rowsOf.set(pupilId, [...(rowsOf.get(pupilId) ?? []), key]);
  }
  // A choice that puts a second row on a pupil leaves both open.
  for (const keys of rowsOf.values()) {
    if (keys.length > 1) for (const key of keys) open.add(key);
  }
  const entries: ScoreEntry[] = [];
  let invalid = 0;
  for (const row of paste.rows) {
    const key = rowKey(row);
    const pupilId = pupilOf.get(key);
    if (!pupilId || open.has(key)) continue;
    if (row.result.kind === 'ok') entries.push({ pupilId, score: row.result.value });
    if (row.result.kind === 'invalid') invalid++;
  }
  return { pupilOf, entries, open, invalid };
}

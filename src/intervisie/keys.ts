/**
 * Insight keys (`notAddressed:<pupilId>`, `lensEquity:<lensId>:turn`, …) name pupils and lenses
 * by id. The package uses its own ids, so keys are translated on the way out (teacher ids →
 * package ids) and back when the coach's remarks come home.
 */
import { GENERAL_INSIGHT_KEY } from './format';

/** The ids of one package, both ways. */
export interface IdMap {
  /** Package pupil id → the teacher's pupil id. */
  pupils: Record<string, string>;
  /** Package lens id → the teacher's lens id. */
  lenses: Record<string, string>;
  /** Package lens value id → the teacher's lens value id. */
  lensValues: Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invert(map: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(map).map(([k, v]) => [v, k]));
}

/**
 * Teacher key → package key. Returns null when the key names something that is not in the
 * package (an original id must never leave the device).
 */
export function toPackageKey(key: string, ids: IdMap): string | null {
  const back = new Map([...invert(ids.pupils), ...invert(ids.lenses), ...invert(ids.lensValues)]);
  const parts = key.split(':').map((part) => back.get(part) ?? part);
  return parts.some((part) => UUID.test(part)) ? null : parts.join(':');
}

/** Package key → teacher key (parts that are not package ids stay as they are). */
export function toTeacherKey(key: string, ids: IdMap): string {
  if (key === GENERAL_INSIGHT_KEY) return key;
  const map = new Map([
    ...Object.entries(ids.pupils),
    ...Object.entries(ids.lenses),
    ...Object.entries(ids.lensValues),
  ]);
  return key
    .split(':')
    .map((part) => map.get(part) ?? part)
    .join(':');
}

/** The kind of insight a key is about (`notAddressed`, `concentration`, …, or `general`). */
export function keyKind(key: string): string {
  return key.split(':')[0] ?? key;
}

/**
 * Which field of which table the app lock stores encrypted: ONE typed table. Every field of every
 * table's record type must be classified (a missing or new field is a type error), as `secret`
 * (names, labels and free text: encrypted at rest while the lock is on) or `plain` (ids, dates,
 * kinds, counts, flags: left readable so indexes, logging and analysis stay fast).
 * tests/db/lock/fields.test.ts also walks real records and checks every string is classified.
 * Never mark an indexed field secret: an encrypted value cannot be looked up (the test checks).
 */
import type { Table } from 'dexie';
import type { LATEST_STORES, SpiegelDB } from '../schema';

export type LockTableName = keyof typeof LATEST_STORES;
type RecordOf<T extends LockTableName> =
  SpiegelDB[T] extends Table<infer R, infer _K, infer _I> ? R : never;

export type FieldClass = 'secret' | 'plain';
/** Every key of the record (optional ones too) must be listed. */
type Policy<R> = { readonly [K in keyof Required<R>]-?: FieldClass };

const stamps = { createdAt: 'plain', updatedAt: 'plain' } as const;

export const FIELD_POLICY: { readonly [T in LockTableName]: Policy<RecordOf<T>> } = {
  classes: {
    id: 'plain',
    ...stamps,
    name: 'secret',
    schoolType: 'plain',
    yearLabel: 'secret',
    seating: 'plain',
    hiddenKinds: 'plain',
    shownKinds: 'plain',
    archivedAt: 'plain',
    deletedAt: 'plain',
    isDemo: 'plain',
    // The teacher's own level labels ("1F", "vmbo-k", …): free text.
    expectationScale: 'secret',
  },
  pupils: {
    id: 'plain',
    ...stamps,
    classId: 'plain',
    name: 'secret',
    nicknames: 'secret',
    strengths: 'secret',
    aspirations: 'secret',
    seat: 'plain',
    // lens id → value id: ids only; the labels live (encrypted) in `lenses`.
    lensValues: 'plain',
    removedAt: 'plain',
  },
  lenses: {
    id: 'plain',
    ...stamps,
    classId: 'plain',
    name: 'secret',
    values: 'secret',
    order: 'plain',
    deletedAt: 'plain',
    preset: 'plain',
  },
  lessons: {
    id: 'plain',
    ...stamps,
    classId: 'plain',
    date: 'plain',
    startTime: 'plain',
    endTime: 'plain',
    topic: 'secret',
    endedAt: 'plain',
    deletedAt: 'plain',
  },
  absences: { id: 'plain', ...stamps, classId: 'plain', lessonId: 'plain', pupilId: 'plain' },
  // Ids, kinds, qualifiers and times only: the hot path of logging stays unencrypted.
  lessonEvents: {
    id: 'plain',
    ...stamps,
    classId: 'plain',
    date: 'plain',
    events: 'plain',
    count: 'plain',
  },
  banking: {
    id: 'plain',
    ...stamps,
    classId: 'plain',
    pupilId: 'plain',
    date: 'plain',
    minutes: 'plain',
    note: 'secret',
    deletedAt: 'plain',
  },
  expectations: {
    id: 'plain',
    ...stamps,
    classId: 'plain',
    pupilId: 'plain',
    date: 'plain',
    value: 'plain',
    confidence: 'plain',
    // May carry the class's level labels (free text).
    scale: 'secret',
  },
  achievements: {
    id: 'plain',
    ...stamps,
    classId: 'plain',
    pupilId: 'plain',
    label: 'secret',
    date: 'plain',
    scoreType: 'plain',
    score: 'plain',
  },
  relationships: {
    id: 'plain',
    ...stamps,
    classId: 'plain',
    pupilId: 'plain',
    date: 'plain',
    closeness: 'plain',
    conflict: 'plain',
    dependency: 'plain',
    note: 'secret',
    pupilView: 'plain',
    capability: 'plain',
  },
  journal: {
    id: 'plain',
    ...stamps,
    classId: 'plain',
    date: 'plain',
    text: 'secret',
    lessonId: 'plain',
    pupilId: 'plain',
    // A stable key such as `notAddressed:<pupilId>`: ids, no text.
    insightKey: 'plain',
    source: 'plain',
    deletedAt: 'plain',
  },
  intentions: {
    id: 'plain',
    ...stamps,
    classId: 'plain',
    target: 'plain',
    measure: 'plain',
    from: 'plain',
    to: 'plain',
    note: 'secret',
    closingReflection: 'secret',
    closedAt: 'plain',
    deletedAt: 'plain',
    moreHelpFor: 'plain',
  },
  attributions: {
    id: 'plain',
    ...stamps,
    classId: 'plain',
    pupilId: 'plain',
    date: 'plain',
    cause: 'plain',
    source: 'plain',
    // A prompt key (ids, no text) or an intention's id.
    sourceKey: 'plain',
  },
  promptStates: {
    id: 'plain',
    ...stamps,
    classId: 'plain',
    promptKey: 'plain',
    status: 'plain',
    until: 'plain',
  },
  coachRemarks: {
    id: 'plain',
    ...stamps,
    classId: 'plain',
    insightKey: 'plain',
    text: 'secret',
    author: 'secret',
    packageId: 'plain',
  },
  coachWorkspaces: {
    id: 'plain',
    ...stamps,
    packageId: 'plain',
    label: 'secret',
    packageJson: 'secret',
    remarks: 'secret',
    // A passphrase package kept as it arrived, and its remarks sealed with the same key: already
    // ciphertext. The expiry is a date.
    envelope: 'plain',
    sealedRemarks: 'plain',
    expiresOn: 'plain',
  },
  // The lock's own configuration lives here and must stay readable; see SECRET_SETTING_PREFIXES.
  settings: { key: 'plain', value: 'plain', updatedAt: 'plain' },
  // Sync bookkeeping: table names, ids and field names; the shared document's updates carry the
  // texts already encrypted with the sync key (src/sync/crypto.ts), which is secret below.
  syncOutbox: { key: 'plain', fields: 'plain' },
  syncUpdates: { seq: 'plain', update: 'plain', held: 'plain' },
};

/**
 * Settings whose `value` is secret although the table's is plain: the coach's name, the code maps
 * and the record of shared packages (class labels); the sync pairing (server token and the sync
 * key that opens the shared document's texts). Everything else in settings is the device's
 * own configuration (language, reminder days, the lock's wrapped keys).
 */
export const SECRET_SETTING_PREFIXES: readonly string[] = ['coach.', 'sync.'];

/** The secret fields of each table (derived once from FIELD_POLICY). */
export const SECRET_FIELDS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(FIELD_POLICY)
    .map(([table, policy]) => {
      const fields = Object.entries(policy as Record<string, FieldClass>)
        .filter(([, c]) => c === 'secret')
        .map(([f]) => f);
      return [table, fields] as const;
    })
    .filter(([table, fields]) => fields.length > 0 || table === 'settings'),
);

/** The tables whose records carry something secret: what turning the lock on or off rewrites. */
export const LOCKED_TABLES: readonly LockTableName[] = [...SECRET_FIELDS.keys()] as LockTableName[];

/** The secret fields of one record of `table` (settings depend on the record's key). */
export function secretFieldsOf(table: string, record: { key?: unknown }): readonly string[] {
  if (table === 'settings') {
    const key = typeof record.key === 'string' ? record.key : '';
    return SECRET_SETTING_PREFIXES.some((p) => key.startsWith(p)) ? ['value'] : [];
  }
  return SECRET_FIELDS.get(table) ?? [];
}

/**
 * CSV export for teachers who want to look in a spreadsheet: one file per kind (events,
 * expectations, achievements, relationship ratings). UTF-8 with BOM so spreadsheets detect the
 * encoding, a header row, ISO dates, class and pupil names resolved, RFC 4180 quoting, and
 * cells that a spreadsheet would run as a formula are neutralised.
 */
import type { Table } from 'dexie';
import { getDb } from '../db';
import { readAllEvents, readClassEvents } from '../eventStore';
import type {
  AchievementRecord,
  ClassRecord,
  ExpectationRecord,
  InteractionEvent,
  LessonRecord,
  PupilRecord,
  RelationshipRecord,
} from '../../model/types';
import type { BackupScope } from './format';

export const CSV_KINDS = ['events', 'expectations', 'achievements', 'relationships'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];
export type Cell = string | number | boolean | null | undefined;

export const CSV_COLUMNS = {
  events: [
    'date',
    'time',
    'class',
    'pupil',
    'kind',
    'initiative',
    'questionLevel',
    'waitTime',
    'praiseType',
    'audience',
    'loggedAfter',
    'lessonStart',
    'lessonTopic',
  ],
  expectations: ['date', 'class', 'pupil', 'value', 'valueLabel', 'confidence'],
  achievements: ['date', 'class', 'pupil', 'label', 'scoreType', 'score', 'levelLabel'],
  relationships: [
    'date',
    'class',
    'pupil',
    'closeness',
    'conflict',
    'dependency',
    'note',
    'pupilView',
    'capability',
  ],
} as const satisfies Record<CsvKind, readonly string[]>;

/** Coded values that get a readable label (the screen passes translations). */
export type ValueGroup =
  | 'kind'
  | 'initiative'
  | 'questionLevel'
  | 'praiseType'
  | 'audience'
  | 'confidence'
  | 'scoreType'
  | 'relative5'
  | 'boolean';

export interface CsvLabels {
  header(kind: CsvKind, column: string): string;
  value(group: ValueGroup, value: string): string;
}

/** Raw column names and codes: stable, for tests and scripts. */
export const RAW_LABELS: CsvLabels = {
  header: (_kind, column) => column,
  value: (_group, value) => value,
};

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\r\n]/;

/**
 * One cell. Text a spreadsheet would evaluate (= + - @, tab, CR at the start) gets a leading
 * apostrophe (OWASP's advice against CSV injection); numbers stay numbers.
 */
export function csvCell(value: Cell, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  if (NEEDS_QUOTES.test(text) || text.includes(delimiter)) {
    text = `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/** Rows to CSV text: BOM, CRLF line ends (RFC 4180). */
export function toCsv(rows: readonly (readonly Cell[])[], delimiter = ','): string {
  return `\uFEFF${rows.map((row) => row.map((c) => csvCell(c, delimiter)).join(delimiter)).join('\r\n')}\r\n`;
}

export interface CsvSource {
  classes: ClassRecord[];
  pupils: PupilRecord[];
  lessons: LessonRecord[];
  events: InteractionEvent[];
  expectations: ExpectationRecord[];
  achievements: AchievementRecord[];
  relationships: RelationshipRecord[];
}

/** Local wall-clock time of an ISO date-time, `HH:MM`. */
function clock(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

interface Dated {
  date: string;
  classId: string;
  pupilId: string;
}

/**
 * Header and rows of one CSV kind (pure). Deleted classes and lessons are left out (the JSON
 * backup keeps them); removed pupils stay, their history is real.
 */
export function csvRows(kind: CsvKind, src: CsvSource, labels: CsvLabels = RAW_LABELS): Cell[][] {
  const classes = new Map(src.classes.filter((c) => c.deletedAt === null).map((c) => [c.id, c]));
  const pupils = new Map(src.pupils.map((p) => [p.id, p]));
  const lessons = new Map(src.lessons.filter((l) => l.deletedAt === null).map((l) => [l.id, l]));
  const label = (group: ValueGroup, value: string | boolean | null | undefined) =>
    value === null || value === undefined ? '' : labels.value(group, String(value));
  const header = CSV_COLUMNS[kind].map((c) => labels.header(kind, c));
  const visible = <T extends Dated>(records: T[]) =>
    records
      .filter((r) => classes.has(r.classId))
      .sort(
        (a, b) =>
          a.date.localeCompare(b.date) ||
          (classes.get(a.classId)?.name ?? '').localeCompare(classes.get(b.classId)?.name ?? '') ||
          (pupils.get(a.pupilId)?.name ?? '').localeCompare(pupils.get(b.pupilId)?.name ?? ''),
      );
  const names = (r: Dated): [string, string] => [
    classes.get(r.classId)?.name ?? '',
    pupils.get(r.pupilId)?.name ?? '',
  ];
  switch (kind) {
    case 'events':
      return [
        header,
        ...visible(src.events.filter((e) => lessons.has(e.lessonId))).map((e) => {
          const lesson = lessons.get(e.lessonId);
          return [
            e.date,
            clock(e.at),
            ...names(e),
            label('kind', e.kind),
            label('initiative', e.initiative),
            label('questionLevel', e.questionLevel),
            label('boolean', e.waitTime),
            label('praiseType', e.praiseType),
            label('audience', e.audience),
            label('boolean', e.loggedAfter),
            lesson?.startTime ?? '',
            lesson?.topic ?? '',
          ];
        }),
      ];
    case 'expectations':
      return [
        header,
        ...visible(src.expectations).map((x) => {
          // On the scale the rating was made on (older ratings: the class's).
          const scale = x.scale ?? classes.get(x.classId)?.expectationScale;
          const valueLabel =
            scale?.kind === 'levels'
              ? (scale.levels[x.value] ?? '')
              : label('relative5', String(x.value));
          return [x.date, ...names(x), x.value, valueLabel, label('confidence', x.confidence)];
        }),
      ];
    case 'achievements':
      return [
        header,
        ...visible(src.achievements).map((a) => {
          const scale = classes.get(a.classId)?.expectationScale;
          const level =
            a.scoreType === 'level' && scale?.kind === 'levels'
              ? (scale.levels[a.score] ?? '')
              : '';
          return [a.date, ...names(a), a.label, label('scoreType', a.scoreType), a.score, level];
        }),
      ];
    case 'relationships':
      return [
        header,
        ...visible(src.relationships).map((r) => [
          r.date,
          ...names(r),
          r.closeness,
          r.conflict,
          r.dependency,
          r.note,
          r.pupilView ?? '',
          r.capability ?? '',
        ]),
      ];
  }
}

/** Reads what one CSV kind needs for a scope. */
async function readSource(kind: CsvKind, scope: BackupScope): Promise<CsvSource> {
  const db = getDb();
  const read = <T, I>(table: Table<T, string, I>): Promise<T[]> =>
    scope.kind === 'all' ? table.toArray() : table.where('classId').equals(scope.classId).toArray();
  const store = kind === 'events' ? db.lessonEvents : db.table(kind);
  return db.transaction('r', [db.classes, db.pupils, db.lessons, store], async () => {
    const classes =
      scope.kind === 'all'
        ? await db.classes.toArray()
        : [await db.classes.get(scope.classId)].filter((c): c is ClassRecord => c !== undefined);
    return {
      classes,
      pupils: await read(db.pupils),
      lessons: kind === 'events' ? await read(db.lessons) : [],
      events:
        kind !== 'events'
          ? []
          : scope.kind === 'all'
            ? await readAllEvents(db)
            : await readClassEvents(db, scope.classId),
      expectations: kind === 'expectations' ? await read(db.expectations) : [],
      achievements: kind === 'achievements' ? await read(db.achievements) : [],
      relationships: kind === 'relationships' ? await read(db.relationships) : [],
    };
  });
}

export async function exportCsv(
  kind: CsvKind,
  scope: BackupScope,
  labels: CsvLabels = RAW_LABELS,
  delimiter = ',',
): Promise<string> {
  return toCsv(csvRows(kind, await readSource(kind, scope), labels), delimiter);
}

export function csvFileName(kind: CsvKind, now: Date): string {
  const date = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `spiegel-${kind}-${date}.csv`;
}

/**
 * The tables that sync and, per table, the fields that are encrypted before they enter the
 * shared document (docs/sync.md). Typed over the class-data keys: a new table in
 * CLASS_DATA_KEYS without its entry here is a type error.
 */
import { CLASS_DATA_KEYS, type ClassData, type ClassDataKey } from '../model/classData';
import type {
  AttributionRecord,
  ClassRecord,
  CoachRemarkRecord,
  IntentionRecord,
  JournalEntry,
  PromptStateRecord,
} from '../model/types';

/** Record type per synced table. */
export type SyncRecords = { [K in ClassDataKey]: ClassData[K][number] } & {
  classes: ClassRecord;
  journal: JournalEntry;
  intentions: IntentionRecord;
  promptStates: PromptStateRecord;
  coachRemarks: CoachRemarkRecord;
  attributions: AttributionRecord;
};

export const SYNC_TABLES = [
  'classes',
  ...CLASS_DATA_KEYS,
  'journal',
  'intentions',
  'promptStates',
  'coachRemarks',
  'attributions',
] as const satisfies readonly (keyof SyncRecords)[];
export type SyncTable = (typeof SYNC_TABLES)[number];
export type SyncRecord = SyncRecords[SyncTable];

/** Fields that name or describe: encrypted (as JSON text) before they enter the document. */
export const ENCRYPTED: { readonly [T in SyncTable]: readonly (keyof SyncRecords[T])[] } = {
  // The scale holds the teacher's level names.
  classes: ['name', 'yearLabel', 'expectationScale'],
  pupils: ['name', 'nicknames', 'strengths', 'aspirations'],
  lenses: ['name', 'values'],
  lessons: ['topic'],
  absences: [],
  events: [],
  banking: ['note'],
  // A rating's scale may carry level names.
  expectations: ['scale'],
  achievements: ['label'],
  relationships: ['note'],
  journal: ['text'],
  intentions: ['note', 'closingReflection'],
  promptStates: [],
  coachRemarks: ['text', 'author'],
  // A cause is one of three words about a named pupil: encrypted like a note about them.
  attributions: ['cause'],
};

/** Every synced table except events has its records as id → Y.Map of fields. */
export type FieldTable = Exclude<SyncTable, 'events'>;

/**
 * The backup schemas of the schema-v3 reflection tables infer exactly the record types of
 * src/db/types.ts (checked by tsc; the older tables are checked in tests/unit/backupSchema.test.ts).
 */
import type * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  CoachRemarkSchema,
  IntentionSchema,
  JournalSchema,
  PromptStateSchema,
} from '../../src/db/backup/schema';
import type { BackupData } from '../../src/db/backup/format';
import type { DataTableName } from '../../src/db/schema';
import type {
  CoachRemarkRecord,
  IntentionRecord,
  JournalEntry,
  PromptStateRecord,
} from '../../src/model/types';

describe('reflection record schemas mirror src/db/types.ts', () => {
  it('infer exactly the record types', () => {
    expectTypeOf<v.InferOutput<typeof JournalSchema>>().toEqualTypeOf<JournalEntry>();
    expectTypeOf<v.InferOutput<typeof PromptStateSchema>>().toEqualTypeOf<PromptStateRecord>();
    expectTypeOf<v.InferOutput<typeof CoachRemarkSchema>>().toEqualTypeOf<CoachRemarkRecord>();
    // The target is a variant: a union assignable both ways.
    expectTypeOf<v.InferOutput<typeof IntentionSchema>>().toExtend<IntentionRecord>();
    expectTypeOf<IntentionRecord>().toExtend<v.InferOutput<typeof IntentionSchema>>();
  });

  it('the file has one array per data table', () => {
    expectTypeOf<keyof BackupData>().toEqualTypeOf<DataTableName>();
  });
});

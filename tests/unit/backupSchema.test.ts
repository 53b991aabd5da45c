/**
 * docs/backup.schema.json is generated from the valibot schema: this test fails when the
 * committed file drifts. Regenerate:
 *   UPDATE_BACKUP_SCHEMA=1 npx vitest run tests/unit/backupSchema.test.ts
 *   npx prettier --write docs/backup.schema.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  AbsenceSchema,
  AchievementSchema,
  BankingSchema,
  ClassSchema,
  EventSchema,
  ExpectationSchema,
  LensSchema,
  LessonSchema,
  PupilSchema,
  RelationshipSchema,
} from '../../src/db/backup/schema';
import { BackupFileSchema } from '../../src/db/backup/schema';
import type { BackupFile } from '../../src/db/backup/format';
import type {
  AbsenceRecord,
  AchievementRecord,
  BankingSession,
  ClassRecord,
  ExpectationRecord,
  InteractionEvent,
  LensRecord,
  LessonRecord,
  PupilRecord,
  RelationshipRecord,
} from '../../src/model/types';

const SCHEMA_PATH = new URL('../../docs/backup.schema.json', import.meta.url);

function generateBackupJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(BackupFileSchema, {
    target: 'draft-07',
    errorMode: 'throw',
    // Calendar-date checks are code; JSON Schema's "date"/"date-time" formats cover them.
    ignoreActions: ['check'],
  });
  return {
    $schema: schema.$schema,
    $id: 'urn:spiegel:backup-format:1',
    title: 'Spiegel backup file, format version 1',
    description:
      'Generated from src/db/backup/schema.ts by tests/unit/backupSchema.test.ts; see docs/backup-format.md.',
    ...schema,
  };
}

describe('docs/backup.schema.json', () => {
  it('equals the schema generated from the valibot source', () => {
    const generated = generateBackupJsonSchema();
    // Compared as data, so Prettier may format the file (run it after regenerating).
    if (process.env.UPDATE_BACKUP_SCHEMA) {
      writeFileSync(SCHEMA_PATH, `${JSON.stringify(generated, null, 2)}\n`);
    }
    expect(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'))).toEqual(generated);
  });
});

describe('record schemas mirror src/db/types.ts', () => {
  it('infer exactly the record types (checked by tsc)', () => {
    expectTypeOf<v.InferOutput<typeof ClassSchema>>().toEqualTypeOf<ClassRecord>();
    expectTypeOf<v.InferOutput<typeof PupilSchema>>().toEqualTypeOf<PupilRecord>();
    expectTypeOf<v.InferOutput<typeof LensSchema>>().toEqualTypeOf<LensRecord>();
    expectTypeOf<v.InferOutput<typeof LessonSchema>>().toEqualTypeOf<LessonRecord>();
    expectTypeOf<v.InferOutput<typeof AbsenceSchema>>().toEqualTypeOf<AbsenceRecord>();
    expectTypeOf<v.InferOutput<typeof EventSchema>>().toEqualTypeOf<InteractionEvent>();
    expectTypeOf<v.InferOutput<typeof BankingSchema>>().toEqualTypeOf<BankingSession>();
    expectTypeOf<v.InferOutput<typeof ExpectationSchema>>().toEqualTypeOf<ExpectationRecord>();
    expectTypeOf<v.InferOutput<typeof RelationshipSchema>>().toEqualTypeOf<RelationshipRecord>();
    // A variant per score type: a union that is assignable both ways.
    expectTypeOf<v.InferOutput<typeof AchievementSchema>>().toExtend<AchievementRecord>();
    expectTypeOf<AchievementRecord>().toExtend<v.InferOutput<typeof AchievementSchema>>();
    expectTypeOf<v.InferOutput<typeof BackupFileSchema>>().toExtend<BackupFile>();
    expectTypeOf<BackupFile>().toExtend<v.InferOutput<typeof BackupFileSchema>>();
  });
});

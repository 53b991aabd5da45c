/**
 * The one table of secret fields (src/db/lock/fields.ts). Its type makes every field of every
 * record type a choice (`secret` or `plain`: a new field is a type error until it is listed);
 * these tests check the same against real records, and that no secret field is indexed.
 */
import { describe, expect, it } from 'vitest';
import { FIELD_POLICY, SECRET_SETTING_PREFIXES } from '../../../src/db/lock/fields';
import { LATEST_STORES } from '../../../src/db/schema';
import { fixture, MARK } from './fixture';

const policies = FIELD_POLICY as Record<string, Record<string, string>>;

/** The property names an index spec such as `id, &[lessonId+pupilId], *tags` uses. */
function indexedFields(spec: string): string[] {
  return spec
    .split(',')
    .flatMap((part) => part.replace(/[&*+[\]]/g, ' ').split(/\s+/))
    .map((f) => f.trim())
    .filter(Boolean);
}

/** Every string anywhere inside a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('the secret-field table', () => {
  it('covers every table of the schema', () => {
    expect(Object.keys(FIELD_POLICY).sort()).toEqual(Object.keys(LATEST_STORES).sort());
  });

  it.each(Object.entries(LATEST_STORES))('never marks an indexed field of %s secret', (t, spec) => {
    for (const f of indexedFields(spec)) expect(policies[t]![f], `${t}.${f}`).not.toBe('secret');
  });

  it.each(Object.entries(fixture()))('classifies every field of a %s record', (table, rows) => {
    for (const row of rows) {
      for (const field of Object.keys(row)) {
        expect(policies[table]![field], `${table}.${field}`).toMatch(/^(secret|plain)$/);
      }
    }
  });

  it.each(Object.entries(fixture()))(
    'in %s, the fixture holds text only in secret fields (plain ones hold ids, dates, kinds)',
    (table, rows) => {
      for (const row of rows) {
        const secretByKey =
          table === 'settings' &&
          SECRET_SETTING_PREFIXES.some((p) => String(row.key).startsWith(p));
        for (const [field, value] of Object.entries(row)) {
          const secret = policies[table]![field] === 'secret' || (secretByKey && field === 'value');
          const marked = strings(value).some((s) => s.includes(MARK));
          expect(marked, `${table}.${field}`).toBe(secret);
        }
      }
    },
  );
});

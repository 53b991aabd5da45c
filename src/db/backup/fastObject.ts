/**
 * A quicker check of the records a backup holds by the hundred thousand (events), read off their
 * valibot schema: it only ever says "valid, and here is what valibot would give" or "don't
 * know". The reader asks it first and asks valibot (./schema.ts, the source of truth) whenever it
 * does not know, so every refusal and its message still come from valibot.
 *
 * It understands a strict object whose entries are strings (checked by running the entry's own
 * schema), booleans, picklists, and those wrapped in `optional` or `nullable`; it refuses to be
 * built from anything else. tests/db/backupFastObject.test.ts checks, with random changes to real
 * records, that it never accepts what valibot refuses and gives the same output.
 */
import type * as v from 'valibot';

/** What one entry of the object accepts. */
interface Field {
  key: string;
  optional: boolean;
  nullable: boolean;
  /** 'string': the entry's schema is run on a value not seen just before. */
  type: 'string' | 'boolean' | 'picklist';
  options: ReadonlySet<unknown> | null;
  schema: v.GenericSchema;
  /** The last value that passed (events of one lesson repeat their class, lesson, date). */
  last: unknown;
}

type Schema = v.GenericSchema & {
  wrapped?: Schema;
  options?: readonly unknown[];
  pipe?: readonly { kind: string; type: string }[];
  entries?: Record<string, Schema>;
};

const CONFIG = { abortEarly: true } as const;

function fieldOf(key: string, entry: Schema): Field {
  let schema = entry;
  let optional = false;
  let nullable = false;
  // `optional(nullable(x))` and the like; a default value would change the output: not taken.
  for (;;) {
    if (schema.type === 'optional' && !('default' in schema && schema.default !== undefined)) {
      optional = true;
    } else if (
      schema.type === 'nullable' &&
      !('default' in schema && schema.default !== undefined)
    ) {
      nullable = true;
    } else break;
    schema = schema.wrapped!;
  }
  const field = { key, optional, nullable, schema, options: null, last: undefined };
  if (schema.type === 'boolean' && !schema.pipe) return { ...field, type: 'boolean' };
  if (schema.type === 'picklist' && !schema.pipe) {
    return { ...field, type: 'picklist', options: new Set(schema.options) };
  }
  // A string schema with checks only (no transformation): its output is its input.
  if (schema.type === 'string' && (schema.pipe ?? []).every((p) => p.kind !== 'transformation')) {
    return { ...field, type: 'string' };
  }
  throw new Error(`fastObject: ${key} is a ${schema.type}`);
}

function passes(field: Field, value: unknown): boolean {
  switch (field.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'picklist':
      return field.options!.has(value);
    case 'string': {
      if (typeof value !== 'string') return false;
      if (value === field.last) return true;
      const out = field.schema['~run']({ typed: false, value }, CONFIG);
      if (!out.typed || out.issues) return false;
      field.last = value;
      return true;
    }
  }
}

/**
 * The check for one strict object schema: the checked record (keys in the schema's order, as
 * valibot gives it) when it is certainly valid, else undefined (then ask valibot).
 */
export function fastObject<T>(
  schema: v.GenericSchema<unknown, T>,
): (value: unknown) => T | undefined {
  const s = schema as Schema;
  if (s.type !== 'strict_object' || !s.entries) throw new Error('fastObject: not a strict object');
  const entries = s.entries;
  const fields = Object.entries(entries).map(([key, entry]) => fieldOf(key, entry));
  return (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const record = value as Record<string, unknown>;
    for (const key in record) if (!Object.hasOwn(entries, key)) return undefined;
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const key = field.key;
      if (!(key in record)) {
        if (field.optional) continue;
        return undefined;
      }
      const item = record[key];
      if (!(item === null ? field.nullable : passes(field, item))) return undefined;
      out[key] = item;
    }
    return out as T;
  };
}

/**
 * The quick event check (src/db/backup/fastObject.ts) against its source of truth, valibot's
 * EventSchema: over random changes to real events, it accepts exactly what valibot accepts and
 * gives the same record (same keys, same order). And the chunked reader, which asks it first,
 * refuses a file with changed events with the same message as the whole-file check.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { EventSchema } from '../../src/db/backup/schema';
import { fastObject } from '../../src/db/backup/fastObject';
import { validateBackup, validateBackupStream } from '../../src/db/backup/validate';
import { ImportError } from '../../src/model/importErrors';
import { parseBackupJson } from '../../src/domain/jsonFile';
import { makeSampleData } from '../support/backupSample';
import { backupOf } from './backupHelpers';

const DATA = makeSampleData({
  seed: 7,
  classes: 2,
  pupilsPerClass: 5,
  lessonsPerClass: 3,
  events: 60,
});
const EVENTS = DATA.events;
const KEYS = [...Object.keys(EventSchema.entries), 'extra', '__proto__', 'constructor', 'toString'];

/** Values near the edge of what an event field accepts. */
const NEAR = fc.constantFrom<unknown>(
  null,
  true,
  false,
  0,
  1.5,
  '',
  'turn',
  'praise',
  'Turn',
  'volunteered',
  'recall',
  'specific',
  'class',
  'private',
  '2024-02-29',
  '2023-02-29',
  '2024-13-01',
  '24-09-02',
  '2024-09-02T07:00:00Z',
  '2024-09-02T07:00:00.5Z',
  '2024-09-02T07:00:00.1234Z',
  '2024-09-02T24:00:00.000Z',
  '2024-09-02T07:00:00.000+01:00',
  '2024-09-02 07:00:00.000Z',
  'ABCDEF01-2345-4678-89AB-CDEF01234567',
  'abcdef01-2345-4678-89ab-cdef0123456',
  [],
  {},
);

const CHARS = fc.constantFrom('0', '9', '-', ':', '.', 'T', 'Z', 'a', 'g', 'A', ' ', '"', 'é');

const mutation = fc.oneof(
  fc.record({ op: fc.constant('set' as const), key: fc.constantFrom(...KEYS), value: NEAR }),
  fc.record({
    op: fc.constant('set' as const),
    key: fc.constantFrom(...KEYS),
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
  fc.record({ op: fc.constant('delete' as const), key: fc.constantFrom(...KEYS) }),
  // One character of a string field changed (a date that is no calendar date, a cut id…).
  fc.record({
    op: fc.constant('tweak' as const),
    key: fc.constantFrom(...KEYS),
    at: fc.nat(40),
    char: CHARS,
  }),
  fc.record({ op: fc.constant('whole' as const), value: fc.jsonValue({ maxDepth: 1 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

/** An event as JSON.parse gives it, changed (own `__proto__` keys included, as JSON makes them). */
function changed(index: number, changes: readonly Mutation[]): unknown {
  let record: unknown = JSON.parse(JSON.stringify(EVENTS[index % EVENTS.length]));
  for (const change of changes) {
    if (change.op === 'whole') {
      record = change.value;
      continue;
    }
    if (record === null || typeof record !== 'object') continue;
    const r = record as Record<string, unknown>;
    if (change.op === 'delete') delete r[change.key];
    else {
      let value: unknown = change.op === 'set' ? change.value : r[change.key];
      if (change.op === 'tweak') {
        if (typeof value !== 'string') continue;
        const at = Math.min(change.at, Math.max(0, value.length - 1));
        value = value.slice(0, at) + change.char + value.slice(at + 1);
      }
      Object.defineProperty(r, change.key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return record;
}

describe('the quick event check', () => {
  it('accepts exactly what valibot accepts, with the same record', () => {
    const quick = fastObject(EventSchema);
    const tally = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { maxLength: 3 }), (index, changes) => {
        const record = changed(index, changes);
        const fast = quick(record);
        const slow = v.safeParse(EventSchema, record, { abortEarly: true });
        expect(fast !== undefined).toBe(slow.success);
        if (slow.success) {
          tally.accepted++;
          expect(fast).toEqual(slow.output);
          expect(Object.keys(fast!)).toEqual(Object.keys(slow.output));
        } else tally.refused++;
      }),
      { numRuns: 3000, seed: 16 },
    );
    // Both sides were exercised.
    expect(tally.accepted).toBeGreaterThan(200);
    expect(tally.refused).toBeGreaterThan(1000);
  });

  it('is built only from the schema kinds it understands', () => {
    expect(() => fastObject(v.strictObject({ n: v.number() }))).toThrow();
    expect(() => fastObject(v.object({ s: v.string() }))).toThrow();
  });
});

describe('the chunked reader with the quick check', () => {
  it('refuses changed events with the whole-file check’s message, and keeps what it accepts', async () => {
    const file = backupOf(DATA);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(mutation, { minLength: 1, maxLength: 2 }),
        async (index, changes) => {
          const copy = JSON.parse(JSON.stringify(file)) as typeof file;
          (copy.data.events as unknown[])[index % EVENTS.length] = changed(index, changes);
          const text = JSON.stringify(copy);
          const whole = settle(() => validateBackup(parseBackupJson(text)));
          const streamed = await settleAsync(() => validateBackupStream(text, { chunkSize: 997 }));
          expect(streamed).toEqual(whole);
        },
      ),
      { numRuns: 300, seed: 43 },
    );
  }, 120_000);
});

type Outcome = { ok: unknown } | { code: string; detail: unknown };

function outcomeOf(e: unknown): Outcome {
  if (e instanceof ImportError) return { code: e.code, detail: e.detail };
  throw e;
}

function settle(run: () => { file: unknown }): Outcome {
  try {
    return { ok: run().file };
  } catch (e) {
    return outcomeOf(e);
  }
}

async function settleAsync(run: () => Promise<{ file: unknown }>): Promise<Outcome> {
  try {
    return { ok: (await run()).file };
  } catch (e) {
    return outcomeOf(e);
  }
}

/**
 * Fuzz: any input is either imported or refused with an ImportError — never another exception
 * — and a refusal leaves the database exactly as it was.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import { ImportError } from '../../src/model/importErrors';
import { exportBackupJson } from '../../src/db/backup/export';
import { importBackup, type ImportMode } from '../../src/db/backup/import';
import { parseBackupJson } from '../../src/domain/jsonFile';
import { makeSampleData } from '../support/backupSample';
import { validateBackup } from '../../src/db/backup/validate';
import { backupOf, clone, dumpDb, freshDb, seedDb } from './backupHelpers';

const MINE = makeSampleData({
  seed: 1,
  classes: 1,
  pupilsPerClass: 4,
  lessonsPerClass: 2,
  events: 10,
});
const THEIRS = backupOf(
  makeSampleData({ seed: 2, classes: 2, pupilsPerClass: 3, lessonsPerClass: 2, events: 12 }),
);
const TABLES = Object.keys(THEIRS.data) as (keyof typeof THEIRS.data)[];

const tally = { accepted: 0, refused: 0 };
beforeEach(() => {
  tally.accepted = 0;
  tally.refused = 0;
});
afterEach(() => setDbForTests(null));

/** Imports one input into a fresh, seeded database and checks the contract. */
async function checkContract(input: string, mode: ImportMode): Promise<void> {
  const db = freshDb();
  try {
    await seedDb(db, MINE);
    const before = await dumpDb(db);
    let accepted = false;
    try {
      await importBackup(input, mode);
      accepted = true;
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      expect(await dumpDb(db)).toEqual(before);
    }
    tally[accepted ? 'accepted' : 'refused']++;
    // What was accepted leaves a database that exports as a valid backup again.
    if (accepted) validateBackup(parseBackupJson(await exportBackupJson()));
  } finally {
    db.close();
  }
}

type Mutable = Record<string, unknown>;

/**
 * One random change to a valid backup object. Most changes make a backup the app must refuse;
 * `keep` (a change that is none) makes sure every run also has backups it must accept: without
 * it a random seed gave 2–10 accepted in 200, and a local run with none failed the check below.
 * With it, 11–19 (six and four runs).
 */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('keep' as const) }),
  // Replace a field of a record with any JSON value.
  fc.record({
    op: fc.constant('set' as const),
    table: fc.constantFrom(...TABLES),
    index: fc.nat(),
    field: fc.nat(),
    value: fc.jsonValue({ maxDepth: 3 }),
  }),
  // Remove a field.
  fc.record({
    op: fc.constant('delete' as const),
    table: fc.constantFrom(...TABLES),
    index: fc.nat(),
    field: fc.nat(),
  }),
  // Copy a record (a duplicate id) or another record's id into it.
  fc.record({
    op: fc.constantFrom('duplicate' as const, 'stealId' as const),
    table: fc.constantFrom(...TABLES),
    index: fc.nat(),
    other: fc.nat(),
  }),
  // Point a reference somewhere else (maybe nowhere).
  fc.record({
    op: fc.constant('retarget' as const),
    table: fc.constantFrom(...TABLES),
    index: fc.nat(),
    id: fc.uuid({ version: 4 }),
  }),
  // Top-level fields.
  fc.record({
    op: fc.constant('top' as const),
    key: fc.constantFrom(
      'format',
      'formatVersion',
      'appVersion',
      'exportedAt',
      'scope',
      'data',
      'extra',
    ),
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function apply(file: Mutable, m: Mutation): void {
  if (m.op === 'keep') return;
  if (m.op === 'top') {
    file[m.key] = m.value;
    return;
  }
  const data = file.data as Record<string, Mutable[] | undefined> | null | undefined;
  const records = data?.[m.table];
  if (!Array.isArray(records) || records.length === 0) return;
  const record = records[m.index % records.length]!;
  const keys = Object.keys(record);
  switch (m.op) {
    case 'set':
      record[keys[m.field % keys.length]!] = m.value;
      break;
    case 'delete':
      delete record[keys[m.field % keys.length]!];
      break;
    case 'duplicate':
      records.push(clone(record));
      break;
    case 'stealId':
      record.id = records[m.other % records.length]!.id;
      break;
    case 'retarget': {
      const ref = keys.filter((k) => k.endsWith('Id'));
      if (ref.length > 0) record[ref[m.index % ref.length]!] = m.id;
      break;
    }
  }
}

/** Text-level damage: cut, splice in characters, or inject a forbidden key. */
const textDamage = fc.oneof(
  fc.record({ op: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    op: fc.constant('splice' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.string({ maxLength: 4 }),
  }),
  fc.record({
    op: fc.constant('forbidden' as const),
    key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
    at: fc.nat(),
  }),
);
type TextDamage = typeof textDamage extends fc.Arbitrary<infer D> ? D : never;

function damageText(text: string, d: TextDamage): string {
  if (d.op === 'forbidden') {
    const spots = [...text.matchAll(/\{"/g)].map((m) => m.index);
    const spot = spots[d.at % spots.length] ?? 0;
    return `${text.slice(0, spot + 1)}"${d.key}":{},${text.slice(spot + 1)}`;
  }
  const at = Math.floor(d.at * text.length);
  return d.op === 'cut' ? text.slice(0, at) : text.slice(0, at) + d.text + text.slice(at);
}

// CI runs a fixed seed so a landing never hinges on luck; locally every run explores new inputs.
// A failure prints its seed: rerun with FUZZ_SEED=<seed> to reproduce it.
const SEED = process.env.FUZZ_SEED ?? (process.env.CI ? '20261122' : undefined);
const fuzz = SEED === undefined ? {} : { seed: Number(SEED) };

describe('fuzz: imported or refused cleanly', { timeout: 120_000 }, () => {
  it('arbitrary JSON values', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue(),
        fc.constantFrom<ImportMode>('merge', 'replace'),
        (value, mode) => checkContract(JSON.stringify(value) ?? '', mode),
      ),
      { ...fuzz, numRuns: 100 },
    );
  });

  it('arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) =>
        checkContract(text, 'merge'),
      ),
      { ...fuzz, numRuns: 60 },
    );
  });

  it('valid backups with random mutations', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.constantFrom<ImportMode>('merge', 'replace'),
        async (mutations, mode) => {
          const file = clone(THEIRS) as unknown as Mutable;
          for (const m of mutations) apply(file, m);
          await checkContract(JSON.stringify(file), mode);
        },
      ),
      { ...fuzz, numRuns: 200 },
    );
    // Both outcomes occur, so neither branch of the contract goes untested.
    expect(tally.accepted).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  });

  it('valid backups with damaged text', async () => {
    const text = JSON.stringify(THEIRS);
    await fc.assert(
      fc.asyncProperty(textDamage, (d) => checkContract(damageText(text, d), 'merge')),
      { ...fuzz, numRuns: 100 },
    );
  });
});

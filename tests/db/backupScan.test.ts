/**
 * The chunked scanner cuts records out of `data.<table>[…]` exactly as JSON.parse reads them,
 * whatever the chunk size, also when strings hold quotes, backslashes, brackets and commas (the
 * scanner skips strings by jumping to the next quote or backslash).
 */
import { describe, expect, it } from 'vitest';
import { scanBackup } from '../../src/db/backup/stream';

const tricky = [
  'plain',
  'a "quoted" word',
  'back\\slash at the end\\',
  '\\"',
  '\\\\',
  'brackets ] } [ { and, commas',
  'line\nbreak and tab\t',
  'ünïcödé 😀',
  '',
  // A record usually ends at the next `},{`: not when it sits in a string or a nested list.
  '},{',
  'x"},{"id":"fake',
];

const file = {
  format: 'spiegel-backup',
  'odd "key"': 'x\\y',
  data: {
    pupils: tricky.map((name, i) => ({ id: `p${i}`, name, nested: { list: [name, i] } })),
    lenses: [{ values: [{ a: 1 }, { b: '},{' }] }, { values: [{}, {}] }, {}, { c: 1 }],
    'we\\ird': [{ text: '"]' }],
    empty: [],
  },
};

describe('scanBackup', () => {
  // Spaced out (the character scan) and compact, as the app writes it (`},{` between records).
  it.each(
    [1, 2, 3, 5, 8, 13, 64, 4096].flatMap((n) => [
      [n, JSON.stringify(file, null, 1)],
      [n, JSON.stringify(file)],
    ]),
  )('chunk size %i: the same records and rest', async (n, text) => {
    const seen: Record<string, unknown[]> = {};
    const rest = await scanBackup(
      text,
      (table, i, value) => {
        (seen[table] ??= [])[i] = value;
      },
      { chunkSize: n },
    );
    expect(seen).toEqual({
      pupils: file.data.pupils,
      lenses: file.data.lenses,
      'we\\ird': file.data['we\\ird'],
    });
    expect(rest).toEqual({
      ...file,
      data: { pupils: [], lenses: [], 'we\\ird': [], empty: [] },
    });
  });
});

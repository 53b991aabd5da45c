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
];

const file = {
  format: 'spiegel-backup',
  'odd "key"': 'x\\y',
  data: {
    pupils: tricky.map((name, i) => ({ id: `p${i}`, name, nested: { list: [name, i] } })),
    'we\\ird': [{ text: '"]' }],
    empty: [],
  },
};

describe('scanBackup', () => {
  const text = JSON.stringify(file, null, 1);
  it.each([1, 2, 3, 5, 8, 13, 64, 4096])('chunk size %i: the same records and rest', async (n) => {
    const seen: Record<string, unknown[]> = {};
    const rest = await scanBackup(
      text,
      (table, i, value) => {
        (seen[table] ??= [])[i] = value;
      },
      { chunkSize: n },
    );
    expect(seen).toEqual({ pupils: file.data.pupils, 'we\\ird': file.data['we\\ird'] });
    expect(rest).toEqual({
      ...file,
      data: { pupils: [], 'we\\ird': [], empty: [] },
    });
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { setDbForTests } from '../../src/db/db';
import { createClass } from '../../src/db/repo/classes';
import {
  cleanNicknames,
  parseNicknames,
  setPupilNicknames,
} from '../../src/db/repo/pupilNicknames';
import { addPupil, renamePupil } from '../../src/db/repo/pupils';
import { createLens } from '../../src/db/repo/lenses';
import { SpiegelDB } from '../../src/db/schema';
import { stripBidi } from '../../src/domain/bidi';
import { cleanName } from '../../src/domain/names';
import { ValidationError } from '../../src/model/errors';

const t0 = new Date('2025-09-01T08:00:00.000Z');
let classId = '';

beforeEach(async () => {
  setDbForTests(new SpiegelDB('t-' + crypto.randomUUID()));
  classId = (await createClass({ name: '6B', schoolType: 'primary', yearLabel: 'groep 6' }, t0)).id;
});

describe('nicknames', () => {
  it('stores a cleaned list, drops empty and repeated entries, removes the field when empty', async () => {
    const sem = await addPupil(classId, 'Sem de Vries', t0);
    const saved = await setPupilNicknames(
      sem.id,
      parseNicknames(' Semmie ,, semmie;\nde Kleine '),
      t0,
    );
    expect(saved.nicknames).toEqual(['Semmie', 'de Kleine']);
    const cleared = await setPupilNicknames(sem.id, [''], t0);
    expect('nicknames' in cleared).toBe(false);
  });

  it('refuses a nickname that is too long or too many, and keeps what was there', async () => {
    const sem = await addPupil(classId, 'Sem', t0);
    await setPupilNicknames(sem.id, ['Semmie'], t0);
    await expect(setPupilNicknames(sem.id, ['x'.repeat(61)], t0)).rejects.toMatchObject({
      code: 'nicknameTooLong',
    });
    expect(() => cleanNicknames(Array.from({ length: 21 }, (_, i) => `n${i}`))).toThrow(
      ValidationError,
    );
    const again = await setPupilNicknames(sem.id, ['Semmie', 'Sem2'], t0);
    expect(again.nicknames).toEqual(['Semmie', 'Sem2']);
  });
});

describe('bidi control characters', () => {
  const controls = [
    '\u202a',
    '\u202b',
    '\u202c',
    '\u202d',
    '\u202e',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\u200e',
    '\u200f',
  ];
  it.each(controls.map((c) => [c.codePointAt(0)!.toString(16)]))('U+%s is stripped', (hex) => {
    const c = String.fromCodePoint(parseInt(hex, 16));
    expect(stripBidi(`An${c}na`)).toBe('Anna');
    expect(cleanName(` ${c}Anna ${c}de Vries`)).toBe('Anna de Vries');
  });

  it('never reach a stored pupil name, nickname or lens label', async () => {
    const p = await addPupil(classId, '\u202eanilataK', t0);
    expect(p.name).toBe('anilataK');
    expect((await renamePupil(p.id, 'Kat\u2066alina\u2069', t0)).name).toBe('Katalina');
    expect((await setPupilNicknames(p.id, ['\u202eKat'], t0)).nicknames).toEqual(['Kat']);
    const lens = await createLens(classId, '\u202eThuistaal', ['\u2067NL', 'anders'], t0);
    expect(lens.name).toBe('Thuistaal');
    expect(lens.values[0]?.label).toBe('NL');
  });
});

/**
 * Results pasted by name: real-world name forms from spreadsheets and Dutch school systems
 * (Magister, Somtoday, ParnasSys) matched to a class's pupils. Expected values by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  looksNamed,
  matchNamedScores,
  nameFit,
  nameTokens,
  splitCells,
} from '../../src/domain/nameMatch';

const CLASS = [
  'Daan Kramer',
  'Daan Visser',
  'Zoë de Vries',
  'Mohammed El Amrani',
  'Anne-Fleur van der Berg',
  'Priyanka',
  'Sem',
  'Noor B.',
  'Noor Jansen',
].map((name, i) => ({ id: `p${i}`, name }));
const byName = (name: string) => CLASS.find((p) => p.name === name)!;

describe('nameTokens', () => {
  it.each([
    ['Zoë de Vries', ['zoe', 'vries']],
    ['Vries, Zoë de', ['vries', 'zoe']],
    ['Berg, Anne-Fleur van der', ['berg', 'anne', 'fleur']],
    ['  DAAN   K. ', ['daan', 'k']],
    ['D.K.', ['d', 'k']],
    ['Van', ['van']],
  ])('%s → %j', (name, tokens) => {
    expect(nameTokens(name)).toEqual(tokens);
  });
});

describe('nameFit', () => {
  it.each([
    ['Kramer, Daan', 'Daan Kramer', 3],
    ['KRAMER DAAN', 'Daan Kramer', 3],
    ['Daan K.', 'Daan Kramer', 2],
    ['D. Kramer', 'Daan Kramer', 2],
    ['Kramer, Daan', 'Daan K.', 2],
    ['Kramer, Daan', 'Daan', 1],
    ['Visser, Daan', 'Daan K.', 0],
    ['D. K.', 'Daan Kramer', 0],
    ['Vries, Zoe de', 'Zoë de Vries', 3],
    ['van der Berg, Anne-Fleur', 'Anne-Fleur van der Berg', 3],
    ['Amrani, Mohammed el', 'Mohammed El Amrani', 3],
    ['Sem', 'Semih', 0],
  ])('%s ~ %s = %i', (row, pupil, fit) => {
    expect(nameFit(nameTokens(row), nameTokens(pupil))).toBe(fit);
  });
});

describe('splitCells and looksNamed', () => {
  it('splits tabs and semicolons and unquotes CSV cells', () => {
    expect(splitCells('"Kramer, Daan";"7,5"')).toEqual(['Kramer, Daan', '7,5']);
    expect(splitCells('Kramer, Daan\t7,5\t')).toEqual(['Kramer, Daan', '7,5']);
  });
  it.each([
    ['7\n8\n6,5\n', false],
    ['Daan\t7\nSem\t8', true],
    ['Naam;Cijfer\nDaan;7\nSem;8', true],
    ['', false],
  ])('%j → %s', (text, named) => {
    expect(looksNamed(text)).toBe(named);
  });
});

describe('matchNamedScores', () => {
  it('matches a Magister-style export in surname order, with a header row', () => {
    const text = [
      'Leerling;Cijfer',
      'Berg, Anne-Fleur van der;7,5',
      'Amrani, Mohammed El;6',
      'Jansen, Noor;8',
      'Kramer, Daan;5,5',
      'Visser, Daan;9',
      'Vries, Zoë de;7',
    ].join('\n');
    const r = matchNamedScores(text, CLASS, 'grade');
    expect(r.header).toBe(true);
    expect(r.rows.map((row) => [row.line, row.status, row.pupil?.name, row.result])).toEqual([
      [2, 'matched', 'Anne-Fleur van der Berg', { kind: 'ok', value: 7.5 }],
      [3, 'matched', 'Mohammed El Amrani', { kind: 'ok', value: 6 }],
      [4, 'matched', 'Noor Jansen', { kind: 'ok', value: 8 }],
      [5, 'matched', 'Daan Kramer', { kind: 'ok', value: 5.5 }],
      [6, 'matched', 'Daan Visser', { kind: 'ok', value: 9 }],
      [7, 'matched', 'Zoë de Vries', { kind: 'ok', value: 7 }],
    ]);
    expect(r.missing.map((p) => p.name)).toEqual(['Priyanka', 'Sem', 'Noor B.']);
  });

  it('reads the score first, tabs, no header, and a ParnasSys-like split name', () => {
    const text = '8\tSem\n6,8\tpriyanka\n7\tBerg\tvan der\tAnne-Fleur\n';
    const r = matchNamedScores(text, CLASS, 'grade');
    expect(r.header).toBe(false);
    expect(r.rows.map((row) => [row.status, row.pupil?.name, row.result])).toEqual([
      ['matched', 'Sem', { kind: 'ok', value: 8 }],
      ['matched', 'Priyanka', { kind: 'ok', value: 6.8 }],
      ['matched', 'Anne-Fleur van der Berg', { kind: 'ok', value: 7 }],
    ]);
  });

  it('leaves out a pupil number in a school export', () => {
    const text = 'Leerlingnummer;Naam;Cijfer\n123456;Kramer, Daan;7\n';
    const r = matchNamedScores(text, CLASS, 'grade');
    expect(r.rows.map((row) => [row.name, row.pupil?.name])).toEqual([
      ['Kramer, Daan', 'Daan Kramer'],
    ]);
  });

  it('never assigns an unknown, an ambiguous row or two rows on one pupil', () => {
    const text = [
      'Daan;7', // two Daans in the class
      'Bakker, Lotte;8', // not in the class
      'Noor;6', // Noor B. and Noor Jansen
      'Sem;5',
      'S. ;9', // an initial alone says too little
      'sem;6', // Sem again
    ].join('\n');
    const r = matchNamedScores(text, CLASS, 'grade');
    expect(r.rows.map((row) => [row.status, row.pupil?.name ?? null])).toEqual([
      ['ambiguous', null],
      ['unknown', null],
      ['ambiguous', null],
      ['twice', null],
      ['unknown', null],
      ['twice', null],
    ]);
    expect(r.rows[0]!.candidates.map((p) => p.name)).toEqual(['Daan Kramer', 'Daan Visser']);
    expect(r.rows[3]!.candidates).toEqual([byName('Sem')]);
    expect(r.missing).toHaveLength(CLASS.length);
  });

  it('keeps a row whose score cannot be read, with its pupil', () => {
    const r = matchNamedScores('Sem;elf\nPriyanka;', CLASS, 'grade');
    expect(r.rows.map((row) => [row.pupil?.name, row.result.kind])).toEqual([
      ['Sem', 'invalid'],
      ['Priyanka', 'empty'],
    ]);
  });

  it('reads levels by name as the score column', () => {
    const r = matchNamedScores('Sem\tHAVO\nPriyanka\tvwo', CLASS, 'level', ['vmbo', 'havo', 'vwo']);
    expect(r.rows.map((row) => [row.pupil?.name, row.result])).toEqual([
      ['Sem', { kind: 'ok', value: 1 }],
      ['Priyanka', { kind: 'ok', value: 2 }],
    ]);
  });
});

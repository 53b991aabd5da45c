import { describe, expect, it } from 'vitest';
import {
  PASTE_MAX,
  cleanName,
  nameKey,
  nameLength,
  parsePastedNames,
  shortNames,
  type PastedNames,
} from '../../src/domain/names';

const none: Omit<PastedNames, 'names'> = {
  duplicatesInPaste: [],
  alreadyInClass: [],
  tooLong: [],
  tooMany: false,
};

describe('cleanName', () => {
  it.each([
    ['  Sem  ', 'Sem'],
    ['Anne\u00a0 Marie', 'Anne Marie'],
    ['\uFEFFDaan', 'Daan'],
    ['Jan\t\tde  Vries', 'Jan de Vries'],
    ['   ', ''],
  ])('%j → %j', (raw, clean) => {
    expect(cleanName(raw)).toBe(clean);
  });
});

describe('nameKey and nameLength', () => {
  it('ignores case and accents', () => {
    expect(nameKey('Zoë')).toBe(nameKey('zoe'));
    expect(nameKey('  ANOUK ')).toBe(nameKey('anouk'));
    expect(nameKey('Çelik')).toBe(nameKey('celik'));
    expect(nameKey('Sem')).not.toBe(nameKey('Sam'));
  });

  it('counts an emoji as one character', () => {
    expect(nameLength('🦊')).toBe(1);
    expect(nameLength('Ida 🦊')).toBe(5);
  });
});

describe('parsePastedNames', () => {
  const cases: Array<{ title: string; text: string; existing?: string[]; expected: PastedNames }> =
    [
      {
        title: 'one name per line',
        text: 'Anouk\nBram\nCees',
        expected: { ...none, names: ['Anouk', 'Bram', 'Cees'] },
      },
      {
        title: 'Windows line endings and a byte-order mark',
        text: '\uFEFFAnouk\r\nBram\r\n',
        expected: { ...none, names: ['Anouk', 'Bram'] },
      },
      {
        title: 'old Mac line endings',
        text: 'Anouk\rBram',
        expected: { ...none, names: ['Anouk', 'Bram'] },
      },
      {
        title: 'trailing spaces and padded names',
        text: 'Anouk   \n  Sem  \n\tBram',
        expected: { ...none, names: ['Anouk', 'Sem', 'Bram'] },
      },
      {
        title: 'inner white space collapsed',
        text: 'Jan   de    Vries',
        expected: { ...none, names: ['Jan de Vries'] },
      },
      {
        title: 'a duplicate after an empty line, in another case',
        text: 'Anouk\n\n anouk',
        expected: { ...none, names: ['Anouk'], duplicatesInPaste: ['anouk'] },
      },
      {
        title: 'a name three times is reported once',
        text: 'Sem\nSEM\nsem\nBo',
        expected: { ...none, names: ['Sem', 'Bo'], duplicatesInPaste: ['SEM'] },
      },
      {
        title: 'accents do not make a different pupil',
        text: 'Zoë\nZoe',
        expected: { ...none, names: ['Zoë'], duplicatesInPaste: ['Zoe'] },
      },
      {
        title: 'names already in the class are skipped and reported',
        text: 'Anouk\nbram\nCees\nBram',
        existing: ['Bram', 'Daan'],
        expected: { ...none, names: ['Anouk', 'Cees'], alreadyInClass: ['bram'] },
      },
      {
        title: 'spreadsheet rows: the first column (tab separated)',
        text: 'Anouk\tde Vries\t12\nBram\tJansen',
        expected: { ...none, names: ['Anouk', 'Bram'] },
      },
      {
        title: 'CSV rows: the first column (semicolon separated, quoted)',
        text: '"Anouk";"groep 6"\nBram;groep 6',
        expected: { ...none, names: ['Anouk', 'Bram'] },
      },
      {
        title: 'rows with an empty first cell are ignored',
        text: ';12\n;\n \t \nBram',
        expected: { ...none, names: ['Bram'] },
      },
      {
        title: 'emoji names are fine',
        text: 'Ida 🦊\n🌟\nIDA 🦊',
        expected: { ...none, names: ['Ida 🦊', '🌟'], duplicatesInPaste: ['IDA 🦊'] },
      },
      {
        title: 'a name over 60 characters is refused once',
        text: `${'a'.repeat(61)}\n${'a'.repeat(60)}\n${'A'.repeat(61)}`,
        expected: { ...none, names: ['a'.repeat(60)], tooLong: ['a'.repeat(61)] },
      },
      {
        title: 'only blank lines',
        text: ' \n\n\t\r\n',
        expected: { ...none, names: [] },
      },
    ];

  it.each(cases)('$title', ({ text, existing, expected }) => {
    expect(parsePastedNames(text, existing ?? [])).toEqual(expected);
  });

  const numbered = (n: number) => Array.from({ length: n }, (_, i) => `Leerling ${i + 1}`);

  it('accepts exactly 200 names', () => {
    const result = parsePastedNames(numbered(PASTE_MAX).join('\n'), []);
    expect(PASTE_MAX).toBe(200);
    expect(result.names).toHaveLength(200);
    expect(result.names[199]).toBe('Leerling 200');
    expect(result.tooMany).toBe(false);
  });

  it('flags 201 names as too many', () => {
    expect(parsePastedNames(numbered(201).join('\n'), []).tooMany).toBe(true);
  });

  it('counts only names that would be added towards the limit', () => {
    const text = [...numbered(200), 'Leerling 1', 'Leerling 2', 'Bestaand'].join('\n');
    const result = parsePastedNames(text, ['Bestaand']);
    expect(result.names).toHaveLength(200);
    expect(result.tooMany).toBe(false);
    expect(result.duplicatesInPaste).toEqual(['Leerling 1', 'Leerling 2']);
    expect(result.alreadyInClass).toEqual(['Bestaand']);
  });
});

describe('shortNames', () => {
  const short = (names: string[]) => {
    const map = shortNames(names.map((name, i) => ({ id: String(i), name })));
    return names.map((_, i) => map.get(String(i)));
  };

  it.each<[string, string[], (string | undefined)[]]>([
    ['unique given names stay as they are', ['Sem', 'Noor'], ['Sem', 'Noor']],
    ['a unique given name drops the surname', ['Mohammed El Amrani', 'Sem'], ['Mohammed', 'Sem']],
    ['two Daans get an initial', ['Daan Kok', 'Daan de Vries'], ['Daan K.', 'Daan V.']],
    ['particles are skipped', ['Daan van der Berg', 'Daan Kok'], ['Daan B.', 'Daan K.']],
    ['the same initial takes more letters', ['Daan Kok', 'Daan Kramer'], ['Daan Ko.', 'Daan Kr.']],
    ['case and accents do not tell apart', ['Zoë Smit', 'zoe Snel'], ['Zoë Sm.', 'zoe Sn.']],
    ['surname first with a comma', ['Vries, Daan de', 'Kok, Daan'], ['Daan V.', 'Daan K.']],
    ['a Daan without a surname keeps his name', ['Daan', 'Daan Kok'], ['Daan', 'Daan K.']],
    ['identical names stay full', ['Daan Kok', 'Daan Kok'], ['Daan Kok', 'Daan Kok']],
    ['a whole short surname needs no dot', ['Ali Li', 'Ali Lu'], ['Ali Li', 'Ali Lu']],
  ])('%s', (_, names, expected) => {
    expect(short(names)).toEqual(expected);
  });

  it('never gives two pupils of a class the same short name unless their names are equal', () => {
    const names = ['Daan Kok', 'Daan Kramer', 'Daan de Vries', 'Daan Vos', 'Sem', 'Sem Bakker'];
    const got = short(names);
    expect(new Set(got).size).toBe(names.length);
  });
});

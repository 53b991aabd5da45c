/**
 * The practice round of the coding guide: every moment's answer is a coding the logging screen
 * can record, it is among the options, options are distinct, every kind is practised, and the
 * check tells a right choice from a wrong one.
 */
import { describe, expect, it } from 'vitest';
import {
  codingKey,
  isRightCoding,
  isValidCoding,
  PRACTICE_MOMENTS,
  type Coding,
} from '../../src/domain/codingGuide';
import { INTERACTION_KINDS } from '../../src/model/kinds';

describe('the practice moments', () => {
  it.each(PRACTICE_MOMENTS.map((m) => [m.id, m] as const))(
    '%s: its answer and options are valid codings, the answer among them once',
    (_, m) => {
      expect(isValidCoding(m.answer)).toBe(true);
      for (const o of m.options) expect(isValidCoding(o), codingKey(o)).toBe(true);
      const keys = m.options.map(codingKey);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.filter((k) => k === codingKey(m.answer))).toHaveLength(1);
      expect(m.options.length).toBeGreaterThanOrEqual(3);
    },
  );

  it('are about eight, with distinct ids, and practise every kind', () => {
    expect(PRACTICE_MOMENTS.length).toBeGreaterThanOrEqual(8);
    expect(PRACTICE_MOMENTS.length).toBeLessThanOrEqual(10);
    expect(new Set(PRACTICE_MOMENTS.map((m) => m.id)).size).toBe(PRACTICE_MOMENTS.length);
    const answered = new Set(PRACTICE_MOMENTS.map((m) => m.answer.kind));
    for (const kind of INTERACTION_KINDS) expect(answered.has(kind), kind).toBe(true);
  });
});

describe('isValidCoding', () => {
  it.each<[string, Coding, boolean]>([
    ['a kind alone', { kind: 'help' }, true],
    [
      'a turn of higher order',
      { kind: 'turn', qualifier: { name: 'questionLevel', value: 'higher' } },
      true,
    ],
    [
      'specific praise',
      { kind: 'praise', qualifier: { name: 'praiseType', value: 'specific' } },
      true,
    ],
    ['an unknown kind', { kind: 'wave' as never }, false],
    [
      'a detail the kind does not carry',
      { kind: 'help', qualifier: { name: 'praiseType', value: 'general' } },
      false,
    ],
    [
      'a value the detail does not have',
      { kind: 'turn', qualifier: { name: 'questionLevel', value: 'deep' as never } },
      false,
    ],
  ])('%s → %s', (_, coding, valid) => {
    expect(isValidCoding(coding)).toBe(valid);
  });
});

describe('isRightCoding', () => {
  const m = PRACTICE_MOMENTS.find((x) => x.id === 'wellDone')!;
  it('accepts the answer and refuses another detail or kind', () => {
    expect(
      isRightCoding(m, { kind: 'praise', qualifier: { name: 'praiseType', value: 'general' } }),
    ).toBe(true);
    expect(
      isRightCoding(m, { kind: 'praise', qualifier: { name: 'praiseType', value: 'specific' } }),
    ).toBe(false);
    expect(isRightCoding(m, { kind: 'personal' })).toBe(false);
  });
  it('keys a coding by kind and detail', () => {
    expect(codingKey({ kind: 'turn', qualifier: { name: 'waitTime', value: true } })).toBe(
      'turn:waitTime=true',
    );
    expect(codingKey({ kind: 'followUp' })).toBe('followUp');
  });
});

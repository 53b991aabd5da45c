/**
 * Deliberate help (issue 14): which pupils an intention deliberately helps more on a date, and
 * the help/challenge counts the deliberateHelp prompt shows. Hand-worked.
 */
import { describe, expect, it } from 'vitest';
import { challengeCounts, deliberateHelpOn } from '../../src/reflection';
import { ev, intention } from './prompts/support/result';

describe('deliberateHelpOn', () => {
  const intentions = [
    intention('i1', { from: '2025-03-01', to: '2025-03-20', moreHelpFor: ['p1', 'p2'] }),
    intention('i2', {
      from: '2025-03-01',
      to: '2025-03-31',
      moreHelpFor: ['p3'],
      closedAt: '2025-03-10T12:00:00.000Z',
    }),
    intention('i3', { moreHelpFor: ['p4'], deletedAt: '2025-03-02T12:00:00.000Z' }),
    intention('i4'),
  ];
  it.each([
    ['2025-02-28', []],
    ['2025-03-05', ['p1', 'p2', 'p3']],
    // i2 was closed on the 10th: its choice ends there.
    ['2025-03-15', ['p1', 'p2']],
    ['2025-03-21', []],
  ])('on %s: %j', (date, expected) => {
    expect([...deliberateHelpOn(intentions, date)].sort()).toEqual(expected);
  });
});

describe('challengeCounts', () => {
  it('counts help, higher-order questions (turns and follow-ups) and follow-ups of the group', () => {
    const events = [
      ev('l1', 'p1', 'help'),
      ev('l1', 'p1', 'help'),
      ev('l1', 'p1', 'turn', { questionLevel: 'higher' }),
      ev('l1', 'p1', 'turn', { questionLevel: 'recall' }),
      ev('l1', 'p2', 'followUp', { questionLevel: 'higher' }),
      ev('l1', 'p2', 'followUp'),
      ev('l1', 'p3', 'help'),
    ];
    expect(challengeCounts(events, new Set(['p1', 'p2']))).toEqual({
      help: 2,
      higherOrder: 2,
      followUp: 2,
      pupils: 2,
    });
    expect(challengeCounts(events, new Set())).toEqual({
      help: 0,
      higherOrder: 0,
      followUp: 0,
      pupils: 0,
    });
  });
});

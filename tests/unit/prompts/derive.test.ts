/** The rule set as a whole: order, one Banking Time prompt per pupil, the no-nag filter. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/dates';
import {
  derivePrompts,
  hides,
  PROMPT_RULES,
  snoozeUntil,
  visiblePrompts,
  type Prompt,
  type PromptStateLike,
} from '../../../src/reflection';
import { cases } from './support/cases';
import { attendance, basis, counts, emptyResult, input, qualityPupil } from './support/result';

const prompt = (key: string): Prompt => ({
  key,
  rule: 'notAddressed',
  params: {},
  basis: basis(5, 50, 10),
  research: [],
});

describe('derivePrompts', () => {
  it('returns nothing for a class without data', () => {
    expect(derivePrompts(input())).toEqual([]);
  });

  it('runs every rule and keeps the order of PROMPT_RULES', () => {
    // Merge the firing cases of several rules into one result, then check the order.
    const pick = (rule: string) => cases.find((c) => c.rule === rule && c.kind === 'fires');
    const stale = pick('expectationsStale');
    const quiet = pick('notAddressed');
    const intention = pick('intentionNoClosing');
    expect(stale && quiet && intention).toBeTruthy();
    const merged = input({
      result: {
        ...stale!.input.result,
        quiet: quiet!.input.result.quiet,
        pupils: quiet!.input.result.pupils,
      },
      data: {
        ...stale!.input.data,
        lessons: [...stale!.input.data.lessons, ...intention!.input.data.lessons],
      },
      intentions: intention!.input.intentions,
    });
    const rules = derivePrompts(merged).map((p) => p.rule);
    expect(rules).toEqual(['intentionNoClosing', 'notAddressed', 'expectationsStale']);
    const order = rules.map((r) => PROMPT_RULES.indexOf(r));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('gives a pupil one Banking Time prompt: correctionsConflict wins over bankingNotYet', () => {
    const result = emptyResult({
      basis: basis(10, 200, 2),
      pupils: attendance(['p1', 'p2']),
      quality: {
        class: counts({ praise: 40, correctionWork: 10, correctionBehaviour: 20 }),
        pupils: [
          qualityPupil('p1', { presentLessons: 10, praise: 1, correctionBehaviour: 10 }),
          qualityPupil('p2', { presentLessons: 10 }),
        ],
      },
      relationship: {
        pupils: [
          { pupilId: 'p1', date: '2025-02-01', closeness: 2, conflict: 5, dependency: 2 },
          { pupilId: 'p2', date: '2025-02-01', closeness: 3, conflict: 4, dependency: 2 },
        ],
        correlations: [],
      },
    });
    expect(derivePrompts(input({ result })).map((p) => p.key)).toEqual([
      'correctionsConflict:p1',
      'bankingNotYet:p2',
    ]);
  });
});

describe('not nagging', () => {
  const prompts = ['notAddressed:p1', 'notAddressed:p2', 'turnsConcentrated'].map(prompt);
  const state = (
    promptKey: string,
    status: PromptStateLike['status'],
    until: string | null = null,
  ) => ({
    promptKey,
    status,
    until,
  });

  it('hides a dismissed key for good', () => {
    const states = [state('notAddressed:p1', 'dismissed')];
    expect(visiblePrompts(prompts, states, '2025-03-31').map((p) => p.key)).toEqual([
      'notAddressed:p2',
      'turnsConcentrated',
    ]);
    expect(visiblePrompts(prompts, states, '2030-01-01')).toHaveLength(2);
  });

  it('hides a snoozed key until its date, and shows it again on that day', () => {
    const until = snoozeUntil('2025-03-31');
    expect(until).toBe('2025-04-14');
    const states = [state('turnsConcentrated', 'snoozed', until)];
    expect(visiblePrompts(prompts, states, '2025-04-13').map((p) => p.key)).not.toContain(
      'turnsConcentrated',
    );
    expect(visiblePrompts(prompts, states, '2025-04-14').map((p) => p.key)).toContain(
      'turnsConcentrated',
    );
  });

  it('lets a prompt whose key changed come back (a new situation)', () => {
    const states = [state('expectationsStale:2025-01-10', 'dismissed')];
    const later = [prompt('expectationsStale:2025-05-02')];
    expect(visiblePrompts(later, states, '2025-07-01')).toEqual(later);
  });

  it('treats a snooze without a date as expired', () => {
    expect(hides(state('x', 'snoozed', null), '2025-03-31')).toBe(false);
  });

  it('adds days across months and years', () => {
    expect(addDays('2024-12-25', 14)).toBe('2025-01-08');
    expect(addDays('2024-02-20', 14)).toBe('2024-03-05');
    expect(addDays('2025-03-31', -55)).toBe('2025-02-04');
  });
});

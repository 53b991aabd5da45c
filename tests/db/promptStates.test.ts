/** Dismissed and snoozed prompts, and the loader the prompt list reads its records with. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readClassEvents } from '../../src/db/eventStore';
import { setDbForTests } from '../../src/db/db';
import { ValidationError } from '../../src/model/errors';
import { createClass, softDeleteClass } from '../../src/db/repo/classes';
import { loadDemoClass } from '../../src/db/repo/demo';
import { createIntention, deleteIntention } from '../../src/db/repo/intentions';
import {
  activePromptStates,
  dismissPrompt,
  loadPromptData,
  restorePrompt,
  snoozePrompt,
} from '../../src/db/repo/promptStates';
import { SpiegelDB } from '../../src/db/schema';
import type { ClassRecord } from '../../src/model/types';
import { addDays, toIsoDate } from '../../src/domain/dates';
import { promptAnalysisOptions, runPrompts, visiblePrompts } from '../../src/reflection';

const NOW = new Date(2025, 2, 12, 15, 30); // Wed 12 March 2025, local time
const at = (iso: string) => new Date(`${iso}T12:00:00`);

let db: SpiegelDB;
let cls: ClassRecord;

beforeEach(async () => {
  db = new SpiegelDB('t-' + crypto.randomUUID());
  setDbForTests(db);
  cls = await createClass({ name: 'Groep 6', schoolType: 'primary', yearLabel: '' }, NOW);
});
afterEach(() => {
  db.close();
  setDbForTests(null);
});

const code = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e instanceof ValidationError ? e.code : `other: ${String(e)}`;
  }
  return 'no error';
};

describe('dismiss and snooze', () => {
  it('dismissing stores one record per class and key, and it stays active', async () => {
    const first = await dismissPrompt(cls.id, 'notAddressed:p1', NOW);
    expect(first).toMatchObject({
      classId: cls.id,
      promptKey: 'notAddressed:p1',
      status: 'dismissed',
      until: null,
    });
    expect(first.createdAt).toBe(NOW.toISOString());
    const later = new Date(2025, 3, 1);
    const again = await dismissPrompt(cls.id, 'notAddressed:p1', later);
    expect(again.id).toBe(first.id);
    expect(again.updatedAt).toBe(later.toISOString());
    expect(await db.promptStates.count()).toBe(1);
    expect(await activePromptStates(cls.id, new Date(2030, 0, 1))).toHaveLength(1);
  });

  it('a snooze hides until its date and no longer from that day', async () => {
    await snoozePrompt(cls.id, 'turnsConcentrated', '2025-03-26', NOW);
    expect((await activePromptStates(cls.id, at('2025-03-25'))).map((s) => s.promptKey)).toEqual([
      'turnsConcentrated',
    ]);
    expect(await activePromptStates(cls.id, at('2025-03-26'))).toEqual([]);
  });

  it('snoozing then dismissing the same prompt updates the one record', async () => {
    const s = await snoozePrompt(cls.id, 'praiseGeneral', '2025-03-26', NOW);
    const d = await dismissPrompt(cls.id, 'praiseGeneral', NOW);
    expect(d.id).toBe(s.id);
    expect(d).toMatchObject({ status: 'dismissed', until: null });
    expect(await db.promptStates.count()).toBe(1);
  });

  it('undo forgets the state', async () => {
    await dismissPrompt(cls.id, 'notAddressed:p1', NOW);
    await snoozePrompt(cls.id, 'notAddressed:p2', '2025-03-26', NOW);
    await restorePrompt(cls.id, 'notAddressed:p1');
    expect((await activePromptStates(cls.id, NOW)).map((s) => s.promptKey)).toEqual([
      'notAddressed:p2',
    ]);
  });

  it('keeps classes apart', async () => {
    const other = await createClass({ name: 'Groep 7', schoolType: 'primary', yearLabel: '' }, NOW);
    await dismissPrompt(cls.id, 'turnsConcentrated', NOW);
    await dismissPrompt(other.id, 'turnsConcentrated', NOW);
    expect(await activePromptStates(cls.id, NOW)).toHaveLength(1);
    expect(await db.promptStates.count()).toBe(2);
  });

  it('refuses bad input with a code', async () => {
    expect(await code(dismissPrompt(cls.id, '  ', NOW))).toBe('promptKeyInvalid');
    expect(await code(dismissPrompt(cls.id, 'x'.repeat(201), NOW))).toBe('promptKeyInvalid');
    expect(await code(dismissPrompt('nope', 'turnsConcentrated', NOW))).toBe('classNotFound');
    expect(await code(snoozePrompt(cls.id, 'k', '2025-03-12', NOW))).toBe('snoozeDateInvalid');
    expect(await code(snoozePrompt(cls.id, 'k', '2025-03-01', NOW))).toBe('snoozeDateInvalid');
    expect(await code(snoozePrompt(cls.id, 'k', '2025-02-30', NOW))).toBe('snoozeDateInvalid');
    await softDeleteClass(cls.id, NOW);
    expect(await code(dismissPrompt(cls.id, 'k', NOW))).toBe('classNotFound');
    expect(await db.promptStates.count()).toBe(0);
  });

  it('works with the pure filter: the dismissed prompt is gone, the others stay', async () => {
    const prompts = ['a', 'b', 'c'].map((key) => ({
      key,
      rule: 'turnsConcentrated' as const,
      params: {},
      basis: { lessons: 5, events: 50, pupils: 5 },
      research: [],
    }));
    await dismissPrompt(cls.id, 'a', NOW);
    await snoozePrompt(cls.id, 'b', addDays(toIsoDate(NOW), 14), NOW);
    const states = await activePromptStates(cls.id, NOW);
    expect(visiblePrompts(prompts, states, toIsoDate(NOW)).map((p) => p.key)).toEqual(['c']);
  });
});

describe('loadPromptData', () => {
  it('is null for a class that is gone', async () => {
    expect(await loadPromptData('nope', '2025-01-01', '2025-03-12')).toBeNull();
  });

  it('reads the demo class, events only inside the period, and runs the rules on it', async () => {
    const id = await loadDemoClass(NOW);
    const today = toIsoDate(NOW);
    const from = promptAnalysisOptions(today).from ?? today;
    const pupilId = (await db.pupils.where('classId').equals(id).toArray())[0]!.id;
    const kept = await createIntention(
      {
        classId: id,
        target: { type: 'pupil', pupilId },
        measure: { kind: 'turn', perLesson: 1 },
        from: '2025-02-03',
        to: '2025-02-14',
      },
      NOW,
    );
    const gone = await createIntention(
      {
        classId: id,
        target: { type: 'class' },
        measure: { kind: 'praise', perLesson: 1 },
        from: '2025-02-03',
        to: '2025-02-14',
      },
      NOW,
    );
    await deleteIntention(gone.id, NOW);

    const loaded = await loadPromptData(id, from, today);
    expect(loaded?.cls.id).toBe(id);
    const all = (await readClassEvents(db, id)).length;
    expect(loaded?.data.events.length).toBe(all); // six weeks of demo fall inside eight
    const narrow = await loadPromptData(id, addDays(today, -7), today);
    expect(narrow!.data.events.length).toBeGreaterThan(0);
    expect(narrow!.data.events.length).toBeLessThan(all);
    expect(narrow!.data.events.every((e) => e.date >= addDays(today, -7))).toBe(true);
    expect(loaded?.data.pupils).toHaveLength(28);
    expect(loaded?.intentions.map((i) => i.id)).toEqual([kept.id]);

    // Lessons and Banking Time of any date come along for the rules that look further back.
    expect(narrow!.history.lessons).toHaveLength(24);
    expect(narrow!.data.lessons.length).toBeLessThan(24);
    expect(narrow!.history.banking).toHaveLength(6);

    const { prompts } = runPrompts(
      loaded!.data,
      loaded!.intentions,
      today,
      undefined,
      loaded!.history,
    );
    const kacper = loaded!.data.pupils.find((p) => p.name === 'Kacper')!.id;
    expect(prompts.map((p) => p.key)).toContain(`notAddressed:${kacper}`);
    expect(prompts.map((p) => p.key)).toContain(`intentionNoClosing:${kept.id}`);
  });
});

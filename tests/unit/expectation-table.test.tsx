// @vitest-environment happy-dom
/**
 * The wide-screen expectations round: "how sure", picked right after a step and before the
 * step's rating is back from the database, is saved with that step (it was kept as a draft that
 * nothing saved, and lost on a reload: seen on a loaded machine in tests/e2e/expectations).
 */
import i18next from 'i18next';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Repo from '../../src/db/repo/expectations';
import type { ExpectationsData } from '../../src/db/repo/expectations';
import { ExpectationTable } from '../../src/features/expectations/ExpectationTable';
import { ValidationError } from '../../src/model/errors';
import expectations from '../../src/i18n/locales/nl/expectations.json';
import type { ClassRecord, PupilRecord } from '../../src/model/types';

const calls = vi.hoisted(() => ({ rate: [] as unknown[], clear: [] as unknown[], refuse: false }));
vi.mock('../../src/db/repo/expectations', async (original) => ({
  ...(await original<typeof Repo>()),
  rateExpectation: (input: unknown) => {
    calls.rate.push(input);
    return calls.refuse
      ? Promise.reject(new ValidationError('valueOutOfScale'))
      : Promise.resolve(input);
  },
  clearExpectation: (pupilId: unknown) => {
    calls.clear.push(pupilId);
    return Promise.resolve();
  },
}));

// In the document: a detached radio sends no change event.
const host = document.body.appendChild(document.createElement('div'));
beforeAll(async () => {
  await i18next.init({
    lng: 'nl',
    resources: { nl: { expectations } },
    interpolation: { escapeValue: false },
  });
});
beforeEach(() => {
  calls.rate.length = 0;
  calls.clear.length = 0;
  calls.refuse = false;
});
afterEach(() => render(null, host));

const stamp = '2026-12-01T08:00:00.000Z';
const cls = {
  id: 'c1',
  name: '4D',
  expectationScale: { kind: 'relative5' },
  createdAt: stamp,
  updatedAt: stamp,
} as ClassRecord;
const omar = {
  id: 'p1',
  classId: 'c1',
  name: 'Omar',
  createdAt: stamp,
  updatedAt: stamp,
} as PupilRecord;
// The view as the live query last read it: no rating today yet.
const view = {
  cls,
  pupils: [omar],
  today: new Map(),
  previous: new Map(),
  current: new Map(),
} as unknown as ExpectationsData;

const radio = (index: number) =>
  host.querySelectorAll<HTMLInputElement>('input[type="radio"]')[index]!;
const select = () => host.querySelector<HTMLSelectElement>('select')!;
async function pickSure(value: string) {
  select().value = value;
  await act(() => void select().dispatchEvent(new Event('change', { bubbles: true })));
}

describe('ExpectationTable', () => {
  it('saves "how sure" with a step whose rating is still on its way', async () => {
    await act(() => render(<ExpectationTable view={view} today="2026-12-01" />, host));
    await act(() => radio(1).click());
    expect(radio(1).checked).toBe(true);
    await pickSure('very');
    expect(radio(1).checked).toBe(true);
    expect(select().value).toBe('very');
    expect(calls.rate).toEqual([
      { classId: 'c1', pupilId: 'p1', value: 1, confidence: null },
      { classId: 'c1', pupilId: 'p1', value: 1, confidence: 'very' },
    ]);
  });

  it('does not show a refused step as chosen', async () => {
    calls.refuse = true;
    await act(() => render(<ExpectationTable view={view} today="2026-12-01" />, host));
    await act(async () => {
      radio(2).click();
      await new Promise((done) => setTimeout(done));
    });
    expect(calls.rate).toHaveLength(1);
    expect(radio(2).checked).toBe(false);
  });

  it('keeps "how sure" as a draft for the step still to come when no step was chosen', async () => {
    await act(() => render(<ExpectationTable view={view} today="2026-12-01" />, host));
    await pickSure('very');
    expect(calls.rate).toEqual([]);
    await act(() => radio(3).click());
    expect(calls.rate).toEqual([{ classId: 'c1', pupilId: 'p1', value: 3, confidence: 'very' }]);
  });
});

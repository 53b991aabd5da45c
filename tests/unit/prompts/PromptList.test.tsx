// @vitest-environment happy-dom
/**
 * The prompt list on the demo class: cards with observation, question, suggestion and research;
 * "Dismiss" and "Not now" store a state and the card goes; Undo brings it back.
 */
import i18next from 'i18next';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setDbForTests } from '../../../src/db/db';
import { loadDemoClass } from '../../../src/db/repo/demo';
import { activePromptStates } from '../../../src/db/repo/promptStates';
import { SpiegelDB } from '../../../src/db/schema';
import { PromptList } from '../../../src/features/prompts/PromptList';
import intentions from '../../../src/i18n/locales/en/intentions.json';
import prompts from '../../../src/i18n/locales/en/prompts.json';
import { subscribeToasts, type Toast } from '../../../src/ui/toastStore';

let db: SpiegelDB;
let host: HTMLElement;
let classId: string;
let toasts: Toast[] = [];

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    resources: { en: { prompts, intentions } },
    interpolation: { escapeValue: false },
  });
  subscribeToasts((list) => (toasts = list));
});
beforeEach(async () => {
  db = new SpiegelDB('t-' + crypto.randomUUID());
  setDbForTests(db);
  classId = await loadDemoClass(new Date());
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  db.close();
  setDbForTests(null);
});

/**
 * Lets live queries answer and the deferred analysis run until `ready` holds. It waits for the
 * state, not for a number of rounds: on a loaded machine 40 rounds of 10 ms were once too few.
 */
async function until(ready: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`Waited ${ms} ms for ${what}`);
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
}
const cardsShown = () => until(() => titles().length >= 3, 'the first three cards');

const titles = () => [...host.querySelectorAll('.prompt h3')].map((h) => h.textContent ?? '');
const button = (name: string) =>
  [...host.querySelectorAll('button')].find(
    (b) => b.getAttribute('aria-label') === name || b.textContent === name,
  );

describe('PromptList', { timeout: 60_000 }, () => {
  it('shows three cards first, all on "Show all", each with its four parts', async () => {
    render(<PromptList classId={classId} />, host);
    await cardsShown();
    expect(host.querySelector('h2')?.textContent).toBe('Something to think about');
    expect(titles()[0]).toBe('You gave Kacper few turns');
    expect(titles().slice(1).sort()).toEqual([
      'Your corrections and praise for Finn',
      'Your corrections and praise for Yassin',
    ]);
    const card = host.querySelector('.prompt');
    expect(card?.textContent).toContain('A question for yourself');
    expect(card?.textContent).toContain('Something to try');
    expect(card?.textContent).toContain('Research: Brophy & Good 1970; Kerman 1979');
    expect(card?.textContent).toMatch(/Based on .*lessons/);
    expect(card?.querySelector('a')?.getAttribute('href')).toMatch(
      /^#\/class\/.+\/journal\?insight=notAddressed%3A/,
    );
    // Finn and Yassin already have Banking Time: the suggestion says to keep at it.
    const second = host.querySelectorAll('.prompt')[1]?.textContent ?? '';
    expect(second).toContain('You have already started Banking Time');
    expect(second).toContain('Go to Banking Time');

    const more = [...host.querySelectorAll('button')].find((b) =>
      b.textContent?.startsWith('Show all'),
    );
    expect(more?.getAttribute('aria-expanded')).toBe('false');
    await act(() => more?.click());
    expect(titles().length).toBeGreaterThan(5);
    expect(titles()).toContain('Your higher-order questions and your expectations');
  });

  it('"Don\'t show again" stores the state and removes the card; Undo brings it back', async () => {
    render(<PromptList classId={classId} />, host);
    await cardsShown();
    await act(() => button("Don't show again: You gave Kacper few turns")?.click());
    await until(() => !titles().includes('You gave Kacper few turns'), 'the card to go');
    expect(titles()).not.toContain('You gave Kacper few turns');
    expect(titles()[0]).toMatch(/^Your corrections and praise for (Finn|Yassin)$/);
    const states = await activePromptStates(classId);
    expect(states).toHaveLength(1);
    expect(states[0]).toMatchObject({ status: 'dismissed' });
    expect(states[0]?.promptKey).toMatch(/^notAddressed:/);
    expect(document.activeElement?.textContent).toBe('Something to think about');

    const toast = toasts.at(-1);
    expect(toast?.message).toBe('This question will not come back.');
    await act(async () => {
      await toast?.onAction?.();
    });
    await until(() => titles().includes('You gave Kacper few turns'), 'the card to come back');
    expect(titles()[0]).toBe('You gave Kacper few turns');
  });

  it('"Not now" hides the card for two weeks', async () => {
    render(<PromptList classId={classId} />, host);
    await cardsShown();
    await act(() =>
      button('Not now, back in two weeks: Your corrections and praise for Finn')?.click(),
    );
    await until(() => !titles().includes('Your corrections and praise for Finn'), 'the card to go');
    expect(titles()).not.toContain('Your corrections and praise for Finn');
    const [state] = await activePromptStates(classId);
    expect(state?.status).toBe('snoozed');
    const days =
      (Date.parse(state?.until ?? '') - Date.parse(new Date().toISOString().slice(0, 10))) /
      86_400_000;
    expect(Math.round(days)).toBe(14);
    expect(toasts.at(-1)?.message).toMatch(/^Put aside until /);
  });
});

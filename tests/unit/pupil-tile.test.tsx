// @vitest-environment happy-dom
/**
 * A pupil's tile: the count and the saving mark change with the tap, in the same task (before any
 * frame); the rest of the tile (status, other kinds) and its accessible name follow once the frame
 * is painted;
 * the accessible name is there from the first render.
 */
import i18next from 'i18next';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LiveLessonStore, type LogEntry } from '../../src/features/logging/liveStore';
import { PupilTile } from '../../src/features/logging/PupilTile';
import kinds from '../../src/i18n/locales/nl/kinds.json';
import logging from '../../src/i18n/locales/nl/logging.json';
import type { InteractionEvent } from '../../src/model/types';

const host = document.createElement('div');
beforeAll(async () => {
  await i18next.init({
    lng: 'nl',
    resources: { nl: { kinds, logging } },
    interpolation: { escapeValue: false },
  });
});
afterEach(() => render(null, host));

const frame = () =>
  act(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => setTimeout(() => setTimeout(done)))),
  );
const turn = (pupilId: string): LogEntry => ({
  pupilId,
  kind: 'turn',
  event: null,
  saved: new Promise(() => undefined),
});

const event = (id: string): InteractionEvent => ({
  id,
  classId: 'c1',
  lessonId: 'l1',
  pupilId: 'p1',
  kind: 'turn',
  date: '2026-12-03',
  at: '2026-12-03T09:00:00.000Z',
  loggedAfter: false,
  createdAt: '2026-12-03T09:00:00.000Z',
  updatedAt: '2026-12-03T09:00:00.000Z',
});

function tile(store: LiveLessonStore) {
  const pupil = { id: 'p1', name: 'Daan de Vries', short: 'Daan V.' };
  const noop = () => undefined;
  return <PupilTile pupil={pupil} row={0} col={0} first store={store} onTap={noop} onMore={noop} />;
}
const main = () => host.querySelector('.tile-main')!;

describe('PupilTile', () => {
  it('is named from the first render, and the name follows a tap', async () => {
    const store = new LiveLessonStore(['p1'], [], []);
    await act(() => render(tile(store), host));
    expect(main().getAttribute('aria-label')).toBe('Daan de Vries: nog niet gesproken');
    await act(() => store.tapped(turn('p1')));
    expect(host.querySelector('[data-total]')?.textContent).toBe('1');
    await frame();
    expect(main().getAttribute('aria-label')).toBe('Daan de Vries: 1 interactie (1 beurt)');
    await act(() => store.tapped(turn('p1')));
    await frame();
    expect(main().getAttribute('aria-label')).toBe('Daan de Vries: 2 interacties (2 beurten)');
  });

  it('draws the count and the saving mark at once, the rest of the tile after the frame', async () => {
    const store = new LiveLessonStore(['p1'], [], []);
    await act(() => render(tile(store), host));
    const count = host.querySelector<HTMLElement>('[data-total]')!;
    const box = host.querySelector<HTMLElement>('.tile')!;
    const text = count.firstChild;
    expect(box.classList.contains('is-new')).toBe(true);
    const entry = turn('p1');
    store.tapped(entry);
    // No render yet: the count's own text node changed and the tile is marked as saving; its
    // status ("not yet") is still drawn as before.
    expect(count.textContent).toBe('1');
    expect(count.dataset.total).toBe('1');
    expect(count.firstChild).toBe(text);
    expect(box.getAttribute('data-saving')).toBe('true');
    expect(box.classList.contains('is-new')).toBe(true);
    await frame();
    expect(box.classList.contains('is-new')).toBe(false);
    expect(box.getAttribute('data-saving')).toBe('true');
    expect(host.querySelector('[data-total]')).toBe(count);
    // The write landed: the mark goes at once, and stays gone after the render.
    store.saved(entry, event('e1'));
    expect(box.hasAttribute('data-saving')).toBe(false);
    await frame();
    expect(box.hasAttribute('data-saving')).toBe(false);
    expect(count.textContent).toBe('1');
    // Two changes before a frame: both counted at once, one render after it.
    store.tapped(turn('p1'));
    store.tapped(turn('p1'));
    expect(count.textContent).toBe('3');
    await frame();
    expect(count.textContent).toBe('3');
    expect(main().getAttribute('aria-label')).toBe('Daan de Vries: 3 interacties (3 beurten)');
  });

  it('says so when the pupil is absent', async () => {
    const store = new LiveLessonStore(['p1'], [], [{ pupilId: 'p1' }]);
    await act(() => render(tile(store), host));
    expect(main().getAttribute('aria-label')).toBe('Daan de Vries, afwezig: nog niet gesproken');
  });
});

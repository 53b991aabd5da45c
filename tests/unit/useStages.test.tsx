// @vitest-environment happy-dom
/**
 * useStages: one part at first; once started, the second after a painted frame, then one more a
 * task (no frame waited for), never a part skipped; a new key starts again at the first.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { useStages } from '../../src/ui/useStages';

const host = document.createElement('div');
afterEach(() => render(null, host));
/** Two frames and the timeout after them: enough for one more part. */
const frame = () =>
  act(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => setTimeout(() => setTimeout(done)))),
  );

let rendered: number[] = [];
function Probe({ start, count = 3, k }: { start: boolean; count?: number; k?: string }) {
  const parts = useStages(count, start, k);
  rendered.push(parts);
  return <p>{parts}</p>;
}
/** A task after the ones queued now: later parts need no frame. */
const task = () => act(() => new Promise<void>((done) => setTimeout(done, 0)));

describe('useStages', () => {
  it('stays at the first part until started', async () => {
    await act(() => render(<Probe start={false} />, host));
    await frame();
    await frame();
    expect(host.textContent).toBe('1');
  });

  it('draws the first part, then one more part at a time up to the count', async () => {
    rendered = [];
    await act(() => render(<Probe start={false} count={5} />, host));
    await act(() => render(<Probe start count={5} />, host));
    expect(host.textContent).toBe('1');
    // (happy-dom runs frame callbacks as timers: that the second part waits for a painted frame is
    // seen in Chromium, by the insights bench.)
    await frame();
    expect(Number(host.textContent)).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 6; i++) await task();
    expect(host.textContent).toBe('5');
    await frame();
    expect(host.textContent).toBe('5');
    // Never a part skipped, never one drawn twice in a row by the stages themselves.
    expect([...new Set(rendered)]).toEqual([1, 2, 3, 4, 5]);
  });

  it('starts again at the first part, in the same render, when its key changes', async () => {
    await act(() => render(<Probe start count={3} k="week" />, host));
    for (let i = 0; i < 4; i++) await frame();
    expect(host.textContent).toBe('3');
    rendered = [];
    await act(() => render(<Probe start count={3} k="year" />, host));
    expect(rendered[0]).toBe(1);
    for (let i = 0; i < 4; i++) await frame();
    expect(host.textContent).toBe('3');
    expect([...new Set(rendered)]).toEqual([1, 2, 3]);
    // The same key again: nothing starts over.
    rendered = [];
    await act(() => render(<Probe start count={3} k="year" />, host));
    expect(rendered).toEqual([3]);
  });
});

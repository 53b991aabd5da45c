// @vitest-environment happy-dom
/** useStages: one part at first, then one more a painted frame, only once started. */
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

function Probe({ start }: { start: boolean }) {
  return <p>{useStages(3, start)}</p>;
}

describe('useStages', () => {
  it('stays at the first part until started', async () => {
    await act(() => render(<Probe start={false} />, host));
    await frame();
    await frame();
    expect(host.textContent).toBe('1');
  });

  it('adds one part a frame once started, up to the count, and stays there', async () => {
    await act(() => render(<Probe start={false} />, host));
    await act(() => render(<Probe start />, host));
    expect(host.textContent).toBe('1');
    const seen = [host.textContent];
    for (let i = 0; i < 4; i++) {
      await frame();
      seen.push(host.textContent);
    }
    expect(seen[seen.length - 1]).toBe('3');
    // Never a part skipped: 1, then 2, then 3.
    expect([...new Set(seen)]).toEqual(['1', '2', '3']);
  });
});

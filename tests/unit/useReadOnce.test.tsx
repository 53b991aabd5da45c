// @vitest-environment happy-dom
/** useReadOnce: one read per key, nothing stale shown while the next key loads. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { useReadOnce } from '../../src/db/hooks';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const host = document.createElement('div');
/** Lets resolved reads reach their component. */
const settle = () => act(() => new Promise<void>((done) => setTimeout(done, 0)));
afterEach(() => render(null, host));

describe('useReadOnce', () => {
  it('shows nothing while reading, then the value; a new key reads again and hides the old', async () => {
    const reads = new Map([
      ['a', deferred<string>()],
      ['b', deferred<string>()],
    ]);
    const calls: string[] = [];
    function Probe({ k }: { k: string }) {
      const value = useReadOnce(() => {
        calls.push(k);
        return reads.get(k)!.promise;
      }, k);
      return <p>{value ?? '…'}</p>;
    }
    await act(() => render(<Probe k="a" />, host));
    expect(host.textContent).toBe('…');
    reads.get('a')!.resolve('A');
    await settle();
    expect(host.textContent).toBe('A');
    // Re-rendering with the same key does not read again.
    await act(() => render(<Probe k="a" />, host));
    await act(() => render(<Probe k="b" />, host));
    expect(host.textContent).toBe('…');
    reads.get('b')!.resolve('B');
    await settle();
    expect(host.textContent).toBe('B');
    expect(calls).toEqual(['a', 'b']);
  });

  it('ignores a read that settles after its key was left', async () => {
    const slow = deferred<string>();
    function Probe({ k }: { k: string }) {
      const value = useReadOnce(() => (k === 'slow' ? slow.promise : Promise.resolve('fast')), k);
      return <p>{value ?? '…'}</p>;
    }
    await act(() => render(<Probe k="slow" />, host));
    await act(() => render(<Probe k="fast" />, host));
    await settle();
    expect(host.textContent).toBe('fast');
    slow.resolve('stale');
    await settle();
    expect(host.textContent).toBe('fast');
  });
});

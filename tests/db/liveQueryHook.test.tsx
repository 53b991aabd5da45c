// @vitest-environment happy-dom
/**
 * useLiveQuery: without a value given it reads at once; with one (the start screen's read made at
 * boot) it shows that value and starts the live read only at an idle moment, which then shows any
 * change made meanwhile.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setDbForTests, getDb } from '../../src/db/db';
import { useLiveQuery } from '../../src/db/hooks';
import { SpiegelDB } from '../../src/db/schema';

let host: HTMLElement;
let idle: (() => void)[];
let reads: number;

function Count({ initial }: { initial?: () => number | undefined }) {
  const value = useLiveQuery(
    () => {
      reads += 1;
      return getDb().classes.count();
    },
    [],
    initial,
  );
  return <p>{value === undefined ? 'loading' : `classes: ${value}`}</p>;
}

beforeEach(() => {
  setDbForTests(new SpiegelDB('t-' + crypto.randomUUID()));
  host = document.createElement('div');
  document.body.append(host);
  idle = [];
  reads = 0;
  vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run));
  vi.stubGlobal('cancelIdleCallback', () => undefined);
});

afterEach(() => {
  void act(() => render(null, host));
  host.remove();
  getDb().close();
  setDbForTests(null);
  vi.unstubAllGlobals();
});

async function until(text: string): Promise<void> {
  for (let i = 0; i < 100 && host.textContent !== text; i++)
    await act(() => new Promise((done) => setTimeout(done, 10)));
  expect(host.textContent).toBe(text);
}

const addClass = (id: string) => getDb().classes.add({ id } as never);

describe('useLiveQuery', () => {
  it('reads at once when no value is given', async () => {
    await addClass('c-1');
    await act(() => render(<Count />, host));
    await until('classes: 1');
    expect(idle).toHaveLength(0);
  });

  it('shows a given value and reads live only at an idle moment, with what changed meanwhile', async () => {
    await act(() => render(<Count initial={() => 0} />, host));
    expect(host.textContent).toBe('classes: 0');
    await act(() => new Promise((done) => setTimeout(done, 50)));
    expect(reads).toBe(0);
    expect(idle).toHaveLength(1);

    await addClass('c-1');
    await act(() => idle.shift()!());
    await until('classes: 1');
    // And live from then on.
    await addClass('c-2');
    await until('classes: 2');
  });
});

// @vitest-environment happy-dom
/** memo: a part renders again only when one of its props is another value. */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { memo } from '../../src/ui/memo';

const host = document.createElement('div');
afterEach(() => render(null, host));

function counted() {
  const renders: string[] = [];
  const Part = memo(({ label, list }: { label: string; list?: readonly number[] }) => {
    renders.push(label);
    return <p>{`${label}${list ? list.length : ''}`}</p>;
  });
  return { Part, renders };
}

describe('memo', () => {
  const list = [1, 2];
  type Props = { label: string; list?: readonly number[] };
  it.each<[string, Props, Props, number]>([
    ['the same props', { label: 'a', list }, { label: 'a', list }, 1],
    ['another string', { label: 'a', list }, { label: 'b', list }, 2],
    ['an equal but new array', { label: 'a', list }, { label: 'a', list: [1, 2] }, 2],
    ['a prop left out', { label: 'a', list }, { label: 'a' }, 2],
    ['a prop added', { label: 'a' }, { label: 'a', list }, 2],
  ])('%s: renders %#', (_, first, second, times) => {
    const { Part, renders } = counted();
    render(<Part {...first} />, host);
    render(<Part {...second} />, host);
    expect(renders).toHaveLength(times);
    expect(host.textContent).toBe(`${second.label}${second.list ? second.list.length : ''}`);
  });

  it('keeps its own state changes: a hook inside still renders it', async () => {
    let bump: () => void = () => undefined;
    const Part = memo(({ label }: { label: string }) => {
      const [n, setN] = useState(0);
      bump = () => setN((x) => x + 1);
      return <p>{`${label}${n}`}</p>;
    });
    await act(() => render(<Part label="x" />, host));
    await act(() => bump());
    expect(host.textContent).toBe('x1');
  });
});

import { describe, expect, it } from 'vitest';
import { isStartHash, parseHash } from '../../src/ui/router';

describe('the hash router', () => {
  it.each([
    ['', true],
    ['#', true],
    ['#/', true],
    ['#/?lang=en', true],
    ['#/class/abc', false],
    ['#/settings', false],
  ])('%j opens the start screen: %s', (hash, start) => {
    expect(isStartHash(hash)).toBe(start);
  });

  it('splits the path into decoded segments and keeps the query', () => {
    const route = parseHash('#/class/a%20b/insights?period=all');
    expect(route.segments).toEqual(['class', 'a b', 'insights']);
    expect(route.query.get('period')).toBe('all');
  });
});

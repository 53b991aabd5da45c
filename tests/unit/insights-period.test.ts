/** The insights filters: periods worked out by hand, and the URL query round trip. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import {
  defaultFilters,
  filtersFromQuery,
  filtersToQuery,
  resolvePeriod,
  termStart,
  type Filters,
} from '../../src/features/insights/period';

const TODAY = '2026-11-19'; // a Thursday
const base = defaultFilters(TODAY);
const withPeriod = (patch: Partial<Filters>): Filters => ({ ...base, ...patch });

describe('termStart', () => {
  it.each([
    ['2026-11-19', '2026-08-01'],
    ['2026-08-01', '2026-08-01'],
    ['2026-07-31', '2026-01-01'],
    ['2026-01-01', '2026-01-01'],
    ['2027-03-15', '2027-01-01'],
    ['2026-12-31', '2026-08-01'],
  ])('on %s the term started %s', (today, start) => {
    expect(termStart(today)).toBe(start);
  });
});

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-11-16', -21)).toBe('2026-10-26');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('resolvePeriod', () => {
  it('this week starts on Monday', () => {
    expect(resolvePeriod(withPeriod({ period: 'week' }), TODAY)).toEqual({
      ok: true,
      from: '2026-11-16',
      to: TODAY,
    });
    // On a Monday the week is that day alone; on a Sunday it reaches back six days.
    expect(resolvePeriod(withPeriod({ period: 'week' }), '2026-11-16')).toMatchObject({
      from: '2026-11-16',
    });
    expect(resolvePeriod(withPeriod({ period: 'week' }), '2026-11-22')).toMatchObject({
      from: '2026-11-16',
    });
  });
  it('the last 4 weeks are this week and the three before it', () => {
    expect(resolvePeriod(withPeriod({ period: 'weeks4' }), TODAY)).toEqual({
      ok: true,
      from: '2026-10-26',
      to: TODAY,
    });
  });
  it('this term, everything, and a custom period', () => {
    expect(resolvePeriod(withPeriod({ period: 'term' }), TODAY)).toEqual({
      ok: true,
      from: '2026-08-01',
      to: TODAY,
    });
    expect(resolvePeriod(withPeriod({ period: 'all' }), TODAY)).toEqual({
      ok: true,
      from: null,
      to: TODAY,
    });
    expect(
      resolvePeriod(withPeriod({ period: 'custom', from: '2026-09-01', to: '2026-09-30' }), TODAY),
    ).toEqual({ ok: true, from: '2026-09-01', to: '2026-09-30' });
  });
  it('refuses a custom period without dates or ending before it starts', () => {
    expect(resolvePeriod(withPeriod({ period: 'custom', from: '', to: TODAY }), TODAY)).toEqual({
      ok: false,
      error: 'customMissing',
    });
    expect(
      resolvePeriod(withPeriod({ period: 'custom', from: '2026-10-02', to: '2026-10-01' }), TODAY),
    ).toEqual({ ok: false, error: 'customOrder' });
  });
});

describe('filters in the URL', () => {
  it('defaults to this term with every kind', () => {
    const f = filtersFromQuery(new URLSearchParams(''), TODAY);
    expect(f).toEqual(base);
    expect(f.period).toBe('term');
    expect(f.kinds).toHaveLength(8);
  });
  it('round-trips a custom period and a choice of kinds', () => {
    const f = withPeriod({
      period: 'custom',
      from: '2026-09-01',
      to: '2026-10-01',
      kinds: ['turn', 'praise'],
    });
    const q = filtersToQuery(f);
    expect(q).toBe('period=custom&from=2026-09-01&to=2026-10-01&kinds=turn%2Cpraise');
    expect(filtersFromQuery(new URLSearchParams(q), TODAY)).toEqual({ ...f, lessonIds: null });
  });
  it('ignores unknown values', () => {
    const f = filtersFromQuery(
      new URLSearchParams('period=year&from=yesterday&kinds=shout,turn'),
      TODAY,
    );
    expect(f.period).toBe('term');
    expect(f.from).toBe(base.from);
    expect(f.kinds).toEqual(['turn']);
    expect(filtersFromQuery(new URLSearchParams('kinds=shout'), TODAY).kinds).toEqual(base.kinds);
  });
  it('leaves out dates and kinds when they are the defaults', () => {
    expect(filtersToQuery(withPeriod({ period: 'weeks4' }))).toBe('period=weeks4');
  });
});

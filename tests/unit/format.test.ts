import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  dateFormatter,
  formatDate,
  formatNumber,
  formatPercent,
  numberFormatter,
} from '../../src/i18n/format';

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: {}, fallbackLng: false });
});

describe('Intl formatters are made once per locale and option set', () => {
  it('returns the same formatter for the same options, another for other options', () => {
    const a = numberFormatter({ maximumFractionDigits: 1 });
    expect(numberFormatter({ maximumFractionDigits: 1 })).toBe(a);
    expect(numberFormatter({ maximumFractionDigits: 0 })).not.toBe(a);
    const d = dateFormatter({ timeZone: 'UTC', day: 'numeric', month: 'short' });
    expect(dateFormatter({ timeZone: 'UTC', day: 'numeric', month: 'short' })).toBe(d);
  });

  it('keeps one formatter per language and formats in the current one', async () => {
    await i18next.changeLanguage('en');
    const en = numberFormatter({ maximumFractionDigits: 1 });
    expect(formatNumber(1234.56)).toBe('1,234.6');
    expect(formatDate('2025-03-07', 'short')).toBe('7 Mar');
    await i18next.changeLanguage('nl');
    const nl = numberFormatter({ maximumFractionDigits: 1 });
    expect(nl).not.toBe(en);
    expect(formatNumber(1234.56)).toBe('1.234,6');
    expect(formatPercent(0.25)).toBe('25%');
    expect(formatDate('2025-03-07', 'long')).toContain('7 maart 2025');
    await i18next.changeLanguage('en');
    expect(numberFormatter({ maximumFractionDigits: 1 })).toBe(en);
  });

  it('formats a calendar date without time-zone drift', async () => {
    await i18next.changeLanguage('en');
    expect(formatDate('2025-01-01', 'long')).toContain('1 January 2025');
  });
});

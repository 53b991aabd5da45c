/** Dates and numbers through Intl, in the current UI language. */
import { currentLanguage } from './index';

const locale = () => (currentLanguage() === 'nl' ? 'nl-NL' : 'en-GB');

/** Formats a `YYYY-MM-DD` date without time-zone drift. */
export function formatDate(isoDate: string, style: 'short' | 'long' = 'long'): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat(locale(), {
    timeZone: 'UTC',
    ...(style === 'long'
      ? { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' }
      : { day: 'numeric', month: 'short' }),
  }).format(date);
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatNumber(n: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits }).format(n);
}

export function formatPercent(fraction: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(
    fraction,
  );
}

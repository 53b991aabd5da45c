/** Dates and numbers through Intl, in the current UI language. */
import { currentLanguage } from './index';

const locale = () => (currentLanguage() === 'nl' ? 'nl-NL' : 'en-GB');

/**
 * Building an Intl formatter is far slower than using one (the insights screen formats hundreds
 * of values): each is made once per locale and option set and kept.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function dateFormatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale()}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale(), options);
    dateFormats.set(key, format);
  }
  return format;
}

export function numberFormatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale()}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(), options);
    numberFormats.set(key, format);
  }
  return format;
}

const LONG_DATE: Intl.DateTimeFormatOptions = {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};
const SHORT_DATE: Intl.DateTimeFormatOptions = { timeZone: 'UTC', day: 'numeric', month: 'short' };

/** Formats a `YYYY-MM-DD` date without time-zone drift. */
export function formatDate(isoDate: string, style: 'short' | 'long' = 'long'): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return dateFormatter(style === 'long' ? LONG_DATE : SHORT_DATE).format(date);
}

export function formatDateTime(iso: string): string {
  return dateFormatter({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatNumber(n: number, maximumFractionDigits = 1): string {
  return numberFormatter({ maximumFractionDigits }).format(n);
}

export function formatPercent(fraction: number): string {
  return numberFormatter({ style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/**
 * Money, dates, relative times, sizes and plurals through `Intl`, in a given
 * locale. Formatters are cached per locale and options: building one costs far
 * more than using it, and lists format thousands of values.
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.PluralRules>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.PluralRules>(
  kind: string,
  locale: string,
  options: object,
  make: () => T,
): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('number', locale, options, () => new Intl.NumberFormat(locale, options));
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

/** The number of minor units in one major unit of a currency: 100 for UAH, 1 for JPY. */
export function minorUnitsPerMajor(currency: string): number {
  const digits = numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}

/** `{ minor: 123450, currency: 'UAH' }` → `1 234,50 ₴` (uk) or `UAH 1,234.50` (en). */
export function formatMoney(locale: string, money: { minor: number; currency: string }, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, { style: 'currency', currency: money.currency, ...options }).format(
    money.minor / minorUnitsPerMajor(money.currency),
  );
}

/** A plain number with the locale's separators: `1 234,5`. */
export function formatNumber(locale: string, value: number, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(value);
}

/** A calendar date (`YYYY-MM-DD`, read as that day wherever the user is) or an instant (epoch ms). */
export function formatDate(
  locale: string,
  value: number | string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  if (typeof value === 'string') {
    const [year, month, day] = value.split('-').map(Number);
    return dateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(Date.UTC(year!, month! - 1, day));
  }
  return dateTimeFormat(locale, options).format(value);
}

/** An instant (epoch ms) as date and time: `29 лист. 2026 р., 16:38`. */
export function formatDateTime(
  locale: string,
  value: number,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  return dateTimeFormat(locale, options).format(value);
}

const relativeUnits: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** An instant relative to `now`, in the largest whole unit: `через 3 дні`, `2 hours ago`, `щойно`. */
export function formatRelativeTime(locale: string, value: number, now: number = Date.now()): string {
  const format = cached('relative', locale, {}, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const diff = value - now;
  for (const [unit, size] of relativeUnits) {
    if (Math.abs(diff) >= size || unit === 'second') return format.format(Math.round(diff / size), unit);
  }
  return format.format(0, 'second');
}

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A size in bytes in the largest fitting unit: `1,2 МБ`, `3.4 GB`. */
export function formatBytes(locale: string, bytes: number): string {
  let value = bytes;
  let index = 0;
  while (value >= 1000 && index < byteUnits.length - 1) {
    value /= 1000;
    index += 1;
  }
  return numberFormat(locale, {
    style: 'unit',
    unit: byteUnits[index],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && index > 0 ? 1 : 0,
  }).format(value);
}

/** The forms of a word for each plural category of a language (Ukrainian uses one, few, many, other). */
export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

/** The form that goes with `count`: `1 угода`, `3 угоди`, `5 угод`, `1,5 угоди`. */
export function plural(locale: string, count: number, forms: PluralForms): string {
  const category = cached('plural', locale, {}, () => new Intl.PluralRules(locale)).select(count);
  return forms[category as keyof PluralForms] ?? forms.other;
}

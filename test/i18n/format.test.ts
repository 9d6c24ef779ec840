import { expect } from '@open-wc/testing';
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatMoney,
  formatRelativeTime,
  minorUnitsPerMajor,
  plural,
  resolveLocale,
} from '../../src/i18n/index.js';

/** Intl puts no-break and narrow no-break spaces in numbers; compare them as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('i18n formatting', () => {
  it('formats integer minor units as money in the locale, UAH by default in uk', () => {
    // ICU writes the hryvnia as “грн” in Ukrainian (older versions: “₴”)
    expect(plain(formatMoney('uk', { minor: 123450, currency: 'UAH' }))).to.match(/^1 234,50 (грн|₴)$/);
    expect(plain(formatMoney('uk', { minor: -5, currency: 'UAH' }))).to.match(/^-0,05 (грн|₴)$/);
    expect(plain(formatMoney('en', { minor: 99, currency: 'USD' }))).to.equal('$0.99');
    expect(plain(formatMoney('uk', { minor: 1500, currency: 'JPY' }))).to.equal('1 500 ¥');
  });

  it('knows how many minor units each currency has', () => {
    expect(minorUnitsPerMajor('UAH')).to.equal(100);
    expect(minorUnitsPerMajor('JPY')).to.equal(1);
    expect(minorUnitsPerMajor('KWD')).to.equal(1000);
  });

  it('formats a calendar date as that day in any time zone, and instants in local time', () => {
    expect(formatDate('uk', '2026-01-31', { dateStyle: 'long' })).to.equal('31 січня 2026 р.');
    expect(formatDate('en', '2026-01-31', { dateStyle: 'long' })).to.equal('January 31, 2026');
    const instant = new Date(2026, 10, 29, 16, 5).getTime();
    expect(plain(formatDateTime('uk', instant, { dateStyle: 'short', timeStyle: 'short' }))).to.equal('29.11.26, 16:05');
  });

  it('formats relative times in the largest whole unit', () => {
    const now = Date.UTC(2026, 10, 29, 12);
    expect(formatRelativeTime('uk', now + 3 * 24 * 3600_000, now)).to.equal('через 3 дні');
    expect(formatRelativeTime('uk', now - 24 * 3600_000, now)).to.equal('учора');
    expect(formatRelativeTime('en', now - 2 * 3600_000, now)).to.equal('2 hours ago');
    expect(formatRelativeTime('uk', now, now)).to.equal('зараз');
  });

  it('chooses the Ukrainian plural form for every count', () => {
    const forms = { one: 'угода', few: 'угоди', many: 'угод', other: 'угоди' };
    const cases: Array<[number, string]> = [
      [1, 'угода'], [2, 'угоди'], [4, 'угоди'], [5, 'угод'], [11, 'угод'], [14, 'угод'],
      [21, 'угода'], [22, 'угоди'], [25, 'угод'], [101, 'угода'], [1.5, 'угоди'],
    ];
    for (const [count, form] of cases) expect(plural('uk', count, forms), String(count)).to.equal(form);
  });

  it('formats sizes in the largest fitting unit', () => {
    expect(plain(formatBytes('uk', 1_234_567))).to.equal('1,2 МБ');
    expect(plain(formatBytes('en', 512))).to.equal('512 byte');
    expect(plain(formatBytes('en', 3_400_000_000))).to.equal('3.4 GB');
  });

  it('maps any language tag to a catalogue language', () => {
    expect(resolveLocale('uk-UA')).to.equal('uk');
    expect(resolveLocale('EN_gb')).to.equal('en');
    expect(resolveLocale('de')).to.equal('uk');
    expect(resolveLocale(undefined)).to.equal('uk');
  });
});

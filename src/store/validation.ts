/**
 * Validation building blocks (valibot). Each rule carries a
 * `CrmErrorMessageKey` as its message, so a failure becomes a `CrmError` with
 * the field's path and a key every language has a text for.
 */
import * as v from 'valibot';
import { CrmError, type CrmErrorMessageKey } from './errors.js';
import { isValidEdrpou, isValidRnokpp, isValidTaxCode, normalizePhone } from './ukrainian.js';

/**
 * Parses `input` with a valibot schema, or throws a `CrmError` naming the first
 * offending field (`phones.0`, `lines.2.quantity`).
 */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown, field?: string): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = [field, v.getDotPath(issue)].filter(Boolean).join('.');
  const params: Record<string, string | number> = {};
  if (typeof issue.requirement === 'number') params.limit = issue.requirement;
  const known = (issue.message as string).startsWith('error.');
  throw new CrmError('VALIDATION', (known ? issue.message : 'error.invalid') as CrmErrorMessageKey, {
    ...(path ? { field: path } : {}),
    params,
  });
}

/** A trimmed, non-empty text of at most `max` characters. */
export const requiredText = (max = 200) =>
  v.pipe(v.string('error.required'), v.trim(), v.nonEmpty('error.required'), v.maxLength(max, 'error.tooLong'));

/** A trimmed text of at most `max` characters; empty becomes `undefined`. */
export const optionalText = (max = 2000) =>
  v.pipe(
    v.optional(v.string('error.invalid')),
    v.transform((value) => value?.trim() || undefined),
    v.optional(v.pipe(v.string(), v.maxLength(max, 'error.tooLong'))),
  );

/** A record id. */
export const id = v.pipe(v.string('error.required'), v.nonEmpty('error.required'));
export const optionalId = v.optional(id);

/** An ISO 4217 currency code such as `UAH`. */
export const currencyCode = v.pipe(v.string('error.currency'), v.regex(/^[A-Z]{3}$/, 'error.currency'));

/** Integer minor units, not negative. */
export const minorUnits = v.pipe(v.number('error.amount'), v.integer('error.amount'), v.minValue(0, 'error.amount'));

/** Money: `{ minor, currency }`, UAH when no currency is given. */
export const money = v.object({
  minor: minorUnits,
  currency: v.optional(currencyCode, 'UAH'),
});

export const percent = v.pipe(v.number('error.percent'), v.minValue(0, 'error.percent'), v.maxValue(100, 'error.percent'));

/** An instant, epoch ms. */
export const instant = v.pipe(v.number('error.date'), v.integer('error.date'), v.minValue(0, 'error.date'));

/** A calendar date `YYYY-MM-DD` that exists. */
export const calendarDate = v.pipe(
  v.string('error.date'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'error.date'),
  v.check((value) => {
    const [y, m, d] = value.split('-').map(Number);
    const date = new Date(Date.UTC(y!, m! - 1, d));
    return date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
  }, 'error.date'),
);

/** A calendar month `YYYY-MM`. */
export const calendarMonth = v.pipe(v.string('error.date'), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'error.date'));

/** A local time of day `HH:MM`. */
export const timeOfDay = v.pipe(v.string('error.time'), v.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'error.time'));

/** A phone in any common writing, stored as E.164 (+380 by default). */
export const phone = v.pipe(
  v.string('error.phone'),
  v.transform((value) => normalizePhone(value) ?? `invalid:${value}`),
  v.check((value) => !value.startsWith('invalid:'), 'error.phone'),
);

/** A list of phones, de-duplicated after normalization. */
export const phones = v.pipe(
  v.optional(v.array(phone, 'error.phone'), []),
  v.transform((list) => [...new Set(list)]),
);

export const email = v.pipe(v.string('error.email'), v.trim(), v.toLowerCase(), v.email('error.email'), v.maxLength(254, 'error.email'));

export const emails = v.pipe(
  v.optional(v.array(email, 'error.email'), []),
  v.transform((list) => [...new Set(list)]),
);

/** A web address; `example.com` gets `https://`. */
export const url = v.pipe(
  v.string('error.url'),
  v.trim(),
  v.transform((value) => (/^[a-z][a-z\d+.-]*:\/\//i.test(value) ? value : `https://${value}`)),
  v.url('error.url'),
  v.check((value) => /^https?:\/\/[^/\s]+\.[^/\s]+/i.test(value), 'error.url'),
);

export const messengers = v.optional(
  v.array(
    v.object({
      kind: v.picklist(['viber', 'telegram', 'whatsapp', 'signal', 'skype', 'other'], 'error.invalid'),
      handle: requiredText(100),
    }),
  ),
  [],
);

/** Spaces and dashes people type inside codes are dropped before the check. */
const digitsOnly = v.transform((value: string) => value.replace(/[\s-]/g, ''));

export const edrpou = v.pipe(v.string('error.edrpou'), digitsOnly, v.check(isValidEdrpou, 'error.edrpou'));
export const rnokpp = v.pipe(v.string('error.rnokpp'), digitsOnly, v.check(isValidRnokpp, 'error.rnokpp'));
export const taxCode = v.pipe(v.string('error.taxCode'), digitsOnly, v.check(isValidTaxCode, 'error.taxCode'));

/** Tag ids. */
export const tagIds = v.pipe(
  v.optional(v.array(id), []),
  v.transform((list) => [...new Set(list)]),
);

export const flag = (value: boolean | undefined): 0 | 1 => (value ? 1 : 0);

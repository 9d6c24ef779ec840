import * as v from 'valibot';
import { CrmError, type CrmErrorMessageKey } from './errors.js';

/**
 * Parses `input` with a valibot schema, or throws a `CrmError` naming the first
 * offending field. Schemas carry a `CrmErrorMessageKey` as their message, so the
 * error maps straight to a localized text.
 */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown, field?: string): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = [field, v.getDotPath(issue)].filter(Boolean).join('.');
  const params: Record<string, string | number> = {};
  if (typeof issue.requirement === 'number') params.limit = issue.requirement;
  throw new CrmError('VALIDATION', issue.message as CrmErrorMessageKey, {
    ...(path ? { field: path } : {}),
    params,
  });
}

/** A trimmed, non-empty text of at most `max` characters. */
export const requiredText = (max: number) =>
  v.pipe(
    v.string('error.required'),
    v.trim(),
    v.nonEmpty('error.required'),
    v.maxLength(max, 'error.tooLong'),
  );

/** An ISO 4217 currency code such as `UAH`. */
export const currencyCode = v.pipe(v.string('error.currency'), v.regex(/^[A-Z]{3}$/, 'error.currency'));

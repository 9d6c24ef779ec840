/** What went wrong, in a form code can branch on. */
export type CrmErrorCode =
  /** The input breaks a rule: `field` names the offending field, `messageKey` says which rule. */
  | 'VALIDATION'
  /** The record an operation refers to does not exist. */
  | 'NOT_FOUND'
  /** The operation collides with existing data (a double booking, a duplicate). */
  | 'CONFLICT'
  /** IndexedDB refused the write (quota, a blocked upgrade, private mode). */
  | 'STORAGE';

/**
 * Keys of the localized messages an error maps to. Every key has a text in each
 * catalogue of `src/i18n` (a test checks it), so the UI can show the error in
 * the element's language: `localize.term(error.messageKey)`.
 */
export const crmErrorMessageKeys = [
  'error.required',
  'error.tooLong',
  'error.currency',
  'error.unknownSetting',
  'error.notFound',
  'error.storage',
] as const;

export type CrmErrorMessageKey = (typeof crmErrorMessageKeys)[number];

export interface CrmErrorOptions {
  /** The offending field as a path into the input, e.g. `phones.0`. */
  field?: string;
  /** Values the message may quote, e.g. `{ max: 120 }`. */
  params?: Record<string, string | number>;
  cause?: unknown;
}

/**
 * The one error type the store throws. Operations check their input before
 * they touch a table, and run in one transaction, so a `CrmError` means
 * nothing was written.
 *
 * @example
 * try { await store.settings.set('businessName', '') }
 * catch (e) { if (e instanceof CrmError && e.field === 'businessName') showAtField(e.messageKey) }
 */
export class CrmError extends Error {
  override readonly name = 'CrmError';
  readonly code: CrmErrorCode;
  readonly messageKey: CrmErrorMessageKey;
  readonly field: string | undefined;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: CrmErrorCode, messageKey: CrmErrorMessageKey, options: CrmErrorOptions = {}) {
    super(`${code}: ${messageKey}${options.field ? ` (${options.field})` : ''}`, { cause: options.cause });
    this.code = code;
    this.messageKey = messageKey;
    this.field = options.field;
    this.params = options.params ?? {};
  }
}

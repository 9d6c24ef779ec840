/** What went wrong, in a form code can branch on. */
export type CrmErrorCode =
  /** The input breaks a rule: `field` names the offending field, `messageKey` says which rule. */
  | 'VALIDATION'
  /** The record an operation refers to does not exist. */
  | 'NOT_FOUND'
  /** The same party or code exists already (`params.id` names it). */
  | 'DUPLICATE'
  /** The operation collides with other data: a double booking, a stage of another pipeline. */
  | 'CONFLICT'
  /** The record is in a state that forbids the operation: an illegal task transition, a closed deal. */
  | 'INVALID_STATE'
  /** The browser's storage quota is used up. */
  | 'QUOTA_EXCEEDED'
  /** Another tab keeps an older version of the database open, so it cannot be upgraded. */
  | 'UPGRADE_BLOCKED'
  /** IndexedDB refused the operation for another reason. */
  | 'STORAGE';

/**
 * Keys of the localized messages an error maps to. Every key has a text in each
 * catalogue of `src/i18n` (a test checks it), so the UI can show the error in
 * the element's language: `localize.errorMessage(error)`.
 */
export const crmErrorMessageKeys = [
  'error.required',
  'error.tooLong',
  'error.invalid',
  'error.currency',
  'error.amount',
  'error.percent',
  'error.quantity',
  'error.date',
  'error.time',
  'error.timeRange',
  'error.email',
  'error.phone',
  'error.url',
  'error.edrpou',
  'error.rnokpp',
  'error.taxCode',
  'error.taxCodeKind',
  'error.unknownSetting',
  'error.notFound',
  'error.duplicate',
  'error.openProposalExists',
  'error.duplicateName',
  'error.lostReasonRequired',
  'error.rejectReasonRequired',
  'error.stageNotInPipeline',
  'error.stageHasDeals',
  'error.lastStage',
  'error.dealClosed',
  'error.leadClosed',
  'error.invalidTransition',
  'error.notChecker',
  'error.proposalClosed',
  'error.clientNotCounterparty',
  'error.claimClosed',
  'error.doubleBooking',
  'error.outsideWorkingHours',
  'error.dayOff',
  'error.duringBreak',
  'error.serviceNotProvided',
  'error.appointmentClosed',
  'error.backupInvalid',
  'error.quotaExceeded',
  'error.upgradeBlocked',
  'error.storage',
] as const;

export type CrmErrorMessageKey = (typeof crmErrorMessageKeys)[number];

export interface CrmErrorOptions {
  /** The offending field as a path into the input, e.g. `phones.0`. */
  field?: string;
  /** Values the message may quote, e.g. `{ limit: 120 }`. */
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
  /** What kind of failure: branch on this (`VALIDATION`, `NOT_FOUND`, `CONFLICT`, …). */
  readonly code: CrmErrorCode;
  /** The key of the localized text to show (`localize.errorMessage(error)` in an element). */
  readonly messageKey: CrmErrorMessageKey;
  /** The input field at fault as a dot path (`phones.0`, `deal.pipelineId`), to show the message at it; unset when no one field is. */
  readonly field: string | undefined;
  /** Values the message quotes (`{ limit: 120 }`) or that name the other record (`{ id }` of a duplicate or a colliding appointment). */
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: CrmErrorCode, messageKey: CrmErrorMessageKey, options: CrmErrorOptions = {}) {
    super(`${code}: ${messageKey}${options.field ? ` (${options.field})` : ''}`, { cause: options.cause });
    this.code = code;
    this.messageKey = messageKey;
    this.field = options.field;
    this.params = options.params ?? {};
  }
}

/** A `NOT_FOUND` error for a missing record. */
export function notFound(field: string, id: string): CrmError {
  return new CrmError('NOT_FOUND', 'error.notFound', { field, params: { id } });
}

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error) && !(error instanceof DOMException)) return false;
  const { name } = error as { name: string };
  if (name === 'QuotaExceededError') return true;
  // Dexie and Chromium wrap a quota failure in an AbortError whose inner error says so.
  const inner = (error as { inner?: unknown }).inner ?? (error as { cause?: unknown }).cause;
  return inner !== undefined && inner !== error && isQuotaError(inner);
}

/**
 * Turns whatever IndexedDB or Dexie threw into a `CrmError`: a full quota and a
 * blocked upgrade get codes of their own, a `CrmError` passes through.
 */
export function toCrmError(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  if (isQuotaError(error)) return new CrmError('QUOTA_EXCEEDED', 'error.quotaExceeded', { cause: error });
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'VersionError' || name === 'BlockedError' || name === 'DatabaseClosedError' && /blocked/i.test(String(error)))
    return new CrmError('UPGRADE_BLOCKED', 'error.upgradeBlocked', { cause: error });
  if (name === 'ConstraintError') return new CrmError('DUPLICATE', 'error.duplicate', { cause: error });
  return new CrmError('STORAGE', 'error.storage', { cause: error });
}

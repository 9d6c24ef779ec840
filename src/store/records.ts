/**
 * Helpers for stored records that the aggregates' modules share: patch-style
 * optional fields, lookups that refuse unknown ids, archive/active flags, the
 * references a client-base record carries, and Ukrainian name order and pages.
 */
import type { Table } from 'dexie';
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import type { CrmDatabase } from './database.js';
import { CrmError, notFound } from './errors.js';
import type { Id, Instant } from './types.js';
import { optionalText } from './validation.js';

/**
 * A field that may be left out, or given as `null` / an empty string to clear
 * it; any other value must pass `schema`. For patch-style updates.
 * @internal
 */
export function optionalOf<TSchema extends v.GenericSchema>(schema: TSchema) {
  return v.pipe(
    v.optional(v.unknown()),
    v.transform((value): unknown => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value)),
    v.optional(schema),
  );
}

/**
 * A patch: the fields to change. `undefined` (or leaving a field out) keeps
 * it; `null` or `''` clears an optional field.
 */
export type Patch<T> = { [K in keyof T]?: T[K] | null };

/** An optional text (trimmed, at most `max` characters) that `null` or `''` clears. @internal */
export const clearableText = (max = 2000) => optionalOf(optionalText(max));

/** The record without its `undefined` properties, so stored records carry no empty keys. @internal */
export function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** The record of `table` with that id, or a `NOT_FOUND` error naming `field`. Call inside a transaction. @internal */
export async function mustGet<T, TInsert>(table: Table<T, Id, TInsert>, recordId: Id, field: string): Promise<T> {
  const record = typeof recordId === 'string' && recordId ? await table.get(recordId) : undefined;
  if (!record) throw notFound(field, String(recordId));
  return record;
}

/**
 * Sets a flag (`archived`, or a user's `active`) on the record of `table`
 * with that id and stamps `updatedAt`, in a transaction of its own; refuses
 * `NOT_FOUND` (field `id`) when there is none. Returns the written record.
 * @internal
 */
export function setFlag<TInsert, T extends TInsert & { updatedAt: Instant }>(
  ctx: StoreContext,
  table: Table<T, Id, TInsert>,
  recordId: Id,
  flag: Partial<Pick<T, Extract<keyof T, 'archived' | 'active'>>>,
): Promise<T> {
  return ctx.write([table], async () => {
    const current = await mustGet(table, recordId, 'id');
    const record: T = { ...current, ...flag, updatedAt: ctx.now() };
    await table.put(record);
    return record;
  });
}

/** References a client-base record may carry. */
export interface PartyReferences {
  managerId?: Id | undefined;
  sourceId?: Id | undefined;
  partnerId?: Id | undefined;
  tags?: Id[] | undefined;
}

/**
 * Checks that the manager (users), source, partner and tags a record refers to
 * exist, or throws `NOT_FOUND` naming the field (`managerId`, `tags.1`). Reads
 * `users`, `sources`, `partners`, `tags`: call inside a transaction over them.
 * @internal
 */
export async function checkReferences(db: CrmDatabase, refs: PartyReferences, prefix = ''): Promise<void> {
  const at = (field: string) => `${prefix}${field}`;
  if (refs.managerId) await mustGet(db.users, refs.managerId, at('managerId'));
  if (refs.sourceId) await mustGet(db.sources, refs.sourceId, at('sourceId'));
  if (refs.partnerId) await mustGet(db.partners, refs.partnerId, at('partnerId'));
  if (refs.tags?.length) {
    const found = await db.tags.bulkGet(refs.tags);
    const missing = found.findIndex((tag) => !tag);
    if (missing >= 0) throw notFound(at(`tags.${missing}`), refs.tags[missing]!);
  }
}

const collator = new Intl.Collator('uk');

/** Sorts records by name the way Ukrainians read (Є after Е, І after И, Ґ after Г). @internal */
export function byName<T extends { name: string }>(a: T, b: T): number {
  return collator.compare(a.name, b.name);
}

/** A page of `list`, `offset` and `limit` applied after sorting. @internal */
export function page<T>(records: T[], offset = 0, limit?: number): T[] {
  return records.slice(offset, limit === undefined ? undefined : offset + limit);
}

/**
 * Refuses a name another record of `table` already has, case aside
 * (`DUPLICATE`, field `name`, `error.duplicateName`, `params.id` naming it).
 * `counts` narrows which records clash (e.g. only active ones).
 */
export async function checkUniqueName<T extends { id: Id; name: string }, TInsert>(
  table: Table<T, Id, TInsert>,
  name: string,
  selfId?: Id,
  counts: (record: T) => boolean = () => true,
): Promise<void> {
  const existing = await table
    .where('name')
    .equalsIgnoreCase(name)
    .filter((record) => record.id !== selfId && counts(record))
    .first();
  if (existing) throw new CrmError('DUPLICATE', 'error.duplicateName', { field: 'name', params: { id: existing.id } });
}

/**
 * The client base (A1–A3, A5): counterparties, the partners that group them,
 * contact persons with their roles at counterparties, and duplicate detection
 * across counterparties, leads and contacts.
 */
import type { Table } from 'dexie';
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import type { CrmDatabase } from './database.js';
import { CrmError, notFound } from './errors.js';
import { matchesQuery, queryTokens, searchTokens, words } from './search.js';
import type { CrmStore } from './store.js';
import type {
  Address,
  Contact,
  ContactLink,
  Counterparty,
  CounterpartyKind,
  Id,
  Instant,
  Lead,
  MessengerHandle,
  Partner,
  RelationshipStage,
  RelationshipStageChange,
} from './types.js';
import { normalizePhone } from './ukrainian.js';
import {
  edrpou,
  emails,
  id,
  messengers,
  optionalText,
  parseInput,
  phones,
  rnokpp,
  requiredText,
  tagIds,
  url,
} from './validation.js';

// ── helpers shared by the client-base modules (users, catalogues, leads) ─────

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

const addressSchema = v.object(
  {
    kind: v.picklist(['legal', 'actual', 'delivery'], 'error.invalid'),
    text: requiredText(500),
    city: optionalText(100),
  },
  'error.required',
);

const relationshipStages = ['potential', 'first-purchase', 'regular', 'lapsed'] as const satisfies readonly RelationshipStage[];
const relationshipStage = v.picklist(relationshipStages, 'error.invalid');
const counterpartyKind = v.pipe(
  v.string('error.required'),
  v.picklist(['legal', 'individual', 'fop'] as const satisfies readonly CounterpartyKind[], 'error.invalid'),
);

// ── duplicates (A5) ─────────────────────────────────────────────────────────

/** Which part of a duplicate query a record matched. */
export type DuplicateField = 'edrpou' | 'rnokpp' | 'taxCode' | 'phones' | 'emails';

/** A record that shares a tax code, phone or e-mail with the one being entered. */
export interface DuplicateMatch {
  type: 'counterparty' | 'lead' | 'contact';
  id: Id;
  name: string;
  /** The query fields it matched, e.g. `['phones', 'emails']`. */
  fields: DuplicateField[];
}

/**
 * What to look for. Phones may be written any common way (`067 123 45 67`),
 * e-mails in any case; values that are not valid phones are ignored, so a
 * form can ask while the user types. `taxCode` is ЄДРПОУ or РНОКПП.
 */
export interface DuplicateQuery {
  edrpou?: string | undefined;
  rnokpp?: string | undefined;
  taxCode?: string | undefined;
  phones?: readonly string[] | undefined;
  emails?: readonly string[] | undefined;
  /** The record being edited, left out of the result. */
  excludeId?: Id | undefined;
}

type DuplicateScope = ReadonlyArray<DuplicateMatch['type']>;

const compactCode = (code: string | undefined) => code?.replace(/[\s-]/g, '') || undefined;

/**
 * Counterparties, leads and contacts (those in `scope`) sharing a tax code, a
 * phone or an e-mail with `query`, counterparties first, each with the fields
 * it matched. Converted leads are left out: they live on as counterparties.
 * Reads only; usable inside `liveQuery`.
 * @internal
 */
export async function findPartyDuplicates(
  db: CrmDatabase,
  query: DuplicateQuery,
  scope: DuplicateScope = ['counterparty', 'lead', 'contact'],
): Promise<DuplicateMatch[]> {
  const edrpouCode = compactCode(query.edrpou);
  const rnokppCode = compactCode(query.rnokpp);
  const taxCode = compactCode(query.taxCode);
  const phoneList = [...new Set((query.phones ?? []).map((p) => normalizePhone(String(p))).filter((p): p is string => !!p))];
  const emailList = [...new Set((query.emails ?? []).map((e) => String(e).trim().toLowerCase()).filter(Boolean))];
  const codes = [edrpouCode, rnokppCode, taxCode].filter((c): c is string => !!c);

  const matches: DuplicateMatch[] = [];
  const add = (type: DuplicateMatch['type'], record: { id: Id; name: string }, fields: DuplicateField[]) => {
    if (record.id !== query.excludeId && fields.length) matches.push({ type, id: record.id, name: record.name, fields });
  };
  const channelFields = (record: { phones: string[]; emails: string[] }): DuplicateField[] => [
    ...(record.phones.some((p) => phoneList.includes(p)) ? (['phones'] as const) : []),
    ...(record.emails.some((e) => emailList.includes(e)) ? (['emails'] as const) : []),
  ];
  const byChannels = async <T extends { id: Id }, TInsert>(table: Table<T, Id, TInsert>): Promise<T[]> => {
    const found = new Map<Id, T>();
    if (phoneList.length) for (const r of await table.where('phones').anyOf(phoneList).toArray()) found.set(r.id, r);
    if (emailList.length) for (const r of await table.where('emails').anyOf(emailList).toArray()) found.set(r.id, r);
    return [...found.values()];
  };

  if (scope.includes('counterparty')) {
    const found = new Map<Id, Counterparty>();
    const edrpous = [edrpouCode, taxCode].filter((c): c is string => !!c && c.length === 8);
    const rnokpps = [rnokppCode, taxCode].filter((c): c is string => !!c && c.length === 10);
    if (edrpous.length) for (const r of await db.counterparties.where('edrpou').anyOf(edrpous).toArray()) found.set(r.id, r);
    if (rnokpps.length) for (const r of await db.counterparties.where('rnokpp').anyOf(rnokpps).toArray()) found.set(r.id, r);
    for (const r of await byChannels(db.counterparties)) found.set(r.id, r);
    for (const record of [...found.values()].sort(byName)) {
      const fields: DuplicateField[] = [];
      if (edrpouCode && record.edrpou === edrpouCode) fields.push('edrpou');
      if (rnokppCode && record.rnokpp === rnokppCode) fields.push('rnokpp');
      if (taxCode && (record.edrpou === taxCode || record.rnokpp === taxCode)) fields.push('taxCode');
      add('counterparty', record, [...fields, ...channelFields(record)]);
    }
  }
  if (scope.includes('lead')) {
    const found = new Map<Id, Lead>();
    if (codes.length) for (const r of await db.leads.where('taxCode').anyOf(codes).toArray()) found.set(r.id, r);
    for (const r of await byChannels(db.leads)) found.set(r.id, r);
    for (const record of [...found.values()].filter((lead) => lead.status !== 'converted').sort(byName)) {
      const fields: DuplicateField[] = [];
      if (record.taxCode) {
        if (record.taxCode === edrpouCode) fields.push('edrpou');
        if (record.taxCode === rnokppCode) fields.push('rnokpp');
        if (record.taxCode === taxCode) fields.push('taxCode');
      }
      add('lead', record, [...fields, ...channelFields(record)]);
    }
  }
  if (scope.includes('contact')) {
    for (const record of (await byChannels(db.contacts)).sort(byName)) add('contact', record, channelFields(record));
  }
  return matches;
}

// ── counterparties (A1) ─────────────────────────────────────────────────────

/** What `counterparties.create` takes; phones may be written any common way. */
export interface CounterpartyInput {
  kind: CounterpartyKind;
  name: string;
  /** ЄДРПОУ, legal entities only. */
  edrpou?: string | undefined;
  /** РНОКПП (ІПН), individuals and ФОП only. */
  rnokpp?: string | undefined;
  phones?: string[] | undefined;
  emails?: string[] | undefined;
  messengers?: MessengerHandle[] | undefined;
  addresses?: Address[] | undefined;
  website?: string | undefined;
  tags?: Id[] | undefined;
  managerId?: Id | undefined;
  sourceId?: Id | undefined;
  partnerId?: Id | undefined;
  /** `potential` unless given. */
  relationshipStage?: RelationshipStage | undefined;
}

/** A patch for `counterparties.update`: given fields replace, `null` or `''` clears an optional one, `undefined` leaves it. */
export type CounterpartyPatch = Patch<Omit<CounterpartyInput, 'relationshipStage'>>;

const counterpartyFields = {
  kind: counterpartyKind,
  name: requiredText(200),
  edrpou: optionalOf(edrpou),
  rnokpp: optionalOf(rnokpp),
  phones,
  emails,
  messengers,
  addresses: v.optional(v.array(addressSchema, 'error.invalid'), []),
  website: optionalOf(url),
  tags: tagIds,
  managerId: optionalOf(id),
  sourceId: optionalOf(id),
  partnerId: optionalOf(id),
};

const counterpartySchema = v.object({ ...counterpartyFields, relationshipStage: v.optional(relationshipStage, 'potential') }, 'error.required');

type ParsedCounterparty = v.InferOutput<typeof counterpartySchema>;

/** Filters of `counterparties.list` and `counterparties.count`. */
export interface CounterpartyFilter {
  managerId?: Id;
  tagId?: Id;
  sourceId?: Id;
  partnerId?: Id;
  kind?: CounterpartyKind;
  stage?: RelationshipStage;
  /** Archived ones are left out unless `true`. */
  includeArchived?: boolean;
}

export interface SearchOptions {
  /** At most this many results (20 unless given). */
  limit?: number;
  /** Archived records are left out unless `true`. */
  includeArchived?: boolean;
}

/** Counterparties (A1): legal entities, individuals and ФОП the business settles with. */
export interface CounterpartiesRepository {
  /**
   * Registers a counterparty. Phones become E.164 (+380 by default), e-mails
   * lower case; ЄДРПОУ is for `legal`, РНОКПП for `individual`/`fop`, both with
   * valid check digits. The relationship stage starts at `potential` (or the
   * given one) and is recorded in the stage history.
   * Refuses: `VALIDATION` (field at fault; `error.taxCodeKind` for a code of the
   * wrong kind), `DUPLICATE` with field `edrpou`/`rnokpp` and `params.id` of the
   * existing counterparty, `NOT_FOUND` for an unknown manager, source, partner or tag.
   */
  create(input: CounterpartyInput): Promise<Counterparty>;
  /**
   * Changes the given fields with the same rules as `create`; search tokens
   * are rebuilt. The relationship stage changes only through
   * `setRelationshipStage`. Refuses as `create`, and `NOT_FOUND` (field `id`).
   */
  update(id: Id, patch: CounterpartyPatch): Promise<Counterparty>;
  /**
   * Moves the counterparty to another relationship stage (H5) and appends the
   * change to `relationshipStageHistory`; the same stage again changes nothing.
   * Refuses: `VALIDATION` (field `stage`), `NOT_FOUND` (field `id`).
   */
  setRelationshipStage(id: Id, stage: RelationshipStage): Promise<Counterparty>;
  /** Hides the counterparty from lists and search; its links and history stay. Refuses `NOT_FOUND`. */
  archive(id: Id): Promise<Counterparty>;
  /** Brings an archived counterparty back. Refuses `NOT_FOUND`. */
  unarchive(id: Id): Promise<Counterparty>;
  /** The counterparty, or `undefined`. */
  get(id: Id): Promise<Counterparty | undefined>;
  /** The counterparty a lead was converted into, or `undefined`. */
  getByLead(leadId: Id): Promise<Counterparty | undefined>;
  /**
   * Counterparties whose name, codes, phones or e-mails match every word of
   * `text` by prefix (`067 12`, `ковал`, `3285`), sorted by name; an empty text
   * gives the first ones by name.
   */
  search(text: string, options?: SearchOptions): Promise<Counterparty[]>;
  /** A page of counterparties matching `filter`, sorted by name. */
  list(filter?: CounterpartyFilter & { offset?: number; limit?: number }): Promise<Counterparty[]>;
  /** How many counterparties match `filter` (over all records, not a page). */
  count(filter?: CounterpartyFilter): Promise<number>;
  /**
   * Counterparties, leads and contacts sharing a tax code, phone or e-mail
   * with `query`, each with the fields it matched (A5). Never refuses.
   */
  findDuplicates(query: DuplicateQuery): Promise<DuplicateMatch[]>;
  /** The relationship-stage history of a counterparty, oldest first (H5). */
  relationshipHistory(id: Id): Promise<RelationshipStageChange[]>;
}

/** The tables `counterparties.create` and `update` touch; include them when calling inside another transaction. */
export function counterpartyTables(db: CrmDatabase): Table[] {
  return [db.counterparties, db.relationshipStageHistory, db.users, db.sources, db.partners, db.tags];
}

/** The search tokens of a counterparty: name, codes, phones, e-mails. For writers of raw records (sample data, import). */
export function counterpartySearchTokens(c: Pick<Counterparty, 'name' | 'edrpou' | 'rnokpp' | 'phones' | 'emails'>): string[] {
  return searchTokens([c.name, c.edrpou, c.rnokpp], c.phones, c.emails);
}

/** Throws if a tax code does not fit the kind: ЄДРПОУ for legal entities, РНОКПП for individuals and ФОП. */
function checkCodeKind(parsed: Pick<ParsedCounterparty, 'kind' | 'edrpou' | 'rnokpp'>, prefix: string): void {
  if (parsed.kind !== 'legal' && parsed.edrpou)
    throw new CrmError('VALIDATION', 'error.taxCodeKind', { field: `${prefix}edrpou` });
  if (parsed.kind === 'legal' && parsed.rnokpp)
    throw new CrmError('VALIDATION', 'error.taxCodeKind', { field: `${prefix}rnokpp` });
}

/** Parses counterparty input (throws `VALIDATION`, fields under `prefix`). @internal */
export function parseCounterparty(input: unknown, prefix = ''): ParsedCounterparty {
  const parsed = parseInput(counterpartySchema, input, prefix.replace(/\.$/, '') || undefined);
  checkCodeKind(parsed, prefix);
  return parsed;
}

/** Refuses a second counterparty with the same ЄДРПОУ or РНОКПП. Call inside a transaction. */
async function checkUniqueCodes(db: CrmDatabase, c: Pick<Counterparty, 'edrpou' | 'rnokpp'>, selfId: Id | undefined, prefix: string) {
  for (const field of ['edrpou', 'rnokpp'] as const) {
    const code = c[field];
    if (!code) continue;
    const existing = await db.counterparties.where(field).equals(code).first();
    if (existing && existing.id !== selfId)
      throw new CrmError('DUPLICATE', 'error.duplicate', { field: `${prefix}${field}`, params: { id: existing.id } });
  }
}

/**
 * Writes a new counterparty from parsed input, with its first relationship
 * stage in the history. Checks codes and references. Call inside a
 * transaction over `counterpartyTables(db)`.
 * @internal
 */
export async function insertCounterparty(
  ctx: StoreContext,
  parsed: ParsedCounterparty,
  extra: { leadId?: Id } = {},
  prefix = '',
): Promise<Counterparty> {
  const { db } = ctx;
  await checkUniqueCodes(db, parsed, undefined, prefix);
  await checkReferences(db, parsed, prefix);
  const now = ctx.now();
  const record: Counterparty = withoutUndefined({
    id: ctx.newId(),
    ...parsed,
    ...extra,
    archived: 0,
    searchTokens: counterpartySearchTokens(parsed),
    createdAt: now,
    updatedAt: now,
  });
  await db.counterparties.add(record);
  await db.relationshipStageHistory.add({ id: ctx.newId(), counterpartyId: record.id, stage: record.relationshipStage, at: now, createdAt: now, updatedAt: now });
  return record;
}

/** The editable fields of a stored counterparty, as input. */
function counterpartyAsInput(c: Counterparty): CounterpartyPatch {
  const { kind, name, edrpou: e, rnokpp: r, phones: p, emails: m, messengers: ms, addresses, website, tags, managerId, sourceId, partnerId } = c;
  return { kind, name, edrpou: e, rnokpp: r, phones: p, emails: m, messengers: ms, addresses, website, tags, managerId, sourceId, partnerId };
}

function matchesFilter(c: Counterparty, f: CounterpartyFilter): boolean {
  return (
    (f.includeArchived || !c.archived) &&
    (!f.managerId || c.managerId === f.managerId) &&
    (!f.sourceId || c.sourceId === f.sourceId) &&
    (!f.partnerId || c.partnerId === f.partnerId) &&
    (!f.kind || c.kind === f.kind) &&
    (!f.stage || c.relationshipStage === f.stage) &&
    (!f.tagId || c.tags.includes(f.tagId))
  );
}

async function filteredCounterparties(db: CrmDatabase, f: CounterpartyFilter): Promise<Counterparty[]> {
  const t = db.counterparties;
  const collection = f.managerId
    ? t.where('managerId').equals(f.managerId)
    : f.partnerId
      ? t.where('partnerId').equals(f.partnerId)
      : f.sourceId
        ? t.where('sourceId').equals(f.sourceId)
        : f.tagId
          ? t.where('tags').equals(f.tagId)
          : f.stage
            ? t.where('relationshipStage').equals(f.stage)
            : f.includeArchived
              ? t.toCollection()
              : t.where('archived').equals(0);
  return collection.filter((c) => matchesFilter(c, f)).toArray();
}

/**
 * Records whose `searchTokens` match every word of `text` by prefix: the first
 * word through the multi-entry index, the rest by `matchesQuery`.
 * @internal
 */
export async function searchByTokens<T extends { name: string; searchTokens: string[] }, TInsert>(
  table: Table<T, Id, TInsert>,
  text: string,
  limit: number,
  keep: (record: T) => boolean,
): Promise<T[]> {
  const query = queryTokens(text);
  // No text: the first by the name index (near enough to Ukrainian order), without reading the whole table.
  if (!query.length) return (await table.orderBy('name').filter(keep).limit(limit).toArray()).sort(byName);
  const matches = table
    .where('searchTokens')
    .startsWith(query[0]!)
    .distinct()
    .filter((record) => keep(record) && matchesQuery(record.searchTokens, query));
  // A one-letter prefix can match most of a large table: take the first found.
  // Longer ones match few records, so all of them are sorted and the first by name returned.
  const found = query[0]!.length < 2 ? await matches.limit(limit).toArray() : await matches.toArray();
  return found.sort(byName).slice(0, limit);
}

export function createCounterpartiesRepository(ctx: StoreContext, _store: CrmStore): CounterpartiesRepository {
  const { db } = ctx;

  return {
    async create(input) {
      const parsed = parseCounterparty(input);
      return ctx.write(counterpartyTables(db), async () => insertCounterparty(ctx, parsed));
    },

    async update(counterpartyId, patch) {
      if (!patch || typeof patch !== 'object') throw new CrmError('VALIDATION', 'error.invalid');
      return ctx.write(counterpartyTables(db), async () => {
        const current = await mustGet(db.counterparties, counterpartyId, 'id');
        const parsed = parseCounterparty({ ...counterpartyAsInput(current), ...withoutUndefined(patch), relationshipStage: current.relationshipStage });
        await checkUniqueCodes(db, parsed, current.id, '');
        await checkReferences(db, parsed);
        const { createdAt, archived, leadId, abcClass, xyzClass } = current;
        const record: Counterparty = withoutUndefined({
          id: current.id,
          ...parsed,
          leadId,
          abcClass,
          xyzClass,
          archived,
          searchTokens: counterpartySearchTokens(parsed),
          createdAt,
          updatedAt: ctx.now(),
        });
        await db.counterparties.put(record);
        return record;
      });
    },

    async setRelationshipStage(counterpartyId, stage) {
      const next = parseInput(relationshipStage, stage, 'stage');
      return ctx.write([db.counterparties, db.relationshipStageHistory], async () => {
        const current = await mustGet(db.counterparties, counterpartyId, 'id');
        if (current.relationshipStage === next) return current;
        const now = ctx.now();
        const record: Counterparty = { ...current, relationshipStage: next, updatedAt: now };
        await db.counterparties.put(record);
        await db.relationshipStageHistory.add({
          id: ctx.newId(),
          counterpartyId: current.id,
          stage: next,
          fromStage: current.relationshipStage,
          at: now,
          createdAt: now,
          updatedAt: now,
        });
        return record;
      });
    },

    archive: (counterpartyId) => setFlag(ctx, db.counterparties, counterpartyId, { archived: 1 }),
    unarchive: (counterpartyId) => setFlag(ctx, db.counterparties, counterpartyId, { archived: 0 }),

    get: (counterpartyId) => db.counterparties.get(counterpartyId),

    // A lead converted into an existing counterparty names it; a new one also carries `leadId`.
    async getByLead(leadId) {
      const lead = await db.leads.get(leadId);
      if (lead?.counterpartyId) return db.counterparties.get(lead.counterpartyId);
      return db.counterparties.where('leadId').equals(leadId).first();
    },

    search(text, { limit = 20, includeArchived = false } = {}) {
      return searchByTokens(db.counterparties, text, limit, (c) => includeArchived || !c.archived);
    },

    async list({ offset, limit, ...filter } = {}) {
      return page((await filteredCounterparties(db, filter)).sort(byName), offset, limit);
    },

    async count(filter = {}) {
      return (await filteredCounterparties(db, filter)).length;
    },

    findDuplicates: (query) => findPartyDuplicates(db, query ?? {}),

    relationshipHistory: (counterpartyId) =>
      db.relationshipStageHistory.where('[counterpartyId+at]').between([counterpartyId, -Infinity], [counterpartyId, Infinity]).toArray(),
  };
}

// ── partners (A2) ───────────────────────────────────────────────────────────

export interface PartnerInput {
  name: string;
  comment?: string | undefined;
}

const partnerSchema = v.object({ name: requiredText(200), comment: clearableText(2000) }, 'error.required');

/** Partners (A2): an optional grouping of the counterparties one business settles through. */
export interface PartnersRepository {
  /** Registers a partner. Refuses `VALIDATION` (field `name`). */
  create(input: PartnerInput): Promise<Partner>;
  /** Changes the name or comment. Refuses `VALIDATION`, `NOT_FOUND` (field `id`). */
  update(id: Id, patch: Patch<PartnerInput>): Promise<Partner>;
  /** Hides the partner from lists; its counterparties stay attached. Refuses `NOT_FOUND`. */
  archive(id: Id): Promise<Partner>;
  /** Brings an archived partner back. Refuses `NOT_FOUND`. */
  unarchive(id: Id): Promise<Partner>;
  /** The partner, or `undefined`. */
  get(id: Id): Promise<Partner | undefined>;
  /** Partners sorted by name; archived ones only with `includeArchived`. */
  list(options?: { includeArchived?: boolean }): Promise<Partner[]>;
  /** Partners whose name has a word starting with every word of `text`, sorted by name. */
  search(text: string, options?: SearchOptions): Promise<Partner[]>;
  /**
   * Puts a counterparty under a partner (replacing a previous one). Refuses
   * `NOT_FOUND` (field `counterpartyId` or `partnerId`), `INVALID_STATE`
   * (field `partnerId`) for an archived partner.
   */
  attach(counterpartyId: Id, partnerId: Id): Promise<Counterparty>;
  /** Takes a counterparty out of its partner. Refuses `NOT_FOUND` (field `counterpartyId`). */
  detach(counterpartyId: Id): Promise<Counterparty>;
  /** The counterparties of a partner, sorted by name, archived ones included. */
  counterpartiesOf(partnerId: Id): Promise<Counterparty[]>;
}

export function createPartnersRepository(ctx: StoreContext, _store: CrmStore): PartnersRepository {
  const { db } = ctx;

  const setPartner = (counterpartyId: Id, partnerId: Id | undefined) =>
    ctx.write([db.counterparties, db.partners], async () => {
      const current = await mustGet(db.counterparties, counterpartyId, 'counterpartyId');
      if (partnerId !== undefined) {
        const partner = await mustGet(db.partners, partnerId, 'partnerId');
        if (partner.archived) throw new CrmError('INVALID_STATE', 'error.invalid', { field: 'partnerId' });
      }
      const record: Counterparty = withoutUndefined({ ...current, partnerId, updatedAt: ctx.now() });
      await db.counterparties.put(record);
      return record;
    });

  return {
    async create(input) {
      const parsed = parseInput(partnerSchema, input);
      return ctx.write([db.partners], async () => {
        const now = ctx.now();
        const record: Partner = withoutUndefined({ id: ctx.newId(), ...parsed, archived: 0, createdAt: now, updatedAt: now });
        await db.partners.add(record);
        return record;
      });
    },

    async update(partnerId, patch) {
      return ctx.write([db.partners], async () => {
        const current = await mustGet(db.partners, partnerId, 'id');
        const parsed = parseInput(partnerSchema, { name: current.name, comment: current.comment, ...withoutUndefined(patch ?? {}) });
        const record: Partner = withoutUndefined({
          id: current.id,
          ...parsed,
          archived: current.archived,
          createdAt: current.createdAt,
          updatedAt: ctx.now(),
        });
        await db.partners.put(record);
        return record;
      });
    },

    archive: (partnerId) => setFlag(ctx, db.partners, partnerId, { archived: 1 }),
    unarchive: (partnerId) => setFlag(ctx, db.partners, partnerId, { archived: 0 }),

    // Partners are few (groups of a business's clients): a name filter over the name index is enough.
    async search(text, { limit = 20, includeArchived = false } = {}) {
      const query = words(text);
      const found = await db.partners
        .orderBy('name')
        .filter((partner) => (includeArchived || !partner.archived) && matchesQuery(words(partner.name), query))
        .toArray();
      return found.sort(byName).slice(0, limit);
    },
    get: (partnerId) => db.partners.get(partnerId),

    async list({ includeArchived = false } = {}) {
      const all = includeArchived ? await db.partners.toArray() : await db.partners.where('archived').equals(0).toArray();
      return all.sort(byName);
    },

    attach(counterpartyId, partnerId) {
      if (typeof partnerId !== 'string' || !partnerId) throw new CrmError('VALIDATION', 'error.required', { field: 'partnerId' });
      return setPartner(counterpartyId, partnerId);
    },
    detach: (counterpartyId) => setPartner(counterpartyId, undefined),

    async counterpartiesOf(partnerId) {
      return (await db.counterparties.where('partnerId').equals(partnerId).toArray()).sort(byName);
    },
  };
}

// ── contacts (A3) ───────────────────────────────────────────────────────────

export interface ContactInput {
  name: string;
  position?: string | undefined;
  phones?: string[] | undefined;
  emails?: string[] | undefined;
  messengers?: MessengerHandle[] | undefined;
  tags?: Id[] | undefined;
  sourceId?: Id | undefined;
}

/** A contact person with the role they play at one counterparty. */
export interface ContactAtCounterparty {
  contact: Contact;
  link: ContactLink;
}

/** A counterparty with the role one contact person plays there. */
export interface CounterpartyOfContact {
  counterparty: Counterparty;
  link: ContactLink;
}

const role = v.pipe(
  v.optional(v.string('error.invalid'), ''),
  v.trim(),
  v.maxLength(100, 'error.tooLong'),
);

const contactFields = {
  name: requiredText(200),
  position: clearableText(100),
  phones,
  emails,
  messengers,
  tags: tagIds,
  sourceId: optionalOf(id),
};

const contactSchema = v.object(
  {
    ...contactFields,
    links: v.optional(v.array(v.object({ counterpartyId: id, role }, 'error.required'), 'error.invalid'), []),
  },
  'error.required',
);

/** The search tokens of a contact: name, phones, e-mails. For writers of raw records (sample data, import). */
export function contactSearchTokens(c: Pick<Contact, 'name' | 'phones' | 'emails'>): string[] {
  return searchTokens([c.name], c.phones, c.emails);
}

/** Contact persons (A3): people linked to one or many counterparties, each link with a role. */
export interface ContactsRepository {
  /**
   * Registers a contact person, optionally linked at once to counterparties
   * (`links: [{ counterpartyId, role }]`). Phones become E.164.
   * Refuses: `VALIDATION`, `NOT_FOUND` (source, tag, `links.N.counterpartyId`),
   * `DUPLICATE` (field `links.N.counterpartyId`) for the same counterparty twice.
   */
  create(input: ContactInput & { links?: Array<{ counterpartyId: Id; role?: string }> }): Promise<Contact>;
  /** Changes the given fields with the same rules as `create`. Refuses as `create`, and `NOT_FOUND` (field `id`). */
  update(id: Id, patch: Patch<ContactInput>): Promise<Contact>;
  /** Hides the contact from search; its links stay. Refuses `NOT_FOUND`. */
  archive(id: Id): Promise<Contact>;
  /** Brings an archived contact back. Refuses `NOT_FOUND`. */
  unarchive(id: Id): Promise<Contact>;
  /** The contact, or `undefined`. */
  get(id: Id): Promise<Contact | undefined>;
  /** Contacts whose name, phones or e-mails match every word of `text` by prefix, sorted by name. */
  search(text: string, options?: SearchOptions): Promise<Contact[]>;
  /**
   * Links a contact to a counterparty with a role (`Директор`, `Бухгалтер`).
   * Refuses: `NOT_FOUND` (field `contactId` / `counterpartyId`), `DUPLICATE`
   * (field `counterpartyId`, `params.id` = the existing link) when already linked,
   * `VALIDATION` (field `role`).
   */
  link(contactId: Id, counterpartyId: Id, role?: string): Promise<ContactLink>;
  /** Removes the link and returns it. Refuses `NOT_FOUND` (field `counterpartyId`) when not linked. */
  unlink(contactId: Id, counterpartyId: Id): Promise<ContactLink>;
  /** Changes the role of a link. Refuses `NOT_FOUND` when not linked, `VALIDATION` (field `role`). */
  updateRole(contactId: Id, counterpartyId: Id, role: string): Promise<ContactLink>;
  /** The contact persons of a counterparty with their roles, sorted by name; archived ones only with `includeArchived`. */
  contactsOf(counterpartyId: Id, options?: { includeArchived?: boolean }): Promise<ContactAtCounterparty[]>;
  /** The counterparties a contact is linked to, with the roles, sorted by name. */
  counterpartiesOf(contactId: Id): Promise<CounterpartyOfContact[]>;
  /** Counterparties, leads and contacts sharing a phone or e-mail with `query` (A5). Never refuses. */
  findDuplicates(query: Pick<DuplicateQuery, 'phones' | 'emails' | 'excludeId'>): Promise<DuplicateMatch[]>;
}

export function createContactsRepository(ctx: StoreContext, _store: CrmStore): ContactsRepository {
  const { db } = ctx;
  const tokens = contactSearchTokens;

  const findLink = (contactId: Id, counterpartyId: Id) =>
    db.contactLinks.where('[contactId+counterpartyId]').equals([contactId, counterpartyId]).first();

  const insertLink = async (contactId: Id, counterpartyId: Id, linkRole: string, prefix: string) => {
    await mustGet(db.counterparties, counterpartyId, `${prefix}counterpartyId`);
    const existing = await findLink(contactId, counterpartyId);
    if (existing) throw new CrmError('DUPLICATE', 'error.duplicate', { field: `${prefix}counterpartyId`, params: { id: existing.id } });
    const now = ctx.now();
    const record: ContactLink = { id: ctx.newId(), contactId, counterpartyId, role: linkRole, createdAt: now, updatedAt: now };
    await db.contactLinks.add(record);
    return record;
  };

  return {
    async create(input) {
      const { links, ...parsed } = parseInput(contactSchema, input);
      return ctx.write([db.contacts, db.contactLinks, db.counterparties, db.sources, db.tags], async () => {
        await checkReferences(db, parsed);
        const now = ctx.now();
        const record: Contact = withoutUndefined({
          id: ctx.newId(),
          ...parsed,
          archived: 0,
          searchTokens: tokens(parsed),
          createdAt: now,
          updatedAt: now,
        });
        await db.contacts.add(record);
        for (const [index, link] of links.entries()) await insertLink(record.id, link.counterpartyId, link.role, `links.${index}.`);
        return record;
      });
    },

    async update(contactId, patch) {
      if (!patch || typeof patch !== 'object') throw new CrmError('VALIDATION', 'error.invalid');
      return ctx.write([db.contacts, db.sources, db.tags], async () => {
        const current = await mustGet(db.contacts, contactId, 'id');
        const { name, position, phones: p, emails: e, messengers: m, tags, sourceId } = current;
        const parsed = parseInput(v.object(contactFields, 'error.required'), {
          ...{ name, position, phones: p, emails: e, messengers: m, tags, sourceId },
          ...withoutUndefined(patch),
        });
        await checkReferences(db, parsed);
        const record: Contact = withoutUndefined({
          id: current.id,
          ...parsed,
          archived: current.archived,
          searchTokens: tokens(parsed),
          createdAt: current.createdAt,
          updatedAt: ctx.now(),
        });
        await db.contacts.put(record);
        return record;
      });
    },

    archive: (contactId) => setFlag(ctx, db.contacts, contactId, { archived: 1 }),
    unarchive: (contactId) => setFlag(ctx, db.contacts, contactId, { archived: 0 }),
    get: (contactId) => db.contacts.get(contactId),

    search(text, { limit = 20, includeArchived = false } = {}) {
      return searchByTokens(db.contacts, text, limit, (c) => includeArchived || !c.archived);
    },

    async link(contactId, counterpartyId, linkRole) {
      const parsedRole = parseInput(role, linkRole, 'role');
      return ctx.write([db.contacts, db.contactLinks, db.counterparties], async () => {
        await mustGet(db.contacts, contactId, 'contactId');
        return insertLink(contactId, counterpartyId, parsedRole, '');
      });
    },

    async unlink(contactId, counterpartyId) {
      return ctx.write([db.contactLinks], async () => {
        const link = await findLink(contactId, counterpartyId);
        if (!link) throw notFound('counterpartyId', counterpartyId);
        await db.contactLinks.delete(link.id);
        return link;
      });
    },

    async updateRole(contactId, counterpartyId, linkRole) {
      const parsedRole = parseInput(role, linkRole, 'role');
      return ctx.write([db.contactLinks], async () => {
        const link = await findLink(contactId, counterpartyId);
        if (!link) throw notFound('counterpartyId', counterpartyId);
        const record: ContactLink = { ...link, role: parsedRole, updatedAt: ctx.now() };
        await db.contactLinks.put(record);
        return record;
      });
    },

    async contactsOf(counterpartyId, { includeArchived = false } = {}) {
      const links = await db.contactLinks.where('counterpartyId').equals(counterpartyId).toArray();
      const contacts = await db.contacts.bulkGet(links.map((l) => l.contactId));
      return links
        .map((link, i) => ({ contact: contacts[i]!, link }))
        .filter(({ contact }) => contact && (includeArchived || !contact.archived))
        .sort((a, b) => byName(a.contact, b.contact));
    },

    async counterpartiesOf(contactId) {
      const links = await db.contactLinks.where('contactId').equals(contactId).toArray();
      const counterparties = await db.counterparties.bulkGet(links.map((l) => l.counterpartyId));
      return links
        .map((link, i) => ({ counterparty: counterparties[i]!, link }))
        .filter(({ counterparty }) => counterparty)
        .sort((a, b) => byName(a.counterparty, b.counterparty));
    },

    findDuplicates: (query) => findPartyDuplicates(db, { phones: query?.phones, emails: query?.emails, excludeId: query?.excludeId }),
  };
}

/**
 * Counterparties (A1): legal entities, individuals and ФОП, with their
 * relationship stages and stage history (H5).
 */
import type { Table } from 'dexie';
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import type { CrmDatabase } from './database.js';
import { findPartyDuplicates, type DuplicateMatch, type DuplicateQuery } from './duplicates.js';
import { CrmError } from './errors.js';
import { byName, checkReferences, mustGet, optionalOf, page, setFlag, withoutUndefined, type Patch } from './records.js';
import { searchByTokens, searchTokens, type SearchOptions } from './search.js';
import type { CrmStore } from './store.js';
import type { Address, Counterparty, CounterpartyKind, Id, MessengerHandle, RelationshipStage, RelationshipStageChange } from './types.js';
import { edrpou, emails, id, messengers, optionalText, parseInput, phones, rnokpp, requiredText, tagIds, url } from './validation.js';

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

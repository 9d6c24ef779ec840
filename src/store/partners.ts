/**
 * Partners (A2): an optional grouping of the counterparties one business
 * settles through.
 */
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import { CrmError } from './errors.js';
import { byName, clearableText, mustGet, setFlag, withoutUndefined, type Patch } from './records.js';
import { matchesQuery, words, type SearchOptions } from './search.js';
import type { CrmStore } from './store.js';
import type { Counterparty, Id, Partner } from './types.js';
import { parseInput, requiredText } from './validation.js';

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

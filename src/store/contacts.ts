/**
 * Contact persons (A3): people linked to one or many counterparties, each
 * link with the role they play there.
 */
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import { findPartyDuplicates, type DuplicateMatch, type DuplicateQuery } from './duplicates.js';
import { CrmError, notFound } from './errors.js';
import { byName, checkReferences, clearableText, mustGet, optionalOf, setFlag, withoutUndefined, type Patch } from './records.js';
import { searchByTokens, searchTokens, type SearchOptions } from './search.js';
import type { CrmStore } from './store.js';
import type { Contact, ContactLink, Counterparty, Id, MessengerHandle } from './types.js';
import { emails, id, messengers, parseInput, phones, requiredText, tagIds } from './validation.js';

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

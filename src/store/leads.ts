/**
 * A4 leads (ліди): potential clients not yet registered as counterparties.
 * A lead is converted into a counterparty (optionally with a deal) in one
 * transaction that carries its whole history along, or marked lost with a
 * reason; A7 makes a lead from an interaction with an unknown party.
 */
import { Dexie, type Table } from 'dexie';
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import { counterpartyTables, insertCounterparty, parseCounterparty, type CounterpartyInput } from './counterparties.js';
import type { CrmDatabase } from './database.js';
import { findPartyDuplicates, type DuplicateMatch, type DuplicateQuery } from './duplicates.js';
import { CrmError, notFound } from './errors.js';
import { participantKey, participantKeysOf, reassignInteractions, toInteraction, type InteractionRow } from './interactions.js';
import { reassignNotes } from './notes.js';
import { byName, checkReferences, clearableText, mustGet, optionalOf, page, withoutUndefined, type Patch } from './records.js';
import { searchByTokens, searchTokens } from './search.js';
import type { CrmStore } from './store.js';
import { reassignTasks } from './tasks.js';
import type { Counterparty, Deal, Id, Instant, Interaction, Lead, LeadStatus, MessengerHandle, SubjectRef } from './types.js';
import { formatPhone, normalizePhone } from './ukrainian.js';
import {
  calendarDate,
  emails,
  id,
  messengers,
  money,
  optionalId,
  optionalText,
  parseInput,
  percent,
  phones,
  requiredText,
  tagIds,
  taxCode,
} from './validation.js';

/** What `leads.create` takes; phones may be written any common way. */
export interface LeadInput {
  /** The person's name. */
  name: string;
  company?: string | undefined;
  /** ЄДРПОУ (8 digits) or РНОКПП (10 digits), with valid check digits. */
  taxCode?: string | undefined;
  phones?: string[] | undefined;
  emails?: string[] | undefined;
  messengers?: MessengerHandle[] | undefined;
  tags?: Id[] | undefined;
  sourceId?: Id | undefined;
  managerId?: Id | undefined;
  comment?: string | undefined;
}

/** What `leads.update` takes: `undefined` keeps a field, `null` or `''` clears an optional one. */
export type LeadPatch = Patch<LeadInput> & {
  /** Only between the open statuses; conversion and loss have their own operations. */
  status?: 'new' | 'in-progress';
};

/** Filters of `leads.list` and `leads.count`. */
export interface LeadFilter {
  /** One status or several (`['new', 'in-progress']` = the open ones). */
  status?: LeadStatus | LeadStatus[];
  sourceId?: Id;
  managerId?: Id;
  tagId?: Id;
  /** Created at or after this instant. */
  from?: Instant;
  /** Created before this instant. */
  to?: Instant;
}

/** The order of `leads.list`; a leading `-` means descending. */
export type LeadSort = 'createdAt' | '-createdAt' | 'updatedAt' | '-updatedAt' | 'name' | '-name';

/** What `leads.convert` takes. */
export interface ConvertLeadInput {
  /**
   * Fields of the new counterparty that differ from what the lead gives:
   * by default `kind` is `legal` when the lead's tax code is an ЄДРПОУ, else
   * `individual`; the name is the company's (legal) or the person's; the tax
   * code, phones, e-mails, messengers, tags, source and manager are the lead's.
   */
  counterparty?: Partial<CounterpartyInput>;
  /** Convert into this existing counterparty instead of creating one (e.g. a duplicate found by `findDuplicates`). */
  counterpartyId?: Id;
  /** Also open a deal for the new client. */
  deal?: {
    pipelineId: Id;
    /** The pipeline's first stage when not given. */
    stageId?: Id;
    title: string;
    amount?: { minor: number; currency?: string };
    /** The lead's manager when not given. */
    managerId?: Id;
    /** `YYYY-MM-DD`. */
    expectedCloseDate?: string;
    probability?: number;
  };
}

/** What `leads.convert` returns. */
export interface ConvertLeadResult {
  lead: Lead;
  counterparty: Counterparty;
  deal?: Deal;
  /** How many records of the lead's history now belong to the counterparty. */
  moved: { interactions: number; tasks: number; notes: number; appointments: number; deals: number };
}

/** What `leads.markLost` takes. */
export interface MarkLeadLostInput {
  /** A lost reason (`store.lostReasons`); required. */
  reasonId: Id;
  comment?: string;
}

/** What `leads.import` takes besides the rows. */
export interface LeadImportOptions {
  /**
   * Called after each chunk of 1 000 rows is written, with the rows written so
   * far and in all. Throwing from it cancels the import: nothing is kept.
   */
  onProgress?: ((written: number, total: number) => void) | undefined;
}

/** What `leads.fromInteraction` takes: lead fields; the name defaults to the phone or e-mail. */
export type LeadFromInteractionInput = Partial<LeadInput>;

const leadFields = {
  name: requiredText(200),
  company: clearableText(200),
  taxCode: optionalOf(taxCode),
  phones,
  emails,
  messengers,
  tags: tagIds,
  sourceId: optionalOf(id),
  managerId: optionalOf(id),
  comment: clearableText(2000),
};

export const leadSchema = v.object(leadFields, 'error.required');
const leadUpdateSchema = v.object(
  { ...leadFields, status: v.optional(v.picklist(['new', 'in-progress'] as const, 'error.invalidTransition')) },
  'error.required',
);
const fromInteractionSchema = v.optional(v.object({ ...leadFields, name: optionalText(200) }, 'error.required'), {});

const convertSchema = v.optional(
  v.object(
    {
      counterparty: v.optional(v.looseObject({}, 'error.invalid')),
      counterpartyId: optionalId,
      deal: v.optional(
        v.object(
          {
            pipelineId: id,
            stageId: optionalId,
            title: requiredText(200),
            amount: v.optional(money),
            managerId: optionalId,
            expectedCloseDate: v.optional(calendarDate),
            probability: v.optional(percent),
          },
          'error.required',
        ),
      ),
    },
    'error.invalid',
  ),
  {},
);

const markLostSchema = v.optional(
  v.object(
    {
      reasonId: v.pipe(v.optional(v.string('error.lostReasonRequired'), ''), v.trim(), v.nonEmpty('error.lostReasonRequired')),
      comment: clearableText(2000),
    },
    'error.invalid',
  ),
  {},
);

const openStatuses: readonly LeadStatus[] = ['new', 'in-progress'];

/** Leads (A4): potential clients, their conversion and loss, and A7. */
export interface LeadsRepository {
  /**
   * Registers a lead in status `new`. Phones become E.164, e-mails lower
   * case; the tax code is an ЄДРПОУ or РНОКПП with valid check digits.
   * Duplicates are not refused: ask `findDuplicates` first to flag them (A5).
   * Refuses: `VALIDATION` (field at fault, e.g. `phones.1`, `taxCode`),
   * `NOT_FOUND` for an unknown `sourceId`, `managerId` or `tags.N`.
   */
  create(input: LeadInput): Promise<Lead>;
  /**
   * Changes the given fields with the rules of `create`; `status` may move
   * between `new` and `in-progress`. Refuses as `create`, `NOT_FOUND` (field
   * `id`), `INVALID_STATE` (`error.leadClosed`, field `status`) for a
   * converted lead, `VALIDATION` (`error.invalidTransition`, field `status`)
   * for another status.
   */
  update(id: Id, patch: LeadPatch): Promise<Lead>;
  /**
   * A4: turns the lead into a client in ONE transaction: creates the
   * counterparty (with `leadId`), or takes `counterpartyId`; moves the lead's
   * interactions (subject and participants), tasks, notes (their reminders
   * stay valid), appointments and deals to the counterparty; marks the lead
   * `converted`; and optionally opens a deal via `store.deals.create`.
   * Refuses (writing nothing): `NOT_FOUND` (field `leadId`, `counterpartyId`,
   * `deal.pipelineId`…), `INVALID_STATE` (`error.leadClosed`, field `status`)
   * for a converted or lost lead, `VALIDATION` / `DUPLICATE` for the new
   * counterparty with fields under `counterparty.` (e.g. a counterparty with
   * that ЄДРПОУ exists: `counterparty.edrpou`, `params.id`) and for the deal
   * under `deal.`.
   */
  convert(leadId: Id, input?: ConvertLeadInput): Promise<ConvertLeadResult>;
  /**
   * Marks the lead lost with a reason from the list and an optional comment.
   * Refuses: `VALIDATION` (`error.lostReasonRequired`, field `reasonId`)
   * without a reason, `NOT_FOUND` (field `reasonId` / `leadId`),
   * `INVALID_STATE` (`error.leadClosed`, field `status`) for a converted or lost lead.
   */
  markLost(leadId: Id, input: MarkLeadLostInput): Promise<Lead>;
  /**
   * I2: imports many leads (rows of a CSV or XLSX file) all or nothing. Every
   * row is validated with the rules of `create` before anything is written;
   * each source, manager and tag named is checked once; then the leads (status
   * `new`, searchable as `create` makes them) are written in ONE transaction,
   * 1 000 rows at a time, calling `onProgress` after each chunk. Returns the
   * new ids in the order of `inputs`.
   * Refuses (writing nothing): `VALIDATION` with the field prefixed by the
   * row's index (`3.phones.0`, `12.name`), or field `inputs` when not a list;
   * `NOT_FOUND` for an unknown `N.sourceId`, `N.managerId` or `N.tags.M`
   * (the first row naming it).
   */
  import(inputs: LeadInput[], options?: LeadImportOptions): Promise<Id[]>;
  /**
   * Takes a lost lead back into work (`in-progress`), forgetting the loss.
   * Refuses: `NOT_FOUND` (field `leadId`), `INVALID_STATE` (`error.invalidTransition`,
   * field `status`) unless lost.
   */
  reopen(leadId: Id): Promise<Lead>;
  /**
   * A7: makes a lead from an interaction with an unknown party — its `from`
   * phone or e-mail becomes the lead's — and re-points the interaction to
   * the lead (subject; the former subject stays a participant), in one
   * transaction. The name defaults to the phone as people write it, or the e-mail;
   * the source to the interaction's, the manager to its author.
   * Refuses: `NOT_FOUND` (field `interactionId`, or a lead reference),
   * `INVALID_STATE` (`error.invalid`) when the interaction has no `from`
   * (field `from`) or is about a known lead, counterparty or contact already
   * (field `interactionId`), `VALIDATION` as `create`.
   */
  fromInteraction(interactionId: Id, input?: LeadFromInteractionInput): Promise<{ lead: Lead; interaction: Interaction }>;

  /** The lead, or `undefined`. */
  get(id: Id): Promise<Lead | undefined>;
  /** A page of leads matching `filter`, newest first unless `sort` says otherwise. */
  list(filter?: LeadFilter & { offset?: number; limit?: number; sort?: LeadSort }): Promise<Lead[]>;
  /** How many leads match `filter`, over all of them. */
  count(filter?: LeadFilter): Promise<number>;
  /** How many leads of each status match `filter` (its `status` ignored), for the leads → clients funnel (H1). */
  countByStatus(filter?: Omit<LeadFilter, 'status'>): Promise<Record<LeadStatus, number>>;
  /**
   * Leads whose name, company, tax code, phones or e-mails match every word
   * of `text` by prefix, sorted by name; open leads only unless `includeClosed`.
   */
  search(text: string, options?: { limit?: number; includeClosed?: boolean }): Promise<Lead[]>;
  /**
   * Leads and counterparties sharing a tax code, phone or e-mail with `query`
   * (pass a lead: `findDuplicates({ ...lead, excludeId: lead.id })`). Never refuses.
   */
  findDuplicates(query: Pick<DuplicateQuery, 'taxCode' | 'phones' | 'emails' | 'excludeId'>): Promise<DuplicateMatch[]>;
}

/** The tables `leads.create`/`update` touch. */
export function leadTables(db: CrmDatabase): Table[] {
  return [db.leads, db.users, db.sources, db.tags];
}

/** Every table `leads.convert` touches, including those of `deals.create`. */
function convertTables(db: CrmDatabase): Table[] {
  return [
    ...new Set([
      ...leadTables(db),
      ...counterpartyTables(db),
      db.interactions,
      db.tasks,
      db.notes,
      db.appointments,
      db.deals,
      db.dealStageHistory,
      db.pipelines,
      db.stages,
    ]),
  ];
}

/** The search tokens of a lead: name, company, tax code, phones, e-mails. For writers of raw records (sample data, import). */
export function leadSearchTokens(lead: Pick<Lead, 'name' | 'company' | 'taxCode' | 'phones' | 'emails'>): string[] {
  return searchTokens([lead.name, lead.company, lead.taxCode], lead.phones, lead.emails);
}

/**
 * Writes a new lead from parsed input, after checking the manager, source and
 * tags it refers to. Call inside a transaction over `leadTables(db)`.
 */
export async function insertLead(ctx: StoreContext, parsed: v.InferOutput<typeof leadSchema>): Promise<Lead> {
  await checkReferences(ctx.db, parsed);
  const now = ctx.now();
  const record: Lead = withoutUndefined({
    id: ctx.newId(),
    ...parsed,
    status: 'new' as const,
    searchTokens: leadSearchTokens(parsed),
    createdAt: now,
    updatedAt: now,
  });
  await ctx.db.leads.add(record);
  return record;
}

/** Rows per `bulkAdd` of `leads.import` (and per progress call). */
const IMPORT_CHUNK = 1_000;

/** Resolves in a later task: the page (or worker) handles its events in between. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Checks that every manager, source and tag the parsed rows name exists, each
 * distinct id once, or throws `NOT_FOUND` naming the first row that names a
 * missing one (`7.sourceId`, `3.tags.1`). Call inside a transaction over `leadTables(db)`.
 */
async function checkImportReferences(db: CrmDatabase, rows: ReadonlyArray<v.InferOutput<typeof leadSchema>>): Promise<void> {
  const users = new Map<Id, string>();
  const sources = new Map<Id, string>();
  const tags = new Map<Id, string>();
  rows.forEach((row, index) => {
    if (row.managerId !== undefined && !users.has(row.managerId)) users.set(row.managerId, `${index}.managerId`);
    if (row.sourceId !== undefined && !sources.has(row.sourceId)) sources.set(row.sourceId, `${index}.sourceId`);
    row.tags.forEach((tag, position) => {
      if (!tags.has(tag)) tags.set(tag, `${index}.tags.${position}`);
    });
  });
  const lookups: Array<[Table, Map<Id, string>]> = [
    [db.users, users],
    [db.sources, sources],
    [db.tags, tags],
  ];
  for (const [table, wanted] of lookups) {
    if (!wanted.size) continue;
    const ids = [...wanted.keys()];
    const missing = (await table.bulkGet(ids)).findIndex((record) => !record);
    if (missing >= 0) throw notFound(wanted.get(ids[missing]!)!, ids[missing]!);
  }
}

function closedError(): CrmError {
  return new CrmError('INVALID_STATE', 'error.leadClosed', { field: 'status' });
}

function matchesFilter(lead: Lead, f: LeadFilter, statuses: readonly LeadStatus[] | undefined): boolean {
  return (
    (!statuses || statuses.includes(lead.status)) &&
    (!f.sourceId || lead.sourceId === f.sourceId) &&
    (!f.managerId || lead.managerId === f.managerId) &&
    (!f.tagId || lead.tags.includes(f.tagId)) &&
    (f.from === undefined || lead.createdAt >= f.from) &&
    (f.to === undefined || lead.createdAt < f.to)
  );
}

async function filteredLeads(db: CrmDatabase, f: LeadFilter): Promise<Lead[]> {
  const statuses = f.status === undefined ? undefined : Array.isArray(f.status) ? f.status : [f.status];
  const t = db.leads;
  const collection = f.managerId
    ? t.where('managerId').equals(f.managerId)
    : f.sourceId
      ? t.where('sourceId').equals(f.sourceId)
      : f.tagId
        ? t.where('tags').equals(f.tagId)
        : statuses
          ? t.where('status').anyOf(statuses)
          : f.from !== undefined || f.to !== undefined
            ? t.where('createdAt').between(f.from ?? -Infinity, f.to ?? Infinity, true, false)
            : t.toCollection();
  return collection.filter((lead) => matchesFilter(lead, f, statuses)).toArray();
}

const collator = new Intl.Collator('uk');

/**
 * The index range of a filter that is only a set of statuses the compound
 * indexes cover (one status, the open ones, the closed ones), in the order of
 * a date field; `undefined` for any other filter. Reads a page of 100 000 leads
 * without loading the others.
 */
function indexedByStatus(db: CrmDatabase, filter: LeadFilter, field: 'createdAt' | 'updatedAt') {
  const { status, ...rest } = filter;
  if (status === undefined || Object.values(rest).some((value) => value !== undefined)) return undefined;
  const statuses = [...new Set(Array.isArray(status) ? status : [status])];
  const open = statuses.filter((one) => openStatuses.includes(one)).length;
  const [index, key]: [string, string | number] | [undefined, undefined] =
    statuses.length === 1
      ? ['status', statuses[0]!]
      : statuses.length === 2 && (open === 2 || open === 0)
        ? ['open', open === 2 ? 1 : 0]
        : [undefined, undefined];
  if (index === undefined) return undefined;
  return db.leads.where(`[${index}+${field}]`).between([key, Dexie.minKey], [key, Dexie.maxKey]);
}

function leadComparator(sort: LeadSort): (a: Lead, b: Lead) => number {
  const descending = sort.startsWith('-');
  const field = (descending ? sort.slice(1) : sort) as 'createdAt' | 'updatedAt' | 'name';
  const compare =
    field === 'name'
      ? (a: Lead, b: Lead) => collator.compare(a.name, b.name) || a.createdAt - b.createdAt
      : (a: Lead, b: Lead) => a[field] - b[field] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return descending ? (a, b) => compare(b, a) : compare;
}

export function createLeadsRepository(ctx: StoreContext, store: CrmStore): LeadsRepository {
  const { db } = ctx;

  const loadOpen = async (leadId: Id): Promise<Lead> => {
    const lead = await mustGet(db.leads, leadId, 'leadId');
    if (!openStatuses.includes(lead.status)) throw closedError();
    return lead;
  };

  return {
    async create(input) {
      const parsed = parseInput(leadSchema, input);
      return ctx.write(leadTables(db), async () => insertLead(ctx, parsed));
    },

    async update(leadId, patch) {
      if (!patch || typeof patch !== 'object') throw new CrmError('VALIDATION', 'error.invalid');
      return ctx.write(leadTables(db), async () => {
        const current = await mustGet(db.leads, leadId, 'id');
        if (current.status === 'converted') throw closedError();
        const { name, company, taxCode: code, phones: p, emails: e, messengers: m, tags, sourceId, managerId, comment } = current;
        const base = { name, company, taxCode: code, phones: p, emails: e, messengers: m, tags, sourceId, managerId, comment };
        const parsed = parseInput(leadUpdateSchema, { ...base, ...withoutUndefined(patch) });
        if (parsed.status && current.status === 'lost')
          throw new CrmError('INVALID_STATE', 'error.invalidTransition', { field: 'status' });
        await checkReferences(db, parsed);
        const { status, lostReasonId, lostComment, lostAt, createdAt } = current;
        const record: Lead = withoutUndefined({
          id: current.id,
          ...parsed,
          status: parsed.status ?? status,
          lostReasonId,
          lostComment,
          lostAt,
          searchTokens: leadSearchTokens(parsed),
          createdAt,
          updatedAt: ctx.now(),
        });
        await db.leads.put(record);
        return record;
      });
    },

    async convert(leadId, input) {
      const options = parseInput(convertSchema, input);
      if (options.counterparty && options.counterpartyId)
        throw new CrmError('VALIDATION', 'error.invalid', { field: 'counterparty' });
      return ctx.write(convertTables(db), async () => {
        const lead = await loadOpen(leadId);
        let counterparty: Counterparty;
        if (options.counterpartyId) {
          counterparty = await mustGet(db.counterparties, options.counterpartyId, 'counterpartyId');
        } else {
          const code = lead.taxCode;
          const overrides = options.counterparty ?? {};
          const kind = (overrides.kind as string | undefined) ?? (code?.length === 8 ? 'legal' : 'individual');
          const derived = withoutUndefined({
            kind,
            name: kind === 'legal' ? (lead.company ?? lead.name) : lead.name,
            edrpou: code?.length === 8 ? code : undefined,
            rnokpp: code?.length === 10 ? code : undefined,
            phones: lead.phones,
            emails: lead.emails,
            messengers: lead.messengers,
            tags: lead.tags,
            sourceId: lead.sourceId,
            managerId: lead.managerId,
          });
          const parsed = parseCounterparty({ ...derived, ...overrides }, 'counterparty.');
          counterparty = await insertCounterparty(ctx, parsed, { leadId: lead.id }, 'counterparty.');
        }

        const from: SubjectRef = { type: 'lead', id: lead.id };
        const to: SubjectRef = { type: 'counterparty', id: counterparty.id };
        const now = ctx.now();
        const clientChange = { clientType: 'counterparty' as const, clientId: counterparty.id, updatedAt: now };
        const moved = {
          interactions: await reassignInteractions(ctx, from, to),
          tasks: await reassignTasks(ctx, from, to),
          notes: await reassignNotes(ctx, from, to),
          appointments: await db.appointments.where('[clientType+clientId]').equals(['lead', lead.id]).modify(clientChange),
          deals: await db.deals.where('[clientType+clientId]').equals(['lead', lead.id]).modify(clientChange),
        };

        const converted: Lead = { ...lead, status: 'converted', counterpartyId: counterparty.id, convertedAt: now, updatedAt: now };
        await db.leads.put(converted);

        let deal: Deal | undefined;
        if (options.deal) {
          const { managerId, ...dealInput } = options.deal;
          try {
            deal = await store.deals.create(
              withoutUndefined({
                ...dealInput,
                client: to as { type: 'counterparty'; id: Id },
                managerId: managerId ?? lead.managerId,
                sourceId: lead.sourceId,
              }),
            );
          } catch (error) {
            if (error instanceof CrmError && error.field && !error.field.startsWith('client'))
              throw new CrmError(error.code, error.messageKey, { field: `deal.${error.field}`, params: { ...error.params }, cause: error });
            throw error;
          }
        }
        return { lead: converted, counterparty, ...(deal ? { deal } : {}), moved };
      });
    },

    async markLost(leadId, input) {
      const { reasonId, comment } = parseInput(markLostSchema, input);
      return ctx.write([db.leads, db.lostReasons], async () => {
        const lead = await loadOpen(leadId);
        await mustGet(db.lostReasons, reasonId, 'reasonId');
        const now = ctx.now();
        const record: Lead = withoutUndefined({
          ...lead,
          status: 'lost' as const,
          lostReasonId: reasonId,
          lostComment: comment,
          lostAt: now,
          updatedAt: now,
        });
        await db.leads.put(record);
        return record;
      });
    },

    async import(inputs, options = {}) {
      const rows = parseInput(v.array(v.unknown(), 'error.invalid'), inputs, 'inputs');
      // Checked a chunk at a time, giving the page control back between chunks (100 000 rows take a second or two),
      // all before the transaction starts: a pause inside it would let IndexedDB commit it half-way.
      const parsed: Array<v.InferOutput<typeof leadSchema>> = [];
      for (let start = 0; start < rows.length; start += IMPORT_CHUNK) {
        if (start) await nextTask();
        for (let index = start; index < Math.min(start + IMPORT_CHUNK, rows.length); index += 1) parsed.push(parseInput(leadSchema, rows[index], String(index)));
      }
      const total = parsed.length;
      if (!total) return [];
      const now = ctx.now();
      const records = parsed.map(
        (fields): Lead =>
          withoutUndefined({
            id: ctx.newId(),
            ...fields,
            status: 'new' as const,
            searchTokens: leadSearchTokens(fields),
            createdAt: now,
            updatedAt: now,
          }),
      );
      return ctx.write(leadTables(db), async () => {
        await checkImportReferences(db, parsed);
        // Two chunks in flight: the next one is handed to IndexedDB while the database writes this one,
        // and the page gets control back between chunks.
        let previous: Promise<unknown> | undefined;
        for (let start = 0; start < total; start += IMPORT_CHUNK) {
          const end = Math.min(start + IMPORT_CHUNK, total);
          const written = db.leads.bulkAdd(records.slice(start, end)).then(() => options?.onProgress?.(end, total));
          // Awaited below; an earlier failure aborts the transaction and this one with it.
          written.catch(() => undefined);
          await previous;
          previous = written;
        }
        await previous;
        return records.map((record) => record.id);
      });
    },

    async reopen(leadId) {
      return ctx.write([db.leads], async () => {
        const lead = await mustGet(db.leads, leadId, 'leadId');
        if (lead.status !== 'lost') throw new CrmError('INVALID_STATE', 'error.invalidTransition', { field: 'status' });
        const record: Lead = withoutUndefined({
          ...lead,
          status: 'in-progress' as const,
          lostReasonId: undefined,
          lostComment: undefined,
          lostAt: undefined,
          updatedAt: ctx.now(),
        });
        await db.leads.put(record);
        return record;
      });
    },

    async fromInteraction(interactionId, input) {
      const fields = parseInput(fromInteractionSchema, input);
      return ctx.write([...leadTables(db), db.interactions], async () => {
        const row: InteractionRow = await mustGet(db.interactions, interactionId, 'interactionId');
        const subject: SubjectRef = { type: row.subjectType, id: row.subjectId };
        const parties = [subject, ...row.participants].filter((ref) => ref.type === 'lead' || ref.type === 'counterparty' || ref.type === 'contact');
        if (parties.length) throw new CrmError('INVALID_STATE', 'error.invalid', { field: 'interactionId' });
        const address = row.from?.trim() ?? '';
        const phone = address.includes('@') ? undefined : normalizePhone(address);
        const email = address.includes('@') ? address.toLowerCase() : undefined;
        if (!phone && !email) throw new CrmError('INVALID_STATE', 'error.invalid', { field: 'from' });

        const parsed = parseInput(leadSchema, {
          ...fields,
          name: fields.name ?? (phone ? formatPhone(phone) : email),
          phones: [...(phone ? [phone] : []), ...fields.phones],
          emails: [...(email ? [email] : []), ...fields.emails],
          sourceId: fields.sourceId ?? row.sourceId,
          managerId: fields.managerId ?? row.authorId,
        });
        const lead = await insertLead(ctx, parsed);

        const leadRef: SubjectRef = { type: 'lead', id: lead.id };
        // The unknown party is now the lead: it leaves the participants.
        const participants = [subject, ...row.participants].filter(
          (ref, index, all) =>
            ref.type !== 'unknown' && all.findIndex((other) => participantKey(other) === participantKey(ref)) === index,
        );
        const moved: InteractionRow = {
          ...row,
          subjectType: 'lead',
          subjectId: lead.id,
          participants,
          participantKeys: participantKeysOf(leadRef, participants),
          // Making a lead of the caller is handling the call (B2 queue).
          processed: 1,
          updatedAt: lead.createdAt,
        };
        await db.interactions.put(moved);
        return { lead, interaction: toInteraction(moved) };
      });
    },

    get: (leadId) => db.leads.get(leadId),

    async list({ offset, limit, sort = '-createdAt', ...filter } = {}) {
      const unfiltered = Object.values(filter).every((value) => value === undefined);
      if (unfiltered && sort !== 'name' && sort !== '-name') {
        const field = sort.replace('-', '');
        let ordered = db.leads.orderBy(field);
        if (sort.startsWith('-')) ordered = ordered.reverse();
        if (offset) ordered = ordered.offset(offset);
        if (limit !== undefined) ordered = ordered.limit(limit);
        return ordered.toArray();
      }
      const field = sort.replace('-', '');
      const indexed = field === 'name' ? undefined : indexedByStatus(db, filter, field as 'createdAt' | 'updatedAt');
      if (indexed) {
        let ordered = sort.startsWith('-') ? indexed.reverse() : indexed;
        if (offset) ordered = ordered.offset(offset);
        if (limit !== undefined) ordered = ordered.limit(limit);
        return ordered.toArray();
      }
      return page((await filteredLeads(db, filter)).sort(leadComparator(sort)), offset, limit);
    },

    async count(filter = {}) {
      if (Object.values(filter).every((value) => value === undefined)) return db.leads.count();
      const indexed = indexedByStatus(db, filter, 'createdAt');
      return indexed ? indexed.count() : (await filteredLeads(db, filter)).length;
    },

    async countByStatus(filter = {}) {
      const counts: Record<LeadStatus, number> = { new: 0, 'in-progress': 0, converted: 0, lost: 0 };
      if (Object.values(filter).every((value) => value === undefined)) {
        const statuses = Object.keys(counts) as LeadStatus[];
        const each = await Promise.all(statuses.map((status) => db.leads.where('status').equals(status).count()));
        statuses.forEach((status, index) => (counts[status] = each[index]!));
        return counts;
      }
      for (const lead of await filteredLeads(db, { ...filter, status: undefined })) counts[lead.status] += 1;
      return counts;
    },

    async search(text, { limit = 20, includeClosed = false } = {}) {
      const found = await searchByTokens(db.leads, text, limit, (lead) => includeClosed || openStatuses.includes(lead.status));
      return found.sort(byName);
    },

    findDuplicates: (query) =>
      findPartyDuplicates(db, { taxCode: query?.taxCode, phones: query?.phones, emails: query?.emails, excludeId: query?.excludeId }, [
        'counterparty',
        'lead',
      ]),
  };
}

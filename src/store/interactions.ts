/**
 * B1–B4 interactions (взаємодії): meetings, calls, SMS, e-mails, messenger
 * messages, appointments — planned or done, incoming or outgoing — with the
 * unprocessed queue (B2), reminders on planned ones (B3) and the timeline of a
 * party, deal or claim (B4).
 *
 * Each stored row also carries `participantKeys` (`type:id` of the subject and
 * every participant, multi-entry indexed) so a party's timeline is one index
 * read; it is kept in sync on every write and never returned.
 */
import { Dexie, type Table } from 'dexie';
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import type { CrmDatabase } from './database.js';
import { CrmError, notFound } from './errors.js';
import { closeTargetReminders, newReminder, retextTargetReminders, setTargetReminder } from './reminders.js';
import type { CrmStore } from './store.js';
import type {
  Id,
  Instant,
  Interaction,
  InteractionDirection,
  InteractionKind,
  InteractionStatus,
  SubjectRef,
  SubjectType,
} from './types.js';
import { email as emailSchema, flag, id as idSchema, instant, optionalId, optionalText, parseInput, requiredText } from './validation.js';
import { normalizePhone } from './ukrainian.js';

// ── references shared with tasks and notes ──────────────────────────────────

export const subjectTypes = ['lead', 'counterparty', 'contact', 'deal', 'claim', 'proposal', 'order', 'task'] as const satisfies readonly SubjectType[];

/** `{ type, id }` of a lead, counterparty, contact, deal, claim, proposal, order or task. */
export const subjectRefSchema = v.object({
  type: v.picklist(subjectTypes, 'error.invalid'),
  id: idSchema,
});

/** What a reference may point at: a subject, an acquisition source or a user. */
export type RefKind = SubjectType | 'source' | 'user';

/** A reference to check: the input field it came from, the kind of record and its id. */
export interface RefCheck {
  field: string;
  kind: RefKind;
  id: Id;
}

/** The table holding records of a kind. */
export function refTable(db: CrmDatabase, kind: RefKind): Table {
  switch (kind) {
    case 'lead':
      return db.leads;
    case 'counterparty':
      return db.counterparties;
    case 'contact':
      return db.contacts;
    case 'deal':
      return db.deals;
    case 'claim':
      return db.claims;
    case 'proposal':
      return db.proposals;
    case 'order':
      return db.orders;
    case 'task':
      return db.tasks;
    case 'source':
      return db.sources;
    case 'user':
      return db.users;
    case 'unknown':
      throw new Error('an unknown party has no table');
  }
}

/** The tables `assertRefsExist(checks)` reads: put them in the transaction's scope. */
export function refTables(db: CrmDatabase, checks: readonly RefCheck[]): Table[] {
  return [...new Set(checks.map((check) => refTable(db, check.kind)))];
}

/**
 * Throws `NOT_FOUND` (naming the check's field) for the first reference whose
 * record does not exist. One `bulkGet` per table. Run it inside the write
 * transaction, with `refTables(checks)` in scope.
 */
export async function assertRefsExist(ctx: StoreContext, checks: readonly RefCheck[]): Promise<void> {
  const byKind = new Map<RefKind, Set<Id>>();
  for (const check of checks) {
    let ids = byKind.get(check.kind);
    if (!ids) byKind.set(check.kind, (ids = new Set()));
    ids.add(check.id);
  }
  const missing = new Set<string>();
  for (const [kind, ids] of byKind) {
    const list = [...ids];
    const rows = await refTable(ctx.db, kind).bulkGet(list);
    rows.forEach((row, index) => {
      if (row === undefined) missing.add(`${kind}:${list[index]}`);
    });
  }
  const first = checks.find((check) => missing.has(`${check.kind}:${check.id}`));
  if (first) throw notFound(first.field, first.id);
}

/** Whether the record a subject reference points at exists. A read: usable inside `liveQuery` and transactions. */
export async function subjectExists(ctx: StoreContext, ref: SubjectRef): Promise<boolean> {
  return (await refTable(ctx.db, ref.type).where(':id').equals(ref.id).count()) > 0;
}

// ── rows ────────────────────────────────────────────────────────────────────

/** An interaction as stored: with the multi-entry `participantKeys` index field. */
export type InteractionRow = Interaction & { participantKeys: string[] };

/** `type:id`, the key of a party in `participantKeys`. */
export function participantKey(ref: SubjectRef): string {
  return `${ref.type}:${ref.id}`;
}

/** The `participantKeys` of an interaction: its subject and every participant, once each. */
export function participantKeysOf(subject: SubjectRef, participants: readonly SubjectRef[]): string[] {
  return [...new Set([subject, ...participants].map(participantKey))];
}

/** The interaction without its index-only fields. */
export function toInteraction(row: InteractionRow): Interaction {
  const interaction: Interaction & { participantKeys?: string[] } = { ...row };
  delete interaction.participantKeys;
  return interaction;
}

/**
 * Moves every interaction of `from` (as subject or participant) to `to`, with
 * `participantKeys` kept in sync; e.g. a lead's history on conversion (A4).
 * Call inside a transaction that includes `interactions`. Returns how many moved.
 */
export async function reassignInteractions(ctx: StoreContext, from: SubjectRef, to: SubjectRef): Promise<number> {
  const rows = await ctx.db.interactions.where('participantKeys').equals(participantKey(from)).toArray();
  const updatedAt = ctx.now();
  const same = (ref: SubjectRef) => ref.type === from.type && ref.id === from.id;
  const moved = rows.map((row): InteractionRow => {
    const subject: SubjectRef = same({ type: row.subjectType, id: row.subjectId }) ? to : { type: row.subjectType, id: row.subjectId };
    const participants = dedupeRefs(row.participants.map((ref) => (same(ref) ? to : ref)));
    return {
      ...row,
      subjectType: subject.type,
      subjectId: subject.id,
      participants,
      participantKeys: participantKeysOf(subject, participants),
      updatedAt,
    };
  });
  await ctx.db.interactions.bulkPut(moved);
  return moved.length;
}

function dedupeRefs(refs: readonly SubjectRef[]): SubjectRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = participantKey(ref);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Newest first; ties by creation, then id, so pages are stable. */
function newestFirst(a: Interaction, b: Interaction): number {
  return b.at - a.at || b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

// ── inputs ──────────────────────────────────────────────────────────────────

export const interactionKinds = ['meeting', 'call', 'sms', 'email', 'messenger', 'appointment', 'other'] as const satisfies readonly InteractionKind[];
export const interactionDirections = ['incoming', 'outgoing', 'none'] as const satisfies readonly InteractionDirection[];

/** What `register` takes. */
export interface RegisterInteractionInput {
  kind: InteractionKind;
  /** `none` when not given (a meeting). */
  direction?: InteractionDirection;
  /** `done` when not given. */
  status?: 'planned' | 'done';
  /** When it happened or is planned for; now when not given. */
  at?: Instant;
  /** A short summary, up to 200 characters. */
  subject: string;
  /** Up to 20 000 characters. */
  body?: string;
  /**
   * The main party (lead, counterparty, contact) or the deal / claim it is about; must exist.
   * Omit it for an unknown party (A7): `from` is then required and the subject is `{ type: 'unknown', id: from }`.
   */
  subjectRef?: SubjectRef;
  /** Everyone else involved; each must exist. */
  participants?: SubjectRef[];
  dealId?: Id;
  claimId?: Id;
  proposalId?: Id;
  /** Acquisition source (A4, H1). */
  sourceId?: Id;
  /** The user who registered it. */
  authorId?: Id;
  /** Only for planned ones: when to remind (creates a reminder). */
  remindAt?: Instant;
  /**
   * Whether it is handled already (B2). When not given: an incoming done
   * interaction is unprocessed, everything else processed.
   */
  processed?: boolean;
  /** Phone (any common writing, stored E.164) or e-mail of an unknown party (A7). */
  from?: string;
}

/** What `complete` takes. */
export interface CompleteInteractionInput {
  /** When it happened; the planned time if that has passed, else now. */
  at?: Instant;
  /** The outcome; replaces the body when given. */
  body?: string;
}

/** What `reschedule` takes. */
export interface RescheduleInteractionInput {
  at: Instant;
  /**
   * The new reminder time; `null` removes the reminder; when not given an
   * existing reminder keeps its distance to `at`.
   */
  remindAt?: Instant | null;
}

/** What `update` takes: only the fields to change. An empty `body` clears it. */
export interface UpdateInteractionInput {
  subject?: string;
  body?: string;
  kind?: InteractionKind;
  direction?: InteractionDirection;
}

/** Filters of `timeline`. */
export interface TimelineOptions {
  kinds?: InteractionKind[];
  direction?: InteractionDirection;
  status?: InteractionStatus;
  /** Only those before this instant (for the next page). */
  before?: Instant;
  /** At most this many (all when not given). */
  limit?: number;
}

/** Filters and page of `list`. */
export interface InteractionListOptions {
  kinds?: InteractionKind[];
  direction?: InteractionDirection;
  status?: InteractionStatus;
  authorId?: Id;
  /** `at ≥ from`. */
  from?: Instant;
  /** `at < to`. */
  to?: Instant;
  /** 50 when not given. */
  limit?: number;
  offset?: number;
  /**
   * Count every match into `total` (the default). `false` leaves the count
   * out, for a virtualized list that reads window after window and counts
   * once, apart (`count`): on a large log the count costs more than a window.
   */
  total?: boolean;
}

/** Filters of `count`: those of `list` without its page. */
export type InteractionCountOptions = Omit<InteractionListOptions, 'limit' | 'offset' | 'total'>;

/** Filters and page of `unprocessedPage`. */
export interface UnprocessedPageOptions {
  kinds?: InteractionKind[];
  direction?: InteractionDirection;
  status?: InteractionStatus;
  /** 50 when not given. */
  limit?: number;
  offset?: number;
  /** Count every match into `total` (the default); `false` leaves the count out (see `InteractionListOptions.total`). */
  total?: boolean;
}

/** Filters of `unprocessedCount`: those of `unprocessedPage` without its page. */
export type UnprocessedCountOptions = Omit<UnprocessedPageOptions, 'limit' | 'offset' | 'total'>;

/** A page of interactions and the count of all that match. */
export interface InteractionPage {
  items: Interaction[];
  total: number;
}

/** A page of interactions read with `total: false`: no count. */
export type InteractionWindow = Pick<InteractionPage, 'items'>;

const bodyText = optionalText(20_000);

/** A phone becomes E.164, an e-mail lower case. */
const fromAddress = v.pipe(
  v.string('error.invalid'),
  v.trim(),
  v.maxLength(254, 'error.tooLong'),
  v.transform((value) => {
    if (value.includes('@')) return v.is(emailSchema, value) ? value.toLowerCase() : '\u0000email';
    return normalizePhone(value) ?? '\u0000phone';
  }),
  v.check((value) => value !== '\u0000email', 'error.email'),
  v.check((value) => value !== '\u0000phone', 'error.phone'),
);

const registerSchema = v.pipe(
  v.object({
    kind: v.picklist(interactionKinds, 'error.invalid'),
    direction: v.optional(v.picklist(interactionDirections, 'error.invalid'), 'none'),
    status: v.optional(v.picklist(['planned', 'done'], 'error.invalid'), 'done'),
    at: v.optional(instant),
    subject: requiredText(200),
    body: bodyText,
    /** Omitted for an unknown party: then `from` is required and the subject is `{ type: 'unknown', id: from }`. */
    subjectRef: v.optional(subjectRefSchema),
    participants: v.optional(v.array(subjectRefSchema, 'error.invalid'), []),
    dealId: optionalId,
    claimId: optionalId,
    proposalId: optionalId,
    sourceId: optionalId,
    authorId: optionalId,
    remindAt: v.optional(instant),
    processed: v.optional(v.boolean('error.invalid')),
    from: v.optional(fromAddress),
  }),
  v.forward(
    v.check((input) => input.remindAt === undefined || input.status === 'planned', 'error.invalid'),
    ['remindAt'],
  ),
  v.forward(
    v.check((input) => input.subjectRef !== undefined || input.from !== undefined, 'error.required'),
    ['subjectRef'],
  ),
  v.transform(({ subjectRef, ...input }) => ({
    ...input,
    subjectRef: subjectRef ?? { type: 'unknown' as const, id: input.from! },
  })),
);

const completeSchema = v.optional(v.object({ at: v.optional(instant), body: bodyText }), {});

const rescheduleSchema = v.object({ at: instant, remindAt: v.optional(v.nullable(instant)) });

const updateSchema = v.object({
  subject: v.optional(requiredText(200)),
  body: bodyText,
  kind: v.optional(v.picklist(interactionKinds, 'error.invalid')),
  direction: v.optional(v.picklist(interactionDirections, 'error.invalid')),
});

const count = v.pipe(v.number('error.invalid'), v.integer('error.invalid'), v.minValue(0, 'error.invalid'));

const filterFields = {
  kinds: v.optional(v.array(v.picklist(interactionKinds, 'error.invalid'))),
  direction: v.optional(v.picklist(interactionDirections, 'error.invalid')),
  status: v.optional(v.picklist(['planned', 'done', 'cancelled'], 'error.invalid')),
};

const timelineSchema = v.optional(v.object({ ...filterFields, before: v.optional(v.number('error.date')), limit: v.optional(count) }), {});

const pageFields = { limit: v.optional(count, 50), offset: v.optional(count, 0), total: v.optional(v.boolean('error.invalid'), true) };

const listFields = {
  ...filterFields,
  authorId: optionalId,
  from: v.optional(v.number('error.date')),
  to: v.optional(v.number('error.date')),
};

const listSchema = v.optional(v.object({ ...listFields, ...pageFields }), {});
const countSchema = v.optional(v.object(listFields), {});

type Filters = v.InferOutput<typeof listSchema>;

const unprocessedPageSchema = v.optional(v.object({ ...filterFields, ...pageFields }), {});
const unprocessedCountSchema = v.optional(v.object(filterFields), {});

function matcher(filters: Partial<Filters>): ((row: Interaction) => boolean) | undefined {
  const { kinds, direction, status, authorId } = filters;
  if (!kinds && !direction && !status && !authorId) return undefined;
  const kindSet = kinds ? new Set<InteractionKind>(kinds) : undefined;
  return (row) =>
    (!kindSet || kindSet.has(row.kind)) &&
    (!direction || row.direction === direction) &&
    (!status || row.status === status) &&
    (!authorId || row.authorId === authorId);
}

// ── repository ──────────────────────────────────────────────────────────────

/** Registers, plans, completes and reads interactions (B1–B4). */
export interface InteractionsRepository {
  /**
   * Registers one interaction, planned or done; a planned one with `remindAt`
   * gets a reminder (`targetType: 'interaction'`) in the same transaction.
   * Refuses: bad input (`VALIDATION` naming the field, e.g. `subject`,
   * `kind`, `from`; `remindAt` on a done interaction); a subject, participant,
   * deal, claim, proposal, source or author that does not exist (`NOT_FOUND`,
   * field `subjectRef.id`, `participants.1.id`, `dealId`…).
   * Transaction: `interactions`, the tables of the referenced records and,
   * with `remindAt`, `reminders`.
   */
  register(input: RegisterInteractionInput): Promise<Interaction>;
  /**
   * Registers a burst of interactions in one transaction (imports, sample data,
   * benchmarks). All or nothing; fields in errors are prefixed with the index
   * (`3.subjectRef.id`).
   */
  registerMany(inputs: RegisterInteractionInput[]): Promise<Interaction[]>;
  /**
   * Marks a planned interaction done; its pending reminder becomes `done`.
   * Refuses: unknown id (`NOT_FOUND`, field `id`); not planned
   * (`INVALID_STATE`, field `status`); bad input (`VALIDATION`).
   */
  complete(id: Id, input?: CompleteInteractionInput): Promise<Interaction>;
  /**
   * Moves a planned interaction to another time; its reminder moves too.
   * Refuses: unknown id (`NOT_FOUND`); not planned (`INVALID_STATE`, field
   * `status`); bad instant (`VALIDATION`, field `at` / `remindAt`).
   */
  reschedule(id: Id, input: RescheduleInteractionInput): Promise<Interaction>;
  /**
   * Cancels a planned interaction: status `cancelled`, processed, its pending
   * reminder dismissed. Refuses: unknown id (`NOT_FOUND`); not planned (`INVALID_STATE`).
   */
  cancel(id: Id): Promise<Interaction>;
  /** Marks an interaction handled (B2); idempotent. Refuses an unknown id (`NOT_FOUND`). */
  markProcessed(id: Id): Promise<Interaction>;
  /**
   * Changes subject, body, kind or direction (pending reminder text follows the
   * subject). Refuses: unknown id (`NOT_FOUND`); bad input (`VALIDATION`).
   */
  update(id: Id, patch: UpdateInteractionInput): Promise<Interaction>;

  /** One interaction, or `undefined`. Usable inside `liveQuery`. */
  get(id: Id): Promise<Interaction | undefined>;
  /**
   * B4: everything a party (lead, counterparty, contact…) is the subject of or
   * takes part in, plus, for a deal, claim or proposal, everything linked to
   * it by `dealId` / `claimId` / `proposalId`; newest first. Usable inside `liveQuery`.
   */
  timeline(ref: SubjectRef, options?: TimelineOptions): Promise<Interaction[]>;
  /**
   * Every interaction matching the filters, newest first, one page, with the
   * total over all that match (left out with `total: false`). Usable inside `liveQuery`.
   */
  list(options?: InteractionListOptions & { total?: true }): Promise<InteractionPage>;
  /** One page of `list` without the total (`total: false`): the caller counts apart (`count`). Usable inside `liveQuery`. */
  list(options: InteractionListOptions & { total: false }): Promise<InteractionWindow>;
  /** One page of `list`, with the total unless `total` is false. Usable inside `liveQuery`. */
  list(options: InteractionListOptions): Promise<InteractionPage | InteractionWindow>;
  /** How many interactions match the filters, over all of them (`list`'s `total`). Usable inside `liveQuery`. */
  count(options?: InteractionCountOptions): Promise<number>;
  /** Planned interactions with `from ≤ at < to`, earliest first: today's agenda (C3). Usable inside `liveQuery`. */
  agenda(from: Instant, to: Instant, options?: { authorId?: Id }): Promise<Interaction[]>;
  /** B2: the unprocessed queue, newest first. Usable inside `liveQuery`. */
  unprocessed(options?: { limit?: number }): Promise<Interaction[]>;
  /** How many interactions are unprocessed (and match the filters), over all of them. Usable inside `liveQuery`. */
  unprocessedCount(options?: UnprocessedCountOptions): Promise<number>;
  /**
   * B2: one page of the unprocessed queue matching the filters, newest first,
   * with the total over all that match (left out with `total: false`; one
   * `[processed+at]` index read; for a virtualized queue). Usable inside `liveQuery`.
   */
  unprocessedPage(options?: UnprocessedPageOptions & { total?: true }): Promise<InteractionPage>;
  /** One page of the unprocessed queue without the total (`total: false`): the caller counts apart (`unprocessedCount`). Usable inside `liveQuery`. */
  unprocessedPage(options: UnprocessedPageOptions & { total: false }): Promise<InteractionWindow>;
  /** One page of the unprocessed queue, with the total unless `total` is false. Usable inside `liveQuery`. */
  unprocessedPage(options: UnprocessedPageOptions): Promise<InteractionPage | InteractionWindow>;
  /** Planned interactions whose time has passed (`at < now`), newest first. Usable inside `liveQuery`. */
  overdue(now: Instant): Promise<Interaction[]>;
  /**
   * For cards: the latest done interaction at or before `now` and the earliest
   * planned one (overdue included) of a party, deal or claim. Usable inside `liveQuery`.
   */
  lastAndNext(ref: SubjectRef, now: Instant): Promise<{ last?: Interaction; next?: Interaction }>;
}

type ParsedRegister = v.InferOutput<typeof registerSchema>;

function refChecksOf(input: ParsedRegister, prefix: string): RefCheck[] {
  const checks: RefCheck[] =
    input.subjectRef.type === 'unknown' ? [] : [{ field: `${prefix}subjectRef.id`, kind: input.subjectRef.type, id: input.subjectRef.id }];
  input.participants.forEach((ref, index) => checks.push({ field: `${prefix}participants.${index}.id`, kind: ref.type, id: ref.id }));
  if (input.dealId !== undefined) checks.push({ field: `${prefix}dealId`, kind: 'deal', id: input.dealId });
  if (input.claimId !== undefined) checks.push({ field: `${prefix}claimId`, kind: 'claim', id: input.claimId });
  if (input.proposalId !== undefined) checks.push({ field: `${prefix}proposalId`, kind: 'proposal', id: input.proposalId });
  if (input.sourceId !== undefined) checks.push({ field: `${prefix}sourceId`, kind: 'source', id: input.sourceId });
  if (input.authorId !== undefined) checks.push({ field: `${prefix}authorId`, kind: 'user', id: input.authorId });
  return checks;
}

export function createInteractionsRepository(ctx: StoreContext, _store: CrmStore): InteractionsRepository {
  const { db } = ctx;

  function buildRow(input: ParsedRegister, now: Instant): InteractionRow {
    const participants = dedupeRefs(input.participants);
    const optional = {
      body: input.body,
      dealId: input.dealId,
      claimId: input.claimId,
      proposalId: input.proposalId,
      sourceId: input.sourceId,
      authorId: input.authorId,
      remindAt: input.remindAt,
      from: input.from,
    };
    const processed = input.processed ?? !(input.status === 'done' && input.direction === 'incoming');
    return {
      id: ctx.newId(),
      kind: input.kind,
      direction: input.direction,
      status: input.status,
      at: input.at ?? now,
      subject: input.subject,
      subjectType: input.subjectRef.type,
      subjectId: input.subjectRef.id,
      participants,
      processed: flag(processed),
      ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
      participantKeys: participantKeysOf(input.subjectRef, participants),
      createdAt: now,
      updatedAt: now,
    };
  }

  async function registerParsed(inputs: ParsedRegister[], prefix: (index: number) => string): Promise<Interaction[]> {
    const checks = inputs.flatMap((input, index) => refChecksOf(input, prefix(index)));
    const withReminder = inputs.some((input) => input.remindAt !== undefined);
    const tables = [db.interactions, ...(withReminder ? [db.reminders] : []), ...refTables(db, checks)];
    return ctx.write(tables, async () => {
      await assertRefsExist(ctx, checks);
      const now = ctx.now();
      const rows = inputs.map((input) => buildRow(input, now));
      const reminders = rows
        .filter((row) => row.remindAt !== undefined)
        .map((row) => newReminder(ctx, 'interaction', row.id, { dueAt: row.remindAt!, text: row.subject, userId: row.authorId }));
      await db.interactions.bulkAdd(rows);
      if (reminders.length) await db.reminders.bulkAdd(reminders);
      return rows.map(toInteraction);
    });
  }

  /** Reads the row inside a transaction, or throws `NOT_FOUND`; with `planned`, `INVALID_STATE` unless planned. */
  async function load(key: Id, planned: boolean): Promise<InteractionRow> {
    const row = await db.interactions.get(key);
    if (!row) throw notFound('id', key);
    if (planned && row.status !== 'planned') throw new CrmError('INVALID_STATE', 'error.invalidTransition', { field: 'status' });
    return row;
  }

  async function save(row: InteractionRow): Promise<Interaction> {
    await db.interactions.put(row);
    return toInteraction(row);
  }

  /** The interactions `listRange` or `queueRange` reads: an index range (oldest first) and the filters it leaves to a scan. */
  interface Scan {
    range: () => ReturnType<CrmDatabase['interactions']['toCollection']>;
    match: ((row: Interaction) => boolean) | undefined;
    /** The range holds every interaction. */
    whole: boolean;
  }

  function listRange({ from, to, ...filters }: Omit<Filters, 'limit' | 'offset' | 'total'>): Scan {
    return {
      range: () => db.interactions.where('at').between(from ?? Dexie.minKey, to ?? Dexie.maxKey, true, false),
      match: matcher(filters),
      whole: from === undefined && to === undefined,
    };
  }

  function queueRange(filters: Partial<Filters>): Scan {
    return { range: () => db.interactions.where('[processed+at]').between([0, Dexie.minKey], [0, Dexie.maxKey]), match: matcher(filters), whole: false };
  }

  /**
   * How many rows a scan matches. Every interaction: the table's own count,
   * several times faster than counting an index (on disk, Chromium checks each
   * index entry against its record: ≈ 0.1 s against 0.9 s at 100 000).
   */
  function countOf({ range, match, whole }: Scan): Promise<number> {
    if (match) return range().filter(match).count();
    return whole ? db.interactions.count() : range().count();
  }

  /** One page of a scan, newest first, and its count unless `total` is false (both read at once). */
  async function pageOf(scan: Scan, { limit, offset, total }: { limit: number; offset: number; total: boolean }): Promise<InteractionPage | InteractionWindow> {
    const newestFirst = scan.match ? scan.range().reverse().filter(scan.match) : scan.range().reverse();
    const [rows, count] = await Promise.all([newestFirst.offset(offset).limit(limit).toArray(), total ? countOf(scan) : undefined]);
    const items = rows.map(toInteraction);
    return count === undefined ? { items } : { items, total: count };
  }

  /** Rows of a party, deal, claim or proposal, unsorted, once each. */
  async function rowsOf(ref: SubjectRef): Promise<InteractionRow[]> {
    const reads = [db.interactions.where('participantKeys').equals(participantKey(ref)).toArray()];
    if (ref.type === 'deal') reads.push(db.interactions.where('dealId').equals(ref.id).toArray());
    if (ref.type === 'claim') reads.push(db.interactions.where('claimId').equals(ref.id).toArray());
    if (ref.type === 'proposal') reads.push(db.interactions.where('proposalId').equals(ref.id).toArray());
    const lists = await Promise.all(reads);
    if (lists.length === 1) return lists[0]!;
    const byId = new Map<Id, InteractionRow>();
    for (const row of lists.flat()) byId.set(row.id, row);
    return [...byId.values()];
  }

  return {
    async register(input) {
      const parsed = parseInput(registerSchema, input);
      const [written] = await registerParsed([parsed], () => '');
      return written!;
    },

    async registerMany(inputs) {
      const list = parseInput(v.array(v.unknown(), 'error.invalid'), inputs, 'inputs');
      const parsed = list.map((input, index) => parseInput(registerSchema, input, String(index)));
      if (!parsed.length) return [];
      return registerParsed(parsed, (index) => `${index}.`);
    },

    async complete(interactionId, input) {
      const key = parseInput(idSchema, interactionId, 'id');
      const { at, body } = parseInput(completeSchema, input);
      return ctx.write([db.interactions, db.reminders], async () => {
        const row = await load(key, true);
        const now = ctx.now();
        const next: InteractionRow = { ...row, status: 'done', at: at ?? Math.min(row.at, now), updatedAt: now };
        if (body !== undefined) next.body = body;
        await closeTargetReminders(ctx, 'interaction', key, 'done');
        return save(next);
      });
    },

    async reschedule(interactionId, input) {
      const key = parseInput(idSchema, interactionId, 'id');
      const { at, remindAt } = parseInput(rescheduleSchema, input);
      return ctx.write([db.interactions, db.reminders], async () => {
        const row = await load(key, true);
        const nextRemindAt =
          remindAt === null ? undefined : (remindAt ?? (row.remindAt !== undefined ? Math.max(0, row.remindAt + (at - row.at)) : undefined));
        const next: InteractionRow = { ...row, at, updatedAt: ctx.now() };
        if (nextRemindAt === undefined) delete next.remindAt;
        else next.remindAt = nextRemindAt;
        await setTargetReminder(ctx, 'interaction', key, { dueAt: nextRemindAt, text: row.subject, userId: row.authorId });
        return save(next);
      });
    },

    async cancel(interactionId) {
      const key = parseInput(idSchema, interactionId, 'id');
      return ctx.write([db.interactions, db.reminders], async () => {
        const row = await load(key, true);
        await closeTargetReminders(ctx, 'interaction', key, 'dismissed');
        return save({ ...row, status: 'cancelled', processed: 1, updatedAt: ctx.now() });
      });
    },

    async markProcessed(interactionId) {
      const key = parseInput(idSchema, interactionId, 'id');
      return ctx.write([db.interactions], async () => {
        const row = await load(key, false);
        if (row.processed === 1) return toInteraction(row);
        return save({ ...row, processed: 1, updatedAt: ctx.now() });
      });
    },

    async update(interactionId, patch) {
      const key = parseInput(idSchema, interactionId, 'id');
      const parsed = parseInput(updateSchema, patch);
      const clearsBody = typeof patch === 'object' && patch !== null && Object.hasOwn(patch, 'body') && parsed.body === undefined;
      return ctx.write([db.interactions, db.reminders], async () => {
        const row = await load(key, false);
        const { body: oldBody, ...rest } = row;
        const body = clearsBody ? undefined : (parsed.body ?? oldBody);
        const next: InteractionRow = {
          ...rest,
          subject: parsed.subject ?? row.subject,
          kind: parsed.kind ?? row.kind,
          direction: parsed.direction ?? row.direction,
          ...(body !== undefined ? { body } : {}),
          updatedAt: ctx.now(),
        };
        if (next.subject !== row.subject) await retextTargetReminders(ctx, 'interaction', key, next.subject);
        return save(next);
      });
    },

    async get(interactionId) {
      const row = await db.interactions.get(interactionId);
      return row && toInteraction(row);
    },

    async timeline(ref, options) {
      const subject = parseInput(subjectRefSchema, ref, 'ref');
      const { before, limit, ...filters } = parseInput(timelineSchema, options);
      const match = matcher(filters);
      const rows = (await rowsOf(subject)).filter((row) => (before === undefined || row.at < before) && (!match || match(row)));
      rows.sort(newestFirst);
      return (limit === undefined ? rows : rows.slice(0, limit)).map(toInteraction);
    },

    list: (async (options?: InteractionListOptions) => {
      const { limit, offset, total, ...filters } = parseInput(listSchema, options);
      return pageOf(listRange(filters), { limit, offset, total });
    }) as InteractionsRepository['list'],

    count: async (options) => countOf(listRange(parseInput(countSchema, options))),

    async agenda(from, to, options) {
      const authorId = options?.authorId;
      if (!(to > from)) return [];
      const rows = await db.interactions
        .where('at')
        .between(from, to, true, false)
        .filter((row) => row.status === 'planned' && (authorId === undefined || row.authorId === authorId))
        .toArray();
      return rows.map(toInteraction);
    },

    async unprocessed(options) {
      const { limit } = parseInput(v.optional(v.object({ limit: v.optional(count, 50) }), {}), options);
      const rows = await db.interactions
        .where('[processed+at]')
        .between([0, Dexie.minKey], [0, Dexie.maxKey])
        .reverse()
        .limit(limit)
        .toArray();
      return rows.map(toInteraction);
    },

    unprocessedCount: async (options) => countOf(queueRange(parseInput(unprocessedCountSchema, options))),

    unprocessedPage: (async (options?: UnprocessedPageOptions) => {
      const { limit, offset, total, ...filters } = parseInput(unprocessedPageSchema, options);
      return pageOf(queueRange(filters), { limit, offset, total });
    }) as InteractionsRepository['unprocessedPage'],

    async overdue(now) {
      const rows = await db.interactions
        .where('status')
        .equals('planned')
        .filter((row) => row.at < now)
        .toArray();
      return rows.sort(newestFirst).map(toInteraction);
    },

    async lastAndNext(ref, now) {
      const subject = parseInput(subjectRefSchema, ref, 'ref');
      let last: InteractionRow | undefined;
      let next: InteractionRow | undefined;
      for (const row of await rowsOf(subject)) {
        if (row.status === 'done' && row.at <= now && (!last || newestFirst(row, last) < 0)) last = row;
        if (row.status === 'planned' && (!next || newestFirst(row, next) > 0)) next = row;
      }
      return { ...(last ? { last: toInteraction(last) } : {}), ...(next ? { next: toInteraction(next) } : {}) };
    },
  };
}

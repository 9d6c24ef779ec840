/**
 * D2–D3 deals: a client's (counterparty's or lead's) opportunity moving
 * through the stages of a pipeline. Every stage entered, every close and
 * every reopening appends a `DealStageChange`, so the funnel and cycle-time
 * reports read the history, and the last history entry always names the
 * deal's current stage and status.
 */
import { Dexie } from 'dexie';
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import type { DealStageTotals } from './database.js';
import { CrmError, notFound } from './errors.js';
import type { Money } from './money.js';
import type { CrmStore } from './store.js';
import { participantKey } from './interactions.js';
import type { ClientRef, Deal, DealStageChange, DealStatus, Id, Instant, InteractionKind, Stage } from './types.js';
import { calendarDate, id, instant, money, optionalId, optionalText, parseInput, percent, requiredText } from './validation.js';

const clientSchema = v.object(
  {
    type: v.picklist(['counterparty', 'lead'], 'error.invalid'),
    id,
  },
  'error.required',
);

const createSchema = v.object({
  title: requiredText(200),
  pipelineId: id,
  stageId: optionalId,
  amount: v.optional(money, () => ({ minor: 0, currency: 'UAH' })),
  client: clientSchema,
  managerId: optionalId,
  sourceId: optionalId,
  expectedCloseDate: v.optional(calendarDate),
  probability: v.optional(percent),
  interactionId: optionalId,
});

const updateSchema = v.object({
  title: v.optional(requiredText(200)),
  amount: v.optional(money),
  managerId: v.nullish(id),
  sourceId: v.nullish(id),
  expectedCloseDate: v.nullish(calendarDate),
  probability: v.nullish(percent),
});

const byUserSchema = v.object({ userId: optionalId });

const loseSchema = v.object({
  reasonId: v.pipe(v.optional(v.string('error.lostReasonRequired'), ''), v.trim(), v.nonEmpty('error.lostReasonRequired')),
  comment: optionalText(2000),
  userId: optionalId,
});

const boardSchema = v.object({
  perStage: v.optional(v.pipe(v.number('error.invalid'), v.integer('error.invalid'), v.minValue(0, 'error.invalid')), 50),
  managerId: optionalId,
  sourceId: optionalId,
  from: v.optional(instant),
  to: v.optional(instant),
  status: v.optional(v.picklist(['open', 'won', 'lost', 'all'], 'error.invalid'), 'open'),
});

const listSchema = v.object({
  pipelineId: optionalId,
  managerId: optionalId,
  status: v.optional(v.picklist(['open', 'won', 'lost'], 'error.invalid')),
  offset: v.optional(v.pipe(v.number('error.invalid'), v.integer('error.invalid'), v.minValue(0, 'error.invalid')), 0),
  limit: v.optional(v.pipe(v.number('error.invalid'), v.integer('error.invalid'), v.minValue(0, 'error.invalid')), 50),
});

export interface CreateDealInput {
  title: string;
  pipelineId: Id;
  /** A stage of that pipeline; its first stage when omitted. */
  stageId?: Id;
  /** `{ minor: 0, currency: 'UAH' }` when omitted; currency UAH when only `minor` is given. */
  amount?: { minor: number; currency?: string };
  /** An existing counterparty or lead. */
  client: ClientRef;
  managerId?: Id;
  sourceId?: Id;
  expectedCloseDate?: string;
  /** Win probability, 0–100. */
  probability?: number;
  /** The interaction the deal was created from (D2). */
  interactionId?: Id;
}

/** Fields `update` changes; `null` clears an optional field, `undefined` leaves it. */
export interface UpdateDealPatch {
  title?: string;
  amount?: { minor: number; currency?: string };
  managerId?: Id | null;
  sourceId?: Id | null;
  expectedCloseDate?: string | null;
  probability?: number | null;
}

export interface LoseDealInput {
  /** A lost reason (`store.lostReasons`); required. */
  reasonId: Id;
  comment?: string;
  userId?: Id;
}

/** Which deals a board or its totals count. */
export interface BoardFilter {
  managerId?: Id;
  sourceId?: Id;
  /** Deals created at or after this instant. */
  from?: Instant;
  /** Deals created at or before this instant. */
  to?: Instant;
  /** `'open'` by default; `'all'` counts every status. */
  status?: DealStatus | 'all';
}

export interface BoardOptions extends BoardFilter {
  /** How many deals each column returns (most recently updated first); 50 by default. */
  perStage?: number;
}

/** Sums of amounts by currency code, in minor units. */
export type SumsByCurrency = Record<string, number>;

export interface StageTotals {
  stage: Stage;
  /** Matching deals in the stage, all of them. */
  count: number;
  /** Their amounts by currency, all of them. */
  sums: SumsByCurrency;
}

export interface BoardColumn extends StageTotals {
  /** The first `perStage` matching deals, most recently updated first. */
  deals: Deal[];
}

export interface PipelineTotals {
  stages: StageTotals[];
  count: number;
  sums: SumsByCurrency;
}

export interface Board {
  stages: BoardColumn[];
  /** Over every column. */
  count: number;
  sums: SumsByCurrency;
}

export interface DealListOptions {
  pipelineId?: Id;
  managerId?: Id;
  status?: DealStatus;
  offset?: number;
  /** 50 by default. */
  limit?: number;
}

/** A deal's next step: the earliest planned interaction about it, or its earliest open task. */
export interface NextActivity {
  /** A planned interaction (call, meeting…) or an open (`new`, `accepted`) task. */
  type: 'interaction' | 'task';
  id: Id;
  /** When it is planned for; a task's deadline. May be past (overdue). */
  at: Instant;
  /** The interaction's subject or the task's title. */
  title: string;
  /** The interaction's kind; tasks have none. */
  kind?: InteractionKind;
}

/** What the cards of a page of deals show beside each deal. */
export interface DealCardDetails {
  /** The name of each deal's client (counterparty or lead) that still exists, by client id. */
  clientNames: Record<Id, string>;
  /** The next activity of each deal that has one, by deal id. */
  nextActivities: Record<Id, NextActivity>;
}

/** Deals and their stage history (D2), the pipeline board (D3). */
export interface DealsRepository {
  /**
   * Creates an open deal in `stageId` (the pipeline's first stage by default)
   * and its first stage-history entry. Touches only `deals` and
   * `dealStageHistory` and reads `pipelines`, `stages`, `counterparties`,
   * `leads`, so `leads.convert` can call it inside its own transaction.
   * Refuses: bad input (`VALIDATION`: `title`, `amount.minor`, `client`,
   * `probability`, `expectedCloseDate`…); a missing pipeline, stage or client
   * (`NOT_FOUND`: `pipelineId`, `stageId`, `client.id`); a stage of another
   * pipeline (`CONFLICT`, `stageId`, `error.stageNotInPipeline`).
   */
  create(input: CreateDealInput): Promise<Deal>;
  /** Changes title, amount, manager, source, expected close date or probability (`null` clears). `NOT_FOUND` (`dealId`), `VALIDATION`. */
  update(dealId: Id, patch: UpdateDealPatch): Promise<Deal>;
  /**
   * Moves an open deal to another stage of its pipeline, appending a history
   * entry and resetting `stageEnteredAt`; a move to its current stage changes
   * nothing. Refuses: a closed deal (`INVALID_STATE`, `dealId`,
   * `error.dealClosed`); a stage of another pipeline (`CONFLICT`, `stageId`,
   * `error.stageNotInPipeline`); a missing deal or stage (`NOT_FOUND`).
   */
  moveToStage(dealId: Id, stageId: Id, options?: { userId?: Id }): Promise<Deal>;
  /** Marks an open deal won (history entry, `closedAt`). `INVALID_STATE` (`error.dealClosed`) if closed; `NOT_FOUND`. */
  win(dealId: Id, options?: { userId?: Id }): Promise<Deal>;
  /**
   * Marks an open deal lost with a reason from `lostReasons` and an optional
   * comment. Refuses: no reason (`VALIDATION`, `reasonId`,
   * `error.lostReasonRequired`); an unknown reason (`NOT_FOUND`, `reasonId`);
   * a closed deal (`INVALID_STATE`, `error.dealClosed`).
   */
  lose(dealId: Id, input: LoseDealInput): Promise<Deal>;
  /** Opens a won or lost deal again in its stage (history entry). `INVALID_STATE` (`error.invalidTransition`) if open. */
  reopen(dealId: Id, options?: { userId?: Id }): Promise<Deal>;
  /** One deal, or `undefined`. Live-query safe. */
  get(dealId: Id): Promise<Deal | undefined>;
  /** The deal's stage history, oldest first. Live-query safe. */
  history(dealId: Id): Promise<DealStageChange[]>;
  /** A client's deals, newest first. Live-query safe. */
  byClient(client: ClientRef): Promise<Deal[]>;
  /**
   * The pipeline board: every stage in order with the count and per-currency
   * sums of ALL matching deals and the first `perStage` of them (most recently
   * updated first). Filtered by status only (the usual view), it reads no more
   * than it shows: the counts and sums come from the totals the database keeps
   * per stage and status (`dealStageTotals`), each column's deals from one
   * reverse, limited read of `[stageId+status+updatedAt]` — so its cost does not
   * grow with the pipeline. Filtered by manager, source or period, it reads the
   * pipeline's deals of that status once and loops. Live-query safe.
   */
  board(pipelineId: Id, options?: BoardOptions): Promise<Board>;
  /**
   * For a page of deals (a board's cards): their clients' names and each
   * deal's next activity — the earliest planned interaction about it (linked
   * by `dealId` or naming the deal as a party) or open task about it, overdue
   * ones included. A few bulk indexed reads, however many deals. Live-query safe.
   */
  cardDetails(deals: ReadonlyArray<Pick<Deal, 'id' | 'clientType' | 'clientId'>>): Promise<DealCardDetails>;
  /** The board's numbers without the deals (from the kept totals unless filtered by manager, source or period). Live-query safe. */
  totals(pipelineId: Id, filter?: BoardFilter): Promise<PipelineTotals>;
  /** A page of deals, most recently updated first. Live-query safe. */
  list(options?: DealListOptions): Promise<Deal[]>;
  /** How many deals `list` pages through. Live-query safe. */
  count(options?: Omit<DealListOptions, 'offset' | 'limit'>): Promise<number>;
  /**
   * Deals closed (won or lost, or only `status`) in `[from, to)`, oldest first,
   * optionally of one manager: for manager-efficiency and revenue reports.
   */
  closedBetween(from: Instant, to: Instant, options?: { managerId?: Id; status?: 'won' | 'lost' }): Promise<Deal[]>;
  /** A pipeline's stage-history entries in `[from, to)`, in order: for the funnel and cycle-time reports. */
  stageChangesBetween(pipelineId: Id, from: Instant, to: Instant): Promise<DealStageChange[]>;
}

/** How many entries the deal's stage history has: the `seq` of the next one. */
function historyLength(ctx: StoreContext, dealId: Id): Promise<number> {
  return ctx.db.dealStageHistory.where('dealId').equals(dealId).count();
}

/**
 * Appends a history entry for `deal` as it now is (its `stageId` and
 * `status`). For modules of the store that move deals (stage removal).
 * Call inside a transaction that includes `dealStageHistory`.
 */
export async function appendStageChange(
  ctx: StoreContext,
  deal: Deal,
  change: { fromStageId?: Id; userId?: Id | undefined; at: Instant; seq?: number },
): Promise<DealStageChange> {
  const seq = change.seq ?? (await historyLength(ctx, deal.id));
  const entry: DealStageChange = {
    id: ctx.newId(),
    dealId: deal.id,
    pipelineId: deal.pipelineId,
    stageId: deal.stageId,
    ...(change.fromStageId !== undefined ? { fromStageId: change.fromStageId } : {}),
    status: deal.status,
    at: change.at,
    ...(change.userId !== undefined ? { userId: change.userId } : {}),
    seq,
    createdAt: change.at,
    updatedAt: change.at,
  };
  await ctx.db.dealStageHistory.add(entry);
  return entry;
}

const periodSchema = v.pipe(
  v.object({ from: instant, to: instant }),
  v.forward(v.check(({ from, to }) => to > from, 'error.timeRange'), ['to']),
);
const closedSchema = v.object({ managerId: optionalId, status: v.optional(v.picklist(['won', 'lost'], 'error.invalid')) });

function addToSums(sums: SumsByCurrency, amount: Money): void {
  sums[amount.currency] = (sums[amount.currency] ?? 0) + amount.minor;
}

export function createDealsRepository(ctx: StoreContext, _store: CrmStore): DealsRepository {
  const { db } = ctx;

  async function requireDeal(dealId: Id): Promise<Deal> {
    const deal = await db.deals.get(dealId);
    if (!deal) throw notFound('dealId', dealId);
    return deal;
  }

  /** The manager, source and interaction a deal names must exist (`NOT_FOUND` naming the field). */
  async function requireReferences(refs: { managerId?: Id | undefined; sourceId?: Id | undefined; interactionId?: Id | undefined }) {
    if (refs.managerId !== undefined && !(await db.users.get(refs.managerId))) throw notFound('managerId', refs.managerId);
    if (refs.sourceId !== undefined && !(await db.sources.get(refs.sourceId))) throw notFound('sourceId', refs.sourceId);
    if (refs.interactionId !== undefined && !(await db.interactions.get(refs.interactionId)))
      throw notFound('interactionId', refs.interactionId);
  }

  function requireOpen(deal: Deal): void {
    if (deal.status !== 'open') throw new CrmError('INVALID_STATE', 'error.dealClosed', { field: 'dealId' });
  }

  /** The pipeline's stages in order. */
  function stagesOf(pipelineId: Id): Promise<Stage[]> {
    return db.stages.where('[pipelineId+order]').between([pipelineId, -Infinity], [pipelineId, Infinity]).toArray();
  }

  /** Whether a board names no filter beyond its status: then its numbers come from `dealStageTotals`. */
  function byStatusOnly(filter: v.InferOutput<typeof boardSchema>): boolean {
    return filter.managerId === undefined && filter.sourceId === undefined && filter.from === undefined && filter.to === undefined;
  }

  /** The totals the database keeps for the pipeline's stages, every status (a few rows). */
  function totalsRows(pipelineId: Id): Promise<DealStageTotals[]> {
    return db.dealStageTotals
      .where('[pipelineId+stageId+status]')
      .between([pipelineId, Dexie.minKey, Dexie.minKey], [pipelineId, Dexie.maxKey, Dexie.maxKey])
      .toArray();
  }

  /** The stages and their kept totals, read in one transaction. */
  function stagesAndTotals(pipelineId: Id): Promise<[Stage[], DealStageTotals[]]> {
    return db.transaction('r', [db.stages, db.dealStageTotals], () => Promise.all([stagesOf(pipelineId), totalsRows(pipelineId)]));
  }

  /**
   * Counts and sums by stage without reading a deal: from the totals the
   * database keeps per pipeline, stage and status (one range read of a few rows).
   */
  function stageTotals(stages: readonly Stage[], rows: readonly DealStageTotals[], status: BoardFilter['status']) {
    const groups = new Map(stages.map((stage) => [stage.id, { stage, count: 0, sums: {} as SumsByCurrency }]));
    const sums: SumsByCurrency = {};
    let count = 0;
    for (const row of rows) {
      if (status !== 'all' && row.status !== status) continue;
      const group = groups.get(row.stageId);
      if (!group) continue;
      group.count += row.count;
      count += row.count;
      for (const [currency, minor] of Object.entries(row.sums)) {
        group.sums[currency] = (group.sums[currency] ?? 0) + minor;
        sums[currency] = (sums[currency] ?? 0) + minor;
      }
    }
    return { groups: [...groups.values()], count, sums };
  }

  /** A column's first `limit` deals of `status` ('all': any), most recently updated first: one reverse, limited index read. */
  function newestOfStage(pipelineId: Id, stageId: Id, status: NonNullable<BoardFilter['status']>, limit: number): Promise<Deal[]> {
    if (limit === 0) return Promise.resolve([]);
    const range =
      status === 'all'
        ? db.deals.where('[pipelineId+stageId+updatedAt]').between([pipelineId, stageId, -Infinity], [pipelineId, stageId, Infinity])
        : db.deals.where('[stageId+status+updatedAt]').between([stageId, status, -Infinity], [stageId, status, Infinity]);
    return range.reverse().limit(limit).toArray();
  }

  /** Reads the pipeline's deals once and groups the matching ones by stage (filtered boards). */
  async function columns(pipelineId: Id, filter: v.InferOutput<typeof boardSchema>) {
    const [stages, deals] = await Promise.all([
      stagesOf(pipelineId),
      // Open deals only (the board's usual view) through [pipelineId+status]: closed ones pile up over the years.
      filter.status === 'all'
        ? db.deals.where('pipelineId').equals(pipelineId).toArray()
        : db.deals.where('[pipelineId+status]').equals([pipelineId, filter.status]).toArray(),
    ]);
    const groups = new Map(stages.map((stage) => [stage.id, { stage, count: 0, sums: {} as SumsByCurrency, deals: [] as Deal[] }]));
    const sums: SumsByCurrency = {};
    let count = 0;
    for (const deal of deals) {
      if (filter.status !== 'all' && deal.status !== filter.status) continue;
      if (filter.managerId !== undefined && deal.managerId !== filter.managerId) continue;
      if (filter.sourceId !== undefined && deal.sourceId !== filter.sourceId) continue;
      if (filter.from !== undefined && deal.createdAt < filter.from) continue;
      if (filter.to !== undefined && deal.createdAt > filter.to) continue;
      const group = groups.get(deal.stageId);
      if (!group) continue;
      group.count += 1;
      addToSums(group.sums, deal.amount);
      group.deals.push(deal);
      count += 1;
      addToSums(sums, deal.amount);
    }
    return { groups: [...groups.values()], count, sums };
  }

  return {
    async create(input) {
      const parsed = parseInput(createSchema, input);
      return ctx.write([db.deals, db.dealStageHistory, db.pipelines, db.stages, db.counterparties, db.leads, db.users, db.sources, db.interactions], async () => {
        await requireReferences(parsed);
        const pipeline = await db.pipelines.get(parsed.pipelineId);
        if (!pipeline) throw notFound('pipelineId', parsed.pipelineId);
        let stage: Stage | undefined;
        if (parsed.stageId !== undefined) {
          stage = await db.stages.get(parsed.stageId);
          if (!stage) throw notFound('stageId', parsed.stageId);
          if (stage.pipelineId !== pipeline.id) throw new CrmError('CONFLICT', 'error.stageNotInPipeline', { field: 'stageId' });
        } else {
          stage = await db.stages.where('[pipelineId+order]').between([pipeline.id, -Infinity], [pipeline.id, Infinity]).first();
          if (!stage) throw notFound('stageId', '');
        }
        const client =
          parsed.client.type === 'counterparty' ? await db.counterparties.get(parsed.client.id) : await db.leads.get(parsed.client.id);
        if (!client) throw notFound('client.id', parsed.client.id);
        const now = ctx.now();
        const deal: Deal = {
          id: ctx.newId(),
          title: parsed.title,
          pipelineId: pipeline.id,
          stageId: stage.id,
          status: 'open',
          amount: parsed.amount,
          clientType: parsed.client.type,
          clientId: parsed.client.id,
          stageEnteredAt: now,
          createdAt: now,
          updatedAt: now,
        };
        if (parsed.probability !== undefined) deal.probability = parsed.probability;
        if (parsed.managerId !== undefined) deal.managerId = parsed.managerId;
        if (parsed.sourceId !== undefined) deal.sourceId = parsed.sourceId;
        if (parsed.expectedCloseDate !== undefined) deal.expectedCloseDate = parsed.expectedCloseDate;
        if (parsed.interactionId !== undefined) deal.interactionId = parsed.interactionId;
        await db.deals.add(deal);
        await appendStageChange(ctx, deal, { at: now });
        return deal;
      });
    },

    async update(dealId, patch) {
      const parsed = parseInput(updateSchema, patch);
      return ctx.write([db.deals, db.users, db.sources], async () => {
        const deal = await requireDeal(dealId);
        await requireReferences({ managerId: parsed.managerId ?? undefined, sourceId: parsed.sourceId ?? undefined });
        const updated: Deal = { ...deal, updatedAt: ctx.now() };
        if (parsed.title !== undefined) updated.title = parsed.title;
        if (parsed.amount !== undefined) updated.amount = parsed.amount;
        for (const key of ['managerId', 'sourceId', 'expectedCloseDate', 'probability'] as const) {
          const value = parsed[key];
          if (value === null) delete updated[key];
          else if (value !== undefined) Object.assign(updated, { [key]: value });
        }
        await db.deals.put(updated);
        return updated;
      });
    },

    async moveToStage(dealId, stageId, options = {}) {
      const { userId } = parseInput(byUserSchema, options);
      parseInput(id, stageId, 'stageId');
      return ctx.write([db.deals, db.stages, db.dealStageHistory], async () => {
        // The hot path of a board drag: the reads go out together, then both writes (one round trip each).
        const [deal, stage, seq] = await Promise.all([
          typeof dealId === 'string' && dealId ? db.deals.get(dealId) : undefined,
          db.stages.get(stageId),
          typeof dealId === 'string' && dealId ? historyLength(ctx, dealId) : 0,
        ]);
        if (!deal) throw notFound('dealId', String(dealId));
        if (!stage) throw notFound('stageId', stageId);
        if (stage.pipelineId !== deal.pipelineId) throw new CrmError('CONFLICT', 'error.stageNotInPipeline', { field: 'stageId' });
        requireOpen(deal);
        if (deal.stageId === stageId) return deal;
        const now = ctx.now();
        const moved: Deal = { ...deal, stageId, stageEnteredAt: now, updatedAt: now };
        await Promise.all([db.deals.put(moved), appendStageChange(ctx, moved, { fromStageId: deal.stageId, userId, at: now, seq })]);
        return moved;
      });
    },

    async win(dealId, options = {}) {
      const { userId } = parseInput(byUserSchema, options);
      return ctx.write([db.deals, db.dealStageHistory], async () => {
        const deal = await requireDeal(dealId);
        requireOpen(deal);
        const now = ctx.now();
        const won: Deal = { ...deal, status: 'won', closedAt: now, updatedAt: now };
        await db.deals.put(won);
        await appendStageChange(ctx, won, { fromStageId: deal.stageId, userId, at: now });
        return won;
      });
    },

    async lose(dealId, input) {
      const parsed = parseInput(loseSchema, input ?? {});
      return ctx.write([db.deals, db.dealStageHistory, db.lostReasons], async () => {
        const deal = await requireDeal(dealId);
        const reason = await db.lostReasons.get(parsed.reasonId);
        if (!reason) throw notFound('reasonId', parsed.reasonId);
        requireOpen(deal);
        const now = ctx.now();
        const lost: Deal = { ...deal, status: 'lost', closedAt: now, lostReasonId: reason.id, updatedAt: now };
        if (parsed.comment !== undefined) lost.lostComment = parsed.comment;
        else delete lost.lostComment;
        await db.deals.put(lost);
        await appendStageChange(ctx, lost, { fromStageId: deal.stageId, userId: parsed.userId, at: now });
        return lost;
      });
    },

    async reopen(dealId, options = {}) {
      const { userId } = parseInput(byUserSchema, options);
      return ctx.write([db.deals, db.dealStageHistory], async () => {
        const deal = await requireDeal(dealId);
        if (deal.status === 'open') throw new CrmError('INVALID_STATE', 'error.invalidTransition', { field: 'dealId' });
        const now = ctx.now();
        const reopened: Deal = { ...deal, status: 'open', updatedAt: now };
        delete reopened.closedAt;
        delete reopened.lostReasonId;
        delete reopened.lostComment;
        await db.deals.put(reopened);
        await appendStageChange(ctx, reopened, { fromStageId: deal.stageId, userId, at: now });
        return reopened;
      });
    },

    get: (dealId) => db.deals.get(dealId),

    async history(dealId) {
      const entries = await db.dealStageHistory.where('[dealId+at]').between([dealId, -Infinity], [dealId, Infinity]).toArray();
      return entries.sort((a, b) => a.at - b.at || (a.seq ?? 0) - (b.seq ?? 0));
    },

    async byClient(client) {
      const deals = await db.deals.where('[clientType+clientId]').equals([client.type, client.id]).toArray();
      return deals.sort((a, b) => b.createdAt - a.createdAt);
    },

    async board(pipelineId, options = {}) {
      const parsed = parseInput(boardSchema, options);
      if (byStatusOnly(parsed)) {
        // Numbers from the kept totals, cards by index: 7 × perStage deals read, however big the pipeline.
        // One read transaction for all of it: one IndexedDB transaction instead of nine, measurably
        // cheaper on both backends than the reads on their own (S5); the totals read runs beside the pages.
        const [stages, rows, pages] = await db.transaction('r', [db.stages, db.deals, db.dealStageTotals], () => {
          const stagesRead = stagesOf(pipelineId);
          return Promise.all([
            stagesRead,
            totalsRows(pipelineId),
            stagesRead.then((stages) => Promise.all(stages.map((stage) => newestOfStage(pipelineId, stage.id, parsed.status, parsed.perStage)))),
          ]);
        });
        const totals = stageTotals(stages, rows, parsed.status);
        return { stages: totals.groups.map((group, i) => ({ ...group, deals: pages[i]! })), count: totals.count, sums: totals.sums };
      }
      // Filtered by manager, source or period: one read of the pipeline's deals of that status, then a loop.
      const { groups, count, sums } = await columns(pipelineId, parsed);
      return {
        stages: groups.map((group) => ({
          ...group,
          deals: group.deals.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, parsed.perStage),
        })),
        count,
        sums,
      };
    },

    async cardDetails(deals) {
      const idsOf = (type: ClientRef['type']) => [...new Set(deals.filter((deal) => deal.clientType === type).map((deal) => deal.clientId))];
      const dealIds = deals.map((deal) => deal.id);
      const [counterparties, leads, linked, asParty, tasks] = await Promise.all([
        db.counterparties.bulkGet(idsOf('counterparty')),
        db.leads.bulkGet(idsOf('lead')),
        db.interactions.where('dealId').anyOf(dealIds).toArray(),
        db.interactions.where('participantKeys').anyOf(dealIds.map((dealId) => participantKey({ type: 'deal', id: dealId }))).toArray(),
        db.tasks.where('[subjectType+subjectId]').anyOf(dealIds.map((dealId) => ['deal', dealId])).toArray(),
      ]);
      const clientNames: Record<Id, string> = {};
      for (const client of [...counterparties, ...leads]) if (client) clientNames[client.id] = client.name;
      const nextActivities: Record<Id, NextActivity> = {};
      const offer = (dealId: Id | undefined, next: NextActivity) => {
        if (dealId === undefined) return;
        const current = nextActivities[dealId];
        if (!current || next.at < current.at || (next.at === current.at && next.id < current.id)) nextActivities[dealId] = next;
      };
      const wanted = new Set(dealIds);
      for (const row of [...linked, ...asParty]) {
        if (row.status !== 'planned') continue;
        const next: NextActivity = { type: 'interaction', id: row.id, at: row.at, title: row.subject, kind: row.kind };
        if (row.dealId !== undefined && wanted.has(row.dealId)) offer(row.dealId, next);
        for (const party of row.participants) if (party.type === 'deal' && wanted.has(party.id)) offer(party.id, next);
        if (row.subjectType === 'deal' && wanted.has(row.subjectId)) offer(row.subjectId, next);
      }
      for (const task of tasks) {
        if (task.status !== 'new' && task.status !== 'accepted') continue;
        offer(task.subjectId, { type: 'task', id: task.id, at: task.deadline, title: task.title });
      }
      return { clientNames, nextActivities };
    },

    async totals(pipelineId, filter = {}) {
      const parsed = parseInput(boardSchema, filter);
      const { groups, count, sums } = byStatusOnly(parsed)
        ? stageTotals(...(await stagesAndTotals(pipelineId)), parsed.status)
        : await columns(pipelineId, parsed);
      return { stages: groups.map(({ stage, count, sums }) => ({ stage, count, sums })), count, sums };
    },

    async list(options = {}) {
      const parsed = parseInput(listSchema, options);
      if (unfiltered(parsed)) return db.deals.orderBy('updatedAt').reverse().offset(parsed.offset).limit(parsed.limit).toArray();
      const deals = await matching(parsed);
      return deals.sort((a, b) => b.updatedAt - a.updatedAt).slice(parsed.offset, parsed.offset + parsed.limit);
    },

    async count(options = {}) {
      const parsed = parseInput(listSchema, options);
      if (unfiltered(parsed)) return db.deals.count();
      return (await matching(parsed)).length;
    },

    async closedBetween(from, to, options = {}) {
      const range = parseInput(periodSchema, { from, to });
      const { managerId, status } = parseInput(closedSchema, options);
      const deals =
        managerId !== undefined
          ? await db.deals.where('[managerId+closedAt]').between([managerId, range.from], [managerId, range.to], true, false).toArray()
          : await db.deals.where('closedAt').between(range.from, range.to, true, false).toArray();
      return deals.filter((deal) => (status === undefined ? deal.status !== 'open' : deal.status === status)).sort((a, b) => a.closedAt! - b.closedAt! || a.id.localeCompare(b.id));
    },

    async stageChangesBetween(pipelineId, from, to) {
      const range = parseInput(periodSchema, { from, to });
      const changes = await db.dealStageHistory.where('[pipelineId+at]').between([pipelineId, range.from], [pipelineId, range.to], true, false).toArray();
      return changes.sort((a, b) => a.at - b.at || (a.seq ?? 0) - (b.seq ?? 0));
    },
  };

  function unfiltered(filter: v.InferOutput<typeof listSchema>): boolean {
    return filter.pipelineId === undefined && filter.managerId === undefined && filter.status === undefined;
  }

  /** Deals matching a list filter: one indexed read on the most selective field given, then a filter. */
  async function matching(filter: v.InferOutput<typeof listSchema>): Promise<Deal[]> {
    const deals =
      filter.pipelineId !== undefined && filter.status !== undefined
        ? await db.deals.where('[pipelineId+status]').equals([filter.pipelineId, filter.status]).toArray()
        : filter.pipelineId !== undefined
        ? await db.deals.where('pipelineId').equals(filter.pipelineId).toArray()
        : filter.managerId !== undefined
          ? await db.deals.where('managerId').equals(filter.managerId).toArray()
          : filter.status !== undefined
            ? await db.deals.where('status').equals(filter.status).toArray()
            : await db.deals.toArray();
    return deals.filter(
      (deal) =>
        (filter.pipelineId === undefined || deal.pipelineId === filter.pipelineId) &&
        (filter.managerId === undefined || deal.managerId === filter.managerId) &&
        (filter.status === undefined || deal.status === filter.status),
    );
  }
}

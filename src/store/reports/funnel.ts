/**
 * The sales funnel (H1) as pure functions: plain records in, plain rows out.
 * No database, no clock: the live reads in `sales.ts` gather the records.
 */
import type { SumsByCurrency } from '../deals.js';
import type { Counterparty, Deal, DealStageChange, Id, Instant, Lead, Order, Stage } from '../types.js';

/** A period `[from, to)` in epoch ms. */
export interface ReportPeriod {
  from: Instant;
  to: Instant;
}

/** One step of a funnel. */
export interface FunnelRow {
  /** The stage id (deal funnel) or the step name `leads` | `customers` | `orders` (lead funnel). */
  key: string;
  /** The stage name (deal funnel); the step name again for the lead funnel. */
  label: string;
  /** How many reached this step in the period. */
  reached: number;
  /** `reached / reached of the previous step`; `null` for the first step or when that base is 0. */
  fromPrevious: number | null;
  /** `reached / reached of the first step`; `null` when the first step is 0. */
  fromStart: number | null;
  /** `reached − reached of the next step`; `null` for the last step (there is no next step). */
  dropOff: number | null;
  /** Sum of the amounts of what reached this step, per currency, minor units. */
  sums: SumsByCurrency;
  /** Median days spent in the stage (see {@link dealFunnel}); `null` when nobody entered it in the period or for lead-funnel steps. */
  medianDays: number | null;
  /** The deals behind the row, for drill-down (deal funnel: the deals that reached the stage; lead funnel: the converted leads' deals are not known, so `[]`). */
  dealIds: Id[];
  /** The records behind the row: deal ids (deal funnel), lead / counterparty / order ids (lead funnel). */
  ids: Id[];
}

/** Options of {@link dealFunnel}. */
export interface DealFunnelOptions extends ReportPeriod {
  /** Only deals whose current manager is this user. */
  managerId?: Id | undefined;
  /** Only deals whose acquisition source is this one. */
  sourceId?: Id | undefined;
  /** "Now" for deals still in a stage; defaults to `to`. Time in a stage is measured up to `min(to, asOf)`. */
  asOf?: Instant | undefined;
}

const DAY = 86_400_000;

/** Adds an amount to per-currency sums (in place). */
export function addTo(sums: SumsByCurrency, currency: string, minor: number): void {
  sums[currency] = (sums[currency] ?? 0) + minor;
}

/** The median of numbers, `null` for none (mean of the two middle ones for an even count). */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `part / base`, `null` when the base is 0. */
export function ratio(part: number, base: number): number | null {
  return base === 0 ? null : part / base;
}

/** Fills `fromPrevious`, `fromStart` and `dropOff` of rows whose `reached` is set. */
function withConversions<T extends Pick<FunnelRow, 'reached'>>(rows: T[]): Array<T & Pick<FunnelRow, 'fromPrevious' | 'fromStart' | 'dropOff'>> {
  const start = rows[0]?.reached ?? 0;
  return rows.map((row, index) => ({
    ...row,
    fromPrevious: index === 0 ? null : ratio(row.reached, rows[index - 1]!.reached),
    fromStart: ratio(row.reached, start),
    dropOff: index + 1 < rows.length ? row.reached - rows[index + 1]!.reached : null,
  }));
}

function byTime(a: DealStageChange, b: DealStageChange): number {
  return a.at - b.at || (a.seq ?? 0) - (b.seq ?? 0);
}

/** A history entry that enters a stage: the first entry of a deal or a move (closes and reopens keep the stage). */
function entersStage(entry: DealStageChange): boolean {
  return entry.fromStageId === undefined || entry.fromStageId !== entry.stageId;
}

/**
 * The deal funnel of one pipeline over a period, from stage history (not only
 * the deals' current stages).
 *
 * Definitions (`[from, to)` is the period; `stages` are one pipeline's, sorted by `order` here):
 * - A deal **reached** stage k in the period if a history entry in the period
 *   ENTERED stage k or any later stage (an entry enters a stage when it is the
 *   deal's first entry or a move from another stage; a win, loss or reopen does
 *   not). So a deal that skipped stages counts for the skipped ones too, and a
 *   deal moved back (or moved forward twice) counts once per stage. Entries
 *   outside the period, of stages not in `stages`, or of deals not in `deals`
 *   are ignored. `managerId` / `sourceId` keep deals whose current manager /
 *   source is that one.
 * - **fromPrevious** = reached(k) / reached(k−1), **fromStart** = reached(k) / reached(0); `null` when the base is 0.
 * - **dropOff** = reached(k) − reached(k+1); `null` for the last stage.
 * - **sums**: the deals' current amounts, per currency (minor units), over the deals that reached k.
 * - **medianDays**: per deal that entered k itself in the period (not by
 *   skipping), the days in k = the sum over its visits to k of the time from the
 *   entry to the deal's next entry that leaves k (a move or a win / loss); a
 *   visit still going is measured to `min(to, asOf)`. Median over those deals, in
 *   days (fractional); `null` when none entered k.
 * - **dealIds**: the deals that reached k, sorted.
 */
export function dealFunnel(
  data: { stages: readonly Stage[]; deals: readonly Deal[]; history: readonly DealStageChange[] },
  options: DealFunnelOptions,
): FunnelRow[] {
  const stages = [...data.stages].sort((a, b) => a.order - b.order);
  const position = new Map(stages.map((stage, index) => [stage.id, index]));
  const deals = new Map(
    data.deals
      .filter((deal) => (options.managerId === undefined || deal.managerId === options.managerId) && (options.sourceId === undefined || deal.sourceId === options.sourceId))
      .map((deal) => [deal.id, deal]),
  );
  const end = Math.min(options.to, options.asOf ?? options.to);
  const entriesByDeal = new Map<Id, DealStageChange[]>();
  for (const entry of data.history) {
    if (entry.at < options.from || entry.at >= options.to || !deals.has(entry.dealId)) continue;
    const list = entriesByDeal.get(entry.dealId) ?? [];
    list.push(entry);
    entriesByDeal.set(entry.dealId, list);
  }
  const reachedIds: Id[][] = stages.map(() => []);
  const days: number[][] = stages.map(() => []);
  for (const [dealId, entries] of entriesByDeal) {
    entries.sort(byTime);
    let furthest = -1;
    const spent = new Map<number, number>();
    entries.forEach((entry, index) => {
      const at = position.get(entry.stageId);
      if (at === undefined || !entersStage(entry) || entry.status !== 'open') return;
      furthest = Math.max(furthest, at);
      const leaving = entries.slice(index + 1).find((next) => next.stageId !== entry.stageId || next.status !== 'open');
      const until = Math.min(leaving?.at ?? end, end);
      spent.set(at, (spent.get(at) ?? 0) + Math.max(0, until - entry.at));
    });
    for (let k = 0; k <= furthest; k++) reachedIds[k]!.push(dealId);
    for (const [k, ms] of spent) days[k]!.push(ms / DAY);
  }
  return withConversions(
    stages.map((stage, k) => {
      const ids = reachedIds[k]!.sort();
      const sums: SumsByCurrency = {};
      for (const id of ids) addTo(sums, deals.get(id)!.amount.currency, deals.get(id)!.amount.minor);
      return { key: stage.id, label: stage.name, reached: ids.length, sums, medianDays: median(days[k]!), dealIds: ids, ids };
    }),
  );
}

/** The steps of {@link leadFunnel}. */
export type LeadFunnelStep = 'leads' | 'customers' | 'orders';

/**
 * The lead funnel leads → customers → orders over a period, as a cohort of the
 * leads created in it (so each step is part of the one before):
 * - **leads**: leads with `createdAt` in `[from, to)`;
 * - **customers**: of those, the ones converted (`status` `converted`, with a
 *   `counterpartyId`) with `convertedAt` before `to`; counts leads (`ids` are the
 *   counterparties, deduplicated);
 * - **orders**: of those customers, the ones with at least one order that is not
 *   cancelled dated (`YYYY-MM-DD`) on or after the lead's conversion day and
 *   before `to`; `sums` are those orders' totals per currency and `ids` the orders.
 * `dateOf` turns an instant into the local `YYYY-MM-DD` (the store passes Kyiv/local time).
 * Counterparties are not needed beyond the ids, but are accepted so a caller can pass
 * only existing ones: conversions to a counterparty not in `counterparties` are ignored.
 */
export function leadFunnel(
  data: { leads: readonly Lead[]; counterparties: readonly Pick<Counterparty, 'id'>[]; orders: readonly Order[] },
  options: ReportPeriod & { dateOf: (at: Instant) => string },
): FunnelRow[] {
  const known = new Set(data.counterparties.map((c) => c.id));
  const leads = data.leads.filter((lead) => lead.createdAt >= options.from && lead.createdAt < options.to);
  const converted = leads.filter(
    (lead) => lead.status === 'converted' && lead.counterpartyId !== undefined && known.has(lead.counterpartyId) && (lead.convertedAt ?? lead.updatedAt) < options.to,
  );
  const toDay = options.dateOf(options.to);
  const ordersOf = new Map<Id, Order[]>();
  for (const order of data.orders) {
    if (order.status === 'cancelled' || order.date >= toDay) continue;
    ordersOf.set(order.counterpartyId, [...(ordersOf.get(order.counterpartyId) ?? []), order]);
  }
  const ordered: Lead[] = [];
  const orderIds = new Set<Id>();
  const orderSums: SumsByCurrency = {};
  for (const lead of converted) {
    const since = options.dateOf(lead.convertedAt ?? lead.updatedAt);
    const orders = (ordersOf.get(lead.counterpartyId!) ?? []).filter((order) => order.date >= since);
    if (orders.length === 0) continue;
    ordered.push(lead);
    for (const order of orders) {
      if (orderIds.has(order.id)) continue;
      orderIds.add(order.id);
      addTo(orderSums, order.currency, order.total);
    }
  }
  const step = (key: LeadFunnelStep, reached: number, ids: Id[], sums: SumsByCurrency = {}) => ({
    key,
    label: key,
    reached,
    sums,
    medianDays: null,
    dealIds: [],
    ids: [...new Set(ids)].sort(),
  });
  return withConversions([
    step('leads', leads.length, leads.map((l) => l.id)),
    step('customers', converted.length, converted.map((l) => l.counterpartyId!)),
    step('orders', ordered.length, [...orderIds], orderSums),
  ]);
}

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

/** The median of a typed array, sorted in place; `null` when empty. */
function medianInPlace(values: Float64Array): number | null {
  if (values.length === 0) return null;
  values.sort();
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
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
 *
 * One pass over the history in time order (the store reads it so; input out
 * of order is sorted, then walked again), with each deal's state in typed arrays, then one
 * pass over the deals in id order: O(history + deals × stages), one sort of the ids.
 */
export function dealFunnel(
  data: { stages: readonly Stage[]; deals: readonly Deal[]; history: readonly DealStageChange[] },
  options: DealFunnelOptions,
): FunnelRow[] {
  const stages = [...data.stages].sort((a, b) => a.order - b.order);
  const stageCount = stages.length;
  const position = new Map(stages.map((stage, index) => [stage.id, index]));
  const deals: Deal[] = [];
  const index = new Map<Id, number>();
  for (const deal of data.deals) {
    if ((options.managerId !== undefined && deal.managerId !== options.managerId) || (options.sourceId !== undefined && deal.sourceId !== options.sourceId)) continue;
    const known = index.get(deal.id);
    // A deal given twice: the last one counts.
    if (known !== undefined) deals[known] = deal;
    else {
      index.set(deal.id, deals.length);
      deals.push(deal);
    }
  }
  const end = Math.min(options.to, options.asOf ?? options.to);

  // Per deal: the furthest stage entered, whether it had an entry in the period,
  // the stage of its visit going on (−1: none) and when that visit (or visits) began.
  const furthest = new Int32Array(deals.length).fill(-1);
  const seen = new Uint8Array(deals.length);
  const visiting = new Int32Array(deals.length).fill(-1);
  const visitStart = new Float64Array(deals.length);
  /** Further visits to the same stage begun while one was going on (only odd histories have them). */
  const moreStarts = new Map<number, number[]>();
  // Time in each stage per deal, ms; NaN: never entered.
  const spent = new Float64Array(deals.length * stageCount).fill(Number.NaN);

  const closeVisit = (d: number, until: number) => {
    const cell = d * stageCount + visiting[d]!;
    let total = spent[cell]! + Math.max(0, until - visitStart[d]!);
    for (const start of moreStarts.get(d) ?? []) total += Math.max(0, until - start);
    spent[cell] = total;
    moreStarts.delete(d);
    visiting[d] = -1;
  };

  /**
   * Walks the history, which must be in time order for each deal; returns
   * false as soon as it meets an entry of the period out of order (then the
   * caller sorts a copy and walks again).
   */
  const walk = (history: readonly DealStageChange[]): boolean => {
    let lastAt = -Infinity;
    let lastSeq = 0;
    for (const entry of history) {
      const at = entry.at;
      if (at < options.from || at >= options.to) continue;
      const d = index.get(entry.dealId);
      if (d === undefined) continue;
      const seq = entry.seq ?? 0;
      if (at < lastAt || (at === lastAt && seq < lastSeq)) return false;
      lastAt = at;
      lastSeq = seq;
      seen[d] = 1;
      const current = visiting[d]!;
      if (current >= 0 && (entry.stageId !== stages[current]!.id || entry.status !== 'open')) closeVisit(d, Math.min(at, end));
      const k = position.get(entry.stageId);
      if (k === undefined || !entersStage(entry) || entry.status !== 'open') continue;
      if (k > furthest[d]!) furthest[d] = k;
      const cell = d * stageCount + k;
      if (Number.isNaN(spent[cell]!)) spent[cell] = 0;
      if (visiting[d] === k) {
        const more = moreStarts.get(d);
        if (more) more.push(at);
        else moreStarts.set(d, [at]);
      } else {
        visiting[d] = k;
        visitStart[d] = at;
      }
    }
    return true;
  };
  if (!walk(data.history)) {
    furthest.fill(-1);
    seen.fill(0);
    visiting.fill(-1);
    moreStarts.clear();
    spent.fill(Number.NaN);
    walk([...data.history].sort(byTime));
  }

  // The deals with history in the period, in id order: each list below comes out sorted.
  const order: number[] = [];
  for (let d = 0; d < deals.length; d++) if (seen[d]) order.push(d);
  order.sort((a, b) => {
    const x = deals[a]!.id;
    const y = deals[b]!.id;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const reachedIds: Id[][] = stages.map(() => []);
  const sums: SumsByCurrency[] = stages.map(() => ({}));
  const dayCounts = new Int32Array(stageCount);
  for (const d of order) {
    if (visiting[d]! >= 0) closeVisit(d, end);
    const deal = deals[d]!;
    for (let k = 0; k <= furthest[d]!; k++) {
      reachedIds[k]!.push(deal.id);
      addTo(sums[k]!, deal.amount.currency, deal.amount.minor);
    }
    for (let k = 0; k < stageCount; k++) if (!Number.isNaN(spent[d * stageCount + k]!)) dayCounts[k]!++;
  }
  const days = stages.map((_, k) => new Float64Array(dayCounts[k]!));
  const filled = new Int32Array(stageCount);
  for (const d of order) {
    for (let k = 0; k < stageCount; k++) {
      const ms = spent[d * stageCount + k]!;
      if (!Number.isNaN(ms)) days[k]![filled[k]!++] = ms / DAY;
    }
  }
  return withConversions(
    stages.map((stage, k) => {
      const ids = reachedIds[k]!;
      return { key: stage.id, label: stage.name, reached: ids.length, sums: sums[k]!, medianDays: medianInPlace(days[k]!), dealIds: ids, ids };
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

/**
 * Acquisition sources (H1 by source, H2 primary interest, H3 sources
 * analysis) as a pure function: plain records in, plain rows out.
 */
import type { AcquisitionSource, CalendarMonth, Deal, Id, Instant, Lead, Stage } from '../types.js';
import type { SumsByCurrency } from '../deals.js';
import { addTo, ratio, type ReportPeriod } from './funnel.js';

/** Money actually spent on a source in a month (the store keeps no such records yet: pass them if you have them). */
export interface SourceSpend {
  sourceId: Id;
  month: CalendarMonth;
  amount: { minor: number; currency: string };
}

/** One acquisition source's numbers over a period. Money in UAH minor units unless `…ByCurrency`. */
export interface SourceRow {
  /** The source id; `''` for records with no source. */
  key: Id;
  /** The source name; `''` for "no source". */
  label: string;
  leads: number;
  deals: number;
  wonDeals: number;
  /** Revenue in UAH: the amounts of the source's deals WON in the period (closedAt in it). */
  revenue: number;
  /** Revenue per currency (UAH included); other currencies are not converted and not in `revenue`. */
  revenueByCurrency: SumsByCurrency;
  /** Planned spend in UAH: `plannedSpend` entries of the months that overlap the period. */
  plannedSpend: number;
  /** Actual spend in UAH from `spend`, `null` when no spend was given for the source. */
  actualSpend: number | null;
  /** Expected revenue in UAH: Σ amount × probability of the deals created in the period (won 100 %, lost 0 %, open: the deal's, else its stage's, else 0). */
  expectedRevenue: number;
  /** Profit in UAH: revenue − spend (actual if known, else planned); the store has no cost per deal, so no cost of goods is subtracted. */
  profit: number;
  /** ROI = profit / spend; `null` when the spend is 0. */
  roi: number | null;
  /** Shares of the totals of all rows (0–1), `null` when the total is 0. */
  share: { leads: number | null; deals: number | null; wonDeals: number | null; revenue: number | null; profit: number | null };
  /** The deals created or won in the period, for drill-down. */
  dealIds: Id[];
}

/** The months `YYYY-MM` (local time) that overlap `[from, to)`. */
export function monthsOf(period: ReportPeriod): Set<CalendarMonth> {
  const months = new Set<CalendarMonth>();
  const at = new Date(period.from);
  at.setDate(1);
  at.setHours(0, 0, 0, 0);
  while (at.getTime() < period.to) {
    months.add(`${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`);
    at.setMonth(at.getMonth() + 1);
  }
  return months;
}

const UAH = 'UAH';
const within = (at: Instant | undefined, period: ReportPeriod) => at !== undefined && at >= period.from && at < period.to;

/**
 * Per acquisition source over `[from, to)`:
 * - **leads**: leads created in the period; **deals**: deals created in it;
 *   **wonDeals**: deals won in it (`closedAt` in the period, status `won`);
 * - **revenue**: the amounts of those won deals (we count won deal amounts, not
 *   paid orders: every sale has a deal, not every deal an order) — UAH in
 *   `revenue`, every currency in `revenueByCurrency`;
 * - **plannedSpend** / **actualSpend**, **expectedRevenue**, **profit**, **roi**: see {@link SourceRow};
 * - **share**: each number over the sum of all rows.
 * Rows: every source that is not archived or has numbers, in `sources` order,
 * then a row with `key: ''` for records without a source if it has numbers.
 * Records naming an unknown source count as "no source".
 */
export function sourcesReport(
  data: { sources: readonly AcquisitionSource[]; leads: readonly Lead[]; deals: readonly Deal[]; stages?: readonly Stage[]; spend?: readonly SourceSpend[] },
  period: ReportPeriod,
): SourceRow[] {
  const known = new Set(data.sources.map((s) => s.id));
  const keyOf = (sourceId: Id | undefined) => (sourceId !== undefined && known.has(sourceId) ? sourceId : '');
  const stageProbability = new Map((data.stages ?? []).map((s) => [s.id, s.probability ?? 0]));
  const months = monthsOf(period);
  type Acc = Omit<SourceRow, 'share' | 'profit' | 'roi' | 'dealIds'> & { dealIds: Set<Id> };
  const rows = new Map<Id, Acc>();
  const row = (key: Id, label: string): Acc => {
    let acc = rows.get(key);
    if (!acc) {
      acc = { key, label, leads: 0, deals: 0, wonDeals: 0, revenue: 0, revenueByCurrency: {}, plannedSpend: 0, actualSpend: null, expectedRevenue: 0, dealIds: new Set() };
      rows.set(key, acc);
    }
    return acc;
  };
  for (const source of data.sources) {
    const acc = row(source.id, source.name);
    for (const plan of source.plannedSpend) if (months.has(plan.month) && plan.amount.currency === UAH) acc.plannedSpend += plan.amount.minor;
  }
  for (const spend of data.spend ?? []) {
    if (!months.has(spend.month) || spend.amount.currency !== UAH) continue;
    const acc = row(keyOf(spend.sourceId), '');
    acc.actualSpend = (acc.actualSpend ?? 0) + spend.amount.minor;
  }
  for (const lead of data.leads) if (within(lead.createdAt, period)) row(keyOf(lead.sourceId), '').leads++;
  for (const deal of data.deals) {
    const acc = row(keyOf(deal.sourceId), '');
    if (within(deal.createdAt, period)) {
      acc.deals++;
      acc.dealIds.add(deal.id);
      const probability = deal.status === 'won' ? 100 : deal.status === 'lost' ? 0 : (deal.probability ?? stageProbability.get(deal.stageId) ?? 0);
      if (deal.amount.currency === UAH) acc.expectedRevenue += Math.round((deal.amount.minor * probability) / 100);
    }
    if (deal.status === 'won' && within(deal.closedAt, period)) {
      acc.wonDeals++;
      acc.dealIds.add(deal.id);
      addTo(acc.revenueByCurrency, deal.amount.currency, deal.amount.minor);
      if (deal.amount.currency === UAH) acc.revenue += deal.amount.minor;
    }
  }
  const archived = new Set(data.sources.filter((s) => s.archived).map((s) => s.id));
  const list = [...rows.values()]
    .filter((acc) => !(acc.key === '' || archived.has(acc.key)) || acc.leads + acc.deals + acc.wonDeals + acc.plannedSpend + (acc.actualSpend ?? 0) > 0)
    .map((acc) => {
      const spend = acc.actualSpend ?? acc.plannedSpend;
      const profit = acc.revenue - spend;
      return { ...acc, dealIds: [...acc.dealIds].sort(), profit, roi: ratio(profit, spend) };
    });
  const total = (pick: (r: (typeof list)[number]) => number) => list.reduce((sum, r) => sum + pick(r), 0);
  const totals = { leads: total((r) => r.leads), deals: total((r) => r.deals), wonDeals: total((r) => r.wonDeals), revenue: total((r) => r.revenue), profit: total((r) => r.profit) };
  return list.map((r) => ({
    ...r,
    share: {
      leads: ratio(r.leads, totals.leads),
      deals: ratio(r.deals, totals.deals),
      wonDeals: ratio(r.wonDeals, totals.wonDeals),
      revenue: ratio(r.revenue, totals.revenue),
      profit: ratio(r.profit, totals.profit),
    },
  }));
}

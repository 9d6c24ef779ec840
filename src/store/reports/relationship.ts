/**
 * Relationship stages of customers (H5): pure functions over plain rows.
 *
 * A **purchase** is an order that is not cancelled, on its `date`; the
 * store's live read feeds one row per such order.
 */
import { localDate } from '../slots.js';
import type { CalendarDate, Id, Instant, RelationshipStage } from '../types.js';

/** The stages in the order a customer normally passes them. */
export const relationshipStageOrder: readonly RelationshipStage[] = ['potential', 'first-purchase', 'regular', 'lapsed'];

/** When a customer counts as regular or lapsed. */
export interface RelationshipRules {
  /** Regular: at least this many purchases … Default 2. */
  regularPurchases: number;
  /** … within this many months before the instant. Default 12. */
  regularMonths: number;
  /** Lapsed: no purchase for more than this many days. Default 180. */
  lapsedDays: number;
}

export const defaultRelationshipRules: RelationshipRules = { regularPurchases: 2, regularMonths: 12, lapsedDays: 180 };

/** A customer to classify; one created after the instant is left out. */
export interface StageCustomer {
  id: Id;
  createdAt?: Instant;
}

/** One purchase of a customer. */
export interface PurchaseRow {
  customerId: Id;
  date: CalendarDate;
}

/** A customer's stage at the instant, with the figures that decided it. */
export interface CustomerStage {
  customerId: Id;
  stage: RelationshipStage;
  /** Purchases on or before the instant's date. */
  purchases: number;
  /** Purchases within `regularMonths` before the instant. */
  recentPurchases: number;
  lastPurchase?: CalendarDate;
  /** Whole days from the last purchase to the instant's date. */
  daysSinceLastPurchase?: number;
}

export interface RelationshipStagesResult {
  at: Instant;
  rules: RelationshipRules;
  /** Customers in input order. */
  customers: CustomerStage[];
  /** Customers per stage (every stage present, 0 when none). */
  counts: Record<RelationshipStage, number>;
}

const DAY = 86_400_000;

function dayNumber(date: CalendarDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY;
}

/** The same day `months` months before `date`, clamped to the month's last day (31 March − 1 → 28/29 February). */
export function monthsBefore(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${String(first.getUTCFullYear()).padStart(4, '0')}-${String(first.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/**
 * Each customer's relationship stage at the instant `at`, judged by its
 * purchases dated on or before `at`'s local calendar date (later ones are
 * ignored), checked in this order:
 *
 * 1. **potential** — no purchase yet;
 * 2. **lapsed** — the last purchase is more than `lapsedDays` days before
 *    `at`'s date (exactly `lapsedDays` is not lapsed yet);
 * 3. **regular** — at least `regularPurchases` purchases dated after the same
 *    day `regularMonths` months before `at`'s date (each order is one purchase,
 *    two on one day are two);
 * 4. **first-purchase** — otherwise (bought, but not often enough to be regular).
 *
 * Customers created after `at` did not exist then and are left out.
 */
export function relationshipStages(
  customers: readonly StageCustomer[],
  purchases: readonly PurchaseRow[],
  options: { at: Instant; rules?: Partial<RelationshipRules> },
): RelationshipStagesResult {
  const rules: RelationshipRules = { ...defaultRelationshipRules, ...options.rules };
  const today = localDate(options.at);
  const windowStart = monthsBefore(today, rules.regularMonths);
  const byCustomer = new Map<Id, CalendarDate[]>();
  for (const purchase of purchases) {
    if (purchase.date > today) continue;
    const dates = byCustomer.get(purchase.customerId);
    if (dates) dates.push(purchase.date);
    else byCustomer.set(purchase.customerId, [purchase.date]);
  }
  const counts: Record<RelationshipStage, number> = { potential: 0, 'first-purchase': 0, regular: 0, lapsed: 0 };
  const result: CustomerStage[] = [];
  for (const customer of customers) {
    if (customer.createdAt !== undefined && customer.createdAt > options.at) continue;
    const dates = byCustomer.get(customer.id) ?? [];
    let stage: RelationshipStage = 'potential';
    const row: CustomerStage = { customerId: customer.id, stage, purchases: dates.length, recentPurchases: 0 };
    if (dates.length) {
      const last = dates.reduce((latest, date) => (date > latest ? date : latest));
      row.lastPurchase = last;
      row.daysSinceLastPurchase = dayNumber(today) - dayNumber(last);
      row.recentPurchases = dates.filter((date) => date > windowStart).length;
      stage =
        row.daysSinceLastPurchase > rules.lapsedDays
          ? 'lapsed'
          : row.recentPurchases >= rules.regularPurchases
            ? 'regular'
            : 'first-purchase';
    }
    row.stage = stage;
    counts[stage] += 1;
    result.push(row);
  }
  return { at: options.at, rules, customers: result, counts };
}

import { abcXyz, type AbcXyzThresholds } from '../../store/reports/abc-xyz.js';
import type { CustomerAbcXyzReport } from '../../store/reports/customers.js';
import { relationshipStages, type RelationshipRules } from '../../store/reports/relationship.js';
import { addDays, localDate, startOfLocalDay } from '../../store/slots.js';
import type { CalendarDate, Id, Instant, RelationshipStage } from '../../store/types.js';

/**
 * Plain data for `crm-customer-classification` used unbound: the customers and
 * their orders (each order is revenue on its date and one purchase). The
 * element runs the store's pure report functions over it, so thresholds
 * edited in the form re-compute without a store.
 */
export interface ClassificationData {
  customers: ReadonlyArray<{ id: Id; name: string; createdAt?: Instant }>;
  /** Orders that count (not cancelled), `amount` in minor units of the element's `currency`. */
  orders: ReadonlyArray<{ customerId: Id; date: CalendarDate; amount: number }>;
}

/** What the element draws: the ABC/XYZ report with names, and the customers per relationship stage. */
export interface ClassificationView {
  report: Omit<CustomerAbcXyzReport, 'currency'>;
  counts: Record<RelationshipStage, number>;
  rules: RelationshipRules;
}

/** The last instant of a calendar date: the relationship stages are judged at the end of the period. */
export function endOfDay(date: CalendarDate): Instant {
  return startOfLocalDay(addDays(date, 1)) - 1;
}

/** The default period: the 12 calendar months up to today. */
export function defaultPeriod(now = Date.now()): { from: CalendarDate; to: CalendarDate } {
  const today = localDate(now);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const start = new Date(y, m - 12, 1);
  return { from: localDate(start.getTime()), to: today };
}

/** @internal The classification of plain data, as the store computes it. */
export function classifyData(
  data: ClassificationData,
  period: { from: CalendarDate; to: CalendarDate },
  thresholds: AbcXyzThresholds,
  rules: Partial<RelationshipRules>,
): ClassificationView {
  const names = new Map(data.customers.map((customer) => [customer.id, customer.name]));
  const report = abcXyz(data.orders, { ...period, thresholds });
  const stages = relationshipStages(
    data.customers,
    data.orders.map((order) => ({ customerId: order.customerId, date: order.date })),
    { at: endOfDay(period.to), rules },
  );
  return {
    report: { ...report, customers: report.customers.map((row) => ({ ...row, name: names.get(row.customerId) ?? '' })) },
    counts: stages.counts,
    rules: stages.rules,
  };
}

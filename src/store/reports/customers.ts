import * as v from 'valibot';
import type { StoreContext } from '../context.js';
import type { CalendarDate, Id, Instant, Order, RelationshipStage, RelationshipStageChange } from '../types.js';
import { calendarDate, currencyCode, instant, parseInput, percent } from '../validation.js';
import {
  abcXyz,
  defaultAbcXyzThresholds,
  type AbcXyzCustomer,
  type AbcXyzReport,
  type AbcXyzThresholds,
  type RevenueRow,
} from './abc-xyz.js';
import {
  defaultRelationshipRules,
  relationshipStages,
  type CustomerStage,
  type PurchaseRow,
  type RelationshipRules,
  type RelationshipStagesResult,
} from './relationship.js';

/** What `reports.abcXyz` classifies. */
export interface AbcXyzQuery {
  from: CalendarDate;
  to: CalendarDate;
  /** Default `{ abc: [80, 15, 5], xyz: [10, 25] }`. */
  thresholds?: Partial<AbcXyzThresholds>;
  /** Only orders in this currency count. Default UAH. */
  currency?: string;
}

/** A classified customer with its name. */
export interface NamedAbcXyzCustomer extends AbcXyzCustomer {
  name: string;
}

/** `abcXyz`'s report with the customers' names and the currency of its sums. */
export interface CustomerAbcXyzReport extends Omit<AbcXyzReport, 'customers'> {
  customers: NamedAbcXyzCustomer[];
  currency: string;
}

/** What `reports.relationshipStages` and `recordRelationshipStages` judge. */
export interface RelationshipStagesQuery {
  /** The instant; default now. */
  at?: Instant;
  /** Default `{ regularPurchases: 2, regularMonths: 12, lapsedDays: 180 }`. */
  rules?: Partial<RelationshipRules>;
}

/** A customer's computed stage with its name and the stage recorded on the counterparty. */
export interface NamedCustomerStage extends CustomerStage {
  name: string;
  recordedStage: RelationshipStage;
}

export interface CustomerRelationshipStages extends Omit<RelationshipStagesResult, 'customers'> {
  customers: NamedCustomerStage[];
}

/**
 * Live reads of the customer reports (H4, H5): ABC/XYZ classification and
 * relationship stages, computed by the pure functions of this folder
 * (`abc-xyz.ts`, `relationship.ts`) over one indexed read each. Customers are
 * counterparties; revenue and purchases are their orders that are not cancelled.
 */
export interface CustomerReports {
  /**
   * ABC/XYZ classification of the customers by their orders dated `from`…`to`
   * (see `abcXyz` for the exact rules), with names. Refuses with VALIDATION:
   * a bad date (`from`/`to`), `to` before `from` (`to`), shares out of 0–100 or
   * not summing to 100 (`thresholds.abc`), X limit above Y (`thresholds.xyz`).
   */
  abcXyz(query: AbcXyzQuery): Promise<CustomerAbcXyzReport>;
  /**
   * Every counterparty's (not archived) relationship stage at `at` (see
   * `relationshipStages` for the rules), with the stage recorded on it.
   * Refuses rules that are not whole numbers ≥ 1 (VALIDATION, `rules.<name>`).
   */
  relationshipStages(query?: RelationshipStagesQuery): Promise<CustomerRelationshipStages>;
  /**
   * Computes every counterparty's stage at `at` (default now) and, in one
   * transaction (counterparties, orders, relationshipStageHistory), for each one
   * whose computed stage differs from its recorded `relationshipStage`: adds a
   * history entry `{ stage, fromStage, at }` and sets the counterparty's
   * `relationshipStage`. Returns the entries written (none when nothing changed).
   * Refuses bad rules like `relationshipStages`.
   */
  recordRelationshipStages(query?: RelationshipStagesQuery): Promise<RelationshipStageChange[]>;
}

const positiveWhole = v.pipe(v.number('error.invalid'), v.integer('error.invalid'), v.minValue(1, 'error.invalid'));

/** A CV limit in %: CVs above 100 % are common, so no upper bound. */
const nonNegative = v.pipe(v.number('error.percent'), v.minValue(0, 'error.percent'));

const thresholdsSchema = v.optional(
  v.object({
    abc: v.optional(
      v.pipe(
        v.tuple([percent, percent, percent], 'error.invalid'),
        v.check(([a, b, c]) => Math.abs(a + b + c - 100) < 1e-9 && a > 0, 'error.percent'),
      ),
    ),
    xyz: v.optional(
      v.pipe(
        v.tuple([nonNegative, nonNegative], 'error.invalid'),
        v.check(([x, y]) => x <= y, 'error.percent'),
      ),
    ),
  }),
);

const abcXyzSchema = v.pipe(
  v.object({
    from: calendarDate,
    to: calendarDate,
    thresholds: thresholdsSchema,
    currency: v.optional(currencyCode, 'UAH'),
  }),
  v.forward(
    v.check(({ from, to }) => to >= from, 'error.date'),
    ['to'],
  ),
);

const stagesSchema = v.optional(
  v.object({
    at: v.optional(instant),
    rules: v.optional(
      v.object({
        regularPurchases: v.optional(positiveWhole),
        regularMonths: v.optional(positiveWhole),
        lapsedDays: v.optional(positiveWhole),
      }),
    ),
  }),
  {},
);

/** Orders that count as revenue and purchases. */
const counts = (order: Order) => order.status !== 'cancelled';

export function createCustomerReports(ctx: StoreContext): CustomerReports {
  const { db } = ctx;

  async function names(ids: Id[]): Promise<Map<Id, string>> {
    const records = await db.counterparties.bulkGet(ids);
    return new Map(records.flatMap((record) => (record ? [[record.id, record.name] as const] : [])));
  }

  async function computeStages(query: RelationshipStagesQuery | undefined) {
    const { at = ctx.now(), rules } = parseInput(stagesSchema, query);
    const [counterparties, orders] = await Promise.all([db.counterparties.where('archived').equals(0).toArray(), db.orders.toArray()]);
    const purchases: PurchaseRow[] = orders.filter(counts).map((order) => ({ customerId: order.counterpartyId, date: order.date }));
    const result = relationshipStages(counterparties, purchases, { at, rules: { ...defaultRelationshipRules, ...rules } });
    return { result, counterparties: new Map(counterparties.map((c) => [c.id, c])) };
  }

  return {
    async abcXyz(query) {
      const { from, to, thresholds, currency } = parseInput(abcXyzSchema, query);
      const orders = await db.orders.where('date').between(from, to, true, true).toArray();
      const rows: RevenueRow[] = orders
        .filter((order) => counts(order) && order.currency === currency)
        .map((order) => ({ customerId: order.counterpartyId, date: order.date, amount: order.total }));
      const report = abcXyz(rows, {
        from,
        to,
        thresholds: { abc: thresholds?.abc ?? defaultAbcXyzThresholds.abc, xyz: thresholds?.xyz ?? defaultAbcXyzThresholds.xyz },
      });
      const named = await names(report.customers.map((customer) => customer.customerId));
      return {
        ...report,
        currency,
        customers: report.customers.map((customer) => ({ ...customer, name: named.get(customer.customerId) ?? '' })),
      };
    },

    async relationshipStages(query) {
      const { result, counterparties } = await computeStages(query);
      return {
        ...result,
        customers: result.customers.map((row) => {
          const counterparty = counterparties.get(row.customerId)!;
          return { ...row, name: counterparty.name, recordedStage: counterparty.relationshipStage };
        }),
      };
    },

    async recordRelationshipStages(query) {
      parseInput(stagesSchema, query);
      return ctx.write([db.counterparties, db.orders, db.relationshipStageHistory], async () => {
        const { result, counterparties } = await computeStages(query);
        const now = ctx.now();
        const written: RelationshipStageChange[] = [];
        for (const row of result.customers) {
          const counterparty = counterparties.get(row.customerId)!;
          if (counterparty.relationshipStage === row.stage) continue;
          written.push({
            id: ctx.newId(),
            counterpartyId: row.customerId,
            stage: row.stage,
            fromStage: counterparty.relationshipStage,
            at: result.at,
            createdAt: now,
            updatedAt: now,
          });
        }
        if (written.length) {
          await db.relationshipStageHistory.bulkAdd(written);
          await db.counterparties.bulkUpdate(
            written.map((entry) => ({ key: entry.counterpartyId, changes: { relationshipStage: entry.stage, updatedAt: now } })),
          );
        }
        return written;
      });
    },
  };
}

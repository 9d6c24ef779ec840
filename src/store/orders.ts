/**
 * E4 customer orders and their payments: where revenue, cost, profit and a
 * counterparty's debt come from (H7, A-reports). An order's `total` (with VAT)
 * and `cost` are computed from its lines by `proposalTotals`, never typed in.
 */
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import { CrmError, notFound } from './errors.js';
import { proposalLineSchema, proposalTotals, withLineIds } from './proposals.js';
import type { CrmStore } from './store.js';
import type { CalendarDate, Id, Order, OrderStatus, Payment, ProposalLine } from './types.js';
import { calendarDate, currencyCode, id, minorUnits, optionalId, parseInput } from './validation.js';

const orderStatuses = ['new', 'in-progress', 'fulfilled', 'cancelled'] as const satisfies readonly OrderStatus[];

/** Which status an order may go to from which. `fulfilled` and `cancelled` are final. */
const transitions: Record<OrderStatus, readonly OrderStatus[]> = {
  new: ['in-progress', 'fulfilled', 'cancelled'],
  'in-progress': ['fulfilled', 'cancelled'],
  fulfilled: [],
  cancelled: [],
};

const createSchema = v.object({
  counterpartyId: id,
  dealId: optionalId,
  proposalId: optionalId,
  date: calendarDate,
  currency: v.optional(currencyCode, 'UAH'),
  status: v.optional(v.picklist(orderStatuses, 'error.invalid'), 'new'),
  lines: v.pipe(v.array(proposalLineSchema, 'error.required'), v.minLength(1, 'error.required')),
});

const statusSchema = v.picklist(orderStatuses, 'error.invalid');

const paymentSchema = v.object({
  amount: v.object(
    {
      minor: v.pipe(minorUnits, v.minValue(1, 'error.amount')),
      currency: v.optional(currencyCode),
    },
    'error.amount',
  ),
  date: calendarDate,
});

const periodSchema = v.object({
  from: v.optional(calendarDate),
  to: v.optional(calendarDate),
  status: v.optional(statusSchema),
  counterpartyId: optionalId,
});

/** An order line as given: `id` kept if present; `unit` 'шт', discount 0, VAT 20 %, cost 0 when omitted. */
export interface OrderLineInput {
  id?: Id;
  name: string;
  quantity: number;
  unit?: string;
  unitPrice: number;
  discountPercent?: number;
  vatPercent?: number;
  unitCost?: number;
}

export interface CreateOrderInput {
  counterpartyId: Id;
  dealId?: Id;
  proposalId?: Id;
  date: CalendarDate;
  /** UAH when omitted. */
  currency?: string;
  /** `'new'` when omitted. */
  status?: OrderStatus;
  /** At least one line. */
  lines: OrderLineInput[];
}

export interface AddPaymentInput {
  /** More than zero; the order's currency (taken when omitted). */
  amount: { minor: number; currency?: string };
  date: CalendarDate;
}

export interface OrderPeriod {
  /** First date, inclusive. */
  from?: CalendarDate;
  /** Last date, inclusive. */
  to?: CalendarDate;
  status?: OrderStatus;
  counterpartyId?: Id;
}

/** A counterparty's money in one currency, minor units. */
export interface OrdersSummary {
  /** Totals (with VAT) of fulfilled orders. */
  revenue: number;
  /** Cost of fulfilled orders. */
  cost: number;
  /** `revenue − cost`. */
  profit: number;
  /** Every payment received. */
  paid: number;
  /** Totals of fulfilled and in-progress orders minus the payments made for them (negative when overpaid). */
  debt: number;
}

/** Customer orders and payments (E4). */
export interface OrdersRepository {
  /**
   * Creates an order; `total` and `cost` come from its lines
   * (`proposalTotals`). Refuses: no lines (`VALIDATION`, `lines`,
   * `error.required`), a bad line (`lines.N.quantity`, …), a bad date
   * (`date`); a missing counterparty, deal or proposal (`NOT_FOUND`).
   */
  create(input: CreateOrderInput): Promise<Order>;
  /**
   * Moves an order along new → in-progress → fulfilled, or to cancelled;
   * the same status changes nothing. `fulfilled` and `cancelled` are final:
   * other changes are `INVALID_STATE` (`status`, `error.invalidTransition`).
   */
  setStatus(orderId: Id, status: OrderStatus): Promise<Order>;
  /**
   * Records a payment for an order. Refuses: an amount of zero or less
   * (`VALIDATION`, `amount.minor`), another currency than the order's
   * (`VALIDATION`, `amount.currency`, `error.currency`), a cancelled order
   * (`INVALID_STATE`, `orderId`, `error.invalidTransition`), a missing one (`NOT_FOUND`).
   */
  addPayment(orderId: Id, input: AddPaymentInput): Promise<Payment>;
  /** Deletes a payment entered by mistake; returns it. `NOT_FOUND` (`paymentId`). */
  removePayment(paymentId: Id): Promise<Payment>;
  /** One order, or `undefined`. Live-query safe. */
  get(orderId: Id): Promise<Order | undefined>;
  /** An order's payments by date. Live-query safe. */
  payments(orderId: Id): Promise<Payment[]>;
  /** A counterparty's orders, newest first. Live-query safe. */
  forCounterparty(counterpartyId: Id): Promise<Order[]>;
  /** A deal's orders, newest first. Live-query safe. */
  forDeal(dealId: Id): Promise<Order[]>;
  /** A counterparty's revenue, cost, profit, payments and debt by currency code. Live-query safe. */
  summary(counterpartyId: Id): Promise<Record<string, OrdersSummary>>;
  /** Orders dated within a period (inclusive), newest first. Live-query safe. */
  list(period?: OrderPeriod): Promise<Order[]>;
  /** Payments dated within a period (inclusive), oldest first. Live-query safe. */
  paymentsInPeriod(period?: { from?: CalendarDate; to?: CalendarDate }): Promise<Payment[]>;
}

const newestFirst = (a: Order, b: Order) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt;

export function createOrdersRepository(ctx: StoreContext, _store: CrmStore): OrdersRepository {
  const { db } = ctx;

  async function requireOrder(orderId: Id): Promise<Order> {
    const order = await db.orders.get(orderId);
    if (!order) throw notFound('orderId', orderId);
    return order;
  }

  return {
    async create(input) {
      const parsed = parseInput(createSchema, input);
      return ctx.write([db.orders, db.counterparties, db.deals, db.proposals], async () => {
        if (!(await db.counterparties.get(parsed.counterpartyId))) throw notFound('counterpartyId', parsed.counterpartyId);
        if (parsed.dealId !== undefined && !(await db.deals.get(parsed.dealId))) throw notFound('dealId', parsed.dealId);
        if (parsed.proposalId !== undefined && !(await db.proposals.get(parsed.proposalId))) throw notFound('proposalId', parsed.proposalId);
        const lines: ProposalLine[] = withLineIds(ctx, parsed.lines);
        const { totals } = proposalTotals(lines);
        const now = ctx.now();
        const order: Order = {
          id: ctx.newId(),
          counterpartyId: parsed.counterpartyId,
          date: parsed.date,
          status: parsed.status,
          currency: parsed.currency,
          total: totals.gross,
          cost: totals.cost,
          lines,
          createdAt: now,
          updatedAt: now,
        };
        if (parsed.dealId !== undefined) order.dealId = parsed.dealId;
        if (parsed.proposalId !== undefined) order.proposalId = parsed.proposalId;
        await db.orders.add(order);
        return order;
      });
    },

    async setStatus(orderId, status) {
      const parsed = parseInput(statusSchema, status, 'status');
      return ctx.write([db.orders], async () => {
        const order = await requireOrder(orderId);
        if (order.status === parsed) return order;
        if (!transitions[order.status].includes(parsed))
          throw new CrmError('INVALID_STATE', 'error.invalidTransition', { field: 'status', params: { from: order.status, to: parsed } });
        const updated: Order = { ...order, status: parsed, updatedAt: ctx.now() };
        await db.orders.put(updated);
        return updated;
      });
    },

    async addPayment(orderId, input) {
      const parsed = parseInput(paymentSchema, input);
      return ctx.write([db.orders, db.payments], async () => {
        const order = await requireOrder(orderId);
        const currency = parsed.amount.currency ?? order.currency;
        if (currency !== order.currency) throw new CrmError('VALIDATION', 'error.currency', { field: 'amount.currency' });
        if (order.status === 'cancelled') throw new CrmError('INVALID_STATE', 'error.invalidTransition', { field: 'orderId' });
        const now = ctx.now();
        const payment: Payment = {
          id: ctx.newId(),
          orderId,
          counterpartyId: order.counterpartyId,
          date: parsed.date,
          amount: { minor: parsed.amount.minor, currency },
          createdAt: now,
          updatedAt: now,
        };
        await db.payments.add(payment);
        return payment;
      });
    },

    async removePayment(paymentId) {
      return ctx.write([db.payments], async () => {
        const payment = await db.payments.get(paymentId);
        if (!payment) throw notFound('paymentId', paymentId);
        await db.payments.delete(paymentId);
        return payment;
      });
    },

    get: (orderId) => db.orders.get(orderId),

    async payments(orderId) {
      const payments = await db.payments.where('orderId').equals(orderId).toArray();
      return payments.sort((a, b) => a.date.localeCompare(b.date) || a.createdAt - b.createdAt);
    },

    async forCounterparty(counterpartyId) {
      return (await db.orders.where('counterpartyId').equals(counterpartyId).toArray()).sort(newestFirst);
    },

    async forDeal(dealId) {
      return (await db.orders.where('dealId').equals(dealId).toArray()).sort(newestFirst);
    },

    async summary(counterpartyId) {
      const [orders, payments] = await Promise.all([
        db.orders.where('counterpartyId').equals(counterpartyId).toArray(),
        db.payments.where('counterpartyId').equals(counterpartyId).toArray(),
      ]);
      const result: Record<string, OrdersSummary> = {};
      const of = (currency: string) => (result[currency] ??= { revenue: 0, cost: 0, profit: 0, paid: 0, debt: 0 });
      const billed = new Map<Id, Order>();
      for (const order of orders) {
        if (order.status === 'fulfilled') {
          const summary = of(order.currency);
          summary.revenue += order.total;
          summary.cost += order.cost;
        }
        if (order.status === 'fulfilled' || order.status === 'in-progress') {
          billed.set(order.id, order);
          of(order.currency).debt += order.total;
        }
      }
      for (const payment of payments) {
        const summary = of(payment.amount.currency);
        summary.paid += payment.amount.minor;
        if (billed.has(payment.orderId)) summary.debt -= payment.amount.minor;
      }
      for (const summary of Object.values(result)) summary.profit = summary.revenue - summary.cost;
      return result;
    },

    async list(period = {}) {
      const parsed = parseInput(periodSchema, period);
      const orders = await db.orders.where('date').between(parsed.from ?? '', parsed.to ?? '\uffff', true, true).toArray();
      return orders
        .filter(
          (order) =>
            (parsed.status === undefined || order.status === parsed.status) &&
            (parsed.counterpartyId === undefined || order.counterpartyId === parsed.counterpartyId),
        )
        .sort(newestFirst);
    },

    async paymentsInPeriod(period = {}) {
      const parsed = parseInput(periodSchema, period);
      const payments = await db.payments.where('date').between(parsed.from ?? '', parsed.to ?? '\uffff', true, true).toArray();
      return payments.sort((a, b) => a.date.localeCompare(b.date) || a.createdAt - b.createdAt);
    },
  };
}

/**
 * ABC/XYZ classification of customers (H4): pure functions over plain rows.
 *
 * **Revenue.** The store's live read feeds one row per order that is not
 * cancelled (`new`, `in-progress`, `fulfilled`), dated by the order's `date`,
 * worth its `total` (with VAT, minor units), in one currency (UAH unless
 * asked otherwise; orders in other currencies are left out). Orders, not
 * payments: ABC/XYZ classifies what customers buy and how steadily, whether
 * or not they have paid yet; and unlike won deals, an order always belongs to
 * a registered counterparty.
 */
import type { CalendarDate, CalendarMonth, Id } from '../types.js';

/** One purchase worth counting: a customer's revenue on a date (minor units). */
export interface RevenueRow {
  customerId: Id;
  date: CalendarDate;
  /** Minor units, ≥ 0. */
  amount: number;
}

export type AbcClass = 'A' | 'B' | 'C';
export type XyzClass = 'X' | 'Y' | 'Z';
/** A cell of the 3×3 matrix: `AX` … `CZ`. */
export type AbcXyzCell = `${AbcClass}${XyzClass}`;

/** The classes' limits, in per cent. */
export interface AbcXyzThresholds {
  /** Shares of revenue of A, B and C; they sum to 100. Default `[80, 15, 5]`. */
  abc: readonly [number, number, number];
  /** Largest coefficient of variation (%) of X and of Y; above the second is Z. Default `[10, 25]`. */
  xyz: readonly [number, number];
}

export const defaultAbcXyzThresholds: AbcXyzThresholds = { abc: [80, 15, 5], xyz: [10, 25] };

export interface AbcXyzOptions {
  /** First day of the period, included. */
  from: CalendarDate;
  /** Last day of the period, included. */
  to: CalendarDate;
  thresholds?: Partial<AbcXyzThresholds>;
}

/** One classified customer. */
export interface AbcXyzCustomer {
  customerId: Id;
  /** Revenue in the period, minor units (> 0). */
  revenue: number;
  /** 1 = the largest revenue. */
  rank: number;
  /** This customer's share of the total, 0–100. */
  share: number;
  /** Share of the customers ranked above this one, 0–100 (what decides the ABC class). */
  shareBefore: number;
  abc: AbcClass;
  /** Revenue per month of the period, in order (zeros included). */
  monthly: number[];
  /** Coefficient of variation of `monthly`, % (population standard deviation ÷ mean × 100). */
  cv: number;
  xyz: XyzClass;
}

/** One cell of the matrix. */
export interface AbcXyzMatrixCell {
  cell: AbcXyzCell;
  abc: AbcClass;
  xyz: XyzClass;
  count: number;
  /** Minor units. */
  revenue: number;
  /** In rank order (largest revenue first). */
  customerIds: Id[];
}

/** The classification of a period. */
export interface AbcXyzReport {
  from: CalendarDate;
  to: CalendarDate;
  /** The calendar months the period touches, in order. */
  months: CalendarMonth[];
  thresholds: AbcXyzThresholds;
  /** Customers with revenue in the period, by rank. */
  customers: AbcXyzCustomer[];
  /** Nine cells, rows A, B, C × columns X, Y, Z: `AX, AY, AZ, BX, …, CZ`. */
  matrix: AbcXyzMatrixCell[];
  /** Total revenue in the period, minor units. */
  revenue: number;
}

export const abcClasses: readonly AbcClass[] = ['A', 'B', 'C'];
export const xyzClasses: readonly XyzClass[] = ['X', 'Y', 'Z'];

/** The calendar months from `from`'s to `to`'s, both included (none when `to` is before `from`). */
export function monthsBetween(from: CalendarDate, to: CalendarDate): CalendarMonth[] {
  const months: CalendarMonth[] = [];
  if (to < from) return months;
  let [year, month] = from.split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/** Coefficient of variation in %: population standard deviation ÷ mean × 100; 0 for an empty list or a zero mean. */
export function coefficientOfVariation(values: readonly number[]): number {
  if (!values.length) return 0;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  if (mean === 0) return 0;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return (Math.sqrt(variance) / mean) * 100;
}

/** Tolerance for comparing a computed CV with a threshold, so 10.000000001 % is still "≤ 10 %". */
const EPSILON = 1e-9;

/**
 * Classifies the customers of `rows` over a period.
 *
 * - Only rows dated `from`…`to` (both included) count; customers whose revenue
 *   there is 0 are not classified (they are not in `customers` nor the matrix).
 * - **ABC:** customers sorted by revenue, largest first (ties by id, so the
 *   result is stable). With `before` = the revenue of the customers ranked
 *   above, as a share of the total: **A** if `before < a`, **B** if
 *   `before < a + b`, else **C** (`[a, b, c] = thresholds.abc`). So the
 *   largest customer is always A, and the customer that crosses 80 % is still A.
 * - **XYZ:** the customer's revenue in each calendar month the period touches
 *   (months without a purchase are 0; a partial first or last month counts only
 *   its days inside the period), then the coefficient of variation (population
 *   standard deviation ÷ mean × 100): **X** if `cv ≤ x`, **Y** if `cv ≤ y`,
 *   else **Z** (`[x, y] = thresholds.xyz`). A one-month period has no
 *   variation to measure: every CV is 0 and every customer is X.
 * - The matrix always has nine cells in the order `AX, AY, AZ, BX, …, CZ`.
 */
export function abcXyz(rows: readonly RevenueRow[], options: AbcXyzOptions): AbcXyzReport {
  const thresholds: AbcXyzThresholds = {
    abc: options.thresholds?.abc ?? defaultAbcXyzThresholds.abc,
    xyz: options.thresholds?.xyz ?? defaultAbcXyzThresholds.xyz,
  };
  const { from, to } = options;
  const months = monthsBetween(from, to);
  const monthIndex = new Map(months.map((month, index) => [month, index]));
  const byCustomer = new Map<Id, number[]>();
  for (const row of rows) {
    if (row.date < from || row.date > to || !(row.amount > 0)) continue;
    const index = monthIndex.get(row.date.slice(0, 7));
    if (index === undefined) continue;
    let monthly = byCustomer.get(row.customerId);
    if (!monthly) byCustomer.set(row.customerId, (monthly = new Array<number>(months.length).fill(0)));
    monthly[index]! += row.amount;
  }

  const ranked = [...byCustomer]
    .map(([customerId, monthly]) => ({ customerId, monthly, revenue: monthly.reduce((sum, value) => sum + value, 0) }))
    .sort((a, b) => b.revenue - a.revenue || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  const total = ranked.reduce((sum, customer) => sum + customer.revenue, 0);
  const [a, b] = thresholds.abc;
  const [x, y] = thresholds.xyz;

  let before = 0;
  const customers: AbcXyzCustomer[] = ranked.map((customer, index) => {
    // Integer revenue × 100 against a share × total: no rounding at the borders.
    const abc: AbcClass = before * 100 < a * total ? 'A' : before * 100 < (a + b) * total ? 'B' : 'C';
    const cv = coefficientOfVariation(customer.monthly);
    const xyz: XyzClass = cv <= x + EPSILON ? 'X' : cv <= y + EPSILON ? 'Y' : 'Z';
    const row: AbcXyzCustomer = {
      customerId: customer.customerId,
      revenue: customer.revenue,
      rank: index + 1,
      share: (customer.revenue / total) * 100,
      shareBefore: (before / total) * 100,
      abc,
      monthly: customer.monthly,
      cv,
      xyz,
    };
    before += customer.revenue;
    return row;
  });

  const matrix: AbcXyzMatrixCell[] = abcClasses.flatMap((abc) =>
    xyzClasses.map((xyz) => ({ cell: `${abc}${xyz}` as AbcXyzCell, abc, xyz, count: 0, revenue: 0, customerIds: [] as Id[] })),
  );
  // One pass, in rank order: each cell's list comes out in rank order too.
  for (const customer of customers) {
    const cell = matrix[abcClasses.indexOf(customer.abc) * 3 + xyzClasses.indexOf(customer.xyz)]!;
    cell.count += 1;
    cell.revenue += customer.revenue;
    cell.customerIds.push(customer.customerId);
  }
  return { from, to, months, thresholds, customers, matrix, revenue: total };
}

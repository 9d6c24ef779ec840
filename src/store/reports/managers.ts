/**
 * Manager efficiency (H6) as a pure function: plain records in, plain rows out.
 */
import type { Deal, Id, Interaction, User } from '../types.js';
import type { SumsByCurrency } from '../deals.js';
import { addTo, ratio, type ReportPeriod } from './funnel.js';

/** One manager's numbers over a period. */
export interface ManagerRow {
  /** The user id; `''` for deals / interactions with no (or an unknown) manager. */
  key: Id;
  label: string;
  /** Interactions done in the period (`status` `done`, `at` in it) authored by the manager. */
  interactions: number;
  /** Deals of the manager won in the period (`closedAt` in it). */
  won: number;
  /** Deals of the manager lost in the period. */
  lost: number;
  /** won / (won + lost); `null` when nothing closed. */
  conversion: number | null;
  /** Revenue in UAH minor units: amounts of the won deals. */
  revenue: number;
  /** Revenue per currency (UAH included). */
  revenueByCurrency: SumsByCurrency;
  /** Average days from `createdAt` to `closedAt` of the won deals; `null` when none. */
  averageCycleDays: number | null;
  /** The won and lost deals, for drill-down. */
  dealIds: Id[];
}

const DAY = 86_400_000;

/**
 * Per manager over `[from, to)`: see {@link ManagerRow} for each number. Rows:
 * every active user with the `manager` role (in `users` order) and every user with numbers, then a row
 * `key: ''` for records without a known manager if it has numbers. Deals are
 * attributed to their CURRENT `managerId`; interactions to `authorId`.
 */
export function managersReport(
  data: { users: readonly User[]; deals: readonly Deal[]; interactions: readonly Interaction[] },
  period: ReportPeriod,
): ManagerRow[] {
  const known = new Set(data.users.map((u) => u.id));
  const keyOf = (id: Id | undefined) => (id !== undefined && known.has(id) ? id : '');
  type Acc = Omit<ManagerRow, 'conversion' | 'averageCycleDays'> & { cycle: number[] };
  const rows = new Map<Id, Acc>();
  const row = (key: Id, label = ''): Acc => {
    let acc = rows.get(key);
    if (!acc) {
      acc = { key, label, interactions: 0, won: 0, lost: 0, revenue: 0, revenueByCurrency: {}, dealIds: [], cycle: [] };
      rows.set(key, acc);
    }
    return acc;
  };
  for (const user of data.users) row(user.id, user.name);
  for (const item of data.interactions) {
    if (item.status === 'done' && item.at >= period.from && item.at < period.to) row(keyOf(item.authorId)).interactions++;
  }
  for (const deal of data.deals) {
    if (deal.status === 'open' || deal.closedAt === undefined || deal.closedAt < period.from || deal.closedAt >= period.to) continue;
    const acc = row(keyOf(deal.managerId));
    acc.dealIds.push(deal.id);
    if (deal.status === 'lost') {
      acc.lost++;
      continue;
    }
    acc.won++;
    acc.cycle.push(deal.closedAt - deal.createdAt); // whole ms: the sum is exact whatever the order
    addTo(acc.revenueByCurrency, deal.amount.currency, deal.amount.minor);
    if (deal.amount.currency === 'UAH') acc.revenue += deal.amount.minor;
  }
  const active = new Set(data.users.filter((u) => u.active && u.roles.includes('manager')).map((u) => u.id));
  return [...rows.values()]
    .filter((acc) => (acc.key !== '' && active.has(acc.key)) || acc.interactions + acc.won + acc.lost > 0)
    .map(({ cycle, ...acc }) => ({
      ...acc,
      dealIds: acc.dealIds.sort(),
      conversion: ratio(acc.won, acc.won + acc.lost),
      averageCycleDays: cycle.length ? cycle.reduce((a, b) => a + b, 0) / cycle.length / DAY : null,
    }));
}

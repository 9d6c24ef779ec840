import { expect } from '@open-wc/testing';
import { dealFunnel, leadFunnel } from '../../../src/store/reports/funnel.js';
import type { Order } from '../../../src/store/types.js';
import { T, deal, entry, lead, stage } from './sales-fixtures.js';

const stages = [stage('s2', 2), stage('s0', 0), stage('s3', 3), stage('s1', 1)];
// A: s0 → s1 → s3 (skips s2) → won.  B: s0 → s2 (skips s1) → back to s1, still open.
// C: enters after the period.  D: entered s0 before the period, moved to s1 in it (USD, other manager).
const deals = [
  deal('A', { managerId: 'm1', sourceId: 'src1', amount: { minor: 1000, currency: 'UAH' }, status: 'won' }),
  deal('B', { managerId: 'm1', sourceId: 'src2', amount: { minor: 500, currency: 'UAH' } }),
  deal('C', { managerId: 'm1', amount: { minor: 700, currency: 'UAH' } }),
  deal('D', { managerId: 'm2', amount: { minor: 200, currency: 'USD' } }),
];
const history = [
  entry('A', 's0', 0), entry('A', 's1', 2, 's0'), entry('A', 's3', 3, 's1'), entry('A', 's3', 5, 's3', 'won'),
  entry('B', 's0', 1), entry('B', 's2', 2, 's0'), entry('B', 's1', 4, 's2'),
  entry('C', 's0', 11),
  entry('D', 's0', -5), entry('D', 's1', 1, 's0'),
];
const period = { from: T(0), to: T(10) };
const pick = (rows: ReturnType<typeof dealFunnel>, field: keyof (typeof rows)[number]) => rows.map((row) => row[field]);

describe('reports.dealFunnel', () => {
  it('counts the deals that reached each stage, skipped stages included, a moved-back deal once (hand table)', () => {
    const rows = dealFunnel({ stages, deals, history }, period);
    expect(pick(rows, 'key')).to.deep.equal(['s0', 's1', 's2', 's3']);
    expect(pick(rows, 'reached')).to.deep.equal([3, 3, 2, 1]);
    expect(pick(rows, 'fromPrevious')).to.deep.equal([null, 1, 2 / 3, 1 / 2]);
    expect(pick(rows, 'fromStart')).to.deep.equal([1, 1, 2 / 3, 1 / 3]);
    expect(pick(rows, 'dropOff')).to.deep.equal([0, 1, 1, null]);
    expect(pick(rows, 'sums')).to.deep.equal([{ UAH: 1500, USD: 200 }, { UAH: 1500, USD: 200 }, { UAH: 1500 }, { UAH: 1000 }]);
    expect(pick(rows, 'dealIds')).to.deep.equal([['A', 'B', 'D'], ['A', 'B', 'D'], ['A', 'B'], ['A']]);
  });

  it('measures median days in a stage from entry to leaving, an open visit to the period end', () => {
    const rows = dealFunnel({ stages, deals, history }, period);
    // s0: A 2 d, B 1 d (D entered before the period) → 1.5; s1: A 1, B 6 (back, open to day 10), D 9 → 6;
    // s2: B 2; s3: A from day 3 to its win on day 5 → 2.
    expect(pick(rows, 'medianDays')).to.deep.equal([1.5, 6, 2, 2]);
  });

  it('measures an open visit to asOf when that is before the period end', () => {
    const rows = dealFunnel({ stages, deals, history }, { ...period, asOf: T(8) });
    expect(rows[1]!.medianDays).to.equal(4); // A 1, B 4, D 7
  });

  it('filters by manager: conversions from a zero base are null', () => {
    const rows = dealFunnel({ stages, deals, history }, { ...period, managerId: 'm2' });
    expect(pick(rows, 'reached')).to.deep.equal([1, 1, 0, 0]);
    expect(pick(rows, 'fromPrevious')).to.deep.equal([null, 1, 0, null]);
    expect(pick(rows, 'fromStart')).to.deep.equal([1, 1, 0, 0]);
    expect(pick(rows, 'medianDays')).to.deep.equal([null, 9, null, null]);
  });

  it('one deal (by source): the stage it skipped counts but has no time in it', () => {
    const rows = dealFunnel({ stages, deals, history }, { ...period, sourceId: 'src1' });
    expect(pick(rows, 'reached')).to.deep.equal([1, 1, 1, 1]);
    expect(pick(rows, 'medianDays')).to.deep.equal([2, 1, null, 2]);
  });

  it('no deals: zero rows for every stage, null conversions', () => {
    const rows = dealFunnel({ stages, deals: [], history: [] }, period);
    expect(pick(rows, 'reached')).to.deep.equal([0, 0, 0, 0]);
    expect(pick(rows, 'fromStart')).to.deep.equal([null, null, null, null]);
    expect(pick(rows, 'fromPrevious')).to.deep.equal([null, null, null, null]);
    expect(pick(rows, 'dropOff')).to.deep.equal([0, 0, 0, null]);
    expect(pick(rows, 'sums')).to.deep.equal([{}, {}, {}, {}]);
  });
});

describe('reports.leadFunnel', () => {
  const dateOf = (at: number) => new Date(at).toISOString().slice(0, 10);
  const order = (id: string, counterpartyId: string, date: string, total: number, status: Order['status'] = 'new') =>
    ({ id, counterpartyId, date, total, status, currency: 'UAH', cost: 0, lines: [], createdAt: 0, updatedAt: 0 }) as Order;

  it('follows the leads created in the period to customers and to orders (hand table)', () => {
    const leads = [
      lead('L1', { createdAt: T(1), status: 'converted', counterpartyId: 'cp1', convertedAt: T(2) }),
      lead('L2', { createdAt: T(3), status: 'converted', counterpartyId: 'cp2', convertedAt: T(4) }),
      lead('L3', { createdAt: T(5) }),
      lead('L4', { createdAt: T(-3), status: 'converted', counterpartyId: 'cp3', convertedAt: T(1) }),
    ];
    const orders = [
      order('O1', 'cp1', '2026-01-04', 5000),
      order('O2', 'cp1', '2026-01-05', 900, 'cancelled'),
      order('O3', 'cp2', '2026-01-04', 300), // before cp2's conversion on 01-05
      order('O4', 'cp3', '2026-01-04', 800), // its lead is not in the cohort
      order('O5', 'cp1', '2026-01-12', 100), // after the period
    ];
    const rows = leadFunnel({ leads, counterparties: [{ id: 'cp1' }, { id: 'cp2' }, { id: 'cp3' }], orders }, { ...period, dateOf });
    expect(pick(rows, 'key')).to.deep.equal(['leads', 'customers', 'orders']);
    expect(pick(rows, 'reached')).to.deep.equal([3, 2, 1]);
    expect(pick(rows, 'fromPrevious')).to.deep.equal([null, 2 / 3, 1 / 2]);
    expect(pick(rows, 'dropOff')).to.deep.equal([1, 1, null]);
    expect(pick(rows, 'sums')).to.deep.equal([{}, {}, { UAH: 5000 }]);
    expect(pick(rows, 'ids')).to.deep.equal([['L1', 'L2', 'L3'], ['cp1', 'cp2'], ['O1']]);
  });

  it('an empty period gives zero steps', () => {
    const rows = leadFunnel({ leads: [], counterparties: [], orders: [] }, { ...period, dateOf });
    expect(pick(rows, 'reached')).to.deep.equal([0, 0, 0]);
    expect(pick(rows, 'fromStart')).to.deep.equal([null, null, null]);
  });
});

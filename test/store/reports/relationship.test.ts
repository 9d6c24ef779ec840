import { expect } from '@open-wc/testing';
import { monthsBefore, relationshipStages, type PurchaseRow } from '../../../src/store/reports/relationship.js';

// At 15 June 2025, 12:00 Kyiv; default rules: regular = 2 purchases within 12 months (after 2024-06-15), lapsed = over 180 days.
const at = new Date(2025, 5, 15, 12).getTime();
const customers = ['none', 'once', 'twice', 'gone', 'spread', 'future', 'day180', 'day181', 'newcomer'].map((id) => ({
  id,
  createdAt: id === 'newcomer' ? new Date(2025, 5, 16).getTime() : new Date(2023, 0, 1).getTime(),
}));
const purchases: PurchaseRow[] = [
  { customerId: 'once', date: '2025-05-01' }, // 45 days ago, one purchase → first purchase
  { customerId: 'twice', date: '2024-09-01' }, // two within 12 months → regular
  { customerId: 'twice', date: '2025-03-01' },
  { customerId: 'gone', date: '2024-11-01' }, // 226 days ago → lapsed
  { customerId: 'spread', date: '2024-01-10' }, // outside the 12 months
  { customerId: 'spread', date: '2025-05-20' }, // one inside → first purchase
  { customerId: 'future', date: '2025-07-01' }, // after the instant → ignored → potential
  { customerId: 'day180', date: '2024-12-17' }, // exactly 180 days → not lapsed yet
  { customerId: 'day181', date: '2024-12-16' }, // 181 days → lapsed
  { customerId: 'newcomer', date: '2025-06-01' },
];

describe('reports.relationshipStages (pure)', () => {
  it('judges each customer at the instant by the default rules', () => {
    const result = relationshipStages(customers, purchases, { at });
    expect(Object.fromEntries(result.customers.map((c) => [c.customerId, c.stage]))).to.deep.equal({
      none: 'potential',
      once: 'first-purchase',
      twice: 'regular',
      gone: 'lapsed',
      spread: 'first-purchase',
      future: 'potential',
      day180: 'first-purchase',
      day181: 'lapsed',
    });
    expect(result.counts).to.deep.equal({ potential: 2, 'first-purchase': 3, regular: 1, lapsed: 2 });
    const gone = result.customers.find((c) => c.customerId === 'gone')!;
    expect(gone).to.include({ purchases: 1, lastPurchase: '2024-11-01', daysSinceLastPurchase: 226 });
    expect(result.customers.find((c) => c.customerId === 'spread')).to.include({ purchases: 2, recentPurchases: 1 });
  });

  it('follows changed rules', () => {
    const result = relationshipStages(customers, purchases, { at, rules: { regularPurchases: 1, lapsedDays: 365 } });
    expect(Object.fromEntries(result.customers.map((c) => [c.customerId, c.stage]))).to.include({
      once: 'regular',
      gone: 'regular',
      spread: 'regular',
      day181: 'regular',
      none: 'potential',
    });
    expect(result.rules).to.deep.equal({ regularPurchases: 1, regularMonths: 12, lapsedDays: 365 });
  });

  it('counts nothing when there are no customers, and one customer alone', () => {
    expect(relationshipStages([], purchases, { at }).counts).to.deep.equal({ potential: 0, 'first-purchase': 0, regular: 0, lapsed: 0 });
    const one = relationshipStages([{ id: 'twice' }], purchases, { at });
    expect(one.customers.map((c) => c.stage)).to.deep.equal(['regular']);
  });

  it('goes back whole months, clamped to the month end', () => {
    expect(monthsBefore('2025-03-31', 1)).to.equal('2025-02-28');
    expect(monthsBefore('2025-06-15', 12)).to.equal('2024-06-15');
    expect(monthsBefore('2024-03-31', 1)).to.equal('2024-02-29');
  });
});

import { expect } from '@open-wc/testing';
import { sourcesReport } from '../../../src/store/reports/sources.js';
import type { AcquisitionSource } from '../../../src/store/types.js';
import { T, deal, lead, stage } from './sales-fixtures.js';

const source = (id: string, plannedSpend: AcquisitionSource['plannedSpend'] = [], archived: 0 | 1 = 0): AcquisitionSource =>
  ({ id, name: `Джерело ${id}`, plannedSpend, archived, createdAt: 0, updatedAt: 0 });
const uah = (minor: number) => ({ minor, currency: 'UAH' });
const sources = [
  source('S1', [{ month: '2026-01', amount: uah(1000) }, { month: '2026-02', amount: uah(500) }]),
  source('S2', [], 1),
  source('S3'),
];
const leads = [lead('l1', { sourceId: 'S1', createdAt: T(1) }), lead('l2', { sourceId: 'S1', createdAt: T(2) }), lead('l3', { createdAt: T(3) }), lead('l4', { sourceId: 'S3', createdAt: T(20) })];
const deals = [
  deal('d1', { sourceId: 'S1', createdAt: T(1), status: 'won', closedAt: T(5), amount: uah(3000) }),
  deal('d2', { sourceId: 'S1', createdAt: T(2), stageId: 's1', probability: 50, amount: uah(1000) }),
  deal('d3', { sourceId: 'S3', createdAt: T(-20), status: 'won', closedAt: T(4), amount: uah(2000) }),
  deal('d4', { createdAt: T(3), status: 'lost', closedAt: T(6), amount: uah(400) }),
];
const period = { from: T(0), to: T(10) };

describe('reports.sourcesReport', () => {
  it('counts leads, deals, won deals, revenue, spend, expected revenue, profit, ROI and shares (hand table)', () => {
    const rows = sourcesReport({ sources, leads, deals, stages: [stage('s1', 1, 20)] }, period);
    expect(rows.map((r) => r.key)).to.deep.equal(['S1', 'S3', '']); // archived S2 has no numbers
    const [s1, s3, none] = rows;
    expect(s1).to.include({ leads: 2, deals: 2, wonDeals: 1, revenue: 3000, plannedSpend: 1000, actualSpend: null, expectedRevenue: 3500, profit: 2000, roi: 2 });
    expect(s1!.dealIds).to.deep.equal(['d1', 'd2']);
    expect(s1!.share).to.deep.equal({ leads: 2 / 3, deals: 2 / 3, wonDeals: 0.5, revenue: 0.6, profit: 0.5 });
    expect(s3).to.include({ leads: 0, deals: 0, wonDeals: 1, revenue: 2000, plannedSpend: 0, expectedRevenue: 0, profit: 2000, roi: null });
    expect(s3!.share).to.deep.equal({ leads: 0, deals: 0, wonDeals: 0.5, revenue: 0.4, profit: 0.5 });
    expect(none).to.include({ leads: 1, deals: 1, wonDeals: 0, revenue: 0, expectedRevenue: 0, profit: 0 });
  });

  it('uses the actual spend when given, and the stage probability when the deal has none', () => {
    const withoutProbability = deals.map((d) => (d.id === 'd2' ? { ...d, probability: undefined } : d)) as typeof deals;
    const rows = sourcesReport({ sources, leads, deals: withoutProbability, stages: [stage('s1', 1, 20)], spend: [{ sourceId: 'S1', month: '2026-01', amount: uah(1500) }] }, period);
    expect(rows[0]).to.include({ actualSpend: 1500, profit: 1500, roi: 1, expectedRevenue: 3200 });
  });

  it('zero revenue: shares of revenue are null, every active source still listed', () => {
    const rows = sourcesReport({ sources, leads: [], deals: [] }, period);
    expect(rows.map((r) => r.key)).to.deep.equal(['S1', 'S3']);
    expect(rows[0]).to.include({ revenue: 0, profit: -1000, roi: -1 });
    expect(rows[0]!.share.revenue).to.equal(null);
  });

  it('keeps other currencies out of UAH revenue', () => {
    const rows = sourcesReport({ sources, leads: [], deals: [deal('x', { sourceId: 'S3', status: 'won', closedAt: T(1), amount: { minor: 70, currency: 'EUR' } })] }, period);
    expect(rows[1]).to.include({ wonDeals: 1, revenue: 0 });
    expect(rows[1]!.revenueByCurrency).to.deep.equal({ EUR: 70 });
  });
});

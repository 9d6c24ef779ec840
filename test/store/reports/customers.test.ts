import { expect } from '@open-wc/testing';
import type { Order } from '../../../src/store/index.js';
import { abcXyz } from '../../../src/store/reports/abc-xyz.js';
import { deleteTestStores } from '../../support/fixtures.js';
import { counterpartyRow, refused, snapshot, testStore } from '../../support/store.js';

function orderRow(counterpartyId: string, date: string, total: number, fields: Partial<Order> = {}): Order {
  const at = new Date(`${date}T10:00:00`).getTime();
  return { id: crypto.randomUUID(), counterpartyId, date, status: 'fulfilled', currency: 'UAH', total, cost: 0, lines: [], createdAt: at, updatedAt: at, ...fields };
}

async function business() {
  const t = testStore('customer-reports', new Date(2025, 5, 15, 12).getTime());
  const dnipro = counterpartyRow({ name: 'ТОВ «Дніпро-Буд»', relationshipStage: 'regular' }, new Date(2024, 0, 1).getTime());
  const koval = counterpartyRow({ name: 'ФОП Коваль Ірина', kind: 'fop', relationshipStage: 'regular' }, new Date(2024, 0, 1).getTime());
  const zorya = counterpartyRow({ name: 'ПП «Зоря»', relationshipStage: 'potential' }, new Date(2024, 0, 1).getTime());
  const archived = counterpartyRow({ name: 'ТОВ «Архів»', archived: 1, relationshipStage: 'potential' }, new Date(2024, 0, 1).getTime());
  await t.db.counterparties.bulkAdd([dnipro, koval, zorya, archived]);
  await t.db.orders.bulkAdd([
    orderRow(dnipro.id, '2025-01-10', 80_000_00),
    orderRow(dnipro.id, '2025-02-10', 80_000_00),
    orderRow(dnipro.id, '2025-03-10', 80_000_00),
    orderRow(koval.id, '2024-10-20', 30_000_00), // only order, 238 days before 15 June → lapsed; outside Q1
    orderRow(koval.id, '2025-02-20', 12_000_00, { status: 'cancelled' }),
    orderRow(zorya.id, '2025-03-15', 5_000_00),
    orderRow(dnipro.id, '2025-03-16', 100_00, { currency: 'EUR' }),
    orderRow(archived.id, '2025-03-01', 1_000_00),
  ]);
  return { ...t, dnipro, koval, zorya, archived };
}

describe('store.reports.abcXyz', () => {
  afterEach(deleteTestStores);

  it('classifies the counterparties by their orders in the period, cancelled and other currencies left out, with names', async () => {
    const { store, dnipro, zorya, archived } = await business();
    const report = await store.reports.abcXyz({ from: '2025-01-01', to: '2025-03-31' });
    // Дніпро-Буд 240 000 ₴ (A, CV 0 → X); Архів 1 000 ₴ and Зоря 5 000 ₴ only in March (CV 141 % → Z):
    // total 246 000, Зоря before = 240 000 / 246 000 = 97.6 % → C, Архів 99.6 % → C.
    expect(report.currency).to.equal('UAH');
    expect(report.revenue).to.equal(246_000_00);
    expect(report.customers.map((c) => [c.name, c.abc, c.xyz, c.revenue])).to.deep.equal([
      ['ТОВ «Дніпро-Буд»', 'A', 'X', 240_000_00],
      ['ПП «Зоря»', 'C', 'Z', 5_000_00],
      ['ТОВ «Архів»', 'C', 'Z', 1_000_00],
    ]);
    const pure = abcXyz(
      [
        ...[1, 2, 3].map((m) => ({ customerId: dnipro.id, date: `2025-0${m}-10`, amount: 80_000_00 })),
        { customerId: zorya.id, date: '2025-03-15', amount: 5_000_00 },
        { customerId: archived.id, date: '2025-03-01', amount: 1_000_00 },
      ],
      { from: '2025-01-01', to: '2025-03-31' },
    );
    expect(report.matrix).to.deep.equal(pure.matrix);
  });

  it('refuses shares that do not sum to 100, an X limit above Y and a period that ends before it starts', async () => {
    const { store } = await business();
    const period = { from: '2025-01-01', to: '2025-03-31' };
    expect(await refused(store.reports.abcXyz({ ...period, thresholds: { abc: [80, 15, 10] } }))).to.include({ code: 'VALIDATION', field: 'thresholds.abc' });
    expect(await refused(store.reports.abcXyz({ ...period, thresholds: { xyz: [30, 20] } }))).to.include({ code: 'VALIDATION', field: 'thresholds.xyz' });
    expect(await refused(store.reports.abcXyz({ from: '2025-03-01', to: '2025-01-01' }))).to.include({ code: 'VALIDATION', field: 'to' });
  });
});

describe('store.reports.relationshipStages', () => {
  afterEach(deleteTestStores);

  it('computes every active counterparty’s stage now, beside the recorded one', async () => {
    const { store } = await business();
    const result = await store.reports.relationshipStages();
    expect(result.customers.map((c) => [c.name, c.stage, c.recordedStage]).sort()).to.deep.equal([
      ['ПП «Зоря»', 'first-purchase', 'potential'],
      ['ТОВ «Дніпро-Буд»', 'regular', 'regular'],
      ['ФОП Коваль Ірина', 'lapsed', 'regular'],
    ]);
    expect(result.counts).to.deep.equal({ potential: 0, 'first-purchase': 1, regular: 1, lapsed: 1 });
    const lenient = await store.reports.relationshipStages({ rules: { lapsedDays: 365 } });
    expect(lenient.counts).to.deep.equal({ potential: 0, 'first-purchase': 2, regular: 1, lapsed: 0 });
  });
});

describe('store.reports.recordRelationshipStages', () => {
  afterEach(deleteTestStores);

  it('records only the changed stages, in the history and on the counterparty, and nothing the second time', async () => {
    const { store, db, clock, koval, zorya, dnipro } = await business();
    const written = await store.reports.recordRelationshipStages();
    expect(written.map((e) => [e.counterpartyId, e.fromStage, e.stage]).sort()).to.deep.equal(
      [
        [koval.id, 'regular', 'lapsed'],
        [zorya.id, 'potential', 'first-purchase'],
      ].sort(),
    );
    expect(written.every((e) => e.at === clock.now && e.createdAt === clock.now)).to.equal(true);
    const history = await db.relationshipStageHistory.toArray();
    expect(history).to.have.length(2);
    expect((await db.counterparties.get(koval.id))!.relationshipStage).to.equal('lapsed');
    expect((await db.counterparties.get(zorya.id))!.relationshipStage).to.equal('first-purchase');
    expect((await db.counterparties.get(dnipro.id))!.updatedAt).to.equal(dnipro.updatedAt);
    expect(await store.reports.recordRelationshipStages()).to.deep.equal([]);
    expect(await db.relationshipStageHistory.count()).to.equal(2);
  });

  it('refuses rules that are not whole numbers ≥ 1 and writes nothing', async () => {
    const { store } = await business();
    const before = await snapshot(store, ['counterparties', 'relationshipStageHistory']);
    expect(await refused(store.reports.recordRelationshipStages({ rules: { lapsedDays: 0 } }))).to.include({ code: 'VALIDATION', field: 'rules.lapsedDays' });
    expect(await refused(store.reports.relationshipStages({ rules: { regularPurchases: 1.5 } }))).to.include({ field: 'rules.regularPurchases' });
    expect(await snapshot(store, ['counterparties', 'relationshipStageHistory'])).to.deep.equal(before);
  });
});

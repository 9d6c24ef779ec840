import { expect } from '@open-wc/testing';
import { deleteTestStores } from '../support/fixtures.js';
import { refused, snapshot, testStore, userRow } from '../support/store.js';

const start = Date.UTC(2025, 0, 2, 8, 0);
/** A store with a pinned clock and the managers whose targets the tests set. */
async function setup() {
  const harness = testStore('kpi', start);
  await harness.db.users.bulkAdd(
    [
      ['oksana', 'Оксана Левченко'],
      ['taras', 'Тарас Марченко'],
    ].map(([id, name]) => userRow({ id: id!, name: name! }, start)),
  );
  return harness;
}

describe('kpi.setTarget', () => {
  afterEach(deleteTestStores);

  it('refuses a target for a manager who does not exist, writing nothing', async () => {
    const { store } = await setup();
    const before = await snapshot(store);
    expect(await refused(store.kpi.setTarget({ metric: 'revenue', period: '2025-01', managerId: 'nobody', value: 1 }))).to.include({
      code: 'NOT_FOUND',
      field: 'managerId',
    });
    expect(await snapshot(store)).to.deep.equal(before);
  });

  it('sets a business-wide and a manager’s target for a month', async () => {
    const { store } = await setup();
    const business = await store.kpi.setTarget({ metric: 'revenue', period: '2025-01', value: 150_000_000 });
    const oksana = await store.kpi.setTarget({ metric: 'revenue', period: '2025-01', managerId: 'oksana', value: 60_000_000 });
    expect(business).to.include({ metric: 'revenue', period: '2025-01', value: 150_000_000, createdAt: start });
    expect(business).not.to.have.property('managerId');
    expect(oksana).to.include({ managerId: 'oksana', value: 60_000_000 });
    expect(await store.kpi.targets('2025-01')).to.deep.equal([business, oksana]);
  });

  it('replaces the target of the same metric, month and manager, keeping its id', async () => {
    const { store, tick } = await setup();
    const first = await store.kpi.setTarget({ metric: 'deals-won', period: '2025-02', managerId: 'taras', value: 12 });
    await store.kpi.setTarget({ metric: 'deals-won', period: '2025-02', value: 40 });
    tick();
    const second = await store.kpi.setTarget({ metric: 'deals-won', period: '2025-02', managerId: 'taras', value: 15 });
    expect(second).to.include({ id: first.id, value: 15, createdAt: start, updatedAt: start + 60_000 });
    const targets = await store.kpi.targets('2025-02');
    expect(targets).to.have.length(2);
    expect(targets.find((target) => target.managerId === 'taras')).to.deep.equal(second);
  });

  it('refuses a value that does not fit the metric, an unknown metric and a bad month, writing nothing', async () => {
    const { db, store } = await setup();
    const before = await snapshot(db);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ metric: 'revenue', period: '2025-03', value: 10.5 }, 'value', 'error.amount'],
      [{ metric: 'revenue', period: '2025-03', value: -1 }, 'value', 'error.amount'],
      [{ metric: 'interactions', period: '2025-03', value: 2.5 }, 'value', 'error.invalid'],
      [{ metric: 'conversion', period: '2025-03', value: 120 }, 'value', 'error.percent'],
      [{ metric: 'profit', period: '2025-03', value: 10 }, 'metric', 'error.invalid'],
      [{ metric: 'new-leads', period: '2025-13', value: 10 }, 'period', 'error.date'],
      [{ metric: 'new-leads', period: '03.2025', value: 10 }, 'period', 'error.date'],
    ];
    for (const [input, field, messageKey] of cases) {
      expect(await refused(store.kpi.setTarget(input as never)), JSON.stringify(input)).to.include({ code: 'VALIDATION', field, messageKey });
    }
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('kpi.targets / targetsBetween / remove', () => {
  afterEach(deleteTestStores);

  it('lists targets by month, business-wide first, and removes one', async () => {
    const { store } = await setup();
    const conversion = await store.kpi.setTarget({ metric: 'conversion', period: '2025-03', managerId: 'oksana', value: 25 });
    const leads = await store.kpi.setTarget({ metric: 'new-leads', period: '2025-03', value: 300 });
    const revenue = await store.kpi.setTarget({ metric: 'revenue', period: '2025-03', managerId: 'oksana', value: 50_000_000 });
    const april = await store.kpi.setTarget({ metric: 'revenue', period: '2025-04', value: 200_000_000 });
    const may = await store.kpi.setTarget({ metric: 'revenue', period: '2025-05', value: 210_000_000 });
    expect(await store.kpi.targets('2025-03')).to.deep.equal([leads, revenue, conversion]);
    expect((await store.kpi.targetsBetween('2025-03', '2025-04')).map((t) => t.id)).to.deep.equal([leads.id, revenue.id, conversion.id, april.id]);
    expect(await store.kpi.remove(may.id)).to.deep.equal(may);
    expect(await store.kpi.targets('2025-05')).to.deep.equal([]);
    expect(await refused(store.kpi.remove(may.id))).to.include({ code: 'NOT_FOUND', field: 'targetId' });
  });
});

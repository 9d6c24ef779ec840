import { expect } from '@open-wc/testing';
import { deleteTestStores } from '../support/fixtures.js';
import { counterpartyRow, refused, snapshot, testStore } from '../support/store.js';

const start = Date.UTC(2025, 3, 7, 9, 0);

async function setup() {
  const { db, store, tick } = testStore('orders', start);
  const agro = counterpartyRow({ name: 'ТОВ «Агроплюс Полтава»', edrpou: '32855961' }, start);
  const dnipro = counterpartyRow({ name: 'ПП «Дніпро-Декор»', edrpou: '14360570' }, start);
  await db.counterparties.bulkAdd([agro, dnipro]);
  return { db, store, agro, dnipro, tick };
}

/** 10 × 1 200,00 грн −5 %, ПДВ 20 %, собівартість 800,00 грн; 1 × 1 500,00 грн доставка без ПДВ. */
const seedLines = [
  { name: 'Насіння соняшнику, мішок 5 кг', quantity: 10, unit: 'міш.', unitPrice: 120_000, discountPercent: 5, vatPercent: 20, unitCost: 80_000 },
  { name: 'Доставка', quantity: 1, unit: 'посл.', unitPrice: 150_000, vatPercent: 0 },
];
// net 1 140 000 + 150 000 = 1 290 000; VAT 228 000; gross 1 518 000; cost 800 000.

describe('orders.create', () => {
  afterEach(deleteTestStores);

  it('creates a new order whose total and cost come from its lines', async () => {
    const { store, agro } = await setup();
    const order = await store.orders.create({ counterpartyId: agro.id, date: '2025-04-07', lines: seedLines });
    expect(order).to.include({ counterpartyId: agro.id, date: '2025-04-07', status: 'new', currency: 'UAH', total: 1_518_000, cost: 800_000 });
    expect(order.lines).to.have.length(2);
    expect(order.lines[1]).to.include({ name: 'Доставка', unit: 'посл.', discountPercent: 0, unitCost: 0, vatPercent: 0 });
    expect(order.lines.every((line) => typeof line.id === 'string' && line.id.length > 0)).to.equal(true);
    expect(await store.orders.get(order.id)).to.deep.equal(order);
  });

  it('refuses an order without lines, with a bad line or date, or for an unknown counterparty or deal, writing nothing', async () => {
    const { db, store, agro } = await setup();
    const before = await snapshot(db);
    expect(await refused(store.orders.create({ counterpartyId: agro.id, date: '2025-04-07', lines: [] }))).to.include({
      code: 'VALIDATION',
      field: 'lines',
      messageKey: 'error.required',
    });
    expect(
      await refused(store.orders.create({ counterpartyId: agro.id, date: '2025-04-07', lines: [{ name: 'Добриво', quantity: 0, unitPrice: 100 }] })),
    ).to.include({ code: 'VALIDATION', field: 'lines.0.quantity', messageKey: 'error.quantity' });
    expect(await refused(store.orders.create({ counterpartyId: agro.id, date: '07.04.2025', lines: seedLines }))).to.include({
      code: 'VALIDATION',
      field: 'date',
    });
    expect(await refused(store.orders.create({ counterpartyId: 'nope', date: '2025-04-07', lines: seedLines }))).to.include({
      code: 'NOT_FOUND',
      field: 'counterpartyId',
    });
    expect(await refused(store.orders.create({ counterpartyId: agro.id, dealId: 'nope', date: '2025-04-07', lines: seedLines }))).to.include({
      code: 'NOT_FOUND',
      field: 'dealId',
    });
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('orders.setStatus', () => {
  afterEach(deleteTestStores);

  it('moves an order along new → in-progress → fulfilled', async () => {
    const { store, agro, tick } = await setup();
    const order = await store.orders.create({ counterpartyId: agro.id, date: '2025-04-07', lines: seedLines });
    tick();
    expect(await store.orders.setStatus(order.id, 'in-progress')).to.include({ status: 'in-progress', updatedAt: start + 60_000 });
    const fulfilled = await store.orders.setStatus(order.id, 'fulfilled');
    expect(await store.orders.get(order.id)).to.deep.equal(fulfilled);
    expect(fulfilled.status).to.equal('fulfilled');
    expect(await store.orders.setStatus(order.id, 'fulfilled')).to.deep.equal(fulfilled);
  });

  it('refuses to leave a final status and an unknown status', async () => {
    const { db, store, agro } = await setup();
    const order = await store.orders.create({ counterpartyId: agro.id, date: '2025-04-07', lines: seedLines });
    await store.orders.setStatus(order.id, 'cancelled');
    const before = await snapshot(db);
    expect(await refused(store.orders.setStatus(order.id, 'in-progress'))).to.include({
      code: 'INVALID_STATE',
      field: 'status',
      messageKey: 'error.invalidTransition',
    });
    expect(await refused(store.orders.setStatus(order.id, 'shipped' as 'new'))).to.include({ code: 'VALIDATION', field: 'status' });
    expect(await refused(store.orders.setStatus('nope', 'fulfilled'))).to.include({ code: 'NOT_FOUND', field: 'orderId' });
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('orders.addPayment / payments / removePayment', () => {
  afterEach(deleteTestStores);

  it('records payments in the order’s currency and lists them by date', async () => {
    const { store, agro } = await setup();
    const order = await store.orders.create({ counterpartyId: agro.id, date: '2025-04-07', lines: seedLines });
    const second = await store.orders.addPayment(order.id, { amount: { minor: 518_000 }, date: '2025-04-20' });
    const first = await store.orders.addPayment(order.id, { amount: { minor: 1_000_000, currency: 'UAH' }, date: '2025-04-08' });
    expect(first).to.include({ orderId: order.id, counterpartyId: agro.id, date: '2025-04-08' });
    expect(second.amount).to.deep.equal({ minor: 518_000, currency: 'UAH' });
    expect(await store.orders.payments(order.id)).to.deep.equal([first, second]);
    expect(await store.orders.removePayment(second.id)).to.deep.equal(second);
    expect(await store.orders.payments(order.id)).to.deep.equal([first]);
  });

  it('refuses a zero amount, another currency and a cancelled order, writing nothing', async () => {
    const { db, store, agro } = await setup();
    const order = await store.orders.create({ counterpartyId: agro.id, date: '2025-04-07', lines: seedLines });
    const cancelled = await store.orders.create({ counterpartyId: agro.id, date: '2025-04-07', lines: seedLines, status: 'cancelled' });
    const before = await snapshot(db);
    expect(await refused(store.orders.addPayment(order.id, { amount: { minor: 0 }, date: '2025-04-08' }))).to.include({
      code: 'VALIDATION',
      field: 'amount.minor',
      messageKey: 'error.amount',
    });
    expect(await refused(store.orders.addPayment(order.id, { amount: { minor: 1000, currency: 'EUR' }, date: '2025-04-08' }))).to.include({
      code: 'VALIDATION',
      field: 'amount.currency',
      messageKey: 'error.currency',
    });
    expect(await refused(store.orders.addPayment(cancelled.id, { amount: { minor: 1000 }, date: '2025-04-08' }))).to.include({
      code: 'INVALID_STATE',
      field: 'orderId',
    });
    expect(await refused(store.orders.addPayment(order.id, { amount: { minor: 1000 }, date: '2025-13-01' }))).to.include({ code: 'VALIDATION', field: 'date' });
    expect(await refused(store.orders.removePayment('nope'))).to.include({ code: 'NOT_FOUND', field: 'paymentId' });
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('orders.summary', () => {
  afterEach(deleteTestStores);

  it('gives revenue, cost and profit of fulfilled orders, payments and the debt on fulfilled and in-progress orders', async () => {
    const { store, agro, dnipro } = await setup();
    const fulfilled = await store.orders.create({ counterpartyId: agro.id, date: '2025-03-01', lines: seedLines, status: 'fulfilled' });
    const inProgress = await store.orders.create({
      counterpartyId: agro.id,
      date: '2025-04-01',
      lines: [{ name: 'Мінеральне добриво, т', quantity: 2, unitPrice: 1_500_000, vatPercent: 20, unitCost: 1_100_000 }],
      status: 'in-progress',
    });
    const fresh = await store.orders.create({ counterpartyId: agro.id, date: '2025-04-05', lines: seedLines });
    await store.orders.create({ counterpartyId: agro.id, date: '2025-04-05', lines: seedLines, status: 'cancelled' });
    await store.orders.create({ counterpartyId: dnipro.id, date: '2025-04-05', lines: seedLines, status: 'fulfilled' });
    await store.orders.addPayment(fulfilled.id, { amount: { minor: 1_518_000 }, date: '2025-03-05' });
    await store.orders.addPayment(inProgress.id, { amount: { minor: 1_000_000 }, date: '2025-04-02' });
    await store.orders.addPayment(fresh.id, { amount: { minor: 300_000 }, date: '2025-04-06' });
    expect(inProgress.total).to.equal(3_600_000);

    expect(await store.orders.summary(agro.id)).to.deep.equal({
      UAH: {
        revenue: 1_518_000,
        cost: 800_000,
        profit: 718_000,
        paid: 1_518_000 + 1_000_000 + 300_000,
        debt: 1_518_000 + 3_600_000 - 1_518_000 - 1_000_000,
      },
    });
    expect(await store.orders.summary('nobody')).to.deep.equal({});
  });
});

describe('orders.list / forCounterparty / paymentsInPeriod', () => {
  afterEach(deleteTestStores);

  it('lists orders of a period newest first, filtered by status and counterparty', async () => {
    const { store, agro, dnipro } = await setup();
    const march = await store.orders.create({ counterpartyId: agro.id, date: '2025-03-31', lines: seedLines });
    const aprilFirst = await store.orders.create({ counterpartyId: agro.id, date: '2025-04-01', lines: seedLines, status: 'fulfilled' });
    const aprilLast = await store.orders.create({ counterpartyId: dnipro.id, date: '2025-04-30', lines: seedLines });
    const may = await store.orders.create({ counterpartyId: agro.id, date: '2025-05-01', lines: seedLines });

    expect((await store.orders.list({ from: '2025-04-01', to: '2025-04-30' })).map((o) => o.id)).to.deep.equal([aprilLast.id, aprilFirst.id]);
    expect((await store.orders.list({ from: '2025-04-01', status: 'new' })).map((o) => o.id)).to.deep.equal([may.id, aprilLast.id]);
    expect((await store.orders.list({ to: '2025-04-30', counterpartyId: agro.id })).map((o) => o.id)).to.deep.equal([aprilFirst.id, march.id]);
    expect((await store.orders.forCounterparty(agro.id)).map((o) => o.id)).to.deep.equal([may.id, aprilFirst.id, march.id]);

    const paid = await store.orders.addPayment(aprilFirst.id, { amount: { minor: 100_000 }, date: '2025-04-15' });
    await store.orders.addPayment(march.id, { amount: { minor: 100_000 }, date: '2025-03-31' });
    expect(await store.orders.paymentsInPeriod({ from: '2025-04-01', to: '2025-04-30' })).to.deep.equal([paid]);
  });
});

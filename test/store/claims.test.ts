import { expect } from '@open-wc/testing';
import { deleteTestStores } from '../support/fixtures.js';
import { counterpartyRow, refused, snapshot, testStore, userRow } from '../support/store.js';

const start = Date.UTC(2025, 5, 2, 6, 0);
const day = 86_400_000;

async function setup() {
  const { db, store, tick } = testStore('claims', start);
  const counterparty = counterpartyRow(
    {
      kind: 'individual',
      name: 'Петро Шевчук',
      rnokpp: '2904503125',
      phones: ['+380661234567'],
      emails: ['p.shevchuk@ukr.net'],
      addresses: [{ kind: 'delivery', text: 'м. Харків, просп. Науки, 45, кв. 12', city: 'Харків' }],
      relationshipStage: 'first-purchase',
    },
    start,
  );
  await db.counterparties.add(counterparty);
  await db.users.bulkAdd([userRow({ id: 'master-1', name: 'Василь Кравченко', roles: ['specialist'] }, start), userRow({ id: 'manager-1', name: 'Ірина Бондаренко' }, start)]);
  const order = await store.orders.create({
    counterpartyId: counterparty.id,
    date: '2025-05-20',
    lines: [{ name: 'Диван кутовий «Мілан»', quantity: 1, unitPrice: 2_890_000, unitCost: 1_900_000 }],
    status: 'fulfilled',
  });
  return { db, store, counterparty, order, tick };
}

describe('claims.create', () => {
  afterEach(deleteTestStores);

  it('registers an open claim about an order', async () => {
    const { store, counterparty, order } = await setup();
    const claim = await store.claims.create({
      counterpartyId: counterparty.id,
      orderId: order.id,
      reason: '  Пошкоджена оббивка  ',
      description: 'Під час доставки порвано тканину на підлокітнику',
    });
    expect(claim).to.include({
      counterpartyId: counterparty.id,
      orderId: order.id,
      reason: 'Пошкоджена оббивка',
      description: 'Під час доставки порвано тканину на підлокітнику',
      status: 'open',
      createdAt: start,
    });
    expect(claim.steps).to.deep.equal([]);
    expect(await store.claims.get(claim.id)).to.deep.equal(claim);
  });

  it('starts in progress when an action plan is given', async () => {
    const { store, counterparty } = await setup();
    const claim = await store.claims.create({
      counterpartyId: counterparty.id,
      reason: 'Затримка доставки',
      steps: [{ title: 'Зателефонувати клієнтові', ownerId: 'manager-1', deadline: start + day }],
    });
    expect(claim.status).to.equal('in-progress');
    expect(claim.steps[0]).to.include({ title: 'Зателефонувати клієнтові', ownerId: 'manager-1', deadline: start + day });
  });

  it('refuses a claim without a reason or for unknown records, writing nothing', async () => {
    const { db, store, counterparty } = await setup();
    const before = await snapshot(db);
    expect(await refused(store.claims.create({ counterpartyId: counterparty.id, reason: '  ' }))).to.include({
      code: 'VALIDATION',
      field: 'reason',
      messageKey: 'error.required',
    });
    expect(await refused(store.claims.create({ counterpartyId: 'nope', reason: 'Брак' }))).to.include({ code: 'NOT_FOUND', field: 'counterpartyId' });
    expect(await refused(store.claims.create({ counterpartyId: counterparty.id, orderId: 'nope', reason: 'Брак' }))).to.include({
      code: 'NOT_FOUND',
      field: 'orderId',
    });
    expect(await refused(store.claims.create({ counterpartyId: counterparty.id, dealId: 'nope', reason: 'Брак' }))).to.include({
      code: 'NOT_FOUND',
      field: 'dealId',
    });
    expect(
      await refused(store.claims.create({ counterpartyId: counterparty.id, reason: 'Брак', steps: [{ title: 'Огляд', deadline: -5 }] })),
    ).to.include({ code: 'VALIDATION', field: 'steps.0.deadline' });
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('claims.addStep / completeStep / update', () => {
  afterEach(deleteTestStores);

  it('builds the action plan and marks steps done', async () => {
    const { store, counterparty, order, tick } = await setup();
    const claim = await store.claims.create({ counterpartyId: counterparty.id, orderId: order.id, reason: 'Пошкоджена оббивка' });
    const planned = await store.claims.addStep(claim.id, { title: 'Виїзд майстра на огляд', ownerId: 'master-1', deadline: start + 2 * day });
    expect(planned.status).to.equal('in-progress');
    const withTwo = await store.claims.addStep(claim.id, { title: 'Заміна чохла підлокітника' });
    expect(withTwo.steps.map((step) => step.title)).to.deep.equal(['Виїзд майстра на огляд', 'Заміна чохла підлокітника']);
    tick(day);
    const done = await store.claims.completeStep(claim.id, withTwo.steps[0]!.id);
    expect(done.steps[0]!.doneAt).to.equal(start + day);
    expect(done.steps[1]).not.to.have.property('doneAt');
    expect(await store.claims.get(claim.id)).to.deep.equal(done);
    tick();
    expect(await store.claims.completeStep(claim.id, withTwo.steps[0]!.id)).to.deep.equal(done);

    const updated = await store.claims.update(claim.id, { reason: 'Пошкоджена оббивка й ніжка', description: null });
    expect(updated.reason).to.equal('Пошкоджена оббивка й ніжка');
    expect(await store.claims.get(claim.id)).to.deep.equal(updated);
  });

  it('refuses a step without a title and an unknown step, writing nothing', async () => {
    const { db, store, counterparty } = await setup();
    const claim = await store.claims.create({ counterpartyId: counterparty.id, reason: 'Брак фурнітури' });
    const before = await snapshot(db);
    expect(await refused(store.claims.addStep(claim.id, { title: '' }))).to.include({ code: 'VALIDATION', field: 'title' });
    expect(await refused(store.claims.completeStep(claim.id, 'nope'))).to.include({ code: 'NOT_FOUND', field: 'stepId' });
    expect(await refused(store.claims.addStep('nope', { title: 'Огляд' }))).to.include({ code: 'NOT_FOUND', field: 'claimId' });
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('claims.resolve / reject', () => {
  afterEach(deleteTestStores);

  it('resolves with a resolution, after which the claim refuses changes', async () => {
    const { db, store, counterparty, tick } = await setup();
    const claim = await store.claims.create({ counterpartyId: counterparty.id, reason: 'Пошкоджена оббивка', steps: [{ title: 'Огляд' }] });
    tick(3 * day);
    const resolved = await store.claims.resolve(claim.id, { resolution: 'Чохол замінено безкоштовно, клієнт задоволений' });
    expect(resolved).to.include({ status: 'resolved', resolution: 'Чохол замінено безкоштовно, клієнт задоволений', resolvedAt: start + 3 * day });
    expect(await store.claims.get(claim.id)).to.deep.equal(resolved);
    const before = await snapshot(db);
    for (const attempt of [
      store.claims.addStep(claim.id, { title: 'Ще один крок' }),
      store.claims.completeStep(claim.id, claim.steps[0]!.id),
      store.claims.update(claim.id, { reason: 'Інше' }),
      store.claims.resolve(claim.id, { resolution: 'Ще раз' }),
      store.claims.reject(claim.id, { resolution: 'Ще раз' }),
    ]) {
      expect(await refused(attempt)).to.include({ code: 'INVALID_STATE', field: 'claimId', messageKey: 'error.claimClosed' });
    }
    expect(await snapshot(db)).to.deep.equal(before);
  });

  it('rejects an unfounded claim, and refuses to close one without a resolution', async () => {
    const { db, store, counterparty } = await setup();
    const claim = await store.claims.create({ counterpartyId: counterparty.id, reason: 'Колір не такий, як на фото' });
    const before = await snapshot(db);
    for (const input of [{ resolution: '   ' }, {}]) {
      expect(await refused(store.claims.reject(claim.id, input as { resolution: string }))).to.include({
        code: 'VALIDATION',
        field: 'resolution',
        messageKey: 'error.required',
      });
    }
    expect(await snapshot(db)).to.deep.equal(before);
    const rejected = await store.claims.reject(claim.id, { resolution: 'Колір відповідає зразку тканини, погодженому в договорі' });
    expect(rejected.status).to.equal('rejected');
    expect(await store.claims.get(claim.id)).to.deep.equal(rejected);
  });
});

describe('claims.open / forCounterparty', () => {
  afterEach(deleteTestStores);

  it('lists open and in-progress claims oldest first, and a counterparty’s claims newest first', async () => {
    const { store, counterparty, tick } = await setup();
    const first = await store.claims.create({ counterpartyId: counterparty.id, reason: 'Затримка доставки' });
    tick();
    const second = await store.claims.create({ counterpartyId: counterparty.id, reason: 'Брак фурнітури', steps: [{ title: 'Заміна ручок' }] });
    tick();
    const third = await store.claims.create({ counterpartyId: counterparty.id, reason: 'Подряпина на фасаді' });
    await store.claims.resolve(third.id, { resolution: 'Фасад замінено' });
    expect((await store.claims.open()).map((claim) => claim.id)).to.deep.equal([first.id, second.id]);
    expect((await store.claims.forCounterparty(counterparty.id)).map((claim) => claim.id)).to.deep.equal([third.id, second.id, first.id]);
    expect(await store.claims.forCounterparty('nobody')).to.deep.equal([]);
  });
});

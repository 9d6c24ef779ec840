import { expect } from '@open-wc/testing';
import { observeQuery, type Counterparty, type CrmStore, type LostReason } from '../../src/store/index.js';
import { deleteTestStores, settle } from '../support/fixtures.js';
import { counterpartyRow, leadRow, refused, snapshot, testStore, userRow } from '../support/store.js';

const start = Date.UTC(2025, 2, 3, 7, 0);

/** A store with a pinned clock, a «Продажі» pipeline, a counterparty, a lead and a lost reason. */
async function setup() {
  const { db, store, clock, tick } = testStore('deals', start);
  const { pipeline, stages } = await store.pipelines.create({ name: 'Продажі' });
  const counterparty = counterpartyRow(
    {
      name: 'ТОВ «Будсервіс Поділля»',
      edrpou: '32855961',
      phones: ['+380671234567'],
      emails: ['office@budservis.ua'],
      addresses: [{ kind: 'legal', text: 'м. Вінниця, вул. Соборна, 12', city: 'Вінниця' }],
      relationshipStage: 'potential',
      searchTokens: ['будсервіс', 'поділля'],
    },
    start,
  );
  const lead = leadRow({ name: 'Олена Коваль', phones: ['+380501112233'], searchTokens: ['олена', 'коваль'] }, start);
  const reason: LostReason = { id: crypto.randomUUID(), name: 'Дорого', archived: 0, createdAt: start, updatedAt: start };
  await db.counterparties.add(counterparty);
  await db.leads.add(lead);
  await db.lostReasons.add(reason);
  // The managers and sources the tests' deals name (deals refuse unknown ones).
  await db.users.bulkAdd(
    [
      ['manager-1', 'Ірина Бондаренко'],
      ['oksana', 'Оксана Левченко'],
      ['taras', 'Тарас Марченко'],
    ].map(([id, name]) => userRow({ id: id!, name: name! }, start)),
  );
  await db.sources.bulkAdd(
    [
      ['source-olx', 'OLX'],
      ['olx', 'OLX (оголошення)'],
      ['prom', 'Prom.ua'],
    ].map(([id, name]) => ({ id: id!, name: name!, plannedSpend: [], archived: 0 as const, createdAt: start, updatedAt: start })),
  );
  return { db, store, clock, tick, pipeline, stages, counterparty, lead, reason };
}

function kitchenDeal(store: CrmStore, pipelineId: string, clientId: string, extra: Record<string, unknown> = {}) {
  return store.deals.create({
    title: 'Кухня на замовлення',
    pipelineId,
    client: { type: 'counterparty', id: clientId },
    amount: { minor: 12_500_000, currency: 'UAH' },
    ...extra,
  });
}

describe('deals.create', () => {
  afterEach(deleteTestStores);

  it('opens a deal in the first stage, 0 UAH by default, with its first stage-history entry', async () => {
    const { store, pipeline, stages, counterparty } = await setup();
    const deal = await store.deals.create({ title: 'Офісні меблі', pipelineId: pipeline.id, client: { type: 'counterparty', id: counterparty.id } });
    expect(deal).to.include({ title: 'Офісні меблі', status: 'open', stageId: stages[0]!.id, clientType: 'counterparty', clientId: counterparty.id });
    expect(deal.amount).to.deep.equal({ minor: 0, currency: 'UAH' });
    expect(deal.stageEnteredAt).to.equal(start);
    expect(deal.createdAt).to.equal(start);
    expect(await store.deals.get(deal.id)).to.deep.equal(deal);
    const history = await store.deals.history(deal.id);
    expect(history).to.have.length(1);
    expect(history[0]).to.include({ dealId: deal.id, pipelineId: pipeline.id, stageId: stages[0]!.id, status: 'open', at: start });
    expect(history[0]!.fromStageId).to.equal(undefined);
  });

  it('takes a given stage, a lead as client, any currency and the optional fields', async () => {
    const { store, pipeline, stages, lead } = await setup();
    const call = await store.interactions.register({
      kind: 'call',
      direction: 'incoming',
      subject: 'Запит на вікна',
      subjectRef: { type: 'lead', id: lead.id },
    });
    const interactionId = call.id;
    const deal = await store.deals.create({
      title: '  Вікна для котеджу  ',
      pipelineId: pipeline.id,
      stageId: stages[2]!.id,
      client: { type: 'lead', id: lead.id },
      amount: { minor: 450_000, currency: 'EUR' },
      managerId: 'manager-1',
      sourceId: 'source-olx',
      expectedCloseDate: '2025-04-30',
      probability: 40,
      interactionId,
    });
    const stored = await store.deals.get(deal.id);
    expect(stored).to.include({
      title: 'Вікна для котеджу',
      stageId: stages[2]!.id,
      clientType: 'lead',
      managerId: 'manager-1',
      sourceId: 'source-olx',
      expectedCloseDate: '2025-04-30',
      probability: 40,
      interactionId,
    });
    expect(stored!.amount).to.deep.equal({ minor: 450_000, currency: 'EUR' });
    expect(await store.deals.byClient({ type: 'lead', id: lead.id })).to.deep.equal([stored]);
  });

  it('refuses a stage of another pipeline with CONFLICT on stageId and writes nothing', async () => {
    const { db, store, pipeline, counterparty } = await setup();
    const other = await store.pipelines.create({ name: 'Сервіс', stages: ['Заявка', 'Виконано'] });
    const before = await snapshot(db);
    const error = await refused(kitchenDeal(store, pipeline.id, counterparty.id, { stageId: other.stages[0]!.id }));
    expect(error).to.include({ code: 'CONFLICT', field: 'stageId', messageKey: 'error.stageNotInPipeline' });
    expect(await snapshot(db)).to.deep.equal(before);
  });

  it('refuses a client, pipeline or stage that does not exist with NOT_FOUND', async () => {
    const { db, store, pipeline, counterparty } = await setup();
    const before = await snapshot(db);
    expect(
      await refused(store.deals.create({ title: 'Кухня', pipelineId: pipeline.id, client: { type: 'lead', id: counterparty.id } })),
    ).to.include({ code: 'NOT_FOUND', field: 'client.id' });
    expect(await refused(kitchenDeal(store, 'no-such-pipeline', counterparty.id))).to.include({ code: 'NOT_FOUND', field: 'pipelineId' });
    expect(await refused(kitchenDeal(store, pipeline.id, counterparty.id, { stageId: 'no-such-stage' }))).to.include({
      code: 'NOT_FOUND',
      field: 'stageId',
    });
    expect(await snapshot(db)).to.deep.equal(before);
  });

  it('refuses bad input with VALIDATION naming the field', async () => {
    const { db, store, pipeline, counterparty } = await setup();
    const before = await snapshot(db);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ title: '   ' }, 'title', 'error.required'],
      [{ amount: { minor: -100, currency: 'UAH' } }, 'amount.minor', 'error.amount'],
      [{ amount: { minor: 10.5, currency: 'UAH' } }, 'amount.minor', 'error.amount'],
      [{ amount: { minor: 100, currency: 'грн' } }, 'amount.currency', 'error.currency'],
      [{ probability: 120 }, 'probability', 'error.percent'],
      [{ expectedCloseDate: '2025-02-30' }, 'expectedCloseDate', 'error.date'],
      [{ client: { type: 'partner', id: counterparty.id } }, 'client.type', 'error.invalid'],
    ];
    for (const [patch, field, messageKey] of cases) {
      const error = await refused(kitchenDeal(store, pipeline.id, counterparty.id, patch));
      expect(error, field).to.include({ code: 'VALIDATION', field, messageKey });
    }
    expect(await snapshot(db)).to.deep.equal(before);
  });

  it('joins an outer transaction over the tables it reads and writes (as leads.convert does)', async () => {
    const { db, store, pipeline, lead } = await setup();
    const tables = [db.deals, db.dealStageHistory, db.pipelines, db.stages, db.counterparties, db.leads, db.users, db.sources, db.interactions];
    const newClient: Counterparty = { ...(await db.counterparties.toCollection().first())!, id: crypto.randomUUID(), edrpou: '14360570' };
    const deal = await db.transaction('rw', tables, async () => {
      await db.counterparties.add(newClient);
      await db.leads.update(lead.id, { status: 'converted', counterpartyId: newClient.id });
      return kitchenDeal(store, pipeline.id, newClient.id);
    });
    expect(await store.deals.get(deal.id)).to.deep.equal(deal);

    const before = await snapshot(db);
    const failed = await db
      .transaction('rw', tables, async () => {
        await kitchenDeal(store, pipeline.id, newClient.id);
        throw new Error('конвертацію перервано');
      })
      .catch((e: unknown) => e);
    expect(failed).to.be.instanceOf(Error);
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('deals.update', () => {
  afterEach(deleteTestStores);

  it('changes the given fields, clears those set to null and keeps the rest', async () => {
    const { store, pipeline, counterparty, tick } = await setup();
    const deal = await kitchenDeal(store, pipeline.id, counterparty.id, { managerId: 'manager-1', probability: 30, expectedCloseDate: '2025-05-01' });
    tick();
    const updated = await store.deals.update(deal.id, {
      title: 'Кухня і шафа-купе',
      amount: { minor: 15_900_000, currency: 'UAH' },
      managerId: null,
      probability: 60,
    });
    expect(updated).to.include({ title: 'Кухня і шафа-купе', probability: 60, expectedCloseDate: '2025-05-01', createdAt: start, updatedAt: start + 60_000 });
    expect(updated.amount.minor).to.equal(15_900_000);
    expect(updated).not.to.have.property('managerId');
    expect(await store.deals.get(deal.id)).to.deep.equal(updated);
    expect(await store.deals.history(deal.id)).to.have.length(1);
  });

  it('refuses a negative amount and an unknown deal, writing nothing', async () => {
    const { db, store, pipeline, counterparty } = await setup();
    const deal = await kitchenDeal(store, pipeline.id, counterparty.id);
    const before = await snapshot(db);
    expect(await refused(store.deals.update(deal.id, { amount: { minor: -1 } }))).to.include({ code: 'VALIDATION', field: 'amount.minor' });
    expect(await refused(store.deals.update('nope', { title: 'Інша' }))).to.include({ code: 'NOT_FOUND', field: 'dealId' });
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('deals.moveToStage', () => {
  afterEach(deleteTestStores);

  it('moves the deal, resets stageEnteredAt and appends a history entry with the previous stage and the user', async () => {
    const { store, pipeline, stages, counterparty, tick } = await setup();
    const deal = await kitchenDeal(store, pipeline.id, counterparty.id);
    tick(3_600_000);
    const moved = await store.deals.moveToStage(deal.id, stages[3]!.id, { userId: 'manager-2' });
    expect(moved).to.include({ stageId: stages[3]!.id, stageEnteredAt: start + 3_600_000, updatedAt: start + 3_600_000, status: 'open' });
    expect(await store.deals.get(deal.id)).to.deep.equal(moved);
    const history = await store.deals.history(deal.id);
    expect(history.map((entry) => entry.stageId)).to.deep.equal([stages[0]!.id, stages[3]!.id]);
    expect(history[1]).to.include({ fromStageId: stages[0]!.id, userId: 'manager-2', at: start + 3_600_000, status: 'open' });
  });

  it('changes nothing when the deal is already in that stage', async () => {
    const { db, store, pipeline, stages, counterparty, tick } = await setup();
    const deal = await kitchenDeal(store, pipeline.id, counterparty.id);
    const before = await snapshot(db);
    tick();
    expect(await store.deals.moveToStage(deal.id, stages[0]!.id)).to.deep.equal(deal);
    expect(await snapshot(db)).to.deep.equal(before);
  });

  it('keeps the history in order even when moves happen at one instant', async () => {
    const { store, pipeline, stages, counterparty } = await setup();
    const deal = await kitchenDeal(store, pipeline.id, counterparty.id);
    for (const index of [4, 1, 6, 2, 7, 5]) await store.deals.moveToStage(deal.id, stages[index]!.id);
    const history = await store.deals.history(deal.id);
    expect(history.map((entry) => entry.stageId)).to.deep.equal([0, 4, 1, 6, 2, 7, 5].map((index) => stages[index]!.id));
    expect(history.at(-1)!.stageId).to.equal((await store.deals.get(deal.id))!.stageId);
  });

  it('refuses a stage of another pipeline (CONFLICT), a closed deal (INVALID_STATE) and unknown records (NOT_FOUND)', async () => {
    const { db, store, pipeline, stages, counterparty } = await setup();
    const other = await store.pipelines.create({ name: 'Сервіс', stages: ['Заявка', 'Виконано'] });
    const open = await kitchenDeal(store, pipeline.id, counterparty.id);
    const won = await kitchenDeal(store, pipeline.id, counterparty.id);
    await store.deals.win(won.id);
    const before = await snapshot(db);
    expect(await refused(store.deals.moveToStage(open.id, other.stages[1]!.id))).to.include({
      code: 'CONFLICT',
      field: 'stageId',
      messageKey: 'error.stageNotInPipeline',
    });
    expect(await refused(store.deals.moveToStage(won.id, stages[2]!.id))).to.include({ code: 'INVALID_STATE', messageKey: 'error.dealClosed' });
    expect(await refused(store.deals.moveToStage(open.id, 'no-such-stage'))).to.include({ code: 'NOT_FOUND', field: 'stageId' });
    expect(await refused(store.deals.moveToStage('no-such-deal', stages[1]!.id))).to.include({ code: 'NOT_FOUND', field: 'dealId' });
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('deals.win / deals.lose / deals.reopen', () => {
  afterEach(deleteTestStores);

  it('wins an open deal, recording closedAt and a history entry with status won', async () => {
    const { store, pipeline, stages, counterparty, tick } = await setup();
    const deal = await kitchenDeal(store, pipeline.id, counterparty.id, { stageId: stages[7]!.id });
    tick();
    const won = await store.deals.win(deal.id, { userId: 'manager-1' });
    expect(won).to.include({ status: 'won', closedAt: start + 60_000, stageId: stages[7]!.id });
    expect(await store.deals.get(deal.id)).to.deep.equal(won);
    expect((await store.deals.history(deal.id)).at(-1)).to.include({ status: 'won', stageId: stages[7]!.id, userId: 'manager-1' });
    expect(await refused(store.deals.win(deal.id))).to.include({ code: 'INVALID_STATE', messageKey: 'error.dealClosed' });
  });

  it('loses a deal with a reason and a comment', async () => {
    const { store, pipeline, counterparty, reason } = await setup();
    const deal = await kitchenDeal(store, pipeline.id, counterparty.id);
    const lost = await store.deals.lose(deal.id, { reasonId: reason.id, comment: '  Обрали дешевшого виробника  ' });
    expect(lost).to.include({ status: 'lost', lostReasonId: reason.id, lostComment: 'Обрали дешевшого виробника', closedAt: start });
    expect(await store.deals.get(deal.id)).to.deep.equal(lost);
    expect((await store.deals.history(deal.id)).map((entry) => entry.status)).to.deep.equal(['open', 'lost']);
  });

  it('refuses to lose a deal without a reason or with an unknown one, writing nothing', async () => {
    const { db, store, pipeline, counterparty } = await setup();
    const deal = await kitchenDeal(store, pipeline.id, counterparty.id);
    const before = await snapshot(db);
    for (const input of [{}, { reasonId: '' }, { reasonId: '   ', comment: 'Без причини' }]) {
      expect(await refused(store.deals.lose(deal.id, input as { reasonId: string }))).to.include({
        code: 'VALIDATION',
        field: 'reasonId',
        messageKey: 'error.lostReasonRequired',
      });
    }
    expect(await refused(store.deals.lose(deal.id, { reasonId: 'no-such-reason' }))).to.include({ code: 'NOT_FOUND', field: 'reasonId' });
    expect(await snapshot(db)).to.deep.equal(before);
  });

  it('reopens a lost deal in its stage, clearing the loss, and refuses to reopen an open one', async () => {
    const { store, pipeline, stages, counterparty, reason, tick } = await setup();
    const deal = await kitchenDeal(store, pipeline.id, counterparty.id, { stageId: stages[4]!.id });
    await store.deals.lose(deal.id, { reasonId: reason.id, comment: 'Відклали' });
    tick();
    const reopened = await store.deals.reopen(deal.id);
    expect(reopened).to.include({ status: 'open', stageId: stages[4]!.id });
    expect(reopened).not.to.have.any.keys('closedAt', 'lostReasonId', 'lostComment');
    expect(await store.deals.get(deal.id)).to.deep.equal(reopened);
    expect((await store.deals.history(deal.id)).map((entry) => entry.status)).to.deep.equal(['open', 'lost', 'open']);
    expect(await refused(store.deals.reopen(deal.id))).to.include({ code: 'INVALID_STATE', messageKey: 'error.invalidTransition' });
  });
});

describe('deals.board / deals.totals', () => {
  afterEach(deleteTestStores);

  it('counts and sums every matching deal per stage while returning only the first perStage, most recently updated first', async () => {
    const { store, pipeline, stages, counterparty, reason, tick } = await setup();
    const made = [];
    for (const minor of [100_000, 200_000, 300_000, 400_000, 500_000]) {
      tick();
      made.push(await kitchenDeal(store, pipeline.id, counterparty.id, { amount: { minor, currency: 'UAH' } }));
    }
    tick();
    await store.deals.update(made[0]!.id, { title: 'Кухня (уточнено)' });
    await kitchenDeal(store, pipeline.id, counterparty.id, { amount: { minor: 70_000, currency: 'EUR' }, stageId: stages[1]!.id });
    const lost = await kitchenDeal(store, pipeline.id, counterparty.id, { stageId: stages[1]!.id });
    await store.deals.lose(lost.id, { reasonId: reason.id });

    const board = await store.deals.board(pipeline.id, { perStage: 2 });
    expect(board.stages.map((column) => column.stage.name)).to.deep.equal([
      'Нова угода',
      'Перший контакт',
      'Кваліфікація',
      'Презентація',
      'Доопрацювання пропозиції',
      'Узгодження умов',
      'Підготовка до виконання',
      'Виконання',
    ]);
    const [first, second] = board.stages;
    expect(first).to.include({ count: 5 });
    expect(first!.sums).to.deep.equal({ UAH: 1_500_000 });
    expect(first!.deals.map((deal) => deal.id)).to.deep.equal([made[0]!.id, made[4]!.id]);
    expect(second).to.include({ count: 1 });
    expect(second!.sums).to.deep.equal({ EUR: 70_000 });
    expect(board.count).to.equal(6);
    expect(board.sums).to.deep.equal({ UAH: 1_500_000, EUR: 70_000 });
    expect(board.stages[2]).to.deep.include({ count: 0, sums: {}, deals: [] });

    const totals = await store.deals.totals(pipeline.id);
    expect(totals.count).to.equal(6);
    expect(totals.stages.map(({ count, sums }) => ({ count, sums }))).to.deep.equal(board.stages.map(({ count, sums }) => ({ count, sums })));

    const lostBoard = await store.deals.totals(pipeline.id, { status: 'lost' });
    expect(lostBoard.count).to.equal(1);
    expect(lostBoard.stages[1]!.count).to.equal(1);
    expect((await store.deals.totals(pipeline.id, { status: 'all' })).count).to.equal(7);
  });

  it('filters by manager, source and creation period', async () => {
    const { store, pipeline, counterparty, tick } = await setup();
    await kitchenDeal(store, pipeline.id, counterparty.id, { managerId: 'oksana', sourceId: 'prom' });
    tick(86_400_000);
    const middle = await kitchenDeal(store, pipeline.id, counterparty.id, { managerId: 'oksana', sourceId: 'olx' });
    tick(86_400_000);
    await kitchenDeal(store, pipeline.id, counterparty.id, { managerId: 'taras', sourceId: 'olx' });

    expect((await store.deals.totals(pipeline.id, { managerId: 'oksana' })).count).to.equal(2);
    expect((await store.deals.totals(pipeline.id, { sourceId: 'olx' })).count).to.equal(2);
    expect((await store.deals.totals(pipeline.id, { managerId: 'oksana', sourceId: 'olx' })).count).to.equal(1);
    const period = await store.deals.board(pipeline.id, { from: start + 3_600_000, to: start + 86_400_000 + 3_600_000 });
    expect(period.count).to.equal(1);
    expect(period.stages[0]!.deals.map((deal) => deal.id)).to.deep.equal([middle.id]);
  });

  it('re-emits the board through a live query when a deal moves', async () => {
    const { store, pipeline, stages, counterparty } = await setup();
    const deal = await kitchenDeal(store, pipeline.id, counterparty.id);
    const seen: number[][] = [];
    const subscription = observeQuery(() => store.deals.board(pipeline.id)).subscribe({
      next: (board) => seen.push(board.stages.map((column) => column.count)),
      error: () => undefined,
    });
    await settle();
    await store.deals.moveToStage(deal.id, stages[2]!.id);
    await settle();
    subscription.unsubscribe();
    expect(seen.at(0)!.slice(0, 3)).to.deep.equal([1, 0, 0]);
    expect(seen.at(-1)!.slice(0, 3)).to.deep.equal([0, 0, 1]);
  });
});

describe('deals.list / deals.count / deals.byClient', () => {
  afterEach(deleteTestStores);

  it('pages through deals most recently updated first, filtered by pipeline, manager and status', async () => {
    const { store, pipeline, counterparty, lead, tick } = await setup();
    const other = await store.pipelines.create({ name: 'Сервіс', stages: ['Заявка', 'Виконано'] });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      tick();
      ids.push((await kitchenDeal(store, pipeline.id, counterparty.id, { managerId: i % 2 ? 'taras' : 'oksana' })).id);
    }
    tick();
    const service = await store.deals.create({ title: 'Гарантійний ремонт', pipelineId: other.pipeline.id, client: { type: 'lead', id: lead.id } });
    await store.deals.win(ids[1]!);

    expect((await store.deals.list({ pipelineId: pipeline.id, limit: 2 })).map((deal) => deal.id)).to.deep.equal([ids[1], ids[4]]);
    expect((await store.deals.list({ pipelineId: pipeline.id, offset: 2, limit: 2 })).map((deal) => deal.id)).to.deep.equal([ids[3], ids[2]]);
    expect(await store.deals.count({ pipelineId: pipeline.id })).to.equal(5);
    expect(await store.deals.count({ managerId: 'taras', status: 'open' })).to.equal(1);
    expect(await store.deals.count()).to.equal(6);
    expect((await store.deals.byClient({ type: 'counterparty', id: counterparty.id })).map((deal) => deal.id)).to.deep.equal([...ids].reverse());
    expect(await store.deals.byClient({ type: 'lead', id: lead.id })).to.deep.equal([service]);
  });
});

describe('deals: references and period reads', () => {
  afterEach(deleteTestStores);

  it('refuses a manager or source that does not exist, naming the field, and writes nothing', async () => {
    const { store, pipeline, counterparty } = await setup();
    const client = { type: 'counterparty' as const, id: counterparty.id };
    const before = await snapshot(store);
    expect(await refused(store.deals.create({ title: 'Кухня', pipelineId: pipeline.id, client, managerId: 'nobody' }))).to.include({ code: 'NOT_FOUND', field: 'managerId' });
    expect(await refused(store.deals.create({ title: 'Кухня', pipelineId: pipeline.id, client, sourceId: 'nowhere' }))).to.include({ code: 'NOT_FOUND', field: 'sourceId' });
    expect(await snapshot(store)).to.deep.equal(before);
    const deal = await store.deals.create({ title: 'Кухня', pipelineId: pipeline.id, client });
    expect(await refused(store.deals.update(deal.id, { managerId: 'nobody' }))).to.include({ code: 'NOT_FOUND', field: 'managerId' });
    expect((await store.deals.get(deal.id))!.managerId).to.equal(undefined);
  });

  it('lists and counts every deal, newest change first, without a filter', async () => {
    const { store, pipeline, counterparty, tick } = await setup();
    const client = { type: 'counterparty' as const, id: counterparty.id };
    const first = await store.deals.create({ title: 'Перша', pipelineId: pipeline.id, client });
    tick();
    const second = await store.deals.create({ title: 'Друга', pipelineId: pipeline.id, client });
    expect(await store.deals.count()).to.equal(2);
    expect((await store.deals.list()).map((d) => d.id)).to.deep.equal([second.id, first.id]);
    expect((await store.deals.list({ offset: 1, limit: 1 })).map((d) => d.id)).to.deep.equal([first.id]);
  });

  it('reads deals closed in a period (per manager) and a pipeline’s stage changes in a period', async () => {
    const { store, db, pipeline, stages, counterparty, reason, clock } = await setup();
    const manager = await store.users.create({ name: 'Олена Коваль', roles: ['manager'] });
    const client = { type: 'counterparty' as const, id: counterparty.id };
    const won = await store.deals.create({ title: 'Виграна', pipelineId: pipeline.id, client, managerId: manager.id });
    const lost = await store.deals.create({ title: 'Втрачена', pipelineId: pipeline.id, client });
    const periodStart = clock.now + 1000;
    clock.now = periodStart + 60_000;
    await store.deals.moveToStage(won.id, stages[2]!.id);
    await store.deals.win(won.id);
    clock.now += 60_000;
    await store.deals.lose(lost.id, { reasonId: reason.id });
    const periodEnd = clock.now + 1;
    expect((await store.deals.closedBetween(periodStart, periodEnd)).map((d) => d.id)).to.deep.equal([won.id, lost.id]);
    expect((await store.deals.closedBetween(periodStart, periodEnd, { status: 'lost' })).map((d) => d.id)).to.deep.equal([lost.id]);
    expect((await store.deals.closedBetween(periodStart, periodEnd, { managerId: manager.id })).map((d) => d.id)).to.deep.equal([won.id]);
    expect(await store.deals.closedBetween(periodEnd, periodEnd + 1000)).to.deep.equal([]);
    const changes = await store.deals.stageChangesBetween(pipeline.id, periodStart, periodEnd);
    expect(changes.map((c) => [c.dealId, c.status])).to.deep.equal([[won.id, 'open'], [won.id, 'won'], [lost.id, 'lost']]);
    expect(changes.every((c) => c.createdAt === c.at && c.updatedAt === c.at)).to.equal(true);
    expect(await refused(store.deals.closedBetween(periodEnd, periodStart))).to.include({ code: 'VALIDATION', field: 'to' });
    expect(await db.dealStageHistory.count()).to.equal(5);
  });
});

describe('deals.cardDetails', () => {
  afterEach(deleteTestStores);

  it('names each deal’s client and finds its earliest planned interaction or open task in bulk', async () => {
    const { store, pipeline, counterparty, lead, clock } = await setup();
    const kitchen = await kitchenDeal(store, pipeline.id, counterparty.id);
    const windows = await store.deals.create({ title: 'Вікна', pipelineId: pipeline.id, client: { type: 'lead', id: lead.id } });
    const quiet = await store.deals.create({ title: 'Без планів', pipelineId: pipeline.id, client: { type: 'lead', id: lead.id } });
    const party = { type: 'counterparty' as const, id: counterparty.id };
    const hour = 3_600_000;
    // Linked by dealId: a done call (ignored), a planned meeting in two days and a planned call tomorrow.
    await store.interactions.register({ kind: 'call', subject: 'Уже дзвонили', subjectRef: party, dealId: kitchen.id });
    await store.interactions.register({ kind: 'meeting', status: 'planned', at: clock.now + 48 * hour, subject: 'Замір', subjectRef: party, dealId: kitchen.id });
    const call = await store.interactions.register({ kind: 'call', status: 'planned', at: clock.now + 24 * hour, subject: 'Узгодити колір', subjectRef: party, dealId: kitchen.id });
    // An open task about the deal that is due later, and a finished one due earlier: neither beats the call.
    await store.tasks.create({ title: 'Кошторис', authorId: 'manager-1', performerId: 'manager-1', deadline: clock.now + 72 * hour, subjectRef: { type: 'deal', id: kitchen.id } });
    const done = await store.tasks.create({ title: 'Старе', authorId: 'manager-1', performerId: 'manager-1', deadline: clock.now + hour, subjectRef: { type: 'deal', id: kitchen.id } });
    await store.tasks.complete(done.id);
    // The deal as the interaction's subject, and an overdue task of another deal.
    const visit = await store.interactions.register({ kind: 'meeting', status: 'planned', at: clock.now + 5 * hour, subject: 'Огляд вікон', subjectRef: { type: 'deal', id: windows.id } });
    const overdue = await store.tasks.create({ title: 'Передзвонити', authorId: 'manager-1', performerId: 'manager-1', deadline: clock.now - hour, subjectRef: { type: 'deal', id: windows.id } });

    const details = await store.deals.cardDetails([kitchen, windows, quiet]);
    expect(details.clientNames).to.deep.equal({ [counterparty.id]: counterparty.name, [lead.id]: lead.name });
    expect(details.nextActivities[kitchen.id]).to.deep.equal({ type: 'interaction', id: call.id, at: call.at, title: 'Узгодити колір', kind: 'call' });
    expect(details.nextActivities[windows.id]).to.deep.equal({ type: 'task', id: overdue.id, at: overdue.deadline, title: 'Передзвонити' });
    expect(visit.at).to.be.greaterThan(overdue.deadline);
    expect(details.nextActivities).to.not.have.property(quiet.id);
    expect(await store.deals.cardDetails([])).to.deep.equal({ clientNames: {}, nextActivities: {} });
  });

  it('re-runs inside a live query when a planned interaction is added', async () => {
    const { store, pipeline, counterparty, clock } = await setup();
    const deal = await kitchenDeal(store, pipeline.id, counterparty.id);
    const seen: Array<string | undefined> = [];
    const subscription = observeQuery(() => store.deals.cardDetails([deal])).subscribe({
      next: (details) => seen.push(details.nextActivities[deal.id]?.title),
      error: () => undefined,
    });
    await settle();
    await store.interactions.register({
      kind: 'email',
      status: 'planned',
      at: clock.now + 3_600_000,
      subject: 'Надіслати кошторис',
      subjectRef: { type: 'counterparty', id: counterparty.id },
      dealId: deal.id,
    });
    await settle(150);
    subscription.unsubscribe();
    expect(seen).to.deep.equal([undefined, 'Надіслати кошторис']);
  });
});

import { expect } from '@open-wc/testing';
import { cmp } from 'dexie';
import type { DealStageTotals } from '../../src/store/database.js';
import { CrmDatabase, observeQuery, seedSampleData, type Deal } from '../../src/store/index.js';
import { contextOf } from '../../src/store/store.js';
import { deleteTestStores, settle } from '../support/fixtures.js';
import { counterpartyRow, leadRow, refused, testStore, userRow } from '../support/store.js';

const start = Date.UTC(2025, 3, 14, 7, 0);

/** The totals `dealStageTotals` must hold: counted from every deal, the slow way. */
function countedFrom(deals: readonly Deal[]): DealStageTotals[] {
  const rows = new Map<string, DealStageTotals>();
  for (const deal of deals) {
    const key = JSON.stringify([deal.pipelineId, deal.stageId, deal.status]);
    const row = rows.get(key) ?? { pipelineId: deal.pipelineId, stageId: deal.stageId, status: deal.status, count: 0, sums: {}, counts: {} };
    row.count += 1;
    row.sums[deal.amount.currency] = (row.sums[deal.amount.currency] ?? 0) + deal.amount.minor;
    row.counts[deal.amount.currency] = (row.counts[deal.amount.currency] ?? 0) + 1;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => cmp([a.pipelineId, a.stageId, a.status], [b.pipelineId, b.stageId, b.status]));
}

/** The kept totals equal the totals of every deal now in the database. */
async function expectTotalsKept(db: CrmDatabase): Promise<void> {
  const [deals, kept] = await db.transaction('r', [db.deals, db.dealStageTotals], () => Promise.all([db.deals.toArray(), db.dealStageTotals.toArray()]));
  expect(kept).to.deep.equal(countedFrom(deals));
}

/** A store with a pinned clock, the pipeline «Продажі меблів», a counterparty, a lead, a manager and a lost reason. */
async function setup() {
  const { db, store, tick } = testStore('deal-totals', start);
  const { pipeline, stages } = await store.pipelines.create({ name: 'Продажі меблів', stages: ['Нова угода', 'Замір', 'Договір', 'Виготовлення'] });
  const client = counterpartyRow({ name: 'ТОВ «Меблі Полісся»', edrpou: '32855961' }, start);
  const lead = leadRow({ name: 'Олена Коваль', phones: ['+380501112233'] }, start);
  await db.counterparties.add(client);
  await db.leads.add(lead);
  await db.users.add(userRow({ id: 'manager-iryna', name: 'Ірина Бондаренко' }, start));
  const reason = await store.lostReasons.create({ name: 'Дорого' });
  const deal = (title: string, minor: number, extra: Record<string, unknown> = {}) =>
    store.deals.create({ title, pipelineId: pipeline.id, client: { type: 'counterparty', id: client.id }, amount: { minor }, ...extra });
  return { db, store, tick, pipeline, stages, client, lead, reason, deal };
}

/** A second pipeline with one stage, written straight into the database. */
async function testStoreOtherPipeline(db: CrmDatabase, besides: string): Promise<{ pipelineId: string; stageId: string }> {
  const pipelineId = `${besides}-wholesale`;
  await db.pipelines.add({ id: pipelineId, name: 'Оптові замовлення', archived: 0, createdAt: start, updatedAt: start });
  await db.stages.add({ id: `${pipelineId}-request`, pipelineId, name: 'Запит', order: 0, createdAt: start, updatedAt: start });
  return { pipelineId, stageId: `${pipelineId}-request` };
}

describe('dealStageTotals: kept by the database', () => {
  afterEach(deleteTestStores);

  it('follows every deal operation: create, change of amount and currency, move, win, lose, reopen', async () => {
    const { db, store, tick, stages, reason, deal } = await setup();
    const kitchen = await deal('Кухня з масиву дуба', 12_500_000);
    const wardrobe = await deal('Шафа-купе в передпокій', 3_800_000, { stageId: stages[1]!.id });
    const office = await deal('Офісні меблі для «Агроінвест»', 0);
    await expectTotalsKept(db);
    expect(await db.dealStageTotals.get([kitchen.pipelineId, stages[0]!.id, 'open'])).to.deep.include({
      count: 2,
      sums: { UAH: 12_500_000 },
      counts: { UAH: 2 },
    });

    tick();
    await store.deals.update(kitchen.id, { amount: { minor: 13_100_000 } });
    await store.deals.update(office.id, { amount: { minor: 450_000, currency: 'EUR' } });
    await expectTotalsKept(db);
    expect((await db.dealStageTotals.get([kitchen.pipelineId, stages[0]!.id, 'open']))!.sums).to.deep.equal({ UAH: 13_100_000, EUR: 450_000 });

    // A zero amount changing currency: the stage's sums name the new currency, not the old one.
    await store.deals.update(office.id, { amount: { minor: 0, currency: 'USD' } });
    await store.deals.update(office.id, { amount: { minor: 0, currency: 'PLN' } });
    expect((await db.dealStageTotals.get([kitchen.pipelineId, stages[0]!.id, 'open']))!.sums).to.deep.equal({ UAH: 13_100_000, PLN: 0 });
    await store.deals.update(office.id, { amount: { minor: 450_000, currency: 'EUR' } });
    await expectTotalsKept(db);

    tick();
    await store.deals.moveToStage(kitchen.id, stages[2]!.id);
    await store.deals.win(wardrobe.id);
    await store.deals.lose(office.id, { reasonId: reason.id, comment: 'Обрали дешевшого постачальника' });
    await expectTotalsKept(db);
    tick();
    await store.deals.reopen(office.id);
    await store.deals.moveToStage(office.id, stages[3]!.id);
    await expectTotalsKept(db);
    // A stage whose last deal left has no row; its column shows nothing.
    expect(await db.dealStageTotals.get([kitchen.pipelineId, stages[1]!.id, 'open'])).to.equal(undefined);
    const board = await store.deals.board(kitchen.pipelineId);
    expect(board.stages.map(({ count, sums }) => ({ count, sums }))).to.deep.equal([
      { count: 0, sums: {} },
      { count: 0, sums: {} },
      { count: 1, sums: { UAH: 13_100_000 } },
      { count: 1, sums: { EUR: 450_000 } },
    ]);
  });

  it('follows stage removal, lead conversion with a deal, and a restore of a backup', async () => {
    const { db, store, tick, pipeline, stages, lead, deal } = await setup();
    await deal('Кухня з масиву дуба', 12_500_000, { stageId: stages[1]!.id });
    await deal('Передпокій', 2_100_000, { stageId: stages[1]!.id });
    tick();
    await store.pipelines.removeStage(stages[1]!.id, { moveDealsTo: stages[2]!.id });
    await expectTotalsKept(db);
    expect((await db.dealStageTotals.get([pipeline.id, stages[2]!.id, 'open']))!.count).to.equal(2);

    await store.leads.convert(lead.id, { deal: { pipelineId: pipeline.id, title: 'Дитяча кімната', amount: { minor: 5_400_000 } } });
    await expectTotalsKept(db);
    expect((await store.deals.totals(pipeline.id)).count).to.equal(3);

    const backup = await store.backup.exportAll();
    const target = testStore('deal-totals-restore', start);
    await target.store.backup.restore(backup);
    await expectTotalsKept(target.db);
    expect(await target.db.dealStageTotals.toArray()).to.deep.equal(await db.dealStageTotals.toArray());
    // Restoring again over the data (every table cleared first) does not count twice.
    await target.store.backup.restore(backup);
    expect(await target.db.dealStageTotals.toArray()).to.deep.equal(await db.dealStageTotals.toArray());
  });

  it('follows the sample business written in bulk', async () => {
    const { db, store } = testStore('deal-totals-sample', start);
    await seedSampleData(store);
    const deals = await db.deals.toArray();
    expect(deals.length).to.be.greaterThan(100);
    await expectTotalsKept(db);
    for (const pipeline of await store.pipelines.list()) {
      const board = await store.deals.board(pipeline.id, { status: 'all', perStage: 3 });
      const ofPipeline = deals.filter((d) => d.pipelineId === pipeline.id);
      expect(board.count).to.equal(ofPipeline.length);
      for (const column of board.stages) {
        const inStage = ofPipeline.filter((d) => d.stageId === column.stage.id).sort((a, b) => b.updatedAt - a.updatedAt);
        expect(column.count, column.stage.name).to.equal(inStage.length);
        expect(column.deals.map((d) => d.updatedAt)).to.deep.equal(inStage.slice(0, 3).map((d) => d.updatedAt));
      }
    }
  });

  it('follows raw writes: bulkPut naming a deal twice, modify, bulkDelete, a filtered delete and clear', async () => {
    const { db, stages, deal } = await setup();
    const first = await deal('Кухня з масиву дуба', 12_500_000);
    const second = await deal('Шафа-купе', 3_800_000);
    await deal('Спальня', 6_000_000, { stageId: stages[3]!.id });
    await db.deals.bulkPut([
      { ...first, stageId: stages[1]!.id },
      { ...second, amount: { minor: 100, currency: 'EUR' } },
      { ...first, stageId: stages[2]!.id, amount: { minor: 7_000_000, currency: 'UAH' } },
    ]);
    await expectTotalsKept(db);
    expect((await db.dealStageTotals.get([first.pipelineId, stages[2]!.id, 'open']))!.sums).to.deep.equal({ UAH: 7_000_000 });

    await db.deals.where('stageId').equals(stages[3]!.id).modify({ status: 'won', closedAt: start });
    await expectTotalsKept(db);
    await db.deals.bulkDelete([second.id, 'no-such-deal']);
    await expectTotalsKept(db);
    await db.deals.where('id').between('', '\uffff').and((d) => d.status === 'won').delete();
    await expectTotalsKept(db);
    await db.deals.clear();
    await expectTotalsKept(db);
    expect(await db.dealStageTotals.count()).to.equal(0);
  });

  it('rolls back with the write: a refused operation or a failed transaction leaves the totals as they were', async () => {
    const { db, store, stages, deal } = await setup();
    const kitchen = await deal('Кухня з масиву дуба', 12_500_000);
    const before = await db.dealStageTotals.toArray();

    const error = await refused(store.deals.moveToStage(kitchen.id, 'no-such-stage'));
    expect(error).to.include({ code: 'NOT_FOUND', field: 'stageId' });
    const failed = await contextOf(store)
      .write([db.deals], async () => {
        await db.deals.put({ ...kitchen, stageId: stages[2]!.id });
        await db.deals.add({ ...kitchen, id: 'deal-2' });
        throw new Error('a later step failed');
      })
      .catch((e: unknown) => e);
    expect(failed).to.be.instanceOf(Error);
    expect(await db.dealStageTotals.toArray()).to.deep.equal(before);
    await expectTotalsKept(db);
  });

  it('follows several writes of one deal in one transaction, the record read changed in place before it is written', async () => {
    const { db, stages, deal } = await setup();
    const kitchen = await deal('Кухня з масиву дуба', 12_500_000);
    await db.transaction('rw', db.deals, async () => {
      const read = (await db.deals.get(kitchen.id))!;
      read.stageId = stages[1]!.id;
      read.amount = { minor: 9_900_000, currency: 'UAH' };
      await db.deals.put(read);
      const [again] = await db.deals.bulkGet([kitchen.id]);
      await Promise.all([db.deals.put({ ...again!, stageId: stages[2]!.id }), db.deals.update(kitchen.id, { status: 'won' })]);
      await db.deals.put({ ...(await db.deals.get(kitchen.id))!, id: 'deal-copy' });
      await db.deals.delete(kitchen.id);
      await db.deals.put({ ...kitchen, id: 'deal-copy', amount: { minor: 1, currency: 'EUR' } });
    });
    await expectTotalsKept(db);
    expect(await db.dealStageTotals.toArray()).to.have.length(1);

    // Read (its totals start loading), everything cleared, written anew: counted from nothing.
    await db.transaction('rw', db.deals, async () => {
      const copy = db.deals.get('deal-copy');
      await db.deals.clear();
      await db.deals.bulkAdd([{ ...kitchen, id: 'deal-a' }, { ...kitchen, id: 'deal-b', stageId: stages[3]!.id }]);
      await copy;
    });
    await expectTotalsKept(db);
    expect(await db.dealStageTotals.toArray()).to.have.length(2);
  });

  it('stays right through 60 transactions of random writes, several at once in each (seeded)', async () => {
    const { db, pipeline, stages, deal } = await setup();
    const other = await testStoreOtherPipeline(db, pipeline.id);
    const first = await deal('Кухня з масиву дуба', 12_500_000);
    let seed = 20250414;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const ids = Array.from({ length: 12 }, (_, i) => `deal-${i}`);
    const stageIds = [...stages.map((stage) => stage.id), other.stageId];
    const record = (id: string): Deal => {
      const stageId = pick(stageIds);
      return {
        ...first,
        id,
        pipelineId: stageId === other.stageId ? other.pipelineId : pipeline.id,
        stageId,
        status: pick(['open', 'open', 'won', 'lost'] as const),
        amount: { minor: Math.floor(random() * 5) * 100_000, currency: pick(['UAH', 'UAH', 'EUR']) },
      };
    };
    let committed = 0;
    for (let round = 0; round < 60; round += 1) {
      const work = db.transaction('rw', db.deals, async () => {
        const writes = Array.from({ length: 1 + Math.floor(random() * 4) }, async () => {
          const roll = random();
          if (roll < 0.25) {
            const found = await db.deals.get(pick(ids));
            if (found) {
              found.stageId = pick(stages).id;
              found.amount = { minor: found.amount.minor + 100, currency: found.amount.currency };
              await db.deals.put(found);
            }
          } else if (roll < 0.45) await db.deals.bulkPut(Array.from({ length: 1 + Math.floor(random() * 3) }, () => record(pick(ids))));
          else if (roll < 0.6) await db.deals.bulkAdd([record(pick(ids)), record(pick(ids))]).catch(() => undefined);
          else if (roll < 0.7) await db.deals.bulkDelete([pick(ids), pick(ids)]);
          else if (roll < 0.8) await db.deals.update(pick(ids), { status: pick(['open', 'won', 'lost'] as const) });
          else if (roll < 0.9) await db.deals.where('stageId').equals(pick(stageIds)).modify({ status: 'lost' });
          else await db.deals.where('id').between(pick(ids), '\uffff').and(() => random() < 0.3).delete();
        });
        // Dexie's modify can trip over a deal another write of the same transaction deletes: such a
        // write fails (its transaction carries on with the rest), and the totals must still agree.
        await Promise.all(writes.map((write) => write.catch(() => undefined)));
      });
      if (await work.then(() => true, () => false)) committed += 1;
      await expectTotalsKept(db);
    }
    expect(committed).to.be.greaterThan(50);
  });

  it('counts only the records a bulkAdd wrote when a clash is caught inside the transaction', async () => {
    const { db, deal } = await setup();
    const kitchen = await deal('Кухня з масиву дуба', 12_500_000);
    await db.transaction('rw', db.deals, async () => {
      await db.deals.bulkAdd([{ ...kitchen, id: 'deal-new', title: 'Вітальня' }, kitchen]).catch(() => undefined);
    });
    expect(await db.deals.count()).to.equal(2);
    await expectTotalsKept(db);
  });

  it('re-emits the totals through a live query when only an amount changes', async () => {
    const { store, tick, pipeline, deal } = await setup();
    const kitchen = await deal('Кухня з масиву дуба', 12_500_000);
    const seen: Array<Record<string, number>> = [];
    const subscription = observeQuery(() => store.deals.totals(pipeline.id)).subscribe({
      next: (totals) => seen.push(totals.sums),
      error: () => undefined,
    });
    await settle();
    tick();
    await store.deals.update(kitchen.id, { amount: { minor: 14_000_000 } });
    await settle();
    subscription.unsubscribe();
    expect(seen.at(0)).to.deep.equal({ UAH: 12_500_000 });
    expect(seen.at(-1)).to.deep.equal({ UAH: 14_000_000 });
  });

  it('ignores writes to the totals from outside the database', async () => {
    const { db, pipeline, stages, deal } = await setup();
    await deal('Кухня з масиву дуба', 12_500_000);
    const before = await db.dealStageTotals.toArray();
    await db.dealStageTotals.put({ pipelineId: pipeline.id, stageId: stages[0]!.id, status: 'open', count: 99, sums: { UAH: 1 }, counts: { UAH: 99 } });
    await db.dealStageTotals.clear();
    expect(await db.dealStageTotals.toArray()).to.deep.equal(before);
  });
});

import { expect } from '@open-wc/testing';
import { seedSampleData } from '../../../src/store/index.js';
import { leadFunnel } from '../../../src/store/reports/funnel.js';
import { managersReport } from '../../../src/store/reports/managers.js';
import { sourcesReport } from '../../../src/store/reports/sources.js';
import { deleteTestStores } from '../../support/fixtures.js';
import { counterpartyRow, refused, testStore } from '../../support/store.js';

const start = Date.UTC(2026, 2, 2, 8, 0);
const DAY = 86_400_000;

describe('store.reports.funnel', () => {
  afterEach(deleteTestStores);

  it('reads the stage history of the period and counts reached stages, live after a move', async () => {
    const { db, store, tick } = testStore('report-funnel', start);
    const { pipeline, stages } = await store.pipelines.create({ name: 'Продажі', stages: ['Нова', 'Контакт', 'Пропозиція', 'Угода'] });
    const client = counterpartyRow({ name: 'ТОВ «Будсервіс Поділля»' }, start);
    await db.counterparties.add(client);
    const ref = { type: 'counterparty' as const, id: client.id };
    const a = await store.deals.create({ title: 'Кухня', pipelineId: pipeline.id, client: ref, amount: { minor: 1_250_000 } });
    const b = await store.deals.create({ title: 'Шафа', pipelineId: pipeline.id, client: ref, amount: { minor: 400_000 } });
    tick(DAY);
    await store.deals.moveToStage(a.id, stages[2]!.id); // skips «Контакт»
    tick(DAY);
    await store.deals.win(a.id);
    const period = { from: start - DAY, to: start + 30 * DAY };
    let rows = await store.reports.funnel(pipeline.id, period);
    expect(rows.map((r) => r.reached)).to.deep.equal([2, 1, 1, 0]);
    expect(rows[0]!.sums).to.deep.equal({ UAH: 1_650_000 });
    expect(rows[2]!.dealIds).to.deep.equal([a.id]);
    expect(rows[0]!.medianDays).to.equal(1.5); // a left after 1 day; b is still there, measured to now (2 days)
    tick(DAY);
    await store.deals.moveToStage(b.id, stages[3]!.id);
    rows = await store.reports.funnel(pipeline.id, period);
    expect(rows.map((r) => r.reached)).to.deep.equal([2, 2, 2, 1]);
  });

  it('refuses a missing pipeline and an empty period', async () => {
    const { store } = testStore('report-funnel-bad', start);
    expect((await refused(store.reports.funnel('nope', { from: 0, to: 1 }))).code).to.equal('NOT_FOUND');
    const error = await refused(store.reports.sources({ from: 5, to: 5 }));
    expect(error.code).to.equal('VALIDATION');
    expect(error.field).to.equal('to');
  });
});

describe('store.reports on the sample data', () => {
  afterEach(deleteTestStores);

  it('funnel: equals an independent count over all records', async () => {
    const { db, store } = testStore('report-sample', start);
    await seedSampleData(store);
    const period = { from: start - 90 * DAY, to: start };
    const pipelines = await db.pipelines.toArray();
    expect(pipelines.length).to.be.greaterThan(0);
    const allHistory = await db.dealStageHistory.toArray();
    const allStages = await db.stages.toArray();
    let someReached = 0;
    for (const pipeline of pipelines) {
      const stages = allStages.filter((s) => s.pipelineId === pipeline.id).sort((x, y) => x.order - y.order);
      // Plainly: for every deal, the furthest stage it entered (a first entry or a move) inside the period.
      const furthest = new Map<string, number>();
      for (const h of allHistory) {
        if (h.pipelineId !== pipeline.id || h.at < period.from || h.at >= period.to) continue;
        if (h.status !== 'open' || h.fromStageId === h.stageId) continue;
        const order = stages.findIndex((s) => s.id === h.stageId);
        if (order > (furthest.get(h.dealId) ?? -1)) furthest.set(h.dealId, order);
      }
      const expected = stages.map((_, k) => [...furthest.values()].filter((f) => f >= k).length);
      const rows = await store.reports.funnel(pipeline.id, period);
      expect(rows.map((r) => r.reached), pipeline.name).to.deep.equal(expected);
      expect(rows.map((r) => r.key)).to.deep.equal(stages.map((s) => s.id));
      someReached += expected[0]!;
    }
    expect(someReached, 'the sample data has deals in the period').to.be.greaterThan(0);
  });

  it('sources, managers and the lead funnel equal the pure functions over every record', async () => {
    const { db, store } = testStore('report-sample-2', start);
    await seedSampleData(store);
    const period = { from: start - 180 * DAY, to: start };
    const [sources, leads, deals, stages, users, interactions, counterparties, orders] = await Promise.all([
      db.sources.toArray(), db.leads.toArray(), db.deals.toArray(), db.stages.toArray(), db.users.toArray(),
      db.interactions.toArray(), db.counterparties.toArray(), db.orders.toArray(),
    ]);
    const spend = sources.flatMap((source) => (source.actualSpend ?? []).map(({ month, amount }) => ({ sourceId: source.id, month, amount })));
    expect(spend.length, 'the sample sources record actual spend').to.be.above(0);
    expect(await store.reports.sources(period)).to.deep.equal(sourcesReport({ sources, leads, deals, stages, spend }, period));
    // Actual spend recorded on a source reaches the report: spend, profit and ROI follow it.
    const instagram = sources.find((source) => source.name === 'Instagram') ?? sources[0]!;
    const month = new Date(start - DAY).toISOString().slice(0, 7);
    const rowOf = async () => (await store.reports.sources(period)).find((r) => r.key === instagram.id)!;
    const before = await rowOf();
    const earlier = instagram.actualSpend?.find((entry) => entry.month === month)?.amount.minor ?? 0;
    await store.sources.setActualSpend(instagram.id, month, { minor: earlier + 1_000_000 });
    const row = await rowOf();
    expect(row.actualSpend).to.equal((before.actualSpend ?? 0) + 1_000_000);
    expect(row.profit).to.equal(row.revenue - row.actualSpend!);
    expect(await store.reports.managers(period)).to.deep.equal(managersReport({ users, deals, interactions }, period));
    const dateOf = (at: number) => { const d = new Date(at); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; };
    const funnel = await store.reports.leadFunnel(period);
    expect(funnel).to.deep.equal(leadFunnel({ leads, counterparties, orders }, { ...period, dateOf }));
    // And plainly: the first step is the leads created in the period.
    expect(funnel[0]!.reached).to.equal(leads.filter((l) => l.createdAt >= period.from && l.createdAt < period.to).length);
    const won = deals.filter((d) => d.status === 'won' && d.closedAt! >= period.from && d.closedAt! < period.to);
    const managers = await store.reports.managers(period);
    expect(managers.reduce((n, r) => n + r.won, 0)).to.equal(won.length);
  });
});

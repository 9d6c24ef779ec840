import { expect } from '@open-wc/testing';
import { deleteTestStores } from '../support/fixtures.js';
import { counterpartyRow, refused, snapshot, testStore } from '../support/store.js';

const start = Date.UTC(2025, 0, 13, 8, 0);

/** A store with a pinned clock and one counterparty to own deals. */
async function setup() {
  const { db, store, tick } = testStore('pipelines', start);
  const counterparty = counterpartyRow(
    { kind: 'fop', name: 'ФОП Мельник Андрій Петрович', rnokpp: '3184710691', phones: ['+380972223344'], searchTokens: ['мельник'] },
    start,
  );
  await db.counterparties.add(counterparty);
  const deal = (pipelineId: string, stageId: string, title = 'Шафа-купе в передпокій') =>
    store.deals.create({ title, pipelineId, stageId, client: { type: 'counterparty', id: counterparty.id } });
  return { db, store, tick, deal };
}

describe('pipelines.create', () => {
  afterEach(deleteTestStores);

  it('creates a pipeline with the eight default stages of D1, in order', async () => {
    const { store } = await setup();
    const { pipeline, stages } = await store.pipelines.create({ name: '  Продажі меблів  ' });
    expect(pipeline).to.include({ name: 'Продажі меблів', archived: 0, createdAt: start, updatedAt: start });
    const stored = await store.pipelines.stages(pipeline.id);
    expect(stored).to.deep.equal(stages);
    expect(stored.map((stage) => [stage.order, stage.name])).to.deep.equal([
      [0, 'Нова угода'],
      [1, 'Перший контакт'],
      [2, 'Кваліфікація'],
      [3, 'Презентація'],
      [4, 'Доопрацювання пропозиції'],
      [5, 'Узгодження умов'],
      [6, 'Підготовка до виконання'],
      [7, 'Виконання'],
    ]);
    expect(await store.pipelines.get(pipeline.id)).to.deep.equal(pipeline);
  });

  it('creates a pipeline with the stages given', async () => {
    const { store } = await setup();
    const { pipeline } = await store.pipelines.create({ name: 'Сервісне обслуговування', stages: ['Заявка', 'Діагностика', 'Ремонт', 'Видача'] });
    expect((await store.pipelines.stages(pipeline.id)).map((stage) => stage.name)).to.deep.equal(['Заявка', 'Діагностика', 'Ремонт', 'Видача']);
  });

  it('refuses an empty name, an empty stage list, an empty stage name and a repeated stage name, writing nothing', async () => {
    const { db, store } = await setup();
    const before = await snapshot(db);
    expect(await refused(store.pipelines.create({ name: '  ' }))).to.include({ code: 'VALIDATION', field: 'name', messageKey: 'error.required' });
    expect(await refused(store.pipelines.create({ name: 'Сервіс', stages: [] }))).to.include({
      code: 'VALIDATION',
      field: 'stages',
      messageKey: 'error.lastStage',
    });
    expect(await refused(store.pipelines.create({ name: 'Сервіс', stages: ['Заявка', ' '] }))).to.include({ code: 'VALIDATION', field: 'stages.1' });
    expect(await refused(store.pipelines.create({ name: 'Сервіс', stages: ['Заявка', 'Ремонт', 'заявка'] }))).to.include({
      code: 'DUPLICATE',
      field: 'stages.2',
      messageKey: 'error.duplicateName',
    });
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('pipelines.rename / archive / restore / list', () => {
  afterEach(deleteTestStores);

  it('renames, archives and restores a pipeline; list shows the unarchived ones, oldest first', async () => {
    const { store, tick } = await setup();
    const sales = (await store.pipelines.create({ name: 'Продажі' })).pipeline;
    tick();
    const service = (await store.pipelines.create({ name: 'Сервіс', stages: ['Заявка'] })).pipeline;
    tick();
    const renamed = await store.pipelines.rename(sales.id, 'Роздрібні продажі');
    expect(renamed).to.include({ name: 'Роздрібні продажі', createdAt: start, updatedAt: start + 120_000 });
    expect((await store.pipelines.list()).map((p) => p.name)).to.deep.equal(['Роздрібні продажі', 'Сервіс']);
    await store.pipelines.archive(service.id);
    expect((await store.pipelines.get(service.id))!.archived).to.equal(1);
    expect((await store.pipelines.list()).map((p) => p.id)).to.deep.equal([sales.id]);
    expect((await store.pipelines.list({ includeArchived: true })).map((p) => p.id)).to.deep.equal([sales.id, service.id]);
    await store.pipelines.restore(service.id);
    expect((await store.pipelines.list()).map((p) => p.id)).to.deep.equal([sales.id, service.id]);
  });

  it('refuses an unknown pipeline and an empty name', async () => {
    const { store } = await setup();
    const { pipeline } = await store.pipelines.create({ name: 'Продажі' });
    expect(await refused(store.pipelines.rename('nope', 'Інша'))).to.include({ code: 'NOT_FOUND', field: 'pipelineId' });
    expect(await refused(store.pipelines.archive('nope'))).to.include({ code: 'NOT_FOUND', field: 'pipelineId' });
    expect(await refused(store.pipelines.rename(pipeline.id, ''))).to.include({ code: 'VALIDATION', field: 'name' });
    expect((await store.pipelines.get(pipeline.id))!.name).to.equal('Продажі');
  });
});

describe('pipelines.addStage / renameStage', () => {
  afterEach(deleteTestStores);

  it('inserts a stage at a position, shifting the later ones, or appends it', async () => {
    const { store } = await setup();
    const { pipeline } = await store.pipelines.create({ name: 'Сервіс', stages: ['Заявка', 'Ремонт', 'Видача'] });
    const diagnostics = await store.pipelines.addStage(pipeline.id, { name: 'Діагностика', position: 1, probability: 50 });
    expect(diagnostics).to.include({ pipelineId: pipeline.id, name: 'Діагностика', order: 1, probability: 50 });
    const feedback = await store.pipelines.addStage(pipeline.id, { name: 'Відгук клієнта' });
    expect(feedback.order).to.equal(4);
    const stages = await store.pipelines.stages(pipeline.id);
    expect(stages.map((stage) => [stage.order, stage.name])).to.deep.equal([
      [0, 'Заявка'],
      [1, 'Діагностика'],
      [2, 'Ремонт'],
      [3, 'Видача'],
      [4, 'Відгук клієнта'],
    ]);
    expect(await store.pipelines.stage(diagnostics.id)).to.deep.equal(diagnostics);
  });

  it('refuses a repeated name, a bad probability and an unknown pipeline, writing nothing', async () => {
    const { db, store } = await setup();
    const { pipeline } = await store.pipelines.create({ name: 'Сервіс', stages: ['Заявка', 'Ремонт'] });
    const before = await snapshot(db);
    expect(await refused(store.pipelines.addStage(pipeline.id, { name: 'РЕМОНТ' }))).to.include({
      code: 'DUPLICATE',
      field: 'name',
      messageKey: 'error.duplicateName',
    });
    expect(await refused(store.pipelines.addStage(pipeline.id, { name: 'Видача', probability: 101 }))).to.include({
      code: 'VALIDATION',
      field: 'probability',
      messageKey: 'error.percent',
    });
    expect(await refused(store.pipelines.addStage(pipeline.id, { name: 'Видача', position: -1 }))).to.include({ code: 'VALIDATION', field: 'position' });
    expect(await refused(store.pipelines.addStage('nope', { name: 'Видача' }))).to.include({ code: 'NOT_FOUND', field: 'pipelineId' });
    expect(await snapshot(db)).to.deep.equal(before);
  });

  it('renames a stage, refusing a name another stage of the pipeline has', async () => {
    const { store, tick } = await setup();
    const { pipeline, stages } = await store.pipelines.create({ name: 'Сервіс', stages: ['Заявка', 'Ремонт'] });
    tick();
    const renamed = await store.pipelines.renameStage(stages[0]!.id, 'Нова заявка');
    expect(renamed).to.include({ name: 'Нова заявка', order: 0, updatedAt: start + 60_000 });
    expect((await store.pipelines.stages(pipeline.id))[0]).to.deep.equal(renamed);
    expect(await store.pipelines.renameStage(stages[1]!.id, 'ремонт')).to.include({ name: 'ремонт' });
    expect(await refused(store.pipelines.renameStage(stages[1]!.id, 'Нова Заявка'))).to.include({ code: 'DUPLICATE', field: 'name' });
    expect(await refused(store.pipelines.renameStage('nope', 'Видача'))).to.include({ code: 'NOT_FOUND', field: 'stageId' });
  });
});

describe('pipelines.reorderStages', () => {
  afterEach(deleteTestStores);

  it('puts the stages in the order given', async () => {
    const { store } = await setup();
    const { pipeline, stages } = await store.pipelines.create({ name: 'Сервіс', stages: ['Заявка', 'Ремонт', 'Діагностика'] });
    const [request, repair, diagnostics] = stages;
    const reordered = await store.pipelines.reorderStages(pipeline.id, [request!.id, diagnostics!.id, repair!.id]);
    expect(reordered.map((stage) => stage.name)).to.deep.equal(['Заявка', 'Діагностика', 'Ремонт']);
    expect(await store.pipelines.stages(pipeline.id)).to.deep.equal(reordered);
    expect(reordered.map((stage) => stage.order)).to.deep.equal([0, 1, 2]);
  });

  it('refuses a list that is not exactly the pipeline’s stages, writing nothing', async () => {
    const { db, store } = await setup();
    const { pipeline, stages } = await store.pipelines.create({ name: 'Сервіс', stages: ['Заявка', 'Ремонт', 'Видача'] });
    const other = await store.pipelines.create({ name: 'Продажі', stages: ['Лід'] });
    const ids = stages.map((stage) => stage.id);
    const before = await snapshot(db);
    for (const wrong of [ids.slice(0, 2), [...ids, other.stages[0]!.id], [ids[0]!, ids[0]!, ids[1]!], [ids[0]!, ids[1]!, other.stages[0]!.id]]) {
      expect(await refused(store.pipelines.reorderStages(pipeline.id, wrong))).to.include({
        code: 'VALIDATION',
        field: 'stageIds',
        messageKey: 'error.invalid',
      });
    }
    expect(await refused(store.pipelines.reorderStages('nope', ids))).to.include({ code: 'NOT_FOUND', field: 'pipelineId' });
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('pipelines.removeStage', () => {
  afterEach(deleteTestStores);

  it('removes an empty stage and closes the gap in the order', async () => {
    const { store } = await setup();
    const { pipeline, stages } = await store.pipelines.create({ name: 'Продажі' });
    const remaining = await store.pipelines.removeStage(stages[4]!.id);
    expect(remaining).to.have.length(7);
    expect(await store.pipelines.stages(pipeline.id)).to.deep.equal(remaining);
    expect(remaining.map((stage) => stage.order)).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    expect(remaining.map((stage) => stage.name)).not.to.include('Доопрацювання пропозиції');
    expect(await store.pipelines.stage(stages[4]!.id)).to.equal(undefined);
  });

  it('moves the stage’s open and closed deals to the chosen stage, each with a history entry', async () => {
    const { store, tick, deal } = await setup();
    const { pipeline, stages } = await store.pipelines.create({ name: 'Продажі' });
    const open = await deal(pipeline.id, stages[3]!.id);
    const won = await deal(pipeline.id, stages[3]!.id, 'Кухня');
    await store.deals.win(won.id);
    const elsewhere = await deal(pipeline.id, stages[1]!.id, 'Стіл');
    tick();
    await store.pipelines.removeStage(stages[3]!.id, { moveDealsTo: stages[2]!.id });
    for (const moved of [open, won]) {
      const now = (await store.deals.get(moved.id))!;
      expect(now).to.include({ stageId: stages[2]!.id, stageEnteredAt: start + 60_000 });
      const last = (await store.deals.history(moved.id)).at(-1)!;
      expect(last).to.include({ stageId: stages[2]!.id, fromStageId: stages[3]!.id, status: now.status, at: start + 60_000 });
    }
    expect((await store.deals.get(won.id))!.status).to.equal('won');
    expect(await store.deals.get(elsewhere.id)).to.deep.equal(elsewhere);
    const board = await store.deals.totals(pipeline.id, { status: 'all' });
    expect(board.stages.map((column) => column.count)).to.deep.equal([0, 1, 2, 0, 0, 0, 0]);
  });

  it('refuses a stage with deals and no target, a target in another pipeline and the last stage, writing nothing', async () => {
    const { db, store, deal } = await setup();
    const { pipeline, stages } = await store.pipelines.create({ name: 'Продажі' });
    const other = await store.pipelines.create({ name: 'Сервіс', stages: ['Заявка'] });
    await deal(pipeline.id, stages[3]!.id);
    const before = await snapshot(db);
    expect(await refused(store.pipelines.removeStage(stages[3]!.id))).to.include({
      code: 'INVALID_STATE',
      field: 'moveDealsTo',
      messageKey: 'error.stageHasDeals',
    });
    expect(await refused(store.pipelines.removeStage(stages[3]!.id, { moveDealsTo: other.stages[0]!.id }))).to.include({
      code: 'CONFLICT',
      field: 'moveDealsTo',
      messageKey: 'error.stageNotInPipeline',
    });
    expect(await refused(store.pipelines.removeStage(stages[3]!.id, { moveDealsTo: stages[3]!.id }))).to.include({ code: 'CONFLICT', field: 'moveDealsTo' });
    expect(await refused(store.pipelines.removeStage(stages[3]!.id, { moveDealsTo: 'nope' }))).to.include({ code: 'NOT_FOUND', field: 'moveDealsTo' });
    expect(await refused(store.pipelines.removeStage(other.stages[0]!.id))).to.include({
      code: 'INVALID_STATE',
      field: 'stageId',
      messageKey: 'error.lastStage',
    });
    expect(await refused(store.pipelines.removeStage('nope'))).to.include({ code: 'NOT_FOUND', field: 'stageId' });
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

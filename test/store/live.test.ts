import { expect } from '@open-wc/testing';
import { observeQuery, type Board } from '../../src/store/index.js';
import { deleteTestStores, freshStore, waitUntil } from '../support/fixtures.js';
import { inOtherTab } from '../support/other-tab.js';

describe('live reads across connections', () => {
  afterEach(deleteTestStores);

  it('a deal moved by another tab reaches this tab’s live board, totals included', async () => {
    const store = freshStore();
    const { pipeline, stages } = await store.pipelines.create({ name: 'Продажі' });
    const client = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Смарагд»' });
    const deal = await store.deals.create({
      title: 'Шафа-купе',
      pipelineId: pipeline.id,
      amount: { minor: 4_500_000, currency: 'UAH' },
      client: { type: 'counterparty', id: client.id },
    });
    let board: Board | undefined;
    const subscription = observeQuery(() => store.deals.board(pipeline.id, { perStage: 10 })).subscribe({
      next: (value) => (board = value),
      error: (error) => {
        throw error;
      },
    });
    try {
      await waitUntil(() => board?.stages[0]?.count === 1, 'the board never loaded');
      await inOtherTab({ database: store.name, op: 'moveDeal', dealId: deal.id, stageId: stages[3]!.id });
      await waitUntil(() => board?.stages[3]?.count === 1, 'the other tab’s move never arrived', { timeout: 5000 });
      expect(board!.stages[0]!.count).to.equal(0);
      expect(board!.stages[3]!.sums.UAH).to.equal(4_500_000);
      expect(board!.stages[3]!.deals.map((d) => d.id)).to.deep.equal([deal.id]);
    } finally {
      subscription.unsubscribe();
    }
  });
});

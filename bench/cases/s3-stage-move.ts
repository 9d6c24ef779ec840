// S3: one deal stage move through the store (`deals.moveToStage`: validation,
// the deal and stage read, the move written with its stage-history entry, one
// transaction) ÷ a Dexie `put` of the same moved deal record in a transaction
// of its own, on a plain Dexie database holding the same `scale.records` deals.
// Each run makes K single moves one after another; `ms` is the median move of
// the run and `p95` the 95th percentile of its moves.
import type Dexie from 'dexie';
import { getStore, type CrmStore, type Deal, type DealStageChange } from '../../src/store/index.js';
import { contextOf } from '../../src/store/store.js';
import { Random } from '../../src/store/sample/random.js';
import { floorDatabase, freshName, percentile, track, type BenchCase } from '../harness.js';

const STAGES = ['Запит', 'Замір', 'Розрахунок', 'Пропозиція', 'Договір', 'Виготовлення', 'Монтаж'];

let moves = 50;
let store: CrmStore;
let floor: Dexie;
let stageIds: string[];
let dealIds: string[];
/** Each side's deals as they now are: ours to pick the next stage, the floor's to write the moved record. */
const stageOf: Record<'ours' | 'floor', Map<string, number>> = { ours: new Map(), floor: new Map() };
let floorDeals: Map<string, Deal>;
/** How many runs each side made: both move the same deals in the same round. */
const runs = { ours: 0, floor: 0 };

/** A short digest of the moves made (deal and stage entered), equal when both sides made the same moves. */
function digest(values: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const value of values) for (let i = 0; i < value.length; i += 1) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
  return `${values.length / 2} moves #${(hash >>> 0).toString(16)}`;
}

/** The deals of the next run: K deals further along the list each run. */
function nextDeals(side: 'ours' | 'floor'): string[] {
  const start = runs[side] * moves;
  runs[side] += 1;
  return Array.from({ length: moves }, (_, i) => dealIds[(start + i) % dealIds.length]!);
}

export const cases: BenchCase[] = [
  {
    id: 'S3',
    title: 'one deal stage move',
    store: true,
    variants: ['ours', 'Dexie put'],
    compare: [{ floor: 'Dexie put', target: 1.2 }],
    checks: [{ metric: 'p95', over: 'median', max: 5, label: 'p95 of single moves, ms' }],
    async setup(scale) {
      moves = scale.smoke ? 5 : 50;
      runs.ours = 0;
      runs.floor = 0;
      store = track(getStore(freshName('s3')));
      const pipeline = await store.pipelines.create({ name: 'Продажі меблів', stages: STAGES });
      stageIds = pipeline.stages.map((stage) => stage.id);
      const clients = [];
      for (const name of ['ТОВ «Будсервіс»', 'ПП «Дубовий лист»', 'ТОВ «Тепла хата»', 'ФОП Коваль Олена Петрівна', 'ТОВ «Карпати Дерево»'])
        clients.push(await store.counterparties.create({ kind: name.startsWith('ФОП') ? 'fop' : 'legal', name }));

      // The deals and their first history entries, written in bulk (as the sample data is).
      const random = new Random(20_261_103);
      const now = Date.now();
      const deals: Deal[] = [];
      const history: DealStageChange[] = [];
      for (let i = 0; i < scale.records; i += 1) {
        const stage = random.int(0, STAGES.length - 1);
        const at = now - random.int(1, 300) * 86_400_000;
        const deal: Deal = {
          id: random.uuid(),
          title: `Кухня на замовлення №${1000 + i}`,
          pipelineId: pipeline.pipeline.id,
          stageId: stageIds[stage]!,
          status: 'open',
          amount: { minor: random.int(20_000, 400_000) * 100, currency: 'UAH' },
          clientType: 'counterparty',
          clientId: random.pick(clients).id,
          stageEnteredAt: at,
          createdAt: at,
          updatedAt: at,
        };
        deals.push(deal);
        history.push({ id: random.uuid(), dealId: deal.id, pipelineId: pipeline.pipeline.id, stageId: deal.stageId, status: 'open', at, seq: 0, createdAt: at, updatedAt: at });
        stageOf.ours.set(deal.id, stage);
        stageOf.floor.set(deal.id, stage);
      }
      // Through the store's own database, so whatever it derives from deals (its middleware) is derived here too.
      const db = contextOf(store).db;
      await db.transaction('rw', [db.deals, db.dealStageHistory], async () => {
        await db.deals.bulkAdd(deals);
        await db.dealStageHistory.bulkAdd(history);
      });
      // The floor: a plain Dexie database with the same rows in every table.
      floor = track(floorDatabase(freshName('s3-floor')));
      await floor.open();
      const ours = floorDatabase(store.name);
      await ours.open();
      for (const table of ours.tables.map((t) => t.name)) {
        const rows = await ours.table(table).toArray();
        if (rows.length) await floor.transaction('rw', table, () => floor.table(table).bulkAdd(rows));
      }
      ours.close();
      floorDeals = new Map(deals.map((deal) => [deal.id, deal]));
      dealIds = deals.map((deal) => deal.id);
    },
    async run(variant) {
      const side = variant === 'ours' ? 'ours' : 'floor';
      const ids = nextDeals(side);
      const times: number[] = [];
      const done: string[] = [];
      const table = floor.table('deals');
      for (const dealId of ids) {
        const stage = (stageOf[side].get(dealId)! + 1) % stageIds.length;
        const stageId = stageIds[stage]!;
        if (side === 'ours') {
          const start = performance.now();
          const moved = await store.deals.moveToStage(dealId, stageId);
          times.push(performance.now() - start);
          done.push(moved.id, moved.stageId);
        } else {
          const now = Date.now();
          const moved: Deal = { ...floorDeals.get(dealId)!, stageId, stageEnteredAt: now, updatedAt: now };
          const start = performance.now();
          await floor.transaction('rw', table, () => table.put(moved));
          times.push(performance.now() - start);
          floorDeals.set(dealId, moved);
          done.push(moved.id, moved.stageId);
        }
        stageOf[side].set(dealId, stage);
      }
      return { ms: percentile(times, 50), metrics: { p95: percentile(times, 95) }, result: digest(done) };
    },
  },
];

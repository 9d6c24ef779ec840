// S5: what crm-deal-pipeline reads per live re-run — `store.deals.board(pipeline,
// { perStage: 50 })`: 7 columns of the 50 most recently updated open deals with
// every column's count and sums over ALL its open deals — over scale.records
// deals (most of them open in one 7-stage pipeline) ÷ plain Dexie reading the
// same 7 × 50 deals: the pipeline's stages, then one `where().reverse().limit(50)`
// per stage. The full read of the element (board + card details + managers'
// names, as readBoard in deal-board-controller.ts) is the `readBoard` metric.
import type Dexie from 'dexie';
import type { Board, Counterparty, CrmStore, Deal, Stage } from '../../src/store/index.js';
import { contextOf } from '../../src/store/store.js';
import { floorDatabase, freshStore, percentile, timed, track, type BenchCase, type Scale } from '../harness.js';

const PER_STAGE = 50;
const STAGES = ['Нова угода', 'Перший контакт', 'Кваліфікація', 'Презентація', 'Узгодження умов', 'Договір', 'Виконання'];
const PRODUCTS = ['Кухня з масиву дуба', 'Шафа-купе', 'Офісні меблі', 'Вітальня', 'Дитяча кімната', 'Передпокій', 'Спальня'];
const COMPANIES = ['ТОВ «Поділля-Трейд»', 'ФОП Олена Коваль', 'ПП «Дніпровські зорі»', 'ТОВ «Карпатський ліс»', 'ФОП Ігор Мельник'];
const MANAGERS = ['Ірина Бондаренко', 'Олег Шевчук', 'Марія Ткаченко', 'Андрій Кравець'];
const DAY = 86_400_000;

let store: CrmStore;
let floor: Dexie;
let pipelineId: string;
let repeat = 31;

/** The deal ids of each column, in order: what both variants must agree on. */
function digest(columns: ReadonlyArray<ReadonlyArray<Pick<Deal, 'id'>>>): string {
  let hash = 2166136261;
  for (const column of columns) {
    for (const deal of column) for (let i = 0; i < deal.id.length; i += 1) hash = Math.imul(hash ^ deal.id.charCodeAt(i), 16777619);
    hash = Math.imul(hash ^ 124, 16777619);
  }
  return `${columns.map((column) => column.length).join('+')} ids ${(hash >>> 0).toString(16)}`;
}

/**
 * `count` deals written in bulk (untimed): 90 % open in the 7-stage pipeline,
 * the rest won or lost there or open in a small second pipeline; amounts in
 * UAH (a few in EUR); every deal a distinct `updatedAt`.
 */
async function seed(count: number): Promise<void> {
  const managers = await Promise.all(MANAGERS.map((name, i) => store.users.create({ name, roles: ['manager'], email: `manager${i}@dubovyi-lyst.ua` })));
  const clients: Counterparty[] = [];
  for (let i = 0; i < 60; i += 1) {
    clients.push(await store.counterparties.create({ kind: i % 2 ? 'fop' : 'legal', name: `${COMPANIES[i % COMPANIES.length]} ${i + 1}` }));
  }
  const main = await store.pipelines.create({ name: 'Продажі меблів', stages: STAGES });
  const other = await store.pipelines.create({ name: 'Оптові замовлення', stages: ['Запит', 'Пропозиція', 'Договір'] });
  pipelineId = main.pipeline.id;
  // One deal written by the store: the template of every row (the shape the store writes).
  const template = await store.deals.create({ title: 'Кухня з масиву дуба №1000', pipelineId: main.pipeline.id, client: { type: 'counterparty', id: clients[0]!.id } });
  const { db } = contextOf(store);
  const now = Date.now();
  const row = (n: number): Deal => {
    const inMain = n % 20 !== 19;
    const stages: readonly Stage[] = inMain ? main.stages : other.stages;
    const stage = stages[(n * 7 + (n >> 4)) % stages.length]!;
    const status = !inMain || n % 10 < 9 ? 'open' : n % 2 ? 'won' : 'lost';
    const client = clients[n % clients.length]!;
    const created = now - 400 * DAY + ((n * 7919) % (380 * DAY));
    return {
      ...template,
      id: `s5-deal-${String(n).padStart(6, '0')}`,
      title: `${PRODUCTS[n % PRODUCTS.length]} №${1001 + n}`,
      pipelineId: stage.pipelineId,
      stageId: stage.id,
      status,
      amount: { minor: (15_000 + ((n * 7919) % 600) * 500) * 100, currency: n % 23 === 0 ? 'EUR' : 'UAH' },
      clientId: client.id,
      managerId: managers[n % managers.length]!.id,
      stageEnteredAt: created + DAY,
      createdAt: created,
      updatedAt: created + ((n * 104_729) % (20 * DAY)),
      ...(status !== 'open' ? { closedAt: created + 20 * DAY } : {}),
    };
  };
  for (let start = 0; start < count; start += 5_000) {
    const rows = Array.from({ length: Math.min(5_000, count - start) }, (_, i) => row(start + i));
    await db.transaction('rw', db.deals, () => db.deals.bulkAdd(rows));
  }
}

/** The floor: the same 7 × 50 deals with plain Dexie, no validation, no totals. */
async function floorBoard(): Promise<Deal[][]> {
  const stages = (await floor.table('stages').where('[pipelineId+order]').between([pipelineId, -Infinity], [pipelineId, Infinity]).toArray()) as Stage[];
  const deals = floor.table('deals');
  return Promise.all(
    stages.map(
      (stage) =>
        deals
          .where('[stageId+status+updatedAt]')
          .between([stage.id, 'open', -Infinity], [stage.id, 'open', Infinity])
          .reverse()
          .limit(PER_STAGE)
          .toArray() as Promise<Deal[]>,
    ),
  );
}

/** What readBoard (deal-board-controller.ts) reads per re-run of the bound element. */
async function readBoard(): Promise<void> {
  const pipeline = await store.pipelines.get(pipelineId);
  const board = await store.deals.board(pipeline!.id, { perStage: PER_STAGE });
  await Promise.all([store.deals.cardDetails(board.stages.flatMap((column) => column.deals)), store.users.list()]);
}

export const cases: BenchCase[] = [
  {
    id: 'S5',
    title: 'Pipeline board query: 7 columns × 50 deals with counts and sums over all deals',
    store: true,
    variants: ['ours', 'dexie reverse limit'],
    compare: [{ floor: 'dexie reverse limit', target: 1.2 }],
    // Informative: the element's whole read per re-run (board + 350 cards' client names and next activities + managers).
    checks: [{ metric: 'readBoard', over: 'median', max: 100, label: 'readBoard (board + card details + names), ms' }],
    async setup(scale: Scale) {
      repeat = scale.smoke ? 1 : 31;
      store = track(freshStore('s5'));
      await seed(scale.records);
      floor = floorDatabase(store.name);
      await floor.open();
      // Before anything is timed: both variants show the same cards, and the
      // board's numbers are those of ALL the pipeline's open deals (read here in full).
      const board = await store.deals.board(pipelineId, { perStage: PER_STAGE });
      if (digest(board.stages.map((column) => column.deals)) !== digest(await floorBoard())) throw new Error('S5: the board and the floor disagree');
      const open = (await floor.table('deals').where('[pipelineId+status]').equals([pipelineId, 'open']).toArray()) as Deal[];
      const expected = board.stages.map((column) => {
        const sums: Record<string, number> = {};
        const deals = open.filter((deal) => deal.stageId === column.stage.id);
        for (const deal of deals) sums[deal.amount.currency] = (sums[deal.amount.currency] ?? 0) + deal.amount.minor;
        return { count: deals.length, sums };
      });
      const shown = board.stages.map(({ count, sums }) => ({ count, sums }));
      if (JSON.stringify(shown) !== JSON.stringify(expected) || board.count !== open.length) throw new Error('S5: the board totals are not those of all open deals');
    },
    async run(variant) {
      // A read takes a few ms on shared cores: a sample is the median of `repeat` reads one after another
      // (robust to the odd read a busy core stretches).
      const times: number[] = [];
      let board: Board | undefined;
      let columns: Deal[][] = [];
      for (let i = 0; i < repeat; i += 1) {
        times.push(
          await timed(async () => {
            if (variant === 'ours') board = await store.deals.board(pipelineId, { perStage: PER_STAGE });
            else columns = await floorBoard();
          }),
        );
      }
      const ms = percentile(times, 50);
      if (variant !== 'ours') return { ms, result: digest(columns) };
      return { ms, metrics: { openDeals: board!.count, readBoard: await timed(readBoard) }, result: digest(board!.stages.map((column) => column.deals)) };
    },
    async teardown() {
      floor.close();
    },
  },
];

// R3: moving one card on a board of 10 000 deals — the longest frame while it
// happens ÷ the minimal Lit + virtualizer board doing the same move.
//
// Ours is BOUND: `<crm-provider database=…><crm-deal-pipeline>` on a store
// seeded (untimed, in bulk) with 10 000 open deals (300 in smoke) in one
// 7-stage pipeline. The move takes the element's keyboard path: Space on the first
// card of the first column picks it up and → carries it over the second
// (untimed); the timed part is the drop (Space), i.e. the element's move: the
// request event, the card moved on screen at once, `store.deals.moveToStage`
// (validation, one transaction, a history entry), the change event, and the
// live query's re-read of the board and its re-render, until painted.
// A MutationObserver notes when the card appears in the second column and the
// store's promise when the write committed: `uiAfterCommit` is 1 if the card
// moved on screen only after the commit (checked: must never happen).
//
// The baseline holds the same deals in memory (all of each stage in a
// lit-virtualizer) and does the same move: array update + re-render, then a
// Dexie `put` of the moved deal in its own database of the same deals.
// `ms` is the longest frame (requestAnimationFrame intervals, so 16.7 ms when
// no frame was missed); `longestAnimationFrame` the long-animation-frame
// observer's longest (0 when none reached 50 ms), both from `frames()`.
import type Dexie from 'dexie';
import '../../src/components/provider/provider.js';
import type { CrmDealPipeline, DealBoardData } from '../../src/components/deal-pipeline/deal-pipeline.js';
import { contextOf } from '../../src/store/store.js';
import type { Counterparty, CrmStore, Deal, Stage } from '../../src/store/index.js';
import { floorDatabase, freshName, frames, freshStore, painted, stage, track, until, type BenchCase, type Sample } from '../harness.js';
import { BenchMinimalBoard, boardOf, makeDeals, pipelineSheets, STAGE_NAMES, type MinimalColumn } from './pipeline-fixtures.js';

let store: CrmStore;
let floor: Dexie;
let stages: Stage[];
let columns: MinimalColumn[];
let data: DealBoardData;

const key = (target: Element, name: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true }));

/** Resolves when `check` holds, checked on every mutation under `root`; the time it first held. */
function whenSeen(root: Node, check: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    if (check()) return resolve(performance.now());
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(root, { subtree: true, childList: true });
  });
}

const inLane = (root: ParentNode, stageId: string, dealId: string) => root.querySelector(`section[data-lane="${stageId}"] [data-deal="${dealId}"]`) !== null;

async function seed(count: number): Promise<void> {
  const users = await Promise.all(['Ірина Бондаренко', 'Олег Шевчук', 'Марія Ткаченко', 'Андрій Кравець'].map((name) => store.users.create({ name, roles: ['manager'] })));
  const clients: Counterparty[] = [];
  for (let i = 0; i < 40; i += 1) clients.push(await store.counterparties.create({ kind: 'legal', name: `ТОВ «Меблевий світ ${i + 1}»` }));
  const created = await store.pipelines.create({ name: 'Продажі меблів', stages: STAGE_NAMES });
  stages = created.stages;
  const template = await store.deals.create({ title: 'Шаблон', pipelineId: created.pipeline.id, client: { type: 'counterparty', id: clients[0]!.id } });
  const rows: Deal[] = makeDeals(count, stages).map((deal, n) => ({
    ...template,
    ...deal,
    clientId: clients[n % clients.length]!.id,
    ...(deal.managerId === undefined ? {} : { managerId: users[n % users.length]!.id }),
  }));
  const { db } = contextOf(store);
  await db.transaction('rw', db.deals, async () => {
    await db.deals.delete(template.id);
    for (let start = 0; start < rows.length; start += 5000) await db.deals.bulkAdd(rows.slice(start, start + 5000));
  });
  await floor.open();
  await floor.table('deals').bulkAdd(rows);
  data = boardOf(rows, stages);
  data.clientNames = Object.fromEntries(clients.map((client) => [client.id, client.name]));
  data.managerNames = Object.fromEntries(users.map((user) => [user.id, user.name]));
  data.nextActivities = {};
  columns = data.stages.map((column) => ({ stage: column.stage, deals: column.deals }));
}

async function mountOurs(): Promise<CrmDealPipeline> {
  const host = stage();
  const provider = document.createElement('crm-provider');
  provider.setAttribute('database', store.name);
  const el = document.createElement('crm-deal-pipeline');
  provider.append(el);
  host.append(provider);
  await until(() => el.shadowRoot?.querySelector(`section[data-lane="${stages[0]!.id}"] .card`) != null, 'the bound board', 120_000);
  await painted();
  return el;
}

async function mountMinimal(): Promise<BenchMinimalBoard> {
  const host = stage();
  const el = document.createElement('bench-minimal-board') as BenchMinimalBoard;
  el.columns = columns;
  el.data = data;
  host.append(el);
  await until(() => el.shadowRoot?.querySelector(`section[data-lane="${stages[0]!.id}"] .card`) != null, 'the minimal board');
  await painted();
  return el;
}

async function moveOurs(el: CrmDealPipeline) {
  const root = el.shadowRoot!;
  const [from, to] = [stages[0]!.id, stages[1]!.id];
  const card = root.querySelector<HTMLElement>(`section[data-lane="${from}"] .card`)!;
  const id = card.dataset['deal']!;
  const title = card.querySelector<HTMLElement>('.card-title')!;
  title.focus();
  key(title, ' ');
  await el.updateComplete;
  key(title, 'ArrowRight');
  await el.updateComplete;
  await painted();
  // The store's write: when its promise settles, the transaction has committed.
  const deals = store.deals;
  const { moveToStage, board } = deals;
  let committed = 0;
  let lastRead = 0;
  deals.moveToStage = async (...args) => {
    const moved = await moveToStage.apply(deals, args);
    committed = performance.now();
    return moved;
  };
  // The live query's re-read (started as the write commits): done when one finishes after the commit.
  deals.board = async (...args) => {
    const read = await board.apply(deals, args);
    lastRead = performance.now();
    return read;
  };
  let shown = 0;
  try {
    const sample = await frames(async () => {
      const seen = whenSeen(root, () => inLane(root, to, id));
      key(title, ' ');
      shown = await seen;
      await until(() => committed > 0 && lastRead > committed, 'the commit and the live re-read');
      await el.updateComplete;
      await until(() => inLane(root, to, id), 'the card in its new column');
    });
    return { sample, uiAfterCommit: shown > committed ? 1 : 0, uiLead: committed - shown };
  } finally {
    deals.moveToStage = moveToStage;
    deals.board = board;
  }
}

async function moveMinimal(el: BenchMinimalBoard) {
  const root = el.shadowRoot!;
  const [from, to] = [el.columns[0]!, el.columns[1]!];
  const deal = from.deals[0]!;
  const moved: Deal = { ...deal, stageId: to.stage.id, stageEnteredAt: Date.now(), updatedAt: Date.now() };
  return frames(async () => {
    const seen = whenSeen(root, () => inLane(root, to.stage.id, deal.id));
    columns = [{ ...from, deals: from.deals.slice(1) }, { ...to, deals: [moved, ...to.deals] }, ...el.columns.slice(2)];
    el.columns = columns;
    const deals = floor.table('deals');
    await floor.transaction('rw', deals, () => deals.put(moved));
    await seen;
    await el.updateComplete;
  });
}

export const cases: BenchCase[] = [
  {
    id: 'R3',
    title: 'moving one card among 10 000 deals (ours bound, by keyboard: drop → store write → live re-read): longest frame ÷ a minimal Lit + virtualizer board doing the same move (array update + re-render + Dexie put)',
    store: false,
    variants: ['ours', 'minimal Lit + virtualizer'],
    compare: [{ floor: 'minimal Lit + virtualizer', target: 1.2 }],
    checks: [
      { metric: 'uiAfterCommit', over: 'max', max: 0, label: 'the card moved on screen only after the store committed (1 = yes)' },
      { metric: 'longestAnimationFrame', over: 'median', max: 50, label: 'longest animation frame during the move, ms' },
    ],
    async setup(scale) {
      store = track(freshStore('r3'));
      floor = track(floorDatabase(freshName('r3-floor')));
      await seed(scale.smoke ? 300 : 10_000);
      BenchMinimalBoard.adopt(pipelineSheets());
    },
    async run(variant): Promise<Sample> {
      // Each run mounts its board afresh (untimed): the other variant's was on the stage.
      if (variant === 'ours') {
        const { sample, uiAfterCommit, uiLead } = await moveOurs(await mountOurs());
        return { ms: sample.longestFrame, metrics: { longestAnimationFrame: sample.longestAnimationFrame, uiAfterCommit, uiLeadMs: uiLead }, result: 'moved to stage 2' };
      }
      const sample = await moveMinimal(await mountMinimal());
      return { ms: sample.longestFrame, metrics: { longestAnimationFrame: sample.longestAnimationFrame }, result: 'moved to stage 2' };
    },
    async teardown() {
      stage();
    },
  },
];

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/components/deal-pipeline/deal-pipeline.js';
import type { CrmDealPipeline, DealBoardData } from '../../../src/components/deal-pipeline/deal-pipeline.js';
import type { CrmProvider } from '../../../src/components/provider/provider.js';
import type { CrmDealSelectEvent, CrmDealStageChangeEvent, CrmDealStageChangeRequestEvent } from '../../../src/events/index.js';
import { CrmError, DEFAULT_DATABASE_NAME, deleteStore, getStore, seedSampleData, type CrmStore, type Deal, type Stage } from '../../../src/store/index.js';
import { inProvider, plain } from '../../support/dom.js';
import { deleteTestStores, settle, storeHolds, uniqueDatabaseName, waitUntil } from '../../support/fixtures.js';
import { ignoreResizeObserverLoop } from '../../support/resize-observer.js';

const layout = 'display:block;--crm-deal-pipeline-column-width:11rem;--crm-deal-pipeline-height:17rem';

interface Seeded {
  database: string;
  store: CrmStore;
  pipelineId: string;
  stages: Stage[];
  deals: Deal[];
  managerId: string;
  reasonId: string;
}

/** A store with a three-stage pipeline, a manager, a customer, a lost reason and `count` deals (amounts 1 000 ₴ × n) in the first stage. */
async function seed(count = 2, options: { title?: (n: number) => string; stages?: string[] } = {}): Promise<Seeded> {
  const database = uniqueDatabaseName('deal-pipeline');
  const store = getStore(database);
  const { pipeline, stages } = await store.pipelines.create({ name: 'Продажі', stages: options.stages ?? ['Нова угода', 'Переговори', 'Договір'] });
  const manager = await store.users.create({ name: 'Ірина Бондаренко', roles: ['manager'] });
  const customer = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Будсервіс Поділля»' });
  const reason = await store.lostReasons.create({ name: 'Дорого' });
  const deals: Deal[] = [];
  for (let n = 1; n <= count; n += 1) {
    deals.push(
      await store.deals.create({
        title: options.title?.(n) ?? `Угода ${n}`,
        pipelineId: pipeline.id,
        client: { type: 'counterparty', id: customer.id },
        amount: { minor: n * 100_000 },
        managerId: manager.id,
      }),
    );
  }
  return { database, store, pipelineId: pipeline.id, stages, deals, managerId: manager.id, reasonId: reason.id };
}

async function mount(seeded: Pick<Seeded, 'database' | 'pipelineId'>, lang = 'uk', perStage?: number): Promise<CrmDealPipeline> {
  const el = await inProvider(
    'crm-deal-pipeline',
    seeded.database,
    html`<crm-deal-pipeline pipeline=${seeded.pipelineId} per-stage=${perStage ?? 50} style=${layout}></crm-deal-pipeline>`,
    { lang },
  );
  await waitUntil(() => el.shadowRoot!.querySelector('.columns'), 'the board did not render');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: CrmDealPipeline, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const column = (el: CrmDealPipeline, stageId: string) => $(el, `section[data-lane="${stageId}"]`)!;
const cardsIn = (el: CrmDealPipeline, stageId: string) => [...column(el, stageId).querySelectorAll<HTMLElement>('.card')];
const titleOf = (el: CrmDealPipeline, dealId: string) => $<HTMLButtonElement>(el, `#title-${CSS.escape(dealId)}`);
const announced = (el: CrmDealPipeline) => plain($(el, '[role="status"]')?.textContent);
const focused = (el: CrmDealPipeline) => el.shadowRoot!.activeElement;

async function cardShown(el: CrmDealPipeline, stageId: string, dealId: string): Promise<void> {
  await waitUntil(() => cardsIn(el, stageId).some((card) => card.dataset.deal === dealId), `deal ${dealId} not shown in ${stageId}`);
}

function center(element: Element): [number, number] {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)];
}

/** Native drag and drop with the real mouse: press on the card, move a little, move over the target, release. */
async function drag(card: Element, target: Element): Promise<void> {
  const [x, y] = center(card.querySelector('.card-info')!);
  const [tx, ty] = center(target);
  await sendMouse({ type: 'move', position: [x, y] });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'move', position: [x + 8, y + 8] });
  await sendMouse({ type: 'move', position: [tx, ty] });
  await sendMouse({ type: 'move', position: [tx + 4, ty + 4] });
  await sendMouse({ type: 'up' });
}

ignoreResizeObserverLoop();

describe('crm-deal-pipeline', () => {
  afterEach(async () => {
    await resetMouse();
    await deleteTestStores();
  });

  it('shows a column per stage with its totals and cards with client, amount, manager, days in stage and next activity', async () => {
    const seeded = await seed(2);
    const [first, second] = seeded.deals as [Deal, Deal];
    const call = await seeded.store.interactions.register({
      kind: 'call',
      status: 'planned',
      at: Date.now() + 26 * 3_600_000,
      subject: 'Узгодити кошторис',
      subjectRef: { type: 'counterparty', id: first.clientId },
      dealId: first.id,
    });
    const el = await mount(seeded);
    await cardShown(el, seeded.stages[0]!.id, first.id);
    expect(plain($(el, '.title')?.textContent)).to.equal('Продажі');
    expect(plain($(el, '.total')?.textContent)).to.match(/^2 відкриті угоди на 3\s000 (грн|₴)$/);
    const heads = seeded.stages.map((stage) => plain(column(el, stage.id).querySelector('.column-head')!.textContent));
    expect(heads[0]).to.match(/^Нова угода 2 угоди 3\s000 (грн|₴)$/);
    expect(heads[1]).to.match(/^Переговори 0 угод 0 (грн|₴)$/);
    expect(plain(column(el, seeded.stages[1]!.id).querySelector('.empty')!.textContent)).to.equal('Немає угод');
    const card = cardsIn(el, seeded.stages[0]!.id).find((c) => c.dataset.deal === first.id)!;
    const text = plain(card.textContent);
    expect(text).to.contain('Угода 1').and.contain('ТОВ «Будсервіс Поділля»').and.contain('Ірина Бондаренко');
    expect(text).to.contain('Сьогодні на етапі').and.contain(`Дзвінок завтра ${call.subject}`);
    expect(plain(card.querySelector('.amount')!.textContent)).to.match(/^1\s000 (грн|₴)$/);
    expect(plain(cardsIn(el, seeded.stages[0]!.id).find((c) => c.dataset.deal === second.id)!.textContent)).to.contain('Нічого не заплановано');
    await expect(el).to.be.accessible();
  });

  it('totals count every matching deal, not the cards loaded: 300 deals, 50 per stage', async () => {
    const seeded = await seed(0);
    const customer = (await seeded.store.counterparties.list())[0]!;
    const stageId = seeded.stages[0]!.id;
    for (let n = 1; n <= 300; n += 1) {
      await seeded.store.deals.create({ title: `Угода ${n}`, pipelineId: seeded.pipelineId, client: { type: 'counterparty', id: customer.id }, amount: { minor: n * 100 } });
    }
    const totals = await seeded.store.deals.totals(seeded.pipelineId);
    const el = await mount(seeded, 'en', 50);
    await waitUntil(() => cardsIn(el, stageId).length > 0, 'no cards');
    const head = plain(column(el, stageId).querySelector('.column-head')!.textContent);
    const money = new Intl.NumberFormat('en', { style: 'currency', currency: 'UAH', maximumFractionDigits: 0 }).format(totals.stages[0]!.sums['UAH']! / 100);
    expect(totals.stages[0]!.count).to.equal(300);
    expect(head).to.equal(plain(`Нова угода 300 deals ${money}`));
    expect(plain($(el, '.total')?.textContent)).to.equal(plain(`300 open deals worth ${money}`));
    expect(cardsIn(el, stageId).length).to.be.at.most(50);
    expect(plain(column(el, stageId).querySelector('.more')!.textContent)).to.contain('Showing 50 of 300');
    // Scrolling the column near its end loads the next page; the totals stay the store's.
    const list = column(el, stageId).querySelector<HTMLElement>('.lane')!;
    await waitUntil(() => {
      list.scrollTop = list.scrollHeight;
      return plain(column(el, stageId).querySelector('.more')?.textContent).includes('Showing 100 of 300');
    }, 'no next page');
    expect(plain(column(el, stageId).querySelector('.column-head')!.textContent)).to.equal(head);
  });

  it('moves a deal with the keyboard only, announcing each step, and the store records the stage and its history', async () => {
    const seeded = await seed(2);
    const [, deal] = seeded.deals as [Deal, Deal];
    const [first, second] = seeded.stages as [Stage, Stage];
    const el = await mount(seeded);
    await cardShown(el, first.id, deal.id);
    const requests: CrmDealStageChangeRequestEvent[] = [];
    el.addEventListener('crm-deal-stage-change-request', (event) => requests.push(event));
    const changed = oneEvent(el, 'crm-deal-stage-change');
    const selected: Event[] = [];
    el.addEventListener('crm-deal-select', (event) => selected.push(event));

    await sendKeys({ press: 'Tab' });
    // The most recently updated deal (the second) comes first in its column and takes Tab.
    expect(focused(el)).to.equal(titleOf(el, deal.id));
    await sendKeys({ press: 'Space' });
    await waitUntil(() => announced(el).startsWith('Угоду «Угода 2» взято з етапу «Нова угода»'), 'pick-up not announced');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => announced(el) === 'Угоду «Угода 2» переміщено на етап «Переговори», 2 з 3', 'step not announced');
    expect(column(el, second.id).classList.contains('drop-target')).to.equal(true);
    await sendKeys({ press: 'Space' });
    const event = (await changed) as unknown as CrmDealStageChangeEvent;

    expect(requests.map((r) => [r.deal.id, r.fromStageId, r.to])).to.deep.equal([[deal.id, first.id, { type: 'stage', stageId: second.id }]]);
    expect(requests[0]!.cancelable && requests[0]!.bubbles && requests[0]!.composed).to.equal(true);
    expect(selected, 'Space must pick up, not open the deal').to.deep.equal([]);
    expect(event.deal).to.include({ id: deal.id, stageId: second.id });
    expect(event.to).to.deep.equal({ type: 'stage', stageId: second.id });
    expect((await seeded.store.deals.get(deal.id))!.stageId).to.equal(second.id);
    const history = await seeded.store.deals.history(deal.id);
    expect(history.map((h) => [h.fromStageId, h.stageId])).to.deep.equal([[undefined, first.id], [first.id, second.id]]);
    await waitUntil(() => announced(el) === 'Угоду «Угода 2» покладено на етап «Переговори»', 'drop not announced');
    // Focus follows the card into its new column.
    await waitUntil(() => focused(el) === titleOf(el, deal.id) && column(el, second.id).contains(focused(el)), 'focus did not follow the card');
  });

  it('moves focus with arrows between cards and columns, and Escape cancels a carried deal', async () => {
    const seeded = await seed(2);
    const [older, newer] = seeded.deals as [Deal, Deal];
    const el = await mount(seeded, 'en');
    await cardShown(el, seeded.stages[0]!.id, older.id);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(titleOf(el, newer.id));
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(titleOf(el, older.id));
    expect(titleOf(el, older.id)!.tabIndex).to.equal(0);
    expect(titleOf(el, newer.id)!.tabIndex).to.equal(-1);
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => focused(el)?.matches(`[data-empty="${seeded.stages[1]!.id}"]`), 'the empty column did not get focus');
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => focused(el) === titleOf(el, newer.id), 'focus did not come back');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => announced(el) === 'Moving deal “Угода 1” cancelled', 'cancel not announced');
    expect((await seeded.store.deals.get(older.id))!.stageId).to.equal(seeded.stages[0]!.id);
    expect(await seeded.store.deals.history(older.id)).to.have.length(1);
    expect(el.shadowRoot!.querySelector('.drop-target')).to.equal(null);
  });

  it('moves a deal by dragging it with the mouse, with a drop indicator, and the store records it', async () => {
    const seeded = await seed(1);
    const [deal] = seeded.deals as [Deal];
    const [first, , third] = seeded.stages as [Stage, Stage, Stage];
    const el = await mount(seeded);
    await cardShown(el, first.id, deal.id);
    const changed = oneEvent(el, 'crm-deal-stage-change');
    const card = cardsIn(el, first.id)[0]!;
    const [x, y] = center(card.querySelector('.card-info')!);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x + 8, y + 8] });
    const [tx, ty] = center(column(el, third.id));
    await sendMouse({ type: 'move', position: [tx, ty] });
    await sendMouse({ type: 'move', position: [tx + 4, ty + 4] });
    await waitUntil(() => column(el, third.id).classList.contains('drop-target'), 'no drop indicator');
    expect(getComputedStyle(column(el, third.id).querySelector('.drop-hint')!).display).to.equal('block');
    await sendMouse({ type: 'up' });
    const event = (await changed) as unknown as CrmDealStageChangeEvent;
    expect(event.to).to.deep.equal({ type: 'stage', stageId: third.id });
    expect((await seeded.store.deals.get(deal.id))!.stageId).to.equal(third.id);
    expect((await seeded.store.deals.history(deal.id)).map((h) => h.stageId)).to.deep.equal([first.id, third.id]);
    await cardShown(el, third.id, deal.id);
    expect(cardsIn(el, first.id)).to.have.length(0);
    expect(plain(column(el, third.id).querySelector('.stage-count')!.textContent)).to.equal('1 угода');
  });

  it('changes nothing when the page vetoes the request', async () => {
    const seeded = await seed(1);
    const [deal] = seeded.deals as [Deal];
    const el = await mount(seeded);
    await cardShown(el, seeded.stages[0]!.id, deal.id);
    el.addEventListener('crm-deal-stage-change-request', (event) => event.preventDefault());
    const changes: Event[] = [];
    el.addEventListener('crm-deal-stage-change', (event) => changes.push(event));
    await drag(cardsIn(el, seeded.stages[0]!.id)[0]!, column(el, seeded.stages[1]!.id));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => announced(el) === 'Угоду «Угода 1» зараз не можна перемістити', 'veto not announced');
    await settle(100);
    expect(changes).to.deep.equal([]);
    expect(await seeded.store.deals.get(deal.id)).to.deep.equal(deal);
    expect(await seeded.store.deals.history(deal.id)).to.have.length(1);
    expect(cardsIn(el, seeded.stages[0]!.id).map((c) => c.dataset.deal)).to.deep.equal([deal.id]);
  });

  it('asks for a reason when a deal is dropped on “lost”: cancelling leaves it, no reason is refused, a reason loses it', async () => {
    const seeded = await seed(1);
    const [deal] = seeded.deals as [Deal];
    const el = await mount(seeded);
    await cardShown(el, seeded.stages[0]!.id, deal.id);
    const lostZone = $(el, '.zone.lost')!;
    await drag(cardsIn(el, seeded.stages[0]!.id)[0]!, lostZone);
    const dialogElement = $(el, 'crm-lost-reason-dialog')!;
    const dialog = () => dialogElement.shadowRoot!.querySelector('dialog')!;
    await waitUntil(() => dialog().open, 'the reason dialog did not open');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog().open, 'Escape did not close the dialog');
    await waitUntil(() => announced(el) === 'Переміщення угоди «Угода 1» скасовано', 'cancel not announced');
    expect(await seeded.store.deals.get(deal.id)).to.deep.equal(deal);
    await cardShown(el, seeded.stages[0]!.id, deal.id);

    const changed = oneEvent(el, 'crm-deal-stage-change');
    await drag(cardsIn(el, seeded.stages[0]!.id)[0]!, lostZone);
    await waitUntil(() => dialog().open, 'the reason dialog did not open again');
    const confirm = dialogElement.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    confirm.focus();
    await sendKeys({ press: 'Enter' });
    const select = dialogElement.shadowRoot!.querySelector('select')!;
    await waitUntil(() => select.getAttribute('aria-invalid') === 'true', 'a missing reason was not refused');
    expect(dialog().open).to.equal(true);
    expect((await seeded.store.deals.get(deal.id))!.status).to.equal('open');
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    confirm.focus();
    await sendKeys({ press: 'Enter' });
    const event = (await changed) as unknown as CrmDealStageChangeEvent;
    expect(event.to).to.deep.equal({ type: 'lost', reasonId: seeded.reasonId });
    const lost = (await seeded.store.deals.get(deal.id))!;
    expect(lost).to.include({ status: 'lost', lostReasonId: seeded.reasonId });
    expect((await seeded.store.deals.history(deal.id)).map((h) => h.status)).to.deep.equal(['open', 'lost']);
    await waitUntil(() => cardsIn(el, seeded.stages[0]!.id).length === 0, 'the lost deal is still on the board');
    expect(announced(el)).to.equal('Угоду «Угода 1» закрито як втрачену');
  });

  it('wins a deal by keyboard over the drop zones at the end', async () => {
    const seeded = await seed(1);
    const [deal] = seeded.deals as [Deal];
    const el = await mount(seeded, 'en');
    await cardShown(el, seeded.stages[0]!.id, deal.id);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    for (let i = 0; i < 3; i += 1) await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => announced(el) === 'Deal “Угода 1” over “Won”: drop it to close it as won', 'won zone not announced');
    expect($(el, '.zone.won')!.classList.contains('drop-target')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await storeHolds(async () => (await seeded.store.deals.get(deal.id))?.status === 'won', 'not won');
    await waitUntil(() => announced(el) === 'Deal “Угода 1” closed as won', 'win not announced');
    // Focus stays in the board: the empty column now takes it.
    await waitUntil(() => focused(el)?.matches(`[data-empty="${seeded.stages[0]!.id}"]`), 'focus left the board');
  });

  it('loses a deal by keyboard alone: carried to “lost”, a reason chosen, focus back on the next card', async () => {
    const seeded = await seed(2);
    const [older, newer] = seeded.deals as [Deal, Deal];
    const el = await mount(seeded, 'en');
    await cardShown(el, seeded.stages[0]!.id, older.id);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    for (let i = 0; i < 4; i += 1) await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => announced(el) === 'Deal “Угода 2” over “Lost”: drop it to close it as lost', 'lost zone not announced');
    await sendKeys({ press: 'Space' });
    const dialogElement = $(el, 'crm-lost-reason-dialog')!;
    await waitUntil(() => dialogElement.shadowRoot!.querySelector('dialog')?.open, 'the reason dialog did not open');
    // In the dialog: the reason select has focus; choose the first reason, Tab to the comment, type, confirm.
    await waitUntil(() => dialogElement.shadowRoot!.activeElement?.tagName === 'SELECT', 'the reason is not focused');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Обрали дешевше' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await storeHolds(async () => (await seeded.store.deals.get(newer.id))?.status === 'lost', 'not lost');
    expect(await seeded.store.deals.get(newer.id)).to.include({ lostReasonId: seeded.reasonId, lostComment: 'Обрали дешевше' });
    await waitUntil(() => focused(el) === titleOf(el, older.id), 'focus did not land on the next card');
    expect(announced(el)).to.equal('Deal “Угода 2” closed as lost');
  });

  it('moves a deal through the “Move to…” menu by keyboard', async () => {
    const seeded = await seed(1);
    const [deal] = seeded.deals as [Deal];
    const el = await mount(seeded, 'en');
    await cardShown(el, seeded.stages[0]!.id, deal.id);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    const button = cardsIn(el, seeded.stages[0]!.id)[0]!.querySelector<HTMLButtonElement>('.card-move')!;
    expect(focused(el)).to.equal(button);
    expect(button.getAttribute('aria-label')).to.equal('Move deal “Угода 1”');
    await sendKeys({ press: 'Enter' });
    const menu = $(el, 'crm-action-menu')!;
    const popup = () => menu.shadowRoot!.querySelector<HTMLElement>('[role="menu"]')!;
    await waitUntil(() => popup().matches(':popover-open'), 'the menu did not open');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const items = [...popup().querySelectorAll('[role="menuitem"]')].map((item) => plain(item.textContent));
    expect(items).to.deep.equal(['Переговори', 'Договір', 'Close as won', 'Close as lost…']);
    expect(menu.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Переговори');
    await expect(menu).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !popup().matches(':popover-open') && focused(el) === button, 'Escape did not close the menu');
    expect(button.getAttribute('aria-expanded')).to.equal('false');

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => popup().matches(':popover-open'), 'the menu did not open again');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await storeHolds(async () => (await seeded.store.deals.get(deal.id))?.stageId === seeded.stages[2]!.id, 'not moved');
    expect((await seeded.store.deals.history(deal.id)).map((h) => h.stageId)).to.deep.equal([seeded.stages[0]!.id, seeded.stages[2]!.id]);
    await waitUntil(() => focused(el) === titleOf(el, deal.id), 'focus did not follow the card');
  });

  it('shows the move at once and takes it back with an alert when the store refuses', async () => {
    const seeded = await seed(1);
    const [deal] = seeded.deals as [Deal];
    const el = await mount(seeded, 'en');
    await cardShown(el, seeded.stages[0]!.id, deal.id);
    let release: () => void = () => undefined;
    seeded.store.deals.moveToStage = () =>
      new Promise((_resolve, reject) => (release = () => reject(new CrmError('INVALID_STATE', 'error.dealClosed', { field: 'dealId' }))));
    await drag(cardsIn(el, seeded.stages[0]!.id)[0]!, column(el, seeded.stages[1]!.id));
    // Optimistic: in the new column, totals included, before the store answers.
    await cardShown(el, seeded.stages[1]!.id, deal.id);
    expect(plain(column(el, seeded.stages[1]!.id).querySelector('.stage-count')!.textContent)).to.equal('1 deal');
    release();
    await cardShown(el, seeded.stages[0]!.id, deal.id);
    expect(cardsIn(el, seeded.stages[1]!.id)).to.have.length(0);
    expect(plain($(el, '[role="alert"]')!.textContent)).to.equal('Could not move deal “Угода 1”: This deal is already closed');
    expect(await seeded.store.deals.history(deal.id)).to.have.length(1);
  });

  it('fires crm-deal-select when a card’s title is clicked or Enter is pressed on it', async () => {
    const seeded = await seed(1);
    const [deal] = seeded.deals as [Deal];
    const el = await mount(seeded);
    await cardShown(el, seeded.stages[0]!.id, deal.id);
    const clicked = oneEvent(el, 'crm-deal-select');
    await sendMouse({ type: 'click', position: center(titleOf(el, deal.id)!) });
    expect(((await clicked) as unknown as CrmDealSelectEvent).deal.id).to.equal(deal.id);
    const entered = oneEvent(el, 'crm-deal-select');
    await sendKeys({ press: 'Enter' });
    expect(((await entered) as unknown as CrmDealSelectEvent).deal.id).to.equal(deal.id);
  });

  it('filters by manager and creation day, with totals over the filtered deals', async () => {
    const seeded = await seed(2);
    const other = await seeded.store.users.create({ name: 'Тарас Марченко', roles: ['manager'] });
    await seeded.store.deals.update(seeded.deals[0]!.id, { managerId: other.id });
    const el = await mount(seeded);
    el.manager = seeded.managerId;
    await waitUntil(() => plain($(el, '.total')?.textContent).startsWith('1 відкрита угода на 2'), 'manager filter not applied');
    const today = new Date();
    const day = (offset: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset).toLocaleDateString('sv');
    el.manager = undefined;
    el.from = day(1);
    await waitUntil(() => plain($(el, '.total')?.textContent).startsWith('0 відкритих угод'), 'from filter not applied');
    el.from = day(0);
    el.to = day(0);
    await waitUntil(() => plain($(el, '.total')?.textContent).startsWith('2 відкриті угоди'), 'day filter not applied');
  });

  it('shows the empty pipeline, an unknown pipeline and the loading state, each accessible', async () => {
    const seeded = await seed(0);
    const el = await mount(seeded, 'en');
    expect(plain($(el, '.note')?.textContent)).to.equal('No open deals in this pipeline yet');
    expect(el.matches(':state(empty)')).to.equal(true);
    await expect(el).to.be.accessible();
    el.pipeline = 'no-such-pipeline';
    await waitUntil(() => $(el, '.state[role="alert"]'), 'no error');
    expect(plain($(el, '.state[role="alert"]')!.textContent)).to.equal('Pipeline not found: it may have been deleted');
    await expect(el).to.be.accessible();
    const loading = await fixture<CrmDealPipeline>(html`<crm-deal-pipeline lang="uk" .board=${null}></crm-deal-pipeline>`);
    expect(plain(loading.shadowRoot!.querySelector('[role="status"]')!.textContent)).to.equal('Завантаження…');
    expect(loading.matches(':state(loading)')).to.equal(true);
    await expect(loading).to.be.accessible();
  });

  it('passes axe with the sample business, in Ukrainian and light, English and dark', async () => {
    const database = uniqueDatabaseName('deal-pipeline-sample');
    await seedSampleData(getStore(database));
    for (const [lang, theme] of [['uk', 'light'], ['en', 'dark']] as const) {
      const provider = await fixture<CrmProvider>(html`<crm-provider database=${database} lang=${lang} theme=${theme}>
        <crm-deal-pipeline style=${layout}></crm-deal-pipeline>
      </crm-provider>`);
      const el = provider.querySelector('crm-deal-pipeline')!;
      // Columns scrolled out of the board's view draw no cards: axe still finds each of them focusable.
      await waitUntil(() => el.shadowRoot!.querySelectorAll('.card').length > 5, 'the sample deals did not render');
      await expect(el).to.be.accessible();
    }
  });

  it('keeps very long names inside their cards, in light and dark', async () => {
    const long = 'Комплексне облаштування житлового комплексу «Дніпровські зорі» меблями з масиву дуба та горіха';
    const seeded = await seed(2, { title: (n) => `${long} ${n}`, stages: ['Підготовка комерційної пропозиції для оптових покупців з довгою назвою', 'Договір'] });
    const el = await mount(seeded);
    await cardShown(el, seeded.stages[0]!.id, seeded.deals[0]!.id);
    const columnWidth = column(el, seeded.stages[0]!.id).getBoundingClientRect().right;
    for (const card of cardsIn(el, seeded.stages[0]!.id)) {
      expect(card.getBoundingClientRect().right).to.be.at.most(columnWidth);
      for (const part of card.querySelectorAll('.card-row > span')) expect(part.getBoundingClientRect().right).to.be.at.most(card.getBoundingClientRect().right);
    }
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

describe('crm-deal-pipeline unbound', () => {
  afterEach(() => resetMouse());

  function board(): DealBoardData {
    const at = Date.now() - 3 * 86_400_000;
    const stage = (id: string, name: string, order: number): Stage => ({ id, pipelineId: 'p', name, order, createdAt: at, updatedAt: at });
    const deal = (id: string, title: string, stageId: string, minor: number): Deal => ({
      id,
      title,
      pipelineId: 'p',
      stageId,
      status: 'open',
      amount: { minor, currency: 'UAH' },
      clientType: 'counterparty',
      clientId: 'c1',
      managerId: 'u1',
      stageEnteredAt: at,
      createdAt: at,
      updatedAt: at,
    });
    const first = [deal('d1', 'Кухня', 's1', 500_000), deal('d2', 'Шафа', 's1', 250_000)];
    return {
      pipelineName: 'Портал',
      stages: [
        { stage: stage('s1', 'Нова', 0), count: 12, sums: { UAH: 9_000_000 }, deals: first },
        { stage: stage('s2', 'Договір', 1), count: 0, sums: {}, deals: [] },
      ],
      count: 12,
      sums: { UAH: 9_000_000 },
      clientNames: { c1: 'ФОП Олена Коваль' },
      managerNames: { u1: 'Ірина Бондаренко' },
      nextActivities: { d1: { type: 'task', id: 't1', at: Date.now() - 86_400_000, title: 'Передзвонити' } },
    };
  }

  it('shows the page’s data, moves only through events, and touches no store', async () => {
    await deleteStore(DEFAULT_DATABASE_NAME);
    const before = (await indexedDB.databases()).map((db) => db.name);
    const el = await fixture<CrmDealPipeline>(html`<crm-deal-pipeline lang="en" style=${layout} .board=${board()}></crm-deal-pipeline>`);
    await waitUntil(() => cardsIn(el, 's1').length === 2, 'cards not shown');
    expect(plain(column(el, 's1').querySelector('.column-head')!.textContent)).to.match(/^Нова 12 deals UAH\s?90,000$/);
    expect(plain(cardsIn(el, 's1')[0]!.textContent)).to.contain('ФОП Олена Коваль').and.contain('3 days in stage').and.contain('Task yesterday, overdue');
    await expect(el).to.be.accessible();

    const seen: string[] = [];
    el.addEventListener('crm-deal-stage-change-request', (event) => seen.push(`request ${event.deal.id} → ${JSON.stringify(event.to)}`));
    el.addEventListener('crm-deal-stage-change', (event) => seen.push(`change ${event.deal.id} ${event.fromStageId} → ${JSON.stringify(event.to)}`));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Space' });
    await waitUntil(() => seen.length === 2, 'no events');
    expect(seen).to.deep.equal(['request d1 → {"type":"stage","stageId":"s2"}', 'change d1 s1 → {"type":"stage","stageId":"s2"}']);
    // Shown moved until the page gives new data.
    await cardShown(el, 's2', 'd1');
    await drag(cardsIn(el, 's1')[0]!, $(el, '.zone.won')!);
    await waitUntil(() => seen.length === 4, 'no events for the win');
    expect(seen[3]).to.equal('change d2 s1 → {"type":"won"}');
    expect(plain($(el, '.total')!.textContent)).to.match(/^11 open deals worth UAH\s?87,500$/);
    el.board = board();
    await cardShown(el, 's1', 'd1');
    const after = (await indexedDB.databases()).map((db) => db.name);
    expect(after).to.deep.equal(before);
    expect(after).to.not.include(DEFAULT_DATABASE_NAME);
  });

  it('stacks each lane’s cards by their measured heights, on two boards at once and after one is removed', async () => {
    const many = (prefix: string): DealBoardData => {
      const data = board();
      const long = (n: number) => (n % 3 ? `${prefix} ${n}` : `${prefix} ${n}: виготовлення та монтаж кухні з масиву дуба на замовлення`);
      const deals = Array.from({ length: 20 }, (_, n) => ({ ...data.stages[0]!.deals[0]!, id: `${prefix}${n}`, title: long(n) }));
      return { ...data, stages: [{ ...data.stages[0]!, count: 20, deals }, data.stages[1]!], count: 20 };
    };
    const wrapper = await fixture<HTMLElement>(html`<div>
      <crm-deal-pipeline lang="uk" style=${layout} .board=${many('a')}></crm-deal-pipeline>
      <crm-deal-pipeline lang="uk" style=${layout} .board=${many('b')}></crm-deal-pipeline>
    </div>`);
    const [first, second] = [...wrapper.querySelectorAll<CrmDealPipeline>('crm-deal-pipeline')];
    /** Cards drawn in lane s1, top to bottom: each starts below the one above it and no further than a gap. */
    const stacked = (el: CrmDealPipeline) => {
      const boxes = cardsIn(el, 's1')
        .map((card) => card.getBoundingClientRect())
        .sort((a, b) => a.top - b.top);
      return boxes.length >= 2 && boxes.every((box, i) => i === 0 || (box.top >= boxes[i - 1]!.bottom - 0.5 && box.top - boxes[i - 1]!.bottom < 24));
    };
    await waitUntil(() => stacked(first!) && stacked(second!), 'cards overlap or drift apart');
    // Tall and short cards alike: the lane measured them rather than using one guess.
    const heights = new Set(cardsIn(first!, 's1').map((card) => Math.round(card.getBoundingClientRect().height)));
    expect(heights.size).to.be.greaterThan(1);

    first!.remove();
    const lane = second!.shadowRoot!.querySelector<HTMLElement>('section[data-lane="s1"] .lane')!;
    lane.scrollTop = lane.scrollHeight;
    await waitUntil(() => cardsIn(second!, 's1').some((card) => card.dataset.deal === 'b19') && stacked(second!), 'the other board stopped laying out');
  });
});

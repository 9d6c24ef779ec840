import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import '../../../src/components/customer-classification/customer-classification.js';
import '../../../src/components/provider/provider.js';
import type { ClassificationData, CrmCustomerClassification } from '../../../src/components/customer-classification/customer-classification.js';
import type { CrmClassificationSelectEvent } from '../../../src/events/index.js';
import { formatMoney } from '../../../src/i18n/format.js';
import { contextOf, type CrmStore } from '../../../src/store/store.js';
import type { Order } from '../../../src/store/types.js';
import { click, deepActive, inProvider, plain, root } from '../../support/dom.js';
import { deleteTestStores, freshStore, waitUntil } from '../../support/fixtures.js';
import { counterpartyRow } from '../../support/store.js';

// Hand-computed (see test/store/reports/abc-xyz.test.ts), Q1 2025, in hryvnias:
// Дніпро-Буд 800/800/800 → A X; Коваль 0/900/0 → A Z; Зоря 100/120/80 → B Y; Лан 150/0/0 → C Z.
const plan: Record<string, Array<[string, number]>> = {
  'ТОВ «Дніпро-Буд»': [['2025-01-10', 800], ['2025-02-10', 800], ['2025-03-10', 800]],
  'ФОП Коваль Ірина': [['2025-02-14', 900]],
  'ПП «Зоря»': [['2025-01-05', 100], ['2025-02-05', 120], ['2025-03-05', 80]],
  'ТОВ «Лан»': [['2025-01-31', 150]],
};

async function seed(store: CrmStore): Promise<Record<string, string>> {
  const db = contextOf(store).db;
  const ids: Record<string, string> = {};
  const created = new Date(2024, 0, 1).getTime();
  for (const [name, orders] of Object.entries(plan)) {
    const row = counterpartyRow({ name, relationshipStage: 'potential' }, created);
    ids[name] = row.id;
    await db.counterparties.add(row);
    await db.orders.bulkAdd(
      orders.map(([date, uah]): Order => ({ id: crypto.randomUUID(), counterpartyId: row.id, date, status: 'fulfilled', currency: 'UAH', total: uah * 100, cost: 0, lines: [], createdAt: created, updatedAt: created })),
    );
  }
  return ids;
}

const unboundData = (): ClassificationData => ({
  customers: Object.keys(plan).map((name) => ({ id: name, name, createdAt: new Date(2024, 0, 1).getTime() })),
  orders: Object.entries(plan).flatMap(([name, orders]) => orders.map(([date, uah]) => ({ customerId: name, date, amount: uah * 100 }))),
});

const button = (el: CrmCustomerClassification, cell: string) => root(el).querySelector<HTMLButtonElement>(`[data-cell=${cell}]`)!;
const cellCounts = (el: CrmCustomerClassification) =>
  Object.fromEntries([...root(el).querySelectorAll<HTMLElement>('[data-cell]')].map((b) => [b.dataset.cell, plain(b.querySelector('.count')!.textContent)]));
const input = (el: CrmCustomerClassification, field: string) => root(el).querySelector<HTMLInputElement>(`#threshold-${field}`)!;
const errorOf = (el: CrmCustomerClassification, field: string) => plain(root(el).querySelector(`#threshold-${field}-error`)!.textContent);

async function mount(store: CrmStore, lang = 'uk'): Promise<CrmCustomerClassification> {
  const el = await inProvider(
    'crm-customer-classification',
    store.name,
    html`<crm-customer-classification lang=${lang} from="2025-01-01" to="2025-03-31"></crm-customer-classification>`,
  );
  await waitUntil(() => root(el).querySelector('[data-cell]'), 'the matrix did not appear');
  return el;
}

/** Clears a number field by keyboard and types a new value. */
async function retype(el: CrmCustomerClassification, field: string, value: string): Promise<void> {
  input(el, field).focus();
  await sendKeys({ press: 'End' });
  for (let i = 0; i < 4; i += 1) await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: value });
  await el.updateComplete;
}

describe('crm-customer-classification', () => {
  afterEach(async () => {
    await resetMouse();
    await deleteTestStores();
  });

  it('draws the store’s ABC/XYZ matrix: counts and Intl money per cell, and the stages, live', async () => {
    const store = freshStore();
    await seed(store);
    const el = await mount(store);
    const report = await store.reports.abcXyz({ from: '2025-01-01', to: '2025-03-31' });
    for (const cell of report.matrix) {
      const b = button(el, cell.cell);
      expect(plain(b.querySelector('.count')!.textContent)).to.match(new RegExp(`^${cell.count} `));
      expect(plain(b.querySelector('.money')!.textContent)).to.equal(plain(formatMoney('uk', { minor: cell.revenue, currency: 'UAH' })));
    }
    expect(cellCounts(el)).to.include({ AX: '1 клієнт', AZ: '1 клієнт', BY: '1 клієнт', CZ: '1 клієнт', AY: '0 клієнтів' });
    expect(root(el).querySelector('caption')!.textContent).to.contain('Матриця ABC/XYZ');
    // Stages at 31 March: everyone bought within 180 days; Дніпро-Буд and Зоря three times → regular.
    const stage = (name: string) => plain(root(el).querySelector(`[data-stage=${name}] .count`)!.textContent);
    expect([stage('potential'), stage('first-purchase'), stage('regular'), stage('lapsed')]).to.deep.equal(['0', '2', '2', '0']);
    await expect(el).to.be.accessible();

    // Live: a new order of 5 000 ₴ for Лан in March makes it the largest (A Z); Коваль, 89 % before it, drops to B Z.
    const lan = (await contextOf(store).db.counterparties.where('name').equals('ТОВ «Лан»').first())!;
    await contextOf(store).db.orders.add({ id: crypto.randomUUID(), counterpartyId: lan.id, date: '2025-03-20', status: 'new', currency: 'UAH', total: 5000_00, cost: 0, lines: [], createdAt: 1, updatedAt: 1 });
    await waitUntil(() => cellCounts(el).BZ === '1 клієнт' && cellCounts(el).CY === '1 клієнт', 'the matrix did not follow the new order');
  });

  it('re-computes when a threshold is edited by keyboard, and refuses invalid shares at the field', async () => {
    const store = freshStore();
    await seed(store);
    const el = await mount(store);
    await retype(el, 'a', '60');
    // 60 + 15 + 5 = 80: refused at the field being edited; the matrix stays as it was.
    expect(input(el, 'a').getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, 'a')).to.equal('Частки A, B і C мають разом становити 100 %, зараз 80 %');
    expect(input(el, 'a').getAttribute('aria-describedby')).to.contain('threshold-a-error');
    expect(cellCounts(el).AZ).to.equal('1 клієнт');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(input(el, 'b'));
    await retype(el, 'b', '35');
    expect(errorOf(el, 'a')).to.equal('');
    expect(errorOf(el, 'b')).to.equal('');
    expect(input(el, 'b').getAttribute('aria-invalid')).to.equal('false');
    // 60 + 35 + 5 = 100: Коваль (64 % before it) becomes B.
    await waitUntil(() => cellCounts(el).BZ === '1 клієнт' && cellCounts(el).AZ === '0 клієнтів', 'did not re-compute');
    expect(plain(root(el).querySelector('[role=status]')!.textContent)).to.equal('Класифікацію перераховано: 4 клієнти');
    // XYZ: X above Y is refused at the field.
    await retype(el, 'x', '30');
    expect(errorOf(el, 'x')).to.equal('Межа X не може бути більшою за межу Y');
    await retype(el, 'a', '');
    expect(errorOf(el, 'a')).to.equal('Вкажіть число від 0 до 100');
    await expect(el).to.be.accessible();
  });

  it('shows the customers of a clicked cell and fires crm-classification-select; Enter works too', async () => {
    const store = freshStore();
    const ids = await seed(store);
    const el = await mount(store, 'en');
    const selected = oneEvent(el, 'crm-classification-select');
    await click(button(el, 'AX'));
    const event = (await selected) as unknown as CrmClassificationSelectEvent;
    expect(event.cell).to.equal('AX');
    expect(event.customerIds).to.deep.equal([ids['ТОВ «Дніпро-Буд»']]);
    await el.updateComplete;
    expect(button(el, 'AX').getAttribute('aria-pressed')).to.equal('true');
    const list = root(el).querySelector('[part=customers]')!;
    expect(plain(list.querySelector('[role=heading]')!.textContent)).to.equal('Class AX customers: 1 customer');
    expect(plain(list.querySelector('tbody tr')!.textContent)).to.contain('ТОВ «Дніпро-Буд»');
    expect(plain(list.querySelector('tbody tr')!.textContent)).to.contain(plain(formatMoney('en', { minor: 2400_00, currency: 'UAH' })));

    button(el, 'CZ').focus();
    const next = oneEvent(el, 'crm-classification-select');
    await sendKeys({ press: 'Enter' });
    expect(((await next) as unknown as CrmClassificationSelectEvent).customerIds).to.deep.equal([ids['ТОВ «Лан»']]);
    await el.updateComplete;
    expect(plain(root(el).querySelector('[part=customers] tbody')!.textContent)).to.contain('ТОВ «Лан»');
    await expect(el).to.be.accessible();
    // Nothing was written by looking.
    expect(await contextOf(store).db.relationshipStageHistory.count()).to.equal(0);
  });

  it('classifies plain data without a store (unbound), in English and dark', async () => {
    const el = await fixture<CrmCustomerClassification>(
      html`<crm-customer-classification lang="en" theme="dark" from="2025-01-01" to="2025-03-31" .data=${unboundData()}></crm-customer-classification>`,
    );
    await el.updateComplete;
    expect(cellCounts(el)).to.include({ AX: '1 customer', AZ: '1 customer', BY: '1 customer', CZ: '1 customer' });
    await retype(el, 'y', '200');
    await waitUntil(() => cellCounts(el).AY === '1 customer', 'unbound did not re-compute');
    await expect(el).to.be.accessible();
  });

  it('has loading, empty and error states', async () => {
    const loading = await fixture<CrmCustomerClassification>(html`<crm-customer-classification lang="uk" loading></crm-customer-classification>`);
    expect(plain(root(loading).textContent)).to.contain('Завантаження…');
    expect(loading.matches(':state(loading)')).to.equal(true);
    await expect(loading).to.be.accessible();

    const empty = await fixture<CrmCustomerClassification>(
      html`<crm-customer-classification lang="uk" from="2025-01-01" to="2025-03-31" .data=${{ customers: [], orders: [] }}></crm-customer-classification>`,
    );
    expect(plain(root(empty).textContent)).to.contain('За цей період замовлень немає');
    expect(empty.matches(':state(empty)')).to.equal(true);
    await expect(empty).to.be.accessible();

    const store = freshStore();
    const broken = await inProvider(
      'crm-customer-classification',
      store.name,
      html`<crm-customer-classification lang="uk" from="2025-03-01" to="2025-01-01"></crm-customer-classification>`,
    );
    await waitUntil(() => root(broken).querySelector('[role=alert]'), 'no error shown');
    expect(broken.matches(':state(error)')).to.equal(true);
    await expect(broken).to.be.accessible();
  });
});

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/components/lead-list/lead-list.js';
import type { CrmLeadList } from '../../../src/components/lead-list/lead-list.js';
import type { CrmLeadCreateDialog } from '../../../src/components/shared/lead-create-dialog.js';
import type { CrmLeadForm } from '../../../src/components/shared/lead-form.js';
import type { CrmLeadCreateEvent, CrmLeadCreateRequestEvent, CrmLeadSelectEvent } from '../../../src/events/index.js';
import { CrmError } from '../../../src/store/errors.js';
import { leadSearchTokens } from '../../../src/store/leads.js';
import { contextOf, type CrmStore } from '../../../src/store/store.js';
import type { Lead, LeadStatus } from '../../../src/store/types.js';
import { deepActive, inProvider, plain, root } from '../../support/dom.js';
import { deleteTestStores, freshStore, waitUntil } from '../../support/fixtures.js';
import { ignoreResizeObserverLoop } from '../../support/resize-observer.js';

const countText = (el: CrmLeadList) => plain(root(el).querySelector('.count')?.textContent);
const rows = (el: CrmLeadList) => [...root(el).querySelectorAll<HTMLElement>('[role=row][data-index]')];
const rowNames = (el: CrmLeadList) =>
  rows(el)
    .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
    .map((row) => plain(row.querySelector('.primary')?.textContent));
const dialogOf = (el: CrmLeadList) => root(el).querySelector<CrmLeadCreateDialog>('crm-lead-create-dialog')!;
const formOf = (el: CrmLeadList) => dialogOf(el).shadowRoot!.querySelector<CrmLeadForm>('crm-lead-form')!;
const inForm = <T extends HTMLElement = HTMLElement>(el: CrmLeadList, selector: string) => formOf(el).shadowRoot!.querySelector<T>(selector)!;

async function mount(store: CrmStore, attributes = html``, lang = 'uk'): Promise<CrmLeadList> {
  return inProvider('crm-lead-list', store.name, html`<crm-lead-list lang=${lang}>${attributes}</crm-lead-list>`);
}

/** Writes `count` leads in a few transactions, like an import. */
async function bulkLeads(store: CrmStore, count: number): Promise<void> {
  const statuses: LeadStatus[] = ['new', 'in-progress', 'converted', 'lost'];
  const all: Lead[] = Array.from({ length: count }, (_, i) => {
    const name = `Клієнт ${String(i).padStart(5, '0')}`;
    const phones = [`+38067${String(1_000_000 + i)}`];
    return { id: crypto.randomUUID(), name, phones, emails: [], messengers: [], tags: [], status: statuses[i % 4]!, createdAt: 1_700_000_000_000 + i * 60_000, updatedAt: 1_700_000_000_000 + i * 60_000, searchTokens: leadSearchTokens({ name, phones, emails: [] }) };
  });
  for (let start = 0; start < count; start += 1000) await contextOf(store).db.leads.bulkAdd(all.slice(start, start + 1000));
}

/** Opens "new lead" by keyboard and returns once the form has focus. */
async function openNewLead(el: CrmLeadList): Promise<void> {
  root(el).querySelector<HTMLElement>('[part=new-button]')!.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => deepActive()?.id === 'lead-name', 'the form did not take focus');
}

/** Types a name and a phone into the open form and submits it with Enter. */
async function fillAndSubmit(name: string, phone: string): Promise<void> {
  await sendKeys({ type: name });
  await sendKeys({ press: 'Tab' }); // company
  await sendKeys({ press: 'Tab' }); // tax code
  await sendKeys({ press: 'Tab' }); // phone 1
  expect(deepActive()?.id).to.equal('lead-phones-0');
  await sendKeys({ type: phone });
  await sendKeys({ press: 'Enter' });
}

describe('crm-lead-list', () => {
  ignoreResizeObserverLoop();

  afterEach(async () => {
    await resetMouse();
    await deleteTestStores();
  });

  it('shows the store’s count of every matching lead and renders only the rows in view, with 2 000 leads', async () => {
    const store = freshStore();
    await bulkLeads(store, 2000);
    const el = await mount(store);
    const open = await store.leads.count({ status: ['new', 'in-progress'] });
    expect(open).to.equal(1000);
    await waitUntil(() => countText(el) === '1 000 лідів', `count was ${countText(el)}`);
    await waitUntil(() => rowNames(el)[0] === 'Клієнт 01997', 'newest open first');
    expect(rows(el).length).to.be.within(5, 60);
    expect(root(el).querySelector('[role=grid]')!.getAttribute('aria-rowcount')).to.equal('1001');

    // Scrolled to the middle, the rows there are read and the DOM stays small.
    const scroller = root(el).querySelector<HTMLElement>('.rows')!;
    // The virtualizer sizes its scroll area once it has measured the first rows.
    await waitUntil(() => scroller.scrollHeight > 1000 * 30, 'the list is not sized for its 1 000 rows');
    scroller.scrollTop = scroller.scrollHeight / 2;
    const indices = () => rows(el).map((row) => Number(row.dataset.index)).sort((a, b) => a - b);
    // Just after the first rows arrive the virtualizer may still re-measure and clamp the position: scroll again then.
    await waitUntil(
      () => {
        if (scroller.scrollTop < scroller.scrollHeight / 4) scroller.scrollTop = scroller.scrollHeight / 2;
        return indices()[0]! > 300 && !root(el).querySelector('.placeholder');
      },
      'the middle rows were not read',
      { timeout: 8000 },
    );
    const page = await store.leads.list({ status: ['new', 'in-progress'], offset: indices()[0], limit: indices().length });
    expect(rowNames(el)).to.deep.equal(page.map((lead) => lead.name));
    expect(rows(el).length).to.be.within(5, 60);

    // All statuses: the count follows the store's.
    root(el).querySelector<HTMLSelectElement>('#status')!.focus();
    await sendKeys({ press: 'End' });
    await waitUntil(() => countText(el) === '2 000 лідів', `count was ${countText(el)}`);
    expect(el.status).to.equal('all');
    await expect(el).to.be.accessible();
  });

  it('narrows rows and the count as the user types a search, and says when nothing matches', async () => {
    const store = freshStore();
    for (const name of ['Олена Коваль', 'Олег Ткач', 'Петро Бондар']) await store.leads.create({ name });
    const el = await mount(store);
    await waitUntil(() => countText(el) === '3 ліди');
    root(el).querySelector<HTMLInputElement>('#search')!.focus();
    await sendKeys({ type: 'оле' });
    await waitUntil(() => countText(el) === '2 ліди', `count was ${countText(el)}`);
    expect(rowNames(el).sort()).to.deep.equal(['Олег Ткач', 'Олена Коваль']);
    await sendKeys({ type: 'на' });
    await waitUntil(() => countText(el) === '1 лід', `count was ${countText(el)}`);
    expect(rowNames(el)).to.deep.equal(['Олена Коваль']);
    await sendKeys({ type: 'ххх' });
    await waitUntil(() => plain(root(el).querySelector('.state')?.textContent).startsWith('Нічого не знайдено'));
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('.state button')!.click();
    await waitUntil(() => countText(el) === '3 ліди');
    expect(root(el).querySelector<HTMLInputElement>('#search')!.value).to.equal('');
  });

  it('filters by source (chosen by keyboard) and by the `source` attribute', async () => {
    const store = freshStore();
    const instagram = await store.sources.create({ name: 'Instagram' });
    await store.leads.create({ name: 'З Інстаграму', sourceId: instagram.id });
    await store.leads.create({ name: 'Без джерела' });
    const el = await mount(store);
    await waitUntil(() => countText(el) === '2 ліди' && root(el).querySelectorAll('#source option').length === 2);
    root(el).querySelector<HTMLSelectElement>('#source')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => countText(el) === '1 лід', `count was ${countText(el)}`);
    expect(el.source).to.equal(instagram.id);
    // Never the previous filter's rows: the new ones, once read.
    await waitUntil(() => rowNames(el).length > 0 && rowNames(el).every(Boolean), 'no rows');
    expect(rowNames(el)).to.deep.equal(['З Інстаграму']);
    expect(plain(rows(el)[0]!.textContent)).to.contain('Instagram');

    const bound = await mount(store, html``);
    bound.source = instagram.id;
    await waitUntil(() => countText(bound) === '1 лід');
  });

  it('moves between rows with the arrow keys and fires crm-lead-select on Enter, Space and click', async () => {
    const store = freshStore();
    const first = await store.leads.create({ name: 'Анна', phones: ['0671234567'] });
    const second = await store.leads.create({ name: 'Богдан' });
    const el = await mount(store, html``);
    el.sort = 'name';
    await waitUntil(() => rowNames(el).join() === 'Анна,Богдан');
    expect(plain(rows(el)[0]!.textContent)).to.contain('067 123 45 67');
    root(el).querySelector<HTMLElement>('#sort')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.getAttribute('data-index')).to.equal('0');
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => deepActive()?.getAttribute('data-index') === '1');
    let chosen = oneEvent(el, 'crm-lead-select');
    await sendKeys({ press: 'Enter' });
    let event = (await chosen) as unknown as CrmLeadSelectEvent;
    expect(event.leadId).to.equal(second.id);
    expect(event.lead?.name).to.equal('Богдан');
    await el.updateComplete;
    expect(rows(el)[1]!.getAttribute('aria-selected')).to.equal('true');

    await sendKeys({ press: 'Home' });
    await waitUntil(() => deepActive()?.getAttribute('data-index') === '0');
    chosen = oneEvent(el, 'crm-lead-select');
    await sendKeys({ press: 'Space' });
    expect(((await chosen) as unknown as CrmLeadSelectEvent).leadId).to.equal(first.id);

    const box = rows(el)[1]!.getBoundingClientRect();
    chosen = oneEvent(el, 'crm-lead-select');
    await sendMouse({ type: 'click', position: [Math.round(box.x + 20), Math.round(box.y + box.height / 2)] });
    event = (await chosen) as unknown as CrmLeadSelectEvent;
    expect(event.leadId).to.equal(second.id);
    expect(el.selectedId).to.equal(second.id);
  });

  it('creates a lead by keyboard: request, store write, crm-lead-create, the new row', async () => {
    const store = freshStore();
    const el = await mount(store);
    await waitUntil(() => plain(root(el).querySelector('.state')?.textContent).startsWith('Лідів поки немає'));
    await expect(el).to.be.accessible();
    const events: string[] = [];
    el.addEventListener('crm-lead-create-request', (e) => events.push(`${e.type}:${(e as CrmLeadCreateRequestEvent).input.name}`));
    const created = oneEvent(el, 'crm-lead-create');
    await openNewLead(el);
    await expect(el).to.be.accessible();
    await fillAndSubmit('Олена Коваль', '067 123 45 67');
    const lead = ((await created) as unknown as CrmLeadCreateEvent).lead;
    expect(events).to.deep.equal(['crm-lead-create-request:Олена Коваль']);
    const stored = await store.leads.get(lead.id);
    expect(stored?.phones).to.deep.equal(['+380671234567']);
    expect(stored?.status).to.equal('new');
    await waitUntil(() => rowNames(el).join() === 'Олена Коваль');
    expect(dialogOf(el).shadowRoot!.querySelector('dialog')!.open).to.equal(false);
    expect(plain(root(el).querySelector('p[role=status]')!.textContent)).to.equal('Лід «Олена Коваль» створено');
  });

  it('warns of a lead with the same phone and writes nothing until “Save anyway”; “Open” selects the existing one', async () => {
    const store = freshStore();
    const existing = await store.leads.create({ name: 'Олена Коваль', phones: ['+380671234567'] });
    const el = await mount(store);
    await waitUntil(() => countText(el) === '1 лід');
    await openNewLead(el);
    await fillAndSubmit('Олена К.', '(067) 123-45-67');
    const warning = () => dialogOf(el).shadowRoot!.querySelector<HTMLElement>('.warning');
    await waitUntil(() => warning(), 'no duplicate warning');
    expect(plain(warning()!.textContent)).to.contain('Схоже, такий клієнт уже є');
    expect(plain(warning()!.querySelector('li')!.textContent)).to.match(/^Олена Коваль \(лід\) · збігається: Телефон/);
    expect(dialogOf(el).shadowRoot!.activeElement).to.equal(warning());
    expect(formOf(el).hidden).to.equal(true);
    await expect(el).to.be.accessible();
    expect(await store.leads.count()).to.equal(1);

    // "Open" leaves the new one unsaved and chooses the existing lead.
    const chosen = oneEvent(el, 'crm-lead-select');
    warning()!.querySelector<HTMLButtonElement>('li button')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(((await chosen) as unknown as CrmLeadSelectEvent).leadId).to.equal(existing.id);
    expect(await store.leads.count()).to.equal(1);

    // Again, and this time "Save anyway".
    await openNewLead(el);
    await fillAndSubmit('Олена К.', '0671234567');
    await waitUntil(() => warning(), 'no duplicate warning');
    const saveAnyway = [...warning()!.querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => plain(b.textContent) === 'Усе одно зберегти')!;
    saveAnyway.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => countText(el) === '2 ліди');
    expect((await store.leads.findDuplicates({ phones: ['0671234567'] })).length).to.equal(2);
  });

  it('shows a bad phone’s error at the phone field in Ukrainian and writes nothing; a vetoed request writes nothing', async () => {
    const store = freshStore();
    const el = await mount(store);
    await waitUntil(() => root(el).querySelector('.state'));
    await openNewLead(el);
    await fillAndSubmit('Петро', '12345');
    await waitUntil(() => plain(inForm(el, '#lead-phones-error').textContent) !== '', 'no phone error');
    expect(plain(inForm(el, '#lead-phones-error').textContent)).to.equal('Перевірте номер телефону, наприклад 067 123 45 67');
    expect(inForm(el, '#lead-phones-0').getAttribute('aria-invalid')).to.equal('true');
    expect(deepActive()?.id).to.equal('lead-phones-0');
    await expect(el).to.be.accessible();
    expect(await store.leads.count()).to.equal(0);

    el.addEventListener('crm-lead-create-request', (e) => e.preventDefault(), { once: true });
    await sendKeys({ press: 'Control+a' });
    await sendKeys({ type: '0501234567' });
    const vetoed = oneEvent(el, 'crm-lead-create-request');
    await sendKeys({ press: 'Enter' });
    await vetoed;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await store.leads.count()).to.equal(0);
    expect(dialogOf(el).shadowRoot!.querySelector('dialog')!.open).to.equal(true);
  });

  it('unbound: searches, filters and orders the given leads in memory and touches no store', async () => {
    const store = freshStore();
    let calls = 0;
    for (const repository of [store.leads, store.users, store.sources, store.tags, store.lostReasons] as unknown as Array<Record<string, unknown>>)
      for (const name of Object.keys(repository)) repository[name] = () => ((calls += 1), Promise.reject(new Error(`store.${name} called`)));
    const now = Date.now();
    const lead = (name: string, status: LeadStatus, at: number, phones: string[] = []): Lead => ({
      id: crypto.randomUUID(), name, status, phones, emails: [], messengers: [], tags: [], createdAt: at, updatedAt: at, searchTokens: leadSearchTokens({ name, phones, emails: [] }),
    });
    const leads = [lead('Ярина', 'new', now - 3, ['+380671234567']), lead('Андрій', 'in-progress', now - 2), lead('Борис', 'lost', now - 1)];
    const provider = await fixture(html`<crm-provider database=${store.name}><crm-lead-list lang="en" theme="dark" .leads=${leads} sort="name"></crm-lead-list></crm-provider>`);
    const el = provider.querySelector('crm-lead-list')!;
    await waitUntil(() => countText(el) === '2 leads' && rowNames(el).join() === 'Андрій,Ярина', `rows were ${rowNames(el).join()}`);
    await expect(el).to.be.accessible();

    el.status = 'all';
    el.sort = '-name';
    await waitUntil(() => rowNames(el).join() === 'Ярина,Борис,Андрій');
    root(el).querySelector<HTMLInputElement>('#search')!.focus();
    await sendKeys({ type: '067123' });
    await waitUntil(() => countText(el) === '1 lead');

    // "New lead" warns of the duplicate among the given leads, then only asks the host.
    await openNewLead(el);
    await fillAndSubmit('Ярина Нова', '067 123 45 67');
    const warning = () => dialogOf(el).shadowRoot!.querySelector<HTMLElement>('.warning');
    await waitUntil(() => warning());
    expect(plain(warning()!.querySelector('li')!.textContent)).to.contain('Ярина (lead) · matches: Phone');
    const request = oneEvent(el, 'crm-lead-create-request');
    [...warning()!.querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => plain(b.textContent) === 'Save anyway')!.click();
    expect(((await request) as unknown as CrmLeadCreateRequestEvent).input).to.include({ name: 'Ярина Нова' });
    expect(calls).to.equal(0);
    expect((await indexedDB.databases()).some((db) => db.name === store.name)).to.equal(false);
  });

  it('shows the loading and error states, and retries', async () => {
    const store = freshStore();
    const count = store.leads.count;
    store.leads.count = () => new Promise(() => {});
    const loading = await mount(store);
    await loading.updateComplete;
    expect(plain(root(loading).querySelector('.state')!.textContent)).to.equal('Завантаження…');
    expect(loading.matches(':state(loading)')).to.equal(true);
    await expect(loading).to.be.accessible();

    let fail = true;
    store.leads.count = (filter) => (fail ? Promise.reject(new CrmError('STORAGE', 'error.storage')) : count(filter));
    const failed = await mount(store, html``, 'en');
    await waitUntil(() => root(failed).querySelector('[role=alert]'));
    expect(plain(root(failed).querySelector('[role=alert]')!.textContent)).to.contain('Could not load the data');
    await expect(failed).to.be.accessible();
    fail = false;
    await store.leads.create({ name: 'Олена' });
    root(failed).querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await waitUntil(() => countText(failed) === '1 lead');
  });
});

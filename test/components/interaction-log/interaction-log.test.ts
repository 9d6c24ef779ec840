import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/components/interaction-log/interaction-log.js';
import type { CrmInteractionLog } from '../../../src/components/interaction-log/interaction-log.js';
import type {
  CrmInteractionChangeEvent,
  CrmInteractionChangeRequestEvent,
  CrmInteractionCreateEvent,
  CrmInteractionCreateRequestEvent,
  CrmLeadCreateEvent,
} from '../../../src/events/index.js';
import { CrmError } from '../../../src/store/errors.js';
import type { CrmStore, Interaction } from '../../../src/store/index.js';
import { deepActive, plain, press, root } from '../../support/dom.js';
import { deleteTestStores, freshStore, settle, waitUntil } from '../../support/fixtures.js';
import { ignoreResizeObserverLoop } from '../../support/resize-observer.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const countText = (el: CrmInteractionLog) => plain(root(el).querySelector('.count')?.textContent);
const entries = (el: CrmInteractionLog) =>
  [...root(el).querySelectorAll<HTMLElement>('article[data-index]')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
const summaries = (el: CrmInteractionLog) => entries(el).map((entry) => plain(entry.querySelector('.summary')?.textContent));
const entryOf = (el: CrmInteractionLog, summary: string) => entries(el).find((entry) => plain(entry.querySelector('.summary')?.textContent) === summary);
const buttonOf = (entry: Element, label: string) => [...entry.querySelectorAll<HTMLButtonElement>('button')].find((b) => plain(b.textContent) === label);
const form = (el: CrmInteractionLog) => root(el).querySelector('crm-interaction-quick-form')!;
const inForm = <T extends HTMLElement = HTMLElement>(el: CrmInteractionLog, selector: string) => form(el).shadowRoot!.querySelector<T>(selector)!;
const announced = (el: CrmInteractionLog) => plain(root(el).querySelector('p.visually-hidden[role=status]')?.textContent);
/** Whole minutes, as a `datetime-local` field keeps them. */
const minute = (at: number) => Math.floor(at / MINUTE) * MINUTE;

async function mount(store: CrmStore, attributes: Partial<Pick<CrmInteractionLog, 'subjectType' | 'subjectId' | 'mode' | 'lang' | 'theme'>> = {}): Promise<CrmInteractionLog> {
  const wrapper = await fixture(html`<div>
    <button id="before">before</button>
    <crm-provider database=${store.name}>
      <crm-interaction-log
        lang=${attributes.lang ?? 'uk'}
        subject-type=${attributes.subjectType ?? ''}
        subject-id=${attributes.subjectId ?? ''}
        mode=${attributes.mode ?? ''}
        theme=${attributes.theme ?? 'light'}
      ></crm-interaction-log>
    </crm-provider>
  </div>`);
  return wrapper.querySelector('crm-interaction-log')!;
}

/** Tabs from the page into the log until the field `id` of the quick form has focus. */
async function tabTo(id: string): Promise<void> {
  document.querySelector<HTMLElement>('#before')!.focus();
  for (let i = 0; i < 12 && deepActive()?.id !== id; i += 1) await sendKeys({ press: 'Tab' });
  expect(deepActive()?.id).to.equal(id);
}

describe('crm-interaction-log', () => {
  // The virtualizer measures entries it has just drawn; Chromium then reports a harmless "ResizeObserver loop".
  ignoreResizeObserverLoop();

  afterEach(async () => {
    await resetMouse();
    await deleteTestStores();
  });

  it('registers a meeting with a lead by keyboard only: request, store, crm-interaction-create, the entry under “Сьогодні”', async () => {
    const store = freshStore();
    const lead = await store.leads.create({ name: 'Олена Коваль' });
    const el = await mount(store, { subjectType: 'lead', subjectId: lead.id });
    await waitUntil(() => plain(root(el).querySelector('.state')?.textContent).startsWith('Взаємодій ще немає'));
    await expect(el).to.be.accessible();
    const events: string[] = [];
    el.addEventListener('crm-interaction-create-request', (e) => events.push(`request:${(e as CrmInteractionCreateRequestEvent).input.subject}`));
    el.addEventListener('crm-interaction-create', (e) => events.push(`create:${(e as CrmInteractionCreateEvent).interaction.kind}`));

    const before = Date.now();
    await tabTo('quick-kind');
    await sendKeys({ press: 'ArrowDown' }); // Дзвінок → Зустріч
    await tabTo('quick-subject');
    await sendKeys({ type: 'Обговорили кухню' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => summaries(el).join() === 'Обговорили кухню', `entries were ${summaries(el).join()}`);

    const [written] = await store.interactions.timeline({ type: 'lead', id: lead.id });
    expect(written).to.include({ kind: 'meeting', direction: 'outgoing', status: 'done', subject: 'Обговорили кухню', subjectType: 'lead' });
    expect(written!.at).to.be.within(before, Date.now());
    expect(events).to.deep.equal(['request:Обговорили кухню', 'create:meeting']);
    const entry = entries(el)[0]!;
    expect(plain(entry.querySelector('.day')!.textContent)).to.equal('Сьогодні');
    expect(plain(entry.querySelector('.kind')!.textContent)).to.equal('Зустріч · Вихідний');
    expect(entry.querySelector('svg.icon')!.getAttribute('aria-hidden')).to.equal('true');
    expect(countText(el)).to.equal('1 взаємодія');
    expect(inForm<HTMLInputElement>(el, '#quick-subject').value).to.equal('');
    expect(announced(el)).to.equal('Взаємодію збережено');
    await expect(el).to.be.accessible();
  });

  it('plans a call with a reminder from the form, and a vetoed request writes nothing', async () => {
    const store = freshStore();
    const lead = await store.leads.create({ name: 'Олена Коваль' });
    const el = await mount(store, { subjectType: 'lead', subjectId: lead.id });
    await waitUntil(() => root(el).querySelector('.state'));
    await tabTo('quick-planned');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => inForm(el, '#quick-remind'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('quick-remind');
    // The field's segments in uk-UA: day, month, year, hours, minutes.
    // The field's segments follow the browser's locale (dd.mm or mm/dd, 24 or 12 hours): 01.01.2030 09:30 either way.
    await sendKeys({ type: '01012030' });
    await sendKeys({ press: 'ArrowRight' }); // the year takes up to 6 digits: on to the hours by hand
    await sendKeys({ type: '0930' });
    if (!inForm<HTMLInputElement>(el, '#quick-remind').value) await sendKeys({ type: 'A' });
    expect(inForm<HTMLInputElement>(el, '#quick-remind').value).to.equal('2030-01-01T09:30');
    await tabTo('quick-subject');
    await sendKeys({ type: 'Передзвонити щодо замовлення' });

    el.addEventListener('crm-interaction-create-request', (e) => e.preventDefault(), { once: true });
    const vetoed = oneEvent(el, 'crm-interaction-create-request');
    await sendKeys({ press: 'Enter' });
    await vetoed;
    await settle(100);
    expect(await store.interactions.timeline({ type: 'lead', id: lead.id })).to.have.length(0);
    expect(inForm<HTMLInputElement>(el, '#quick-subject').value).to.equal('Передзвонити щодо замовлення');

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => summaries(el).length === 1);
    const [planned] = await store.interactions.timeline({ type: 'lead', id: lead.id });
    expect(planned!.status).to.equal('planned');
    expect(planned!.remindAt).to.equal(new Date(2030, 0, 1, 9, 30).getTime());
    expect((await store.reminders.forTarget('interaction', planned!.id))[0]?.status).to.equal('pending');
    expect(plain(entries(el)[0]!.querySelector('.meta')!.textContent)).to.contain('заплановано');
  });

  it('completes a planned call: request, store (reminder done too), crm-interaction-change, the marks go', async () => {
    const store = freshStore();
    const lead = await store.leads.create({ name: 'Олена Коваль' });
    const at = Date.now() + 2 * HOUR;
    const call = await store.interactions.register({ kind: 'call', direction: 'outgoing', status: 'planned', at, remindAt: at - HOUR, subject: 'Узгодити доставку', subjectRef: { type: 'lead', id: lead.id } });
    const el = await mount(store, { subjectType: 'lead', subjectId: lead.id });
    await waitUntil(() => entryOf(el, 'Узгодити доставку'));
    expect(plain(entryOf(el, 'Узгодити доставку')!.querySelector('.meta')!.textContent)).to.contain('заплановано');
    await expect(el).to.be.accessible();
    const events: string[] = [];
    el.addEventListener('crm-interaction-change-request', (e) => events.push(`request:${(e as CrmInteractionChangeRequestEvent).action}`));
    const changed = oneEvent(el, 'crm-interaction-change');
    await press(buttonOf(entryOf(el, 'Узгодити доставку')!, 'Виконано')!);
    const event = (await changed) as unknown as CrmInteractionChangeEvent;
    expect(events).to.deep.equal(['request:complete']);
    expect(event.action).to.equal('complete');
    expect((await store.interactions.get(call.id))!.status).to.equal('done');
    expect((await store.reminders.forTarget('interaction', call.id))[0]!.status).to.equal('done');
    await waitUntil(() => !plain(entryOf(el, 'Узгодити доставку')?.textContent).includes('заплановано'));
    expect(buttonOf(entryOf(el, 'Узгодити доставку')!, 'Виконано')).to.equal(undefined);
    expect(announced(el)).to.equal('Позначено виконаним');
    await waitUntil(() => deepActive()?.getAttribute('data-index') === '0', 'the entry did not keep the focus');
  });

  it('shows a due reminder of a planned call as an in-page notice', async () => {
    const store = freshStore();
    const lead = await store.leads.create({ name: 'Олена Коваль' });
    const at = Date.now() + 10 * MINUTE;
    await store.interactions.register({ kind: 'call', direction: 'outgoing', status: 'planned', at, remindAt: Date.now() - MINUTE, subject: 'Передзвонити Олені', subjectRef: { type: 'lead', id: lead.id } });
    const el = await mount(store, { subjectType: 'lead', subjectId: lead.id });
    const notices = () => root(el).querySelector('crm-reminder-notices')!;
    await waitUntil(() => plain(notices().shadowRoot?.textContent).includes('Передзвонити Олені'), 'no reminder notice');
    await waitUntil(() => entryOf(el, 'Передзвонити Олені'));
    await expect(el).to.be.accessible();
    el.hideReminders = true;
    await el.updateComplete;
    expect(root(el).querySelector('crm-reminder-notices')).to.equal(null);
  });

  it('keeps an overdue planned call visible and marked “прострочено”; a vetoed completion writes nothing', async () => {
    const store = freshStore();
    const lead = await store.leads.create({ name: 'Олена Коваль' });
    const call = await store.interactions.register({ kind: 'call', direction: 'outgoing', status: 'planned', at: Date.now() - 3 * DAY, subject: 'Забутий дзвінок', subjectRef: { type: 'lead', id: lead.id } });
    await store.interactions.register({ kind: 'email', direction: 'incoming', at: Date.now() - HOUR, subject: 'Свіжий лист', subjectRef: { type: 'lead', id: lead.id } });
    const el = await mount(store, { subjectType: 'lead', subjectId: lead.id });
    await waitUntil(() => summaries(el).join() === 'Свіжий лист,Забутий дзвінок', `entries were ${summaries(el).join()}`);
    const meta = plain(entryOf(el, 'Забутий дзвінок')!.querySelector('.meta')!.textContent);
    expect(meta).to.contain('заплановано').and.to.contain('прострочено');
    expect(entryOf(el, 'Забутий дзвінок')!.querySelector('.day')).to.exist;
    await expect(el).to.be.accessible();
    el.addEventListener('crm-interaction-change-request', (e) => e.preventDefault(), { once: true });
    const vetoed = oneEvent(el, 'crm-interaction-change-request');
    await press(buttonOf(entryOf(el, 'Забутий дзвінок')!, 'Виконано')!);
    await vetoed;
    await settle(100);
    expect((await store.interactions.get(call.id))!.status).to.equal('planned');
  });

  it('registers a first call from an unknown number and makes a lead of the caller (A7)', async () => {
    const store = freshStore();
    const el = await mount(store);
    await waitUntil(() => root(el).querySelector('.state'));
    expect(inForm<HTMLSelectElement>(el, '#quick-direction').value).to.equal('incoming');
    await tabTo('quick-from');
    await sendKeys({ type: '067 765 43 21' });
    await tabTo('quick-subject');
    await sendKeys({ type: 'Питали про ціну кухні' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => entryOf(el, 'Питали про ціну кухні'));
    const entry = entryOf(el, 'Питали про ціну кухні')!;
    expect(plain(entry.textContent)).to.contain('Невідомий контакт: 067 765 43 21').and.to.contain('не опрацьовано');
    await expect(el).to.be.accessible();

    const [call] = (await store.interactions.list()).items;
    expect(call).to.include({ subjectType: 'unknown', from: '+380677654321', direction: 'incoming', processed: 0 });
    const events: string[] = [];
    el.addEventListener('crm-interaction-change-request', (e) => events.push(`request:${(e as CrmInteractionChangeRequestEvent).action}`));
    el.addEventListener('crm-interaction-change', (e) => events.push(`change:${(e as CrmInteractionChangeEvent).interaction.subjectType}`));
    const created = oneEvent(el, 'crm-lead-create');
    await press(buttonOf(entry, 'Створити ліда')!);
    const { lead } = (await created) as unknown as CrmLeadCreateEvent;
    expect(lead).to.include({ name: '067 765 43 21', status: 'new' });
    expect(lead.phones).to.deep.equal(['+380677654321']);
    expect(events).to.deep.equal(['request:create-lead', 'change:lead']);
    const moved = await store.interactions.get(call!.id);
    expect(moved).to.include({ subjectType: 'lead', subjectId: lead.id, processed: 1 });
    await waitUntil(() => !buttonOf(entryOf(el, 'Питали про ціну кухні')!, 'Створити ліда'));
    expect(announced(el)).to.equal('Створено ліда «067 765 43 21»');
  });

  it('unprocessed queue: “Опрацьовано” takes the entry out of the queue and the store’s count', async () => {
    const store = freshStore();
    const lead = await store.leads.create({ name: 'Олена Коваль' });
    const ref = { type: 'lead', id: lead.id } as const;
    await store.interactions.register({ kind: 'call', direction: 'incoming', at: Date.now() - 2 * HOUR, subject: 'Дзвінок 1', subjectRef: ref });
    await store.interactions.register({ kind: 'email', direction: 'incoming', at: Date.now() - HOUR, subject: 'Лист 2', subjectRef: ref });
    await store.interactions.register({ kind: 'call', direction: 'outgoing', subject: 'Вихідний', subjectRef: ref });
    const el = await mount(store, { mode: 'unprocessed' });
    await waitUntil(() => countText(el) === '2 взаємодії' && summaries(el).length === 2, `count was ${countText(el)}`);
    expect(plain(root(el).querySelector('.title')!.textContent)).to.equal('Неопрацьовані взаємодії');
    expect(summaries(el)).to.deep.equal(['Лист 2', 'Дзвінок 1']);
    await expect(el).to.be.accessible();
    await press(buttonOf(entryOf(el, 'Лист 2')!, 'Опрацьовано')!);
    await waitUntil(() => countText(el) === '1 взаємодія', `count was ${countText(el)}`);
    expect(summaries(el)).to.deep.equal(['Дзвінок 1']);
    expect(await store.interactions.unprocessedCount()).to.equal(1);
    await waitUntil(() => deepActive()?.getAttribute('data-index') === '0', 'the entry did not keep the focus');
    await press(buttonOf(entryOf(el, 'Дзвінок 1')!, 'Опрацьовано')!);
    await waitUntil(() => plain(root(el).querySelector('.state')?.textContent).startsWith('Усе опрацьовано'));
    expect(await store.interactions.unprocessedCount()).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('reschedules a planned meeting a day later in the dialog, by keyboard', async () => {
    const store = freshStore();
    const lead = await store.leads.create({ name: 'Олена Коваль' });
    const at = minute(Date.now() + 3 * DAY);
    const meeting = await store.interactions.register({ kind: 'meeting', status: 'planned', at, subject: 'Замір кухні', subjectRef: { type: 'lead', id: lead.id } });
    const el = await mount(store, { subjectType: 'lead', subjectId: lead.id });
    await waitUntil(() => entryOf(el, 'Замір кухні'));
    await press(buttonOf(entryOf(el, 'Замір кухні')!, 'Перенести')!);
    const dialog = root(el).querySelector('crm-interaction-reschedule-dialog')!;
    await waitUntil(() => dialog.shadowRoot!.querySelector('dialog')?.open);
    expect(deepActive()?.id).to.equal('reschedule-at');
    await expect(el).to.be.accessible();
    const changed = oneEvent(el, 'crm-interaction-change');
    const field = dialog.shadowRoot!.querySelector<HTMLInputElement>('#reschedule-at')!;
    await sendKeys({ press: 'ArrowUp' }); // the first segment (day or month, by the browser's locale) one up
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowUp' }); // and the second
    const moved = new Date(field.value);
    expect(moved.getTime()).not.to.equal(at);
    await sendKeys({ press: 'Enter' });
    expect(((await changed) as unknown as CrmInteractionChangeEvent).action).to.equal('reschedule');
    expect((await store.interactions.get(meeting.id))!.at).to.equal(moved.getTime());
    expect(dialog.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
    await waitUntil(() => announced(el).startsWith('Перенесено на'));

    // Escape leaves it as it was.
    await press(buttonOf(entryOf(el, 'Замір кухні')!, 'Перенести')!);
    await waitUntil(() => dialog.shadowRoot!.querySelector('dialog')?.open);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.shadowRoot!.querySelector('dialog')!.open);
    expect((await store.interactions.get(meeting.id))!.at).to.equal(moved.getTime());
  });

  it('filters by kind, direction and state; the count follows the store', async () => {
    const store = freshStore();
    const lead = await store.leads.create({ name: 'Олена Коваль' });
    const ref = { type: 'lead', id: lead.id } as const;
    const now = Date.now();
    await store.interactions.registerMany([
      { kind: 'call', direction: 'incoming', at: now - 4 * HOUR, subject: 'Вхідний дзвінок', subjectRef: ref },
      { kind: 'call', direction: 'outgoing', at: now - 3 * HOUR, subject: 'Вихідний дзвінок', subjectRef: ref },
      { kind: 'email', direction: 'incoming', at: now - 2 * HOUR, subject: 'Лист', subjectRef: ref },
      { kind: 'call', direction: 'outgoing', status: 'planned', at: now + DAY, subject: 'Запланований дзвінок', subjectRef: ref },
    ]);
    const el = await mount(store, { subjectType: 'lead', subjectId: lead.id });
    await waitUntil(() => countText(el) === '4 взаємодії' && summaries(el).length === 4);
    expect(plain(entries(el)[0]!.querySelector('.day')!.textContent)).to.equal('Завтра');
    root(el).querySelector<HTMLSelectElement>('#filter-kind')!.focus();
    await sendKeys({ press: 'ArrowDown' }); // Дзвінок
    await waitUntil(() => countText(el) === '3 взаємодії', `count was ${countText(el)}`);
    expect(el.kind).to.equal('call');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' }); // Вихідний
    await waitUntil(() => summaries(el).join() === 'Запланований дзвінок,Вихідний дзвінок', `entries were ${summaries(el).join()}`);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' }); // Заплановані
    await waitUntil(() => summaries(el).join() === 'Запланований дзвінок');
    expect((await store.interactions.timeline(ref, { kinds: ['call'], direction: 'outgoing', status: 'planned' })).length).to.equal(1);
    await expect(el).to.be.accessible();
    el.direction = 'none';
    await waitUntil(() => plain(root(el).querySelector('.state')?.textContent).startsWith('Нічого не знайдено'));
    await expect(el).to.be.accessible();
    await press(root(el).querySelector<HTMLButtonElement>('.state button')!);
    await waitUntil(() => countText(el) === '4 взаємодії');
  });

  it('unbound: filters the given interactions in memory, collapses long text, only fires requests, touches no store', async () => {
    const store = freshStore();
    let calls = 0;
    for (const repository of [store.interactions, store.leads, store.users] as unknown as Array<Record<string, unknown>>)
      for (const name of Object.keys(repository)) repository[name] = () => ((calls += 1), Promise.reject(new Error(`store.${name} called`)));
    const now = new Date().setHours(12, 0, 0, 0); // midday, so “an hour later” is still today whenever the test runs
    const item = (id: string, patch: Partial<Interaction>): Interaction => ({
      id, kind: 'call', direction: 'incoming', status: 'done', at: now, subject: id, subjectType: 'unknown', subjectId: '+380671234567', from: '+380671234567', participants: [], processed: 0, createdAt: now, updatedAt: now, ...patch,
    });
    const interactions = [
      item('Довгий лист', { kind: 'email', at: now - DAY, body: 'Дуже довгий текст листа. '.repeat(40), processed: 1 }),
      item('Дзвінок', { at: now - HOUR }),
      item('План', { kind: 'meeting', direction: 'none', status: 'planned', at: now + HOUR, processed: 1, authorId: 'u1' }),
    ];
    const wrapper = await fixture(html`<div><crm-provider database=${store.name}>
      <crm-interaction-log lang="en" theme="dark" .interactions=${interactions} .catalogues=${{ users: [{ id: 'u1', name: 'Olena', roles: [], active: 1, createdAt: now, updatedAt: now }] }}></crm-interaction-log>
    </crm-provider></div>`);
    const el = wrapper.querySelector('crm-interaction-log')!;
    await waitUntil(() => countText(el) === '3 interactions' && summaries(el).length === 3);
    expect(summaries(el)).to.deep.equal(['План', 'Дзвінок', 'Довгий лист']);
    expect(entries(el).map((entry) => plain(entry.querySelector('.day')?.textContent))).to.deep.equal(['Today', '', 'Yesterday']);
    expect(plain(entryOf(el, 'План')!.textContent)).to.contain('Logged by Olena');
    const text = entryOf(el, 'Довгий лист')!.querySelector<HTMLElement>('.text')!;
    expect(text.classList.contains('collapsed')).to.equal(true);
    await expect(el).to.be.accessible();
    await press(buttonOf(entryOf(el, 'Довгий лист')!, 'Show all')!);
    await waitUntil(() => !entryOf(el, 'Довгий лист')!.querySelector('.text.collapsed'));
    expect(buttonOf(entryOf(el, 'Довгий лист')!, 'Show less')!.getAttribute('aria-expanded')).to.equal('true');

    const request = oneEvent(el, 'crm-interaction-change-request');
    await press(buttonOf(entryOf(el, 'Дзвінок')!, 'Create a lead')!);
    expect(((await request) as unknown as CrmInteractionChangeRequestEvent).action).to.equal('create-lead');
    const created = oneEvent(el, 'crm-interaction-create-request');
    inForm<HTMLInputElement>(el, '#quick-from').focus();
    await sendKeys({ type: 'olena@example.com' });
    inForm<HTMLInputElement>(el, '#quick-subject').focus();
    await sendKeys({ type: 'Asked for a quote' });
    await sendKeys({ press: 'Enter' });
    expect(((await created) as unknown as CrmInteractionCreateRequestEvent).input).to.include({ from: 'olena@example.com', subject: 'Asked for a quote' });

    el.mode = 'unprocessed';
    await waitUntil(() => countText(el) === '1 interaction');
    expect(plain(root(el).querySelector('.title')!.textContent)).to.equal('Unprocessed interactions');
    await settle(100);
    expect(calls).to.equal(0);
    expect((await indexedDB.databases()).some((db) => db.name === store.name)).to.equal(false);
  });

  it('shows the loading and error states, and retries', async () => {
    const store = freshStore();
    const count = store.interactions.count;
    store.interactions.count = () => new Promise(() => {});
    const loading = await mount(store);
    await loading.updateComplete;
    expect(plain(root(loading).querySelector('.state')!.textContent)).to.equal('Завантаження…');
    expect(loading.matches(':state(loading)')).to.equal(true);
    await expect(loading).to.be.accessible();

    let fail = true;
    store.interactions.count = (options) => (fail ? Promise.reject(new CrmError('STORAGE', 'error.storage')) : count(options));
    const failed = await mount(store, { lang: 'en', theme: 'dark' });
    await waitUntil(() => root(failed).querySelector('[role=alert]'));
    expect(plain(root(failed).querySelector('[role=alert]')!.textContent)).to.contain('Could not load the data');
    await expect(failed).to.be.accessible();
    fail = false;
    await store.interactions.register({ kind: 'sms', direction: 'outgoing', subject: 'Нагадали про оплату', from: '0671234567' });
    await press(root(failed).querySelector<HTMLButtonElement>('[role=alert] button')!);
    await waitUntil(() => countText(failed) === '1 interaction');
  });

  it('moves between entries with the arrow keys and clicks with the mouse', async () => {
    const store = freshStore();
    const lead = await store.leads.create({ name: 'Олена Коваль' });
    const ref = { type: 'lead', id: lead.id } as const;
    await store.interactions.registerMany([1, 2, 3].map((n) => ({ kind: 'sms' as const, direction: 'outgoing' as const, at: Date.now() - n * HOUR, subject: `SMS ${n}`, subjectRef: ref })));
    const el = await mount(store, { subjectType: 'lead', subjectId: lead.id });
    await waitUntil(() => summaries(el).length === 3);
    const box = entries(el)[1]!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Shift+Tab' });
    entries(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => deepActive()?.getAttribute('data-index') === '1');
    await sendKeys({ press: 'End' });
    await waitUntil(() => deepActive()?.getAttribute('data-index') === '2');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => deepActive()?.getAttribute('data-index') === '0');
  });
});

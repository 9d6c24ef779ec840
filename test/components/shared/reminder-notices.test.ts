import { ContextProvider } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/shared/reminder-notices.js';
import type { CrmReminderNotices } from '../../../src/components/shared/reminder-notices.js';
import { storeContext } from '../../../src/context/store-context.js';
import type { DueReminder } from '../../../src/controllers/reminder-controller.js';
import type { CrmStore, Reminder } from '../../../src/store/index.js';
import { plain } from '../../support/dom.js';
import { deleteTestStores, settle, waitUntil } from '../../support/fixtures.js';
import { testStore } from '../../support/store.js';

// 10 March 2026, 10:00 in Kyiv (UTC+2).
const START = Date.UTC(2026, 2, 10, 8, 0);
const MINUTE = 60_000;

/** The element inside a plain host providing `store` (a store with a pinned clock), plus an outside button that holds focus. */
async function mount(store: CrmStore | undefined, now: () => number, lang = 'uk', data?: DueReminder[]) {
  const host = await fixture<HTMLDivElement>(html`<div><button id="outside">outside</button></div>`);
  if (store) new ContextProvider(host, { context: storeContext, initialValue: store });
  const el = document.createElement('crm-reminder-notices');
  el.lang = lang;
  el.now = now;
  if (data) el.reminders = data;
  host.append(el);
  await el.updateComplete;
  return { el, outside: host.querySelector<HTMLButtonElement>('#outside')! };
}

const notices = (el: CrmReminderNotices) => [...el.shadowRoot!.querySelectorAll('li')].map((li) => plain(li.querySelector('.what')!.textContent));
const statusOf = (el: CrmReminderNotices) => plain(el.shadowRoot!.querySelector('[role="status"]')!.textContent);
const button = (el: CrmReminderNotices, index: number, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>(`li:nth-child(${index + 1}) button`)].find((b) => plain(b.textContent) === name)!;
const recheck = () => document.dispatchEvent(new Event('visibilitychange'));

/** A planned call with a reminder, written through the store. */
async function plannedCall(store: CrmStore, subject: string, remindAt: number) {
  const call = await store.interactions.register({ kind: 'call', direction: 'outgoing', status: 'planned', at: remindAt + 15 * MINUTE, subject, from: '067 123 45 67', remindAt });
  const [reminder] = await store.reminders.forTarget('interaction', call.id);
  return { call, reminder: reminder! };
}

describe('crm-reminder-notices (bound)', () => {
  afterEach(deleteTestStores);

  it('shows a reminder that falls due while the page is open, without taking focus', async () => {
    const { store, clock, tick } = testStore('reminders', START);
    await store.notes.create({ text: 'Перевірити оплату', remindAt: START - MINUTE });
    await plannedCall(store, 'Подзвонити Олені', START + 15 * MINUTE);
    const { el, outside } = await mount(store, () => clock.now);
    await waitUntil(() => notices(el).length === 1, 'the due note is not shown');
    expect(notices(el)).to.deep.equal(['Нотатка Перевірити оплату']);
    outside.focus();

    tick(15 * MINUTE);
    recheck();
    await waitUntil(() => notices(el).length === 2, 'the call did not appear once due');
    expect(notices(el)).to.deep.equal(['Нотатка Перевірити оплату', 'Дзвінок Подзвонити Олені']);
    const when = plain(el.shadowRoot!.querySelector('li:nth-child(2) .when')!.textContent);
    expect(when).to.match(/10 бер\. 2026 р\., 10:30 \(через 15 хвилин\)/);
    expect(statusOf(el)).to.equal('Нагадування: Подзвонити Олені');
    expect(plain(el.shadowRoot!.querySelector('[role="heading"]')!.textContent)).to.equal('Нагадування (2)');
    expect(document.activeElement).to.equal(outside);
    expect(el.dueReminders.map((due) => due.target?.type)).to.deep.equal(['note', 'interaction']);
  });

  it('arms a timer for the next due time: a reminder appears on time with the real clock, nothing polled', async () => {
    const { store } = testStore('reminders');
    const { el } = await mount(store, Date.now);
    await plannedCall(store, 'Передзвонити', Date.now() + 700);
    await settle(300);
    expect(notices(el)).to.deep.equal([]);
    await waitUntil(() => notices(el).length === 1, 'the reminder did not appear on time', { timeout: 3000 });
    expect(notices(el)).to.deep.equal(['Дзвінок Передзвонити']);
  });

  it('snoozes by keyboard: writes the new time, hides the notice until then, Escape closes the menu', async () => {
    const { store, clock, tick } = testStore('reminders', START);
    const { call, reminder } = await plannedCall(store, 'Подзвонити Олені', START - MINUTE);
    const { el, outside } = await mount(store, () => clock.now);
    await waitUntil(() => notices(el).length === 1);
    const events: string[] = [];
    for (const type of ['crm-reminder-snooze-request', 'crm-reminder-snooze']) el.addEventListener(type, (e) => events.push(e.type));

    outside.focus();
    await sendKeys({ press: 'Tab' });
    const toggle = button(el, 0, 'Відкласти');
    expect(el.shadowRoot!.activeElement).to.equal(toggle);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(plain(el.shadowRoot!.activeElement!.textContent)).to.equal('на 10 хвилин');
    expect([...el.shadowRoot!.querySelectorAll('.menu button')].map((b) => plain(b.textContent))).to.deep.equal(['на 10 хвилин', 'на 1 годину', 'до завтра, 09:00']);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.menu')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(toggle);

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => notices(el).length === 0, 'the snoozed notice is still shown');
    expect(events).to.deep.equal(['crm-reminder-snooze-request', 'crm-reminder-snooze']);
    expect((await store.reminders.get(reminder.id))!).to.include({ status: 'pending', dueAt: START + 60 * MINUTE });
    expect((await store.interactions.get(call.id))!.remindAt).to.equal(START + 60 * MINUTE);
    expect(statusOf(el)).to.equal('«Подзвонити Олені» відкладено до 10 бер. 2026 р., 11:00');
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('[role="status"]'));

    tick(30 * MINUTE);
    recheck();
    await settle();
    expect(notices(el)).to.deep.equal([]);
    tick(30 * MINUTE);
    recheck();
    await waitUntil(() => notices(el).length === 1, 'the snoozed reminder did not come back');
  });

  it('snoozes until tomorrow 9:00 local time', async () => {
    const { store, clock } = testStore('reminders', START);
    const { reminder } = await plannedCall(store, 'Зустріч', START);
    const { el } = await mount(store, () => clock.now, 'en');
    await waitUntil(() => notices(el).length === 1);
    button(el, 0, 'Snooze').click();
    await el.updateComplete;
    const tomorrow = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.menu button')[2]!;
    expect(plain(tomorrow.textContent)).to.equal('until tomorrow, 9:00 AM');
    tomorrow.click();
    await waitUntil(() => notices(el).length === 0);
    expect((await store.reminders.get(reminder.id))!.dueAt).to.equal(Date.UTC(2026, 2, 11, 7, 0));
  });

  it('dismisses: writes, hides, and moves focus to the next notice', async () => {
    const { store, clock } = testStore('reminders', START);
    const first = await plannedCall(store, 'Перший', START - 2 * MINUTE);
    const second = await plannedCall(store, 'Другий', START - MINUTE);
    const { el } = await mount(store, () => clock.now);
    await waitUntil(() => notices(el).length === 2);
    let dismissed: Reminder | undefined;
    el.addEventListener('crm-reminder-dismiss', (e) => (dismissed = e.reminder));
    button(el, 0, 'Закрити').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => notices(el).length === 1, 'the dismissed notice is still shown');
    expect(notices(el)).to.deep.equal(['Дзвінок Другий']);
    expect(dismissed).to.include({ id: first.reminder.id, status: 'dismissed' });
    expect((await store.reminders.get(first.reminder.id))!.status).to.equal('dismissed');
    expect((await store.reminders.get(second.reminder.id))!.status).to.equal('pending');
    await waitUntil(() => el.shadowRoot!.activeElement === button(el, 0, 'Закрити'), 'focus did not move to the next notice');
  });

  it('moves focus to the next notice when embedded in another element’s shadow root', async () => {
    const { store, clock } = testStore('reminders', START);
    await plannedCall(store, 'Перший', START - 2 * MINUTE);
    await plannedCall(store, 'Другий', START - MINUTE);
    const outer = await fixture<HTMLDivElement>(html`<div></div>`);
    new ContextProvider(outer, { context: storeContext, initialValue: store });
    const el = document.createElement('crm-reminder-notices');
    el.now = () => clock.now;
    outer.attachShadow({ mode: 'open' }).append(el);
    await waitUntil(() => notices(el).length === 2);
    button(el, 0, 'Закрити').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => notices(el).length === 1);
    await waitUntil(() => el.shadowRoot!.activeElement === button(el, 0, 'Закрити'), 'focus did not move to the next notice');
  });

  it('writes nothing when the request is cancelled', async () => {
    const { store, clock } = testStore('reminders', START);
    const { reminder } = await plannedCall(store, 'Подзвонити', START);
    const { el } = await mount(store, () => clock.now);
    await waitUntil(() => notices(el).length === 1);
    el.addEventListener('crm-reminder-dismiss-request', (e) => e.preventDefault());
    button(el, 0, 'Закрити').click();
    await settle();
    expect(notices(el)).to.deep.equal(['Дзвінок Подзвонити']);
    expect((await store.reminders.get(reminder.id))!.status).to.equal('pending');
  });

  it('passes axe with notices shown, in uk light and en dark', async () => {
    const { store, clock } = testStore('reminders', START);
    await plannedCall(store, 'Дуже довга назва дзвінка, що не вміщається в один рядок і має переноситися без переповнення', START);
    await store.notes.create({ text: 'Нотатка', remindAt: START });
    for (const [lang, theme] of [['uk', 'light'], ['en', 'dark']] as const) {
      const { el } = await mount(store, () => clock.now, lang);
      el.theme = theme;
      await waitUntil(() => notices(el).length === 2);
      await expect(el).to.be.accessible();
    }
  });
});

describe('crm-reminder-notices system notifications', () => {
  const original = window.Notification;
  const shown: Array<{ title: string; options?: NotificationOptions }> = [];
  let permission: NotificationPermission = 'granted';
  let asked = 0;
  class FakeNotification {
    static get permission() {
      return permission;
    }
    static async requestPermission() {
      asked += 1;
      permission = 'granted';
      return permission;
    }
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, options });
    }
  }
  beforeEach(() => {
    shown.length = 0;
    asked = 0;
    (window as { Notification: unknown }).Notification = FakeNotification;
  });
  afterEach(async () => {
    window.Notification = original;
    await deleteTestStores();
  });

  it('shows one system notification per reminder that falls due, only with permission granted', async () => {
    permission = 'granted';
    const { store, clock, tick } = testStore('reminders', START);
    await store.notes.create({ text: 'Уже була', remindAt: START - MINUTE });
    const { reminder } = await plannedCall(store, 'Подзвонити Олені', START + MINUTE);
    const { el } = await mount(store, () => clock.now);
    await waitUntil(() => notices(el).length === 1);
    tick(2 * MINUTE);
    recheck();
    await waitUntil(() => notices(el).length === 2);
    recheck();
    await settle();
    expect(shown.map((n) => [n.title, n.options?.tag])).to.deep.equal([['Дзвінок: Подзвонити Олені', reminder.id]]);
    expect(el.shadowRoot!.querySelector('.enable')).to.equal(null);
    expect(asked).to.equal(0);
  });

  it('shows none without permission, and asks only when the user presses “Enable notifications”', async () => {
    permission = 'default';
    const { store, clock, tick } = testStore('reminders', START);
    await plannedCall(store, 'Подзвонити', START + MINUTE);
    const { el } = await mount(store, () => clock.now);
    tick(2 * MINUTE);
    recheck();
    await waitUntil(() => notices(el).length === 1);
    expect(shown).to.deep.equal([]);
    expect(asked).to.equal(0);
    await expect(el).to.be.accessible();
    const enable = el.shadowRoot!.querySelector<HTMLButtonElement>('.enable')!;
    expect(plain(enable.textContent)).to.equal('Увімкнути сповіщення');
    enable.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => statusOf(el) === 'Системні сповіщення увімкнено');
    expect(asked).to.equal(1);
    expect(el.shadowRoot!.querySelector('.enable')).to.equal(null);
  });
});

describe('crm-reminder-notices (unbound)', () => {
  afterEach(deleteTestStores);

  it('shows plain data as it falls due, fires only the request events and touches no store', async () => {
    const { store, clock, tick } = testStore('reminders', START);
    const touched: string[] = [];
    for (const name of ['due', 'upcoming', 'snooze', 'dismiss'] as const) {
      const read = store.reminders[name] as (...args: unknown[]) => unknown;
      (store.reminders as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => (touched.push(name), read(...args));
    }
    const row = (id: string, dueAt: number, text: string): DueReminder => ({
      reminder: { id, dueAt, status: 'pending', targetType: 'task', targetId: `t-${id}`, text, createdAt: 0, updatedAt: 0 },
    });
    const data = [row('a', START - MINUTE, 'Підписати договір'), row('b', START + MINUTE, 'Надіслати рахунок')];
    const { el } = await mount(store, () => clock.now, 'uk', data);
    expect(notices(el)).to.deep.equal(['Завдання Підписати договір']);
    tick(MINUTE);
    recheck();
    await el.updateComplete;
    expect(notices(el)).to.deep.equal(['Завдання Підписати договір', 'Завдання Надіслати рахунок']);

    const requests: Array<[string, number | undefined]> = [];
    el.addEventListener('crm-reminder-dismiss-request', (e) => requests.push([e.reminder.id, undefined]));
    el.addEventListener('crm-reminder-snooze-request', (e) => requests.push([e.reminder.id, e.until]));
    button(el, 0, 'Закрити').click();
    button(el, 1, 'Відкласти').click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.menu button')!.click();
    expect(requests).to.deep.equal([['a', undefined], ['b', START + 11 * MINUTE]]);
    el.reminders = [data[1]!];
    await el.updateComplete;
    expect(notices(el)).to.deep.equal(['Завдання Надіслати рахунок']);
    await expect(el).to.be.accessible();
    expect(touched).to.deep.equal([]);
  });
});

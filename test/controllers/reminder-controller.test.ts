import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ReminderController } from '../../src/controllers/reminder-controller.js';
import type { CrmStore } from '../../src/store/index.js';
import { deleteTestStores, settle, waitUntil } from '../support/fixtures.js';
import { testStore } from '../support/store.js';

const START = Date.UTC(2026, 2, 10, 8, 0);
const MINUTE = 60_000;

/** A bare host counting its updates, watching `store` with `now`. */
class ReminderHost extends LitElement {
  store!: CrmStore;
  now: () => number = Date.now;
  userId: string | undefined;
  updates = 0;
  readonly reminders = new ReminderController(this, { store: () => this.store, now: () => this.now(), userId: () => this.userId });
  protected override updated(): void {
    this.updates += 1;
  }
}
customElements.define('reminder-controller-host', ReminderHost);

async function host(store: CrmStore, now: () => number, userId?: string) {
  const el = document.createElement('reminder-controller-host') as ReminderHost;
  Object.assign(el, { store, now, userId });
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.append(el);
  await waitUntil(() => el.reminders.status === 'complete', 'no first result');
  return el;
}

const ids = (el: ReminderHost) => el.reminders.due.map((due) => due.reminder.id);

describe('ReminderController', () => {
  afterEach(deleteTestStores);

  it('reads the due reminders with their targets, oldest first, and only the user’s when told', async () => {
    const { store, clock } = testStore('reminder-controller', START);
    const user = await store.users.create({ name: 'Олена Коваль', roles: ['manager'] });
    const note = await store.notes.create({ text: 'Оплата', remindAt: START - MINUTE, authorId: user.id });
    const call = await store.interactions.register({ kind: 'call', status: 'planned', at: START, subject: 'Дзвінок', from: '0671234567', remindAt: START - 2 * MINUTE });
    await store.notes.create({ text: 'Пізніше', remindAt: START + MINUTE });
    const el = await host(store, () => clock.now);
    expect(el.reminders.due.map((due) => [due.target?.type, due.target?.record.id])).to.deep.equal([
      ['interaction', call.id],
      ['note', note.id],
    ]);
    const mine = await host(store, () => clock.now, user.id);
    expect(mine.reminders.due.map((due) => due.target?.record.id)).to.deep.equal([note.id]);
  });

  it('re-arms its timer when the data changes: a reminder added for soon appears on time', async () => {
    const { store } = testStore('reminder-controller');
    const el = await host(store, Date.now);
    expect(ids(el)).to.deep.equal([]);
    const note = await store.notes.create({ text: 'Скоро', remindAt: Date.now() + 500 });
    await settle(200);
    expect(ids(el)).to.deep.equal([]);
    await waitUntil(() => ids(el).length === 1, 'the reminder did not fall due', { timeout: 3000 });
    const [reminder] = await store.reminders.forTarget('note', note.id);
    expect(ids(el)).to.deep.equal([reminder!.id]);
  });

  it('does not poll: with nothing due, the host is not updated while it waits', async () => {
    const { store } = testStore('reminder-controller');
    await store.notes.create({ text: 'Через годину', remindAt: Date.now() + 3600_000 });
    const el = await host(store, Date.now);
    await settle(100);
    const updates = el.updates;
    await settle(1500);
    expect(el.updates).to.equal(updates);
  });

  it('stops on disconnect: no timer, no live query', async () => {
    const { store } = testStore('reminder-controller');
    const el = await host(store, Date.now);
    await store.notes.create({ text: 'Скоро', remindAt: Date.now() + 400 });
    await settle(100);
    el.remove();
    const updates = el.updates;
    await store.notes.create({ text: 'Ще одна', remindAt: Date.now() - 1 });
    await settle(800);
    expect(el.updates).to.equal(updates);
    expect(ids(el)).to.deep.equal([]);
  });

  it('checks again when the tab becomes visible (a clock moved on while hidden)', async () => {
    const { store, clock, tick } = testStore('reminder-controller', START);
    await store.notes.create({ text: 'Пізніше', remindAt: START + 10 * MINUTE });
    const el = await host(store, () => clock.now);
    expect(ids(el)).to.deep.equal([]);
    tick(10 * MINUTE);
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => ids(el).length === 1, 'not re-checked on visibilitychange');
  });
});

import { expect } from '@open-wc/testing';
import type { CrmStore } from '../../src/store/index.js';
import { deleteTestStores } from '../support/fixtures.js';
import { counterpartyRow, refused, testStore, userRow } from '../support/store.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2025, 2, 10, 8, 0);

const OLENA = 'u-olena';
const ANDRII = 'u-andrii';
const PODILLIA = { type: 'counterparty', id: 'cp-podillia' } as const;

async function harness() {
  const { store, db, clock } = testStore('reminders', T0);
  const at = T0 - DAY;
  await db.users.bulkAdd([userRow({ id: OLENA, name: 'Олена Коваль' }, at), userRow({ id: ANDRII, name: 'Андрій Шевченко' }, at)]);
  await db.counterparties.add(counterpartyRow({ id: PODILLIA.id, name: 'ТОВ «Меблі Поділля»' }, at));
  return { store, db, clock };
}

/** A planned call with a reminder `remindIn` from T0, by `authorId`. */
async function plannedCall(store: CrmStore, subject: string, remindIn: number, authorId = OLENA) {
  return store.interactions.register({
    kind: 'call',
    direction: 'outgoing',
    status: 'planned',
    at: T0 + remindIn + 15 * MINUTE,
    remindAt: T0 + remindIn,
    subject,
    subjectRef: PODILLIA,
    authorId,
  });
}

afterEach(deleteTestStores);

describe('reminders.due / dueCount / upcoming', () => {
  it('lists pending reminders due by now, oldest first, and counts them', async () => {
    const { store } = await harness();
    await plannedCall(store, 'Через годину', HOUR);
    await plannedCall(store, 'Пів години тому', -30 * MINUTE);
    await plannedCall(store, 'Зараз', 0, ANDRII);
    await plannedCall(store, 'Годину тому', -HOUR);
    const due = await store.reminders.due(T0);
    expect(due.map((r) => r.text)).to.deep.equal(['Годину тому', 'Пів години тому', 'Зараз']);
    expect(due.every((r) => r.status === 'pending' && r.targetType === 'interaction')).to.equal(true);
    expect(await store.reminders.dueCount(T0)).to.equal(3);
    expect((await store.reminders.due(T0, { userId: ANDRII })).map((r) => r.text)).to.deep.equal(['Зараз']);
    expect(await store.reminders.dueCount(T0, { userId: OLENA })).to.equal(2);
  });

  it('leaves dismissed and done reminders out', async () => {
    const { store } = await harness();
    const first = await plannedCall(store, 'Перший', -HOUR);
    const second = await plannedCall(store, 'Другий', -HOUR);
    await plannedCall(store, 'Третій', -HOUR);
    const [r1] = await store.reminders.forTarget('interaction', first.id);
    const [r2] = await store.reminders.forTarget('interaction', second.id);
    await store.reminders.dismiss(r1!.id);
    await store.reminders.done(r2!.id);
    expect((await store.reminders.due(T0)).map((r) => r.text)).to.deep.equal(['Третій']);
  });

  it('lists the upcoming ones in a window, earliest first', async () => {
    const { store } = await harness();
    await plannedCall(store, 'Завтра', DAY);
    await plannedCall(store, 'За дві години', 2 * HOUR);
    await plannedCall(store, 'За годину', HOUR);
    await plannedCall(store, 'Вже', -HOUR);
    expect((await store.reminders.upcoming(T0, T0 + 3 * HOUR)).map((r) => r.text)).to.deep.equal(['За годину', 'За дві години']);
    expect(await store.reminders.upcoming(T0 + HOUR, T0)).to.deep.equal([]);
  });
});

describe('reminders.snooze', () => {
  it('moves a pending reminder later, keeps it pending, and moves the interaction’s remindAt with it', async () => {
    const { store, db, clock } = await harness();
    const call = await plannedCall(store, 'Передзвонити директору', 0);
    const [reminder] = await store.reminders.forTarget('interaction', call.id);
    clock.now = T0 + MINUTE;
    const snoozed = await store.reminders.snooze(reminder!.id, T0 + 10 * MINUTE);
    expect(snoozed).to.include({ dueAt: T0 + 10 * MINUTE, status: 'pending', updatedAt: T0 + MINUTE });
    expect(await db.reminders.get(reminder!.id)).to.deep.equal(snoozed);
    expect(await store.reminders.due(T0 + MINUTE)).to.deep.equal([]);
    expect((await store.interactions.get(call.id))!.remindAt).to.equal(T0 + 10 * MINUTE);
    expect((await db.interactions.get(call.id))!.participantKeys).to.deep.equal(['counterparty:cp-podillia']);
  });

  it('moves a note’s remindAt too', async () => {
    const { store } = await harness();
    const note = await store.notes.create({ text: 'Оплатити оренду складу', remindAt: T0 });
    const [reminder] = await store.reminders.forTarget('note', note.id);
    await store.reminders.snooze(reminder!.id, T0 + DAY);
    expect((await store.notes.get(note.id))!.remindAt).to.equal(T0 + DAY);
  });

  it('refuses a bad time, an unknown id and a reminder no longer pending, and changes nothing', async () => {
    const { store, db } = await harness();
    const call = await plannedCall(store, 'Дзвінок', 0);
    const [reminder] = await store.reminders.forTarget('interaction', call.id);
    await store.reminders.dismiss(reminder!.id);
    const before = { reminders: await db.reminders.toArray(), interactions: await db.interactions.toArray() };
    expect(await refused(store.reminders.snooze(reminder!.id, T0 + HOUR))).to.include({
      code: 'INVALID_STATE',
      field: 'status',
      messageKey: 'error.invalidTransition',
    });
    expect(await refused(store.reminders.snooze(reminder!.id, -1))).to.include({ code: 'VALIDATION', field: 'until' });
    expect(await refused(store.reminders.snooze('nothing', T0 + HOUR))).to.include({ code: 'NOT_FOUND', field: 'id' });
    expect({ reminders: await db.reminders.toArray(), interactions: await db.interactions.toArray() }).to.deep.equal(before);
  });
});

describe('reminders.dismiss / done', () => {
  it('closes a pending reminder once, and refuses to close it again', async () => {
    const { store, db, clock } = await harness();
    const call = await plannedCall(store, 'Дзвінок', 0);
    const note = await store.notes.create({ text: 'Нотатка', remindAt: T0 });
    const [callReminder] = await store.reminders.forTarget('interaction', call.id);
    const [noteReminder] = await store.reminders.forTarget('note', note.id);
    clock.now = T0 + MINUTE;
    expect(await store.reminders.dismiss(callReminder!.id)).to.include({ status: 'dismissed', updatedAt: T0 + MINUTE });
    expect(await store.reminders.done(noteReminder!.id)).to.include({ status: 'done' });
    expect((await db.reminders.get(callReminder!.id))!.status).to.equal('dismissed');
    expect((await db.reminders.get(noteReminder!.id))!.status).to.equal('done');
    expect(await refused(store.reminders.done(callReminder!.id))).to.include({ code: 'INVALID_STATE', field: 'status' });
    expect(await refused(store.reminders.dismiss(noteReminder!.id))).to.include({ code: 'INVALID_STATE', field: 'status' });
    expect(await refused(store.reminders.dismiss('nothing'))).to.include({ code: 'NOT_FOUND', field: 'id' });
    expect((await db.reminders.get(callReminder!.id))!.status).to.equal('dismissed');
  });
});

describe('reminders.forTarget / get', () => {
  it('lists the reminders of one interaction or note only', async () => {
    const { store } = await harness();
    const call = await plannedCall(store, 'Дзвінок', HOUR);
    await plannedCall(store, 'Інший дзвінок', HOUR);
    const reminders = await store.reminders.forTarget('interaction', call.id);
    expect(reminders).to.have.length(1);
    expect(reminders[0]).to.include({ targetId: call.id, dueAt: T0 + HOUR });
    expect(await store.reminders.get(reminders[0]!.id)).to.deep.equal(reminders[0]);
    expect(await store.reminders.forTarget('note', call.id)).to.deep.equal([]);
  });
});

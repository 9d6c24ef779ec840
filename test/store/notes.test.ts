import { expect } from '@open-wc/testing';
import { CrmDatabase, CrmError, createStore, type CrmStore } from '../../src/store/index.js';
import { createStoreContext } from '../../src/store/context.js';
import { reassignNotes } from '../../src/store/notes.js';
import { deleteTestStores, uniqueDatabaseName } from '../support/fixtures.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2025, 2, 10, 8, 0);

const OLENA = 'u-olena';
const ANDRII = 'u-andrii';
const PODILLIA = { type: 'counterparty', id: 'cp-podillia' } as const;
const MARIA = { type: 'lead', id: 'ld-maria' } as const;

interface Harness {
  store: CrmStore;
  db: CrmDatabase;
  clock: { now: number };
}

const open: CrmDatabase[] = [];

async function harness(): Promise<Harness> {
  const db = new CrmDatabase(uniqueDatabaseName('notes'));
  open.push(db);
  const clock = { now: T0 };
  const store = createStore(db, { now: () => clock.now });
  const t = { createdAt: T0 - DAY, updatedAt: T0 - DAY };
  const channels = { phones: [], emails: [], messengers: [] };
  await db.users.bulkAdd([
    { id: OLENA, name: 'Олена Коваль', roles: ['manager'], active: 1, ...t },
    { id: ANDRII, name: 'Андрій Шевченко', roles: ['manager'], active: 1, ...t },
  ]);
  await db.counterparties.add({
    id: PODILLIA.id,
    kind: 'legal',
    name: 'ТОВ «Меблі Поділля»',
    addresses: [],
    tags: [],
    relationshipStage: 'regular',
    archived: 0,
    searchTokens: [],
    ...channels,
    ...t,
  });
  await db.leads.add({ id: MARIA.id, name: 'Марія Гнатюк', status: 'new', tags: [], searchTokens: [], ...channels, ...t });
  return { store, db, clock };
}

async function snapshot(db: CrmDatabase) {
  return { notes: await db.notes.toArray(), reminders: await db.reminders.toArray() };
}

async function refusal(promise: Promise<unknown>): Promise<CrmError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the operation should have been refused').to.be.instanceOf(CrmError);
  return error as CrmError;
}

afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  await deleteTestStores();
});

describe('notes.create', () => {
  it('writes a note about a subject', async () => {
    const { store, db } = await harness();
    const note = await store.notes.create({ text: '  Директор просить дзвонити після 14:00  ', authorId: OLENA, subjectRef: PODILLIA });
    expect(note).to.deep.equal({
      id: note.id,
      text: 'Директор просить дзвонити після 14:00',
      authorId: OLENA,
      subjectType: 'counterparty',
      subjectId: PODILLIA.id,
      createdAt: T0,
      updatedAt: T0,
    });
    expect(await db.notes.get(note.id)).to.deep.equal(note);
    expect(await db.reminders.count()).to.equal(0);
  });

  it('writes its reminder in the same transaction', async () => {
    const { store, db } = await harness();
    const note = await store.notes.create({ text: 'Перевірити оплату рахунку №154', authorId: ANDRII, remindAt: T0 + DAY });
    expect(note.remindAt).to.equal(T0 + DAY);
    expect(await db.reminders.toArray()).to.deep.equal([
      {
        id: (await db.reminders.toArray())[0]!.id,
        dueAt: T0 + DAY,
        status: 'pending',
        targetType: 'note',
        targetId: note.id,
        text: 'Перевірити оплату рахунку №154',
        userId: ANDRII,
        createdAt: T0,
        updatedAt: T0,
      },
    ]);
  });

  it('refuses bad input and missing records, naming the field, and writes nothing', async () => {
    const { store, db } = await harness();
    const before = await snapshot(db);
    expect(await refusal(store.notes.create({ text: '   ' }))).to.include({ code: 'VALIDATION', field: 'text', messageKey: 'error.required' });
    expect(await refusal(store.notes.create({ text: 'я'.repeat(10_001) }))).to.include({ code: 'VALIDATION', field: 'text', messageKey: 'error.tooLong' });
    expect(await refusal(store.notes.create({ text: 'Нотатка', remindAt: -1 }))).to.include({ code: 'VALIDATION', field: 'remindAt' });
    expect(await refusal(store.notes.create({ text: 'Нотатка', remindAt: T0, authorId: 'u-nobody' }))).to.include({
      code: 'NOT_FOUND',
      field: 'authorId',
    });
    expect(await refusal(store.notes.create({ text: 'Нотатка', remindAt: T0, subjectRef: { type: 'deal', id: 'dl-nobody' } }))).to.include({
      code: 'NOT_FOUND',
      field: 'subjectRef.id',
    });
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('notes.update', () => {
  it('changes the text and renames the pending reminder', async () => {
    const { store, db, clock } = await harness();
    const note = await store.notes.create({ text: 'Замовити зразки', remindAt: T0 + DAY });
    clock.now = T0 + HOUR;
    const updated = await store.notes.update(note.id, { text: 'Замовити зразки фасадів у Луцьку' });
    expect(updated).to.include({ text: 'Замовити зразки фасадів у Луцьку', remindAt: T0 + DAY, updatedAt: T0 + HOUR, createdAt: T0 });
    expect(await db.notes.get(note.id)).to.deep.equal(updated);
    expect((await db.reminders.toArray()).map((r) => [r.text, r.dueAt])).to.deep.equal([['Замовити зразки фасадів у Луцьку', T0 + DAY]]);
  });

  it('moves, adds and removes the reminder', async () => {
    const { store } = await harness();
    const note = await store.notes.create({ text: 'Привітати з днем народження' });
    await store.notes.update(note.id, { remindAt: T0 + DAY });
    expect((await store.reminders.forTarget('note', note.id)).map((r) => r.dueAt)).to.deep.equal([T0 + DAY]);
    await store.notes.update(note.id, { remindAt: T0 + 2 * DAY });
    expect((await store.reminders.forTarget('note', note.id)).map((r) => [r.dueAt, r.status])).to.deep.equal([[T0 + 2 * DAY, 'pending']]);
    const cleared = await store.notes.update(note.id, { remindAt: null });
    expect(cleared).not.to.have.property('remindAt');
    expect(await store.reminders.forTarget('note', note.id)).to.deep.equal([]);
  });

  it('refuses an empty text or an unknown note, and changes nothing', async () => {
    const { store, db } = await harness();
    const note = await store.notes.create({ text: 'Нотатка', remindAt: T0 + DAY });
    const before = await snapshot(db);
    expect(await refusal(store.notes.update(note.id, { text: '' }))).to.include({ code: 'VALIDATION', field: 'text' });
    expect(await refusal(store.notes.update('nothing', { text: 'Нова' }))).to.include({ code: 'NOT_FOUND', field: 'id' });
    expect(await snapshot(db)).to.deep.equal(before);
  });
});

describe('notes.remove', () => {
  it('deletes the note and every reminder of it', async () => {
    const { store, db } = await harness();
    const note = await store.notes.create({ text: 'Тимчасова нотатка', remindAt: T0 + DAY });
    const kept = await store.notes.create({ text: 'Інша нотатка', remindAt: T0 + DAY });
    await store.notes.remove(note.id);
    expect(await store.notes.get(note.id)).to.equal(undefined);
    expect((await db.reminders.toArray()).map((r) => r.targetId)).to.deep.equal([kept.id]);
    expect(await refusal(store.notes.remove(note.id))).to.include({ code: 'NOT_FOUND', field: 'id' });
  });
});

describe('notes reads', () => {
  it('lists notes by subject and by author, newest first', async () => {
    const { store, clock } = await harness();
    const first = await store.notes.create({ text: 'Перша', authorId: OLENA, subjectRef: PODILLIA });
    clock.now = T0 + HOUR;
    const second = await store.notes.create({ text: 'Друга', authorId: ANDRII, subjectRef: PODILLIA });
    clock.now = T0 + 2 * HOUR;
    const third = await store.notes.create({ text: 'Третя', authorId: OLENA });
    expect((await store.notes.bySubject(PODILLIA)).map((n) => n.id)).to.deep.equal([second.id, first.id]);
    expect((await store.notes.byAuthor(OLENA)).map((n) => n.id)).to.deep.equal([third.id, first.id]);
    expect(await store.notes.bySubject(MARIA)).to.deep.equal([]);
  });

  it('moves a lead’s notes to the counterparty (reassignNotes)', async () => {
    const { store, db } = await harness();
    const note = await store.notes.create({ text: 'Цікавиться шафою-купе', subjectRef: MARIA });
    const ctx = createStoreContext(db, { now: () => T0 + HOUR });
    expect(await ctx.write([db.notes], () => reassignNotes(ctx, MARIA, PODILLIA))).to.equal(1);
    expect((await store.notes.bySubject(PODILLIA)).map((n) => n.id)).to.deep.equal([note.id]);
    expect(await store.notes.bySubject(MARIA)).to.deep.equal([]);
  });
});

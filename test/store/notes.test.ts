import { expect } from '@open-wc/testing';
import type { CrmDatabase } from '../../src/store/index.js';
import { createStoreContext } from '../../src/store/context.js';
import { reassignNotes } from '../../src/store/notes.js';
import { deleteTestStores } from '../support/fixtures.js';
import { counterpartyRow, leadRow, refused, snapshot, testStore, userRow } from '../support/store.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2025, 2, 10, 8, 0);

const OLENA = 'u-olena';
const ANDRII = 'u-andrii';
const PODILLIA = { type: 'counterparty', id: 'cp-podillia' } as const;
const MARIA = { type: 'lead', id: 'ld-maria' } as const;

async function harness() {
  const { store, db, clock } = testStore('notes', T0);
  const at = T0 - DAY;
  await db.users.bulkAdd([userRow({ id: OLENA, name: 'Олена Коваль' }, at), userRow({ id: ANDRII, name: 'Андрій Шевченко' }, at)]);
  await db.counterparties.add(counterpartyRow({ id: PODILLIA.id, name: 'ТОВ «Меблі Поділля»' }, at));
  await db.leads.add(leadRow({ id: MARIA.id, name: 'Марія Гнатюк' }, at));
  return { store, db, clock };
}

/** Every row of the tables notes write, for "nothing changed" checks. */
const written = (db: CrmDatabase) => snapshot(db, ['notes', 'reminders']);

afterEach(deleteTestStores);

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
    const before = await written(db);
    expect(await refused(store.notes.create({ text: '   ' }))).to.include({ code: 'VALIDATION', field: 'text', messageKey: 'error.required' });
    expect(await refused(store.notes.create({ text: 'я'.repeat(10_001) }))).to.include({ code: 'VALIDATION', field: 'text', messageKey: 'error.tooLong' });
    expect(await refused(store.notes.create({ text: 'Нотатка', remindAt: -1 }))).to.include({ code: 'VALIDATION', field: 'remindAt' });
    expect(await refused(store.notes.create({ text: 'Нотатка', remindAt: T0, authorId: 'u-nobody' }))).to.include({
      code: 'NOT_FOUND',
      field: 'authorId',
    });
    expect(await refused(store.notes.create({ text: 'Нотатка', remindAt: T0, subjectRef: { type: 'deal', id: 'dl-nobody' } }))).to.include({
      code: 'NOT_FOUND',
      field: 'subjectRef.id',
    });
    expect(await written(db)).to.deep.equal(before);
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
    const before = await written(db);
    expect(await refused(store.notes.update(note.id, { text: '' }))).to.include({ code: 'VALIDATION', field: 'text' });
    expect(await refused(store.notes.update('nothing', { text: 'Нова' }))).to.include({ code: 'NOT_FOUND', field: 'id' });
    expect(await written(db)).to.deep.equal(before);
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
    expect(await refused(store.notes.remove(note.id))).to.include({ code: 'NOT_FOUND', field: 'id' });
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

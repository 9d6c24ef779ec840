import { expect } from '@open-wc/testing';
import { CrmDatabase, observeQuery, type Interaction } from '../../src/store/index.js';
import { createStoreContext } from '../../src/store/context.js';
import { reassignInteractions, subjectExists } from '../../src/store/interactions.js';
import { deleteTestStores, settle } from '../support/fixtures.js';
import { counterpartyRow, leadRow, refused, snapshot, testStore, userRow } from '../support/store.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2025, 2, 10, 8, 0); // Monday 10 March 2025, 10:00 in Kyiv

/** A store with a pinned clock and a few parties written straight into their tables. */
async function harness() {
  const test = testStore('interactions', T0);
  return { ...test, ids: await seed(test.db) };
}

async function seed(db: CrmDatabase) {
  const at = T0 - DAY;
  const t = { createdAt: at, updatedAt: at };
  const channels = { phones: [], emails: [], messengers: [] };
  await db.users.bulkAdd([userRow({ id: 'u-olena', name: 'Олена Коваль' }, at), userRow({ id: 'u-andrii', name: 'Андрій Шевченко' }, at)]);
  await db.counterparties.add(
    counterpartyRow(
      {
        id: 'cp-podillia',
        name: 'ТОВ «Меблі Поділля»',
        edrpou: '32855961',
        addresses: [{ kind: 'legal', text: 'м. Вінниця, вул. Соборна, 12', city: 'Вінниця' }],
        searchTokens: ['меблі', 'поділля'],
        phones: ['+380432552233'],
      },
      at,
    ),
  );
  await db.contacts.add({ id: 'ct-petro', name: 'Петро Іваненко', position: 'директор', tags: [], archived: 0, searchTokens: [], ...channels, ...t });
  await db.leads.add(leadRow({ id: 'ld-maria', name: 'Марія Гнатюк', phones: ['+380671234567'] }, at));
  await db.sources.add({ id: 'src-olx', name: 'OLX', plannedSpend: [], archived: 0, ...t });
  await db.pipelines.add({ id: 'pl-sales', name: 'Продажі', archived: 0, ...t });
  await db.stages.add({ id: 'st-first', pipelineId: 'pl-sales', name: 'Перший контакт', order: 0, ...t });
  await db.deals.add({
    id: 'dl-kitchen',
    title: 'Кухня на замовлення',
    pipelineId: 'pl-sales',
    stageId: 'st-first',
    status: 'open',
    amount: { minor: 12_500_000, currency: 'UAH' },
    clientType: 'counterparty',
    clientId: 'cp-podillia',
    stageEnteredAt: T0 - DAY,
    ...t,
  });
  await db.claims.add({ id: 'cl-facade', counterpartyId: 'cp-podillia', reason: 'Подряпини на фасаді', status: 'open', steps: [], ...t });
  return {
    olena: 'u-olena',
    andrii: 'u-andrii',
    podillia: { type: 'counterparty', id: 'cp-podillia' } as const,
    petro: { type: 'contact', id: 'ct-petro' } as const,
    maria: { type: 'lead', id: 'ld-maria' } as const,
    kitchen: { type: 'deal', id: 'dl-kitchen' } as const,
    facade: { type: 'claim', id: 'cl-facade' } as const,
    olx: 'src-olx',
  };
}

/** Every row of the tables interactions write, for "nothing changed" checks. */
const written = (db: CrmDatabase) => snapshot(db, ['interactions', 'reminders']);

afterEach(deleteTestStores);

describe('interactions.register', () => {
  it('registers an incoming call as done, now, unprocessed, and returns it without index fields', async () => {
    const { store, db, ids } = await harness();
    const call = await store.interactions.register({
      kind: 'call',
      direction: 'incoming',
      subject: 'Питає про кухню з фасадами МДФ',
      subjectRef: ids.maria,
      sourceId: ids.olx,
      authorId: ids.olena,
    });
    expect(call).to.include({ kind: 'call', direction: 'incoming', status: 'done', at: T0, processed: 0, subjectType: 'lead', subjectId: 'ld-maria' });
    expect(call.participants).to.deep.equal([]);
    expect(call).not.to.have.property('participantKeys');
    expect(call).not.to.have.property('body');
    const row = await db.interactions.get(call.id);
    expect(row).to.deep.equal({ ...call, participantKeys: ['lead:ld-maria'] });
    expect(await store.interactions.get(call.id)).to.deep.equal(call);
  });

  it('keeps participantKeys for the subject and every participant, once each', async () => {
    const { store, db, ids } = await harness();
    const meeting = await store.interactions.register({
      kind: 'meeting',
      subject: 'Замір кухні',
      subjectRef: ids.podillia,
      participants: [ids.petro, ids.petro, ids.podillia],
      dealId: ids.kitchen.id,
    });
    expect(meeting.direction).to.equal('none');
    expect(meeting.processed).to.equal(1);
    expect(meeting.participants).to.deep.equal([ids.petro, ids.podillia]);
    expect((await db.interactions.get(meeting.id))!.participantKeys).to.deep.equal(['counterparty:cp-podillia', 'contact:ct-petro']);
  });

  it('treats outgoing ones as processed unless told otherwise', async () => {
    const { store, ids } = await harness();
    const sms = await store.interactions.register({ kind: 'sms', direction: 'outgoing', subject: 'Нагадування про замір', subjectRef: ids.petro });
    const email = await store.interactions.register({
      kind: 'email',
      direction: 'outgoing',
      subject: 'Комерційна пропозиція',
      subjectRef: ids.podillia,
      processed: false,
    });
    expect(sms.processed).to.equal(1);
    expect(email.processed).to.equal(0);
  });

  it('writes a reminder with a planned interaction, in the same transaction', async () => {
    const { store, db, ids } = await harness();
    const meeting = await store.interactions.register({
      kind: 'meeting',
      status: 'planned',
      at: T0 + DAY,
      remindAt: T0 + DAY - HOUR,
      subject: 'Зустріч у шоурумі',
      body: 'Показати зразки стільниць',
      subjectRef: ids.podillia,
      authorId: ids.olena,
    });
    expect(meeting).to.include({ status: 'planned', at: T0 + DAY, remindAt: T0 + DAY - HOUR, body: 'Показати зразки стільниць' });
    const reminders = await db.reminders.toArray();
    expect(reminders).to.have.length(1);
    expect(reminders[0]).to.deep.include({
      dueAt: T0 + DAY - HOUR,
      status: 'pending',
      targetType: 'interaction',
      targetId: meeting.id,
      text: 'Зустріч у шоурумі',
      userId: ids.olena,
      createdAt: T0,
    });
  });

  it('stores the address of an unknown party as E.164 or a lower-case e-mail (A7)', async () => {
    const { store, ids } = await harness();
    const call = await store.interactions.register({ kind: 'call', direction: 'incoming', subject: 'Дзвінок', subjectRef: ids.maria, from: '067 765 43 21' });
    const mail = await store.interactions.register({ kind: 'email', direction: 'incoming', subject: 'Запит', subjectRef: ids.maria, from: ' Oksana.Lysenko@Ukr.net ' });
    expect(call.from).to.equal('+380677654321');
    expect(mail.from).to.equal('oksana.lysenko@ukr.net');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { store, db, ids } = await harness();
    const before = await written(db);
    const cases: Array<[unknown, string, string]> = [
      [{ kind: 'call', subject: '   ', subjectRef: ids.maria }, 'subject', 'error.required'],
      [{ kind: 'telegram', subject: 'Привіт', subjectRef: ids.maria }, 'kind', 'error.invalid'],
      [{ kind: 'call', direction: 'sideways', subject: 'Дзвінок', subjectRef: ids.maria }, 'direction', 'error.invalid'],
      [{ kind: 'call', subject: 'Дзвінок', subjectRef: { type: 'planet', id: 'x' } }, 'subjectRef.type', 'error.invalid'],
      [{ kind: 'call', subject: 'Дзвінок', subjectRef: ids.maria, at: -5 }, 'at', 'error.date'],
      [{ kind: 'call', subject: 'Дзвінок', subjectRef: ids.maria, remindAt: T0 }, 'remindAt', 'error.invalid'],
      [{ kind: 'call', subject: 'Дзвінок', subjectRef: ids.maria, from: '12' }, 'from', 'error.phone'],
      [{ kind: 'email', subject: 'Лист', subjectRef: ids.maria, from: 'oksana@' }, 'from', 'error.email'],
      [{ kind: 'call', subject: 'я'.repeat(201), subjectRef: ids.maria }, 'subject', 'error.tooLong'],
    ];
    for (const [input, field, messageKey] of cases) {
      const error = await refused(store.interactions.register(input as never));
      expect(error, field).to.include({ code: 'VALIDATION', field, messageKey });
    }
    expect(await written(db)).to.deep.equal(before);
  });

  it('refuses references to records that do not exist, naming the field, and writes nothing', async () => {
    const { store, db, ids } = await harness();
    const before = await written(db);
    const base = { kind: 'meeting', status: 'planned', at: T0 + DAY, remindAt: T0, subject: 'Зустріч', subjectRef: ids.podillia } as const;
    const cases: Array<[object, string]> = [
      [{ subjectRef: { type: 'lead', id: 'ld-nobody' } }, 'subjectRef.id'],
      [{ participants: [ids.petro, { type: 'contact', id: 'ct-nobody' }] }, 'participants.1.id'],
      [{ dealId: 'dl-nobody' }, 'dealId'],
      [{ claimId: 'cl-nobody' }, 'claimId'],
      [{ proposalId: 'pr-nobody' }, 'proposalId'],
      [{ sourceId: 'src-nobody' }, 'sourceId'],
      [{ authorId: 'u-nobody' }, 'authorId'],
    ];
    for (const [patch, field] of cases) {
      const error = await refused(store.interactions.register({ ...base, ...patch }));
      expect(error, field).to.include({ code: 'NOT_FOUND', field, messageKey: 'error.notFound' });
    }
    expect(await written(db)).to.deep.equal(before);
  });
});

describe('interactions.registerMany', () => {
  it('writes a burst in one transaction and returns every interaction', async () => {
    const { store, db, ids } = await harness();
    const written = await store.interactions.registerMany(
      Array.from({ length: 30 }, (_, i) => ({
        kind: i % 2 ? ('call' as const) : ('sms' as const),
        direction: 'outgoing' as const,
        status: i < 3 ? ('planned' as const) : ('done' as const),
        at: T0 + i * HOUR,
        ...(i < 3 ? { remindAt: T0 + i * HOUR - 600_000 } : {}),
        subject: `Обдзвін клієнтів №${i + 1}`,
        subjectRef: i % 3 ? ids.podillia : ids.petro,
      })),
    );
    expect(written).to.have.length(30);
    expect(await db.interactions.count()).to.equal(30);
    expect(await db.reminders.count()).to.equal(3);
    expect((await db.interactions.get(written[29]!.id))!.participantKeys).to.deep.equal(['counterparty:cp-podillia']);
    expect(await store.interactions.registerMany([])).to.deep.equal([]);
  });

  it('refuses the whole burst when one item is bad, naming it by index', async () => {
    const { store, db, ids } = await harness();
    const good = { kind: 'call', subject: 'Дзвінок', subjectRef: ids.podillia } as const;
    const invalid = await refused(store.interactions.registerMany([good, good, { ...good, subject: '' }]));
    expect(invalid).to.include({ code: 'VALIDATION', field: '2.subject' });
    const missing = await refused(store.interactions.registerMany([good, { ...good, subjectRef: { type: 'lead', id: 'ld-nobody' } }, good]));
    expect(missing).to.include({ code: 'NOT_FOUND', field: '1.subjectRef.id' });
    expect(await db.interactions.count()).to.equal(0);
  });
});

describe('interactions.complete', () => {
  it('marks a planned interaction done at its planned time once that has passed, and finishes its reminder', async () => {
    const { store, db, clock, ids } = await harness();
    const call = await store.interactions.register({
      kind: 'call',
      direction: 'outgoing',
      status: 'planned',
      at: T0 + HOUR,
      remindAt: T0 + HOUR - 900_000,
      subject: 'Уточнити розміри',
      subjectRef: ids.petro,
    });
    clock.now = T0 + 3 * HOUR;
    const done = await store.interactions.complete(call.id, { body: 'Розміри підтвердили: 3,2 м' });
    expect(done).to.include({ status: 'done', at: T0 + HOUR, body: 'Розміри підтвердили: 3,2 м', updatedAt: T0 + 3 * HOUR });
    expect(await store.interactions.get(call.id)).to.deep.equal(done);
    expect((await db.reminders.toArray()).map((r) => r.status)).to.deep.equal(['done']);
  });

  it('uses now for one done early, or the time given', async () => {
    const { store, ids } = await harness();
    const early = await store.interactions.register({ kind: 'meeting', status: 'planned', at: T0 + DAY, subject: 'Зустріч', subjectRef: ids.podillia });
    const other = await store.interactions.register({ kind: 'meeting', status: 'planned', at: T0 + DAY, subject: 'Зустріч 2', subjectRef: ids.podillia });
    expect((await store.interactions.complete(early.id)).at).to.equal(T0);
    expect((await store.interactions.complete(other.id, { at: T0 - HOUR })).at).to.equal(T0 - HOUR);
  });

  it('refuses one that is not planned, or unknown, and changes nothing', async () => {
    const { store, db, ids } = await harness();
    const done = await store.interactions.register({ kind: 'call', subject: 'Дзвінок', subjectRef: ids.petro });
    const before = await written(db);
    expect(await refused(store.interactions.complete(done.id))).to.include({ code: 'INVALID_STATE', field: 'status', messageKey: 'error.invalidTransition' });
    expect(await refused(store.interactions.complete('nothing'))).to.include({ code: 'NOT_FOUND', field: 'id' });
    expect(await written(db)).to.deep.equal(before);
  });
});

describe('interactions.reschedule', () => {
  it('moves a planned interaction and keeps its reminder the same distance ahead', async () => {
    const { store, db, ids } = await harness();
    const meeting = await store.interactions.register({
      kind: 'meeting',
      status: 'planned',
      at: T0 + DAY,
      remindAt: T0 + DAY - 2 * HOUR,
      subject: 'Монтаж кухні',
      subjectRef: ids.podillia,
    });
    const moved = await store.interactions.reschedule(meeting.id, { at: T0 + 3 * DAY });
    expect(moved).to.include({ at: T0 + 3 * DAY, remindAt: T0 + 3 * DAY - 2 * HOUR, status: 'planned' });
    const reminders = await store.reminders.forTarget('interaction', meeting.id);
    expect(reminders.map((r) => [r.dueAt, r.status])).to.deep.equal([[T0 + 3 * DAY - 2 * HOUR, 'pending']]);
    expect(await db.interactions.get(meeting.id)).to.deep.include({ at: T0 + 3 * DAY });
  });

  it('sets a reminder given with it, or removes it with null', async () => {
    const { store, ids } = await harness();
    const call = await store.interactions.register({ kind: 'call', status: 'planned', at: T0 + DAY, subject: 'Передзвонити', subjectRef: ids.maria });
    const withReminder = await store.interactions.reschedule(call.id, { at: T0 + 2 * DAY, remindAt: T0 + 2 * DAY - HOUR });
    expect(withReminder.remindAt).to.equal(T0 + 2 * DAY - HOUR);
    expect((await store.reminders.forTarget('interaction', call.id)).map((r) => r.dueAt)).to.deep.equal([T0 + 2 * DAY - HOUR]);
    const without = await store.interactions.reschedule(call.id, { at: T0 + 2 * DAY, remindAt: null });
    expect(without).not.to.have.property('remindAt');
    expect(await store.reminders.forTarget('interaction', call.id)).to.deep.equal([]);
  });

  it('refuses a done interaction and a bad time', async () => {
    const { store, db, ids } = await harness();
    const done = await store.interactions.register({ kind: 'call', subject: 'Дзвінок', subjectRef: ids.petro });
    const planned = await store.interactions.register({ kind: 'call', status: 'planned', at: T0 + DAY, subject: 'Дзвінок', subjectRef: ids.petro });
    const before = await written(db);
    expect(await refused(store.interactions.reschedule(done.id, { at: T0 + DAY }))).to.include({ code: 'INVALID_STATE', field: 'status' });
    expect(await refused(store.interactions.reschedule(planned.id, { at: Number.NaN }))).to.include({ code: 'VALIDATION', field: 'at' });
    expect(await written(db)).to.deep.equal(before);
  });
});

describe('interactions.cancel', () => {
  it('cancels a planned interaction and dismisses its reminder', async () => {
    const { store, db, ids } = await harness();
    const meeting = await store.interactions.register({
      kind: 'meeting',
      status: 'planned',
      at: T0 + DAY,
      remindAt: T0 + DAY - HOUR,
      subject: 'Зустріч',
      subjectRef: ids.podillia,
      processed: false,
    });
    const cancelled = await store.interactions.cancel(meeting.id);
    expect(cancelled).to.include({ status: 'cancelled', processed: 1 });
    expect((await db.reminders.toArray()).map((r) => r.status)).to.deep.equal(['dismissed']);
    expect(await refused(store.interactions.cancel(meeting.id))).to.include({ code: 'INVALID_STATE', field: 'status' });
  });
});

describe('interactions.markProcessed', () => {
  it('takes an interaction out of the unprocessed queue', async () => {
    const { store, ids } = await harness();
    const call = await store.interactions.register({ kind: 'call', direction: 'incoming', subject: 'Перший дзвінок', subjectRef: ids.maria });
    expect(await store.interactions.unprocessedCount()).to.equal(1);
    const processed = await store.interactions.markProcessed(call.id);
    expect(processed.processed).to.equal(1);
    expect((await store.interactions.get(call.id))!.processed).to.equal(1);
    expect(await store.interactions.unprocessedCount()).to.equal(0);
    expect((await store.interactions.markProcessed(call.id)).processed).to.equal(1);
    expect(await refused(store.interactions.markProcessed('nothing'))).to.include({ code: 'NOT_FOUND', field: 'id' });
  });
});

describe('interactions.update', () => {
  it('changes subject, kind and direction, keeps the index fields, and renames the pending reminder', async () => {
    const { store, db, clock, ids } = await harness();
    const planned = await store.interactions.register({
      kind: 'call',
      status: 'planned',
      at: T0 + DAY,
      remindAt: T0 + DAY - HOUR,
      subject: 'Дзвінок',
      body: 'Чернетка',
      subjectRef: ids.podillia,
      participants: [ids.petro],
    });
    clock.now = T0 + HOUR;
    const updated = await store.interactions.update(planned.id, { subject: 'Відеодзвінок у Viber', kind: 'messenger', direction: 'outgoing' });
    expect(updated).to.include({ subject: 'Відеодзвінок у Viber', kind: 'messenger', direction: 'outgoing', body: 'Чернетка', updatedAt: T0 + HOUR });
    expect((await db.interactions.get(planned.id))!.participantKeys).to.deep.equal(['counterparty:cp-podillia', 'contact:ct-petro']);
    expect((await db.reminders.toArray())[0]!.text).to.equal('Відеодзвінок у Viber');
    const cleared = await store.interactions.update(planned.id, { body: '' });
    expect(cleared).not.to.have.property('body');
  });

  it('refuses an empty subject and changes nothing', async () => {
    const { store, db, ids } = await harness();
    const call = await store.interactions.register({ kind: 'call', subject: 'Дзвінок', subjectRef: ids.petro });
    const before = await written(db);
    expect(await refused(store.interactions.update(call.id, { subject: ' ' }))).to.include({ code: 'VALIDATION', field: 'subject' });
    expect(await refused(store.interactions.update('nothing', { subject: 'Нове' }))).to.include({ code: 'NOT_FOUND', field: 'id' });
    expect(await written(db)).to.deep.equal(before);
  });
});

describe('interactions.timeline', () => {
  async function history(h: Awaited<ReturnType<typeof harness>>) {
    const { store, ids } = h;
    const add = (at: number, subject: string, extra: object = {}) =>
      store.interactions.register({ kind: 'call', direction: 'outgoing', at, subject, subjectRef: ids.podillia, ...extra });
    return {
      first: await add(T0 - 5 * DAY, 'Перший дзвінок'),
      meeting: await add(T0 - 3 * DAY, 'Зустріч з директором', { kind: 'meeting', participants: [ids.petro], dealId: ids.kitchen.id }),
      email: await add(T0 - 2 * DAY, 'Надіслали пропозицію', { kind: 'email' }),
      aboutClaim: await store.interactions.register({ kind: 'call', at: T0 - DAY, subject: 'Про подряпини', subjectRef: ids.petro, claimId: ids.facade.id }),
      other: await store.interactions.register({ kind: 'sms', at: T0, subject: 'Інший клієнт', subjectRef: ids.maria }),
    };
  }

  it('shows what a party is the subject of or takes part in, newest first', async () => {
    const h = await harness();
    const { first, meeting, email, aboutClaim } = await history(h);
    const subjects = (list: Interaction[]) => list.map((i) => i.subject);
    expect(subjects(await h.store.interactions.timeline(h.ids.podillia))).to.deep.equal([email.subject, meeting.subject, first.subject]);
    expect(subjects(await h.store.interactions.timeline(h.ids.petro))).to.deep.equal([aboutClaim.subject, meeting.subject]);
    expect(subjects(await h.store.interactions.timeline(h.ids.kitchen))).to.deep.equal([meeting.subject]);
    expect(subjects(await h.store.interactions.timeline(h.ids.facade))).to.deep.equal([aboutClaim.subject]);
    expect((await h.store.interactions.timeline(h.ids.podillia))[0]).not.to.have.property('participantKeys');
  });

  it('filters by kind and direction and pages with before and limit', async () => {
    const h = await harness();
    const { first, meeting, email } = await history(h);
    const timeline = (options: object) => h.store.interactions.timeline(h.ids.podillia, options).then((l) => l.map((i) => i.id));
    expect(await timeline({ kinds: ['call', 'email'] })).to.deep.equal([email.id, first.id]);
    expect(await timeline({ direction: 'incoming' })).to.deep.equal([]);
    expect(await timeline({ limit: 2 })).to.deep.equal([email.id, meeting.id]);
    expect(await timeline({ before: meeting.at, limit: 2 })).to.deep.equal([first.id]);
  });

  it('is live: a registered interaction shows up in a subscribed timeline', async () => {
    const h = await harness();
    const seen: number[] = [];
    const subscription = observeQuery(() => h.store.interactions.timeline(h.ids.podillia)).subscribe({
      next: (list) => seen.push(list.length),
      error: () => undefined,
    });
    await settle();
    await h.store.interactions.register({ kind: 'call', subject: 'Новий дзвінок', subjectRef: h.ids.podillia });
    await settle();
    subscription.unsubscribe();
    expect(seen.at(0)).to.equal(0);
    expect(seen.at(-1)).to.equal(1);
  });
});

describe('interactions.list', () => {
  it('pages newest first with the total over everything that matches', async () => {
    const { store, ids } = await harness();
    await store.interactions.registerMany(
      Array.from({ length: 12 }, (_, i) => ({
        kind: i % 3 === 0 ? ('meeting' as const) : ('call' as const),
        direction: i % 2 ? ('incoming' as const) : ('outgoing' as const),
        at: T0 - i * HOUR,
        subject: `Подія ${i}`,
        subjectRef: ids.podillia,
      })),
    );
    const all = await store.interactions.list({ limit: 5 });
    expect(all.total).to.equal(12);
    expect(all.items.map((i) => i.subject)).to.deep.equal(['Подія 0', 'Подія 1', 'Подія 2', 'Подія 3', 'Подія 4']);
    const page = await store.interactions.list({ kinds: ['call'], limit: 3, offset: 3 });
    expect(page.total).to.equal(8);
    expect(page.items.map((i) => i.subject)).to.deep.equal(['Подія 5', 'Подія 7', 'Подія 8']);
    const period = await store.interactions.list({ from: T0 - 5 * HOUR, to: T0 - HOUR, direction: 'incoming' });
    expect(period.items.map((i) => i.subject)).to.deep.equal(['Подія 3', 'Подія 5']);
    expect(period.total).to.equal(2);
  });

  it('counts apart: `count` is the total of `list`, and `total: false` reads a window without it', async () => {
    const { store, ids } = await harness();
    await store.interactions.registerMany(
      Array.from({ length: 7 }, (_, i) => ({ kind: i % 2 ? ('call' as const) : ('sms' as const), direction: 'outgoing' as const, at: T0 - i * HOUR, subject: `Подія ${i}`, subjectRef: ids.podillia })),
    );
    expect(await store.interactions.count()).to.equal(7);
    expect(await store.interactions.count({ kinds: ['call'] })).to.equal((await store.interactions.list({ kinds: ['call'] })).total);
    expect(await store.interactions.count({ from: T0 - 2 * HOUR, to: T0 })).to.equal(2);
    const window = await store.interactions.list({ offset: 5, limit: 10, total: false });
    expect(window).to.not.have.property('total');
    expect(window.items.map((i) => i.subject)).to.deep.equal(['Подія 5', 'Подія 6']);
    const badKind = await refused(store.interactions.count({ kinds: ['fax' as never] }));
    expect([badKind.code, badKind.field]).to.deep.equal(['VALIDATION', 'kinds.0']);
    const badTotal = await refused(store.interactions.list({ total: 'no' as never }));
    expect([badTotal.code, badTotal.field]).to.deep.equal(['VALIDATION', 'total']);
  });
});

describe('interactions.unprocessed', () => {
  it('lists the unprocessed queue newest first with a count over all of it', async () => {
    const { store, ids } = await harness();
    for (let i = 0; i < 4; i++) {
      await store.interactions.register({ kind: 'call', direction: 'incoming', at: T0 - i * HOUR, subject: `Вхідний ${i}`, subjectRef: ids.maria });
    }
    await store.interactions.register({ kind: 'call', direction: 'outgoing', subject: 'Вихідний', subjectRef: ids.maria });
    expect((await store.interactions.unprocessed({ limit: 2 })).map((i) => i.subject)).to.deep.equal(['Вхідний 0', 'Вхідний 1']);
    expect(await store.interactions.unprocessedCount()).to.equal(4);
  });

  it('pages the unprocessed queue with filters and the total over all that match', async () => {
    const { store, ids } = await harness();
    for (let i = 0; i < 5; i++) {
      const kind = i % 2 ? 'email' : 'call';
      await store.interactions.register({ kind, direction: 'incoming', at: T0 - i * HOUR, subject: `Вхідний ${i}`, subjectRef: ids.maria });
    }
    await store.interactions.register({ kind: 'call', direction: 'outgoing', at: T0, subject: 'Вихідний', subjectRef: ids.maria });
    const second = await store.interactions.unprocessedPage({ offset: 1, limit: 2 });
    expect(second.items.map((i) => i.subject)).to.deep.equal(['Вхідний 1', 'Вхідний 2']);
    expect(second.total).to.equal(5);
    const calls = await store.interactions.unprocessedPage({ kinds: ['call'], offset: 1 });
    expect(calls.items.map((i) => i.subject)).to.deep.equal(['Вхідний 2', 'Вхідний 4']);
    expect(calls.total).to.equal(3);
    expect((await store.interactions.unprocessedPage({ direction: 'outgoing' })).total).to.equal(0);
    expect((await store.interactions.unprocessedPage({ limit: 0 })).items).to.deep.equal([]);
    expect(await store.interactions.unprocessedCount({ kinds: ['call'] })).to.equal(3);
    const window = await store.interactions.unprocessedPage({ kinds: ['email'], total: false });
    expect(window).to.not.have.property('total');
    expect(window.items.map((i) => i.subject)).to.deep.equal(['Вхідний 1', 'Вхідний 3']);
    const badCount = await refused(store.interactions.unprocessedCount({ direction: 'sideways' as never }));
    expect([badCount.code, badCount.field]).to.deep.equal(['VALIDATION', 'direction']);
    const badTotal = await refused(store.interactions.unprocessedPage({ total: 1 as never }));
    expect([badTotal.code, badTotal.field]).to.deep.equal(['VALIDATION', 'total']);
  });
});

describe('interactions.overdue / agenda / lastAndNext', () => {
  it('finds planned interactions whose time has passed, and the day’s agenda earliest first', async () => {
    const { store, ids } = await harness();
    const plan = (at: number, subject: string) =>
      store.interactions.register({ kind: 'call', status: 'planned', at, subject, subjectRef: ids.podillia, authorId: ids.olena });
    const late = await plan(T0 - 2 * HOUR, 'Прострочений');
    const later = await plan(T0 + 2 * HOUR, 'Сьогодні о 12');
    const soon = await plan(T0 + HOUR, 'Сьогодні об 11');
    await plan(T0 + 2 * DAY, 'Післязавтра');
    await store.interactions.register({ kind: 'call', at: T0 - HOUR, subject: 'Вже відбувся', subjectRef: ids.podillia });
    expect((await store.interactions.overdue(T0)).map((i) => i.id)).to.deep.equal([late.id]);
    expect((await store.interactions.agenda(T0 - 8 * HOUR, T0 + 14 * HOUR)).map((i) => i.id)).to.deep.equal([late.id, soon.id, later.id]);
    expect(await store.interactions.agenda(T0, T0 + DAY, { authorId: ids.andrii })).to.deep.equal([]);
  });

  it('gives a card the last done and the next planned interaction of a party', async () => {
    const { store, ids } = await harness();
    expect(await store.interactions.lastAndNext(ids.podillia, T0)).to.deep.equal({});
    await store.interactions.register({ kind: 'call', at: T0 - 2 * DAY, subject: 'Давній', subjectRef: ids.podillia });
    const last = await store.interactions.register({ kind: 'email', at: T0 - DAY, subject: 'Останній', subjectRef: ids.podillia });
    const next = await store.interactions.register({ kind: 'meeting', status: 'planned', at: T0 + DAY, subject: 'Наступна', subjectRef: ids.podillia });
    await store.interactions.register({ kind: 'meeting', status: 'planned', at: T0 + 5 * DAY, subject: 'Пізніша', subjectRef: ids.podillia });
    expect(await store.interactions.lastAndNext(ids.podillia, T0)).to.deep.equal({ last, next });
  });
});

describe('reassignInteractions / subjectExists', () => {
  it('moves a lead’s whole history to the counterparty with index fields in sync', async () => {
    const { store, db, ids } = await harness();
    const asSubject = await store.interactions.register({ kind: 'call', subject: 'Дзвінок ліда', subjectRef: ids.maria });
    const asParticipant = await store.interactions.register({ kind: 'meeting', subject: 'Зустріч', subjectRef: ids.petro, participants: [ids.maria] });
    const ctx = createStoreContext(db, { now: () => T0 + HOUR });
    const moved = await ctx.write([db.interactions], () => reassignInteractions(ctx, ids.maria, ids.podillia));
    expect(moved).to.equal(2);
    expect(await store.interactions.timeline(ids.maria)).to.deep.equal([]);
    expect((await store.interactions.timeline(ids.podillia)).map((i) => i.id)).to.have.members([asSubject.id, asParticipant.id]);
    expect(await db.interactions.get(asSubject.id)).to.deep.include({ subjectType: 'counterparty', subjectId: 'cp-podillia', participantKeys: ['counterparty:cp-podillia'] });
    expect((await db.interactions.get(asParticipant.id))!.participantKeys).to.deep.equal(['contact:ct-petro', 'counterparty:cp-podillia']);
  });

  it('tells whether a subject exists', async () => {
    const { db, ids } = await harness();
    const ctx = createStoreContext(db);
    expect(await subjectExists(ctx, ids.kitchen)).to.equal(true);
    expect(await subjectExists(ctx, { type: 'deal', id: 'dl-nobody' })).to.equal(false);
  });
});

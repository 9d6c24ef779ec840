import { expect } from '@open-wc/testing';
import type { CrmStore, Lead } from '../../src/store/index.js';
import { localInstant } from '../../src/store/slots.js';
import { deleteTestStores, freshStore, settle } from '../support/fixtures.js';
import { refused, snapshot } from '../support/store.js';

async function catalogue(store: CrmStore) {
  return {
    manager: await store.users.create({ name: 'Олена Коваль', roles: ['manager'] }),
    otherManager: await store.users.create({ name: 'Богдан Гнатюк', roles: ['manager'] }),
    google: await store.sources.create({ name: 'Google Ads', channel: 'Реклама' }),
    referral: await store.sources.create({ name: 'Рекомендація' }),
    hot: await store.tags.create({ name: 'Гарячий' }),
    wholesale: await store.tags.create({ name: 'Опт' }),
    expensive: await store.lostReasons.create({ name: 'Дорого' }),
  };
}

describe('leads.create', () => {
  afterEach(deleteTestStores);

  it('registers a new lead with normalized phones, a tax code, tags, source and manager', async () => {
    const store = freshStore();
    const { manager, google, hot } = await catalogue(store);
    const lead = await store.leads.create({
      name: 'Олена Мороз',
      company: 'ТОВ «Кухні Поділля»',
      taxCode: '1293 0032',
      phones: ['067 123 45 67', '0671234567'],
      emails: ['Olena@Kuhni-Podillia.UA'],
      messengers: [{ kind: 'telegram', handle: '@olena_moroz' }],
      tags: [hot.id],
      sourceId: google.id,
      managerId: manager.id,
      comment: 'Хоче кухню на замовлення до літа',
    });
    expect(await store.leads.get(lead.id)).to.deep.equal(lead);
    expect(lead).to.include({
      name: 'Олена Мороз',
      company: 'ТОВ «Кухні Поділля»',
      taxCode: '12930032',
      status: 'new',
      sourceId: google.id,
      managerId: manager.id,
      comment: 'Хоче кухню на замовлення до літа',
    });
    expect(lead.phones).to.deep.equal(['+380671234567']);
    expect(lead.emails).to.deep.equal(['olena@kuhni-podillia.ua']);
    expect(lead.tags).to.deep.equal([hot.id]);
    expect(lead.searchTokens).to.include.members(['олена', 'мороз', 'кухні', 'поділля', '12930032', '0671234567']);
    expect(lead.createdAt).to.equal(lead.updatedAt);
  });

  it('refuses bad input and unknown references, writing nothing', async () => {
    const store = freshStore();
    const { hot } = await catalogue(store);
    const before = await snapshot(store);
    const cases: Array<[Record<string, unknown>, string, string, string]> = [
      [{ name: '' }, 'VALIDATION', 'name', 'error.required'],
      [{ name: 'Олена', taxCode: '12930033' }, 'VALIDATION', 'taxCode', 'error.taxCode'],
      [{ name: 'Олена', phones: ['067 123 45 67', '067'] }, 'VALIDATION', 'phones.1', 'error.phone'],
      [{ name: 'Олена', emails: ['olena@@ukr.net'] }, 'VALIDATION', 'emails.0', 'error.email'],
      [{ name: 'Олена', sourceId: 'ghost' }, 'NOT_FOUND', 'sourceId', 'error.notFound'],
      [{ name: 'Олена', managerId: 'ghost' }, 'NOT_FOUND', 'managerId', 'error.notFound'],
      [{ name: 'Олена', tags: [hot.id, 'ghost'] }, 'NOT_FOUND', 'tags.1', 'error.notFound'],
    ];
    for (const [input, code, field, messageKey] of cases) {
      expect(await refused(store.leads.create(input as never)), field).to.include({ code, field, messageKey });
    }
    expect(await snapshot(store)).to.deep.equal(before);
  });
});

describe('leads.update', () => {
  afterEach(deleteTestStores);

  it('changes the given fields, takes the lead into work and rebuilds its search tokens', async () => {
    const store = freshStore();
    const { manager, otherManager } = await catalogue(store);
    const lead = await store.leads.create({ name: 'Ігор Савчук', company: 'Савчук і партнери', managerId: manager.id });
    await settle(2);
    const updated = await store.leads.update(lead.id, { status: 'in-progress', company: null, phones: ['050 987 65 43'], managerId: otherManager.id });
    expect(await store.leads.get(lead.id)).to.deep.equal(updated);
    expect(updated).to.include({ name: 'Ігор Савчук', status: 'in-progress', managerId: otherManager.id, createdAt: lead.createdAt });
    expect(updated).not.to.have.property('company');
    expect(updated.phones).to.deep.equal(['+380509876543']);
    expect(updated.updatedAt).to.be.greaterThan(lead.updatedAt);
    expect(await store.leads.search('партнери')).to.deep.equal([]);
    expect((await store.leads.search('050 987')).map((l) => l.id)).to.deep.equal([lead.id]);
  });

  it('refuses setting a closing status, changing a converted lead and bad input, writing nothing', async () => {
    const store = freshStore();
    const lead = await store.leads.create({ name: 'Ігор Савчук' });
    const converted = await store.leads.create({ name: 'Марта Гуцул' });
    await store.leads.convert(converted.id);
    const before = await snapshot(store);
    expect(await refused(store.leads.update(lead.id, { status: 'converted' as 'new' }))).to.include({
      code: 'VALIDATION',
      field: 'status',
      messageKey: 'error.invalidTransition',
    });
    expect(await refused(store.leads.update(converted.id, { name: 'Марта Гуцул-Коваль' }))).to.include({
      code: 'INVALID_STATE',
      messageKey: 'error.leadClosed',
    });
    expect(await refused(store.leads.update(lead.id, { emails: ['ні'] }))).to.include({ code: 'VALIDATION', field: 'emails.0' });
    expect(await refused(store.leads.update('ghost', { name: 'Хтось' }))).to.include({ code: 'NOT_FOUND', field: 'id' });
    expect(await snapshot(store)).to.deep.equal(before);
  });
});

describe('leads.findDuplicates', () => {
  afterEach(deleteTestStores);

  it('flags leads and counterparties with the same tax code, phone or e-mail, but not contacts or converted leads', async () => {
    const store = freshStore();
    const firm = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Агро-Світ»', edrpou: '15939251', emails: ['info@agro-svit.ua'] });
    const earlier = await store.leads.create({ name: 'Петро Лис', phones: ['063 111 22 33'] });
    await store.contacts.create({ name: 'Петро Лис', phones: ['063 111 22 33'] });
    const converted = await store.leads.create({ name: 'Стара заявка', phones: ['063 111 22 33'] });
    await store.leads.convert(converted.id);
    const lead = await store.leads.create({
      name: 'Петро Лис',
      taxCode: '15939251',
      phones: ['+380631112233'],
      emails: ['INFO@agro-svit.ua'],
    });

    const fromConverted = (await store.counterparties.getByLead(converted.id))!;
    expect(await store.leads.findDuplicates({ ...lead, excludeId: lead.id })).to.deep.equal([
      { type: 'counterparty', id: fromConverted.id, name: 'Стара заявка', fields: ['phones'] },
      { type: 'counterparty', id: firm.id, name: firm.name, fields: ['taxCode', 'emails'] },
      { type: 'lead', id: earlier.id, name: earlier.name, fields: ['phones'] },
    ]);
    expect(await store.leads.findDuplicates({ phones: ['099 000 00 00'] })).to.deep.equal([]);
  });
});

describe('leads.convert', () => {
  afterEach(deleteTestStores);

  /** A lead with a history: interactions, a task, a note with a reminder, an appointment and a deal. */
  async function leadWithHistory(store: CrmStore) {
    const refs = await catalogue(store);
    const lead = await store.leads.create({
      name: 'Олена Мороз',
      company: 'ТОВ «Кухні Поділля»',
      taxCode: '12930032',
      phones: ['067 123 45 67'],
      emails: ['olena@kuhni-podillia.ua'],
      tags: [refs.hot.id],
      sourceId: refs.google.id,
      managerId: refs.manager.id,
    });
    const contact = await store.contacts.create({ name: 'Андрій Дизайнер' });
    const call = await store.interactions.register({
      kind: 'call',
      direction: 'incoming',
      at: Date.now() - 3_600_000,
      subject: 'Перший дзвінок: кухня на замовлення',
      subjectRef: { type: 'lead', id: lead.id },
    });
    const meeting = await store.interactions.register({
      kind: 'meeting',
      at: Date.now() - 1_800_000,
      subject: 'Зустріч у шоурумі з дизайнером',
      subjectRef: { type: 'contact', id: contact.id },
      participants: [{ type: 'lead', id: lead.id }],
    });
    const task = await store.tasks.create({
      title: 'Підготувати ескіз кухні',
      authorId: refs.manager.id,
      performerId: refs.manager.id,
      deadline: Date.now() + 86_400_000,
      subjectRef: { type: 'lead', id: lead.id },
    });
    const note = await store.notes.create({
      text: 'Бюджет до 150 000 грн',
      subjectRef: { type: 'lead', id: lead.id },
      remindAt: Date.now() + 3_600_000,
    });
    const specialist = await store.users.create({ name: 'Тарас Замірник', roles: ['specialist'] });
    const allDay = { start: '08:00', end: '20:00' };
    await store.schedule.setWeek(specialist.id, { 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay, 7: allDay });
    const service = await store.services.create({ name: 'Замір приміщення', durationMinutes: 60, price: { minor: 50_000 } });
    const appointment = await store.appointments.book({
      specialistId: specialist.id,
      serviceId: service.id,
      start: localInstant('2031-03-04', '10:00'),
      client: { type: 'lead', id: lead.id },
    });
    const { pipeline, stages } = await store.pipelines.create({ name: 'Продажі меблів' });
    const oldDeal = await store.deals.create({
      title: 'Шафа-купе',
      pipelineId: pipeline.id,
      client: { type: 'lead', id: lead.id },
    });
    return { ...refs, lead, contact, call, meeting, task, note, appointment, pipeline, stages, oldDeal };
  }

  it('creates the counterparty and a deal, and moves the lead’s whole history to it in one go', async () => {
    const store = freshStore();
    const { lead, contact, call, meeting, task, note, appointment, pipeline, stages, oldDeal, manager, google, hot } =
      await leadWithHistory(store);

    const result = await store.leads.convert(lead.id, {
      deal: { pipelineId: pipeline.id, title: 'Кухня на замовлення', amount: { minor: 12_500_000 }, expectedCloseDate: '2031-06-30' },
    });
    const { counterparty, deal } = result;

    expect(await store.counterparties.get(counterparty.id)).to.deep.equal(counterparty);
    expect(counterparty).to.include({
      kind: 'legal',
      name: 'ТОВ «Кухні Поділля»',
      edrpou: '12930032',
      leadId: lead.id,
      sourceId: google.id,
      managerId: manager.id,
      relationshipStage: 'potential',
    });
    expect(counterparty.phones).to.deep.equal(['+380671234567']);
    expect(counterparty.emails).to.deep.equal(['olena@kuhni-podillia.ua']);
    expect(counterparty.tags).to.deep.equal([hot.id]);
    expect(await store.counterparties.getByLead(lead.id)).to.deep.equal(counterparty);

    const converted = (await store.leads.get(lead.id))!;
    expect(converted).to.deep.equal(result.lead);
    expect(converted).to.include({ status: 'converted', counterpartyId: counterparty.id });
    expect(converted.convertedAt).to.be.a('number');

    const cpRef = { type: 'counterparty' as const, id: counterparty.id };
    const timeline = await store.interactions.timeline(cpRef);
    expect(timeline.map((i) => i.id)).to.deep.equal([meeting.id, call.id]);
    expect(timeline[1]).to.include({ subjectType: 'counterparty', subjectId: counterparty.id });
    expect(timeline[0]).to.include({ subjectType: 'contact', subjectId: contact.id });
    expect(timeline[0]!.participants).to.deep.equal([cpRef]);
    expect(await store.interactions.timeline({ type: 'lead', id: lead.id })).to.deep.equal([]);
    expect((await store.interactions.timeline({ type: 'contact', id: contact.id })).map((i) => i.id)).to.deep.equal([meeting.id]);

    expect((await store.tasks.bySubject(cpRef)).map((t) => t.id)).to.deep.equal([task.id]);
    expect(await store.tasks.bySubject({ type: 'lead', id: lead.id })).to.deep.equal([]);
    expect((await store.notes.bySubject(cpRef)).map((n) => n.id)).to.deep.equal([note.id]);
    const reminders = await store.reminders.forTarget('note', note.id);
    expect(reminders).to.have.length(1);
    expect(reminders[0]!.status).to.equal('pending');

    expect(await store.appointments.get(appointment.id)).to.include({ clientType: 'counterparty', clientId: counterparty.id });
    expect(await store.deals.get(oldDeal.id)).to.include({ clientType: 'counterparty', clientId: counterparty.id });

    expect(deal).to.not.equal(undefined);
    expect(await store.deals.get(deal!.id)).to.deep.equal(deal);
    expect(deal).to.include({
      title: 'Кухня на замовлення',
      pipelineId: pipeline.id,
      stageId: stages[0]!.id,
      status: 'open',
      clientType: 'counterparty',
      clientId: counterparty.id,
      managerId: manager.id,
      sourceId: google.id,
      expectedCloseDate: '2031-06-30',
    });
    expect(deal!.amount).to.deep.equal({ minor: 12_500_000, currency: 'UAH' });
    expect((await store.deals.byClient(cpRef)).map((d) => d.id)).to.have.members([oldDeal.id, deal!.id]);
    expect(result.moved).to.deep.equal({ interactions: 2, tasks: 1, notes: 1, appointments: 1, deals: 1 });
  });

  it('makes an individual from a lead without ЄДРПОУ, and takes overrides for the new counterparty', async () => {
    const store = freshStore();
    const person = await store.leads.create({ name: 'Василь Грищенко', company: 'Ферма Грищенків', taxCode: '2876543211' });
    const { counterparty } = await store.leads.convert(person.id);
    expect(counterparty).to.include({ kind: 'individual', name: 'Василь Грищенко', rnokpp: '2876543211', leadId: person.id });
    expect(counterparty).not.to.have.property('edrpou');

    const fop = await store.leads.create({ name: 'Ніна Руденко', taxCode: '3456789014' });
    const result = await store.leads.convert(fop.id, {
      counterparty: { kind: 'fop', name: 'ФОП Руденко Ніна Петрівна', addresses: [{ kind: 'legal', text: 'м. Полтава, вул. Соборності, 5' }] },
    });
    expect(await store.counterparties.get(result.counterparty.id)).to.include({ kind: 'fop', name: 'ФОП Руденко Ніна Петрівна', rnokpp: '3456789014' });
    expect(result).not.to.have.property('deal');
    expect(result.moved).to.deep.equal({ interactions: 0, tasks: 0, notes: 0, appointments: 0, deals: 0 });
  });

  it('converts into an existing counterparty found as a duplicate', async () => {
    const store = freshStore();
    const firm = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Кухні Поділля»', edrpou: '12930032' });
    const lead = await store.leads.create({ name: 'Олена Мороз', company: 'Кухні Поділля', taxCode: '12930032' });
    const call = await store.interactions.register({ kind: 'call', subject: 'Дзвінок', subjectRef: { type: 'lead', id: lead.id } });
    const [match] = await store.leads.findDuplicates({ ...lead, excludeId: lead.id });
    const { counterparty, lead: converted } = await store.leads.convert(lead.id, { counterpartyId: match!.id });
    expect(counterparty).to.deep.equal(firm);
    expect(converted).to.include({ status: 'converted', counterpartyId: firm.id });
    expect((await store.interactions.timeline({ type: 'counterparty', id: firm.id })).map((i) => i.id)).to.deep.equal([call.id]);
    expect(await store.counterparties.count()).to.equal(1);
  });

  it('writes nothing when the deal cannot be created — the counterparty, the moves and the lead stay as they were', async () => {
    const store = freshStore();
    const { lead } = await leadWithHistory(store);
    const before = await snapshot(store);
    const error = await refused(store.leads.convert(lead.id, { deal: { pipelineId: 'ghost', title: 'Кухня' } }));
    expect(error).to.include({ code: 'NOT_FOUND', field: 'deal.pipelineId' });
    expect(await refused(store.leads.convert(lead.id, { deal: { pipelineId: 'x', title: ' ' } }))).to.include({
      code: 'VALIDATION',
      field: 'deal.title',
    });
    expect(await snapshot(store)).to.deep.equal(before);
  });

  it('refuses a counterparty whose ЄДРПОУ exists, naming it, and writes nothing', async () => {
    const store = freshStore();
    const { lead } = await leadWithHistory(store);
    const existing = await store.counterparties.create({ kind: 'legal', name: 'Кухні Поділля (стара картка)', edrpou: '12930032' });
    const before = await snapshot(store);
    const error = await refused(store.leads.convert(lead.id));
    expect(error).to.include({ code: 'DUPLICATE', field: 'counterparty.edrpou' });
    expect(error.params).to.deep.equal({ id: existing.id });
    expect(await refused(store.leads.convert(lead.id, { counterparty: { kind: 'fop' } }))).to.include({
      code: 'VALIDATION',
      field: 'counterparty.edrpou',
      messageKey: 'error.taxCodeKind',
    });
    expect(await refused(store.leads.convert(lead.id, { counterparty: { name: '' } }))).to.include({
      code: 'VALIDATION',
      field: 'counterparty.name',
    });
    expect(await refused(store.leads.convert(lead.id, { counterpartyId: 'ghost' }))).to.include({ code: 'NOT_FOUND', field: 'counterpartyId' });
    expect(await snapshot(store)).to.deep.equal(before);
  });

  it('refuses converting a converted or lost lead, and an unknown one', async () => {
    const store = freshStore();
    const { expensive } = await catalogue(store);
    const lead = await store.leads.create({ name: 'Олег Бойко' });
    await store.leads.convert(lead.id);
    const lost = await store.leads.create({ name: 'Ірина Литвин' });
    await store.leads.markLost(lost.id, { reasonId: expensive.id });
    const before = await snapshot(store);
    expect(await refused(store.leads.convert(lead.id))).to.include({ code: 'INVALID_STATE', messageKey: 'error.leadClosed' });
    expect(await refused(store.leads.convert(lost.id))).to.include({ code: 'INVALID_STATE', messageKey: 'error.leadClosed' });
    expect(await refused(store.leads.convert('ghost'))).to.include({ code: 'NOT_FOUND', field: 'leadId' });
    expect(await snapshot(store)).to.deep.equal(before);
  });
});

describe('leads.markLost / reopen', () => {
  afterEach(deleteTestStores);

  it('marks a lead lost with a reason and a comment', async () => {
    const store = freshStore();
    const { expensive } = await catalogue(store);
    const lead = await store.leads.create({ name: 'Степан Кравчук', comment: 'Цікавився шафою' });
    const lost = await store.leads.markLost(lead.id, { reasonId: expensive.id, comment: '  Знайшов дешевше на OLX ' });
    expect(await store.leads.get(lead.id)).to.deep.equal(lost);
    expect(lost).to.include({ status: 'lost', lostReasonId: expensive.id, lostComment: 'Знайшов дешевше на OLX', comment: 'Цікавився шафою' });
    expect(lost.lostAt).to.be.a('number');
  });

  it('takes a comment as optional', async () => {
    const store = freshStore();
    const { expensive } = await catalogue(store);
    const lead = await store.leads.create({ name: 'Степан Кравчук' });
    const lost = await store.leads.markLost(lead.id, { reasonId: expensive.id });
    expect(lost).not.to.have.property('lostComment');
  });

  it('refuses a loss without a reason or with an unknown one, and a closed lead, writing nothing', async () => {
    const store = freshStore();
    const { expensive } = await catalogue(store);
    const lead = await store.leads.create({ name: 'Степан Кравчук' });
    const converted = await store.leads.create({ name: 'Оксана Бондар' });
    await store.leads.convert(converted.id);
    const before = await snapshot(store);
    for (const input of [undefined, {}, { reasonId: '' }, { reasonId: '   ', comment: 'Без причини' }]) {
      expect(await refused(store.leads.markLost(lead.id, input as never)), JSON.stringify(input)).to.include({
        code: 'VALIDATION',
        field: 'reasonId',
        messageKey: 'error.lostReasonRequired',
      });
    }
    expect(await refused(store.leads.markLost(lead.id, { reasonId: 'ghost' }))).to.include({ code: 'NOT_FOUND', field: 'reasonId' });
    expect(await refused(store.leads.markLost(converted.id, { reasonId: expensive.id }))).to.include({
      code: 'INVALID_STATE',
      messageKey: 'error.leadClosed',
    });
    expect(await refused(store.leads.markLost('ghost', { reasonId: expensive.id }))).to.include({ code: 'NOT_FOUND', field: 'leadId' });
    expect(await snapshot(store)).to.deep.equal(before);

    await store.leads.markLost(lead.id, { reasonId: expensive.id });
    expect(await refused(store.leads.markLost(lead.id, { reasonId: expensive.id }))).to.include({
      code: 'INVALID_STATE',
      messageKey: 'error.leadClosed',
    });
  });

  it('reopens a lost lead into work, forgetting the loss; refuses others', async () => {
    const store = freshStore();
    const { expensive } = await catalogue(store);
    const lead = await store.leads.create({ name: 'Степан Кравчук' });
    expect(await refused(store.leads.reopen(lead.id))).to.include({ code: 'INVALID_STATE', field: 'status' });
    await store.leads.markLost(lead.id, { reasonId: expensive.id, comment: 'Дорого' });
    const reopened = await store.leads.reopen(lead.id);
    expect(await store.leads.get(lead.id)).to.deep.equal(reopened);
    expect(reopened.status).to.equal('in-progress');
    for (const key of ['lostReasonId', 'lostComment', 'lostAt']) expect(reopened).not.to.have.property(key);
  });
});

describe('leads.fromInteraction', () => {
  afterEach(deleteTestStores);

  async function incomingCall(store: CrmStore, from: string) {
    const { manager, google } = await catalogue(store);
    const task = await store.tasks.create({
      title: 'Відповідати на дзвінки з реклами',
      authorId: manager.id,
      performerId: manager.id,
      deadline: Date.now() + 86_400_000,
    });
    const call = await store.interactions.register({
      kind: from.includes('@') ? 'email' : 'call',
      direction: 'incoming',
      subject: 'Запит про кухню',
      subjectRef: { type: 'task', id: task.id },
      from,
      sourceId: google.id,
      authorId: manager.id,
    });
    return { manager, google, task, call };
  }

  it('makes a lead from an incoming call from an unknown number and re-points the call to it', async () => {
    const store = freshStore();
    const { manager, google, task, call } = await incomingCall(store, '067 555 12 34');
    const { lead, interaction } = await store.leads.fromInteraction(call.id, { comment: 'Дзвонила з реклами про кухні' });
    expect(await store.leads.get(lead.id)).to.deep.equal(lead);
    expect(lead).to.include({
      name: '067 555 12 34',
      status: 'new',
      sourceId: google.id,
      managerId: manager.id,
      comment: 'Дзвонила з реклами про кухні',
    });
    expect(lead.phones).to.deep.equal(['+380675551234']);
    expect(await store.interactions.get(call.id)).to.deep.equal(interaction);
    expect(interaction).to.include({ subjectType: 'lead', subjectId: lead.id });
    expect(interaction.participants).to.deep.equal([{ type: 'task', id: task.id }]);
    expect((await store.interactions.timeline({ type: 'lead', id: lead.id })).map((i) => i.id)).to.deep.equal([call.id]);
  });

  it('makes a lead from a call registered for an unknown number alone (no subject), and takes the call off the unprocessed queue', async () => {
    const store = freshStore();
    const call = await store.interactions.register({ kind: 'call', direction: 'incoming', subject: 'Дзвінок з невідомого номера', from: '+380 93 777 88 99' });
    expect(call).to.include({ subjectType: 'unknown', subjectId: '+380937778899', processed: 0 });
    expect((await store.interactions.unprocessed()).map((i) => i.id)).to.deep.equal([call.id]);
    const { lead, interaction } = await store.leads.fromInteraction(call.id);
    expect(lead.phones).to.deep.equal(['+380937778899']);
    expect(interaction).to.include({ subjectType: 'lead', subjectId: lead.id, processed: 1 });
    expect(interaction.participants).to.deep.equal([]);
    expect(await store.interactions.unprocessedCount()).to.equal(0);
    expect((await store.interactions.timeline({ type: 'lead', id: lead.id })).map((i) => i.id)).to.deep.equal([call.id]);
  });

  it('makes a lead from an e-mail with the given name, and the lead then converts with the e-mail in its history', async () => {
    const store = freshStore();
    const { call } = await incomingCall(store, 'Zakaz@Stolyar.com.ua');
    const { lead } = await store.leads.fromInteraction(call.id, { name: 'Столярна майстерня «Дуб»' });
    expect(lead.name).to.equal('Столярна майстерня «Дуб»');
    expect(lead.emails).to.deep.equal(['zakaz@stolyar.com.ua']);
    const { counterparty } = await store.leads.convert(lead.id);
    expect((await store.interactions.timeline({ type: 'counterparty', id: counterparty.id })).map((i) => i.id)).to.deep.equal([call.id]);
  });

  it('refuses an interaction with a known party or without a sender, and bad input, writing nothing', async () => {
    const store = freshStore();
    const { call } = await incomingCall(store, '067 555 12 34');
    const client = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Відомий клієнт»' });
    const known = await store.interactions.register({
      kind: 'call',
      direction: 'incoming',
      subject: 'Дзвінок клієнта',
      subjectRef: { type: 'counterparty', id: client.id },
      from: '067 000 00 01',
    });
    const anonymous = await store.interactions.register({
      kind: 'meeting',
      subject: 'Нарада',
      subjectRef: { type: 'task', id: call.subjectId },
    });
    const before = await snapshot(store);
    expect(await refused(store.leads.fromInteraction(known.id))).to.include({ code: 'INVALID_STATE', field: 'interactionId' });
    expect(await refused(store.leads.fromInteraction(anonymous.id))).to.include({ code: 'INVALID_STATE', field: 'from' });
    expect(await refused(store.leads.fromInteraction('ghost'))).to.include({ code: 'NOT_FOUND', field: 'interactionId' });
    expect(await refused(store.leads.fromInteraction(call.id, { phones: ['не номер'] }))).to.include({ code: 'VALIDATION', field: 'phones.0' });
    expect(await refused(store.leads.fromInteraction(call.id, { sourceId: 'ghost' }))).to.include({ code: 'NOT_FOUND', field: 'sourceId' });
    expect(await snapshot(store)).to.deep.equal(before);
  });
});

describe('leads.list / count / countByStatus / search', () => {
  afterEach(deleteTestStores);

  async function seed(store: CrmStore) {
    const refs = await catalogue(store);
    const make = async (input: Parameters<CrmStore['leads']['create']>[0]): Promise<Lead> => {
      await settle(2);
      return store.leads.create(input);
    };
    const yana = await make({ name: 'Яна Ткач', sourceId: refs.google.id, managerId: refs.manager.id, tags: [refs.hot.id] });
    const ivan = await make({ name: 'Іван Зорян', company: 'ТОВ «Зоря»', sourceId: refs.google.id, managerId: refs.otherManager.id });
    const anna = await make({ name: 'Анна Биків', sourceId: refs.referral.id, managerId: refs.manager.id, tags: [refs.hot.id, refs.wholesale.id], phones: ['098 765 43 21'] });
    const yurii = await make({ name: 'Юрій Гай', managerId: refs.manager.id });
    await store.leads.update(ivan.id, { status: 'in-progress' });
    await store.leads.markLost(yurii.id, { reasonId: refs.expensive.id });
    await store.leads.convert(anna.id);
    return { ...refs, yana, ivan, anna, yurii };
  }

  it('lists newest first by default, filters by status, source, manager and tag, sorts and pages', async () => {
    const store = freshStore();
    const { yana, ivan, anna, yurii, google, manager, hot, wholesale } = await seed(store);
    const ids = async (filter: Parameters<CrmStore['leads']['list']>[0]) => (await store.leads.list(filter)).map((l) => l.id);
    expect(await ids({})).to.deep.equal([yurii.id, anna.id, ivan.id, yana.id]);
    expect(await ids({ sort: 'createdAt' })).to.deep.equal([yana.id, ivan.id, anna.id, yurii.id]);
    expect(await ids({ sort: 'name' })).to.deep.equal([anna.id, ivan.id, yurii.id, yana.id]);
    expect(await ids({ sort: '-name', limit: 2 })).to.deep.equal([yana.id, yurii.id]);
    expect(await ids({ offset: 1, limit: 2 })).to.deep.equal([anna.id, ivan.id]);
    expect(await ids({ sort: '-updatedAt', limit: 1 })).to.deep.equal([anna.id]);
    expect(await ids({ status: 'new' })).to.deep.equal([yana.id]);
    expect(await ids({ status: ['new', 'in-progress'] })).to.deep.equal([ivan.id, yana.id]);
    expect(await ids({ sourceId: google.id })).to.deep.equal([ivan.id, yana.id]);
    expect(await ids({ managerId: manager.id, status: ['converted', 'lost'] })).to.deep.equal([yurii.id, anna.id]);
    expect(await ids({ tagId: hot.id, sort: 'name' })).to.deep.equal([anna.id, yana.id]);
    expect(await ids({ tagId: wholesale.id })).to.deep.equal([anna.id]);
    expect(await ids({ from: ivan.createdAt, to: yurii.createdAt })).to.deep.equal([anna.id, ivan.id]);
  });

  it('counts over all matching leads and per status', async () => {
    const store = freshStore();
    const { google, manager } = await seed(store);
    expect(await store.leads.count()).to.equal(4);
    expect(await store.leads.count({ managerId: manager.id })).to.equal(3);
    expect(await store.leads.count({ status: ['new', 'in-progress'], sourceId: google.id })).to.equal(2);
    expect(await store.leads.countByStatus()).to.deep.equal({ new: 1, 'in-progress': 1, converted: 1, lost: 1 });
    expect(await store.leads.countByStatus({ managerId: manager.id })).to.deep.equal({ new: 1, 'in-progress': 0, converted: 1, lost: 1 });
  });

  it('pages open, closed and one-status leads by date through the indexes, following every status change', async () => {
    const store = freshStore();
    const { yana, ivan, anna, yurii } = await seed(store);
    const ids = async (filter: Parameters<CrmStore['leads']['list']>[0]) => (await store.leads.list(filter)).map((l) => l.id);
    const open = ['new', 'in-progress'] as const;
    expect(await ids({ status: [...open], sort: '-createdAt' })).to.deep.equal([ivan.id, yana.id]);
    expect(await ids({ status: [...open], sort: 'createdAt', offset: 1, limit: 5 })).to.deep.equal([ivan.id]);
    expect(await ids({ status: ['lost', 'converted'], sort: '-updatedAt' })).to.deep.equal([anna.id, yurii.id]);
    expect(await ids({ status: 'in-progress', sort: 'updatedAt' })).to.deep.equal([ivan.id]);
    expect(await store.leads.count({ status: [...open] })).to.equal(2);
    expect(await store.leads.count({ status: ['converted', 'lost'] })).to.equal(2);
    expect(await store.leads.count({ status: 'lost' })).to.equal(1);
    // The flag follows the status whichever operation changes it.
    await store.leads.reopen(yurii.id);
    await store.leads.markLost(yana.id, { reasonId: (await store.lostReasons.list())[0]!.id });
    expect(await ids({ status: [...open] })).to.deep.equal([yurii.id, ivan.id]);
    expect(await store.leads.count({ status: [...open] })).to.equal(2);
    expect((await store.leads.get(yana.id))!.open).to.equal(0);
    expect((await store.leads.get(yurii.id))!.open).to.equal(1);
  });

  it('searches open leads by name, company and phone; closed ones on request', async () => {
    const store = freshStore();
    const { yana, ivan, anna } = await seed(store);
    expect((await store.leads.search('зор')).map((l) => l.id)).to.deep.equal([ivan.id]);
    expect((await store.leads.search('тов зоря')).map((l) => l.id)).to.deep.equal([ivan.id]);
    expect((await store.leads.search('Ткач')).map((l) => l.id)).to.deep.equal([yana.id]);
    expect(await store.leads.search('098 765')).to.deep.equal([]);
    expect((await store.leads.search('098 765', { includeClosed: true })).map((l) => l.id)).to.deep.equal([anna.id]);
  });
});

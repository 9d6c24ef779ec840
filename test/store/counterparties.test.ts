import { expect } from '@open-wc/testing';
import type { CrmStore } from '../../src/store/index.js';
import { deleteTestStores, freshStore, settle } from '../support/fixtures.js';
import { partyReferences, refused, snapshot } from '../support/store.js';

describe('counterparties.create', () => {
  afterEach(deleteTestStores);

  it('registers a legal entity with normalized channels, references and a first relationship stage', async () => {
    const store = freshStore();
    const { manager, source, vip, partner } = await partyReferences(store);
    const counterparty = await store.counterparties.create({
      kind: 'legal',
      name: 'ТОВ «Львівські меблі»',
      edrpou: '3285 5961',
      phones: ['067 123 45 67', '(032) 245-67-89', '+380671234567'],
      emails: ['Info@Lviv-Mebli.com.ua'],
      messengers: [{ kind: 'viber', handle: '+380671234567' }],
      addresses: [{ kind: 'legal', text: 'вул. Городоцька, 120', city: 'Львів' }],
      website: 'lviv-mebli.com.ua',
      tags: [vip.id],
      managerId: manager.id,
      sourceId: source.id,
      partnerId: partner.id,
    });
    expect(await store.counterparties.get(counterparty.id)).to.deep.equal(counterparty);
    expect(counterparty).to.include({
      kind: 'legal',
      name: 'ТОВ «Львівські меблі»',
      edrpou: '32855961',
      website: 'https://lviv-mebli.com.ua',
      managerId: manager.id,
      sourceId: source.id,
      partnerId: partner.id,
      relationshipStage: 'potential',
      archived: 0,
    });
    expect(counterparty.phones).to.deep.equal(['+380671234567', '+380322456789']);
    expect(counterparty.emails).to.deep.equal(['info@lviv-mebli.com.ua']);
    expect(counterparty.addresses).to.deep.equal([{ kind: 'legal', text: 'вул. Городоцька, 120', city: 'Львів' }]);
    expect(counterparty.tags).to.deep.equal([vip.id]);
    expect(counterparty.searchTokens).to.include.members(['тов', 'львівські', 'меблі', '32855961', '0671234567', 'info@lviv-mebli.com.ua']);
    expect(counterparty).not.to.have.property('rnokpp');

    const history = await store.counterparties.relationshipHistory(counterparty.id);
    expect(history).to.have.length(1);
    expect(history[0]).to.include({ counterpartyId: counterparty.id, stage: 'potential', at: counterparty.createdAt });
    expect(history[0]).not.to.have.property('fromStage');
  });

  it('registers an individual and a ФОП with РНОКПП, and a given relationship stage', async () => {
    const store = freshStore();
    const person = await store.counterparties.create({ kind: 'individual', name: 'Петренко Іван Олегович', rnokpp: '3012345670' });
    const fop = await store.counterparties.create({
      kind: 'fop',
      name: 'ФОП Бондаренко Ганна',
      rnokpp: '3456789014',
      relationshipStage: 'regular',
    });
    expect((await store.counterparties.get(person.id))!.rnokpp).to.equal('3012345670');
    expect(await store.counterparties.get(fop.id)).to.include({ kind: 'fop', rnokpp: '3456789014', relationshipStage: 'regular' });
    expect((await store.counterparties.relationshipHistory(fop.id)).map((h) => h.stage)).to.deep.equal(['regular']);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const store = freshStore();
    const before = await snapshot(store);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ kind: 'legal', name: 'ТОВ «Ромашка»', edrpou: '12345670' }, 'edrpou', 'error.edrpou'],
      [{ kind: 'fop', name: 'ФОП Коваль', rnokpp: '3012345671' }, 'rnokpp', 'error.rnokpp'],
      [{ kind: 'fop', name: 'ФОП Коваль', edrpou: '12345678' }, 'edrpou', 'error.taxCodeKind'],
      [{ kind: 'legal', name: 'ТОВ «Ромашка»', rnokpp: '3012345670' }, 'rnokpp', 'error.taxCodeKind'],
      [{ kind: 'legal', name: 'ТОВ «Ромашка»', phones: ['067 123 45 67', '123'] }, 'phones.1', 'error.phone'],
      [{ kind: 'legal', name: 'ТОВ «Ромашка»', emails: ['romashka@'] }, 'emails.0', 'error.email'],
      [{ kind: 'legal', name: 'ТОВ «Ромашка»', website: 'ромашка' }, 'website', 'error.url'],
      [{ kind: 'legal', name: 'ТОВ «Ромашка»', addresses: [{ kind: 'legal', text: '' }] }, 'addresses.0.text', 'error.required'],
      [{ kind: 'legal', name: '' }, 'name', 'error.required'],
      [{ name: 'ТОВ «Ромашка»' }, 'kind', 'error.required'],
      [{ kind: 'company', name: 'ТОВ «Ромашка»' }, 'kind', 'error.invalid'],
      [{ kind: 'legal', name: 'ТОВ «Ромашка»', relationshipStage: 'friend' }, 'relationshipStage', 'error.invalid'],
    ];
    for (const [input, field, messageKey] of cases) {
      const error = await refused(store.counterparties.create(input as never));
      expect(error, field).to.include({ code: 'VALIDATION', field, messageKey });
    }
    expect(await snapshot(store)).to.deep.equal(before);
  });

  it('refuses a second counterparty with the same ЄДРПОУ or РНОКПП, naming the existing one', async () => {
    const store = freshStore();
    const legal = await store.counterparties.create({ kind: 'legal', name: 'АТ «Укрзалізниця»', edrpou: '40000006' });
    const fop = await store.counterparties.create({ kind: 'fop', name: 'ФОП Мельник Тарас', rnokpp: '2121212122' });
    const before = await snapshot(store);

    const byEdrpou = await refused(store.counterparties.create({ kind: 'legal', name: 'Укрзалізниця (дубль)', edrpou: '40000006' }));
    expect(byEdrpou).to.include({ code: 'DUPLICATE', field: 'edrpou' });
    expect(byEdrpou.params).to.deep.equal({ id: legal.id });
    const byRnokpp = await refused(store.counterparties.create({ kind: 'individual', name: 'Мельник Тарас', rnokpp: '2121212122' }));
    expect(byRnokpp).to.include({ code: 'DUPLICATE', field: 'rnokpp' });
    expect(byRnokpp.params).to.deep.equal({ id: fop.id });
    expect(await snapshot(store)).to.deep.equal(before);
  });

  it('refuses an unknown manager, source, tag or partner with NOT_FOUND, and writes nothing', async () => {
    const store = freshStore();
    const { vip } = await partyReferences(store);
    const before = await snapshot(store);
    const base = { kind: 'legal' as const, name: 'ТОВ «Нова Ера»' };
    expect(await refused(store.counterparties.create({ ...base, managerId: 'ghost' }))).to.include({ code: 'NOT_FOUND', field: 'managerId' });
    expect(await refused(store.counterparties.create({ ...base, sourceId: 'ghost' }))).to.include({ code: 'NOT_FOUND', field: 'sourceId' });
    expect(await refused(store.counterparties.create({ ...base, partnerId: 'ghost' }))).to.include({ code: 'NOT_FOUND', field: 'partnerId' });
    expect(await refused(store.counterparties.create({ ...base, tags: [vip.id, 'ghost'] }))).to.include({ code: 'NOT_FOUND', field: 'tags.1' });
    expect(await snapshot(store)).to.deep.equal(before);
  });
});

describe('counterparties.update', () => {
  afterEach(deleteTestStores);

  it('changes the given fields, clears one given as null, rebuilds search tokens and keeps the stage', async () => {
    const store = freshStore();
    const { manager, otherManager } = await partyReferences(store);
    const original = await store.counterparties.create({
      kind: 'legal',
      name: 'ТОВ «Старт»',
      edrpou: '12345678',
      website: 'start.ua',
      phones: ['050 111 22 33'],
      managerId: manager.id,
    });
    await store.counterparties.setRelationshipStage(original.id, 'first-purchase');
    await settle(2);
    const updated = await store.counterparties.update(original.id, {
      name: 'ТОВ «Фініш Груп»',
      website: null,
      phones: ['050 111 22 33', '093 765 43 21'],
      managerId: otherManager.id,
    });
    expect(await store.counterparties.get(original.id)).to.deep.equal(updated);
    expect(updated).to.include({ edrpou: '12345678', managerId: otherManager.id, relationshipStage: 'first-purchase', createdAt: original.createdAt });
    expect(updated).not.to.have.property('website');
    expect(updated.phones).to.deep.equal(['+380501112233', '+380937654321']);
    expect(updated.updatedAt).to.be.greaterThan(original.updatedAt);
    expect((await store.counterparties.search('фініш гр')).map((c) => c.id)).to.deep.equal([original.id]);
    expect(await store.counterparties.search('старт')).to.deep.equal([]);
    expect((await store.counterparties.search('093 765')).map((c) => c.id)).to.deep.equal([original.id]);
  });

  it('changes the kind when the tax code changes with it', async () => {
    const store = freshStore();
    const counterparty = await store.counterparties.create({ kind: 'legal', name: 'Коваль Андрій', edrpou: '14411379' });
    const before = await snapshot(store);
    expect(await refused(store.counterparties.update(counterparty.id, { kind: 'fop' }))).to.include({
      code: 'VALIDATION',
      field: 'edrpou',
      messageKey: 'error.taxCodeKind',
    });
    expect(await snapshot(store)).to.deep.equal(before);
    const fop = await store.counterparties.update(counterparty.id, { kind: 'fop', edrpou: null, rnokpp: '2876543211' });
    expect(await store.counterparties.get(counterparty.id)).to.deep.equal(fop);
    expect(fop).to.include({ kind: 'fop', rnokpp: '2876543211' });
    expect(fop).not.to.have.property('edrpou');
  });

  it('keeps its own code but refuses another counterparty’s, and an unknown id', async () => {
    const store = freshStore();
    const first = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Перша»', edrpou: '21968740' });
    const second = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Друга»', edrpou: '36345434' });
    expect((await store.counterparties.update(first.id, { edrpou: '2196 8740', name: 'ТОВ «Перша компанія»' })).edrpou).to.equal('21968740');
    const before = await snapshot(store);
    const error = await refused(store.counterparties.update(second.id, { edrpou: '21968740' }));
    expect(error).to.include({ code: 'DUPLICATE', field: 'edrpou' });
    expect(error.params).to.deep.equal({ id: first.id });
    expect(await refused(store.counterparties.update('ghost', { name: 'Хтось' }))).to.include({ code: 'NOT_FOUND', field: 'id' });
    expect(await refused(store.counterparties.update(first.id, { emails: ['не пошта'] }))).to.include({ code: 'VALIDATION', field: 'emails.0' });
    expect(await snapshot(store)).to.deep.equal(before);
  });
});

describe('counterparties.setRelationshipStage', () => {
  afterEach(deleteTestStores);

  it('moves the stage and appends each change to the history', async () => {
    const store = freshStore();
    const counterparty = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Віра»', edrpou: '12375705' });
    await settle(2);
    const first = await store.counterparties.setRelationshipStage(counterparty.id, 'first-purchase');
    await settle(2);
    await store.counterparties.setRelationshipStage(counterparty.id, 'regular');
    await store.counterparties.setRelationshipStage(counterparty.id, 'regular');
    expect((await store.counterparties.get(counterparty.id))!.relationshipStage).to.equal('regular');
    expect(first.updatedAt).to.be.greaterThan(counterparty.updatedAt);
    const history = await store.counterparties.relationshipHistory(counterparty.id);
    expect(history.map(({ stage, fromStage }) => ({ stage, fromStage }))).to.deep.equal([
      { stage: 'potential', fromStage: undefined },
      { stage: 'first-purchase', fromStage: 'potential' },
      { stage: 'regular', fromStage: 'first-purchase' },
    ]);
  });

  it('refuses an unknown stage or counterparty, writing nothing', async () => {
    const store = freshStore();
    const counterparty = await store.counterparties.create({ kind: 'individual', name: 'Сидоренко Олег' });
    const before = await snapshot(store);
    expect(await refused(store.counterparties.setRelationshipStage(counterparty.id, 'vip' as 'regular'))).to.include({
      code: 'VALIDATION',
      field: 'stage',
    });
    expect(await refused(store.counterparties.setRelationshipStage('ghost', 'regular'))).to.include({ code: 'NOT_FOUND', field: 'id' });
    expect(await snapshot(store)).to.deep.equal(before);
  });
});

describe('counterparties.search / list / count / archive', () => {
  afterEach(deleteTestStores);

  async function seed(store: CrmStore) {
    const refs = await partyReferences(store);
    const lviv = await store.counterparties.create({
      kind: 'legal',
      name: 'ТОВ «Львівські меблі»',
      edrpou: '32855961',
      phones: ['067 123 45 67'],
      emails: ['sales@lviv-mebli.ua'],
      managerId: refs.manager.id,
      tags: [refs.vip.id],
      sourceId: refs.source.id,
    });
    const kyiv = await store.counterparties.create({
      kind: 'legal',
      name: 'ТОВ «Київські двері»',
      edrpou: '14360570',
      managerId: refs.manager.id,
      tags: [refs.vip.id, refs.wholesale.id],
    });
    const fop = await store.counterparties.create({
      kind: 'fop',
      name: "ФОП П'ятниця Олег",
      rnokpp: '3123456789',
      managerId: refs.otherManager.id,
      tags: [refs.wholesale.id],
      sourceId: refs.source.id,
    });
    const yevhen = await store.counterparties.create({ kind: 'individual', name: 'Євтушенко Ірина', phones: ['050 765 43 21'] });
    return { ...refs, lviv, kyiv, fop, yevhen };
  }

  it('finds by name prefix, several words, phone fragment, code and e-mail', async () => {
    const store = freshStore();
    const { lviv, kyiv, fop } = await seed(store);
    const ids = async (text: string) => (await store.counterparties.search(text)).map((c) => c.id);
    expect(await ids('львів')).to.deep.equal([lviv.id]);
    expect(await ids('ТОВ')).to.deep.equal([kyiv.id, lviv.id]);
    expect(await ids('тов меб')).to.deep.equal([lviv.id]);
    expect(await ids('067 123')).to.deep.equal([lviv.id]);
    expect(await ids('+380 67 123')).to.deep.equal([lviv.id]);
    expect(await ids('3285')).to.deep.equal([lviv.id]);
    expect(await ids('sales@')).to.deep.equal([lviv.id]);
    expect(await ids('п’ятниця')).to.deep.equal([fop.id]);
    expect(await ids('п\'ят олег')).to.deep.equal([fop.id]);
    expect(await ids('одеса')).to.deep.equal([]);
    expect(await store.counterparties.search('тов', { limit: 1 })).to.have.length(1);
  });

  it('lists by name in Ukrainian order with filters and pages, and counts over all matches', async () => {
    const store = freshStore();
    const { lviv, kyiv, fop, yevhen, manager, otherManager, vip, wholesale, source } = await seed(store);
    await store.counterparties.setRelationshipStage(kyiv.id, 'regular');
    const ids = async (filter: Parameters<CrmStore['counterparties']['list']>[0]) => (await store.counterparties.list(filter)).map((c) => c.id);

    expect(await ids({})).to.deep.equal([yevhen.id, kyiv.id, lviv.id, fop.id]);
    expect(await ids({ managerId: manager.id })).to.deep.equal([kyiv.id, lviv.id]);
    expect(await ids({ managerId: otherManager.id })).to.deep.equal([fop.id]);
    expect(await ids({ tagId: wholesale.id })).to.deep.equal([kyiv.id, fop.id]);
    expect(await ids({ tagId: vip.id, managerId: manager.id, stage: 'regular' })).to.deep.equal([kyiv.id]);
    expect(await ids({ sourceId: source.id })).to.deep.equal([lviv.id, fop.id]);
    expect(await ids({ stage: 'potential' })).to.deep.equal([yevhen.id, lviv.id, fop.id]);
    expect(await ids({ kind: 'legal' })).to.deep.equal([kyiv.id, lviv.id]);
    expect(await ids({ offset: 1, limit: 2 })).to.deep.equal([kyiv.id, lviv.id]);
    expect(await store.counterparties.count()).to.equal(4);
    expect(await store.counterparties.count({ tagId: wholesale.id })).to.equal(2);
    expect(await store.counterparties.count({ stage: 'potential' })).to.equal(3);
  });

  it('archive hides a counterparty from lists and search until unarchived', async () => {
    const store = freshStore();
    const { lviv, kyiv, manager } = await seed(store);
    const archived = await store.counterparties.archive(lviv.id);
    expect(await store.counterparties.get(lviv.id)).to.deep.equal(archived);
    expect(archived.archived).to.equal(1);
    expect((await store.counterparties.list({ managerId: manager.id })).map((c) => c.id)).to.deep.equal([kyiv.id]);
    expect(await store.counterparties.count()).to.equal(3);
    expect(await store.counterparties.search('львів')).to.deep.equal([]);
    expect((await store.counterparties.search('львів', { includeArchived: true })).map((c) => c.id)).to.deep.equal([lviv.id]);
    expect(await store.counterparties.count({ includeArchived: true })).to.equal(4);
    await store.counterparties.unarchive(lviv.id);
    expect((await store.counterparties.search('львів')).map((c) => c.id)).to.deep.equal([lviv.id]);
    expect(await refused(store.counterparties.archive('ghost'))).to.include({ code: 'NOT_FOUND', field: 'id' });
  });
});

describe('counterparties.findDuplicates', () => {
  afterEach(deleteTestStores);

  it('finds counterparties, leads and contacts sharing a tax code, phone or e-mail, saying which matched', async () => {
    const store = freshStore();
    const company = await store.counterparties.create({
      kind: 'legal',
      name: 'ТОВ «Дніпро-Агро»',
      edrpou: '41234569',
      phones: ['056 789 01 23'],
      emails: ['office@dnipro-agro.ua'],
    });
    const person = await store.counterparties.create({ kind: 'individual', name: 'Шевчук Марія', rnokpp: '1234567899' });
    const lead = await store.leads.create({ name: 'Марія Шевчук', taxCode: '1234567899', phones: ['+380 67 000 11 22'] });
    const contact = await store.contacts.create({ name: 'Олег Дмитренко', phones: ['0567890123'], emails: ['oleh@dnipro-agro.ua'] });
    await store.contacts.create({ name: 'Ніхто Стороній', phones: ['063 000 00 01'] });

    const matches = await store.counterparties.findDuplicates({
      edrpou: '4123 4569',
      phones: ['(056) 789-01-23', 'не телефон'],
      emails: ['OFFICE@dnipro-agro.ua'],
    });
    expect(matches).to.deep.equal([
      { type: 'counterparty', id: company.id, name: company.name, fields: ['edrpou', 'phones', 'emails'] },
      { type: 'contact', id: contact.id, name: contact.name, fields: ['phones'] },
    ]);

    expect(await store.counterparties.findDuplicates({ rnokpp: '1234567899', phones: ['067 000 11 22'] })).to.deep.equal([
      { type: 'counterparty', id: person.id, name: person.name, fields: ['rnokpp'] },
      { type: 'lead', id: lead.id, name: lead.name, fields: ['rnokpp', 'phones'] },
    ]);
    expect(await store.counterparties.findDuplicates({ taxCode: '1234567899', excludeId: person.id })).to.deep.equal([
      { type: 'lead', id: lead.id, name: lead.name, fields: ['taxCode'] },
    ]);
    expect(await store.counterparties.findDuplicates({ ...company, excludeId: company.id })).to.deep.equal([
      { type: 'contact', id: contact.id, name: contact.name, fields: ['phones'] },
    ]);
    expect(await store.counterparties.findDuplicates({ phones: ['099 999 99 99'] })).to.deep.equal([]);
    expect(await store.counterparties.findDuplicates({})).to.deep.equal([]);
  });
});

describe('a lead converted into an existing counterparty', () => {
  afterEach(deleteTestStores);

  it('is found from the counterparty, exported with it, and erased with it', async () => {
    const store = freshStore();
    const client = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Ясен»', edrpou: '43521871', phones: ['067 123 45 67'] });
    const lead = await store.leads.create({ name: 'Олена Коваль', company: 'ТОВ «Ясен»', phones: ['067 123 45 68'] });
    await store.leads.convert(lead.id, { counterpartyId: client.id });
    expect((await store.counterparties.getByLead(lead.id))?.id).to.equal(client.id);
    const exported = await store.backup.exportPerson({ type: 'counterparty', id: client.id });
    expect(JSON.stringify(exported)).to.contain(lead.id);
    await store.backup.erasePerson({ type: 'counterparty', id: client.id });
    expect(await store.leads.get(lead.id)).to.equal(undefined);
    expect(await store.counterparties.get(client.id)).to.equal(undefined);
  });
});

import { expect } from '@open-wc/testing';
import { deleteTestStores, freshStore } from '../support/fixtures.js';
import { partyReferences, refused, snapshot } from '../support/store.js';

describe('contacts.create / update / archive', () => {
  afterEach(deleteTestStores);

  it('registers a contact person linked at once to counterparties with roles', async () => {
    const store = freshStore();
    const { vip, source } = await partyReferences(store);
    const firm = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Вінницькі вікна»', edrpou: '13246798' });
    const shop = await store.counterparties.create({ kind: 'fop', name: 'ФОП Ткачук Ольга' });
    const contact = await store.contacts.create({
      name: 'Ольга Ткачук',
      position: 'Директорка',
      phones: ['097 111 22 33'],
      emails: ['Olga@Vinvikna.ua'],
      messengers: [{ kind: 'telegram', handle: '@olga_tkachuk' }],
      tags: [vip.id],
      sourceId: source.id,
      links: [
        { counterpartyId: firm.id, role: 'Директорка' },
        { counterpartyId: shop.id, role: 'Власниця' },
      ],
    });
    expect(await store.contacts.get(contact.id)).to.deep.equal(contact);
    expect(contact).to.include({ name: 'Ольга Ткачук', position: 'Директорка', sourceId: source.id, archived: 0 });
    expect(contact.phones).to.deep.equal(['+380971112233']);
    expect(contact.emails).to.deep.equal(['olga@vinvikna.ua']);
    expect(contact.searchTokens).to.include.members(['ольга', 'ткачук', '0971112233', 'olga']);
    const places = await store.contacts.counterpartiesOf(contact.id);
    expect(places.map(({ counterparty, link }) => [counterparty.id, link.role])).to.deep.equal([
      [firm.id, 'Директорка'],
      [shop.id, 'Власниця'],
    ]);
  });

  it('writes nothing when a link in create points at an unknown counterparty or repeats one', async () => {
    const store = freshStore();
    const firm = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Вінницькі вікна»' });
    const before = await snapshot(store);
    expect(await refused(store.contacts.create({ name: 'Ольга Ткачук', links: [{ counterpartyId: firm.id }, { counterpartyId: 'ghost' }] }))).to.include({
      code: 'NOT_FOUND',
      field: 'links.1.counterpartyId',
    });
    expect(
      await refused(store.contacts.create({ name: 'Ольга Ткачук', links: [{ counterpartyId: firm.id }, { counterpartyId: firm.id }] })),
    ).to.include({ code: 'DUPLICATE', field: 'links.1.counterpartyId' });
    expect(await refused(store.contacts.create({ name: 'Ольга Ткачук', phones: ['0'] }))).to.include({ code: 'VALIDATION', field: 'phones.0' });
    expect(await refused(store.contacts.create({ name: 'Ольга Ткачук', tags: ['ghost'] }))).to.include({ code: 'NOT_FOUND', field: 'tags.0' });
    expect(await snapshot(store)).to.deep.equal(before);
  });

  it('updates a contact, rebuilding its search tokens, and archives it', async () => {
    const store = freshStore();
    const contact = await store.contacts.create({ name: 'Василь Романюк', position: 'Бухгалтер', phones: ['066 123 00 00'] });
    const updated = await store.contacts.update(contact.id, { name: 'Василь Романчук', position: '' });
    expect(await store.contacts.get(contact.id)).to.deep.equal(updated);
    expect(updated).not.to.have.property('position');
    expect(updated.phones).to.deep.equal(['+380661230000']);
    expect((await store.contacts.search('романчук')).map((c) => c.id)).to.deep.equal([contact.id]);
    expect(await store.contacts.search('романюк')).to.deep.equal([]);
    expect(await refused(store.contacts.update(contact.id, { name: '' }))).to.include({ code: 'VALIDATION', field: 'name' });
    expect(await refused(store.contacts.update('ghost', { name: 'Хтось' }))).to.include({ code: 'NOT_FOUND', field: 'id' });

    await store.contacts.archive(contact.id);
    expect((await store.contacts.get(contact.id))!.archived).to.equal(1);
    expect(await store.contacts.search('василь')).to.deep.equal([]);
    expect(await store.contacts.search('василь', { includeArchived: true })).to.have.length(1);
    await store.contacts.unarchive(contact.id);
    expect(await store.contacts.search('василь')).to.have.length(1);
  });
});

describe('contacts.link / unlink / updateRole', () => {
  afterEach(deleteTestStores);

  it('links a contact to several counterparties with roles, reads both ways, changes a role and unlinks', async () => {
    const store = freshStore();
    const firm = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Харків-Буд»', edrpou: '13484362' });
    const other = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Буд-Сервіс»', edrpou: '15939251' });
    const accountant = await store.contacts.create({ name: 'Юлія Кравченко' });
    const director = await store.contacts.create({ name: 'Андрій Бойко' });

    const link = await store.contacts.link(accountant.id, firm.id, ' Головна бухгалтерка ');
    expect(link).to.include({ contactId: accountant.id, counterpartyId: firm.id, role: 'Головна бухгалтерка' });
    await store.contacts.link(director.id, firm.id, 'Директор');
    await store.contacts.link(accountant.id, other.id);

    const ofFirm = await store.contacts.contactsOf(firm.id);
    expect(ofFirm.map(({ contact, link: l }) => [contact.id, l.role])).to.deep.equal([
      [director.id, 'Директор'],
      [accountant.id, 'Головна бухгалтерка'],
    ]);
    expect((await store.contacts.counterpartiesOf(accountant.id)).map(({ counterparty, link: l }) => [counterparty.id, l.role])).to.deep.equal([
      [other.id, ''],
      [firm.id, 'Головна бухгалтерка'],
    ]);

    const changed = await store.contacts.updateRole(accountant.id, other.id, 'Бухгалтерка на аутсорсі');
    expect(changed).to.include({ id: (await store.contacts.counterpartiesOf(accountant.id))[0]!.link.id, role: 'Бухгалтерка на аутсорсі' });

    const removed = await store.contacts.unlink(director.id, firm.id);
    expect(removed).to.include({ contactId: director.id, counterpartyId: firm.id });
    expect((await store.contacts.contactsOf(firm.id)).map(({ contact }) => contact.id)).to.deep.equal([accountant.id]);

    await store.contacts.archive(accountant.id);
    expect(await store.contacts.contactsOf(firm.id)).to.deep.equal([]);
    expect(await store.contacts.contactsOf(firm.id, { includeArchived: true })).to.have.length(1);
  });

  it('refuses linking twice, unknown ends, a missing link and a too long role, writing nothing', async () => {
    const store = freshStore();
    const firm = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Харків-Буд»' });
    const contact = await store.contacts.create({ name: 'Юлія Кравченко' });
    const link = await store.contacts.link(contact.id, firm.id, 'Бухгалтерка');
    const before = await snapshot(store);

    const twice = await refused(store.contacts.link(contact.id, firm.id, 'Директорка'));
    expect(twice).to.include({ code: 'DUPLICATE', field: 'counterpartyId' });
    expect(twice.params).to.deep.equal({ id: link.id });
    expect(await refused(store.contacts.link('ghost', firm.id, 'Х'))).to.include({ code: 'NOT_FOUND', field: 'contactId' });
    expect(await refused(store.contacts.link(contact.id, 'ghost', 'Х'))).to.include({ code: 'NOT_FOUND', field: 'counterpartyId' });
    expect(await refused(store.contacts.link(contact.id, firm.id, 'я'.repeat(101)))).to.include({ code: 'VALIDATION', field: 'role' });
    expect(await refused(store.contacts.unlink(contact.id, 'ghost'))).to.include({ code: 'NOT_FOUND', field: 'counterpartyId' });
    expect(await refused(store.contacts.updateRole(contact.id, 'ghost', 'Х'))).to.include({ code: 'NOT_FOUND', field: 'counterpartyId' });
    expect(await snapshot(store)).to.deep.equal(before);
  });
});

describe('contacts.findDuplicates', () => {
  afterEach(deleteTestStores);

  it('flags counterparties, leads and other contacts with the same phone or e-mail', async () => {
    const store = freshStore();
    const firm = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Одеса-Трейд»', phones: ['048 700 00 01'] });
    const lead = await store.leads.create({ name: 'Ігор Лисенко', emails: ['igor@odesa-trade.ua'] });
    const contact = await store.contacts.create({ name: 'Ігор Лисенко', phones: ['048 700 00 01'], emails: ['igor@odesa-trade.ua'] });
    expect(await store.contacts.findDuplicates({ phones: ['+380487000001'], emails: ['Igor@Odesa-Trade.ua'], excludeId: contact.id })).to.deep.equal([
      { type: 'counterparty', id: firm.id, name: firm.name, fields: ['phones'] },
      { type: 'lead', id: lead.id, name: lead.name, fields: ['emails'] },
    ]);
    expect((await store.contacts.findDuplicates({ phones: ['048 700 00 01'] })).map((m) => m.type)).to.deep.equal(['counterparty', 'contact']);
  });
});

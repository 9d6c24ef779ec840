import { expect } from '@open-wc/testing';
import { deleteTestStores, freshStore } from '../support/fixtures.js';
import { refused, snapshot } from '../support/store.js';

describe('partners', () => {
  afterEach(deleteTestStores);

  it('creates, updates and archives a partner', async () => {
    const store = freshStore();
    const partner = await store.partners.create({ name: 'Холдинг «Поділля»', comment: 'Розраховується через три юрособи' });
    expect(await store.partners.get(partner.id)).to.deep.equal(partner);
    expect(partner).to.include({ name: 'Холдинг «Поділля»', comment: 'Розраховується через три юрособи', archived: 0 });
    const updated = await store.partners.update(partner.id, { comment: null });
    expect(await store.partners.get(partner.id)).to.deep.equal(updated);
    expect(updated).not.to.have.property('comment');
    await store.partners.archive(partner.id);
    expect(await store.partners.list()).to.deep.equal([]);
    expect((await store.partners.list({ includeArchived: true })).map((p) => p.id)).to.deep.equal([partner.id]);
    await store.partners.unarchive(partner.id);
    expect((await store.partners.list()).map((p) => p.id)).to.deep.equal([partner.id]);
  });

  it('attaches counterparties to a partner, lists them and detaches one', async () => {
    const store = freshStore();
    const partner = await store.partners.create({ name: 'Холдинг «Поділля»' });
    const a = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Поділля-Агро»', edrpou: '12930032' });
    const b = await store.counterparties.create({ kind: 'fop', name: 'ФОП Гуменюк Петро' });
    const attached = await store.partners.attach(a.id, partner.id);
    expect(await store.counterparties.get(a.id)).to.deep.equal(attached);
    expect(attached.partnerId).to.equal(partner.id);
    await store.partners.attach(b.id, partner.id);
    expect((await store.partners.counterpartiesOf(partner.id)).map((c) => c.id)).to.deep.equal([a.id, b.id]);
    expect((await store.counterparties.list({ partnerId: partner.id })).map((c) => c.id)).to.deep.equal([a.id, b.id]);
    const detached = await store.partners.detach(a.id);
    expect(detached).not.to.have.property('partnerId');
    expect(await store.counterparties.get(a.id)).not.to.have.property('partnerId');
    expect((await store.partners.counterpartiesOf(partner.id)).map((c) => c.id)).to.deep.equal([b.id]);
  });

  it('refuses an unknown or archived partner, an unknown counterparty and an empty name, writing nothing', async () => {
    const store = freshStore();
    const partner = await store.partners.create({ name: 'Холдинг «Поділля»' });
    const old = await store.partners.create({ name: 'Стара група' });
    await store.partners.archive(old.id);
    const counterparty = await store.counterparties.create({ kind: 'legal', name: 'ТОВ «Поділля-Агро»' });
    const before = await snapshot(store);
    expect(await refused(store.partners.attach(counterparty.id, 'ghost'))).to.include({ code: 'NOT_FOUND', field: 'partnerId' });
    expect(await refused(store.partners.attach('ghost', partner.id))).to.include({ code: 'NOT_FOUND', field: 'counterpartyId' });
    expect(await refused(store.partners.attach(counterparty.id, old.id))).to.include({ code: 'INVALID_STATE', field: 'partnerId' });
    expect(await refused(store.partners.create({ name: '' }))).to.include({ code: 'VALIDATION', field: 'name' });
    expect(await refused(store.partners.update(partner.id, { name: '' }))).to.include({ code: 'VALIDATION', field: 'name' });
    expect(await refused(store.partners.archive('ghost'))).to.include({ code: 'NOT_FOUND', field: 'id' });
    expect(await snapshot(store)).to.deep.equal(before);
  });
});

describe('partners.search', () => {
  afterEach(deleteTestStores);

  it('finds partners by any word of their name, sorted by name, archived ones only when asked', async () => {
    const store = freshStore();
    const kyiv = await store.partners.create({ name: 'Група «Дніпроліс»' });
    const lviv = await store.partners.create({ name: 'Холдинг «Галичина Інтер’єр»' });
    const old = await store.partners.create({ name: 'Група «Стара фабрика»' });
    await store.partners.archive(old.id);
    expect((await store.partners.search('груп')).map((p) => p.id)).to.deep.equal([kyiv.id]);
    expect((await store.partners.search('груп', { includeArchived: true })).map((p) => p.id)).to.deep.equal([kyiv.id, old.id]);
    expect((await store.partners.search('галичина інт')).map((p) => p.id)).to.deep.equal([lviv.id]);
    expect(await store.partners.search('житомир')).to.deep.equal([]);
  });
});

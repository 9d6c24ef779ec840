import { expect } from '@open-wc/testing';
import { deleteTestStores, freshStore } from '../support/fixtures.js';
import { refused, snapshot } from '../support/store.js';

describe('sources.create', () => {
  afterEach(deleteTestStores);

  it('adds a source with a channel and no planned spend', async () => {
    const store = freshStore();
    const source = await store.sources.create({ name: ' Google Ads ', channel: 'Реклама' });
    expect(await store.sources.get(source.id)).to.deep.equal(source);
    expect(source).to.include({ name: 'Google Ads', channel: 'Реклама', archived: 0 });
    expect(source.plannedSpend).to.deep.equal([]);
  });

  it('refuses a name in use, whatever its case, naming the existing source; and an empty name', async () => {
    const store = freshStore();
    const existing = await store.sources.create({ name: 'Рекомендація' });
    const before = await snapshot(store);
    const error = await refused(store.sources.create({ name: 'РЕКОМЕНДАЦІЯ' }));
    expect(error).to.include({ code: 'DUPLICATE', field: 'name', messageKey: 'error.duplicateName' });
    expect(error.params).to.deep.equal({ id: existing.id });
    expect(await refused(store.sources.create({ name: '  ' }))).to.include({ code: 'VALIDATION', field: 'name', messageKey: 'error.required' });
    expect(await snapshot(store)).to.deep.equal(before);
  });
});

describe('sources.update / archive', () => {
  afterEach(deleteTestStores);

  it('renames a source and clears its channel, keeping the planned spend', async () => {
    const store = freshStore();
    const source = await store.sources.create({ name: 'Виставка', channel: 'Офлайн' });
    await store.sources.setPlannedSpend(source.id, '2025-03', { minor: 1_500_000 });
    const updated = await store.sources.update(source.id, { name: 'Виставка «Меблі-2025»', channel: '' });
    expect(await store.sources.get(source.id)).to.deep.equal(updated);
    expect(updated.name).to.equal('Виставка «Меблі-2025»');
    expect(updated).not.to.have.property('channel');
    expect(updated.plannedSpend).to.have.length(1);
  });

  it('refuses renaming to another source’s name but accepts its own name', async () => {
    const store = freshStore();
    const facebook = await store.sources.create({ name: 'Facebook' });
    const instagram = await store.sources.create({ name: 'Instagram' });
    const error = await refused(store.sources.update(instagram.id, { name: 'facebook' }));
    expect(error).to.include({ code: 'DUPLICATE', field: 'name' });
    expect(error.params).to.deep.equal({ id: facebook.id });
    expect((await store.sources.get(instagram.id))!.name).to.equal('Instagram');
    expect((await store.sources.update(facebook.id, { name: 'Facebook', channel: 'Соцмережі' })).channel).to.equal('Соцмережі');
  });

  it('archives a source out of the list and back', async () => {
    const store = freshStore();
    const olx = await store.sources.create({ name: 'OLX' });
    const prom = await store.sources.create({ name: 'Prom.ua' });
    await store.sources.archive(olx.id);
    expect((await store.sources.get(olx.id))!.archived).to.equal(1);
    expect((await store.sources.list()).map((s) => s.id)).to.deep.equal([prom.id]);
    expect((await store.sources.list({ includeArchived: true })).map((s) => s.id)).to.deep.equal([olx.id, prom.id]);
    await store.sources.unarchive(olx.id);
    expect((await store.sources.list()).map((s) => s.id)).to.deep.equal([olx.id, prom.id]);
  });

  it('refuses an unknown source', async () => {
    const store = freshStore();
    expect(await refused(store.sources.archive('no-such-source'))).to.include({ code: 'NOT_FOUND', field: 'id' });
    expect(await refused(store.sources.update('no-such-source', { name: 'X' }))).to.include({ code: 'NOT_FOUND', field: 'id' });
  });
});

describe('sources.setPlannedSpend', () => {
  afterEach(deleteTestStores);

  it('sets the spend per month, replaces a month’s plan and keeps months in order', async () => {
    const store = freshStore();
    const source = await store.sources.create({ name: 'Google Ads' });
    await store.sources.setPlannedSpend(source.id, '2025-02', { minor: 2_000_000, currency: 'UAH' });
    await store.sources.setPlannedSpend(source.id, '2025-01', { minor: 1_800_000 });
    const result = await store.sources.setPlannedSpend(source.id, '2025-02', { minor: 2_500_000 });
    expect(await store.sources.get(source.id)).to.deep.equal(result);
    expect(result.plannedSpend).to.deep.equal([
      { month: '2025-01', amount: { minor: 1_800_000, currency: 'UAH' } },
      { month: '2025-02', amount: { minor: 2_500_000, currency: 'UAH' } },
    ]);
  });

  it('records actual spend beside the plan, month by month, with the same rules', async () => {
    const store = freshStore();
    const source = await store.sources.create({ name: 'Instagram' });
    await store.sources.setPlannedSpend(source.id, '2025-02', { minor: 2_000_000 });
    await store.sources.setActualSpend(source.id, '2025-02', { minor: 2_300_000 });
    const result = await store.sources.setActualSpend(source.id, '2025-01', { minor: 900_000 });
    expect(result.plannedSpend).to.deep.equal([{ month: '2025-02', amount: { minor: 2_000_000, currency: 'UAH' } }]);
    expect(result.actualSpend).to.deep.equal([
      { month: '2025-01', amount: { minor: 900_000, currency: 'UAH' } },
      { month: '2025-02', amount: { minor: 2_300_000, currency: 'UAH' } },
    ]);
    const before = await snapshot(store);
    expect(await refused(store.sources.setActualSpend(source.id, '2025-02', { minor: -1 }))).to.include({ field: 'amount.minor' });
    expect(await refused(store.sources.setActualSpend('nope', '2025-02', { minor: 1 }))).to.include({ code: 'NOT_FOUND', field: 'sourceId' });
    expect(await snapshot(store)).to.deep.equal(before);
  });

  it('refuses a bad month, a negative or fractional amount and an unknown source, writing nothing', async () => {
    const store = freshStore();
    const source = await store.sources.create({ name: 'Google Ads' });
    const before = await snapshot(store);
    expect(await refused(store.sources.setPlannedSpend(source.id, '2025-13', { minor: 100 }))).to.include({
      code: 'VALIDATION',
      field: 'month',
      messageKey: 'error.date',
    });
    expect(await refused(store.sources.setPlannedSpend(source.id, '2025-03', { minor: -100 }))).to.include({
      field: 'amount.minor',
      messageKey: 'error.amount',
    });
    expect(await refused(store.sources.setPlannedSpend(source.id, '2025-03', { minor: 10.5 }))).to.include({ field: 'amount.minor' });
    expect(await refused(store.sources.setPlannedSpend(source.id, '2025-03', { minor: 100, currency: 'грн' }))).to.include({
      field: 'amount.currency',
      messageKey: 'error.currency',
    });
    expect(await refused(store.sources.setPlannedSpend('no-such-source', '2025-03', { minor: 100 }))).to.include({
      code: 'NOT_FOUND',
      field: 'sourceId',
    });
    expect(await snapshot(store)).to.deep.equal(before);
  });
});

describe('tags', () => {
  afterEach(deleteTestStores);

  it('creates a tag with a colour and lists tags by name', async () => {
    const store = freshStore();
    const vip = await store.tags.create({ name: 'VIP', color: '#FFAA00' });
    const wholesale = await store.tags.create({ name: 'Опт' });
    const retail = await store.tags.create({ name: 'Гуртовий клієнт' });
    expect(await store.tags.get(vip.id)).to.deep.equal(vip);
    expect(vip.color).to.equal('#ffaa00');
    // The Ukrainian collation puts Cyrillic before Latin.
    expect((await store.tags.list()).map((t) => t.id)).to.deep.equal([retail.id, wholesale.id, vip.id]);
  });

  it('renames a tag and refuses a name in use or a bad colour, writing nothing', async () => {
    const store = freshStore();
    const vip = await store.tags.create({ name: 'VIP' });
    const wholesale = await store.tags.create({ name: 'Опт' });
    const renamed = await store.tags.rename(wholesale.id, 'Оптовий');
    expect(await store.tags.get(wholesale.id)).to.deep.equal(renamed);
    expect(renamed.name).to.equal('Оптовий');

    const before = await snapshot(store);
    const error = await refused(store.tags.rename(wholesale.id, 'vip'));
    expect(error).to.include({ code: 'DUPLICATE', field: 'name', messageKey: 'error.duplicateName' });
    expect(error.params).to.deep.equal({ id: vip.id });
    expect(await refused(store.tags.create({ name: 'VIP' }))).to.include({ code: 'DUPLICATE', field: 'name' });
    expect(await refused(store.tags.create({ name: 'Новий', color: 'червоний' }))).to.include({ code: 'VALIDATION', field: 'color' });
    expect(await refused(store.tags.rename(wholesale.id, ''))).to.include({ code: 'VALIDATION', field: 'name' });
    expect(await refused(store.tags.rename('no-such-tag', 'Роздріб'))).to.include({ code: 'NOT_FOUND', field: 'id' });
    expect(await snapshot(store)).to.deep.equal(before);
  });

  it('update changes and clears the colour', async () => {
    const store = freshStore();
    const tag = await store.tags.create({ name: 'Постійний', color: '#00aa00' });
    expect((await store.tags.update(tag.id, { color: '#0000ff' })).color).to.equal('#0000ff');
    await store.tags.update(tag.id, { color: null });
    expect(await store.tags.get(tag.id)).not.to.have.property('color');
  });
});

describe('lostReasons', () => {
  afterEach(deleteTestStores);

  it('creates reasons, lists the active ones by name and archives one', async () => {
    const store = freshStore();
    const expensive = await store.lostReasons.create({ name: 'Дорого' });
    const competitor = await store.lostReasons.create({ name: 'Обрали конкурента' });
    const noAnswer = await store.lostReasons.create({ name: 'Не відповідає' });
    expect(await store.lostReasons.get(expensive.id)).to.deep.equal(expensive);
    expect(expensive).to.include({ name: 'Дорого', archived: 0 });
    expect((await store.lostReasons.list()).map((r) => r.id)).to.deep.equal([expensive.id, noAnswer.id, competitor.id]);

    await store.lostReasons.archive(noAnswer.id);
    expect((await store.lostReasons.get(noAnswer.id))!.archived).to.equal(1);
    expect((await store.lostReasons.list()).map((r) => r.id)).to.deep.equal([expensive.id, competitor.id]);
    expect(await store.lostReasons.list({ includeArchived: true })).to.have.length(3);
    await store.lostReasons.unarchive(noAnswer.id);
    expect(await store.lostReasons.list()).to.have.length(3);
  });

  it('renames a reason; refuses a name in use, an empty name and an unknown reason, writing nothing', async () => {
    const store = freshStore();
    const expensive = await store.lostReasons.create({ name: 'Дорого' });
    const late = await store.lostReasons.create({ name: 'Довго' });
    expect((await store.lostReasons.rename(late.id, 'Довгі терміни')).name).to.equal('Довгі терміни');
    expect((await store.lostReasons.get(late.id))!.name).to.equal('Довгі терміни');

    const before = await snapshot(store);
    const error = await refused(store.lostReasons.create({ name: 'дорого' }));
    expect(error).to.include({ code: 'DUPLICATE', field: 'name' });
    expect(error.params).to.deep.equal({ id: expensive.id });
    expect(await refused(store.lostReasons.rename(late.id, 'Дорого'))).to.include({ code: 'DUPLICATE', field: 'name' });
    expect(await refused(store.lostReasons.create({ name: '' }))).to.include({ code: 'VALIDATION', field: 'name' });
    expect(await refused(store.lostReasons.archive('no-such-reason'))).to.include({ code: 'NOT_FOUND', field: 'id' });
    expect(await snapshot(store)).to.deep.equal(before);
  });
});

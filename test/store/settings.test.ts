import { expect } from '@open-wc/testing';
import { defaultSettings } from '../../src/store/index.js';
import { deleteTestStores, freshStore, settle } from '../support/fixtures.js';
import { refused } from '../support/store.js';

describe('store.settings', () => {
  afterEach(deleteTestStores);

  it('returns the defaults of a new database', async () => {
    const store = freshStore();
    expect(await store.settings.all()).to.deep.equal(defaultSettings);
    expect(await store.settings.get('currency')).to.equal('UAH');
  });

  it('stores a trimmed value and returns the written record with timestamps', async () => {
    const store = freshStore();
    const before = Date.now();
    const record = await store.settings.set('businessName', '  ФОП Коваль  ');
    expect(record.key).to.equal('businessName');
    expect(record.value).to.equal('ФОП Коваль');
    expect(record.createdAt).to.be.at.least(before);
    expect(record.updatedAt).to.equal(record.createdAt);
    expect(await store.settings.get('businessName')).to.equal('ФОП Коваль');
  });

  it('keeps createdAt and moves updatedAt when a setting changes', async () => {
    const store = freshStore();
    const first = await store.settings.set('currency', 'EUR');
    await settle(5);
    const second = await store.settings.set('currency', 'USD');
    expect(second.createdAt).to.equal(first.createdAt);
    expect(second.updatedAt).to.be.greaterThan(first.updatedAt);
  });

  it('refuses an empty business name with a typed error naming the field, and writes nothing', async () => {
    const store = freshStore();
    await store.settings.set('businessName', 'Стара назва');
    const error = await refused(store.settings.set('businessName', '   '));
    expect(error).to.include({ code: 'VALIDATION', field: 'businessName', messageKey: 'error.required' });
    expect(await store.settings.get('businessName')).to.equal('Стара назва');
  });

  it('refuses a name over 120 characters, quoting the limit', async () => {
    const store = freshStore();
    const error = await refused(store.settings.set('businessName', 'я'.repeat(121)));
    expect(error.messageKey).to.equal('error.tooLong');
    expect(error.params).to.deep.equal({ limit: 120 });
  });

  it('refuses a currency that is not an ISO 4217 code', async () => {
    const store = freshStore();
    const error = await refused(store.settings.set('currency', 'грн'));
    expect(error).to.include({ code: 'VALIDATION', field: 'currency', messageKey: 'error.currency' });
    expect(await store.settings.get('currency')).to.equal('UAH');
  });

  it('refuses an unknown setting key from untyped callers', async () => {
    const store = freshStore();
    const error = await refused(store.settings.set('nonsense' as 'currency', 'UAH'));
    expect(error).to.include({ code: 'VALIDATION', field: 'key', messageKey: 'error.unknownSetting' });
  });
});

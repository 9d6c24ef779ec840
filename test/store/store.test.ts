import { expect } from '@open-wc/testing';
import { Dexie } from 'dexie';
import { deleteStore, getStore, openStore, sampleBusiness, seedSampleData } from '../../src/store/index.js';
import { deleteTestStores, uniqueDatabaseName } from '../support/fixtures.js';

describe('getStore / openStore', () => {
  afterEach(deleteTestStores);

  it('gives every caller on the page the same store for one name', () => {
    const name = uniqueDatabaseName();
    expect(getStore(name)).to.equal(getStore(name));
    expect(getStore(name).name).to.equal(name);
  });

  it('keeps stores of different names apart', async () => {
    const acme = getStore(uniqueDatabaseName('acme'));
    const globex = getStore(uniqueDatabaseName('globex'));
    await acme.settings.set('businessName', 'Acme');
    expect(await globex.settings.get('businessName')).to.equal('');
    expect(await acme.settings.get('businessName')).to.equal('Acme');
  });

  it('opens the IndexedDB database on openStore', async () => {
    const name = uniqueDatabaseName();
    await openStore(name);
    expect(await Dexie.getDatabaseNames()).to.include(name);
  });

  it('deleteStore removes the database and every record in it', async () => {
    const name = uniqueDatabaseName();
    await getStore(name).settings.set('businessName', 'Тимчасова');
    await deleteStore(name);
    expect(await Dexie.getDatabaseNames()).not.to.include(name);
    expect(await getStore(name).settings.get('businessName')).to.equal('');
  });
});

describe('seedSampleData', () => {
  afterEach(deleteTestStores);

  it('fills an empty store once and leaves a used one alone', async () => {
    const store = getStore(uniqueDatabaseName());
    expect(await seedSampleData(store)).to.equal(true);
    expect(await store.settings.get('businessName')).to.equal(sampleBusiness.businessName);
    await store.settings.set('businessName', 'Моя назва');
    expect(await seedSampleData(store)).to.equal(false);
    expect(await store.settings.get('businessName')).to.equal('Моя назва');
  });
});

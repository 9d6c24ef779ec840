import { expect, fixture, html } from '@open-wc/testing';
import '../support/probe-element.js';
import type { CrmTestProbe } from '../support/probe-element.js';
import { DEFAULT_DATABASE_NAME, deleteStore, getStore } from '../../src/store/index.js';
import { deleteTestStores, settle, uniqueDatabaseName, waitUntil } from '../support/fixtures.js';

const valueOf = (probe: CrmTestProbe) => probe.shadowRoot!.querySelector('.value')?.textContent;

describe('StoreController', () => {
  afterEach(deleteTestStores);

  it('gives an element outside any provider the page’s default store', async () => {
    try {
      await getStore().settings.set('businessName', 'Типова база');
      const probe = await fixture<CrmTestProbe>(html`<crm-test-probe></crm-test-probe>`);
      expect(probe.storeName).to.equal(DEFAULT_DATABASE_NAME);
      await waitUntil(() => valueOf(probe) === 'Типова база');
    } finally {
      await deleteStore(DEFAULT_DATABASE_NAME);
    }
  });

  it('drops the provided store when an element moves out from under its provider', async () => {
    const database = uniqueDatabaseName();
    const provider = await fixture(html`<crm-provider database=${database}><crm-test-probe></crm-test-probe></crm-provider>`);
    const probe = provider.querySelector('crm-test-probe')!;
    expect(probe.storeName).to.equal(database);
    try {
      provider.after(probe);
      expect(probe.storeName).to.equal(DEFAULT_DATABASE_NAME);
    } finally {
      probe.remove();
      await deleteStore(DEFAULT_DATABASE_NAME);
    }
  });

  it('keeps elements working after their database is deleted and written again', async () => {
    const database = uniqueDatabaseName();
    await getStore(database).settings.set('businessName', 'До видалення');
    const provider = await fixture(html`<crm-provider database=${database}><crm-test-probe></crm-test-probe></crm-provider>`);
    const probe = provider.querySelector('crm-test-probe')!;
    await waitUntil(() => valueOf(probe) === 'До видалення');
    await deleteStore(database);
    await getStore(database).settings.set('businessName', 'Після видалення');
    await waitUntil(() => valueOf(probe) === 'Після видалення', 'the element stayed on the deleted database');
  });

  it('does not subscribe again for an element removed while an update was pending', async () => {
    const database = uniqueDatabaseName();
    const provider = await fixture(html`<crm-provider database=${database}><crm-test-probe></crm-test-probe></crm-provider>`);
    const probe = provider.querySelector('crm-test-probe')!;
    await waitUntil(() => probe.setting.status === 'complete');
    probe.key = 'currency'; // schedules an update…
    probe.remove(); // …that runs after removal
    await probe.updateComplete;
    const queries = probe.queries;
    await getStore(DEFAULT_DATABASE_NAME).settings.get('currency');
    await getStore(database).settings.set('currency', 'PLN');
    await settle(150);
    expect(probe.queries).to.equal(queries);
    await deleteStore(DEFAULT_DATABASE_NAME);
  });
});

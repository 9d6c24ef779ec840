import { expect, fixture, html } from '@open-wc/testing';
import '../support/probe-element.js';
import type { CrmTestProbe } from '../support/probe-element.js';
import { deleteTestStores, settle, uniqueDatabaseName, waitUntil } from '../support/fixtures.js';
import { getStore } from '../../src/store/index.js';
import { inOtherTab } from '../support/other-tab.js';

const text = (el: CrmTestProbe) => el.shadowRoot!.textContent!.trim();

async function probeIn(database: string, key = 'businessName'): Promise<CrmTestProbe> {
  const provider = await fixture(
    html`<crm-provider database=${database}><crm-test-probe key=${key}></crm-test-probe></crm-provider>`,
  );
  return provider.querySelector('crm-test-probe')!;
}

describe('LiveQueryController', () => {
  afterEach(deleteTestStores);

  it('renders the pending state first, then the value', async () => {
    const database = uniqueDatabaseName();
    await getStore(database).settings.set('businessName', 'Квіти Полтави');
    const probe = await probeIn(database);
    expect(probe.setting.status).to.equal('pending');
    expect(probe.shadowRoot!.querySelector('.pending')!.textContent).to.equal('Завантаження…');
    await waitUntil(() => probe.setting.status === 'complete');
    await probe.updateComplete;
    expect(text(probe)).to.equal('Квіти Полтави');
  });

  it('renders the error state with the localized message of a CrmError', async () => {
    const probe = await probeIn(uniqueDatabaseName());
    probe.broken = true;
    await waitUntil(() => probe.setting.status === 'error');
    await probe.updateComplete;
    const alert = probe.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent!.trim()).to.equal('Не знайдено: можливо, це вже видалено');
  });

  it('re-renders when a store operation changes what it read', async () => {
    const database = uniqueDatabaseName();
    const probe = await probeIn(database);
    await waitUntil(() => probe.setting.status === 'complete');
    await getStore(database).settings.set('businessName', 'Нова назва');
    await waitUntil(() => text(probe) === 'Нова назва', 'the new name never rendered');
  });

  it('re-queries when its arguments change', async () => {
    const database = uniqueDatabaseName();
    await getStore(database).settings.set('currency', 'EUR');
    const probe = await probeIn(database);
    await waitUntil(() => probe.setting.status === 'complete');
    expect(text(probe)).to.equal('');
    probe.key = 'currency';
    await waitUntil(() => text(probe) === 'EUR', 'the currency never rendered');
  });

  it('reads nothing while disabled, and subscribes once enabled again', async () => {
    const database = uniqueDatabaseName();
    await getStore(database).settings.set('businessName', 'Квіти Полтави');
    const provider = await fixture(
      html`<crm-provider database=${database}><crm-test-probe offline></crm-test-probe></crm-provider>`,
    );
    const probe = provider.querySelector('crm-test-probe')!;
    await settle();
    expect(probe.queries).to.equal(0);
    await getStore(database).settings.set('businessName', 'Квіти Києва');
    await settle();
    expect(probe.queries).to.equal(0);
    probe.offline = false;
    await waitUntil(() => probe.setting.status === 'complete');
    await probe.updateComplete;
    expect(text(probe)).to.equal('Квіти Києва');
    probe.offline = true;
    await probe.updateComplete;
    const queries = probe.queries;
    await getStore(database).settings.set('businessName', 'Квіти Львова');
    await settle(100);
    expect(probe.queries).to.equal(queries);
  });

  it('unsubscribes on disconnect: no update reaches a removed element', async () => {
    const database = uniqueDatabaseName();
    const probe = await probeIn(database);
    await waitUntil(() => probe.setting.status === 'complete');
    await settle();
    probe.remove();
    const updates = probe.updates;
    const queries = probe.queries;
    await getStore(database).settings.set('businessName', 'Після видалення');
    await settle(150);
    expect(probe.queries, 'the query ran again for a removed element').to.equal(queries);
    expect(probe.updates, 'a removed element was updated').to.equal(updates);
    expect(probe.setting.value).to.equal('');
  });

  it('subscribes again when a removed element is put back', async () => {
    const database = uniqueDatabaseName();
    const probe = await probeIn(database);
    const provider = probe.parentElement!;
    await waitUntil(() => probe.setting.status === 'complete');
    probe.remove();
    await getStore(database).settings.set('businessName', 'Поки не було');
    provider.append(probe);
    await waitUntil(() => text(probe) === 'Поки не було', 'the missed change never rendered');
  });

  it('receives a change written through a second Dexie connection in another realm (another tab)', async () => {
    const database = uniqueDatabaseName();
    const probe = await probeIn(database);
    await waitUntil(() => probe.setting.status === 'complete');
    await inOtherTab({ database, op: 'setBusinessName', businessName: 'З іншої вкладки' });
    await waitUntil(() => text(probe) === 'З іншої вкладки', 'the other tab’s write never rendered', { timeout: 5000 });
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/provider/provider.js';
import type { CrmProvider } from '../../../src/components/provider/provider.js';
import '../../support/probe-element.js';
import type { CrmTestProbe } from '../../support/probe-element.js';
import { getStore } from '../../../src/store/index.js';
import { deleteTestStores, uniqueDatabaseName, waitUntil } from '../../support/fixtures.js';

const valueOf = (probe: CrmTestProbe) => probe.shadowRoot!.querySelector('.value')?.textContent;

describe('crm-provider', () => {
  afterEach(deleteTestStores);

  it('gives the elements inside it the store of its database', async () => {
    const database = uniqueDatabaseName();
    await getStore(database).settings.set('businessName', 'Пекарня «Колосок»');
    const provider = await fixture<CrmProvider>(html`<crm-provider database=${database}><crm-test-probe></crm-test-probe></crm-provider>`);
    const probe = provider.querySelector('crm-test-probe')!;
    expect(probe.storeName).to.equal(database);
    await waitUntil(() => valueOf(probe) === 'Пекарня «Колосок»');
    expect(provider.store.name).to.equal(database);
  });

  it('keeps nested providers with different databases isolated', async () => {
    const outer = uniqueDatabaseName('outer');
    const inner = uniqueDatabaseName('inner');
    await getStore(outer).settings.set('businessName', 'Зовнішня');
    await getStore(inner).settings.set('businessName', 'Внутрішня');
    const root = await fixture(html`
      <crm-provider database=${outer}>
        <crm-test-probe id="outer"></crm-test-probe>
        <div>
          <crm-provider database=${inner}><crm-test-probe id="inner"></crm-test-probe></crm-provider>
        </div>
      </crm-provider>
    `);
    const outerProbe = root.querySelector<CrmTestProbe>('#outer')!;
    const innerProbe = root.querySelector<CrmTestProbe>('#inner')!;
    await waitUntil(() => valueOf(outerProbe) === 'Зовнішня' && valueOf(innerProbe) === 'Внутрішня');

    await getStore(inner).settings.set('businessName', 'Змінена внутрішня');
    await waitUntil(() => valueOf(innerProbe) === 'Змінена внутрішня');
    expect(valueOf(outerProbe)).to.equal('Зовнішня');
  });

  it('switches every element inside to another database when `database` changes', async () => {
    const first = uniqueDatabaseName('first');
    const second = uniqueDatabaseName('second');
    await getStore(first).settings.set('businessName', 'Перша');
    await getStore(second).settings.set('businessName', 'Друга');
    const provider = await fixture(html`<crm-provider database=${first}><crm-test-probe></crm-test-probe></crm-provider>`);
    const probe = provider.querySelector('crm-test-probe')!;
    await waitUntil(() => valueOf(probe) === 'Перша');
    provider.setAttribute('database', second);
    await waitUntil(() => valueOf(probe) === 'Друга', 'the element never followed the provider');
    expect(probe.storeName).to.equal(second);
  });

  it('shows its slotted content and takes no box of its own', async () => {
    const provider = await fixture(html`<crm-provider database=${uniqueDatabaseName()}><p>Вміст</p></crm-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
    expect(provider.querySelector('p')!.assignedSlot).to.exist;
  });
});

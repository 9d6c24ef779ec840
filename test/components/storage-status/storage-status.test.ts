import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { plain, textOf } from '../../support/dom.js';
import { waitUntil } from '../../support/fixtures.js';
import { sendKeys } from '@web/test-runner-commands';
import { CrmStorageStatus as CrmStorageStatusClass } from '../../../src/components/storage-status/storage-status.js';
import type { CrmStorageStatus } from '../../../src/components/storage-status/storage-status.js';
import type { CrmStoragePersistEvent } from '../../../src/events/index.js';

describe('crm-storage-status', () => {
  it('shows the browser’s own usage and quota', async () => {
    const estimate = await navigator.storage.estimate();
    const el = await fixture<CrmStorageStatus>(html`<crm-storage-status lang="en"></crm-storage-status>`);
    await waitUntil(() => el.shadowRoot!.querySelector('meter'), 'no usage bar');
    const meter = el.shadowRoot!.querySelector('meter')!;
    expect(Number(meter.max)).to.equal(estimate.quota);
    expect(textOf(el)).to.match(/ of [\d.,]+ (GB|TB|MB) used/);
  });

  it('shows figures set by the page instead of the browser’s, in Ukrainian', async () => {
    const el = await fixture<CrmStorageStatus>(
      html`<crm-storage-status lang="uk" .usage=${1_234_567} .quota=${100_000_000} .persisted=${true}></crm-storage-status>`,
    );
    await el.updateComplete;
    expect(textOf(el)).to.match(/Використано 1,2 МБ з 100 МБ \(1,2\s?%\)/);
    expect(textOf(el)).to.contain('Дані збережено постійно');
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    expect(el.matches(':state(persisted)')).to.equal(true);
    const heading = el.shadowRoot!.querySelector('[role="heading"]')!;
    expect(heading.getAttribute('aria-level')).to.equal('2');
    el.headingLevel = 3;
    await el.updateComplete;
    expect(heading.getAttribute('aria-level')).to.equal('3');
  });

  it('offers “store persistently” while not persisted; the keyboard asks the browser and the answer is announced', async () => {
    const el = await fixture<CrmStorageStatus>(html`<crm-storage-status lang="en" .persisted=${false}></crm-storage-status>`);
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector('button')!;
    expect(plain(button.textContent!)).to.equal('Store persistently');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button);
    const answered = oneEvent(el, 'crm-storage-persist');
    await sendKeys({ press: 'Enter' });
    const event = (await answered) as unknown as CrmStoragePersistEvent;
    expect(event.persisted).to.equal(await navigator.storage.persisted());
    await el.updateComplete;
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(plain(status.textContent!)).to.equal(
      event.persisted ? 'Done: the browser will keep the data persistently' : 'The browser did not allow persistent storage',
    );
    // Focus never falls out of the element: it stays on the button, or moves to the announcement.
    expect(el.shadowRoot!.activeElement).to.be.oneOf([button, status]);
  });

  it('says when the browser does not report usage', async () => {
    const el = await fixture<CrmStorageStatus>(html`<crm-storage-status lang="uk" .quota=${0} .usage=${0}></crm-storage-status>`);
    await el.updateComplete;
    expect(textOf(el)).to.contain('Браузер не повідомляє, скільки місця зайнято');
  });

  it('passes axe in both languages and both themes', async () => {
    for (const [lang, theme] of [['uk', 'light'], ['en', 'dark']] as const) {
      const el = await fixture<CrmStorageStatus>(
        html`<crm-storage-status lang=${lang} theme=${theme} .usage=${5_000_000} .quota=${50_000_000} .persisted=${false}></crm-storage-status>`,
      );
      await el.updateComplete;
      await expect(el).to.be.accessible();
    }
  });
});

describe('crm-storage-status refresh', () => {
  const interval = CrmStorageStatusClass.refreshInterval;
  afterEach(() => {
    CrmStorageStatusClass.refreshInterval = interval;
  });

  it('reads the browser’s figures again while on the page, and stops when removed', async () => {
    CrmStorageStatusClass.refreshInterval = 40;
    const el = await fixture<CrmStorageStatus>(html`<crm-storage-status></crm-storage-status>`);
    let reads = 0;
    const refresh = el.refresh.bind(el);
    el.refresh = () => {
      reads += 1;
      return refresh();
    };
    await waitUntil(() => reads >= 2, 'never refreshed');
    el.remove();
    const after = reads;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(reads).to.equal(after);
  });

  it('shows a little data as “< 0.1%”, not as none', async () => {
    const el = await fixture<CrmStorageStatus>(html`<crm-storage-status lang="en" .usage=${74_000} .quota=${11_000_000_000}></crm-storage-status>`);
    expect(el.shadowRoot!.querySelector('#usage')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('74 kB of 11 GB used (under 0.1%)');
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/fixtures.js';
import '../../src/components/storage-status/storage-status.js';
import type { CrmStorageStatus } from '../../src/components/storage-status/storage-status.js';

/** The element's localized heading: "Сховище браузера" or "Browser storage". */
const title = (el: CrmStorageStatus) => el.shadowRoot!.querySelector('.title')?.textContent;
const UK = 'Сховище браузера';
const EN = 'Browser storage';

describe('CrmLocalizeController', () => {
  const htmlLang = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  it('speaks Ukrainian when no language is set anywhere', async () => {
    document.documentElement.removeAttribute('lang');
    const el = await fixture<CrmStorageStatus>(html`<crm-storage-status></crm-storage-status>`);
    expect(title(el)).to.equal(UK);
  });

  it('follows <html lang> and re-renders when it changes at runtime', async () => {
    document.documentElement.lang = 'en';
    const el = await fixture<CrmStorageStatus>(html`<crm-storage-status></crm-storage-status>`);
    expect(title(el)).to.equal(EN);
    document.documentElement.lang = 'uk';
    await waitUntil(() => title(el) === UK, 'did not switch to Ukrainian');
  });

  it('follows the nearest ancestor’s lang over <html lang>, across a shadow root', async () => {
    document.documentElement.lang = 'en';
    const host = await fixture<HTMLElement>(html`<div lang="uk"><section></section></div>`);
    const shadow = host.querySelector('section')!.attachShadow({ mode: 'open' });
    const el = document.createElement('crm-storage-status');
    shadow.append(el);
    await el.updateComplete;
    expect(title(el)).to.equal(UK);
    host.setAttribute('lang', 'en');
    await waitUntil(() => title(el) === EN, 'did not follow the ancestor');
  });

  it('follows a lang change made inside a shadow root', async () => {
    document.documentElement.lang = 'uk';
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const wrapper = document.createElement('div');
    wrapper.lang = 'uk';
    const el = document.createElement('crm-storage-status');
    wrapper.append(el);
    shadow.append(wrapper);
    await el.updateComplete;
    expect(title(el)).to.equal(UK);
    wrapper.lang = 'en';
    await waitUntil(() => title(el) === EN, 'missed a change inside the shadow root');
  });

  it('prefers its own lang, set as attribute or property, and reflects it', async () => {
    document.documentElement.lang = 'uk';
    const wrapper = await fixture(html`<div lang="uk"><crm-storage-status lang="en"></crm-storage-status></div>`);
    const el = wrapper.querySelector('crm-storage-status')!;
    expect(title(el)).to.equal(EN);
    el.lang = 'uk';
    await el.updateComplete;
    expect(title(el)).to.equal(UK);
    expect(el.getAttribute('lang')).to.equal('uk');
  });

  it('speaks the language of wherever it is moved to', async () => {
    const wrapper = await fixture(html`<div><div id="uk" lang="uk"><crm-storage-status></crm-storage-status></div><div id="en" lang="en"></div></div>`);
    const el = wrapper.querySelector<CrmStorageStatus>('crm-storage-status')!;
    expect(title(el)).to.equal(UK);
    wrapper.querySelector('#en')!.append(el);
    await waitUntil(() => title(el) === EN, 'kept the language of where it was');
  });

  it('leaves the host page’s language and other elements alone', async () => {
    document.documentElement.lang = 'uk';
    const wrapper = await fixture(html`<div>
      <crm-storage-status id="a" lang="en"></crm-storage-status><crm-storage-status id="b"></crm-storage-status>
    </div>`);
    expect(title(wrapper.querySelector<CrmStorageStatus>('#a')!)).to.equal(EN);
    expect(title(wrapper.querySelector<CrmStorageStatus>('#b')!)).to.equal(UK);
    expect(document.documentElement.lang).to.equal('uk');
  });

  it('maps regional tags to their language and unknown languages to Ukrainian', async () => {
    const el = await fixture<CrmStorageStatus>(html`<crm-storage-status lang="en-GB"></crm-storage-status>`);
    expect(title(el)).to.equal(EN);
    el.lang = 'de';
    await el.updateComplete;
    expect(title(el)).to.equal(UK);
  });

  it('formats numbers and sizes in the element’s language', async () => {
    const el = await fixture<CrmStorageStatus>(
      html`<crm-storage-status lang="uk" .usage=${1_500_000} .quota=${100_000_000}></crm-storage-status>`,
    );
    const usage = () => el.shadowRoot!.querySelector('#usage')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(usage()).to.match(/^Використано 1,5 МБ з 100 МБ \(1,5\s?%\)$/);
    el.lang = 'en';
    await el.updateComplete;
    expect(usage()).to.equal('1.5 MB of 100 MB used (1.5%)');
  });
});

describe('CrmElement dir', () => {
  it('follows the nearest ancestor’s dir and its own, reactively', async () => {
    const wrapper = await fixture(html`<div dir="rtl"><crm-storage-status></crm-storage-status></div>`);
    const el = wrapper.querySelector('crm-storage-status')!;
    expect(getComputedStyle(el).direction).to.equal('rtl');
    el.dir = 'ltr';
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('ltr');
    expect(getComputedStyle(el).direction).to.equal('ltr');
  });
});

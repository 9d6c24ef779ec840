import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/storage-status/storage-status.js';
import type { CrmStorageStatus } from '../../src/components/storage-status/storage-status.js';

// CrmElement is abstract in practice; crm-storage-status stands for every element built on it.
describe('CrmElement', () => {
  it('writes no lang, dir or theme attribute of its own when none is set', async () => {
    const el = await fixture<CrmStorageStatus>(html`<crm-storage-status></crm-storage-status>`);
    expect(el.hasAttribute('lang')).to.equal(false);
    expect(el.hasAttribute('dir')).to.equal(false);
    expect(el.hasAttribute('theme')).to.equal(false);
  });

  it('reflects lang, dir and theme set as properties, so CSS and descendants see them', async () => {
    const el = await fixture<CrmStorageStatus>(html`<crm-storage-status></crm-storage-status>`);
    el.lang = 'en';
    el.dir = 'rtl';
    el.theme = 'dark';
    await el.updateComplete;
    expect([el.getAttribute('lang'), el.getAttribute('dir'), el.getAttribute('theme')]).to.deep.equal(['en', 'rtl', 'dark']);
    expect(el.matches(':lang(en)')).to.equal(true);
    expect(getComputedStyle(el).direction).to.equal('rtl');
  });

  it('shares host styles: the system font and the token colours', async () => {
    const el = await fixture<CrmStorageStatus>(html`<crm-storage-status></crm-storage-status>`);
    const style = getComputedStyle(el);
    expect(style.fontFamily).to.contain('system-ui');
    expect(style.boxSizing).to.equal('border-box');
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/storage-status/storage-status.js';
import type { CrmStorageStatus } from '../../src/components/storage-status/storage-status.js';
import { tokenDefaults } from '../../src/styles/index.js';

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};
const [lightSurface, darkSurface] = tokenDefaults['--crm-color-surface'];
const surfaceOf = (el: CrmStorageStatus) => getComputedStyle(el.shadowRoot!.querySelector('section')!).backgroundColor;

describe('design tokens', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('are light by default and dark with theme="dark" on the element', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const el = await fixture<CrmStorageStatus>(html`<crm-storage-status usage="1" quota="2"></crm-storage-status>`);
    expect(surfaceOf(el)).to.equal(rgb(lightSurface));
    el.theme = 'dark';
    await el.updateComplete;
    expect(surfaceOf(el)).to.equal(rgb(darkSurface));
  });

  it('follow prefers-color-scheme unless a theme is set', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await fixture<CrmStorageStatus>(html`<crm-storage-status usage="1" quota="2"></crm-storage-status>`);
    expect(surfaceOf(el)).to.equal(rgb(darkSurface));
    el.theme = 'light';
    await el.updateComplete;
    expect(surfaceOf(el)).to.equal(rgb(lightSurface));
  });

  it('take a theme from a crm-provider around the elements', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const provider = await fixture(html`<crm-provider theme="dark"><crm-storage-status usage="1" quota="2"></crm-storage-status></crm-provider>`);
    const el = provider.querySelector('crm-storage-status')!;
    await el.updateComplete;
    expect(surfaceOf(el)).to.equal(rgb(darkSurface));
  });

  it('are overridden by a page that sets a public token on an ancestor', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--crm-color-surface: rgb(1, 2, 3)"><crm-storage-status usage="1" quota="2"></crm-storage-status></div>`,
    );
    const el = wrapper.querySelector('crm-storage-status')!;
    await el.updateComplete;
    expect(surfaceOf(el)).to.equal('rgb(1, 2, 3)');
  });
});

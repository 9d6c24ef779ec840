import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { CrmStoragePersistEvent } from '../../src/events/index.js';

describe('CrmStoragePersistEvent', () => {
  it('is named crm-storage-persist, bubbles and crosses shadow roots', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div></div>`);
    const inner = document.createElement('span');
    outer.attachShadow({ mode: 'open' }).append(inner);
    const heard = oneEvent(document.body, 'crm-storage-persist');
    inner.dispatchEvent(new CrmStoragePersistEvent(true));
    const event = (await heard) as unknown as CrmStoragePersistEvent;
    expect(event).to.be.instanceOf(CrmStoragePersistEvent);
    expect(event.type).to.equal(CrmStoragePersistEvent.eventName);
    expect(event.persisted).to.equal(true);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.target).to.equal(outer);
  });
});

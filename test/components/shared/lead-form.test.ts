import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/shared/lead-form.js';
import type { CrmLeadForm } from '../../../src/components/shared/lead-form.js';
import { CrmError } from '../../../src/store/errors.js';
import type { LeadInput } from '../../../src/store/leads.js';
import { plain } from '../../support/dom.js';
import { deleteTestStores, freshStore } from '../../support/fixtures.js';

const q = <T extends Element = HTMLElement>(el: CrmLeadForm, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

describe('crm-lead-form', () => {
  afterEach(deleteTestStores);

  it('emits every field by keyboard; the value creates a lead in the store', async () => {
    const store = freshStore();
    const source = await store.sources.create({ name: 'Instagram' });
    const el = await fixture<CrmLeadForm>(html`<crm-lead-form lang="uk" .catalogues=${{ sources: [source], users: [], tags: [] }}></crm-lead-form>`);
    el.focus();
    await sendKeys({ type: 'Олена Коваль' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('lead-name');
    el.shadowRoot!.querySelector<HTMLInputElement>('#lead-phones-0')!.focus();
    await sendKeys({ type: '067 123 45 67' });
    q<HTMLSelectElement>(el, '#lead-sourceId').focus();
    await sendKeys({ press: 'ArrowDown' });
    q<HTMLInputElement>(el, '#lead-name').focus();
    const submitted = oneEvent(el, 'lead-form-submit');
    await sendKeys({ press: 'Enter' });
    const { detail } = (await submitted) as CustomEvent<LeadInput>;
    expect(detail).to.deep.equal({
      name: 'Олена Коваль',
      company: '',
      taxCode: '',
      phones: ['067 123 45 67'],
      emails: [],
      messengers: [],
      tags: [],
      sourceId: source.id,
      managerId: '',
      comment: '',
    });
    const lead = await store.leads.create(detail);
    expect(lead.phones).to.deep.equal(['+380671234567']);
    expect(lead.sourceId).to.equal(source.id);
    expect(lead).not.to.have.property('company');
  });

  it('starts from a lead; the emitted value, as a patch, clears what the user emptied', async () => {
    const store = freshStore();
    const lead = await store.leads.create({ name: 'ТОВ «Кухні»', company: 'Кухні', phones: ['0671234567'], comment: 'передзвонити' });
    const el = await fixture<CrmLeadForm>(html`<crm-lead-form lang="en" .lead=${lead} .catalogues=${{ sources: [], users: [], tags: [] }}></crm-lead-form>`);
    expect(q<HTMLInputElement>(el, '#lead-phones-0').value).to.equal('067 123 45 67');
    q<HTMLInputElement>(el, '#lead-company').focus();
    await sendKeys({ press: 'Control+a' });
    await sendKeys({ press: 'Backspace' });
    const submitted = oneEvent(el, 'lead-form-submit');
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    const { detail } = (await submitted) as CustomEvent<LeadInput>;
    expect(detail.company).to.equal('');
    const updated = await store.leads.update(lead.id, detail);
    expect(updated).not.to.have.property('company');
    expect(updated.comment).to.equal('передзвонити');
    expect(updated.phones).to.deep.equal(['+380671234567']);
  });

  it('refuses an empty name itself, and shows a store error at its field in Ukrainian, focused', async () => {
    const el = await fixture<CrmLeadForm>(html`<crm-lead-form lang="uk" .catalogues=${{ sources: [], users: [], tags: [] }}></crm-lead-form>`);
    let submits = 0;
    el.addEventListener('lead-form-submit', () => submits++);
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect(submits).to.equal(0);
    expect(el.shadowRoot!.activeElement?.id).to.equal('lead-name');
    expect(plain(q(el, '#lead-name-error').textContent!)).to.equal('Заповніть це поле');

    // Two phones, the first left empty: `phones.0` of the value is the second row.
    q<HTMLButtonElement>(el, '#add-phones').click();
    await el.updateComplete;
    q<HTMLInputElement>(el, '#lead-name').value = 'Ім’я';
    q<HTMLInputElement>(el, '#lead-name').dispatchEvent(new Event('input'));
    q<HTMLInputElement>(el, '#lead-phones-1').value = '12';
    q<HTMLInputElement>(el, '#lead-phones-1').dispatchEvent(new Event('input'));
    const submitted = oneEvent(el, 'lead-form-submit');
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    expect(((await submitted) as CustomEvent<LeadInput>).detail.phones).to.deep.equal(['12']);
    el.error = new CrmError('VALIDATION', 'error.phone', { field: 'phones.0' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('lead-phones-1');
    expect(q(el, '#lead-phones-1').getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#lead-phones-0').getAttribute('aria-invalid')).to.equal('false');
    expect(plain(q(el, '#lead-phones-error').textContent!)).to.equal('Перевірте номер телефону, наприклад 067 123 45 67');
    await expect(el).to.be.accessible();

    el.error = new CrmError('STORAGE', 'error.storage');
    await el.updateComplete;
    expect(q(el, '[role=alert]')).to.exist;
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '[role=alert]'));
  });

  it('adds and removes list rows by keyboard, and cancels', async () => {
    const el = await fixture<CrmLeadForm>(html`<crm-lead-form lang="en" .catalogues=${{ sources: [], users: [], tags: [] }}></crm-lead-form>`);
    q<HTMLButtonElement>(el, '#add-messengers').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('lead-messengers-0');
    await sendKeys({ type: '@olena' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[data-list=messengers]').length).to.equal(0);
    const cancelled = oneEvent(el, 'lead-form-cancel');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.actions button[type=button]')!.click();
    await cancelled;
  });

  it('passes axe with tags, in English, dark', async () => {
    const tags = [{ id: 't1', name: 'VIP', createdAt: 0, updatedAt: 0 }];
    const el = await fixture<CrmLeadForm>(
      html`<crm-lead-form lang="en" theme="dark" .catalogues=${{ sources: [], users: [], tags }} busy></crm-lead-form>`,
    );
    expect(plain(q(el, 'button[type=submit]').textContent!)).to.equal('Saving…');
    await expect(el).to.be.accessible();
  });
});

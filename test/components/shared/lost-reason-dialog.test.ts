import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CrmProvider } from '../../../src/components/provider/provider.js';
import '../../../src/components/shared/lost-reason-dialog.js';
import type { CrmLostReasonDialog, LostReasonChoice } from '../../../src/components/shared/lost-reason-dialog.js';
import { CrmError } from '../../../src/store/errors.js';
import type { LostReason } from '../../../src/store/types.js';
import { deleteTestStores, uniqueDatabaseName, waitUntil } from '../../support/fixtures.js';

const reasons: LostReason[] = [
  { id: 'price', name: 'Дорого', archived: 0, createdAt: 0, updatedAt: 0 },
  { id: 'rival', name: 'Обрали конкурента', archived: 0, createdAt: 0, updatedAt: 0 },
  { id: 'old', name: 'Стара причина', archived: 1, createdAt: 0, updatedAt: 0 },
];

async function openDialog(lang: string, request: Parameters<CrmLostReasonDialog['open']>[0], offered: LostReason[] | undefined = reasons) {
  const el = await fixture<CrmLostReasonDialog>(html`<crm-lost-reason-dialog lang=${lang} .reasons=${offered}></crm-lost-reason-dialog>`);
  const result = el.open(request);
  await el.updateComplete;
  const dialog = el.shadowRoot!.querySelector('dialog')!;
  await waitUntil(() => dialog.open, 'the dialog did not open');
  return { el, result, dialog, select: el.shadowRoot!.querySelector('select')! };
}

describe('crm-lost-reason-dialog', () => {
  afterEach(deleteTestStores);

  it('refuses to confirm without a reason, in the user’s language, and keeps the dialog open', async () => {
    const commits: LostReasonChoice[] = [];
    const { el, dialog, select } = await openDialog('uk', { subject: 'Кухня', commit: async (choice) => void commits.push(choice) });
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.contain('«Кухня»');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => select.getAttribute('aria-invalid') === 'true', 'no error at the reason');
    expect(el.shadowRoot!.querySelector('#lost-reason-error')!.textContent).to.equal('Виберіть причину втрати');
    expect(el.shadowRoot!.activeElement).to.equal(select);
    expect(dialog.open).to.equal(true);
    expect(commits).to.deep.equal([]);
  });

  it('offers only reasons in use and resolves with the choice after the commit, by keyboard', async () => {
    const commits: LostReasonChoice[] = [];
    const { el, result, dialog, select } = await openDialog('en', { subject: 'Kitchen', commit: async (choice) => void commits.push(choice) });
    expect([...select.options].map((option) => option.text.trim())).to.deep.equal(['Choose a reason', 'Дорого', 'Обрали конкурента']);
    await expect(el).to.be.accessible();
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Пішли до сусідів' });
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(await result).to.deep.equal({ reasonId: 'rival', comment: 'Пішли до сусідів' });
    expect(commits).to.deep.equal([{ reasonId: 'rival', comment: 'Пішли до сусідів' }]);
    expect(dialog.open).to.equal(false);
  });

  it('shows the store’s refusal at its field and stays open', async () => {
    const { el, dialog, select } = await openDialog('en', {
      subject: 'Kitchen',
      commit: async () => {
        throw new CrmError('NOT_FOUND', 'error.notFound', { field: 'reasonId' });
      },
    });
    select.value = 'price';
    select.dispatchEvent(new Event('change'));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('#lost-reason-error')!.textContent !== '', 'no error shown');
    expect(el.shadowRoot!.querySelector('#lost-reason-error')!.textContent).to.contain('Not found');
    expect(dialog.open).to.equal(true);
  });

  it('Escape cancels: resolves with nothing and commits nothing', async () => {
    let committed = false;
    const { result, dialog, select } = await openDialog('uk', { subject: 'Кухня', commit: async () => void (committed = true) });
    select.focus();
    await sendKeys({ press: 'Escape' });
    expect(await result).to.equal(undefined);
    expect(dialog.open).to.equal(false);
    expect(committed).to.equal(false);
  });

  it('reads the reasons from the provider’s store when none are given', async () => {
    const provider = await fixture<CrmProvider>(
      html`<crm-provider database=${uniqueDatabaseName('lost')}><crm-lost-reason-dialog lang="uk"></crm-lost-reason-dialog></crm-provider>`,
    );
    await provider.store.lostReasons.create({ name: 'Немає бюджету' });
    const el = provider.querySelector('crm-lost-reason-dialog')!;
    void el.open({ subject: 'Кухня' });
    await waitUntil(
      () => [...el.shadowRoot!.querySelectorAll('option')].some((option) => option.text.trim() === 'Немає бюджету'),
      'the store’s reason is not offered',
    );
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import '../../../src/components/lead-card/lead-card.js';
import type { CrmLeadCard } from '../../../src/components/lead-card/lead-card.js';
import { parseAmount } from '../../../src/components/shared/convert-lead-dialog.js';
import type {
  CrmInteractionCreateRequestEvent,
  CrmLeadConvertEvent,
  CrmLeadConvertRequestEvent,
  CrmLeadLostRequestEvent,
  CrmLeadUpdateEvent,
  CrmLeadUpdateRequestEvent,
} from '../../../src/events/index.js';
import { getStore, type CrmStore, type Lead, type PipelineWithStages } from '../../../src/store/index.js';
import { click, deepActive as focused, inner, inProvider, plain, textOf } from '../../support/dom.js';
import { deleteTestStores, settle, uniqueDatabaseName, waitUntil } from '../../support/fixtures.js';
import { snapshot } from '../../support/store.js';

const DAY = 86_400_000;

/** Waits until the card's dialog `tag` is open, and returns its element. */
async function opened(card: Element, tag: string): Promise<HTMLElement> {
  const dialogOf = () => card.shadowRoot!.querySelector<HTMLElement>(tag);
  await waitUntil(() => dialogOf()?.shadowRoot?.querySelector('dialog')?.open, `${tag} did not open`);
  return dialogOf()!;
}

async function typeInto(field: HTMLElement, text: string): Promise<void> {
  field.focus();
  await sendKeys({ press: 'Control+A' });
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
}

interface World {
  name: string;
  store: CrmStore;
  managerId: string;
  sourceId: string;
  tagId: string;
  reasonId: string;
  pipelines: PipelineWithStages[];
  lead: Lead;
}

/** A store with a manager, a source, a tag, a lost reason, two pipelines and a lead with a phone and an e-mail. */
async function world(lead: Partial<Lead> = {}): Promise<World> {
  const name = uniqueDatabaseName('lead-card');
  const store = getStore(name);
  const manager = await store.users.create({ name: 'Олена Коваль', roles: ['manager'] });
  const source = await store.sources.create({ name: 'Instagram' });
  const tag = await store.tags.create({ name: 'VIP' });
  const reason = await store.lostReasons.create({ name: 'Дорого' });
  const sales = await store.pipelines.create({ name: 'Продажі', stages: ['Нова', 'Замір', 'Договір'] });
  const service = await store.pipelines.create({ name: 'Сервіс', stages: ['Заявка', 'Виїзд', 'Ремонт', 'Готово'] });
  const created = await store.leads.create({
    name: 'Олена Гнатюк',
    company: 'ТОВ «Тепла хата»',
    phones: ['067 123 45 67'],
    emails: ['olena@teplakhata.ua'],
    messengers: [{ kind: 'telegram', handle: '@olena_h' }],
    tags: [tag.id],
    sourceId: source.id,
    managerId: manager.id,
    ...lead,
  } as never);
  return {
    name,
    store,
    managerId: manager.id,
    sourceId: source.id,
    tagId: tag.id,
    reasonId: reason.id,
    pipelines: [sales, service],
    lead: created,
  };
}

async function boundCard(w: World, lang = 'uk'): Promise<CrmLeadCard> {
  const card = await inProvider('crm-lead-card', w.name, html`<crm-lead-card lead-id=${w.lead.id}></crm-lead-card>`, { lang });
  await waitUntil(() => textOf(card).includes(w.lead.name) && textOf(card).includes('Instagram'), 'the lead never showed');
  return card;
}

describe('crm-lead-card', () => {
  afterEach(async () => {
    await resetMouse();
    await deleteTestStores();
  });

  it('shows a bound lead live: phones as tel: links written the Ukrainian way, e-mails, tags, source, manager, status, last and next interaction', async () => {
    const w = await world();
    const ref = { type: 'lead' as const, id: w.lead.id };
    await w.store.interactions.register({ kind: 'call', direction: 'incoming', subject: 'Питала про кухню', subjectRef: ref, at: Date.now() - 5 * DAY });
    await w.store.interactions.register({ kind: 'meeting', status: 'planned', subject: 'Замір у квартирі', subjectRef: ref, at: Date.now() + 3 * DAY + 60_000 });
    const card = await boundCard(w);
    await waitUntil(() => textOf(card).includes('Замір у квартирі'));

    const phone = inner<HTMLAnchorElement>(card, 'a[href^="tel:"]');
    expect(phone.getAttribute('href')).to.equal('tel:+380671234567');
    expect(plain(phone.textContent)).to.equal('067 123 45 67');
    expect(inner(card, 'a[href^="mailto:"]').getAttribute('href')).to.equal('mailto:olena@teplakhata.ua');
    const text = textOf(card);
    for (const expected of ['ТОВ «Тепла хата»', 'Telegram: @olena_h', 'VIP', 'Instagram', 'Олена Коваль', 'Новий', 'Питала про кухню', 'через 3 дні'])
      expect(text).to.contain(expected);
    expect(inner(card, '[role="heading"]').getAttribute('aria-level')).to.equal('2');

    // Another writer changes the lead: the card follows.
    await w.store.leads.update(w.lead.id, { name: 'Олена Гнатюк-Бойко', status: 'in-progress' });
    await waitUntil(() => textOf(card).includes('Олена Гнатюк-Бойко') && textOf(card).includes('В роботі'), 'no live update');
    await expect(card).to.be.accessible();
  });

  it('converts by keyboard into a customer with a deal in the chosen pipeline and stage: the whole history moves along', async () => {
    const w = await world();
    const ref = { type: 'lead' as const, id: w.lead.id };
    const call = await w.store.interactions.register({ kind: 'call', direction: 'outgoing', subject: 'Перший дзвінок', subjectRef: ref, at: Date.now() - DAY });
    const note = await w.store.notes.create({ text: 'Хоче світлий фасад', subjectRef: ref });
    const card = await boundCard(w);
    const requests: CrmLeadConvertRequestEvent[] = [];
    const done: CrmLeadConvertEvent[] = [];
    card.addEventListener('crm-lead-convert-request', (event) => requests.push(event));
    card.addEventListener('crm-lead-convert', (event) => done.push(event));

    inner<HTMLButtonElement>(card, '#convert').focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await opened(card, 'crm-convert-lead-dialog');
    expect(textOf(dialog)).to.contain('Новий контрагент «Олена Гнатюк»');
    await expect(card).to.be.accessible();

    // "Open a deal" is on and focused; Tab to the pipeline, pick "Сервіс", its third stage, a title and an amount.
    expect(focused()?.id).to.equal('convert-with-deal');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    expect(focused()?.id).to.equal('convert-title');
    await sendKeys({ press: 'Control+A' });
    await sendKeys({ type: 'Кухня на замовлення' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '12 500,50' });
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => textOf(card).includes('Клієнт: Олена Гнатюк'), 'the card does not show the customer');
    expect(textOf(card)).to.contain('Перетворений на клієнта');
    expect(inner(card, '#convert')).to.equal(null);
    expect(focused()?.getAttribute('role')).to.equal('status');
    expect(plain(inner(card, '[role="status"]').textContent)).to.equal('Лід перетворено на клієнта «Олена Гнатюк»');

    const lead = (await w.store.leads.get(w.lead.id))!;
    expect(lead.status).to.equal('converted');
    const customer = { type: 'counterparty' as const, id: lead.counterpartyId! };
    const [deal] = await w.store.deals.byClient(customer);
    const service = w.pipelines[1]!;
    expect(deal).to.include({ title: 'Кухня на замовлення', pipelineId: service.pipeline.id, stageId: service.stages[2]!.id });
    expect(deal!.amount).to.deep.equal({ minor: 1_250_050, currency: 'UAH' });
    expect((await w.store.interactions.timeline(customer)).map((i) => i.id)).to.deep.equal([call.id]);
    expect(await w.store.interactions.timeline(ref)).to.deep.equal([]);
    expect((await w.store.notes.bySubject(customer)).map((n) => n.id)).to.deep.equal([note.id]);
    expect(requests.map((e) => e.input.deal?.amount?.minor)).to.deep.equal([1_250_050]);
    expect(done[0]!.result.deal!.id).to.equal(deal!.id);
    // The history shows on the card, read from the customer now.
    expect(textOf(card)).to.contain('Перший дзвінок');
    await expect(card).to.be.accessible();
  });

  it('refuses a deal amount that is not an amount, at the field, and writes nothing', async () => {
    const w = await world();
    const card = await boundCard(w, 'en');
    await click(inner(card, '#convert'));
    const dialog = await opened(card, 'crm-convert-lead-dialog');
    await typeInto(inner(dialog, '#convert-amount'), '12500,50');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => plain(inner(dialog, '#convert-amount-error').textContent) !== '');
    expect(plain(inner(dialog, '#convert-amount-error').textContent)).to.equal('The amount must be a number, zero or more');
    // The hint with the expected writing stays next to the error.
    expect(inner(dialog, '#convert-amount').getAttribute('aria-describedby')).to.equal('convert-amount-hint convert-amount-error');
    expect(inner(dialog, '#convert-amount').getAttribute('aria-invalid')).to.equal('true');
    expect(focused()?.id).to.equal('convert-amount');
    expect((await w.store.leads.get(w.lead.id))!.status).to.equal('new');
  });

  it('writes nothing when the host vetoes the convert request', async () => {
    const w = await world();
    await w.store.interactions.register({ kind: 'call', subject: 'Дзвінок', subjectRef: { type: 'lead', id: w.lead.id } });
    const card = await boundCard(w);
    const before = await snapshot(w.store);
    let converted = false;
    card.addEventListener('crm-lead-convert-request', (event) => event.preventDefault());
    card.addEventListener('crm-lead-convert', () => (converted = true));
    await click(inner(card, '#convert'));
    const dialog = await opened(card, 'crm-convert-lead-dialog');
    await click(inner(dialog, 'button[type="submit"]'));
    await waitUntil(() => !inner<HTMLDialogElement>(dialog, 'dialog').open, 'the dialog stayed open');
    await settle(100);
    expect(await snapshot(w.store)).to.deep.equal(before);
    expect(converted).to.equal(false);
    expect(textOf(card)).to.contain('Новий');
  });

  it('cannot mark a lead lost without a reason; with one it writes the reason, and reopen takes it back', async () => {
    const w = await world();
    const card = await boundCard(w);
    await click(inner(card, '#lost'));
    const dialog = await opened(card, 'crm-lost-reason-dialog');
    await waitUntil(() => textOf(dialog).includes('Дорого'));
    await click(inner(dialog, 'button[type="submit"]'));
    await waitUntil(() => plain(inner(dialog, '#lost-reason-error').textContent) === 'Виберіть причину втрати', 'no error at the reason');
    expect(inner(dialog, '#lost-reason').getAttribute('aria-invalid')).to.equal('true');
    expect((await w.store.leads.get(w.lead.id))!.status).to.equal('new');
    await expect(card).to.be.accessible();

    // Focus is on the reason: pick it by keyboard and confirm.
    expect(focused()?.id).to.equal('lost-reason');
    await sendKeys({ press: 'ArrowDown' });
    await click(inner(dialog, 'button[type="submit"]'));
    await waitUntil(async () => (await w.store.leads.get(w.lead.id))!.status === 'lost', 'not marked lost');
    expect((await w.store.leads.get(w.lead.id))!.lostReasonId).to.equal(w.reasonId);
    await waitUntil(() => textOf(card).includes('Втрачений') && textOf(card).includes('Дорого'));
    expect(plain(inner(card, '[role="status"]').textContent)).to.equal('Лід позначено втраченим');
    await expect(card).to.be.accessible();

    inner<HTMLButtonElement>(card, '#reopen').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await w.store.leads.get(w.lead.id))!.status === 'in-progress', 'not reopened');
    await waitUntil(() => textOf(card).includes('В роботі'));
  });

  it('shows a bad phone in the edit form at the field and writes nothing; a good one is saved', async () => {
    const w = await world();
    const card = await boundCard(w);
    const updates: CrmLeadUpdateEvent[] = [];
    card.addEventListener('crm-lead-update', (event) => updates.push(event));
    const before = await snapshot(w.store);
    await click(inner(card, '#edit'));
    const dialog = await opened(card, 'crm-lead-edit-dialog');
    const form = inner(dialog, 'crm-lead-form');
    await waitUntil(() => inner(form, '#lead-phones-0'));
    expect(focused()?.id).to.equal('lead-name');

    await typeInto(inner(form, '#lead-phones-0'), '067 12');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => plain(inner(form, '#lead-phones-error').textContent).startsWith('Перевірте номер телефону'), 'no error at the phone');
    expect(inner(form, '#lead-phones-0').getAttribute('aria-invalid')).to.equal('true');
    expect(await snapshot(w.store)).to.deep.equal(before);
    expect(updates).to.have.length(0);

    await typeInto(inner(form, '#lead-phones-0'), '(050) 765-43-21');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !inner<HTMLDialogElement>(dialog, 'dialog').open, 'the dialog stayed open');
    expect((await w.store.leads.get(w.lead.id))!.phones).to.deep.equal(['+380507654321']);
    await waitUntil(() => textOf(card).includes('050 765 43 21'));
    expect(updates[0]!.lead.phones).to.deep.equal(['+380507654321']);
  });

  it('logs a quick interaction with the keyboard only: summary focused, Enter saves', async () => {
    const w = await world();
    const card = await boundCard(w);
    // Phone, e-mail, "Edit", then "Log an interaction".
    for (let i = 0; i < 4; i += 1) await sendKeys({ press: 'Tab' });
    expect(focused()?.id).to.equal('log');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.id === 'quick-subject', 'the summary is not focused');
    await sendKeys({ type: 'Домовились про замір' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' }); // call → meeting
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => textOf(card).includes('Домовились про замір'), 'the card does not show it');
    const [logged, ...rest] = await w.store.interactions.timeline({ type: 'lead', id: w.lead.id });
    expect(rest).to.have.length(0);
    expect(logged).to.include({ subject: 'Домовились про замір', kind: 'meeting', direction: 'outgoing', status: 'done', processed: 1 });
    expect(inner(card, 'crm-lead-quick-interaction')).to.equal(null);
    expect(focused()?.id).to.equal('log');
    expect(plain(inner(card, '[role="status"]').textContent)).to.equal('Взаємодію записано');

    // Escape closes an unfinished one without writing.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.id === 'quick-subject');
    await sendKeys({ type: 'Чернетка' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focused()?.id === 'log');
    expect(await w.store.interactions.timeline({ type: 'lead', id: w.lead.id })).to.have.length(1);
  });

  it('unbound: shows the plain lead and only fires requests with the input, touching no store', async () => {
    const name = uniqueDatabaseName('unbound');
    const now = Date.now();
    const lead: Lead = {
      id: 'lead-1',
      name: 'Петро Шевчук',
      status: 'new',
      phones: ['+380931112233'],
      emails: [],
      messengers: [],
      tags: ['t1'],
      managerId: 'u1',
      searchTokens: [],
      createdAt: now,
      updatedAt: now,
    };
    const at = { createdAt: now, updatedAt: now };
    const catalogues = {
      users: [{ id: 'u1', name: 'Андрій Мельник', roles: ['manager' as const], active: 1 as const, ...at }],
      tags: [{ id: 't1', name: 'Опт', ...at }],
      sources: [],
      lostReasons: [{ id: 'r1', name: 'Обрали конкурента', archived: 0 as const, ...at }],
    };
    const pipelines: PipelineWithStages[] = [
      { pipeline: { id: 'p1', name: 'Продажі', archived: 0, ...at }, stages: [{ id: 's1', pipelineId: 'p1', name: 'Нова', order: 0, ...at }] },
    ];
    const provider = await fixture(html`<crm-provider database=${name}>
      <crm-lead-card .lead=${lead} .catalogues=${catalogues} .pipelines=${pipelines}></crm-lead-card>
    </crm-provider>`);
    const card = provider.querySelector('crm-lead-card')!;
    await card.updateComplete;
    expect(textOf(card)).to.contain('Петро Шевчук');
    expect(textOf(card)).to.contain('093 111 22 33');
    expect(textOf(card)).to.contain('Опт');
    expect(textOf(card)).to.contain('Андрій Мельник');

    const seen: string[] = [];
    const interactionRequests: CrmInteractionCreateRequestEvent[] = [];
    const convertRequests: CrmLeadConvertRequestEvent[] = [];
    const lostRequests: CrmLeadLostRequestEvent[] = [];
    const updateRequests: CrmLeadUpdateRequestEvent[] = [];
    for (const type of ['crm-interaction-create', 'crm-lead-convert', 'crm-lead-lost', 'crm-lead-update'])
      card.addEventListener(type, () => seen.push(type));
    card.addEventListener('crm-interaction-create-request', (e) => interactionRequests.push(e));
    card.addEventListener('crm-lead-convert-request', (e) => convertRequests.push(e));
    card.addEventListener('crm-lead-lost-request', (e) => lostRequests.push(e));
    card.addEventListener('crm-lead-update-request', (e) => updateRequests.push(e));

    await click(inner(card, '#log'));
    await waitUntil(() => focused()?.id === 'quick-subject');
    await sendKeys({ type: 'Дзвінок щодо опту' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => interactionRequests.length === 1);
    expect(interactionRequests[0]!.input).to.deep.include({ subject: 'Дзвінок щодо опту', subjectRef: { type: 'lead', id: 'lead-1' } });

    await click(inner(card, '#convert'));
    const convert = await opened(card, 'crm-convert-lead-dialog');
    await typeInto(inner(convert, '#convert-amount'), '900');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => convertRequests.length === 1);
    expect(convertRequests[0]!.input).to.deep.equal({ deal: { pipelineId: 'p1', stageId: 's1', title: 'Петро Шевчук', amount: { minor: 90_000, currency: 'UAH' } } });

    // Nothing so far has even opened the provider's database.
    expect((await indexedDB.databases()).some((db) => db.name === name)).to.equal(false);

    await click(inner(card, '#lost'));
    const lost = await opened(card, 'crm-lost-reason-dialog');
    await waitUntil(() => textOf(lost).includes('Обрали конкурента'));
    inner<HTMLSelectElement>(lost, '#lost-reason').focus();
    await sendKeys({ press: 'ArrowDown' });
    await click(inner(lost, 'button[type="submit"]'));
    await waitUntil(() => lostRequests.length === 1);
    expect(lostRequests[0]!.input).to.deep.equal({ reasonId: 'r1' });

    await click(inner(card, '#edit'));
    const edit = await opened(card, 'crm-lead-edit-dialog');
    const form = inner(edit, 'crm-lead-form');
    await typeInto(inner(form, '#lead-company'), 'ФОП Шевчук');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => updateRequests.length === 1);
    expect(updateRequests[0]!.patch).to.include({ name: 'Петро Шевчук', company: 'ФОП Шевчук' });

    expect(seen).to.deep.equal([]);
    // The card still shows the host's data: only the host changes it.
    expect(textOf(card)).to.contain('Новий');
    const written = await snapshot(getStore(name));
    expect(Object.values(written).every((rows) => rows.length === 0)).to.equal(true);
  });

  it('has loading, empty, not found, long-name, lost and converted states that pass axe in uk/en, light/dark', async () => {
    const w = await world({ name: 'Олександра-Вікторія Костянтинопольська-Преображенська-Довгоіменна '.repeat(3).trim() });
    const loading = await fixture<CrmLeadCard>(html`<crm-lead-card loading lang="en" theme="dark"></crm-lead-card>`);
    expect(textOf(loading)).to.equal('Loading…');
    expect(loading.matches(':state(loading)')).to.equal(true);
    await expect(loading).to.be.accessible();

    const empty = await fixture<CrmLeadCard>(html`<crm-lead-card lang="uk"></crm-lead-card>`);
    expect(textOf(empty)).to.equal('Лід не вибрано');

    const missing = (await fixture(html`<crm-provider database=${w.name}><crm-lead-card lead-id="no-such-lead" theme="dark"></crm-lead-card></crm-provider>`)).querySelector('crm-lead-card')!;
    await waitUntil(() => textOf(missing).includes('Такого ліда немає'), 'no not-found state');
    expect(missing.matches(':state(error)')).to.equal(true);
    expect(inner(missing, '[role="alert"]')).to.exist;
    await expect(missing).to.be.accessible();

    const card = await boundCard(w, 'en');
    card.style.inlineSize = '320px';
    card.theme = 'dark';
    await card.updateComplete;
    expect(card.scrollWidth).to.be.at.most(card.clientWidth + 1);
    await expect(card).to.be.accessible();

    await w.store.leads.markLost(w.lead.id, { reasonId: w.reasonId, comment: 'Знайшли дешевше' });
    await waitUntil(() => card.matches(':state(lost)'));
    expect(textOf(card)).to.contain('Дорого — Знайшли дешевше');
    await expect(card).to.be.accessible();

    await w.store.leads.reopen(w.lead.id);
    await w.store.leads.convert(w.lead.id);
    await waitUntil(() => card.matches(':state(converted)') && textOf(card).includes('Customer:'));
    card.theme = 'light';
    card.lang = 'uk';
    await card.updateComplete;
    expect(textOf(card)).to.contain('Клієнт: Олександра');
    await expect(card).to.be.accessible();
  });
});

describe('parseAmount', () => {
  it('reads amounts as people of each language write them, in kopiykas', () => {
    expect(parseAmount('12 500,50', 'uk')).to.equal(1_250_050);
    expect(parseAmount('12\u00a0500,5', 'uk')).to.equal(1_250_050);
    expect(parseAmount('12500.50', 'uk')).to.equal(1_250_050);
    expect(parseAmount('12,500.50', 'en')).to.equal(1_250_050);
    expect(parseAmount('900', 'en')).to.equal(90_000);
    expect(parseAmount('  ', 'uk')).to.equal(undefined);
  });

  it('refuses what is not a non-negative amount with at most two decimals', () => {
    for (const [text, locale] of [['12500,50', 'en'], ['-5', 'uk'], ['1,234', 'uk'], ['12,5,0', 'uk'], ['abc', 'uk'], ['1.2.3', 'en']])
      expect(parseAmount(text!, locale!), `${text} (${locale})`).to.be.NaN;
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/shared/appointment-booking-dialog.js';
import type { BookInput, CrmAppointmentBookingDialog } from '../../../src/components/shared/appointment-booking-dialog.js';
import { localInstant } from '../../../src/store/slots.js';
import type { CrmStore } from '../../../src/store/store.js';
import type { Appointment, Service, User } from '../../../src/store/types.js';
import { deepActive, inProvider, plain, press } from '../../support/dom.js';
import { deleteTestStores, freshStore, waitUntil } from '../../support/fixtures.js';
import { addSpecialist } from '../../support/schedule.js';

const MONDAY = '2031-03-03';

interface Fixture {
  store: CrmStore;
  specialist: User;
  service: Service;
  maria: string;
}

/** A specialist working 09:00–18:00 on weekdays with a 13:00–14:00 break on Monday, a 90-minute service, two clients and a lead. */
async function setUp(): Promise<Fixture> {
  const store = freshStore('booking');
  const specialist = await addSpecialist(store, 'Олена Коваль', { start: '09:00', end: '18:00' });
  await store.schedule.addBreak(specialist.id, { weekday: 1, start: '13:00', end: '14:00' });
  const service = await store.services.create({ name: 'Стрижка', durationMinutes: 90, price: { minor: 50000 } });
  await store.counterparties.create({ kind: 'individual', name: 'Ткаченко Іван' });
  const maria = await store.counterparties.create({ kind: 'individual', name: 'Ткаченко Марія', phones: ['067 555 11 22'] });
  await store.leads.create({ name: 'Ткачук Петро' });
  return { store, specialist, service, maria: maria.id };
}

async function mount(store: CrmStore, lang = 'uk'): Promise<CrmAppointmentBookingDialog> {
  return inProvider('crm-appointment-booking-dialog', store.name, html`<crm-appointment-booking-dialog lang=${lang}></crm-appointment-booking-dialog>`);
}

const $ = <T extends HTMLElement = HTMLElement>(el: CrmAppointmentBookingDialog, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;

async function opened(el: CrmAppointmentBookingDialog, prefill: Parameters<CrmAppointmentBookingDialog['open']>[0]) {
  const result = el.open(prefill);
  await waitUntil(() => $(el, 'dialog').hasAttribute('open'), 'the dialog did not open');
  return { result };
}

async function submitByKeyboard(el: CrmAppointmentBookingDialog): Promise<void> {
  await press($(el, 'button[type=submit]'));
}

describe('crm-appointment-booking-dialog', () => {
  afterEach(deleteTestStores);

  it('books by keyboard: a client found by typing, chosen with the arrows and Enter, a service whose duration sets the end', async () => {
    const { store, specialist, maria } = await setUp();
    const el = await mount(store);
    const { result } = await opened(el, { specialistId: specialist.id, start: localInstant(MONDAY, '10:00') });
    await waitUntil(() => deepActive()?.id === 'booking-client', 'the client search did not take focus');
    expect($<HTMLInputElement>(el, '#booking-date').value).to.equal(MONDAY);
    expect($<HTMLInputElement>(el, '#booking-time').value).to.equal('10:00');

    await sendKeys({ type: 'Ткач' });
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[role=option]').length === 3, 'the search found nothing');
    const input = $<HTMLInputElement>(el, '#booking-client');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect([...el.shadowRoot!.querySelectorAll('[role=option]')].map((o) => plain(o.textContent))).to.deep.equal([
      'Ткаченко Іван клієнт',
      'Ткаченко Марія клієнт · 067 555 11 22',
      'Ткачук Петро лід',
    ]);
    expect(plain($(el, '[role=status]').textContent)).to.equal('Знайдено 3 варіанти');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal('booking-client-option-1');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(input.value).to.equal('Ткаченко Марія');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, 'dialog').hasAttribute('open'), 'Enter chose, it did not submit').to.equal(true);

    await sendKeys({ press: 'Tab' }); // "New lead"
    await sendKeys({ press: 'Tab' }); // service
    expect(deepActive()?.id).to.equal('booking-service');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(plain($(el, '#booking-time-span').textContent)).to.equal('Прийом: 10:00–11:30');
    await submitByKeyboard(el);

    const appointment = (await result)!;
    expect(appointment).to.include({ specialistId: specialist.id, clientType: 'counterparty', clientId: maria, status: 'booked' });
    expect(appointment.start).to.equal(localInstant(MONDAY, '10:00'));
    expect(appointment.end).to.equal(localInstant(MONDAY, '11:30'));
    expect($(el, 'dialog').hasAttribute('open')).to.equal(false);
    const day = await store.appointments.day(MONDAY);
    expect(day.map((a) => [a.clientId, a.start, a.end])).to.deep.equal([[maria, appointment.start, appointment.end]]);
  });

  it('creates a lead in place from what was typed, then books it', async () => {
    const { store, specialist, service } = await setUp();
    const el = await mount(store);
    const { result } = await opened(el, { specialistId: specialist.id, serviceId: service.id, start: localInstant(MONDAY, '15:00') });
    await waitUntil(() => deepActive()?.id === 'booking-client');
    await sendKeys({ type: 'Нова' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' }); // "New lead"
    await waitUntil(() => deepActive()?.id === 'booking-lead-name', 'the lead name did not take focus');
    expect($<HTMLInputElement>(el, '#booking-lead-name').value).to.equal('Нова');
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' Клієнтка' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '067 123 45 67' });
    await submitByKeyboard(el);

    const appointment = (await result)!;
    const [lead] = await store.leads.search('Нова');
    expect(lead).to.include({ name: 'Нова Клієнтка', status: 'new' });
    expect(lead!.phones).to.deep.equal(['+380671234567']);
    expect(appointment).to.include({ clientType: 'lead', clientId: lead!.id, serviceId: service.id });
    expect(appointment.end - appointment.start).to.equal(90 * 60_000);
  });

  it('writes no lead when the booking of a lead typed in place is refused, or vetoed', async () => {
    const { store, specialist, service, maria } = await setUp();
    await store.appointments.book({ specialistId: specialist.id, serviceId: service.id, start: localInstant(MONDAY, '15:00'), client: { type: 'counterparty', id: maria } });
    const leadsBefore = await store.leads.count();
    const el = await mount(store);
    void opened(el, { specialistId: specialist.id, serviceId: service.id, start: localInstant(MONDAY, '15:30') });
    await waitUntil(() => deepActive()?.id === 'booking-client');
    await sendKeys({ type: 'Нова Клієнтка' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' }); // "New lead"
    await waitUntil(() => deepActive()?.id === 'booking-lead-name');
    await submitByKeyboard(el);
    const time = $<HTMLInputElement>(el, '#booking-time');
    await waitUntil(() => time.getAttribute('aria-invalid') === 'true', 'no error at the time');
    expect(plain($(el, '#booking-time-error').textContent)).to.equal('Фахівець у цей час уже зайнятий');
    expect(await store.leads.count()).to.equal(leadsBefore);

    // A bad phone shows at the phone; a veto from the page writes nothing either.
    $<HTMLInputElement>(el, '#booking-time').value = '16:30';
    $<HTMLInputElement>(el, '#booking-time').dispatchEvent(new Event('input'));
    $<HTMLInputElement>(el, '#booking-lead-phone').value = '12';
    $<HTMLInputElement>(el, '#booking-lead-phone').dispatchEvent(new Event('input'));
    await submitByKeyboard(el);
    await waitUntil(() => $(el, '#booking-lead-phone')!.getAttribute('aria-invalid') === 'true', 'no error at the phone');
    $<HTMLInputElement>(el, '#booking-lead-phone').value = '';
    $<HTMLInputElement>(el, '#booking-lead-phone').dispatchEvent(new Event('input'));
    let asked: unknown;
    el.beforeCommit = (input) => ((asked = input), false);
    await submitByKeyboard(el);
    await waitUntil(() => asked !== undefined, 'the page was not asked');
    expect(asked).to.deep.include({ newLead: { name: 'Нова Клієнтка' } });
    expect(asked).to.not.have.property('client');
    expect(await store.leads.count()).to.equal(leadsBefore);
  });

  it('refuses a double booking with the store’s reason at the time and writes nothing', async () => {
    const { store, specialist, service, maria } = await setUp();
    const [lead] = await store.leads.search('Ткачук');
    await store.appointments.book({ specialistId: specialist.id, serviceId: service.id, start: localInstant(MONDAY, '10:00'), client: { type: 'lead', id: lead!.id } });
    const el = await mount(store);
    let settled = false;
    const { result } = await opened(el, {
      specialistId: specialist.id,
      serviceId: service.id,
      start: localInstant(MONDAY, '11:00'),
      client: { type: 'counterparty', id: maria, name: 'Ткаченко Марія' },
    });
    void result.then(() => (settled = true));
    await submitByKeyboard(el);
    const time = $<HTMLInputElement>(el, '#booking-time');
    await waitUntil(() => time.getAttribute('aria-invalid') === 'true', 'no error at the time');
    expect(plain($(el, '#booking-time-error').textContent)).to.equal('Фахівець у цей час уже зайнятий');
    expect(deepActive()).to.equal(time);
    expect($(el, 'dialog').hasAttribute('open')).to.equal(true);
    expect(settled).to.equal(false);
    await expect(el).to.be.accessible();
    expect((await store.appointments.day(MONDAY)).map((a) => a.clientId)).to.deep.equal([lead!.id]);
  });

  it('shows a break and a day off in the user’s language', async () => {
    const { store, specialist, service, maria } = await setUp();
    await store.schedule.addDayOff(specialist.id, '2031-03-04');
    const el = await mount(store, 'en');
    const client = { type: 'counterparty' as const, id: maria, name: 'Ткаченко Марія' };
    await opened(el, { specialistId: specialist.id, serviceId: service.id, start: localInstant(MONDAY, '12:30'), client });
    await submitByKeyboard(el);
    await waitUntil(() => plain($(el, '#booking-time-error').textContent) !== '', 'no error at the time');
    expect(plain($(el, '#booking-time-error').textContent)).to.equal('This time falls in the specialist’s break');

    const date = $<HTMLInputElement>(el, '#booking-date');
    date.value = '2031-03-04';
    date.dispatchEvent(new Event('input'));
    await submitByKeyboard(el);
    await waitUntil(() => plain($(el, '#booking-time-error').textContent) === 'The specialist is off on this day', 'no day-off error');
    expect(await store.appointments.range('2031-03-01', '2031-03-31')).to.deep.equal([]);
  });

  it('checks its own fields first: a client is required', async () => {
    const { store, specialist, service } = await setUp();
    const el = await mount(store);
    await opened(el, { specialistId: specialist.id, serviceId: service.id, start: localInstant(MONDAY, '10:00') });
    await submitByKeyboard(el);
    const input = $<HTMLInputElement>(el, '#booking-client');
    await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'no error at the client');
    expect(plain($(el, '#booking-client-error').textContent)).to.equal('Заповніть це поле');
    expect(deepActive()).to.equal(input);
  });

  it('writes nothing when beforeCommit says no, and passes it the exact input', async () => {
    const { store, specialist, service, maria } = await setUp();
    const el = await mount(store);
    const asked: BookInput[] = [];
    el.beforeCommit = (input) => (asked.push(input), false);
    const start = localInstant(MONDAY, '09:00');
    await opened(el, { specialistId: specialist.id, serviceId: service.id, start, client: { type: 'counterparty', id: maria, name: 'Марія' } });
    await submitByKeyboard(el);
    await waitUntil(() => asked.length === 1, 'beforeCommit was not asked');
    expect(asked[0]).to.deep.equal({ specialistId: specialist.id, serviceId: service.id, start, client: { type: 'counterparty', id: maria } });
    await el.updateComplete;
    expect($(el, 'dialog').hasAttribute('open')).to.equal(true);
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    expect(await store.appointments.day(MONDAY)).to.deep.equal([]);
  });

  it('Escape closes the open list first, then cancels with nothing written', async () => {
    const { store, specialist } = await setUp();
    const el = await mount(store);
    const { result } = await opened(el, { specialistId: specialist.id, start: localInstant(MONDAY, '10:00') });
    await waitUntil(() => deepActive()?.id === 'booking-client');
    await sendKeys({ type: 'Ткаченко' });
    const input = $<HTMLInputElement>(el, '#booking-client');
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true', 'the list did not open');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, 'dialog').hasAttribute('open')).to.equal(true);
    await sendKeys({ press: 'Escape' });
    expect(await result).to.equal(undefined);
    expect(await store.appointments.day(MONDAY)).to.deep.equal([]);
  });

  it('unbound: searches the given clients, offers the given lists and books through commit', async () => {
    const specialists = [{ id: 's1', name: 'Ірина', roles: ['specialist'], active: 1, createdAt: 0, updatedAt: 0 }] as User[];
    const services: Service[] = [
      { id: 'v1', name: 'Масаж', durationMinutes: 60, price: { minor: 80000, currency: 'UAH' }, specialistIds: [], archived: 0, createdAt: 0, updatedAt: 0 },
    ];
    const committed: BookInput[] = [];
    const el = await fixture<CrmAppointmentBookingDialog>(html`<crm-appointment-booking-dialog
      lang="en"
      .specialists=${specialists}
      .services=${services}
      .clients=${[{ type: 'lead', id: 'l1', name: 'Андрій Бойко' }]}
      .commit=${async (input: BookInput) => (committed.push(input), { id: 'a1', ...input } as unknown as Appointment)}
    ></crm-appointment-booking-dialog>`);
    const { result } = await opened(el, { specialistId: 's1', serviceId: 'v1', start: localInstant(MONDAY, '16:00') });
    expect(el.shadowRoot!.querySelector('[aria-pressed]'), 'no "new lead" without a store').to.equal(null);
    expect([...$<HTMLSelectElement>(el, '#booking-service').options].map((o) => plain(o.text))).to.deep.equal([
      'Choose a service',
      'Масаж · 60 min · UAH 800.00',
    ]);
    await waitUntil(() => deepActive()?.id === 'booking-client');
    await sendKeys({ type: 'бой' });
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[role=option]').length === 1);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(plain($(el, '#booking-time-span').textContent)).to.match(/^Appointment: 4:00\sPM–5:00\sPM$/);
    await submitByKeyboard(el);
    expect(await result).to.include({ id: 'a1' });
    expect(committed).to.deep.equal([{ specialistId: 's1', serviceId: 'v1', start: localInstant(MONDAY, '16:00'), client: { type: 'lead', id: 'l1' } }]);
  });
});

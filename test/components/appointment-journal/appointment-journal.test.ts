import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../../src/components/appointment-journal/appointment-journal.js';
import type { CrmAppointmentJournal, JournalData } from '../../../src/components/appointment-journal/appointment-journal.js';
import type { CrmProvider } from '../../../src/components/provider/provider.js';
import { DEFAULT_DATABASE_NAME, deleteStore, getStore, type CrmStore } from '../../../src/store/index.js';
import { localDate, localInstant } from '../../../src/store/slots.js';
import type { Appointment, Service, User } from '../../../src/store/types.js';
import { deepActive, inProvider, plain } from '../../support/dom.js';
import { deleteTestStores, storeHolds, uniqueDatabaseName, waitUntil } from '../../support/fixtures.js';
import { addSpecialist, EVERY_DAY } from '../../support/schedule.js';

const TUESDAY = '2031-03-04';
const at = (time: string, date = TUESDAY) => localInstant(date, time);

interface Seeded {
  database: string;
  store: CrmStore;
  olena: User;
  taras: User;
  service: Service;
  booked: Appointment;
  clientId: string;
}

/**
 * Two specialists working 09:00–18:00 every day; Олена has a 13:00–14:00 break on Tuesdays and a
 * 60-minute appointment of "Ткаченко Марія" at 10:00; Тарас is off on the Wednesday after.
 */
async function seed(hours = { start: '09:00', end: '18:00' }): Promise<Seeded> {
  const database = uniqueDatabaseName('journal');
  const store = getStore(database);
  const olena = await addSpecialist(store, 'Олена Коваль', hours, EVERY_DAY);
  const taras = await addSpecialist(store, 'Тарас Бондаренко', hours, EVERY_DAY);
  await store.schedule.addBreak(olena.id, { weekday: 2, start: '13:00', end: '14:00' });
  await store.schedule.addDayOff(taras.id, '2031-03-05', 'Відпустка');
  const service = await store.services.create({ name: 'Консультація', durationMinutes: 60, price: { minor: 50_000 } });
  const client = await store.counterparties.create({ kind: 'individual', name: 'Ткаченко Марія' });
  const booked = await store.appointments.book({ specialistId: olena.id, serviceId: service.id, start: at('10:00'), client: { type: 'counterparty', id: client.id } });
  return { database, store, olena, taras, service, booked, clientId: client.id };
}

async function mount(seeded: Pick<Seeded, 'database'>, attrs: { date?: string; view?: string; lang?: string } = {}): Promise<CrmAppointmentJournal> {
  const el = await inProvider(
    'crm-appointment-journal',
    seeded.database,
    html`<crm-appointment-journal date=${attrs.date ?? TUESDAY} view=${attrs.view ?? 'day'} style="--crm-appointment-journal-height:none"></crm-appointment-journal>`,
    { lang: attrs.lang ?? 'uk' },
  );
  await waitUntil(() => el.shadowRoot!.querySelector('table'), 'the grid did not render');
  return el;
}

const $ = <T extends HTMLElement = HTMLElement>(el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const slot = (el: CrmAppointmentJournal, col: number, time: string) => {
  const rows = [...el.shadowRoot!.querySelectorAll('tbody th.time')].map((th) => plain(th.textContent));
  return $(el, `td[data-col="${col}"][data-row="${rows.indexOf(time)}"]`)!;
};
const block = (el: CrmAppointmentJournal, id: string) => $(el, `[data-appointment="${id}"]`)!;
const announced = (el: CrmAppointmentJournal) => plain($(el, '[role="status"]:not([aria-busy])')?.textContent);
const alertText = (el: CrmAppointmentJournal) => plain($(el, '.failure')?.textContent);

function center(element: Element): [number, number] {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.x + rect.width / 2), Math.round(rect.y + Math.min(rect.height / 2, 10))];
}

/** Tab into the grid: past the toolbar's seven controls to the grid's one tab stop. */
async function focusGrid(el: CrmAppointmentJournal, target: HTMLElement): Promise<void> {
  target.focus();
  await el.updateComplete;
  expect(deepActive()).to.equal(target);
}

describe('crm-appointment-journal', () => {
  afterEach(async () => {
    await resetMouse();
    await deleteTestStores();
  });

  it('shows specialists as columns with their load, time down the side, the break and the appointment', async () => {
    const seeded = await seed();
    const el = await mount(seeded);
    await waitUntil(() => block(el, seeded.booked.id), 'the appointment is not shown');
    const heads = [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => plain(th.textContent));
    // 60 of 480 working minutes (9 hours minus the break) for Олена, nothing for Тарас.
    expect(heads).to.deep.equal(['Час', 'Олена Коваль Завантаження 13%13%', 'Тарас Бондаренко Завантаження 0%0%']);
    const loads = await seeded.store.appointments.dayLoads(TUESDAY);
    expect(loads.map((l) => [l.specialistId, l.bookedMinutes, l.workingMinutes])).to.deep.equal([
      [seeded.olena.id, 60, 480],
      [seeded.taras.id, 0, 540],
    ]);
    expect(plain(block(el, seeded.booked.id).textContent)).to.equal('10:00–11:00 Ткаченко Марія Консультація');
    expect(block(el, seeded.booked.id).closest('td')!.rowSpan).to.equal(4);
    expect(slot(el, 0, '13:00').classList.contains('break')).to.equal(true);
    expect(plain(slot(el, 0, '13:00').textContent)).to.equal('Перерва');
    expect(slot(el, 1, '13:00').classList.contains('free')).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(36);
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('books a client into a free slot through the booking dialog, firing the request and the change', async () => {
    const seeded = await seed();
    const el = await mount(seeded);
    const seen: string[] = [];
    el.addEventListener('crm-appointment-book-request', (e) => seen.push(`request ${e.draft.start === at('11:00')}`));
    el.addEventListener('crm-appointment-change', (e) => seen.push(`change ${e.change.type} ${e.appointment.specialistId === seeded.taras.id}`));
    await focusGrid(el, slot(el, 1, '11:00'));
    await sendKeys({ press: 'Enter' });
    const dialog = $(el, 'crm-appointment-booking-dialog')!;
    // Loaded on first use: upgraded (and given its shadow root) once its module has arrived.
    await waitUntil(() => dialog.shadowRoot?.querySelector('dialog[open]'), 'the booking dialog did not open');
    await waitUntil(() => deepActive()?.id === 'booking-client', 'the client search has no focus');
    await sendKeys({ type: 'Ткаченко' });
    await waitUntil(() => dialog.shadowRoot!.querySelectorAll('[role=option]').length === 1, 'the client was not found');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('booking-service');
    await sendKeys({ press: 'ArrowDown' });
    dialog.shadowRoot!.querySelector<HTMLElement>('button[type=submit]')!.focus();
    await sendKeys({ press: 'Enter' });
    await storeHolds(async () => (await seeded.store.appointments.day(TUESDAY)).length === 2, 'nothing was booked');
    const day = await seeded.store.appointments.day(TUESDAY, { specialistIds: [seeded.taras.id] });
    expect(day.map((a) => [a.start, a.end, a.clientId])).to.deep.equal([[at('11:00'), at('12:00'), seeded.clientId]]);
    expect(seen).to.deep.equal(['request true', 'change book true']);
    await waitUntil(() => block(el, day[0]!.id), 'the new appointment is not shown');
    expect(announced(el)).to.contain('Клієнта «Ткаченко Марія» записано: Тарас Бондаренко');
  });

  it('"First free time" lists the free slots of the service and books the chosen one through the journal’s dialog', async () => {
    const seeded = await seed();
    const provider = await fixture<CrmProvider>(html`<crm-provider database=${seeded.database}>
      <crm-appointment-journal date=${TUESDAY} service=${seeded.service.id} specialists=${seeded.olena.id}></crm-appointment-journal>
    </crm-provider>`);
    const el = provider.querySelector('crm-appointment-journal')!;
    await waitUntil(() => $(el, 'table'));
    const toggle = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => plain(b.textContent) === 'Перший вільний час')!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const panel = $(el, 'crm-first-free-slot')!;
    await waitUntil(() => panel.shadowRoot?.querySelector('button[data-slot]'), 'no free slots listed');
    const first = panel.shadowRoot!.querySelector<HTMLButtonElement>('button[data-slot]')!;
    expect(plain(first.textContent)).to.equal('09:00');
    const requests: string[] = [];
    el.addEventListener('crm-appointment-book-request', (e) => requests.push(e.draft.serviceId!));
    first.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $(el, 'crm-appointment-booking-dialog')!;
    await waitUntil(() => dialog.shadowRoot?.querySelector('dialog[open]'), 'the journal’s booking dialog did not open');
    expect(dialog.shadowRoot!.querySelector<HTMLInputElement>('#booking-time')!.value).to.equal('09:00');
    await waitUntil(() => dialog.shadowRoot!.querySelector<HTMLSelectElement>('#booking-service')!.value === seeded.service.id, 'the service is not chosen');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.shadowRoot!.querySelector('dialog[open]'));
    expect(requests).to.deep.equal([]);
    expect((await seeded.store.appointments.day(TUESDAY)).length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('refuses a double booking by keyboard with the store’s reason and leaves the day unchanged', async () => {
    const seeded = await seed();
    const other = await seeded.store.appointments.book({
      specialistId: seeded.taras.id, serviceId: seeded.service.id, start: at('10:30'), client: { type: 'counterparty', id: seeded.clientId },
    });
    const before = await seeded.store.appointments.day(TUESDAY);
    const el = await mount(seeded);
    await waitUntil(() => block(el, other.id), 'the other appointment is not shown');
    await focusGrid(el, block(el, seeded.booked.id));
    await sendKeys({ press: 'Space' });
    await waitUntil(() => announced(el).startsWith('Запис «Ткаченко Марія» взято: Олена Коваль'), 'no pick-up announced');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => announced(el).startsWith('Тарас Бондаренко'), 'no move announced');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => alertText(el) !== '', 'no refusal shown');
    expect(alertText(el)).to.equal('Запис «Ткаченко Марія» не змінено: Фахівець у цей час уже зайнятий');
    expect($(el, '.failure')!.getAttribute('role')).to.equal('alert');
    expect(await seeded.store.appointments.day(TUESDAY)).to.deep.equal(before);
    expect(block(el, seeded.booked.id).closest('td')!.querySelector('[data-appointment]')).to.equal(block(el, seeded.booked.id));
    await expect(el).to.be.accessible();
  });

  it('reschedules by keyboard: Space picks up, arrows move by a slot, Enter drops; Escape puts back', async () => {
    const seeded = await seed();
    const el = await mount(seeded);
    const changes: string[] = [];
    el.addEventListener('crm-appointment-change-request', (e) => changes.push(`request ${e.action.type}`));
    el.addEventListener('crm-appointment-change', (e) => changes.push(`change ${e.change.type}`));
    await waitUntil(() => block(el, seeded.booked.id));
    await focusGrid(el, block(el, seeded.booked.id));
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => announced(el) === 'Перенесення запису «Ткаченко Марія» скасовано', 'no cancel announced');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(announced(el)).to.match(/^Олена Коваль, вт(\.|) 10:30$/);
    expect(el.shadowRoot!.querySelectorAll('td.target').length).to.be.greaterThan(0);
    await sendKeys({ press: 'Enter' });
    await storeHolds(async () => (await seeded.store.appointments.get(seeded.booked.id))!.start === at('10:30'), 'not rescheduled');
    const moved = (await seeded.store.appointments.get(seeded.booked.id))!;
    expect([moved.specialistId, moved.end]).to.deep.equal([seeded.olena.id, at('11:30')]);
    expect(changes).to.deep.equal(['request reschedule', 'change reschedule']);
    await waitUntil(() => announced(el).startsWith('Запис «Ткаченко Марія» перенесено: Олена Коваль'), 'no drop announced');
    await waitUntil(() => deepActive() === block(el, seeded.booked.id), 'focus did not follow the appointment');
  });

  it('reschedules by dragging onto another specialist’s slot', async () => {
    await setViewport({ width: 1000, height: 1000 });
    const seeded = await seed();
    const el = await mount(seeded);
    await waitUntil(() => block(el, seeded.booked.id));
    const [tx, ty] = center(slot(el, 1, '15:00'));
    const [sx, sy] = center(block(el, seeded.booked.id));
    await sendMouse({ type: 'move', position: [sx, sy] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [sx + 8, sy + 8] });
    await sendMouse({ type: 'move', position: [tx, ty] });
    await sendMouse({ type: 'move', position: [tx + 2, ty + 1] });
    await sendMouse({ type: 'up' });
    await storeHolds(async () => (await seeded.store.appointments.get(seeded.booked.id))!.specialistId === seeded.taras.id, 'not moved');
    expect((await seeded.store.appointments.get(seeded.booked.id))!.start).to.equal(at('15:00'));
  });

  it('cancels from the actions menu with a reason', async () => {
    const seeded = await seed();
    const el = await mount(seeded);
    await waitUntil(() => block(el, seeded.booked.id));
    await focusGrid(el, block(el, seeded.booked.id));
    await sendKeys({ press: 'Enter' });
    const menu = $(el, 'crm-action-menu')!;
    await waitUntil(() => menu.shadowRoot!.querySelector(':popover-open'), 'the actions menu did not open');
    expect([...menu.shadowRoot!.querySelectorAll('[role=menuitem]')].map((b) => plain(b.textContent))).to.deep.equal([
      'Перенести', 'Відбувся', 'Клієнт не прийшов', 'Скасувати запис…',
    ]);
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Enter' });
    const dialog = $(el, 'crm-journal-cancel-dialog')!;
    await waitUntil(() => deepActive()?.id === 'cancel-reason', 'the reason field has no focus');
    await expect(dialog).to.be.accessible();
    await sendKeys({ type: 'Клієнт захворів' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await storeHolds(async () => (await seeded.store.appointments.get(seeded.booked.id))!.status === 'cancelled', 'not cancelled');
    expect((await seeded.store.appointments.get(seeded.booked.id))!.cancelReason).to.equal('Клієнт захворів');
    await waitUntil(() => !block(el, seeded.booked.id), 'a cancelled appointment stays in the grid');
    expect(announced(el)).to.equal('Запис «Ткаченко Марія» скасовано');
    expect(plain(el.shadowRoot!.querySelector('thead th:nth-child(2)')!.textContent)).to.equal('Олена Коваль Завантаження 0%0%');
  });

  it('draws the now line on today, between the rows around the current time', async () => {
    const seeded = await seed({ start: '00:00', end: '24:00' });
    const el = await mount(seeded, { date: localDate(Date.now()) });
    const line = $(el, '.now')!;
    await waitUntil(() => !line.hidden, 'no now line today');
    const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr')];
    const minutes = new Date().getHours() * 60 + new Date().getMinutes();
    const tr = rows[Math.floor(minutes / 15)]!;
    const top = line.getBoundingClientRect().top;
    expect(top).to.be.within(tr.getBoundingClientRect().top - 1, tr.getBoundingClientRect().bottom + 1);
    const other = await mount(seeded, { date: TUESDAY });
    expect($(other, '.now')!.hidden).to.equal(true);
  });

  it('shows a day off, the week view with counts and loads, and English', async () => {
    const seeded = await seed();
    const el = await mount(seeded, { date: '2031-03-05' });
    const off = slot(el, 1, '09:00');
    expect(off.classList.contains('off')).to.equal(true);
    expect(plain(off.textContent)).to.equal('Вихідний: Відпустка');
    await focusGrid(el, off);
    await sendKeys({ press: 'Enter' });
    expect(alertText(el)).to.equal('Сюди записати не можна: У фахівця цього дня вихідний');
    await expect(el).to.be.accessible();

    el.view = 'week';
    await waitUntil(() => $(el, 'table.week'), 'no week view');
    const rowOf = (name: string) => [...el.shadowRoot!.querySelectorAll('tbody tr')].find((tr) => plain(tr.querySelector('th')!.textContent) === name)!;
    const olenaTuesday = rowOf('Олена Коваль').querySelectorAll('td')[1]!;
    expect(plain(olenaTuesday.textContent)).to.equal('1 запис Завантаження 13%13%');
    expect(plain(rowOf('Тарас Бондаренко').querySelectorAll('td')[2]!.textContent)).to.equal('Вихідний');
    await expect(el).to.be.accessible();
    olenaTuesday.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.view === 'day' && el.date === TUESDAY, 'Enter did not open the day');

    el.lang = 'en';
    await waitUntil(() => plain($(el, '.title')!.textContent).startsWith('Appointment journal'), 'not in English');
    await waitUntil(() => block(el, seeded.booked.id));
    expect(plain(el.shadowRoot!.querySelector('thead th:nth-child(2)')!.textContent)).to.contain('Load 13%');
    await expect(el).to.be.accessible();
  });

  it('shows loading and a failed read', async () => {
    const seeded = await seed();
    const loading = await fixture<CrmAppointmentJournal>(html`<crm-appointment-journal .data=${null}></crm-appointment-journal>`);
    expect(plain($(loading, '.state')!.textContent)).to.equal('Завантаження…');
    await expect(loading).to.be.accessible();
    const provider = await fixture<CrmProvider>(html`<crm-provider database=${seeded.database}><crm-appointment-journal date="2031-02-30"></crm-appointment-journal></crm-provider>`);
    const failed = provider.querySelector('crm-appointment-journal')!;
    await waitUntil(() => $(failed, '.state.error'), 'no error state');
    expect(plain($(failed, '.state.error')!.textContent)).to.equal('Вкажіть дату');
    await expect(failed).to.be.accessible();
  });

  describe('unbound', () => {
    function data(): JournalData {
      const plan = (id: string) => ({
        specialistId: id, date: TUESDAY, hours: { start: at('09:00'), end: at('13:00') }, working: [{ start: at('09:00'), end: at('12:00') }],
        breaks: [{ breakId: 'b1', start: at('12:00'), end: at('13:00') }],
      });
      const stamp = { createdAt: 0, updatedAt: 0 };
      return {
        specialists: [{ id: 's1', name: 'Ірина' }, { id: 's2', name: 'Петро' }],
        plans: [plan('s1'), plan('s2')],
        appointments: [{ id: 'a1', specialistId: 's1', serviceId: 'v1', start: at('09:00'), end: at('10:00'), status: 'booked', clientType: 'lead', clientId: 'c1', ...stamp }],
        clientNames: { c1: 'Оксана Мороз' },
        services: [{ id: 'v1', name: 'Огляд', durationMinutes: 60, specialistIds: [] }],
      };
    }

    it('shows the page’s data, books and moves only through events, refuses a break locally, and touches no store', async () => {
      await deleteStore(DEFAULT_DATABASE_NAME);
      const before = (await indexedDB.databases()).map((db) => db.name);
      const el = await fixture<CrmAppointmentJournal>(html`<crm-appointment-journal date=${TUESDAY} .data=${data()}></crm-appointment-journal>`);
      await waitUntil(() => block(el, 'a1'));
      expect(plain(el.shadowRoot!.querySelector('thead th:nth-child(2)')!.textContent)).to.equal('Ірина Завантаження 33%33%');
      expect($(el, 'crm-appointment-booking-dialog')).to.equal(null);
      await expect(el).to.be.accessible();
      const seen: string[] = [];
      el.addEventListener('crm-appointment-book-request', (e) => seen.push(`book ${e.draft.specialistId} ${e.draft.start === at('10:00')}`));
      el.addEventListener('crm-appointment-change-request', (e) => seen.push(`request ${e.action.type}`));
      el.addEventListener('crm-appointment-change', (e) => seen.push(`change ${e.appointment.specialistId} ${e.appointment.start === at('09:15')}`));
      await focusGrid(el, slot(el, 1, '10:00'));
      await sendKeys({ press: 'Enter' });
      await focusGrid(el, block(el, 'a1'));
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => seen.length === 3, 'no change events');
      expect(seen).to.deep.equal(['book s2 true', 'request reschedule', 'change s2 true']);
      // Onto the break: refused by the page's own plan, like the store would.
      await focusGrid(el, block(el, 'a1'));
      await sendKeys({ press: 'Space' });
      for (let n = 0; n < 12; n += 1) await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => alertText(el) !== '');
      expect(alertText(el)).to.contain('Цей час');
      const after = (await indexedDB.databases()).map((db) => db.name);
      expect(after).to.deep.equal(before);
      expect(after).to.not.include(DEFAULT_DATABASE_NAME);
    });
  });
});

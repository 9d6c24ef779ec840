import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/shared/first-free-slot.js';
import type { CrmAppointmentBookingDialog } from '../../../src/components/shared/appointment-booking-dialog.js';
import type { CrmFirstFreeSlot, SlotChooseEvent } from '../../../src/components/shared/first-free-slot.js';
import { localInstant } from '../../../src/store/slots.js';
import type { CrmStore } from '../../../src/store/store.js';
import type { Service, User } from '../../../src/store/types.js';
import { deepActive, inProvider, plain } from '../../support/dom.js';
import { deleteTestStores, freshStore, waitUntil } from '../../support/fixtures.js';
import { addSpecialist } from '../../support/schedule.js';


interface Fixture {
  store: CrmStore;
  anna: User;
  bohdan: User;
  service: Service;
}

/**
 * Monday 3 – Sunday 9 March 2031. Анна: weekdays 09:00–13:00, a Monday break
 * 10:00–11:00, a day off on Wednesday 5th, booked Tuesday 11:00–12:00. Богдан:
 * Monday and Tuesday 14:00–16:00. A 60-minute service both provide.
 */
async function setUp(): Promise<Fixture> {
  const store = freshStore('slots');
  const anna = await addSpecialist(store, 'Анна Шевчук', { start: '09:00', end: '13:00' });
  const bohdan = await addSpecialist(store, 'Богдан Литвин', { start: '14:00', end: '16:00' }, [1, 2]);
  await store.schedule.addBreak(anna.id, { weekday: 1, start: '10:00', end: '11:00' });
  await store.schedule.addDayOff(anna.id, '2031-03-05');
  const service = await store.services.create({ name: 'Масаж', durationMinutes: 60, price: { minor: 90000 } });
  const client = await store.counterparties.create({ kind: 'individual', name: 'Мельник Ольга' });
  await store.appointments.book({ specialistId: anna.id, serviceId: service.id, start: localInstant('2031-03-04', '11:00'), client: { type: 'counterparty', id: client.id } });
  return { store, anna, bohdan, service };
}

/** The hand-computed free starts of the first three days (step 30 min), by day, then specialist. */
const FIRST_THREE_DAYS = [
  ['понеділок, 3 березня', [['Анна Шевчук', ['09:00', '11:00', '11:30', '12:00']], ['Богдан Литвин', ['14:00', '14:30', '15:00']]]],
  ['вівторок, 4 березня', [['Анна Шевчук', ['09:00', '09:30', '10:00', '12:00']], ['Богдан Литвин', ['14:00', '14:30', '15:00']]]],
] as const;
const THURSDAY_FRIDAY = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00'];

async function mount(store: CrmStore, serviceId: string, lang = 'uk'): Promise<CrmFirstFreeSlot> {
  const el = await inProvider(
    'crm-first-free-slot',
    store.name,
    html`<crm-first-free-slot lang=${lang} service-id=${serviceId} from="2031-03-03" days="3" .notBefore=${localInstant('2031-03-01')}></crm-first-free-slot>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[part=slots]'), 'no slots shown');
  return el;
}

/** What the list shows: each day's heading and, per specialist, the times. */
function shown(el: CrmFirstFreeSlot) {
  return [...el.shadowRoot!.querySelectorAll('.day')].map((day) => [
    plain(day.querySelector('[role=heading]')!.textContent),
    [...day.querySelectorAll('.row')].map((row) => [
      plain(row.querySelector('.name')!.textContent),
      [...row.querySelectorAll('button')].map((button) => plain(button.textContent)),
    ]),
  ]);
}

const slotButtons = (el: CrmFirstFreeSlot) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-slot]')];

describe('crm-first-free-slot', () => {
  afterEach(deleteTestStores);

  it('lists the free starts of a hand-computed week with hours, a break, a booking and a day off', async () => {
    const { store, anna, bohdan, service } = await setUp();
    const expected = FIRST_THREE_DAYS.flatMap(([, rows], day) =>
      rows.flatMap(([name, times]) =>
        times.map((time) => ({ name, start: localInstant(`2031-03-0${3 + day}`, time) })),
      ),
    ).sort((a, b) => a.start - b.start || a.name.localeCompare(b.name, 'uk'));
    const names = new Map([[anna.id, anna.name], [bohdan.id, bohdan.name]]);
    const fromStore = await store.appointments.freeSlots({ serviceId: service.id, from: '2031-03-03', to: '2031-03-05', stepMinutes: 30 });
    expect(fromStore.map((slot) => ({ name: names.get(slot.specialistId), start: slot.start }))).to.deep.equal(expected);
    expect(fromStore.every((slot) => slot.end - slot.start === 60 * 60_000)).to.equal(true);

    const el = await mount(store, service.id);
    expect(shown(el)).to.deep.equal(FIRST_THREE_DAYS);
    expect(plain(el.shadowRoot!.querySelector('[role=status]')!.textContent)).to.equal('14 вільних вікон до 5 березня');
    await expect(el).to.be.accessible();

    el.shadowRoot!.querySelector<HTMLButtonElement>('.more')!.click();
    await waitUntil(() => shown(el).length === 4, 'later days did not come');
    // Intl writes the apostrophe of «п’ятниця» as U+02BC; Saturday 8th has no hours.
    expect(shown(el).slice(2)).to.deep.equal([
      ['четвер, 6 березня', [['Анна Шевчук', THURSDAY_FRIDAY]]],
      ['п\u02BCятниця, 7 березня', [['Анна Шевчук', THURSDAY_FRIDAY]]],
    ]);
  });

  it('narrows to one specialist', async () => {
    const { store, bohdan, service } = await setUp();
    const el = await mount(store, service.id, 'en');
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#slots-specialist')!;
    select.value = bohdan.id;
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => shown(el).every(([, rows]) => (rows as unknown[]).length === 1), 'still everyone');
    expect(shown(el)).to.deep.equal([
      ['Monday, March 3', [['Богдан Литвин', ['2:00 PM', '2:30 PM', '3:00 PM']]]],
      ['Tuesday, March 4', [['Богдан Литвин', ['2:00 PM', '2:30 PM', '3:00 PM']]]],
    ]);
    await expect(el).to.be.accessible();
  });

  it('is one tab stop moved through by the arrows; Enter opens the booking dialog prefilled and the booked slot leaves the list', async () => {
    const { store, anna, service } = await setUp();
    const el = await mount(store, service.id);
    const chosen: SlotChooseEvent[] = [];
    el.addEventListener('slot-choose', (event) => chosen.push(event as SlotChooseEvent));
    expect(slotButtons(el).filter((b) => b.tabIndex === 0)).to.have.length(1);
    slotButtons(el)[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(plain(deepActive()?.textContent)).to.equal('11:30');
    await sendKeys({ press: 'ArrowLeft' });
    expect(plain(deepActive()?.textContent)).to.equal('11:00');
    await sendKeys({ press: 'Enter' });

    expect(chosen.map((e) => e.detail)).to.deep.equal([{ specialistId: anna.id, start: localInstant('2031-03-03', '11:00'), serviceId: service.id }]);
    const dialog = el.shadowRoot!.querySelector<CrmAppointmentBookingDialog>('crm-appointment-booking-dialog')!;
    const inDialog = <T extends HTMLElement>(selector: string) => dialog.shadowRoot!.querySelector<T>(selector)!;
    await waitUntil(() => deepActive()?.id === 'booking-client', 'the booking dialog did not open');
    // The pickers fill in as the store's specialists and services arrive.
    await waitUntil(
      () => inDialog<HTMLSelectElement>('#booking-specialist').value === anna.id && inDialog<HTMLSelectElement>('#booking-service').value === service.id,
      `prefilled: ${inDialog<HTMLSelectElement>('#booking-specialist').value}`,
    );
    expect(inDialog<HTMLInputElement>('#booking-time').value).to.equal('11:00');
    await sendKeys({ type: 'Мельн' });
    await waitUntil(() => dialog.shadowRoot!.querySelector('[role=option]'), 'no client found');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    inDialog('button[type=submit]').focus();
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => !(shown(el)[0]![1] as [string, string[]][])[0]![1].includes('11:00'), 'the booked slot is still offered');
    expect((shown(el)[0]![1] as [string, string[]][])[0]).to.deep.equal(['Анна Шевчук', ['09:00', '12:00']]);
    expect(plain(el.shadowRoot!.querySelector('[role=status]')!.textContent)).to.match(/^Записано на 3 бер\. 2031 р\., 11:00$/);
    const monday = await store.appointments.day('2031-03-03');
    expect(monday.map((a) => [a.specialistId, a.start, a.end])).to.deep.equal([
      [anna.id, localInstant('2031-03-03', '11:00'), localInstant('2031-03-03', '12:00')],
    ]);
  });

  it('opens no dialog when its owner takes the choice (preventDefault)', async () => {
    const { store, service } = await setUp();
    const el = await mount(store, service.id);
    el.addEventListener('slot-choose', (event) => event.preventDefault());
    slotButtons(el)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector<CrmAppointmentBookingDialog>('crm-appointment-booking-dialog')!;
    expect(dialog.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
  });

  it('unbound: shows the given slots and reads no store', async () => {
    const specialists = [{ id: 's1', name: 'Ірина', roles: ['specialist'], active: 1, createdAt: 0, updatedAt: 0 }] as User[];
    const start = localInstant('2031-03-03', '10:00');
    const el = await fixture<CrmFirstFreeSlot>(html`<crm-first-free-slot
      lang="uk"
      from="2031-03-03"
      days="1"
      .specialists=${specialists}
      .services=${[]}
      .slots=${[{ specialistId: 's1', start, end: start + 3_600_000 }]}
    ></crm-first-free-slot>`);
    expect(shown(el)).to.deep.equal([['понеділок, 3 березня', [['Ірина', ['10:00']]]]]);
    expect(el.shadowRoot!.querySelector('crm-appointment-booking-dialog')).to.equal(null);
    const chosen: SlotChooseEvent[] = [];
    el.addEventListener('slot-choose', (event) => chosen.push(event as SlotChooseEvent));
    slotButtons(el)[0]!.click();
    expect(chosen).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});

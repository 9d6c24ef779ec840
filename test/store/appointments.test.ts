import { expect } from '@open-wc/testing';
import { observeQuery, type Appointment, type Counterparty, type CrmDatabase, type CrmStore, type Lead, type Service, type User } from '../../src/store/index.js';
import { computeFreeSlots } from '../../src/store/appointments.js';
import { groupSchedules } from '../../src/store/schedule.js';
import { deleteTestStores, settle } from '../support/fixtures.js';
import { addUser, counterpartyRow, leadRow, refused, testStore } from '../support/store.js';

/** A local instant in June 2031: Monday 2nd, Tuesday 3rd, Wednesday 4th (no DST change that month). */
const at = (day: number, hh: number, mm = 0) => new Date(2031, 5, day, hh, mm).getTime();
const MONDAY = '2031-06-02';
const TUESDAY = '2031-06-03';
const WEDNESDAY = '2031-06-04';

afterEach(deleteTestStores);

/** The local clock times (`HH:MM`) at which slots start. */
const localTimes = (slots: Array<{ start: number }>) =>
  slots.map(({ start }) => {
    const d = new Date(start);
    return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  });

async function addCounterparty(db: CrmDatabase, name: string): Promise<Counterparty> {
  const counterparty = counterpartyRow({ kind: 'individual', name, phones: ['+380671234567'], searchTokens: name.toLowerCase().split(' ') });
  await db.counterparties.add(counterparty);
  return counterparty;
}

async function addLead(db: CrmDatabase, name: string): Promise<Lead> {
  const lead = leadRow({ name, phones: ['+380501112233'], searchTokens: name.toLowerCase().split(' ') });
  await db.leads.add(lead);
  return lead;
}

interface Salon {
  db: CrmDatabase;
  store: CrmStore;
  /** Олена Шевченко: Mon 09:00–13:00 (break 11:00–11:30), Tue 10:00–12:00, Wed 09:00–12:00 but a day off. */
  olena: User;
  /** Ігор Бондаренко: Mon 10:15–13:00 (break 12:30–13:30, half outside), Wed 09:00–10:00. */
  ihor: User;
  /** Марія Ткаченко: Mon–Wed 09:00–18:00, but does not provide the consultation. */
  maria: User;
  manager: User;
  /** 60 min, provided by Олена and Ігор. */
  consultation: Service;
  client: Counterparty;
  /** Олена, Monday 09:30–10:30, booked. */
  booked: Appointment;
  /** Ігор, Monday 10:30–11:30, cancelled: frees its time. */
  cancelled: Appointment;
}

/** A small beauty salon with a week's schedule, one booked and one cancelled appointment. */
async function salon(): Promise<Salon> {
  const { db, store } = testStore('appointments');
  const olena = await addUser(db, 'Олена Шевченко');
  const ihor = await addUser(db, 'Ігор Бондаренко');
  const maria = await addUser(db, 'Марія Ткаченко');
  const manager = await addUser(db, 'Петро Мельник', ['manager']);
  const client = await addCounterparty(db, 'Наталія Кравець');

  await store.schedule.setWeek(olena.id, {
    1: { start: '09:00', end: '13:00' },
    2: { start: '10:00', end: '12:00' },
    3: { start: '09:00', end: '12:00' },
  });
  await store.schedule.addBreak(olena.id, { weekday: 1, start: '11:00', end: '11:30' });
  await store.schedule.addDayOff(olena.id, WEDNESDAY, 'Навчання');

  await store.schedule.setWeek(ihor.id, { 1: { start: '10:15', end: '13:00' }, 3: { start: '09:00', end: '10:00' } });
  await store.schedule.addBreak(ihor.id, { weekday: 1, start: '12:30', end: '13:30' });

  await store.schedule.setWeek(maria.id, {
    1: { start: '09:00', end: '18:00' },
    2: { start: '09:00', end: '18:00' },
    3: { start: '09:00', end: '18:00' },
  });

  const consultation = await store.services.create({
    name: 'Консультація косметолога',
    durationMinutes: 60,
    price: { minor: 80_000 },
    specialistIds: [olena.id, ihor.id],
  });
  await store.services.create({ name: 'Фарбування волосся', durationMinutes: 120, price: { minor: 150_000 }, specialistIds: [maria.id] });

  const booked = await store.appointments.book({
    specialistId: olena.id,
    serviceId: consultation.id,
    start: at(2, 9, 30),
    client: { type: 'counterparty', id: client.id },
  });
  const toCancel = await store.appointments.book({
    specialistId: ihor.id,
    serviceId: consultation.id,
    start: at(2, 10, 30),
    client: { type: 'counterparty', id: client.id },
  });
  const cancelled = await store.appointments.cancel(toCancel.id, { reason: 'Клієнтка захворіла' });
  return { db, store, olena, ihor, maria, manager, consultation, client, booked, cancelled };
}

describe('appointments.book', () => {
  it('books a client into a free slot and reads it back by id, day and client', async () => {
    const { store, olena, consultation, client } = await salon();
    const appointment = await store.appointments.book({
      specialistId: olena.id,
      serviceId: consultation.id,
      start: at(3, 10),
      client: { type: 'counterparty', id: client.id },
      comment: '  Перший візит, чутлива шкіра ',
    });
    expect(appointment).to.include({
      specialistId: olena.id,
      serviceId: consultation.id,
      start: at(3, 10),
      end: at(3, 11),
      status: 'booked',
      clientType: 'counterparty',
      clientId: client.id,
      comment: 'Перший візит, чутлива шкіра',
    });
    expect(await store.appointments.get(appointment.id)).to.deep.equal(appointment);
    expect(await store.appointments.day(TUESDAY)).to.deep.equal([appointment]);
    const history = await store.appointments.forClient({ type: 'counterparty', id: client.id });
    expect(history.map((a) => a.start)).to.deep.equal([at(2, 9, 30), at(2, 10, 30), at(3, 10)]);
  });

  it('books a lead as the client', async () => {
    const { db, store, olena, consultation } = await salon();
    const lead = await addLead(db, 'Оксана Литвин');
    const appointment = await store.appointments.book({
      specialistId: olena.id,
      serviceId: consultation.id,
      start: at(3, 11),
      client: { type: 'lead', id: lead.id },
    });
    expect(await store.appointments.forClient({ type: 'lead', id: lead.id })).to.deep.equal([appointment]);
  });

  it('books a new lead with the appointment in one transaction; a refused booking leaves no lead', async () => {
    const { db, store, olena, consultation, booked } = await salon();
    const leadsBefore = await db.leads.count();
    const appointment = await store.appointments.book({
      specialistId: olena.id,
      serviceId: consultation.id,
      start: at(3, 11),
      newLead: { name: ' Оксана Литвин ', phones: ['067 123 45 67'] },
    });
    const lead = await store.leads.get(appointment.clientId);
    expect(appointment.clientType).to.equal('lead');
    expect(lead).to.include({ name: 'Оксана Литвин', status: 'new' });
    expect(lead!.phones).to.deep.equal(['+380671234567']);

    // Refused for the time (double booking), for the lead (bad phone), or for both a client and a lead: nothing written.
    const snapshot = async () => [await db.leads.toArray(), await db.appointments.toArray()];
    const before = await snapshot();
    const conflict = await refused(store.appointments.book({ specialistId: olena.id, serviceId: consultation.id, start: booked.start, newLead: { name: 'Ірина Бойко' } }));
    expect(conflict).to.include({ code: 'CONFLICT', field: 'start', messageKey: 'error.doubleBooking' });
    const phone = await refused(store.appointments.book({ specialistId: olena.id, serviceId: consultation.id, start: at(3, 10), newLead: { name: 'Ірина Бойко', phones: ['12'] } }));
    expect(phone).to.include({ code: 'VALIDATION', field: 'newLead.phones.0', messageKey: 'error.phone' });
    const source = await refused(store.appointments.book({ specialistId: olena.id, serviceId: consultation.id, start: at(3, 10), newLead: { name: 'Ірина Бойко', sourceId: 'nope' } }));
    expect(source).to.include({ code: 'NOT_FOUND', field: 'newLead.sourceId' });
    const both = await refused(
      store.appointments.book({ specialistId: olena.id, serviceId: consultation.id, start: at(3, 10), client: { type: 'lead', id: lead!.id }, newLead: { name: 'Ірина Бойко' } }),
    );
    expect(both).to.include({ code: 'VALIDATION', field: 'newLead' });
    const none = await refused(store.appointments.book({ specialistId: olena.id, serviceId: consultation.id, start: at(3, 10) }));
    expect(none).to.include({ code: 'VALIDATION', field: 'client', messageKey: 'error.required' });
    expect(await snapshot()).to.deep.equal(before);
    expect(await db.leads.count()).to.equal(leadsBefore + 1);
  });

  it('books over a cancelled appointment: cancelling frees the time', async () => {
    const { store, ihor, consultation, client, cancelled } = await salon();
    const appointment = await store.appointments.book({
      specialistId: ihor.id,
      serviceId: consultation.id,
      start: cancelled.start,
      client: { type: 'counterparty', id: client.id },
    });
    expect(appointment.status).to.equal('booked');
  });

  describe('refusals leave the day exactly as before', () => {
    const cases: Array<{ what: string; start: number; messageKey: string; params?: (s: Salon) => Record<string, string> }> = [
      { what: 'on a day off', start: at(4, 9), messageKey: 'error.dayOff' },
      { what: 'before the working hours', start: at(3, 9), messageKey: 'error.outsideWorkingHours' },
      { what: 'running past the end of the working hours', start: at(3, 11, 30), messageKey: 'error.outsideWorkingHours' },
      { what: 'on a weekday without hours', start: at(5, 10), messageKey: 'error.outsideWorkingHours' },
      { what: 'running into a break', start: at(2, 10, 45), messageKey: 'error.duringBreak' },
      {
        what: 'overlapping a booked appointment',
        start: at(2, 10),
        messageKey: 'error.doubleBooking',
        params: (s) => ({ appointmentId: s.booked.id }),
      },
      {
        what: 'starting inside a booked appointment',
        start: at(2, 9),
        messageKey: 'error.doubleBooking',
        params: (s) => ({ appointmentId: s.booked.id }),
      },
    ];
    for (const { what, start, messageKey, params } of cases) {
      it(`refuses a booking ${what} with CONFLICT on start (${messageKey})`, async () => {
        const s = await salon();
        const before = await s.db.appointments.toArray();
        const error = await refused(
          s.store.appointments.book({
            specialistId: s.olena.id,
            serviceId: s.consultation.id,
            start,
            client: { type: 'counterparty', id: s.client.id },
          }),
        );
        expect(error).to.include({ code: 'CONFLICT', field: 'start', messageKey });
        if (params) expect(error.params).to.deep.equal(params(s));
        expect(await s.db.appointments.toArray()).to.deep.equal(before);
      });
    }
  });

  it('refuses a service the specialist does not provide, naming serviceId', async () => {
    const { db, store, maria, consultation, client } = await salon();
    const before = await db.appointments.toArray();
    const error = await refused(
      store.appointments.book({ specialistId: maria.id, serviceId: consultation.id, start: at(3, 10), client: { type: 'counterparty', id: client.id } }),
    );
    expect(error).to.include({ code: 'VALIDATION', field: 'serviceId', messageKey: 'error.serviceNotProvided' });
    expect(await db.appointments.toArray()).to.deep.equal(before);
  });

  it('refuses an archived service as not provided', async () => {
    const { store, olena, consultation, client } = await salon();
    await store.services.archive(consultation.id);
    const error = await refused(
      store.appointments.book({ specialistId: olena.id, serviceId: consultation.id, start: at(3, 10), client: { type: 'counterparty', id: client.id } }),
    );
    expect(error).to.include({ code: 'VALIDATION', field: 'serviceId', messageKey: 'error.serviceNotProvided' });
  });

  it('refuses a missing specialist, a manager, a missing service and a missing client with NOT_FOUND', async () => {
    const { db, store, olena, manager, consultation, client } = await salon();
    const before = await db.appointments.toArray();
    const good = { specialistId: olena.id, serviceId: consultation.id, start: at(3, 10), client: { type: 'counterparty' as const, id: client.id } };
    expect(await refused(store.appointments.book({ ...good, specialistId: 'немає' }))).to.include({ code: 'NOT_FOUND', field: 'specialistId' });
    expect(await refused(store.appointments.book({ ...good, specialistId: manager.id }))).to.include({ code: 'NOT_FOUND', field: 'specialistId' });
    expect(await refused(store.appointments.book({ ...good, serviceId: 'немає' }))).to.include({ code: 'NOT_FOUND', field: 'serviceId' });
    expect(await refused(store.appointments.book({ ...good, client: { type: 'lead', id: client.id } }))).to.include({
      code: 'NOT_FOUND',
      field: 'client.id',
    });
    expect(await db.appointments.toArray()).to.deep.equal(before);
  });

  it('refuses malformed input before touching the database', async () => {
    const { db, store, olena, consultation, client } = await salon();
    const before = await db.appointments.toArray();
    const good = { specialistId: olena.id, serviceId: consultation.id, start: at(3, 10), client: { type: 'counterparty' as const, id: client.id } };
    expect(await refused(store.appointments.book({ ...good, start: Number.NaN }))).to.include({ code: 'VALIDATION', field: 'start' });
    expect(await refused(store.appointments.book({ ...good, client: { type: 'contact' as 'lead', id: client.id } }))).to.include({
      code: 'VALIDATION',
      field: 'client.type',
    });
    expect(await db.appointments.toArray()).to.deep.equal(before);
  });

  it('lets only one of two concurrent bookings of the same time succeed', async () => {
    const { db, store, olena, consultation, client } = await salon();
    const results = await Promise.allSettled([
      store.appointments.book({ specialistId: olena.id, serviceId: consultation.id, start: at(3, 10), client: { type: 'counterparty', id: client.id } }),
      store.appointments.book({ specialistId: olena.id, serviceId: consultation.id, start: at(3, 10, 30), client: { type: 'counterparty', id: client.id } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(refused.reason).to.include({ code: 'CONFLICT', messageKey: 'error.doubleBooking' });
    expect(await db.appointments.where('specialistId').equals(olena.id).filter((a) => a.status === 'booked').count()).to.equal(2);
  });
});

describe('appointments.reschedule', () => {
  it('refuses a collision with another booking and leaves both as they were', async () => {
    const { db, store, olena, consultation, client, booked } = await salon();
    const tuesday = await store.appointments.book({
      specialistId: olena.id,
      serviceId: consultation.id,
      start: at(3, 10),
      client: { type: 'counterparty', id: client.id },
    });
    const before = await db.appointments.toArray();
    const error = await refused(store.appointments.reschedule(tuesday.id, { start: at(2, 10) }));
    expect(error).to.include({ code: 'CONFLICT', field: 'start', messageKey: 'error.doubleBooking' });
    expect(error.params).to.deep.equal({ appointmentId: booked.id });
    expect(await db.appointments.toArray()).to.deep.equal(before);
  });

  it('moves an appointment into free time, keeping its length', async () => {
    const { store, booked } = await salon();
    const moved = await store.appointments.reschedule(booked.id, { start: at(2, 11, 30) });
    expect(moved).to.include({ id: booked.id, start: at(2, 11, 30), end: at(2, 12, 30), status: 'booked', createdAt: booked.createdAt });
    expect(await store.appointments.get(booked.id)).to.deep.equal(moved);
  });

  it('moves an appointment over its own old time', async () => {
    const { store, booked } = await salon();
    const moved = await store.appointments.reschedule(booked.id, { start: at(2, 10) });
    expect([moved.start, moved.end]).to.deep.equal([at(2, 10), at(2, 11)]);
  });

  it('moves an appointment to another specialist who provides the service', async () => {
    const { store, ihor, maria, booked } = await salon();
    const moved = await store.appointments.reschedule(booked.id, { start: at(2, 11), specialistId: ihor.id });
    expect(moved).to.include({ specialistId: ihor.id, start: at(2, 11), end: at(2, 12) });
    expect(await refused(store.appointments.reschedule(booked.id, { start: at(2, 11), specialistId: maria.id }))).to.include({
      code: 'VALIDATION',
      field: 'serviceId',
      messageKey: 'error.serviceNotProvided',
    });
    expect(await store.appointments.get(booked.id)).to.deep.equal(moved);
  });

  it('refuses to move into a break or a day off', async () => {
    const { store, booked } = await salon();
    expect(await refused(store.appointments.reschedule(booked.id, { start: at(2, 10, 30) }))).to.include({ messageKey: 'error.duringBreak' });
    expect(await refused(store.appointments.reschedule(booked.id, { start: at(4, 9) }))).to.include({ messageKey: 'error.dayOff' });
    expect(await store.appointments.get(booked.id)).to.deep.equal(booked);
  });
});

describe('appointments.cancel, complete, markNoShow', () => {
  it('closes a booked appointment with the reason given', async () => {
    const { store, booked, cancelled } = await salon();
    expect(cancelled).to.include({ status: 'cancelled', cancelReason: 'Клієнтка захворіла' });
    expect((await store.appointments.get(cancelled.id))!.status).to.equal('cancelled');
    expect((await store.appointments.complete(booked.id)).status).to.equal('done');
    expect((await store.appointments.get(booked.id))!.status).to.equal('done');
  });

  it('marks a no-show', async () => {
    const { store, booked } = await salon();
    expect((await store.appointments.markNoShow(booked.id)).status).to.equal('no-show');
    expect((await store.appointments.get(booked.id))!.status).to.equal('no-show');
  });

  it('refuses any change to a closed appointment with INVALID_STATE', async () => {
    const { store, cancelled } = await salon();
    for (const attempt of [
      store.appointments.complete(cancelled.id),
      store.appointments.markNoShow(cancelled.id),
      store.appointments.cancel(cancelled.id),
      store.appointments.reschedule(cancelled.id, { start: at(2, 11) }),
    ]) {
      expect(await refused(attempt)).to.include({ code: 'INVALID_STATE', field: 'status', messageKey: 'error.appointmentClosed' });
    }
    expect(await store.appointments.get(cancelled.id)).to.deep.equal(cancelled);
    expect(await refused(store.appointments.cancel('немає'))).to.include({ code: 'NOT_FOUND', field: 'id' });
  });
});

describe('appointments.day, range', () => {
  it('lists a day ordered by start, filtered by specialist and status', async () => {
    const { store, olena, ihor, consultation, client, booked, cancelled } = await salon();
    const late = await store.appointments.book({
      specialistId: olena.id,
      serviceId: consultation.id,
      start: at(2, 12),
      client: { type: 'counterparty', id: client.id },
    });
    expect((await store.appointments.day(MONDAY)).map((a) => a.id)).to.deep.equal([booked.id, cancelled.id, late.id]);
    expect((await store.appointments.day(MONDAY, { specialistIds: [ihor.id] })).map((a) => a.id)).to.deep.equal([cancelled.id]);
    expect((await store.appointments.day(MONDAY, { statuses: ['booked'] })).map((a) => a.id)).to.deep.equal([booked.id, late.id]);
    expect(await store.appointments.day(TUESDAY)).to.deep.equal([]);
  });

  it('lists a period by dates (whole days) or by instants (overlapping [from, to))', async () => {
    const { store, olena, consultation, client, booked, cancelled } = await salon();
    const tuesday = await store.appointments.book({
      specialistId: olena.id,
      serviceId: consultation.id,
      start: at(3, 11),
      client: { type: 'counterparty', id: client.id },
    });
    expect((await store.appointments.range(MONDAY, WEDNESDAY)).map((a) => a.id)).to.deep.equal([booked.id, cancelled.id, tuesday.id]);
    expect((await store.appointments.range(at(2, 10), at(2, 10, 30))).map((a) => a.id)).to.deep.equal([booked.id]);
    expect((await store.appointments.range(at(3, 0), at(4, 0), { specialistIds: [olena.id] })).map((a) => a.id)).to.deep.equal([tuesday.id]);
  });

  it('is live: a booking re-runs a day query', async () => {
    const { store, olena, consultation, client } = await salon();
    const seen: number[] = [];
    const subscription = observeQuery(() => store.appointments.day(TUESDAY)).subscribe({
      next: (list) => seen.push(list.length),
      error: () => undefined,
    });
    await settle();
    await store.appointments.book({ specialistId: olena.id, serviceId: consultation.id, start: at(3, 10), client: { type: 'counterparty', id: client.id } });
    await settle();
    subscription.unsubscribe();
    expect(seen).to.deep.equal([0, 1]);
  });
});

describe('appointments.load, dayLoads', () => {
  it('divides booked working minutes by working minutes', async () => {
    const { store, olena, ihor, maria, consultation, client, booked } = await salon();
    // Олена, Monday: 4 h minus a 30 min break = 210 working minutes; 60 booked.
    expect(await store.appointments.load(olena.id, MONDAY)).to.equal(60 / 210);
    await store.appointments.book({ specialistId: olena.id, serviceId: consultation.id, start: at(2, 11, 30), client: { type: 'counterparty', id: client.id } });
    await store.appointments.complete(booked.id);
    // A done appointment still took its time; a cancelled one did not.
    expect(await store.appointments.load(olena.id, MONDAY)).to.equal(120 / 210);
    expect(await store.appointments.load(olena.id, WEDNESDAY)).to.equal(0);
    const loads = await store.appointments.dayLoads(MONDAY);
    expect(loads.map((l) => [l.specialistId, l.bookedMinutes, l.workingMinutes])).to.deep.equal([
      [ihor.id, 0, 135],
      [maria.id, 0, 540],
      [olena.id, 120, 210],
    ]);
  });
});

describe('appointments.freeSlots', () => {
  it('lists the free starts of every provider, by start then name, exactly as computed by hand', async () => {
    const { store, olena, ihor, consultation } = await salon();
    const slots = await store.appointments.freeSlots({ serviceId: consultation.id, from: MONDAY, to: WEDNESDAY, stepMinutes: 30 });
    // Олена Mon: working 09:00–11:00 and 11:30–13:00, booked 09:30–10:30 → 11:30, 12:00.
    // Олена Tue: 10:00–12:00 → 10:00, 10:30, 11:00. Олена Wed: day off.
    // Ігор Mon: 10:15–12:30 (break 12:30–13:00 inside the hours; the cancelled booking frees 10:30–11:30)
    //   → grid from 10:30: 10:30, 11:00, 11:30. Ігор Tue: no hours. Ігор Wed: 09:00–10:00 → 09:00.
    // Марія does not provide the consultation.
    const expected = [
      { specialistId: ihor.id, start: at(2, 10, 30), end: at(2, 11, 30) },
      { specialistId: ihor.id, start: at(2, 11), end: at(2, 12) },
      { specialistId: ihor.id, start: at(2, 11, 30), end: at(2, 12, 30) },
      { specialistId: olena.id, start: at(2, 11, 30), end: at(2, 12, 30) },
      { specialistId: olena.id, start: at(2, 12), end: at(2, 13) },
      { specialistId: olena.id, start: at(3, 10), end: at(3, 11) },
      { specialistId: olena.id, start: at(3, 10, 30), end: at(3, 11, 30) },
      { specialistId: olena.id, start: at(3, 11), end: at(3, 12) },
      { specialistId: ihor.id, start: at(4, 9), end: at(4, 10) },
    ];
    expect(slots).to.deep.equal(expected);
  });

  it('searches one specialist on the default 15-minute grid', async () => {
    const { store, olena, consultation } = await salon();
    const slots = await store.appointments.freeSlots({ serviceId: consultation.id, from: TUESDAY, to: TUESDAY, specialistId: olena.id });
    expect(slots.map((s) => s.start)).to.deep.equal([at(3, 10), at(3, 10, 15), at(3, 10, 30), at(3, 10, 45), at(3, 11)]);
  });

  it('leaves out the time a new booking takes, and starts before notBefore', async () => {
    const { store, olena, consultation, client } = await salon();
    await store.appointments.book({ specialistId: olena.id, serviceId: consultation.id, start: at(3, 10), client: { type: 'counterparty', id: client.id } });
    const tuesday = await store.appointments.freeSlots({ serviceId: consultation.id, from: TUESDAY, to: TUESDAY, stepMinutes: 30 });
    expect(tuesday).to.deep.equal([{ specialistId: olena.id, start: at(3, 11), end: at(3, 12) }]);
    const afterTen = await store.appointments.freeSlots({
      serviceId: consultation.id,
      from: MONDAY,
      to: MONDAY,
      stepMinutes: 30,
      notBefore: at(2, 11, 10),
    });
    expect(afterTen.map((s) => s.start)).to.deep.equal([at(2, 11, 30), at(2, 11, 30), at(2, 12)]);
  });

  it('firstFreeSlot gives the earliest one, or undefined', async () => {
    const { store, ihor, olena, consultation } = await salon();
    const query = { serviceId: consultation.id, from: MONDAY, to: WEDNESDAY, stepMinutes: 30 };
    expect(await store.appointments.firstFreeSlot(query)).to.deep.equal({ specialistId: ihor.id, start: at(2, 10, 30), end: at(2, 11, 30) });
    expect(await store.appointments.firstFreeSlot({ ...query, specialistId: olena.id, notBefore: at(3, 11, 1) })).to.equal(undefined);
  });

  it('refuses an unknown service, a non-specialist, a specialist without the service and a reversed range', async () => {
    const { store, maria, manager, consultation } = await salon();
    const query = { serviceId: consultation.id, from: MONDAY, to: WEDNESDAY };
    expect(await refused(store.appointments.freeSlots({ ...query, serviceId: 'немає' }))).to.include({ code: 'NOT_FOUND', field: 'serviceId' });
    expect(await refused(store.appointments.freeSlots({ ...query, specialistId: manager.id }))).to.include({ code: 'NOT_FOUND', field: 'specialistId' });
    expect(await refused(store.appointments.freeSlots({ ...query, specialistId: maria.id }))).to.include({
      code: 'VALIDATION',
      field: 'serviceId',
      messageKey: 'error.serviceNotProvided',
    });
    expect(await refused(store.appointments.freeSlots({ ...query, from: WEDNESDAY, to: MONDAY }))).to.include({
      code: 'VALIDATION',
      field: 'to',
      messageKey: 'error.timeRange',
    });
  });
});

describe('computeFreeSlots, groupSchedules: the search on records already read', () => {
  it('finds from the records what freeSlots finds from the database', async () => {
    const { db, store, olena, ihor, consultation } = await salon();
    const [hours, breaks, daysOff, appointments] = await Promise.all([db.workingHours.toArray(), db.breaks.toArray(), db.daysOff.toArray(), db.appointments.toArray()]);
    const schedules = groupSchedules({ hours, breaks, daysOff }, [ihor.id, olena.id]);
    expect([...schedules.keys()]).to.have.members([ihor.id, olena.id]);
    const slots = computeFreeSlots({
      specialistIds: [ihor.id, olena.id],
      schedules,
      appointments,
      from: MONDAY,
      to: WEDNESDAY,
      durationMinutes: consultation.durationMinutes,
      stepMinutes: 30,
    });
    expect(slots).to.deep.equal(await store.appointments.freeSlots({ serviceId: consultation.id, from: MONDAY, to: WEDNESDAY, stepMinutes: 30 }));
    expect(slots).to.have.length(9);
  });

  it('keeps the latest hours of a weekday, and the local step grid across a clock change', () => {
    const stamp = (updatedAt: number) => ({ createdAt: updatedAt, updatedAt });
    const schedules = groupSchedules({
      hours: [
        { id: 'h-old', specialistId: 'olena', weekday: 7, start: '08:00', end: '10:00', ...stamp(1) },
        { id: 'h-new', specialistId: 'olena', weekday: 7, start: '09:00', end: '13:00', ...stamp(2) },
        { id: 'h-other', specialistId: 'ihor', weekday: 7, start: '09:00', end: '13:00', ...stamp(2) },
      ],
      breaks: [{ id: 'b', specialistId: 'olena', weekday: 7, start: '11:00', end: '11:15', ...stamp(1) }],
      daysOff: [],
    }, ['olena']);
    expect([...schedules.keys()]).to.deep.equal(['olena']);
    expect(schedules.get('olena')!.hours.get(7)!.id).to.equal('h-new');
    // Sunday 30 March 2025: Kyiv moves its clocks forward at 03:00. Working 09:00–11:00 and 11:15–13:00;
    // an hour on the 45-minute grid of the local clock: 09:00, 09:45 (10:30 would end after 11:00), 11:15, 12:00.
    const slots = computeFreeSlots({ specialistIds: ['olena'], schedules, appointments: [], from: '2025-03-30', to: '2025-03-30', durationMinutes: 60, stepMinutes: 45 });
    expect(localTimes(slots)).to.deep.equal(['09:00', '09:45', '11:15', '12:00']);
  });
});

describe('appointments.freeSlots on the days the clocks change (Kyiv time)', () => {
  afterEach(deleteTestStores);

  it('keeps the step grid on the local clock when the clocks go forward and back', async () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone, 'the tests run in Kyiv time').to.be.oneOf(['Europe/Kyiv', 'Europe/Kiev']);
    const { db, store } = testStore('dst');
    const specialist = await addUser(db, 'Олена Шевченко');
    await store.schedule.setWorkingHours(specialist.id, 7, { start: '09:00', end: '13:00' });
    const service = await store.services.create({ name: 'Консультація', durationMinutes: 60, price: { minor: 50_000 } });
    const expected = ['09:00', '09:45', '10:30', '11:15', '12:00'];
    for (const sunday of ['2025-03-23', '2025-03-30', '2025-10-26']) {
      const slots = await store.appointments.freeSlots({ serviceId: service.id, specialistId: specialist.id, from: sunday, to: sunday, stepMinutes: 45 });
      expect(localTimes(slots), sunday).to.deep.equal(expected);
      expect(slots.every((slot) => slot.end - slot.start === 3_600_000)).to.equal(true);
    }
  });
});

describe('appointments: what takes a specialist’s time', () => {
  afterEach(deleteTestStores);

  it('a done appointment still takes its time: the hour is not offered or bookable again; only a cancellation frees it', async () => {
    const { store, olena, consultation, client, booked } = await salon();
    await store.appointments.complete(booked.id);
    const again = { specialistId: olena.id, serviceId: consultation.id, start: at(2, 9, 30), client: { type: 'counterparty' as const, id: client.id } };
    expect(await refused(store.appointments.book(again))).to.include({ code: 'CONFLICT', field: 'start', messageKey: 'error.doubleBooking' });
    const slots = await store.appointments.freeSlots({ serviceId: consultation.id, specialistId: olena.id, from: MONDAY, to: MONDAY, stepMinutes: 30 });
    expect(slots.some((slot) => slot.start < booked.end && slot.end > booked.start)).to.equal(false);
  });

  it('dayLoads lists the given specialists by name, in any order asked', async () => {
    const { store, olena, ihor } = await salon();
    expect((await store.appointments.dayLoads(MONDAY, { specialistIds: [olena.id, ihor.id] })).map((load) => load.specialistId)).to.deep.equal([
      ihor.id,
      olena.id,
    ]);
  });
});

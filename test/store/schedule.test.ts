import { expect } from '@open-wc/testing';
import { deleteTestStores, settle } from '../support/fixtures.js';
import { addUser, refused, testStore } from '../support/store.js';

/** A local instant on a day of June 2031 (Monday 2 June; no DST change that month). */
const at = (day: number, hh: number, mm = 0) => new Date(2031, 5, day, hh, mm).getTime();

/** A store over a fresh database, with the database at hand to seed users (another module's aggregate). */
const setup = () => testStore('schedule');

afterEach(deleteTestStores);

describe('services.create', () => {
  it('adds a service in UAH for everyone and reads it back', async () => {
    const { store } = setup();
    const service = await store.services.create({ name: '  Манікюр класичний ', durationMinutes: 60, price: { minor: 45_000 } });
    expect(service).to.include({ name: 'Манікюр класичний', durationMinutes: 60, archived: 0 });
    expect(service.price).to.deep.equal({ minor: 45_000, currency: 'UAH' });
    expect(service.specialistIds).to.deep.equal([]);
    expect(service.createdAt).to.equal(service.updatedAt);
    expect(await store.services.get(service.id)).to.deep.equal(service);
    expect(await store.services.list()).to.deep.equal([service]);
  });

  it('keeps the specialists who provide it, without repeats', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    const service = await store.services.create({
      name: 'Педикюр',
      durationMinutes: 90,
      price: { minor: 60_000, currency: 'UAH' },
      specialistIds: [olena.id, olena.id],
    });
    expect((await store.services.get(service.id))!.specialistIds).to.deep.equal([olena.id]);
  });

  it('refuses a duration outside 5–720 minutes or not whole, and writes nothing', async () => {
    const { store } = setup();
    for (const durationMinutes of [4, 721, 30.5]) {
      const error = await refused(store.services.create({ name: 'Стрижка', durationMinutes, price: { minor: 30_000 } }));
      expect(error).to.include({ code: 'VALIDATION', field: 'durationMinutes', messageKey: 'error.invalid' });
    }
    expect(await store.services.list({ includeArchived: true })).to.deep.equal([]);
  });

  it('refuses an empty name and a negative price', async () => {
    const { store } = setup();
    expect(await refused(store.services.create({ name: ' ', durationMinutes: 30, price: { minor: 100 } }))).to.include({
      code: 'VALIDATION',
      field: 'name',
      messageKey: 'error.required',
    });
    expect(await refused(store.services.create({ name: 'Стрижка', durationMinutes: 30, price: { minor: -1 } }))).to.include({
      code: 'VALIDATION',
      field: 'price.minor',
    });
  });

  it('refuses a provider who is not a specialist, naming the list position', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    const manager = await addUser(db, 'Петро Мельник', ['manager']);
    const error = await refused(
      store.services.create({ name: 'Педикюр', durationMinutes: 90, price: { minor: 60_000 }, specialistIds: [olena.id, manager.id] }),
    );
    expect(error).to.include({ code: 'NOT_FOUND', field: 'specialistIds.1' });
    expect(await store.services.list()).to.deep.equal([]);
  });

  it('refuses the name of another active service, whatever the case', async () => {
    const { store } = setup();
    const first = await store.services.create({ name: 'Масаж спини', durationMinutes: 45, price: { minor: 50_000 } });
    const error = await refused(store.services.create({ name: 'масаж СПИНИ', durationMinutes: 30, price: { minor: 40_000 } }));
    expect(error).to.include({ code: 'DUPLICATE', field: 'name', messageKey: 'error.duplicateName' });
    expect(error.params).to.deep.equal({ id: first.id });
    expect(await store.services.list()).to.deep.equal([first]);
  });
});

describe('services.update, archive, restore, list, forSpecialist', () => {
  it('changes only the given fields and moves updatedAt', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    const service = await store.services.create({ name: 'Стрижка', durationMinutes: 30, price: { minor: 30_000 } });
    await settle(2);
    const updated = await store.services.update(service.id, { durationMinutes: 45, specialistIds: [olena.id] });
    expect(updated).to.include({ name: 'Стрижка', durationMinutes: 45, createdAt: service.createdAt });
    expect(updated.specialistIds).to.deep.equal([olena.id]);
    expect(updated.updatedAt).to.be.greaterThan(service.updatedAt);
    expect(await store.services.get(service.id)).to.deep.equal(updated);
  });

  it('refuses an unknown service and a bad duration, leaving the service as it was', async () => {
    const { store } = setup();
    const service = await store.services.create({ name: 'Стрижка', durationMinutes: 30, price: { minor: 30_000 } });
    expect(await refused(store.services.update('немає', { durationMinutes: 45 }))).to.include({ code: 'NOT_FOUND', field: 'id' });
    expect(await refused(store.services.update(service.id, { durationMinutes: 0 }))).to.include({
      code: 'VALIDATION',
      field: 'durationMinutes',
    });
    expect(await store.services.get(service.id)).to.deep.equal(service);
  });

  it('hides an archived service from lists and brings it back on restore', async () => {
    const { store } = setup();
    const haircut = await store.services.create({ name: 'Стрижка', durationMinutes: 30, price: { minor: 30_000 } });
    const coloring = await store.services.create({ name: 'Фарбування', durationMinutes: 120, price: { minor: 150_000 } });
    const archived = await store.services.archive(haircut.id);
    expect(archived.archived).to.equal(1);
    expect((await store.services.list()).map((s) => s.name)).to.deep.equal(['Фарбування']);
    expect((await store.services.list({ includeArchived: true })).map((s) => s.name)).to.deep.equal(['Стрижка', 'Фарбування']);
    // The name is free again while archived; restoring refuses to make two of it.
    const twin = await store.services.create({ name: 'Стрижка', durationMinutes: 40, price: { minor: 35_000 } });
    expect(await refused(store.services.restore(haircut.id))).to.include({ code: 'DUPLICATE', field: 'name' });
    await store.services.archive(twin.id);
    expect((await store.services.restore(haircut.id)).archived).to.equal(0);
    expect((await store.services.list()).map((s) => s.id)).to.deep.equal([haircut.id, coloring.id]);
  });

  it('lists the active services a specialist provides, by name', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    const ihor = await addUser(db, 'Ігор Бондаренко');
    const everyone = await store.services.create({ name: 'Консультація', durationMinutes: 30, price: { minor: 20_000 } });
    const hers = await store.services.create({ name: 'Брови', durationMinutes: 45, price: { minor: 35_000 }, specialistIds: [olena.id] });
    const his = await store.services.create({ name: 'Борода', durationMinutes: 30, price: { minor: 25_000 }, specialistIds: [ihor.id] });
    const gone = await store.services.create({ name: 'Вії', durationMinutes: 60, price: { minor: 50_000 }, specialistIds: [olena.id] });
    await store.services.archive(gone.id);
    expect((await store.services.forSpecialist(olena.id)).map((s) => s.id)).to.deep.equal([hers.id, everyone.id]);
    expect((await store.services.forSpecialist(ihor.id)).map((s) => s.id)).to.deep.equal([his.id, everyone.id]);
  });
});

describe('schedule.setWorkingHours', () => {
  it('sets one interval per weekday, replacing the previous one', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    const first = await store.schedule.setWorkingHours(olena.id, 1, { start: '09:00', end: '18:00' });
    const second = await store.schedule.setWorkingHours(olena.id, 1, { start: '10:00', end: '19:30' });
    expect(second).to.include({ id: first!.id, specialistId: olena.id, weekday: 1, start: '10:00', end: '19:30', createdAt: first!.createdAt });
    expect(await store.schedule.hours(olena.id)).to.deep.equal([second]);
  });

  it('removes the hours of a weekday with null', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    await store.schedule.setWorkingHours(olena.id, 2, { start: '09:00', end: '18:00' });
    const friday = await store.schedule.setWorkingHours(olena.id, 5, { start: '09:00', end: '15:00' });
    expect(await store.schedule.setWorkingHours(olena.id, 2, null)).to.equal(undefined);
    expect(await store.schedule.hours(olena.id)).to.deep.equal([friday]);
  });

  it('refuses an end not after the start, naming end, and keeps the old hours', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    const hours = await store.schedule.setWorkingHours(olena.id, 1, { start: '09:00', end: '18:00' });
    for (const end of ['09:00', '08:30']) {
      expect(await refused(store.schedule.setWorkingHours(olena.id, 1, { start: '09:00', end }))).to.include({
        code: 'VALIDATION',
        field: 'end',
        messageKey: 'error.timeRange',
      });
    }
    expect(await store.schedule.hours(olena.id)).to.deep.equal([hours]);
  });

  it('refuses a malformed time and a weekday outside 1–7', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    expect(await refused(store.schedule.setWorkingHours(olena.id, 1, { start: '9:00', end: '18:00' }))).to.include({
      code: 'VALIDATION',
      field: 'start',
      messageKey: 'error.time',
    });
    expect(await refused(store.schedule.setWorkingHours(olena.id, 8 as 1, { start: '09:00', end: '18:00' }))).to.include({
      code: 'VALIDATION',
      field: 'weekday',
    });
    expect(await store.schedule.hours(olena.id)).to.deep.equal([]);
  });

  it('refuses a user who is not a specialist, or no user at all', async () => {
    const { db, store } = setup();
    const manager = await addUser(db, 'Петро Мельник', ['manager']);
    for (const id of [manager.id, 'немає-такого']) {
      expect(await refused(store.schedule.setWorkingHours(id, 1, { start: '09:00', end: '18:00' }))).to.include({
        code: 'NOT_FOUND',
        field: 'specialistId',
      });
    }
    expect(await db.workingHours.count()).to.equal(0);
  });
});

describe('schedule.setWeek', () => {
  it('writes the whole week at once; missing and null weekdays are not worked', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    await store.schedule.setWorkingHours(olena.id, 7, { start: '10:00', end: '14:00' });
    const week = await store.schedule.setWeek(olena.id, {
      1: { start: '09:00', end: '18:00' },
      3: { start: '12:00', end: '20:00' },
      5: null,
    });
    expect(week.map((h) => [h.weekday, h.start, h.end])).to.deep.equal([
      [1, '09:00', '18:00'],
      [3, '12:00', '20:00'],
    ]);
    expect(await store.schedule.hours(olena.id)).to.deep.equal(week);
  });

  it('writes nothing when one day is wrong, naming that day', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    const before = await store.schedule.setWeek(olena.id, { 1: { start: '09:00', end: '18:00' } });
    const error = await refused(
      store.schedule.setWeek(olena.id, { 1: { start: '08:00', end: '17:00' }, 3: { start: '12:00', end: '11:00' } }),
    );
    expect(error).to.include({ code: 'VALIDATION', field: '3.end', messageKey: 'error.timeRange' });
    expect(await store.schedule.hours(olena.id)).to.deep.equal(before);
  });
});

describe('schedule.addBreak, removeBreak', () => {
  it('adds recurring breaks, lists them by weekday and start, and removes one', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    const tuesdayLunch = await store.schedule.addBreak(olena.id, { weekday: 2, start: '13:00', end: '14:00' });
    const mondayCoffee = await store.schedule.addBreak(olena.id, { weekday: 1, start: '16:00', end: '16:15' });
    const mondayLunch = await store.schedule.addBreak(olena.id, { weekday: 1, start: '13:00', end: '13:30' });
    expect(mondayLunch).to.include({ specialistId: olena.id, weekday: 1, start: '13:00', end: '13:30' });
    expect(await store.schedule.breaks(olena.id)).to.deep.equal([mondayLunch, mondayCoffee, tuesdayLunch]);
    expect(await store.schedule.removeBreak(mondayCoffee.id)).to.deep.equal(mondayCoffee);
    expect(await store.schedule.breaks(olena.id)).to.deep.equal([mondayLunch, tuesdayLunch]);
  });

  it('refuses a break that ends before it starts and an unknown break to remove', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    expect(await refused(store.schedule.addBreak(olena.id, { weekday: 1, start: '14:00', end: '13:00' }))).to.include({
      code: 'VALIDATION',
      field: 'end',
      messageKey: 'error.timeRange',
    });
    expect(await refused(store.schedule.removeBreak('немає'))).to.include({ code: 'NOT_FOUND', field: 'id' });
    expect(await store.schedule.breaks(olena.id)).to.deep.equal([]);
  });
});

describe('schedule.addDayOff, removeDayOff, daysOff', () => {
  it('marks days off with a reason and lists them by date within a range', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    const ihor = await addUser(db, 'Ігор Бондаренко');
    const vacation = await store.schedule.addDayOff(olena.id, '2031-06-10', '  Відпустка ');
    const sick = await store.schedule.addDayOff(olena.id, '2031-06-03', 'Лікарняний');
    const later = await store.schedule.addDayOff(olena.id, '2031-07-01');
    await store.schedule.addDayOff(ihor.id, '2031-06-05');
    expect(vacation).to.include({ specialistId: olena.id, date: '2031-06-10', reason: 'Відпустка' });
    expect(later.reason).to.equal(undefined);
    expect(await store.schedule.daysOff(olena.id, { from: '2031-06-01', to: '2031-06-30' })).to.deep.equal([sick, vacation]);
    expect(await store.schedule.daysOff(olena.id)).to.deep.equal([sick, vacation, later]);
    await store.schedule.removeDayOff(sick.id);
    expect(await store.schedule.daysOff(olena.id, { to: '2031-06-30' })).to.deep.equal([vacation]);
  });

  it('refuses a second day off on the same date as a duplicate', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    const first = await store.schedule.addDayOff(olena.id, '2031-06-10', 'Відпустка');
    const error = await refused(store.schedule.addDayOff(olena.id, '2031-06-10', 'Навчання'));
    expect(error).to.include({ code: 'DUPLICATE', field: 'date', messageKey: 'error.duplicate' });
    expect(error.params).to.deep.equal({ id: first.id });
    expect(await store.schedule.daysOff(olena.id)).to.deep.equal([first]);
  });

  it('refuses a date that does not exist and a user who is not a specialist', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    const manager = await addUser(db, 'Петро Мельник', ['manager']);
    expect(await refused(store.schedule.addDayOff(olena.id, '2031-02-30'))).to.include({ code: 'VALIDATION', field: 'date' });
    expect(await refused(store.schedule.addDayOff(manager.id, '2031-06-10'))).to.include({ code: 'NOT_FOUND', field: 'specialistId' });
    expect(await refused(store.schedule.removeDayOff('немає'))).to.include({ code: 'NOT_FOUND', field: 'id' });
    expect(await db.daysOff.count()).to.equal(0);
  });
});

describe('schedule.dayPlan', () => {
  it('gives the working intervals of a day: hours minus breaks, in local time', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    await store.schedule.setWeek(olena.id, { 1: { start: '09:00', end: '18:00' } });
    const lunch = await store.schedule.addBreak(olena.id, { weekday: 1, start: '13:00', end: '14:00' });
    const late = await store.schedule.addBreak(olena.id, { weekday: 1, start: '17:30', end: '19:00' });
    await store.schedule.addBreak(olena.id, { weekday: 2, start: '10:00', end: '11:00' });
    const plan = await store.schedule.dayPlan(olena.id, '2031-06-02');
    expect(plan).to.deep.equal({
      specialistId: olena.id,
      date: '2031-06-02',
      hours: { start: at(2, 9), end: at(2, 18) },
      working: [
        { start: at(2, 9), end: at(2, 13) },
        { start: at(2, 14), end: at(2, 17, 30) },
      ],
      breaks: [
        { breakId: lunch.id, start: at(2, 13), end: at(2, 14) },
        { breakId: late.id, start: at(2, 17, 30), end: at(2, 18) },
      ],
    });
  });

  it('has no working time on a day off, and says why', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    await store.schedule.setWeek(olena.id, { 1: { start: '09:00', end: '18:00' } });
    const dayOff = await store.schedule.addDayOff(olena.id, '2031-06-02', 'Відпустка');
    const plan = await store.schedule.dayPlan(olena.id, '2031-06-02');
    expect(plan.working).to.deep.equal([]);
    expect(plan.dayOff).to.deep.equal(dayOff);
    expect((await store.schedule.dayPlan(olena.id, '2031-06-09')).working).to.deep.equal([{ start: at(9, 9), end: at(9, 18) }]);
    expect((await store.schedule.dayPlan(olena.id, '2031-06-03')).working).to.deep.equal([]);
  });
});

describe('schedule.specialists', () => {
  it('lists active specialists by name', async () => {
    const { db, store } = setup();
    const olena = await addUser(db, 'Олена Шевченко');
    const ihor = await addUser(db, 'Ігор Бондаренко', ['specialist', 'manager']);
    await addUser(db, 'Петро Мельник', ['manager']);
    await addUser(db, 'Андрій Звільнений', ['specialist'], 0);
    expect((await store.schedule.specialists()).map((u) => u.id)).to.deep.equal([ihor.id, olena.id]);
  });
});

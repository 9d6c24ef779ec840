/**
 * G1: services with durations and prices, and specialists' working hours,
 * breaks and days off. A specialist is a user with the role `specialist`.
 */
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import type { CrmDatabase } from './database.js';
import { CrmError, notFound } from './errors.js';
import { checkUniqueName } from './records.js';
import type { Money } from './money.js';
import { isoWeekday, minutesOfDay, planDay, type DayPlan } from './slots.js';
import type { CrmStore } from './store.js';
import type { Break, CalendarDate, DayOff, Id, Service, TimeOfDay, User, Weekday, WorkingHours } from './types.js';
import { calendarDate, flag, id, money, optionalText, parseInput, requiredText, timeOfDay } from './validation.js';

export type { DayPlan, DayBreak, FreeSlot, TimeInterval } from './slots.js';

// ── shared helpers ──────────────────────────────────────────────────────────

/** Whether a user is a specialist (a resource appointments are booked with). */
export function isSpecialist(user: User | undefined): user is User {
  return !!user && user.roles.includes('specialist');
}

/**
 * The specialist with that id, or a `NOT_FOUND` error naming `field` when
 * there is no such user or the user is not a specialist. Call inside the
 * write's transaction (include `db.users` in its tables).
 */
export async function requireSpecialist(db: CrmDatabase, specialistId: Id, field = 'specialistId'): Promise<User> {
  const user = await db.users.get(specialistId);
  if (!isSpecialist(user)) throw notFound(field, specialistId);
  return user;
}

/** Whether a specialist provides a service (an empty list means everyone does). */
export function providesService(service: Pick<Service, 'specialistIds'>, specialistId: Id): boolean {
  return service.specialistIds.length === 0 || service.specialistIds.includes(specialistId);
}

/** A specialist's weekly schedule and days off, read in one go. */
export interface SpecialistSchedule {
  /** Working hours by weekday. */
  hours: Map<Weekday, WorkingHours>;
  /** Breaks by weekday. */
  breaks: Map<Weekday, Break[]>;
  /** Days off by date. */
  daysOff: Map<CalendarDate, DayOff>;
}

/**
 * Reads the schedules of `specialistIds` — or of everyone who has one, when
 * `undefined` — (hours, breaks, days off between `from` and `to`, inclusive)
 * with one query per table. Only Dexie reads: safe inside `liveQuery` and
 * inside a transaction over those tables.
 */
export async function loadSchedules(
  db: CrmDatabase,
  specialistIds: readonly Id[] | undefined,
  from: CalendarDate,
  to: CalendarDate,
): Promise<Map<Id, SpecialistSchedule>> {
  if (specialistIds?.length === 0) return new Map();
  const single = specialistIds?.length === 1 ? specialistIds[0]! : undefined;
  // For several specialists, whole-table reads (a few rows per specialist, one getAll each)
  // beat anyOf(), which walks a cursor; rows of other specialists are skipped below.
  const [hours, breaks, daysOff] = await Promise.all([
    single ? db.workingHours.where('specialistId').equals(single).toArray() : db.workingHours.toArray(),
    single ? db.breaks.where('specialistId').equals(single).toArray() : db.breaks.toArray(),
    single
      ? db.daysOff.where('[specialistId+date]').between([single, from], [single, to], true, true).toArray()
      : db.daysOff.where('date').between(from, to, true, true).toArray(),
  ]);
  return groupSchedules({ hours, breaks, daysOff }, specialistIds);
}

/**
 * The schedules of `specialistIds` (of everyone named, when `undefined`) from
 * their records: hours by weekday (the latest record of a weekday wins),
 * breaks by weekday, days off by date. Pure: what `loadSchedules` does with
 * what it read.
 */
export function groupSchedules(
  records: { hours: readonly WorkingHours[]; breaks: readonly Break[]; daysOff: readonly DayOff[] },
  specialistIds?: readonly Id[],
): Map<Id, SpecialistSchedule> {
  const schedules = new Map<Id, SpecialistSchedule>();
  const wanted = specialistIds ? new Set(specialistIds) : undefined;
  const scheduleOf = (specialistId: Id): SpecialistSchedule | undefined => {
    if (wanted && !wanted.has(specialistId)) return undefined;
    let schedule = schedules.get(specialistId);
    if (!schedule) {
      schedule = { hours: new Map(), breaks: new Map(), daysOff: new Map() };
      schedules.set(specialistId, schedule);
    }
    return schedule;
  };
  for (const record of records.hours) {
    const schedule = scheduleOf(record.specialistId);
    const existing = schedule?.hours.get(record.weekday);
    if (schedule && (!existing || existing.updatedAt < record.updatedAt)) schedule.hours.set(record.weekday, record);
  }
  for (const record of records.breaks) {
    const schedule = scheduleOf(record.specialistId);
    if (!schedule) continue;
    const list = schedule.breaks.get(record.weekday);
    if (list) list.push(record);
    else schedule.breaks.set(record.weekday, [record]);
  }
  for (const record of records.daysOff) scheduleOf(record.specialistId)?.daysOff.set(record.date, record);
  return schedules;
}

/** The plan of one day from a schedule read by `loadSchedules`. */
export function planFromSchedule(specialistId: Id, date: CalendarDate, schedule: SpecialistSchedule | undefined): DayPlan {
  const weekday = isoWeekday(date);
  return planDay(specialistId, date, schedule?.hours.get(weekday), schedule?.breaks.get(weekday) ?? [], schedule?.daysOff.get(date));
}

function byName<T extends { name: string; id: Id }>(a: T, b: T): number {
  return a.name.localeCompare(b.name, 'uk') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// ── services ────────────────────────────────────────────────────────────────

/** What `services.create` takes. */
export interface ServiceInput {
  /** 1–120 characters. */
  name: string;
  /** An integer from 5 to 720. */
  durationMinutes: number;
  /** Price; currency defaults to UAH. */
  price: { minor: number; currency?: string } | Money;
  /** Specialists who provide it; empty or absent means everyone. */
  specialistIds?: Id[];
}

const durationMinutes = v.pipe(
  v.number('error.invalid'),
  v.integer('error.invalid'),
  v.minValue(5, 'error.invalid'),
  v.maxValue(720, 'error.invalid'),
);

const specialistIds = v.pipe(
  v.optional(v.array(id, 'error.invalid'), []),
  v.transform((list) => [...new Set(list)]),
);

const serviceSchema = v.object({
  name: requiredText(120),
  durationMinutes,
  price: money,
  specialistIds,
});

const servicePatchSchema = v.partial(serviceSchema);

/** Services: what clients book, how long it takes, what it costs and who provides it. */
export interface ServicesRepository {
  /**
   * Adds a service. Refuses bad input with `VALIDATION` (`name`,
   * `durationMinutes` outside 5–720 or not whole, `price.minor`,
   * `price.currency`), a name an active service has already (case-insensitive)
   * with `DUPLICATE` (`name`, `error.duplicateName`, `params.id`), and
   * a specialist id that is not a specialist with `NOT_FOUND`
   * (`specialistIds.N`). Returns the written service.
   */
  create(input: ServiceInput): Promise<Service>;
  /**
   * Changes the given fields of a service (an archived one too), with the
   * checks of `create`; `specialistIds: []` makes it everyone's. `NOT_FOUND`
   * (`id`) when there is no such service. Booked appointments keep their times.
   */
  update(id: Id, patch: Partial<ServiceInput>): Promise<Service>;
  /** Hides a service from booking and from lists; history keeps it. `NOT_FOUND` (`id`). */
  archive(id: Id): Promise<Service>;
  /** Brings an archived service back. `NOT_FOUND` (`id`); `DUPLICATE` (`name`) if an active one took its name. */
  restore(id: Id): Promise<Service>;
  /** One service, or `undefined`. Usable inside `liveQuery`. */
  get(id: Id): Promise<Service | undefined>;
  /** Services by name (Ukrainian collation); archived ones only with `includeArchived`. Usable inside `liveQuery`. */
  list(options?: { includeArchived?: boolean }): Promise<Service[]>;
  /** The active services a specialist provides, by name. Usable inside `liveQuery`. */
  forSpecialist(specialistId: Id): Promise<Service[]>;
}

export function createServicesRepository(ctx: StoreContext, _store: CrmStore): ServicesRepository {
  const { db } = ctx;

  const checkName = (name: string, selfId?: Id) => checkUniqueName(db.services, name, selfId, (service) => service.archived === 0);

  async function checkSpecialists(ids: readonly Id[]): Promise<void> {
    const users = await db.users.bulkGet([...ids]);
    users.forEach((user, index) => {
      if (!isSpecialist(user)) throw notFound(`specialistIds.${index}`, ids[index]!);
    });
  }

  async function requireService(serviceId: Id): Promise<Service> {
    const service = await db.services.get(serviceId);
    if (!service) throw notFound('id', serviceId);
    return service;
  }

  return {
    async create(input) {
      const parsed = parseInput(serviceSchema, input);
      return ctx.write([db.services, db.users], async () => {
        await checkName(parsed.name);
        await checkSpecialists(parsed.specialistIds);
        const now = ctx.now();
        const service: Service = {
          id: ctx.newId(),
          name: parsed.name,
          durationMinutes: parsed.durationMinutes,
          price: { minor: parsed.price.minor, currency: parsed.price.currency },
          specialistIds: parsed.specialistIds,
          archived: 0,
          createdAt: now,
          updatedAt: now,
        };
        await db.services.add(service);
        return service;
      });
    },

    async update(serviceId, patch) {
      const parsed = parseInput(servicePatchSchema, patch);
      return ctx.write([db.services, db.users], async () => {
        const service = await requireService(serviceId);
        if (parsed.name !== undefined && service.archived === 0) await checkName(parsed.name, serviceId);
        if (parsed.specialistIds !== undefined) await checkSpecialists(parsed.specialistIds);
        const updated: Service = { ...service, updatedAt: ctx.now() };
        if (parsed.name !== undefined) updated.name = parsed.name;
        if (parsed.durationMinutes !== undefined) updated.durationMinutes = parsed.durationMinutes;
        if (parsed.price !== undefined) updated.price = { minor: parsed.price.minor, currency: parsed.price.currency };
        if (parsed.specialistIds !== undefined) updated.specialistIds = parsed.specialistIds;
        await db.services.put(updated);
        return updated;
      });
    },

    async archive(serviceId) {
      parseInput(id, serviceId, 'id');
      return ctx.write([db.services], async () => {
        const service = await requireService(serviceId);
        const updated: Service = { ...service, archived: flag(true), updatedAt: ctx.now() };
        await db.services.put(updated);
        return updated;
      });
    },

    async restore(serviceId) {
      parseInput(id, serviceId, 'id');
      return ctx.write([db.services], async () => {
        const service = await requireService(serviceId);
        if (service.archived === 0) return service;
        await checkName(service.name, serviceId);
        const updated: Service = { ...service, archived: flag(false), updatedAt: ctx.now() };
        await db.services.put(updated);
        return updated;
      });
    },

    get(serviceId) {
      return db.services.get(serviceId);
    },

    async list(options = {}) {
      const services = options.includeArchived ? await db.services.toArray() : await db.services.where('archived').equals(0).toArray();
      return services.sort(byName);
    },

    async forSpecialist(specialistId) {
      const services = await db.services.where('archived').equals(0).toArray();
      return services.filter((s) => providesService(s, specialistId)).sort(byName);
    },
  };
}

// ── schedule ────────────────────────────────────────────────────────────────

/** A span of a day, `HH:MM` to `HH:MM` (`24:00` allowed as an end). */
export interface TimeSpan {
  start: TimeOfDay;
  end: TimeOfDay;
}

/** What `schedule.addBreak` takes. */
export interface BreakInput extends TimeSpan {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: Weekday;
}

const weekday = v.picklist([1, 2, 3, 4, 5, 6, 7] as const, 'error.invalid');

const spanSchema = v.object({ start: timeOfDay, end: timeOfDay });
const breakSchema = v.object({ weekday, start: timeOfDay, end: timeOfDay });

/** Parses a span and checks `end` after `start` (`VALIDATION` on `end` with `error.timeRange`). */
function parseSpan<S extends typeof spanSchema | typeof breakSchema>(schema: S, input: unknown, field?: string): v.InferOutput<S> {
  const span = parseInput(schema, input, field);
  if (minutesOfDay(span.end) <= minutesOfDay(span.start)) {
    throw new CrmError('VALIDATION', 'error.timeRange', { field: field ? `${field}.end` : 'end' });
  }
  return span;
}
const dayOffSchema = v.object({ date: calendarDate, reason: optionalText(500) });
const dateRangeSchema = v.object({ from: v.optional(calendarDate), to: v.optional(calendarDate) });

const weekdayKeys = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** Specialists' working hours (one interval per weekday), breaks and days off. */
export interface ScheduleRepository {
  /**
   * Sets (replaces) the working hours of one weekday, or removes them with
   * `null` (the specialist does not work that weekday). Returns the written
   * record, or `undefined` after a removal. Refuses a weekday outside 1–7
   * (`VALIDATION`, `weekday`), a time not `HH:MM` (`start`/`end`,
   * `error.time`), an end not after the start (`end`, `error.timeRange`) and a
   * user who is not a specialist (`NOT_FOUND`, `specialistId`).
   */
  setWorkingHours(specialistId: Id, weekday: Weekday, hours: TimeSpan | null): Promise<WorkingHours | undefined>;
  /**
   * Sets the whole week in one transaction: each weekday given (keys 1–7)
   * gets those hours, `null` or a missing weekday means no work that day.
   * Errors name the weekday (`3.end`, `error.timeRange`); nothing is written
   * unless every day is valid. Returns the week's records by weekday.
   */
  setWeek(specialistId: Id, week: Partial<Record<Weekday, TimeSpan | null>>): Promise<WorkingHours[]>;
  /**
   * Adds a recurring break on a weekday. A break may reach outside the hours;
   * the outside part is ignored. Refuses bad times like `setWorkingHours` and
   * a non-specialist with `NOT_FOUND` (`specialistId`).
   */
  addBreak(specialistId: Id, input: BreakInput): Promise<Break>;
  /** Removes a break; returns it. `NOT_FOUND` (`id`). */
  removeBreak(id: Id): Promise<Break>;
  /**
   * Marks a date as a day off (no bookings, no free slots). A second day off
   * on the same date is refused with `DUPLICATE` (`date`, `params.id`);
   * a bad date with `VALIDATION` (`date`); a non-specialist with `NOT_FOUND`.
   * Appointments booked on that date stay; the journal shows them.
   */
  addDayOff(specialistId: Id, date: CalendarDate, reason?: string): Promise<DayOff>;
  /** Removes a day off; returns it. `NOT_FOUND` (`id`). */
  removeDayOff(id: Id): Promise<DayOff>;
  /** The working hours by weekday. Usable inside `liveQuery`. */
  hours(specialistId: Id): Promise<WorkingHours[]>;
  /** The breaks by weekday, then start. Usable inside `liveQuery`. */
  breaks(specialistId: Id): Promise<Break[]>;
  /** The days off by date, between `from` and `to` (both included, both optional). Usable inside `liveQuery`. */
  daysOff(specialistId: Id, range?: { from?: CalendarDate; to?: CalendarDate }): Promise<DayOff[]>;
  /**
   * A specialist's day in the page's local time zone: hours, breaks and the
   * bookable `working` intervals (hours minus breaks; empty on a day off).
   * `VALIDATION` (`date`) for a bad date. Usable inside `liveQuery`.
   */
  dayPlan(specialistId: Id, date: CalendarDate): Promise<DayPlan>;
  /** Every active specialist, by name. Usable inside `liveQuery`. */
  specialists(): Promise<User[]>;
}

export function createScheduleRepository(ctx: StoreContext, _store: CrmStore): ScheduleRepository {
  const { db } = ctx;

  async function writeHours(specialistId: Id, day: Weekday, span: TimeSpan | null): Promise<WorkingHours | undefined> {
    const existing = await db.workingHours.where('[specialistId+weekday]').equals([specialistId, day]).toArray();
    const [keep, ...extra] = existing;
    if (extra.length) await db.workingHours.bulkDelete(extra.map((r) => r.id));
    if (!span) {
      if (keep) await db.workingHours.delete(keep.id);
      return undefined;
    }
    const now = ctx.now();
    const record: WorkingHours = {
      id: keep?.id ?? ctx.newId(),
      specialistId,
      weekday: day,
      start: span.start,
      end: span.end,
      createdAt: keep?.createdAt ?? now,
      updatedAt: now,
    };
    await db.workingHours.put(record);
    return record;
  }

  return {
    async setWorkingHours(specialistId, day, hours) {
      parseInput(id, specialistId, 'specialistId');
      const parsedDay = parseInput(weekday, day, 'weekday');
      const span = hours === null ? null : parseSpan(spanSchema, hours);
      return ctx.write([db.users, db.workingHours], async () => {
        await requireSpecialist(db, specialistId);
        return writeHours(specialistId, parsedDay, span);
      });
    },

    async setWeek(specialistId, week) {
      parseInput(id, specialistId, 'specialistId');
      if (typeof week !== 'object' || week === null) throw new CrmError('VALIDATION', 'error.invalid', { field: 'week' });
      for (const key of Object.keys(week)) {
        if (!(weekdayKeys as readonly string[]).includes(key)) throw new CrmError('VALIDATION', 'error.invalid', { field: key });
      }
      const spans = new Map<Weekday, TimeSpan | null>();
      for (const key of weekdayKeys) {
        const day = Number(key) as Weekday;
        const span = (week as Record<string, TimeSpan | null | undefined>)[key];
        spans.set(day, span == null ? null : parseSpan(spanSchema, span, key));
      }
      return ctx.write([db.users, db.workingHours], async () => {
        await requireSpecialist(db, specialistId);
        const written: WorkingHours[] = [];
        for (const [day, span] of spans) {
          const record = await writeHours(specialistId, day, span);
          if (record) written.push(record);
        }
        return written;
      });
    },

    async addBreak(specialistId, input) {
      parseInput(id, specialistId, 'specialistId');
      const parsed = parseSpan(breakSchema, input);
      return ctx.write([db.users, db.breaks], async () => {
        await requireSpecialist(db, specialistId);
        const now = ctx.now();
        const record: Break = {
          id: ctx.newId(),
          specialistId,
          weekday: parsed.weekday,
          start: parsed.start,
          end: parsed.end,
          createdAt: now,
          updatedAt: now,
        };
        await db.breaks.add(record);
        return record;
      });
    },

    async removeBreak(breakId) {
      parseInput(id, breakId, 'id');
      return ctx.write([db.breaks], async () => {
        const record = await db.breaks.get(breakId);
        if (!record) throw notFound('id', breakId);
        await db.breaks.delete(breakId);
        return record;
      });
    },

    async addDayOff(specialistId, date, reason) {
      parseInput(id, specialistId, 'specialistId');
      const parsed = parseInput(dayOffSchema, { date, reason });
      return ctx.write([db.users, db.daysOff], async () => {
        await requireSpecialist(db, specialistId);
        const existing = await db.daysOff.where('[specialistId+date]').equals([specialistId, parsed.date]).first();
        if (existing) throw new CrmError('DUPLICATE', 'error.duplicate', { field: 'date', params: { id: existing.id } });
        const now = ctx.now();
        const record: DayOff = { id: ctx.newId(), specialistId, date: parsed.date, createdAt: now, updatedAt: now };
        if (parsed.reason) record.reason = parsed.reason;
        await db.daysOff.add(record);
        return record;
      });
    },

    async removeDayOff(dayOffId) {
      parseInput(id, dayOffId, 'id');
      return ctx.write([db.daysOff], async () => {
        const record = await db.daysOff.get(dayOffId);
        if (!record) throw notFound('id', dayOffId);
        await db.daysOff.delete(dayOffId);
        return record;
      });
    },

    async hours(specialistId) {
      const records = await db.workingHours.where('specialistId').equals(specialistId).toArray();
      return records.sort((a, b) => a.weekday - b.weekday);
    },

    async breaks(specialistId) {
      const records = await db.breaks.where('specialistId').equals(specialistId).toArray();
      return records.sort((a, b) => a.weekday - b.weekday || minutesOfDay(a.start) - minutesOfDay(b.start));
    },

    async daysOff(specialistId, range = {}) {
      const { from, to } = parseInput(dateRangeSchema, range);
      return db.daysOff
        .where('[specialistId+date]')
        .between([specialistId, from ?? ''], [specialistId, to ?? '\uffff'], true, true)
        .toArray();
    },

    async dayPlan(specialistId, date) {
      const day = parseInput(calendarDate, date, 'date');
      const schedules = await loadSchedules(db, [specialistId], day, day);
      return planFromSchedule(specialistId, day, schedules.get(specialistId));
    },

    async specialists() {
      const users = await db.users.where('roles').equals('specialist').toArray();
      return users.filter((u) => u.active === 1).sort(byName);
    },
  };
}

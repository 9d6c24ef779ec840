/**
 * G2: the appointment journal. Booking a client with a specialist for a
 * service, rescheduling, closing (cancelled, done, no-show), the journal's
 * reads (a day, a period, a client's appointments, the specialists' load) and
 * the free-slot search.
 */
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import { CrmError, notFound, type CrmErrorMessageKey } from './errors.js';
import {
  isSpecialist,
  loadSchedules,
  planFromSchedule,
  providesService,
  requireSpecialist,
  type SpecialistSchedule,
} from './schedule.js';
import {
  addDays,
  datesBetween,
  localDate,
  mergeIntervals,
  overlapLength,
  overlaps,
  startOfLocalDay,
  localDay,
  localGridPieces,
  planDay,
  sweepFreeStarts,
  totalLength,
  type FreeSlot,
  type GridInterval,
  type TimeInterval,
} from './slots.js';
import type { CrmStore } from './store.js';
import type { Appointment, AppointmentStatus, CalendarDate, ClientRef, Id, Instant, User } from './types.js';
import { insertLead, leadSchema, leadTables, type LeadInput } from './leads.js';
import { calendarDate, id, instant, optionalId, optionalText, parseInput } from './validation.js';

export type { FreeSlot } from './slots.js';

const MINUTE = 60_000;
/**
 * No appointment is longer than this (a service lasts at most 720 minutes and
 * a rescheduled appointment keeps its length): reads that look for
 * appointments overlapping a time look back this far on the start index.
 */
const LONGEST_APPOINTMENT = 720 * MINUTE;

/** What `appointments.book` takes: the client, or a new lead written with the booking. */
export interface BookInput {
  specialistId: Id;
  serviceId: Id;
  /** When it starts; it ends the service's duration later. */
  start: Instant;
  /** An existing counterparty or lead. Either this or `newLead`. */
  client?: ClientRef;
  /**
   * A lead to create as the client, as `leads.create` takes it (name, phone…),
   * written in the same transaction as the appointment: if the booking is
   * refused, no lead is left behind. Either this or `client`.
   */
  newLead?: LeadInput;
  comment?: string;
}

/** What `appointments.reschedule` takes. */
export interface RescheduleInput {
  /** The new start; the appointment keeps its length. */
  start: Instant;
  /** Another specialist, who must provide the service; the same one when absent. */
  specialistId?: Id;
}

/** Filters of the journal's reads. */
export interface AppointmentListOptions {
  /** Only these specialists' appointments; everyone's when absent. */
  specialistIds?: Id[];
  /** Only these statuses; every status when absent. */
  statuses?: AppointmentStatus[];
}

/** What `appointments.freeSlots` looks for. */
export interface FreeSlotsQuery {
  serviceId: Id;
  /** The first day searched, `YYYY-MM-DD`. */
  from: CalendarDate;
  /** The last day searched (included). */
  to: CalendarDate;
  /** One specialist; else every active specialist who provides the service. */
  specialistId?: Id;
  /** The grid of starts, in minutes from each local midnight; 15 by default. */
  stepMinutes?: number;
  /** No slot starts before this instant (e.g. now). */
  notBefore?: Instant;
}

/** How busy a specialist is on a day. */
export interface DayLoad {
  specialistId: Id;
  date: CalendarDate;
  /** Minutes of working time taken by appointments that are not cancelled. */
  bookedMinutes: number;
  /** Minutes of working time (hours minus breaks; 0 on a day off). */
  workingMinutes: number;
  /** `bookedMinutes / workingMinutes`, 0–1; 0 when there is no working time. */
  load: number;
}

const clientRef = v.object({
  type: v.picklist(['counterparty', 'lead'], 'error.invalid'),
  id,
});

const bookSchema = v.object({
  specialistId: id,
  serviceId: id,
  start: instant,
  client: v.optional(clientRef),
  newLead: v.optional(leadSchema),
  comment: optionalText(2000),
});

const rescheduleSchema = v.object({ start: instant, specialistId: optionalId });
const cancelSchema = v.object({ reason: optionalText(500) });

const statusList = v.optional(v.array(v.picklist(['booked', 'done', 'cancelled', 'no-show'], 'error.invalid')));
const listOptionsSchema = v.object({ specialistIds: v.optional(v.array(id)), statuses: statusList });
const rangeBound = v.union([instant, calendarDate], 'error.date');

const freeSlotsSchema = v.object({
  serviceId: id,
  from: calendarDate,
  to: calendarDate,
  specialistId: optionalId,
  stepMinutes: v.optional(
    v.pipe(v.number('error.invalid'), v.integer('error.invalid'), v.minValue(1, 'error.invalid'), v.maxValue(720, 'error.invalid')),
    15,
  ),
  notBefore: v.optional(instant),
});

/** The appointment journal (G2). */
export interface AppointmentsRepository {
  /**
   * Books a client with a specialist for a service, from `start` for the
   * service's duration. Checked inside the writing transaction, so two
   * concurrent bookings of one time cannot both succeed. Refuses:
   * - `NOT_FOUND` — `specialistId` (no such specialist), `serviceId`, `client.id`;
   * - `VALIDATION` `serviceId` `error.serviceNotProvided` — the specialist
   *   does not provide the service, or it is archived;
   * - `CONFLICT` on `start`, saying why: `error.dayOff`,
   *   `error.outsideWorkingHours`, `error.duringBreak`, or
   *   `error.doubleBooking` (`params.appointmentId` names the booked one);
   * - `VALIDATION` for malformed input (`start`, `client.type`, `comment`),
   *   no client (`client`, `error.required`), both a client and a new lead
   *   (`newLead`), or a new lead `leads.create` would refuse (its field under
   *   `newLead.`, e.g. `newLead.phones.0`; `NOT_FOUND` `newLead.sourceId`…).
   * With `newLead`, the lead and the appointment are written together or not at all.
   * Returns the written appointment (status `booked`).
   */
  book(input: BookInput): Promise<Appointment>;
  /**
   * Moves a booked appointment to another start (and optionally another
   * specialist, who must provide its service), keeping its length, with the
   * checks of `book` (ignoring the appointment itself). `NOT_FOUND` (`id`);
   * `INVALID_STATE` (`status`, `error.appointmentClosed`) unless it is booked.
   */
  reschedule(id: Id, input: RescheduleInput): Promise<Appointment>;
  /** Cancels a booked appointment, freeing its time. `NOT_FOUND` (`id`); `INVALID_STATE` when closed. */
  cancel(id: Id, input?: { reason?: string }): Promise<Appointment>;
  /** Marks a booked appointment done. `NOT_FOUND` (`id`); `INVALID_STATE` when closed. */
  complete(id: Id): Promise<Appointment>;
  /** Marks that the client did not come. `NOT_FOUND` (`id`); `INVALID_STATE` when closed. */
  markNoShow(id: Id): Promise<Appointment>;
  /** One appointment, or `undefined`. Usable inside `liveQuery`. */
  get(id: Id): Promise<Appointment | undefined>;
  /** The appointments of a local day, by start (then specialist). Usable inside `liveQuery`. */
  day(date: CalendarDate, options?: AppointmentListOptions): Promise<Appointment[]>;
  /**
   * The appointments overlapping a period, by start (then specialist). Bounds
   * are instants (`[from, to)`) or dates (whole local days, `to` included).
   * Usable inside `liveQuery`.
   */
  range(from: Instant | CalendarDate, to: Instant | CalendarDate, options?: AppointmentListOptions): Promise<Appointment[]>;
  /** A client's appointments, by start. Usable inside `liveQuery`. */
  forClient(client: ClientRef): Promise<Appointment[]>;
  /**
   * How busy a specialist is on a day: minutes of working time taken by
   * appointments that are not cancelled, divided by the working minutes (0–1;
   * 0 without working time). Usable inside `liveQuery`.
   */
  load(specialistId: Id, date: CalendarDate): Promise<number>;
  /** `load` with its minutes, for several specialists (every active one when absent), by name. Usable inside `liveQuery`. */
  dayLoads(date: CalendarDate, options?: { specialistIds?: Id[] }): Promise<DayLoad[]>;
  /**
   * Every start on the step grid inside the specialists' working intervals
   * (hours minus breaks, days off excluded) from `from` to `to` where the
   * service fits and no appointment that is not cancelled overlaps; sorted by start, then by
   * specialist name. `NOT_FOUND` (`serviceId`, `specialistId`); `VALIDATION`
   * (`serviceId`, `error.serviceNotProvided`) when the one specialist asked for
   * does not provide it; `VALIDATION` (`to`, `error.timeRange`) when `to` is
   * before `from`. One read of the appointments in the range, one sweep per
   * specialist. Usable inside `liveQuery`.
   */
  freeSlots(query: FreeSlotsQuery): Promise<FreeSlot[]>;
  /** The earliest of `freeSlots(query)`, or `undefined`. Usable inside `liveQuery`. */
  firstFreeSlot(query: FreeSlotsQuery): Promise<FreeSlot | undefined>;
}

/** What {@link computeFreeSlots} searches. */
export interface FreeSlotSearch {
  /** The specialists, in the order slots at the same start are listed (by name). */
  specialistIds: readonly Id[];
  /** Their schedules (`loadSchedules` / `groupSchedules`); a specialist without one has no working time. */
  schedules: ReadonlyMap<Id, SpecialistSchedule>;
  /** Appointments overlapping the days searched, of any status (cancelled ones take no time), of anyone. */
  appointments: ReadonlyArray<Pick<Appointment, 'specialistId' | 'start' | 'end' | 'status'>>;
  /** First and last day searched, both included. */
  from: CalendarDate;
  to: CalendarDate;
  durationMinutes: number;
  stepMinutes: number;
  /** No slot starts before this instant. */
  notBefore?: Instant | undefined;
}

/**
 * The free-slot search of `appointments.freeSlots` on records already read:
 * per specialist, the working intervals of each day (hours minus breaks, days
 * off excluded) as pieces of one UTC offset, then one sweep over them and the
 * merged busy time. Sorted by start, then by the specialists' order. Pure.
 */
export function computeFreeSlots(search: FreeSlotSearch): FreeSlot[] {
  const busy = new Map<Id, TimeInterval[]>(search.specialistIds.map((sid) => [sid, []]));
  for (const a of search.appointments) {
    if (a.status !== 'cancelled') busy.get(a.specialistId)?.push({ start: a.start, end: a.end });
  }
  // Dates, weekdays, midnights and times of day worked out once per day, not per specialist and day.
  const days = datesBetween(search.from, search.to).map(localDay);
  const durationMs = search.durationMinutes * MINUTE;
  const stepMs = search.stepMinutes * MINUTE;
  const slots: Array<FreeSlot & { rank: number }> = [];
  search.specialistIds.forEach((specialistId, rank) => {
    const schedule = search.schedules.get(specialistId);
    const working: GridInterval[] = [];
    for (const day of days) {
      const plan = planDay(
        specialistId,
        day.date,
        schedule?.hours.get(day.weekday),
        schedule?.breaks.get(day.weekday) ?? [],
        schedule?.daysOff.get(day.date),
        day.instant,
      );
      for (const interval of plan.working) {
        if (day.steady) working.push({ start: interval.start, end: interval.end, gridOrigin: day.midnight });
        else working.push(...localGridPieces(interval));
      }
    }
    for (const start of sweepFreeStarts(working, busy.get(specialistId)!, durationMs, stepMs, search.notBefore)) {
      slots.push({ specialistId, start, end: start + durationMs, rank });
    }
  });
  slots.sort((a, b) => a.start - b.start || a.rank - b.rank);
  return slots.map(({ specialistId, start, end }) => ({ specialistId, start, end }));
}

function conflict(messageKey: CrmErrorMessageKey, params: Record<string, string | number> = {}): CrmError {
  return new CrmError('CONFLICT', messageKey, { field: 'start', params });
}

function serviceNotProvided(): CrmError {
  return new CrmError('VALIDATION', 'error.serviceNotProvided', { field: 'serviceId' });
}

function byStart(a: Appointment, b: Appointment): number {
  return a.start - b.start || (a.specialistId < b.specialistId ? -1 : a.specialistId > b.specialistId ? 1 : 0) || (a.id < b.id ? -1 : 1);
}

function byName(a: User, b: User): number {
  return a.name.localeCompare(b.name, 'uk') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function createAppointmentsRepository(ctx: StoreContext, _store: CrmStore): AppointmentsRepository {
  const { db } = ctx;
  const scheduleTables = [db.users, db.services, db.workingHours, db.breaks, db.daysOff, db.appointments];

  /**
   * Appointments of `specialistIds` (everyone's when undefined) overlapping
   * `[from, to)`, in start order per specialist. One indexed read per
   * specialist asked for, or one read of the start index for everyone.
   */
  async function overlapping(specialistIds: readonly Id[] | undefined, from: Instant, to: Instant): Promise<Appointment[]> {
    const lower = from - LONGEST_APPOINTMENT;
    // toArray() without a Dexie filter reads with one getAll(); the end check runs here.
    if (specialistIds === undefined) {
      const found = await db.appointments.where('start').between(lower, to, true, false).toArray();
      return found.filter((a) => a.end > from);
    }
    const lists = await Promise.all(
      [...new Set(specialistIds)].map((sid) => db.appointments.where('[specialistId+start]').between([sid, lower], [sid, to], true, false).toArray()),
    );
    return lists.flat().filter((a) => a.end > from);
  }

  /** Throws the `CONFLICT` that keeps `[start, end)` from being booked with the specialist, if any. */
  async function checkTime(specialistId: Id, start: Instant, end: Instant, selfId?: Id): Promise<void> {
    const date = localDate(start);
    const schedules = await loadSchedules(db, [specialistId], date, date);
    const plan = planFromSchedule(specialistId, date, schedules.get(specialistId));
    if (plan.dayOff) throw conflict('error.dayOff', { dayOffId: plan.dayOff.id });
    if (!plan.hours || start < plan.hours.start || end > plan.hours.end) throw conflict('error.outsideWorkingHours');
    const pause = plan.breaks.find((b) => overlaps(start, end, b));
    if (pause) throw conflict('error.duringBreak', { breakId: pause.breakId });
    const other = await db.appointments
      .where('[specialistId+start]')
      .between([specialistId, start - LONGEST_APPOINTMENT], [specialistId, end], true, false)
      // Only a cancellation frees the time: a done or no-show appointment still took it.
      .filter((a) => a.status !== 'cancelled' && a.id !== selfId && a.end > start)
      .first();
    if (other) throw conflict('error.doubleBooking', { appointmentId: other.id });
  }

  async function requireBooked(appointmentId: Id): Promise<Appointment> {
    const appointment = await db.appointments.get(appointmentId);
    if (!appointment) throw notFound('id', appointmentId);
    if (appointment.status !== 'booked') {
      throw new CrmError('INVALID_STATE', 'error.appointmentClosed', { field: 'status', params: { status: appointment.status } });
    }
    return appointment;
  }

  async function close(appointmentId: Id, status: Exclude<AppointmentStatus, 'booked'>, reason?: string): Promise<Appointment> {
    parseInput(id, appointmentId, 'id');
    return ctx.write([db.appointments], async () => {
      const appointment = await requireBooked(appointmentId);
      const updated: Appointment = { ...appointment, status, updatedAt: ctx.now() };
      if (reason) updated.cancelReason = reason;
      await db.appointments.put(updated);
      return updated;
    });
  }

  function bounds(from: Instant | CalendarDate, to: Instant | CalendarDate): [Instant, Instant] {
    const lower = parseInput(rangeBound, from, 'from');
    const upper = parseInput(rangeBound, to, 'to');
    return [
      typeof lower === 'number' ? lower : startOfLocalDay(lower),
      typeof upper === 'number' ? upper : startOfLocalDay(addDays(upper, 1)),
    ];
  }

  async function list(from: Instant, to: Instant, options: AppointmentListOptions): Promise<Appointment[]> {
    const { specialistIds, statuses } = parseInput(listOptionsSchema, options);
    let found = await overlapping(specialistIds, from, to);
    if (statuses) found = found.filter((a) => statuses.includes(a.status));
    return found.sort(byStart);
  }

  async function loads(date: CalendarDate, specialists: readonly Id[]): Promise<DayLoad[]> {
    if (specialists.length === 0) return [];
    const from = startOfLocalDay(date);
    const to = startOfLocalDay(addDays(date, 1));
    const [schedules, appointments] = await Promise.all([
      loadSchedules(db, specialists, date, date),
      overlapping(specialists.length === 1 ? specialists : undefined, from, to),
    ]);
    const taken = new Map<Id, TimeInterval[]>();
    for (const a of appointments) {
      if (a.status === 'cancelled') continue;
      const listOf = taken.get(a.specialistId) ?? [];
      listOf.push({ start: a.start, end: a.end });
      taken.set(a.specialistId, listOf);
    }
    return specialists.map((specialistId) => {
      const working = planFromSchedule(specialistId, date, schedules.get(specialistId)).working;
      const workingMs = totalLength(working);
      const bookedMs = overlapLength(mergeIntervals(taken.get(specialistId) ?? []), working);
      return {
        specialistId,
        date,
        bookedMinutes: bookedMs / MINUTE,
        workingMinutes: workingMs / MINUTE,
        load: workingMs > 0 ? bookedMs / workingMs : 0,
      };
    });
  }

  async function activeSpecialists(): Promise<User[]> {
    const users = await db.users.where('roles').equals('specialist').toArray();
    return users.filter((u) => u.active === 1).sort(byName);
  }

  /** See `AppointmentsRepository.freeSlots`. */
  async function freeSlots(query: FreeSlotsQuery): Promise<FreeSlot[]> {
    const q = parseInput(freeSlotsSchema, query);
    if (q.to < q.from) throw new CrmError('VALIDATION', 'error.timeRange', { field: 'to' });
    const from = startOfLocalDay(q.from);
    const to = startOfLocalDay(addDays(q.to, 1));
    const one = q.specialistId !== undefined ? [q.specialistId] : undefined;
    // Every read at once: the service, the specialists, their schedules, the appointments in the range.
    const [service, candidates, schedules, appointments] = await Promise.all([
      db.services.get(q.serviceId),
      one ? db.users.bulkGet(one) : activeSpecialists(),
      loadSchedules(db, one, q.from, q.to),
      overlapping(one, from, to),
    ]);
    if (!service) throw notFound('serviceId', q.serviceId);
    let specialists: User[];
    if (one) {
      const user = candidates[0];
      if (!isSpecialist(user)) throw notFound('specialistId', one[0]!);
      if (service.archived === 1 || !providesService(service, user.id)) throw serviceNotProvided();
      specialists = [user];
    } else {
      if (service.archived === 1) return [];
      specialists = (candidates as User[]).filter((u) => providesService(service, u.id));
    }
    if (specialists.length === 0) return [];

    return computeFreeSlots({
      specialistIds: specialists.map((u) => u.id),
      schedules,
      appointments,
      from: q.from,
      to: q.to,
      durationMinutes: service.durationMinutes,
      stepMinutes: q.stepMinutes,
      notBefore: q.notBefore,
    });
  }

  return {
    async book(input) {
      const parsed = parseInput(bookSchema, input);
      const { client, newLead } = parsed;
      if (client && newLead) throw new CrmError('VALIDATION', 'error.invalid', { field: 'newLead' });
      if (!client && !newLead) throw new CrmError('VALIDATION', 'error.required', { field: 'client' });
      const tables = [...new Set([...scheduleTables, db.counterparties, ...leadTables(db)])];
      return ctx.write(tables, async () => {
        await requireSpecialist(db, parsed.specialistId);
        const service = await db.services.get(parsed.serviceId);
        if (!service) throw notFound('serviceId', parsed.serviceId);
        if (service.archived === 1 || !providesService(service, parsed.specialistId)) throw serviceNotProvided();
        const end = parsed.start + service.durationMinutes * MINUTE;
        await checkTime(parsed.specialistId, parsed.start, end);
        let clientRef: ClientRef;
        if (newLead) {
          // Written only once the time is free; a refusal after it rolls it back with the rest.
          const lead = await insertLead(ctx, newLead).catch((error: unknown) => {
            throw error instanceof CrmError ? new CrmError(error.code, error.messageKey, { field: `newLead.${error.field ?? 'name'}`, params: error.params }) : error;
          });
          clientRef = { type: 'lead', id: lead.id };
        } else {
          const ref = client!;
          const found = ref.type === 'lead' ? await db.leads.get(ref.id) : await db.counterparties.get(ref.id);
          if (!found) throw notFound('client.id', ref.id);
          clientRef = ref;
        }
        const now = ctx.now();
        const appointment: Appointment = {
          id: ctx.newId(),
          specialistId: parsed.specialistId,
          serviceId: service.id,
          start: parsed.start,
          end,
          status: 'booked',
          clientType: clientRef.type,
          clientId: clientRef.id,
          createdAt: now,
          updatedAt: now,
        };
        if (parsed.comment) appointment.comment = parsed.comment;
        await db.appointments.add(appointment);
        return appointment;
      });
    },

    async reschedule(appointmentId, input) {
      parseInput(id, appointmentId, 'id');
      const parsed = parseInput(rescheduleSchema, input);
      return ctx.write(scheduleTables, async () => {
        const appointment = await requireBooked(appointmentId);
        const specialistId = parsed.specialistId ?? appointment.specialistId;
        if (specialistId !== appointment.specialistId) {
          await requireSpecialist(db, specialistId);
          const service = await db.services.get(appointment.serviceId);
          if (service && !providesService(service, specialistId)) throw serviceNotProvided();
        }
        const end = parsed.start + (appointment.end - appointment.start);
        await checkTime(specialistId, parsed.start, end, appointment.id);
        const updated: Appointment = { ...appointment, specialistId, start: parsed.start, end, updatedAt: ctx.now() };
        await db.appointments.put(updated);
        return updated;
      });
    },

    async cancel(appointmentId, input = {}) {
      const { reason } = parseInput(cancelSchema, input);
      return close(appointmentId, 'cancelled', reason);
    },

    complete(appointmentId) {
      return close(appointmentId, 'done');
    },

    markNoShow(appointmentId) {
      return close(appointmentId, 'no-show');
    },

    get(appointmentId) {
      return db.appointments.get(appointmentId);
    },

    day(date, options = {}) {
      const day = parseInput(calendarDate, date, 'date');
      return list(startOfLocalDay(day), startOfLocalDay(addDays(day, 1)), options);
    },

    range(from, to, options = {}) {
      const [lower, upper] = bounds(from, to);
      return list(lower, upper, options);
    },

    async forClient(client) {
      const ref = parseInput(clientRef, client, 'client');
      const found = await db.appointments.where('[clientType+clientId]').equals([ref.type, ref.id]).toArray();
      return found.sort(byStart);
    },

    async load(specialistId, date) {
      const day = parseInput(calendarDate, date, 'date');
      const [result] = await loads(day, [specialistId]);
      return result!.load;
    },

    async dayLoads(date, options = {}) {
      const day = parseInput(calendarDate, date, 'date');
      // By name, whether the specialists are given or all of them.
      const specialists = options.specialistIds
        ? ((await db.users.bulkGet(options.specialistIds)).filter(Boolean) as User[]).sort(byName)
        : await activeSpecialists();
      return loads(day, specialists.map((u) => u.id));
    },

    freeSlots,

    async firstFreeSlot(query) {
      const slots = await freeSlots(query);
      return slots[0];
    },
  };
}

import type { ReactiveControllerHost } from 'lit';
import type { DayLoad } from '../store/appointments.js';
import { mergeIntervals, overlapLength, totalLength, type DayPlan } from '../store/slots.js';
import type { CrmStore } from '../store/store.js';
import type { Appointment, CalendarDate, Id, Instant } from '../store/types.js';
import { LiveQueryController } from './live-query-controller.js';
import type { CrmLocalizeController } from './localize-controller.js';

/** A specialist as the journal shows one: a column (day) or a row (week). */
export interface JournalSpecialist {
  id: Id;
  name: string;
}

/** A service as the journal needs one: its name, and who provides it (empty: everyone). */
export interface JournalService {
  id: Id;
  name: string;
  durationMinutes: number;
  specialistIds: Id[];
}

/**
 * What the journal shows for a day or a week: read live from the store, or
 * given by the page (`.data`, unbound use).
 */
export interface JournalData {
  /** The specialists, in the order shown. */
  specialists: JournalSpecialist[];
  /** One plan per specialist and date shown (hours, breaks, day off), as `store.schedule.dayPlan` returns it. */
  plans: DayPlan[];
  /** The appointments of the dates shown. */
  appointments: Appointment[];
  /** Clients' names by client id. */
  clientNames?: Record<Id, string>;
  /** Services, for their names (and for the `service` filter). */
  services?: JournalService[];
  /** Each specialist's load per date; computed from `plans` and `appointments` when absent. */
  loads?: DayLoad[];
}

/** Which part of the journal to read. */
export interface JournalQuery {
  dates: CalendarDate[];
  /** Only these specialists; unset, every active one. */
  specialistIds: Id[] | undefined;
  /** Only specialists who provide this service. */
  serviceId: Id | undefined;
}

export type JournalStatus = 'loading' | 'ready' | 'error';

const MINUTE = 60_000;

/** A load like `store.appointments.dayLoads` computes it (with the store's own interval helpers), for data the page gives. */
export function computeLoad(plan: DayPlan, appointments: readonly Appointment[]): DayLoad {
  const taken = mergeIntervals(appointments.filter((a) => a.specialistId === plan.specialistId && a.status !== 'cancelled'));
  const working = totalLength(plan.working);
  const booked = overlapLength(mergeIntervals(plan.working), taken);
  return {
    specialistId: plan.specialistId,
    date: plan.date,
    bookedMinutes: booked / MINUTE,
    workingMinutes: working / MINUTE,
    load: working > 0 ? booked / working : 0,
  };
}

function provides(service: JournalService | undefined, specialistId: Id): boolean {
  return !service || service.specialistIds.length === 0 || service.specialistIds.includes(specialistId);
}

/** One live read of everything the journal shows for the dates asked. */
async function readJournal(store: CrmStore, query: JournalQuery): Promise<JournalData & { dates: CalendarDate[] }> {
  const [all, services] = await Promise.all([store.schedule.specialists(), store.services.list({ includeArchived: true })]);
  const wanted = query.specialistIds ? new Set(query.specialistIds) : undefined;
  const service = services.find((s) => s.id === query.serviceId);
  const specialists = all.filter((u) => (!wanted || wanted.has(u.id)) && provides(service, u.id)).map(({ id, name }) => ({ id, name }));
  const ids = specialists.map((s) => s.id);
  const first = query.dates[0]!;
  const last = query.dates[query.dates.length - 1]!;
  const [plans, appointments, loads] = await Promise.all([
    Promise.all(ids.flatMap((sid) => query.dates.map((date) => store.schedule.dayPlan(sid, date)))),
    ids.length ? store.appointments.range(first, last, { specialistIds: ids }) : Promise.resolve([]),
    Promise.all(query.dates.map((date) => (ids.length ? store.appointments.dayLoads(date, { specialistIds: ids }) : []))),
  ]);
  const clients = new Map(appointments.map((a) => [a.clientId, a.clientType]));
  const names = await Promise.all(
    [...clients].map(async ([clientId, type]) => [clientId, (await (type === 'lead' ? store.leads.get(clientId) : store.counterparties.get(clientId)))?.name] as const),
  );
  return {
    dates: query.dates,
    specialists,
    plans,
    appointments,
    loads: loads.flat(),
    services: services.map(({ id, name, durationMinutes, specialistIds }) => ({ id, name, durationMinutes, specialistIds })),
    clientNames: Object.fromEntries(names.filter((entry): entry is readonly [Id, string] => entry[1] !== undefined)),
  };
}

/**
 * The journal's data: the store's, read live (specialists, their day plans,
 * appointments, loads, client and service names in one query), or the page's
 * (`given`), which touches no store. Also looks things up in it.
 */
export class JournalDataController {
  private readonly live: LiveQueryController<(JournalData & { dates: CalendarDate[] }) | undefined, [string, string, string] | []>;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: {
      store: () => CrmStore;
      localize: CrmLocalizeController;
      /** The page's data: `undefined` reads the store, `null` is "still loading". */
      given: () => JournalData | null | undefined;
      query: () => JournalQuery;
    },
  ) {
    // Primitive arguments: a query object made anew on every update would re-subscribe every time.
    const key = (): [string, string, string] | [] => {
      const q = options.query();
      return this.bound ? [q.dates.join(','), q.specialistIds?.join(',') ?? '', q.serviceId ?? ''] : [];
    };
    this.live = new LiveQueryController(host, {
      store: options.store,
      enabled: () => this.bound,
      args: key,
      query: (store, dates?: string, ids?: string, serviceId?: string) =>
        dates === undefined
          ? undefined
          : readJournal(store, { dates: dates.split(','), specialistIds: ids ? ids.split(',') : undefined, serviceId: serviceId || undefined }),
    });
  }

  get bound(): boolean {
    return this.options.given() === undefined;
  }

  get status(): JournalStatus {
    const given = this.options.given();
    if (given !== undefined) return given === null ? 'loading' : 'ready';
    if (this.live.status === 'error') return 'error';
    return this.data ? 'ready' : 'loading';
  }

  get error(): unknown {
    return this.live.error;
  }

  /** The data shown; bound, only once it is the data of the dates asked now (not those of the previous day or week). */
  get data(): JournalData | undefined {
    const given = this.options.given();
    if (given !== undefined) return given ?? undefined;
    const value = this.live.value;
    return value && this.options.query().dates.every((date) => value.dates.includes(date)) ? value : undefined;
  }

  plan(specialistId: Id, date: CalendarDate): DayPlan | undefined {
    return this.data?.plans.find((p) => p.specialistId === specialistId && p.date === date);
  }

  load(specialistId: Id, date: CalendarDate): DayLoad | undefined {
    const data = this.data;
    const found = data?.loads?.find((l) => l.specialistId === specialistId && l.date === date);
    if (found || !data) return found;
    const plan = this.plan(specialistId, date);
    return plan ? computeLoad(plan, data.appointments) : undefined;
  }

  appointment(id: Id): Appointment | undefined {
    return this.data?.appointments.find((a) => a.id === id);
  }

  clientName(appointment: Appointment): string | undefined {
    return this.data?.clientNames?.[appointment.clientId];
  }

  serviceName(appointment: Appointment): string | undefined {
    return this.data?.services?.find((s) => s.id === appointment.serviceId)?.name;
  }

  specialistName(id: Id): string {
    return this.data?.specialists.find((s) => s.id === id)?.name ?? '';
  }

  /** The client's name, or "unknown client". */
  clientOf(appointment: Appointment): string {
    return this.clientName(appointment) ?? this.options.localize.term('journal.unknownClient');
  }

  /** "Марія Олійник, 10:30". */
  place(specialistId: Id, start: Instant): string {
    const time = this.options.localize.formatDateTime(start, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
    return this.options.localize.term('journal.place', this.specialistName(specialistId), time);
  }
}

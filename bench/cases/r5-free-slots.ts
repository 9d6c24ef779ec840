// R5: crm-appointment-journal's free-slot search ("first free slot": every
// free start of a 60-minute service on the 30-minute grid) for 50 specialists
// × 7 days — working hours, breaks, a day off each, ~2 000 appointments — as
// the store computes it once the records are read (`groupSchedules` +
// `computeFreeSlots`, what `store.appointments.freeSlots` runs after its
// reads) ÷ a sorted-interval sweep written plainly here over the same records
// (busy intervals sorted and merged per specialist, the gaps walked day by
// day). Both return the same candidates. The store's whole call over a seeded
// database (reads included) is the informative `storeFreeSlots` metric.
import { computeFreeSlots, type FreeSlot } from '../../src/store/appointments.js';
import type { Appointment, Break, CrmStore, DayOff, Service, User, WorkingHours } from '../../src/store/index.js';
import { groupSchedules } from '../../src/store/schedule.js';
import { contextOf } from '../../src/store/store.js';
import { freshStore, percentile, timed, track, type BenchCase, type Sample } from '../harness.js';
import { Random } from '../../src/store/sample/random.js';

const MINUTE = 60_000;
const SPECIALISTS = 50;
const FROM = '2025-11-10'; // a Monday; no clock change that week
const TO = '2025-11-16';
const DURATION = 60;
const STEP = 30;
const DURATIONS = [30, 45, 60, 90];

interface Records {
  specialistIds: string[];
  hours: WorkingHours[];
  breaks: Break[];
  daysOff: DayOff[];
  appointments: Appointment[];
  notBefore: number;
}

let records: Records;
let store: CrmStore | undefined;
let service: Service;
let repeat = 9;
let batch = 8;

const pad = (n: number) => String(n).padStart(2, '0');
const time = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
const dateOf = (day: number) => `2025-11-${pad(10 + day)}`;

/**
 * 50 specialists: Monday–Friday 09:00–18:00 or 10:00–19:00 with a lunch break
 * (some a second, short one), Saturday 10:00–15:00, Sunday off; one day off in
 * the week each; 6–9 appointments a working day (30–90 minutes, some of them
 * cancelled, a few overlapping another).
 */
function generate(): Records {
  const rng = new Random(5);
  const next = () => rng.next();
  const at = Date.UTC(2025, 9, 1);
  const stamp = { createdAt: at, updatedAt: at };
  const specialistIds = Array.from({ length: SPECIALISTS }, (_, i) => `specialist-${pad(i)}`);
  const hours: WorkingHours[] = [];
  const breaks: Break[] = [];
  const daysOff: DayOff[] = [];
  const appointments: Appointment[] = [];
  specialistIds.forEach((specialistId, i) => {
    const late = i % 3 === 0;
    const frame = (weekday: number): [number, number] | undefined => (weekday === 7 ? undefined : weekday === 6 ? [600, 900] : late ? [600, 1140] : [540, 1080]);
    for (let weekday = 1; weekday <= 6; weekday += 1) {
      const [start, end] = frame(weekday)!;
      hours.push({ id: `${specialistId}-h${weekday}`, specialistId, weekday: weekday as WorkingHours['weekday'], start: time(start), end: time(end), ...stamp });
      if (weekday <= 5) {
        breaks.push({ id: `${specialistId}-b${weekday}`, specialistId, weekday: weekday as Break['weekday'], start: late ? '14:00' : '13:00', end: late ? '15:00' : '14:00', ...stamp });
        if (i % 4 === 0) breaks.push({ id: `${specialistId}-c${weekday}`, specialistId, weekday: weekday as Break['weekday'], start: '16:00', end: '16:15', ...stamp });
      }
    }
    const off = i % 6;
    daysOff.push({ id: `${specialistId}-off`, specialistId, date: dateOf(off), reason: 'Відгул', ...stamp });
    for (let day = 0; day < 7; day += 1) {
      const weekday = day + 1;
      const window = frame(weekday);
      if (!window || day === off) continue;
      const [start, end] = window;
      const count = 6 + Math.floor(next() * 4);
      const midnight = new Date(2025, 10, 10 + day).getTime();
      for (let n = 0; n < count; n += 1) {
        const length = DURATIONS[Math.floor(next() * DURATIONS.length)]!;
        const begin = start + Math.floor(next() * ((end - start - length) / 15)) * 15;
        const roll = next();
        appointments.push({
          id: `${specialistId}-a${day}-${n}`,
          specialistId,
          serviceId: 'service-consultation',
          start: midnight + begin * MINUTE,
          end: midnight + (begin + length) * MINUTE,
          status: roll < 0.1 ? 'cancelled' : roll < 0.3 ? 'done' : roll < 0.33 ? 'no-show' : 'booked',
          clientType: 'counterparty',
          clientId: `client-${(i * 31 + day * 7 + n) % 400}`,
          ...stamp,
        });
      }
    }
  });
  return { specialistIds, hours, breaks, daysOff, appointments, notBefore: new Date(2025, 10, 10, 9, 40).getTime() };
}

/** The store's computation on the records (what `freeSlots` does after its reads). */
function ours(data: Records): FreeSlot[] {
  const schedules = groupSchedules(data, data.specialistIds);
  return computeFreeSlots({
    specialistIds: data.specialistIds,
    schedules,
    appointments: data.appointments,
    from: FROM,
    to: TO,
    durationMinutes: DURATION,
    stepMinutes: STEP,
    notBefore: data.notBefore,
  });
}

const minutesOf = (value: string) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

/** The plain sweep: per specialist, busy time sorted and merged, then each day's gaps walked on the step grid. */
function floor(data: Records): FreeSlot[] {
  const duration = DURATION * MINUTE;
  const step = STEP * MINUTE;
  const days = Array.from({ length: 7 }, (_, day) => {
    const midnight = new Date(2025, 10, 10 + day);
    return { date: dateOf(day), midnight: midnight.getTime(), weekday: ((midnight.getDay() + 6) % 7) + 1 };
  });
  const rank = new Map(data.specialistIds.map((id, i) => [id, i]));
  const n = data.specialistIds.length;
  const frames: Array<Array<{ start: number; end: number; updatedAt: number } | undefined>> = Array.from({ length: n }, () => new Array(8));
  for (const row of data.hours) {
    const s = rank.get(row.specialistId);
    if (s === undefined) continue;
    const known = frames[s]![row.weekday];
    if (!known || known.updatedAt < row.updatedAt) frames[s]![row.weekday] = { start: minutesOf(row.start), end: minutesOf(row.end), updatedAt: row.updatedAt };
  }
  const pauses: Array<Array<Array<[number, number]>>> = Array.from({ length: n }, () => Array.from({ length: 8 }, () => []));
  for (const row of data.breaks) {
    const s = rank.get(row.specialistId);
    if (s !== undefined) pauses[s]![row.weekday]!.push([minutesOf(row.start), minutesOf(row.end)]);
  }
  const off = new Set(data.daysOff.map((row) => `${row.specialistId} ${row.date}`));
  const busy: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
  for (const a of data.appointments) {
    const s = rank.get(a.specialistId);
    if (s !== undefined && a.status !== 'cancelled') busy[s]!.push([a.start, a.end]);
  }
  const slots: Array<FreeSlot & { rank: number }> = [];
  for (let s = 0; s < n; s += 1) {
    const specialistId = data.specialistIds[s]!;
    // Busy time sorted by start and merged.
    const sorted = busy[s]!.filter(([start, end]) => end > start).sort((x, y) => x[0] - y[0]);
    const blocked: Array<[number, number]> = [];
    for (const [start, end] of sorted) {
      const last = blocked[blocked.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else blocked.push([start, end]);
    }
    let j = 0;
    for (const { date, midnight, weekday } of days) {
      const frame = frames[s]![weekday];
      if (!frame || frame.end <= frame.start || off.has(`${specialistId} ${date}`)) continue;
      // Working time: the hours minus the breaks (sorted), as [start, end) in minutes.
      const cuts = pauses[s]![weekday]!.map(([start, end]): [number, number] => [Math.max(start, frame.start), Math.min(end, frame.end)])
        .filter(([start, end]) => end > start)
        .sort((x, y) => x[0] - y[0]);
      const working: Array<[number, number]> = [];
      let cursor = frame.start;
      for (const [start, end] of cuts) {
        if (start > cursor) working.push([cursor, start]);
        cursor = Math.max(cursor, end);
      }
      if (cursor < frame.end) working.push([cursor, frame.end]);
      for (const [startMinutes, endMinutes] of working) {
        const end = midnight + endMinutes * MINUTE;
        let t = midnight + Math.ceil((Math.max(midnight + startMinutes * MINUTE, data.notBefore) - midnight) / step) * step;
        while (t + duration <= end) {
          while (j < blocked.length && blocked[j]![1] <= t) j += 1;
          const next = blocked[j];
          if (next && next[0] < t + duration) {
            t = midnight + Math.ceil((next[1] - midnight) / step) * step;
            continue;
          }
          slots.push({ specialistId, start: t, end: t + duration, rank: s });
          t += step;
        }
      }
    }
  }
  slots.sort((a, b) => a.start - b.start || a.rank - b.rank);
  return slots.map(({ specialistId, start, end }) => ({ specialistId, start, end }));
}

/** The candidates, in order: how many, the first, and a hash of all. */
function digest(slots: readonly FreeSlot[]): string {
  let hash = 2166136261;
  for (const slot of slots) {
    const text = `${slot.specialistId}@${slot.start}-${slot.end};`;
    for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  }
  const first = slots[0];
  return `${slots.length} slots, first ${first ? `${first.specialistId}@${new Date(first.start).toISOString()}` : '-'}, ${(hash >>> 0).toString(16)}`;
}

/** The same business in a database, written in bulk (untimed), for the informative store metric. */
async function seedStore(data: Records): Promise<void> {
  store = track(freshStore('r5'));
  const { db } = contextOf(store);
  const at = Date.UTC(2025, 9, 1);
  const users: User[] = data.specialistIds.map((id, i) => ({ id, name: `Спеціаліст ${pad(i)}`, roles: ['specialist'], active: 1, createdAt: at, updatedAt: at }));
  service = { id: 'service-consultation', name: 'Консультація', durationMinutes: DURATION, price: { minor: 80_000, currency: 'UAH' }, specialistIds: [], archived: 0, createdAt: at, updatedAt: at };
  await db.transaction('rw', [db.users, db.services, db.workingHours, db.breaks, db.daysOff, db.appointments], async () => {
    await db.users.bulkAdd(users);
    await db.services.add(service);
    await db.workingHours.bulkAdd(data.hours);
    await db.breaks.bulkAdd(data.breaks);
    await db.daysOff.bulkAdd(data.daysOff);
    await db.appointments.bulkAdd(data.appointments);
  });
}

function storeSearch(): Promise<FreeSlot[]> {
  return store!.appointments.freeSlots({ serviceId: service.id, from: FROM, to: TO, stepMinutes: STEP, notBefore: records.notBefore });
}

export const cases: BenchCase[] = [
  {
    id: 'R5',
    title: 'Journal free-slot search: 50 specialists × 7 days',
    store: false,
    variants: ['ours', 'plain sweep'],
    compare: [{ floor: 'plain sweep', target: 2 }],
    // Informative: the store's whole call (its reads included) on the same records in a database.
    checks: [{ metric: 'storeFreeSlots', over: 'median', max: 150, label: 'store.appointments.freeSlots over the seeded database, ms' }],
    async setup(scale) {
      repeat = scale.smoke ? 1 : 9;
      batch = scale.smoke ? 1 : 8;
      records = generate();
      await seedStore(records);
      const expected = digest(ours(records));
      if (digest(await storeSearch()) !== expected) throw new Error('R5: the store finds other slots than its computation');
      if (digest(floor(records)) !== expected) throw new Error('R5: the floor finds other slots');
    },
    async run(variant) {
      // CPU-bound, ~1 ms, on shared cores, with a 0.1 ms clock: a sample is the median of `repeat`
      // timings of `batch` searches one after another (per search).
      const times: number[] = [];
      let slots: FreeSlot[] = [];
      for (let i = 0; i < repeat; i += 1) {
        const ms = await timed(() => {
          for (let b = 0; b < batch; b += 1) slots = variant === 'ours' ? ours(records) : floor(records);
        });
        times.push(ms / batch);
      }
      const sample: Sample = { ms: percentile(times, 50), result: digest(slots) };
      if (variant === 'ours') sample.metrics = { storeFreeSlots: await timed(storeSearch), slots: slots.length };
      return sample;
    },
  },
];

/**
 * Interval arithmetic for the schedule and the appointment journal (G1–G2):
 * local calendar dates and times of day turned into instants, a day's working
 * intervals (hours minus breaks), and the free-slot sweep. Pure functions, no
 * database: they are tested against hand-computed tables.
 *
 * Intervals are half-open, `[start, end)`, in epoch ms. Dates and times of day
 * are read in the local time zone of the page (`new Date(y, m - 1, d, hh, mm)`),
 * which is where the business keeps its hours.
 */
import type { Break, CalendarDate, DayOff, Id, Instant, TimeOfDay, Weekday, WorkingHours } from './types.js';

/** A half-open interval of time, `[start, end)`, in epoch ms. */
export interface TimeInterval {
  start: Instant;
  end: Instant;
}

/** One free place in a specialist's day for a service: `[start, end)`. */
export interface FreeSlot extends TimeInterval {
  specialistId: Id;
}

/** A break of a particular day, as instants (clipped to that day's working hours). */
export interface DayBreak extends TimeInterval {
  /** The `Break` record it comes from. */
  breakId: Id;
}

/** What a specialist's day looks like. */
export interface DayPlan {
  /** The specialist. */
  specialistId: Id;
  /** The local calendar day. */
  date: CalendarDate;
  /** The day's working hours as instants; absent on a day off or a day without hours. */
  hours?: TimeInterval;
  /** Bookable time: the hours minus the breaks, sorted; empty on a day off or a day without hours. */
  working: TimeInterval[];
  /** The breaks of that weekday inside the hours, sorted; empty on a day off. */
  breaks: DayBreak[];
  /** The day off, if the specialist is off that day. */
  dayOff?: DayOff;
}

/** Minutes since midnight of `HH:MM` (`24:00` is 1440). */
export function minutesOfDay(time: TimeOfDay): number {
  const [hh, mm] = time.split(':').map(Number);
  return hh! * 60 + mm!;
}

function dateParts(date: CalendarDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

/** The instant of a local time of day on a local calendar date (`24:00` is the next midnight). */
export function localInstant(date: CalendarDate, time: TimeOfDay = '00:00'): Instant {
  const [y, m, d] = dateParts(date);
  const minutes = minutesOfDay(time);
  return new Date(y, m - 1, d, Math.floor(minutes / 60), minutes % 60).getTime();
}

const localInstantOf = localInstant;

/** Local midnight at the start of `date`. */
export function startOfLocalDay(date: CalendarDate): Instant {
  const [y, m, d] = dateParts(date);
  return new Date(y, m - 1, d).getTime();
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** The local calendar date of an instant. */
export function localDate(at: Instant): CalendarDate {
  const date = new Date(at);
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The date `days` after (or before, when negative) `date`. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = dateParts(date);
  return localDate(new Date(y, m - 1, d + days).getTime());
}

/** The ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): Weekday {
  const [y, m, d] = dateParts(date);
  const day = new Date(y, m - 1, d).getDay();
  return (day === 0 ? 7 : day) as Weekday;
}

/** Every date from `from` to `to`, both included (none when `to` is before `from`). */
export function datesBetween(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const dates: CalendarDate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/**
 * Sorts intervals and joins the ones that overlap or touch, so the result is
 * disjoint with increasing starts and ends. Empty intervals are dropped.
 */
export function mergeIntervals(intervals: readonly TimeInterval[]): TimeInterval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: TimeInterval[] = [];
  for (const { start, end } of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/** `base` minus every interval of `cuts`: what is left, sorted and disjoint. */
export function subtractIntervals(base: readonly TimeInterval[], cuts: readonly TimeInterval[]): TimeInterval[] {
  const holes = mergeIntervals(cuts);
  const result: TimeInterval[] = [];
  for (const piece of mergeIntervals(base)) {
    let cursor = piece.start;
    for (const hole of holes) {
      if (hole.end <= cursor) continue;
      if (hole.start >= piece.end) break;
      if (hole.start > cursor) result.push({ start: cursor, end: hole.start });
      cursor = Math.max(cursor, hole.end);
      if (cursor >= piece.end) break;
    }
    if (cursor < piece.end) result.push({ start: cursor, end: piece.end });
  }
  return result;
}

/** Total length of the overlap of two sorted, disjoint interval lists, in ms. */
export function overlapLength(a: readonly TimeInterval[], b: readonly TimeInterval[]): number {
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) total += end - start;
    if (x.end < y.end) i++;
    else j++;
  }
  return total;
}

/** Total length of sorted, disjoint intervals, in ms. */
export function totalLength(intervals: readonly TimeInterval[]): number {
  return intervals.reduce((sum, i) => sum + (i.end - i.start), 0);
}

/** Whether `[start, end)` overlaps `other`. */
export function overlaps(start: Instant, end: Instant, other: TimeInterval): boolean {
  return start < other.end && other.start < end;
}

/**
 * A specialist's day from their weekly schedule: the hours of that weekday,
 * minus its breaks (the parts of a break outside the hours are ignored), or
 * nothing on a day off.
 */
export function planDay(
  specialistId: Id,
  date: CalendarDate,
  hours: Pick<WorkingHours, 'start' | 'end'> | undefined,
  breaks: readonly Pick<Break, 'id' | 'start' | 'end'>[],
  dayOff: DayOff | undefined,
  /** How times of day become instants: `localInstant`, or a memo of it (see `localDay`). */
  localInstant: (date: CalendarDate, time: TimeOfDay) => Instant = localInstantOf,
): DayPlan {
  const plan: DayPlan = { specialistId, date, working: [], breaks: [] };
  if (dayOff) {
    plan.dayOff = dayOff;
    return plan;
  }
  if (!hours) return plan;
  const frame = { start: localInstant(date, hours.start), end: localInstant(date, hours.end) };
  if (frame.end <= frame.start) return plan;
  plan.hours = frame;
  const dayBreaks: DayBreak[] = [];
  for (const item of breaks) {
    const start = Math.max(frame.start, localInstant(date, item.start));
    const end = Math.min(frame.end, localInstant(date, item.end));
    if (end > start) dayBreaks.push({ breakId: item.id, start, end });
  }
  plan.breaks = dayBreaks.sort((a, b) => a.start - b.start || a.end - b.end);
  plan.working = subtractIntervals([frame], dayBreaks);
  return plan;
}

/** A local calendar day as a search over many specialists needs it once: see {@link localDay}. */
export interface LocalDay {
  date: CalendarDate;
  weekday: Weekday;
  /** Local midnight at its start. */
  midnight: Instant;
  /**
   * Whether the UTC offset is the same from its midnight to the next (no
   * clock change that day): then each of its working intervals is one piece
   * whose step grid starts at `midnight` (what `localGridPieces` finds, without asking).
   */
  steady: boolean;
  /** `localInstant` for this day, remembered per time of day. */
  instant(date: CalendarDate, time: TimeOfDay): Instant;
}

/** What a search over many specialists works out once per day instead of once per specialist and day. */
export function localDay(date: CalendarDate): LocalDay {
  const midnight = startOfLocalDay(date);
  const next = startOfLocalDay(addDays(date, 1));
  const offset = (t: Instant) => new Date(t).getTimezoneOffset();
  const instants = new Map<TimeOfDay, Instant>();
  return {
    date,
    weekday: isoWeekday(date),
    midnight,
    steady: offset(midnight) === offset(next - 1),
    instant(day, time) {
      if (day !== date) return localInstant(day, time);
      let at = instants.get(time);
      if (at === undefined) instants.set(time, (at = localInstant(date, time)));
      return at;
    },
  };
}

/** A working interval together with the origin of its day's step grid (local midnight). */
export interface GridInterval extends TimeInterval {
  gridOrigin: Instant;
}

/**
 * A working interval as pieces of constant UTC offset, each with the grid
 * origin that puts its steps on the local clock ("midnight" at that piece's
 * offset). On a DST-change day the clock jumps, so one origin for the whole day
 * would put the steps after the change an hour off the local grid.
 */
export function localGridPieces(interval: TimeInterval): GridInterval[] {
  const minute = 60_000;
  const offsetAt = (t: Instant) => new Date(t).getTimezoneOffset();
  const piece = (start: Instant, end: Instant): GridInterval => {
    const local = new Date(start);
    const sinceMidnight = ((local.getHours() * 60 + local.getMinutes()) * 60 + local.getSeconds()) * 1000 + local.getMilliseconds();
    return { start, end, gridOrigin: start - sinceMidnight };
  };
  const pieces: GridInterval[] = [];
  let start = interval.start;
  while (start < interval.end) {
    const offset = offsetAt(start);
    if (offsetAt(interval.end - 1) === offset) {
      pieces.push(piece(start, interval.end));
      break;
    }
    // Binary search (to the minute) for the first instant with another offset.
    let low = start;
    let high = interval.end - 1;
    while (high - low > minute) {
      const mid = low + Math.floor((high - low) / 2 / minute) * minute;
      if (offsetAt(mid) === offset) low = mid;
      else high = mid;
    }
    const change = offsetAt(low + minute) === offset ? high : low + minute;
    pieces.push(piece(start, change));
    start = change;
  }
  return pieces;
}

/**
 * The free-slot sweep for one specialist: every start on the step grid
 * (multiples of `stepMs` from each day's `gridOrigin`) inside a working
 * interval where `[start, start + durationMs)` fits in that interval and
 * overlaps nothing in `busy`, not earlier than `notBefore`.
 *
 * `working` must be sorted by start and disjoint; `busy` may be in any order
 * (it is merged first). One pass over both: O(working + busy + slots).
 */
export function sweepFreeStarts(
  working: readonly GridInterval[],
  busy: readonly TimeInterval[],
  durationMs: number,
  stepMs: number,
  notBefore = -Infinity,
): Instant[] {
  const blocked = mergeIntervals(busy);
  const starts: Instant[] = [];
  let j = 0;
  const onGrid = (t: Instant, origin: Instant) => origin + Math.ceil((t - origin) / stepMs) * stepMs;
  for (const interval of working) {
    let t = onGrid(Math.max(interval.start, notBefore), interval.gridOrigin);
    while (t + durationMs <= interval.end) {
      while (j < blocked.length && blocked[j]!.end <= t) j++;
      const next = blocked[j];
      if (next && next.start < t + durationMs) {
        t = onGrid(next.end, interval.gridOrigin);
        continue;
      }
      starts.push(t);
      t += stepMs;
    }
  }
  return starts;
}

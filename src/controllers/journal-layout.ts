import type { JournalSpecialist } from './journal-data-controller.js';
import { addDays, isoWeekday, localDate, startOfLocalDay, type DayPlan } from '../store/slots.js';
import type { Appointment, CalendarDate, Id, Instant } from '../store/types.js';

/**
 * The appointment journal's geometry: local dates, the day grid (time rows ×
 * specialist columns, each cell free, off-hours, a break, a day off, or a run
 * of appointments spanning rows). Pure functions; no store (its calendar
 * helpers are the store's own, from the shared core).
 *
 * @internal
 */

export { addDays, localDate } from '../store/slots.js';

/** Monday to Sunday of the week holding `date`. */
export function weekDates(date: CalendarDate): CalendarDate[] {
  const weekday = isoWeekday(date) - 1;
  return Array.from({ length: 7 }, (_, i) => addDays(date, i - weekday));
}

export type SlotKind = 'free' | 'closed' | 'break' | 'off';

/** A cell of the day grid: one slot row, or a run of rows taken by appointments. */
export type DayCell =
  | { kind: SlotKind; row: number; span: 1; first: boolean }
  | { kind: 'appointments'; row: number; span: number; appointments: Appointment[] };

export interface DayColumn {
  specialist: JournalSpecialist;
  plan: DayPlan | undefined;
  /** The cell starting at each row, `undefined` where a cell above spans it. */
  starts: Array<DayCell | undefined>;
  /** The cell covering each row. */
  cover: DayCell[];
}

export interface DayGrid {
  date: CalendarDate;
  /** The start of each row (epoch ms). */
  rows: Instant[];
  stepMs: number;
  columns: DayColumn[];
}

function slotKind(plan: DayPlan | undefined, start: Instant, end: Instant): SlotKind {
  if (plan?.dayOff) return 'off';
  if (!plan?.hours || start < plan.hours.start || end > plan.hours.end) return 'closed';
  return plan.breaks.some((b) => b.start < end && b.end > start) ? 'break' : 'free';
}

/**
 * The grid of a day: rows of `stepMinutes` from the earliest start to the
 * latest end of the working hours and appointments shown (9:00–18:00 when
 * nobody works); cancelled appointments are left out (their time is free).
 */
export function dayGrid(date: CalendarDate, specialists: readonly JournalSpecialist[], plans: readonly DayPlan[], appointments: readonly Appointment[], stepMinutes: number): DayGrid {
  const stepMs = Math.max(5, stepMinutes) * 60_000;
  const midnight = startOfLocalDay(date);
  const shown = appointments.filter((a) => a.status !== 'cancelled' && localDate(a.start) === date && specialists.some((s) => s.id === a.specialistId));
  const planOf = (id: Id) => plans.find((p) => p.specialistId === id && p.date === date);
  const bounds = [
    ...specialists.flatMap((s) => { const h = planOf(s.id)?.hours; return h ? [h] : []; }),
    ...shown.map((a) => ({ start: a.start, end: a.end })),
  ];
  const from = bounds.length ? Math.min(...bounds.map((b) => b.start)) : midnight + 9 * 3_600_000;
  const to = bounds.length ? Math.max(...bounds.map((b) => b.end)) : midnight + 18 * 3_600_000;
  const first = midnight + Math.floor((from - midnight) / stepMs) * stepMs;
  const count = Math.max(1, Math.ceil((to - first) / stepMs));
  const rows = Array.from({ length: count }, (_, i) => first + i * stepMs);
  const rowOf = (at: Instant) => Math.min(count - 1, Math.max(0, Math.floor((at - first) / stepMs)));
  const columns = specialists.map((specialist): DayColumn => {
    const plan = planOf(specialist.id);
    const cover: DayCell[] = [];
    const starts: Array<DayCell | undefined> = [];
    // Appointments that overlap on the grid share one cell spanning all their rows.
    const own = shown.filter((a) => a.specialistId === specialist.id).sort((a, b) => a.start - b.start);
    for (const a of own) {
      const top = rowOf(a.start);
      const bottom = Math.max(top + 1, Math.min(count, Math.ceil((a.end - first) / stepMs)));
      const joined = cover[top]?.kind === 'appointments' ? (cover[top] as Extract<DayCell, { kind: 'appointments' }>) : undefined;
      const cell = joined ?? { kind: 'appointments' as const, row: top, span: 0, appointments: [] };
      cell.appointments.push(a);
      cell.span = Math.max(cell.span, bottom - cell.row);
      for (let r = cell.row; r < cell.row + cell.span; r += 1) cover[r] = cell;
    }
    let previous: SlotKind | undefined;
    rows.forEach((start, r) => {
      const taken = cover[r];
      if (taken) {
        if (taken.row === r) starts[r] = taken;
        previous = undefined;
        return;
      }
      const kind = slotKind(plan, start, start + stepMs);
      const cell: DayCell = { kind, row: r, span: 1, first: kind !== previous };
      previous = kind;
      cover[r] = cell;
      starts[r] = cell;
    });
    return { specialist, plan, starts, cover };
  });
  return { date, rows, stepMs, columns };
}

/** The row holding an instant (the first row when before the grid). */
export function rowOf(grid: DayGrid | undefined, at: Instant): number {
  return Math.max(0, grid?.rows.findIndex((start) => start + grid.stepMs > at) ?? 0);
}

/** What the keyboard sees at (`col`, `row`) of a day grid: the covering cell's rows and appointments. */
export function cellInfo(grid: DayGrid | undefined, col: number, row: number): { row: number; span: number; appointmentIds: string[] } {
  const cell = grid?.columns[col]?.cover[row];
  if (!cell) return { row, span: 1, appointmentIds: [] };
  return { row: cell.row, span: cell.span, appointmentIds: cell.kind === 'appointments' ? cell.appointments.map((a) => a.id) : [] };
}

/** Where an appointment is drawn in a day grid. */
export function locate(grid: DayGrid | undefined, id: Id): { col: number; row: number } | undefined {
  for (const [col, column] of (grid?.columns ?? []).entries()) {
    for (const cell of column.starts) {
      const found = cell?.kind === 'appointments' ? cell.appointments.find((a) => a.id === id) : undefined;
      if (found) return { col, row: rowOf(grid, found.start) };
    }
  }
  return undefined;
}

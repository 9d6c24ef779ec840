// Schedule fixtures of the booking, free-slot and journal tests.
import type { CrmStore, TimeSpan, User, Weekday } from '../../src/store/index.js';

/** Monday to Friday. */
export const WORKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5];

/** Every day of the week. */
export const EVERY_DAY: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** The same `hours` on each of `days`, as `store.schedule.setWeek` takes a week. */
export function week(hours: TimeSpan, days: readonly Weekday[] = WORKDAYS): Partial<Record<Weekday, TimeSpan>> {
  return Object.fromEntries(days.map((day) => [day, hours]));
}

/** Creates a specialist named `name` working `hours` on `days` (Monday to Friday unless told), and returns them. */
export async function addSpecialist(store: CrmStore, name: string, hours: TimeSpan, days: readonly Weekday[] = WORKDAYS): Promise<User> {
  const specialist = await store.users.create({ name, roles: ['specialist'] });
  await store.schedule.setWeek(specialist.id, week(hours, days));
  return specialist;
}

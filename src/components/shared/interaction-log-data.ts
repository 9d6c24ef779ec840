import type { CrmLocalizeController } from '../../controllers/localize-controller.js';
import type { CrmStore } from '../../store/store.js';
import type { Interaction, InteractionDirection, InteractionKind, InteractionStatus, SubjectRef } from '../../store/types.js';
import { tunedFlowLayout } from './flow-layout.js';

/**
 * What `crm-interaction-log` reads and how: its filter as plain data, one
 * windowed store read per mode, the same filter in memory for unbound use,
 * and the day and date-time helpers of its timeline and forms.
 *
 * @internal
 */


/**
 * The feed's virtualizer layout once loaded (on demand, as the virtualizer
 * loads its default): it draws entries up to 400 px beyond the view instead
 * of 1 000 (`_overhang`, a private setting) — two or three entries, not
 * seven, and far fewer placeholders after a jump.
 */
export const feedLayout = tunedFlowLayout({ overhang: 400 });

/** The log's filter: which interactions (`mode`, `subject`) and the user's filters. */
export interface InteractionLogFilter {
  /** `subject`: one party's timeline; `all`: every interaction; `unprocessed`: the B2 queue. */
  mode: 'subject' | 'all' | 'unprocessed';
  subject?: SubjectRef | undefined;
  kinds?: InteractionKind[] | undefined;
  direction?: InteractionDirection | undefined;
  status?: InteractionStatus | undefined;
}

export const logKinds: readonly InteractionKind[] = ['call', 'meeting', 'sms', 'email', 'messenger', 'appointment', 'other'];
export const logDirections: readonly InteractionDirection[] = ['incoming', 'outgoing', 'none'];
export const logStatuses: readonly InteractionStatus[] = ['planned', 'done', 'cancelled'];

/**
 * How many interactions match `filter`, over all of them (the store's count;
 * a party's timeline is read whole: the store has no `[party+at]` index, and a
 * party's history is hundreds of rows).
 */
export async function countInteractions(store: CrmStore, filter: InteractionLogFilter): Promise<number> {
  const { mode, subject, ...filters } = filter;
  if (mode === 'unprocessed') return store.interactions.unprocessedCount(filters);
  if (mode === 'subject' && subject) return (await store.interactions.timeline(subject, filters)).length;
  return store.interactions.count(filters);
}

/**
 * Interactions `offset … offset + limit` of those matching `filter`, newest
 * first, without the count (`countInteractions` reads it once, apart). A
 * party's timeline is read whole and sliced; everything and the queue are
 * read a window at a time through an index.
 */
export async function readInteractionPage(store: CrmStore, filter: InteractionLogFilter, offset: number, limit: number): Promise<Interaction[]> {
  const { mode, subject, ...filters } = filter;
  if (mode === 'unprocessed') return (await store.interactions.unprocessedPage({ ...filters, offset, limit, total: false })).items;
  if (mode === 'subject' && subject) return (await store.interactions.timeline(subject, filters)).slice(offset, offset + limit);
  return (await store.interactions.list({ ...filters, offset, limit, total: false })).items;
}

/** Newest first; ties by creation, then id (as the store orders them). */
function newestFirst(a: Interaction, b: Interaction): number {
  return b.at - a.at || b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Unbound: the given interactions matching `filter` (subject aside), newest first. */
export function filterInteractions(list: readonly Interaction[], filter: InteractionLogFilter): Interaction[] {
  return list
    .filter(
      (item) =>
        (filter.mode !== 'unprocessed' || !item.processed) &&
        (!filter.kinds || filter.kinds.includes(item.kind)) &&
        (!filter.direction || item.direction === filter.direction) &&
        (!filter.status || item.status === filter.status),
    )
    .sort(newestFirst);
}

/** The local calendar day of an instant, `YYYY-MM-DD`. */
export function dayKey(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** "Сьогодні", "Вчора", "Завтра", else the full localized date. */
export function dayLabel(at: number, now: number, localize: CrmLocalizeController): string {
  const key = dayKey(at);
  const shifted = (days: number) => {
    const date = new Date(now);
    date.setDate(date.getDate() + days);
    return dayKey(date.getTime());
  };
  if (key === dayKey(now)) return localize.term('interactionLog.today');
  if (key === shifted(-1)) return localize.term('interactionLog.yesterday');
  if (key === shifted(1)) return localize.term('interactionLog.tomorrow');
  return localize.formatDate(at, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** An instant as the value of `<input type="datetime-local">` (local time, minutes). */
export function toLocalInput(at: number): string {
  const date = new Date(at);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${dayKey(at)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant of a `datetime-local` value, or `undefined` when empty or invalid. */
export function fromLocalInput(value: string): number | undefined {
  if (!value) return undefined;
  const at = new Date(value).getTime();
  return Number.isFinite(at) ? at : undefined;
}

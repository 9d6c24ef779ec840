/**
 * B3 reminders: a point in time at which a user is told about a planned
 * interaction, a note or a task. Interactions and notes create and move their
 * reminder rows themselves (through the helpers below, inside their own
 * transaction); this repository reads them and lets the user snooze, dismiss or
 * finish one.
 */
import { Dexie } from 'dexie';
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import { CrmError, notFound } from './errors.js';
import type { CrmStore } from './store.js';
import type { Id, Instant, Reminder, ReminderStatus } from './types.js';
import { id as idSchema, instant, optionalId, parseInput } from './validation.js';

export type ReminderTargetType = Reminder['targetType'];

/** Filters of the time-based reminder reads. */
export interface ReminderReadOptions {
  /** Only the reminders of this user. */
  userId?: Id;
}

/** Reads and changes reminders (B3). */
export interface RemindersRepository {
  /** One reminder, or `undefined`. Usable inside `liveQuery`. */
  get(id: Id): Promise<Reminder | undefined>;
  /**
   * Pending reminders that are due: `dueAt ≤ now`, oldest first (the order to
   * show them in). Usable inside `liveQuery`.
   */
  due(now: Instant, options?: ReminderReadOptions): Promise<Reminder[]>;
  /** How many pending reminders are due at `now`, over all of them. Usable inside `liveQuery`. */
  dueCount(now: Instant, options?: ReminderReadOptions): Promise<number>;
  /**
   * Pending reminders with `from ≤ dueAt < to`, earliest first (the page sets a
   * timer for the first). Usable inside `liveQuery`.
   */
  upcoming(from: Instant, to: Instant, options?: ReminderReadOptions): Promise<Reminder[]>;
  /** Every reminder of one interaction, note or task, earliest first. Usable inside `liveQuery`. */
  forTarget(targetType: ReminderTargetType, targetId: Id): Promise<Reminder[]>;
  /**
   * Moves a pending reminder to `until`; it stays pending. The interaction or
   * note it belongs to gets the same `remindAt`.
   * Refuses: an unknown id (`NOT_FOUND`, field `id`); a bad instant
   * (`VALIDATION`, field `until`); a reminder that is no longer pending
   * (`INVALID_STATE`, field `status`).
   */
  snooze(id: Id, until: Instant): Promise<Reminder>;
  /**
   * Dismisses a pending reminder (the user closed it without acting).
   * Refuses: unknown id (`NOT_FOUND`), not pending (`INVALID_STATE`, field `status`).
   */
  dismiss(id: Id): Promise<Reminder>;
  /**
   * Marks a pending reminder done (the user acted on it).
   * Refuses: unknown id (`NOT_FOUND`), not pending (`INVALID_STATE`, field `status`).
   */
  done(id: Id): Promise<Reminder>;
}

const readOptionsSchema = v.optional(v.object({ userId: optionalId }), {});

function forTargetQuery(ctx: StoreContext, targetType: ReminderTargetType, targetId: Id) {
  return ctx.db.reminders.where('[targetType+targetId]').equals([targetType, targetId]);
}

/** The reminder text stored with a row: the target's subject or the start of a note. */
export function reminderText(text: string): string {
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** A new pending reminder row, not yet written (for bulk writes). */
export function newReminder(
  ctx: StoreContext,
  targetType: ReminderTargetType,
  targetId: Id,
  reminder: { dueAt: Instant; text?: string | undefined; userId?: Id | undefined },
): Reminder {
  const now = ctx.now();
  return {
    id: ctx.newId(),
    dueAt: reminder.dueAt,
    status: 'pending',
    targetType,
    targetId,
    ...(reminder.text !== undefined ? { text: reminderText(reminder.text) } : {}),
    ...(reminder.userId !== undefined ? { userId: reminder.userId } : {}),
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Sets the pending reminder of a target: moves the pending one there is (or the
 * latest fired one, made pending again), or adds one; with `dueAt` undefined,
 * deletes its pending reminders. Call inside a transaction that includes
 * `reminders`.
 */
export async function setTargetReminder(
  ctx: StoreContext,
  targetType: ReminderTargetType,
  targetId: Id,
  reminder: { dueAt: Instant | undefined; text?: string | undefined; userId?: Id | undefined },
): Promise<Reminder | undefined> {
  const existing = await forTargetQuery(ctx, targetType, targetId).toArray();
  const pending = existing.filter((row) => row.status === 'pending');
  if (reminder.dueAt === undefined) {
    await ctx.db.reminders.bulkDelete(pending.map((row) => row.id));
    return undefined;
  }
  const [keep, ...extra] = pending;
  if (extra.length) await ctx.db.reminders.bulkDelete(extra.map((row) => row.id));
  const fresh = newReminder(ctx, targetType, targetId, { ...reminder, dueAt: reminder.dueAt });
  const row: Reminder = keep ? { ...fresh, id: keep.id, createdAt: keep.createdAt } : fresh;
  await ctx.db.reminders.put(row);
  return row;
}

/** Sets every pending reminder of a target to `status`. Call inside a transaction that includes `reminders`. */
export async function closeTargetReminders(
  ctx: StoreContext,
  targetType: ReminderTargetType,
  targetId: Id,
  status: Exclude<ReminderStatus, 'pending'>,
): Promise<void> {
  const updatedAt = ctx.now();
  await forTargetQuery(ctx, targetType, targetId)
    .filter((row) => row.status === 'pending')
    .modify({ status, updatedAt });
}

/** Renames the pending reminders of a target. Call inside a transaction that includes `reminders`. */
export async function retextTargetReminders(ctx: StoreContext, targetType: ReminderTargetType, targetId: Id, text: string): Promise<void> {
  const updatedAt = ctx.now();
  await forTargetQuery(ctx, targetType, targetId)
    .filter((row) => row.status === 'pending')
    .modify({ text: reminderText(text), updatedAt });
}

/** Deletes every reminder of a target. Call inside a transaction that includes `reminders`. */
export async function deleteTargetReminders(ctx: StoreContext, targetType: ReminderTargetType, targetId: Id): Promise<void> {
  await forTargetQuery(ctx, targetType, targetId).delete();
}

function pendingBetween(ctx: StoreContext, from: Instant | typeof Dexie.minKey, to: Instant, includeUpper: boolean) {
  return ctx.db.reminders.where('[status+dueAt]').between(['pending', from], ['pending', to], true, includeUpper);
}

export function createRemindersRepository(ctx: StoreContext, _store: CrmStore): RemindersRepository {
  const { db } = ctx;

  async function close(reminderId: Id, status: Exclude<ReminderStatus, 'pending'>): Promise<Reminder> {
    const key = parseInput(idSchema, reminderId, 'id');
    return ctx.write([db.reminders], async () => {
      const row = await db.reminders.get(key);
      if (!row) throw notFound('id', key);
      if (row.status !== 'pending') throw new CrmError('INVALID_STATE', 'error.invalidTransition', { field: 'status' });
      const next: Reminder = { ...row, status, updatedAt: ctx.now() };
      await db.reminders.put(next);
      return next;
    });
  }

  return {
    get: (reminderId) => db.reminders.get(reminderId),

    async due(now, options) {
      const { userId } = parseInput(readOptionsSchema, options);
      const query = pendingBetween(ctx, Dexie.minKey, now, true);
      return (userId === undefined ? query : query.filter((row) => row.userId === userId)).toArray();
    },

    async dueCount(now, options) {
      const { userId } = parseInput(readOptionsSchema, options);
      const query = pendingBetween(ctx, Dexie.minKey, now, true);
      return (userId === undefined ? query : query.filter((row) => row.userId === userId)).count();
    },

    async upcoming(from, to, options) {
      const { userId } = parseInput(readOptionsSchema, options);
      if (!(to > from)) return [];
      const query = pendingBetween(ctx, from, to, false);
      return (userId === undefined ? query : query.filter((row) => row.userId === userId)).toArray();
    },

    async forTarget(targetType, targetId) {
      return forTargetQuery(ctx, targetType, targetId).sortBy('dueAt');
    },

    async snooze(reminderId, until) {
      const key = parseInput(idSchema, reminderId, 'id');
      const dueAt = parseInput(instant, until, 'until');
      return ctx.write([db.reminders, db.interactions, db.notes], async () => {
        const row = await db.reminders.get(key);
        if (!row) throw notFound('id', key);
        if (row.status !== 'pending') throw new CrmError('INVALID_STATE', 'error.invalidTransition', { field: 'status' });
        const updatedAt = ctx.now();
        const next: Reminder = { ...row, dueAt, updatedAt };
        await db.reminders.put(next);
        if (row.targetType === 'interaction') await db.interactions.update(row.targetId, { remindAt: dueAt, updatedAt });
        if (row.targetType === 'note') await db.notes.update(row.targetId, { remindAt: dueAt, updatedAt });
        return next;
      });
    },

    dismiss: (reminderId) => close(reminderId, 'dismissed'),
    done: (reminderId) => close(reminderId, 'done'),
  };
}

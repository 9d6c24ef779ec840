import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { observeQuery, type Subscription } from '../store/live.js';
import type { CrmStore } from '../store/store.js';
import type { Id, Instant, Interaction, Note, Reminder, Task } from '../store/types.js';

/** What a reminder points at, read from the store. */
export type ReminderTarget =
  | { type: 'interaction'; record: Interaction }
  | { type: 'task'; record: Task }
  | { type: 'note'; record: Note };

/** A due reminder and what it points at (`target` is missing when unknown or deleted). */
export interface DueReminder {
  reminder: Reminder;
  target?: ReminderTarget | undefined;
}

export interface ReminderControllerOptions {
  /** The store to read, looked up on every update. */
  store: () => CrmStore;
  /** Plain data instead of the store (unbound use): the store is never touched; pending ones with `dueAt ≤ now` are due. */
  data?: () => readonly DueReminder[] | undefined;
  /** The clock (epoch ms); `Date.now` unless told. */
  now?: () => Instant;
  /** Only this user's reminders. */
  userId?: () => Id | undefined;
  /** How many of the due reminders (oldest first) get their target read and may notify. */
  limit?: () => number;
  /** Whether to show system notifications (only ever with permission already granted). */
  notify?: () => boolean;
  /** The text of a system notification for a reminder. */
  describe?: (due: DueReminder) => { title: string; body?: string };
}

/** How far ahead the upcoming read looks; the timer re-checks at its end. */
const LOOKAHEAD = 6 * 3600_000;
/** While notices are up, relative times ("5 хвилин тому") re-render this often. */
const REFRESH = 60_000;
/** setTimeout's longest delay. */
const MAX_DELAY = 2 ** 31 - 1;
/** Page-wide, so several notice lists on one page notify once: `id|dueAt` (a snoozed reminder may notify again). */
const notified = new Set<string>();

const readers = {
  interaction: (store: CrmStore, id: Id) => store.interactions.get(id),
  task: (store: CrmStore, id: Id) => store.tasks.get(id),
  note: (store: CrmStore, id: Id) => store.notes.get(id),
};

async function readTarget(store: CrmStore, { targetType: type, targetId }: Reminder): Promise<ReminderTarget | undefined> {
  const record = await readers[type](store, targetId);
  return record && ({ type, record } as ReminderTarget);
}

/**
 * Keeps the due reminders of a store (or of plain data) on an element while it
 * is connected: a live query over the due ones and the next upcoming one, and
 * one timer set to that next due time (re-armed whenever the data changes,
 * cleared on disconnect, re-checked when the tab becomes visible again), so a
 * reminder falling due while the page is open shows up without a reload.
 * Shows a system `Notification` for a reminder that falls due while connected,
 * once, and only if the user has already granted permission — it never asks.
 */
export class ReminderController implements ReactiveController {
  /** The due reminders, oldest first; the first `limit` carry their `target`. */
  due: DueReminder[] = [];
  /** `pending` until the first result, `error` if the store read failed (see `error`). */
  status: 'pending' | 'complete' | 'error' = 'pending';
  error: unknown;

  private next: Instant | undefined;
  private at = 0;
  private connectedAt = 0;
  private connected = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private subscription: Subscription | undefined;
  private source: readonly unknown[] = [];
  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible') this.check();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ReminderControllerOptions,
  ) {
    host.addController(this);
  }

  /** The clock in effect. */
  now(): Instant {
    return this.options.now?.() ?? Date.now();
  }

  hostConnected(): void {
    this.connected = true;
    this.connectedAt = this.now();
    document.addEventListener('visibilitychange', this.onVisibility);
    this.check();
  }

  hostUpdate(): void {
    if (this.connected && this.currentSource().some((value, index) => value !== this.source[index])) this.check();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.timer);
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  private currentSource(): unknown[] {
    const data = this.options.data?.();
    return [data ?? this.options.store(), this.options.userId?.(), this.options.limit?.()];
  }

  /** Reads again at the current time (the timer and `visibilitychange` call this). */
  check(): void {
    if (!this.connected) return;
    clearTimeout(this.timer);
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.source = this.currentSource();
    const at = (this.at = this.now());
    const data = this.options.data?.();
    if (data) {
      const pending = data.filter(({ reminder }) => reminder.status === 'pending');
      const due = pending.filter(({ reminder }) => reminder.dueAt <= at).sort((a, b) => a.reminder.dueAt - b.reminder.dueAt);
      const later = pending.map(({ reminder }) => reminder.dueAt).filter((dueAt) => dueAt > at);
      this.receive(due, later.length ? Math.min(...later) : undefined);
      return;
    }
    const store = this.options.store();
    const filter = { userId: this.options.userId?.() };
    const limit = this.options.limit?.() ?? Infinity;
    this.subscription = observeQuery(async () => {
      const [due, upcoming] = await Promise.all([store.reminders.due(at, filter), store.reminders.upcoming(at + 1, at + LOOKAHEAD, filter)]);
      // Few are shown, so their targets are read one by one, in parallel, inside the same live query.
      const targets = await Promise.all(due.slice(0, limit).map((reminder) => readTarget(store, reminder)));
      return { due: due.map((reminder, index) => ({ reminder, target: targets[index] })), next: upcoming[0]?.dueAt };
    }).subscribe({
      next: ({ due, next }) => this.receive(due, next),
      error: (error) => {
        this.error = error;
        this.status = 'error';
        this.host.requestUpdate();
      },
    });
  }

  private receive(due: DueReminder[], next: Instant | undefined): void {
    this.due = due;
    this.next = next;
    this.status = 'complete';
    this.error = undefined;
    this.notify();
    this.arm();
    this.host.requestUpdate();
  }

  private arm(): void {
    clearTimeout(this.timer);
    const bound = !this.options.data?.();
    const now = this.now();
    const untilNext = this.next !== undefined ? this.next - now : bound ? this.at + LOOKAHEAD - now : Infinity;
    const delay = Math.min(untilNext, this.due.length ? REFRESH : Infinity);
    if (delay === Infinity) return;
    this.timer = setTimeout(() => {
      const late = this.now();
      if ((this.next !== undefined && this.next <= late) || (bound && late >= this.at + LOOKAHEAD)) this.check();
      else {
        this.host.requestUpdate();
        this.arm();
      }
    }, Math.max(0, Math.min(delay, MAX_DELAY)));
  }

  private notify(): void {
    const limit = this.options.limit?.() ?? Infinity;
    const system = globalThis.Notification as typeof Notification | undefined;
    const describe = this.options.describe;
    const allowed = (this.options.notify?.() ?? true) && system?.permission === 'granted' && describe !== undefined;
    for (const due of this.due.slice(0, limit)) {
      const key = `${due.reminder.id}|${due.reminder.dueAt}`;
      if (notified.has(key)) continue;
      notified.add(key);
      // Only what falls due while the page is open: on opening, the notices on the page say it already.
      if (!allowed || !system || !describe || due.reminder.dueAt < this.connectedAt) continue;
      const { title, body } = describe(due);
      try {
        new system(title, { body, tag: due.reminder.id });
      } catch {
        // Some mobile browsers allow notifications only through a service worker.
      }
    }
  }
}
